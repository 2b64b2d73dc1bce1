// The hosts dialog (Deploy › Hosts…) driven through its table: a row per component that
// deploys something, typing into a cell is one undo step and undo gives back the saved file's
// exact bytes, values outside deployHostSchema are refused with the parameter's title, no
// column takes a secret, and an inventory fills the rows while a malformed one is refused with
// its line and column.
#include "deploy/hostseditdelegate.h"
#include "deploy/hostseditdialog.h"
#include "deploy/hostseditmodel.h"
#include "deploy/inventoryimportdialog.h"
#include "document/deployhostedit.h"
#include "document/topologydocument.h"

#include "core/io/topologyreader.h"
#include "core/model/schemas.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace topolab;
using namespace topolab::app;

namespace {

QString str(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray bytes(const TopologyDocument &doc)
{
    return QByteArray::fromStdString(doc.serialized());
}

} // namespace

class TestInventoryEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsAreTheComponentsThatDeploy();
    void noColumnTakesASecret();
    void typingAnAddressAddsAHostAndUndoGivesBackTheFile();
    void everyCellEditIsOneStep();
    void outOfRangePortIsRefusedWithItsTitle();
    void otherCellsWaitForAnAddress();
    void clearingTheAddressRemovesTheHost();
    void browseChoosesTheKeyFile();
    void savedHostsRoundTrip();
    void inventoryFillsTheRows();
    void malformedInventoryIsRefusedWithLineAndColumn();
    void renamedAndRemovedComponentsFollow();

private:
    QModelIndex cell(const char *component, const char *key) const;
    // Double-clicks the cell, types `text` over it and presses Enter, as a user does.
    void type(const char *component, const char *key, const QString &text);
    QString shown(const char *component, const char *key) const;
    InventoryImportDialog *openImport();

    QTemporaryDir mDir;
    QString mPath;
    QByteArray mSaved;
    std::unique_ptr<TopologyDocument> mDoc;
    std::unique_ptr<HostsEditDialog> mDialog;
};

void TestInventoryEdit::init()
{
    QVERIFY(mDir.isValid());
    mPath = mDir.filePath(str("shop.topolab.yaml"));
    QFile::remove(mPath);
    QVERIFY(QFile::copy(str(TOPOLAB_EXAMPLES "/single-region.topolab.yaml"), mPath));
    mDoc = std::make_unique<TopologyDocument>();
    QVERIFY(mDoc->open(mPath).empty());
    mSaved = fileBytes(mPath);
    QCOMPARE(bytes(*mDoc), mSaved);
    mDialog = std::make_unique<HostsEditDialog>(mDoc.get());
    mDialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(mDialog.get()));
}

void TestInventoryEdit::cleanup()
{
    mDialog.reset();
    mDoc.reset();
}

QModelIndex TestInventoryEdit::cell(const char *component, const char *key) const
{
    HostsEditModel *model = mDialog->model();
    return model->index(model->rowOf(str(component)), model->columnOf(str(key)));
}

void TestInventoryEdit::type(const char *component, const char *key, const QString &text)
{
    QTableView *table = mDialog->table();
    const QModelIndex index = cell(component, key);
    QVERIFY(index.isValid());
    table->scrollTo(index);
    const QPoint inside = table->visualRect(index).topLeft() + QPoint(8, 6);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, inside);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, inside);
    auto *edit = qobject_cast<QLineEdit *>(table->indexWidget(index));
    QVERIFY2(edit, "the cell opened no text editor");
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!table->indexWidget(index));
}

QString TestInventoryEdit::shown(const char *component, const char *key) const
{
    return cell(component, key).data(Qt::DisplayRole).toString();
}

InventoryImportDialog *TestInventoryEdit::openImport()
{
    auto *fill = mDialog->findChild<QPushButton *>(str("fillFrom"));
    if (!fill)
        return nullptr;
    QTest::mouseClick(fill, Qt::LeftButton);
    return mDialog->findChild<InventoryImportDialog *>();
}

void TestInventoryEdit::rowsAreTheComponentsThatDeploy()
{
    HostsEditModel *model = mDialog->model();
    QStringList rows;
    for (int r = 0; r < model->rowCount(); ++r)
        rows.append(model->componentAt(r));
    // Load balancers, app servers, databases, backups, dns, then object storage; no volume.
    QCOMPARE(rows,
             (QStringList{str("lb-1"), str("lb-2"), str("app-1"), str("app-2"), str("app-3"),
                          str("db-1"), str("db-2"), str("backup-1"), str("www"), str("static")}));
    // The example has no host yet: every row says so.
    QCOMPARE(shown("app-1", "address"), str("no host yet"));
    QCOMPARE(shown("static", "address"), str("optional: its endpoint"));
    QVERIFY(shown("app-1", "port").isEmpty());
    const QModelIndex component = mDialog->model()->index(mDialog->model()->rowOf(str("app-1")),
                                                          HostsEditModel::componentColumn);
    QCOMPARE(component.data().toString(), str("app-1"));
    QVERIFY(!component.data(Qt::DecorationRole).isNull());

    // A vpn runs on its databases' hosts: no row of its own.
    TopologyDocument multi;
    QVERIFY(multi.open(str(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml")).empty());
    HostsEditModel multiModel(&multi);
    for (int r = 0; r < multiModel.rowCount(); ++r) {
        const core::Component *c = multi.component(multiModel.componentAt(r));
        QVERIFY(c->kind != core::ComponentKind::Vpn && c->kind != core::ComponentKind::Volume);
    }
    QCOMPARE(multiModel.rowCount(), 18);
}

void TestInventoryEdit::noColumnTakesASecret()
{
    QHeaderView *header = mDialog->table()->horizontalHeader();
    QStringList titles;
    for (int c = 0; c < header->count(); ++c)
        titles.append(mDialog->model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    QCOMPARE(titles, (QStringList{str("Component"), str("Address"), str("SSH port"), str("User"),
                                  str("Key file"), str("Root directory"), str("Service manager"),
                                  str("Connection")}));
    for (const char *secret : {"password", "passphrase", "secret", "token", "private_key"}) {
        QVERIFY(HostsEditModel::looksLikeSecret(secret));
        QCOMPARE(mDialog->model()->columnOf(str(secret)), -1);
    }
    // Nor can one be set behind the table's back.
    mDoc->undoStack()->clear();
    QVERIFY(DeployHostEdit::setValue(*mDoc, str("app-1"), str("address"),
                                     core::ParamValue(std::string("10.0.0.21")))
            == std::nullopt);
    QVERIFY(DeployHostEdit::setValue(*mDoc, str("app-1"), str("password"),
                                     core::ParamValue(std::string("hunter2"))));
    QVERIFY(!bytes(*mDoc).contains("hunter2"));
    QCOMPARE(mDoc->undoStack()->count(), 1);
    for (QLineEdit *edit : mDialog->findChildren<QLineEdit *>())
        QVERIFY(edit->echoMode() == QLineEdit::Normal);
}

void TestInventoryEdit::typingAnAddressAddsAHostAndUndoGivesBackTheFile()
{
    QUndoStack *stack = mDoc->undoStack();
    QCOMPARE(stack->count(), 0);
    type("app-1", "address", str("10.0.0.21"));
    QCOMPARE(stack->count(), 1);
    QCOMPARE(mDoc->topology().deployHosts.size(), std::size_t(1));
    QCOMPARE(mDoc->topology().deployHosts[0].component, std::string("app-1"));
    QCOMPARE(shown("app-1", "address"), str("10.0.0.21"));
    // The defaults show in the other cells.
    QCOMPARE(shown("app-1", "port"), str("22"));
    QCOMPARE(shown("app-1", "user"), str("root"));
    QCOMPARE(shown("app-1", "key_file"), str("ssh-agent"));
    QVERIFY2(bytes(*mDoc).contains("deploy:\n  hosts:\n    - {component: app-1, address: "
                                   "\"10.0.0.21\"}\n"),
             bytes(*mDoc).mid(bytes(*mDoc).indexOf("deploy:"), 300).constData());
    QVERIFY(mDialog->refusal().isEmpty());

    stack->undo();
    QCOMPARE(bytes(*mDoc), mSaved);
    QCOMPARE(shown("app-1", "address"), str("no host yet"));
    stack->redo();
    QCOMPARE(shown("app-1", "address"), str("10.0.0.21"));
    stack->undo();
    QCOMPARE(bytes(*mDoc), mSaved);
}

void TestInventoryEdit::everyCellEditIsOneStep()
{
    QUndoStack *stack = mDoc->undoStack();
    type("db-1", "address", str("10.0.0.31"));
    const QByteArray afterAddress = bytes(*mDoc);
    type("db-1", "port", str("2222"));
    type("db-1", "user", str("deploy"));
    type("db-1", "key_file", str("~/.ssh/topolab"));
    type("db-1", "root", str("/srv/db-1"));
    QCOMPARE(stack->count(), 5);
    QCOMPARE(shown("db-1", "port"), str("2222"));

    // The service manager is a combo box: one choice, one step.
    QTableView *table = mDialog->table();
    const QModelIndex manager = cell("db-1", "service_manager");
    table->setCurrentIndex(manager);
    table->edit(manager);
    auto *combo = qobject_cast<QComboBox *>(table->indexWidget(manager));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(shown("db-1", "service_manager"), str("process"));
    QCOMPARE(stack->count(), 6);
    QVERIFY2(bytes(*mDoc).contains("{component: db-1, address: \"10.0.0.31\", port: 2222, user: "
                                   "deploy, key_file: ~/.ssh/topolab, root: /srv/db-1, "
                                   "service_manager: process}"),
             bytes(*mDoc).mid(bytes(*mDoc).indexOf("deploy:"), 300).constData());

    // The same value again changes nothing; an empty cell goes back to the default.
    type("db-1", "port", str("2222"));
    QCOMPARE(stack->count(), 6);
    type("db-1", "port", QString());
    QCOMPARE(shown("db-1", "port"), str("22"));
    QCOMPARE(stack->count(), 7);

    for (int i = 0; i < 6; ++i)
        stack->undo();
    QCOMPARE(bytes(*mDoc), afterAddress);
    stack->undo();
    QCOMPARE(bytes(*mDoc), mSaved);
}

void TestInventoryEdit::outOfRangePortIsRefusedWithItsTitle()
{
    type("lb-1", "address", str("10.0.0.11"));
    const QByteArray before = bytes(*mDoc);
    const int steps = mDoc->undoStack()->count();
    type("lb-1", "port", str("70000"));
    QCOMPARE(bytes(*mDoc), before);
    QCOMPARE(mDoc->undoStack()->count(), steps);
    QCOMPARE(shown("lb-1", "port"), str("22"));
    const QString refusal = mDialog->refusal();
    QVERIFY2(refusal.contains(str("SSH port must be between 1 and 65535")), qPrintable(refusal));
    QVERIFY2(refusal.startsWith(str("lb-1: ")), qPrintable(refusal));
    QVERIFY(!refusal.contains(str("port must")) || refusal.contains(str("SSH port must")));
    QVERIFY(mDialog->findChild<QLabel *>(str("refusal"))->isVisible());

    // The next edit that goes through takes the refusal away.
    type("lb-1", "port", str("2200"));
    QVERIFY(mDialog->refusal().isEmpty());

    // Through the document's path too: a choice outside the schema names it by its title.
    const auto manager = DeployHostEdit::setValue(*mDoc, str("lb-1"), str("service_manager"),
                                                  core::ParamValue(std::string("upstart")));
    QVERIFY(manager);
    QVERIFY2(manager->startsWith(str("Service manager must be one of systemd or process")),
             qPrintable(*manager));
}

void TestInventoryEdit::otherCellsWaitForAnAddress()
{
    QVERIFY(!(mDialog->model()->flags(cell("app-2", "port")) & Qt::ItemIsEditable));
    QVERIFY(mDialog->model()->flags(cell("app-2", "address")) & Qt::ItemIsEditable);
    const auto refusal = DeployHostEdit::setValue(*mDoc, str("app-2"), str("port"),
                                                  core::ParamValue(std::int64_t(2222)));
    QVERIFY(refusal);
    QCOMPARE(*refusal, str("Give app-2 an address first"));
    QCOMPARE(mDoc->undoStack()->count(), 0);
}

void TestInventoryEdit::clearingTheAddressRemovesTheHost()
{
    type("www", "address", str("10.0.0.53"));
    type("www", "user", str("dns"));
    QCOMPARE(mDoc->topology().deployHosts.size(), std::size_t(1));
    const QByteArray withHost = bytes(*mDoc);
    type("www", "address", QString());
    QVERIFY(mDoc->topology().deployHosts.empty());
    QCOMPARE(bytes(*mDoc), mSaved);
    QCOMPARE(shown("www", "address"), str("no host yet"));
    mDoc->undoStack()->undo();
    QCOMPARE(bytes(*mDoc), withHost);
    QCOMPARE(shown("www", "user"), str("dns"));
}

void TestInventoryEdit::browseChoosesTheKeyFile()
{
    const QModelIndex keyFile = cell("app-3", "key_file");
    auto *delegate = qobject_cast<HostsEditDelegate *>(mDialog->table()->itemDelegate());
    QVERIFY(delegate);
    QVERIFY(delegate->browseButtonRect(keyFile, QRect(0, 0, 300, 30)).isEmpty()); // no host
    type("app-3", "address", str("10.0.0.23"));
    const QRect button = delegate->browseButtonRect(keyFile, mDialog->table()->visualRect(keyFile));
    QVERIFY(!button.isEmpty());

    const QString key = mDir.filePath(str("id_test"));
    QVERIFY(writeFile(key, "not a real key\n"));
    QTest::mouseClick(mDialog->table()->viewport(), Qt::LeftButton, {}, button.center());
    QFileDialog *chooser = nullptr;
    QTRY_VERIFY((chooser = mDialog->findChild<QFileDialog *>(str("keyFileChooser"))));
    QVERIFY(!mDialog->table()->indexWidget(keyFile)); // the click opened no text editor
    const int steps = mDoc->undoStack()->count();
    chooser->selectFile(key);
    static_cast<QDialog *>(chooser)->accept(); // QFileDialog::accept(), as Open does
    QCOMPARE(shown("app-3", "key_file"), key);
    QCOMPARE(mDoc->undoStack()->count(), steps + 1);
}

void TestInventoryEdit::savedHostsRoundTrip()
{
    // Hosts typed out of order are kept in the order of the components.
    type("www", "address", str("10.0.0.53"));
    type("lb-2", "address", str("10.0.0.12"));
    type("app-1", "address", str("fe80::1"));
    const auto &hosts = mDoc->topology().deployHosts;
    QCOMPARE(hosts.size(), std::size_t(3));
    QCOMPARE(hosts[0].component, std::string("www"));
    QCOMPARE(hosts[1].component, std::string("lb-2"));
    QCOMPARE(hosts[2].component, std::string("app-1"));
    QVERIFY(!mDoc->save());
    const QByteArray saved = fileBytes(mPath);
    QCOMPARE(saved, bytes(*mDoc));
    TopologyDocument again;
    QVERIFY(again.open(mPath).empty());
    QCOMPARE(bytes(again), saved);
    QVERIFY(again.topology() == mDoc->topology());
}

void TestInventoryEdit::inventoryFillsTheRows()
{
    type("app-3", "address", str("10.9.9.9")); // not in the inventory: stays
    type("app-1", "address", str("10.9.9.1")); // in the inventory: replaced
    const QByteArray before = bytes(*mDoc);
    const int steps = mDoc->undoStack()->count();
    const QString inventory = mDir.filePath(str("prod.yaml"));
    QVERIFY(writeFile(inventory, "deploy:\n"
                                 "  hosts:\n"
                                 "    - {component: lb-1, address: 203.0.113.11, user: deploy, "
                                 "key_file: ~/.ssh/topolab}\n"
                                 "    - {component: app-1, address: 10.0.0.21}\n"
                                 "    - {component: db-1, address: 10.0.0.31, service_manager: "
                                 "process}\n"));
    InventoryImportDialog *import = openImport();
    QVERIFY(import);
    QVERIFY(import->loadFile(inventory));
    QTest::mouseClick(import->findChild<QPushButton *>(str("fill")), Qt::LeftButton);
    QVERIFY2(import->errorText().isEmpty(), qPrintable(import->errorText()));
    QCOMPARE(import->filledHosts(), 3);
    QCOMPARE(mDoc->undoStack()->count(), steps + 1);
    QCOMPARE(shown("lb-1", "address"), str("203.0.113.11"));
    QCOMPARE(shown("lb-1", "user"), str("deploy"));
    QCOMPARE(shown("lb-1", "key_file"), str("~/.ssh/topolab"));
    QCOMPARE(shown("app-1", "address"), str("10.0.0.21"));
    QCOMPARE(shown("app-3", "address"), str("10.9.9.9"));
    QCOMPARE(shown("db-1", "service_manager"), str("process"));
    QCOMPARE(shown("db-2", "address"), str("no host yet"));
    QTRY_VERIFY(!mDialog->findChild<InventoryImportDialog *>());

    mDoc->undoStack()->undo();
    QCOMPARE(bytes(*mDoc), before);
}

void TestInventoryEdit::malformedInventoryIsRefusedWithLineAndColumn()
{
    const QString inventory = mDir.filePath(str("broken.yaml"));
    QVERIFY(writeFile(inventory, "deploy:\n"
                                 "  hosts:\n"
                                 "    - {component: lb-1, adress: 203.0.113.11}\n"));
    InventoryImportDialog *import = openImport();
    QVERIFY(import);
    QVERIFY(import->loadFile(inventory));
    QTest::mouseClick(import->findChild<QPushButton *>(str("fill")), Qt::LeftButton);
    const QString errors = import->errorText();
    QVERIFY2(errors.startsWith(str("broken.yaml:3:25: ")), qPrintable(errors));
    QVERIFY2(errors.contains(str("adress")), qPrintable(errors));
    QVERIFY(import->isVisible());
    QCOMPARE(bytes(*mDoc), mSaved);
    QCOMPARE(mDoc->undoStack()->count(), 0);

    // Pasted text: the place is the line and column of the text itself.
    import->setText(str("deploy:\n  hosts:\n    - {component: nowhere, address: 10.0.0.1}\n"));
    QTest::mouseClick(import->findChild<QPushButton *>(str("fill")), Qt::LeftButton);
    QVERIFY2(import->errorText().startsWith(str("3:19: ")), qPrintable(import->errorText()));
    import->setText(str("deploy: [hosts\n"));
    QTest::mouseClick(import->findChild<QPushButton *>(str("fill")), Qt::LeftButton);
    QVERIFY2(QRegularExpression(str("^\\d+:\\d+: ")).match(import->errorText()).hasMatch(),
             qPrintable(import->errorText()));
    QCOMPARE(bytes(*mDoc), mSaved);
    import->reject();
}

void TestInventoryEdit::renamedAndRemovedComponentsFollow()
{
    type("app-2", "address", str("10.0.0.22"));
    QVERIFY(!mDoc->renameId(str("app-2"), str("app-9")));
    QCOMPARE(mDialog->model()->rowOf(str("app-2")), -1);
    QCOMPARE(shown("app-9", "address"), str("10.0.0.22"));
    QVERIFY(mDoc->removeElements({str("app-9")}));
    QCOMPARE(mDialog->model()->rowOf(str("app-9")), -1);
    QVERIFY(mDoc->topology().deployHosts.empty());
    // Every row keeps its connection cell through the resets.
    for (int r = 0; r < mDialog->model()->rowCount(); ++r) {
        QVERIFY(mDialog->table()->indexWidget(
            mDialog->model()->index(r, mDialog->model()->connectionColumn())));
    }
}

QTEST_MAIN(TestInventoryEdit)
#include "tst_inventoryedit.moc"
