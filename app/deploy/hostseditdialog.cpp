#include "hostseditdialog.h"

#include "hostseditdelegate.h"
#include "hostseditmodel.h"
#include "hostseditstatus.h"
#include "hostsedittests.h"
#include "hostsedittrustdialog.h"
#include "inventoryimportdialog.h"

#include "document/deployhostedit.h"
#include "document/stdstrings.h"
#include "document/topologydocument.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

// A path under the home directory as the file format usually writes it: ~/.ssh/…
QString homeRelative(const QString &path)
{
    const QString home = QDir::homePath();
    if (!home.isEmpty() && home != QLatin1String("/") && path.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + path.mid(home.size());
    return path;
}

} // namespace

HostsEditDialog::HostsEditDialog(TopologyDocument *document, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
    , mModel(new HostsEditModel(document, this))
    , mDelegate(new HostsEditDelegate(mModel, this))
    , mTests(new HostsEditTests(mModel, this))
    , mTable(new QTableView(this))
    , mRefusal(new QLabel(this))
    , mDetails(new QLabel(this))
    , mKnownHosts(new QLabel(this))
    , mTestAll(new QPushButton(tr("Test All"), this))
    , mRemove(new QPushButton(tr("Remove Host"), this))
{
    setObjectName(QStringLiteral("hostsEditDialog"));
    setWindowTitle(tr("Deploy Hosts"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(
        tr("Where each component is deployed: double-click a cell to edit it, or give a "
           "component without a host its address. Hosts are reached over SSH with a key file "
           "or ssh-agent, never with a password."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    mTable->setObjectName(QStringLiteral("hostsTable"));
    mTable->setModel(mModel);
    mTable->setItemDelegate(mDelegate);
    mTable->setSelectionBehavior(QAbstractItemView::SelectItems);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    mTable->setAlternatingRowColors(true);
    mTable->setWordWrap(false);
    mTable->setTextElideMode(Qt::ElideMiddle);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    mTable->horizontalHeader()->setHighlightSections(false);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setIconSize(QSize(18, 18));
    layout->addWidget(mTable, 1);

    mRefusal->setObjectName(QStringLiteral("refusal"));
    mRefusal->setWordWrap(true);
    QPalette refusalPalette = mRefusal->palette();
    const bool dark = refusalPalette.color(QPalette::Window).lightness() < 128;
    refusalPalette.setColor(QPalette::WindowText,
                            dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
    mRefusal->setPalette(refusalPalette);
    mRefusal->hide();

    mDetails->setObjectName(QStringLiteral("details"));
    mDetails->setWordWrap(true);
    mDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mDetails->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A refusal and two lines of details fit without the table giving up any room.
    auto *notes = new QWidget(this);
    auto *notesLayout = new QVBoxLayout(notes);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(mRefusal);
    notesLayout->addWidget(mDetails);
    notesLayout->addStretch(1);
    notes->setMinimumHeight(mDetails->fontMetrics().lineSpacing() * 4 + notesLayout->spacing());
    layout->addWidget(notes);

    auto *row = new QHBoxLayout;
    auto *fill = new QPushButton(tr("Fill from…"), this);
    fill->setObjectName(QStringLiteral("fillFrom"));
    fill->setToolTip(tr("Fill the hosts from an inventory file, as topolab-cli --inventory "
                        "reads it"));
    mTestAll->setObjectName(QStringLiteral("testAll"));
    mRemove->setObjectName(QStringLiteral("removeHost"));
    mKnownHosts->setObjectName(QStringLiteral("knownHosts"));
    mKnownHosts->setForegroundRole(QPalette::PlaceholderText);
    mKnownHosts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    row->addWidget(fill);
    row->addWidget(mTestAll);
    row->addWidget(mRemove);
    row->addSpacing(12);
    row->addWidget(mKnownHosts, 1);
    row->addWidget(buttons);
    layout->addLayout(row);

    // Undo and redo reach the document's stack from here too.
    QAction *undo = mDocument->undoStack()->createUndoAction(this);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = mDocument->undoStack()->createRedoAction(this);
    redo->setShortcut(QKeySequence::Redo);
    addAction(undo);
    addAction(redo);

    connect(fill, &QPushButton::clicked, this, &HostsEditDialog::fillFrom);
    connect(mTestAll, &QPushButton::clicked, this, [this] {
        if (mTests->isBusy())
            cancelTests();
        else
            testAll();
    });
    connect(mRemove, &QPushButton::clicked, this, &HostsEditDialog::removeCurrentHost);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mDelegate, &HostsEditDelegate::browseRequested, this, &HostsEditDialog::browseKeyFile);
    connect(mModel, &HostsEditModel::refused, this, &HostsEditDialog::showRefusal);
    connect(mModel, &HostsEditModel::edited, this, [this] { mRefusal->hide(); });
    connect(mModel, &QAbstractItemModel::modelReset, this, &HostsEditDialog::rebuildStatusCells);
    connect(mDocument, &TopologyDocument::sectionsChanged, this, [this] {
        for (int r = 0; r < mModel->rowCount(); ++r)
            updateStatusCell(mModel->componentAt(r));
        updateDetails();
        updateButtons();
    });
    connect(mTable->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetails();
        updateButtons();
    });
    connect(mTests, &HostsEditTests::changed, this, [this](const QString &component) {
        updateStatusCell(component);
        updateDetails();
        updateButtons();
    });

    setKnownHostsPath(mTests->knownHostsPath());
    rebuildStatusCells();
    if (mModel->rowCount() > 0)
        mTable->setCurrentIndex(mModel->index(0, mModel->columnOf(QStringLiteral("address"))));
    fitToContents();
}

HostsEditDialog::~HostsEditDialog() = default;

HostsEditDialog *HostsEditDialog::showFor(TopologyDocument *document, QWidget *parent)
{
    auto *dialog = parent
                       ? parent->findChild<HostsEditDialog *>(QString(), Qt::FindDirectChildrenOnly)
                       : nullptr;
    if (!dialog)
        dialog = new HostsEditDialog(document, parent);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

HostsEditStatus *HostsEditDialog::statusOf(const QString &component) const
{
    const int row = mModel->rowOf(component);
    if (row < 0)
        return nullptr;
    return qobject_cast<HostsEditStatus *>(
        mTable->indexWidget(mModel->index(row, mModel->connectionColumn())));
}

QString HostsEditDialog::refusal() const
{
    return mRefusal->isHidden() ? QString() : mRefusal->text();
}

QString HostsEditDialog::details() const
{
    return mDetails->text();
}

InventoryProbe *HostsEditDialog::probe() const
{
    return mTests->probe();
}

QString HostsEditDialog::knownHostsPath() const
{
    return mTests->knownHostsPath();
}

void HostsEditDialog::setKnownHostsPath(const QString &path)
{
    mTests->setKnownHostsPath(path);
    mKnownHosts->setText(tr("Host keys: %1").arg(homeRelative(path)));
    mKnownHosts->setToolTip(
        tr("Topolab's own known_hosts file: %1. The environment variable TOPOLAB_KNOWN_HOSTS "
           "names another one.")
            .arg(path));
}

void HostsEditDialog::setConnectTimeout(int seconds)
{
    mTests->setConnectTimeout(seconds);
}

void HostsEditDialog::rebuildStatusCells()
{
    int height = mTable->fontMetrics().height() + 10;
    for (int r = 0; r < mModel->rowCount(); ++r) {
        const QString component = mModel->componentAt(r);
        auto *status = new HostsEditStatus;
        status->setObjectName(component + QStringLiteral("/connection"));
        connect(status, &HostsEditStatus::testRequested, this,
                [this, component] { test(component); });
        connect(status, &HostsEditStatus::cancelRequested, this,
                [this, component] { mTests->cancel(component); });
        connect(status, &HostsEditStatus::trustRequested, this,
                [this, component] { trust(component); });
        mTable->setIndexWidget(mModel->index(r, mModel->connectionColumn()), status);
        height = std::max(height, status->sizeHint().height());
        updateStatusCell(component);
    }
    mTable->verticalHeader()->setDefaultSectionSize(height);
    // A column only widens, so a width the user chose stays unless a value needs more.
    const QAbstractItemView *view = mTable; // where sizeHintForColumn() is public
    for (int column = 0; column < mModel->connectionColumn(); ++column) {
        mTable->setColumnWidth(
            column, std::max(mTable->columnWidth(column), view->sizeHintForColumn(column)));
    }
    updateDetails();
    updateButtons();
}

void HostsEditDialog::fitToContents()
{
    // Room for typical values, so typing an address or a path does not clip it.
    const QFontMetrics metrics = mTable->fontMetrics();
    const int em = metrics.horizontalAdvance(QLatin1Char('m'));
    const std::pair<const char *, const char *> typical[] = {
        {"address", "203.0.113.111"},
        {"port", "65535"},
        {"user", "deploy"},
        {"key_file", "~/.ssh/topolab_ed25519 [ Browse… ]"},
        {"root", "/srv/topolab/db-1"},
        {"service_manager", "systemd ▾"},
    };
    mTable->resizeColumnsToContents();
    for (const auto &[key, sample] : typical) {
        const int column = mModel->columnOf(QLatin1String(key));
        if (column < 0)
            continue;
        const int wanted = metrics.horizontalAdvance(QString::fromUtf8(sample)) + 2 * em;
        mTable->setColumnWidth(column, std::max(mTable->columnWidth(column), wanted));
    }
    int width = 0;
    for (int column = 0; column < mModel->connectionColumn(); ++column)
        width += mTable->columnWidth(column);
    // The connection column holds a button, a result and a Trust… button.
    width += em * 40 + 2 * mTable->frameWidth();
    const int rows = std::clamp(mModel->rowCount(), 4, 14);
    const int height = mTable->horizontalHeader()->sizeHint().height()
                       + rows * mTable->verticalHeader()->defaultSectionSize()
                       + 2 * mTable->frameWidth();
    mTable->setMinimumHeight(std::min(height, 4 * mTable->verticalHeader()->defaultSectionSize()));
    const QSize hint = sizeHint();
    QSize size(width + layout()->contentsMargins().left() + layout()->contentsMargins().right(),
               hint.height() - mTable->sizeHint().height() + height);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(size);
}

void HostsEditDialog::updateStatusCell(const QString &component)
{
    HostsEditStatus *status = statusOf(component);
    if (!status)
        return;
    const int row = mModel->rowOf(component);
    QString why;
    if (!mModel->hasHost(row))
        why = tr("%1 has no host yet").arg(component);
    else if (!mModel->canTest(row))
        why = tr("Only the address of %1's endpoint: nothing to log in to").arg(component);
    status->setTestable(mModel->canTest(row), why);
    const HostsEditTests::Test *last = mTests->last(component);
    if (!last)
        status->clear();
    else if (last->running)
        status->setRunning();
    else
        status->setResult(last->result);
}

void HostsEditDialog::test(const QString &component)
{
    mTests->test(component);
}

void HostsEditDialog::testAll()
{
    mTests->testAll();
}

void HostsEditDialog::cancelTests()
{
    mTests->cancelAll();
}

void HostsEditDialog::trust(const QString &component)
{
    if (!mTests->foundUnknownKey(component))
        return;
    const HostsEditTests::Test &found = *mTests->last(component);
    auto *confirm = new HostsEditTrustDialog(component, toQString(found.host.endpoint()),
                                             found.result.keyType, found.result.fingerprint,
                                             homeRelative(mTests->knownHostsPath()), this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, confirm, component] {
        // The key confirmed is the one shown, or nothing: a new test may have run meanwhile.
        if (!mTests->foundUnknownKey(component)
            || mTests->last(component)->result.fingerprint != confirm->fingerprint())
            return;
        if (auto refusal = mTests->trustFoundKey(component))
            showRefusal({}, *refusal);
    });
    confirm->open();
}

void HostsEditDialog::fillFrom()
{
    auto *import = new InventoryImportDialog(mDocument, this);
    import->setAttribute(Qt::WA_DeleteOnClose);
    connect(import, &QDialog::accepted, this, [this, import] {
        mRefusal->hide();
        const int filled = import->filledHosts();
        mDetails->setText(filled == 1 ? tr("One host filled from the inventory.")
                                      : tr("%1 hosts filled from the inventory.").arg(filled));
    });
    import->open();
}

void HostsEditDialog::done(int result)
{
    cancelTests();
    QDialog::done(result);
}

void HostsEditDialog::showRefusal(const QModelIndex &index, const QString &reason)
{
    QString text = reason;
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    if (index.isValid())
        text = tr("%1: %2").arg(mModel->componentAt(index.row()), text);
    mRefusal->setText(text);
    mRefusal->show();
}

void HostsEditDialog::browseKeyFile(const QPersistentModelIndex &index)
{
    const QString current = index.data(Qt::EditRole).toString();
    QString directory = QDir::home().filePath(QStringLiteral(".ssh"));
    if (!current.isEmpty()) {
        const QString expanded = current.startsWith(QLatin1String("~/"))
                                     ? QDir::home().filePath(current.mid(2))
                                     : current;
        directory = QFileInfo(expanded).absolutePath();
    }
    auto *chooser = new QFileDialog(
        this, tr("Choose the Private Key of %1's Host").arg(mModel->componentAt(index.row())),
        directory);
    chooser->setObjectName(QStringLiteral("keyFileChooser"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setFilter(QDir::Files | QDir::Hidden | QDir::AllDirs | QDir::NoDotAndDotDot);
    connect(chooser, &QFileDialog::fileSelected, this, [this, index](const QString &path) {
        if (index.isValid())
            mModel->setData(index, homeRelative(path), Qt::EditRole);
    });
    chooser->open();
}

void HostsEditDialog::removeCurrentHost()
{
    const int row = mTable->currentIndex().row();
    if (row < 0)
        return;
    if (auto refusal = DeployHostEdit::remove(*mDocument, mModel->componentAt(row)))
        showRefusal(mTable->currentIndex(), *refusal);
}

void HostsEditDialog::updateButtons()
{
    bool testable = false;
    for (int r = 0; r < mModel->rowCount() && !testable; ++r)
        testable = mModel->canTest(r);
    mTestAll->setText(mTests->isBusy() ? tr("Cancel All") : tr("Test All"));
    mTestAll->setEnabled(testable || mTests->isBusy());
    const int row = mTable->currentIndex().row();
    mRemove->setEnabled(row >= 0 && mModel->hasHost(row));
}

void HostsEditDialog::updateDetails()
{
    const int row = mTable->currentIndex().row();
    mDetails->setText(row < 0 ? QString() : mTests->describe(row));
}

} // namespace topolab::app
