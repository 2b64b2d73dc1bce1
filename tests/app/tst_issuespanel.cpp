// The Issues dock driven through its real list: a document's findings show errors first with
// a summary, a click on one asks for its element, an edit that fixes a finding removes it, and
// the load errors of a file that did not open show as the lines topolab-cli prints until the
// next reset.
#include "designer/issuespanel.h"
#include "document/topologydocument.h"

#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

using namespace topolab;
using namespace topolab::app;

namespace {

QString str(const char *text)
{
    return QString::fromUtf8(text);
}

// A dns with one load balancer (a warning), which forwards to no app server (an error), and an
// app server nothing forwards to (an error). The validator orders them by code, so the warning
// comes between the errors.
constexpr const char *withFindings = R"(topolab: 1
name: Issues
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer}
  - {id: app-1, kind: app_server, db_queries: 0}
links:
  - {from: www, to: lb-1}
)";

// An unknown key and an unknown kind: two load errors, on lines 3 and 4.
constexpr const char *broken = R"(topolab: 1
components:
  - {id: www, kind: dns, ttl: 30}
  - {id: lb-1, kind: load_balancr}
)";

QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

} // namespace

class TestIssuesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void findingsShowErrorsFirst();
    void clickAsksForTheElement();
    void findingWithoutElementAsksForNothing();
    void editThatFixesAFindingRemovesIt();
    void cleanDocumentSaysSo();
    void loadErrorsShowUntilReset();

private:
    QString writeFile(const char *name, const char *text)
    {
        const QString path = mDir.filePath(str(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        return path;
    }
    QTreeWidget *list() const { return mPanel->list(); }
    QStringList column(int c) const
    {
        QStringList texts;
        for (int i = 0; i < list()->topLevelItemCount(); ++i)
            texts.append(list()->topLevelItem(i)->text(c));
        return texts;
    }
    void click(int row)
    {
        QTreeWidgetItem *item = list()->topLevelItem(row);
        QVERIFY(item);
        const QPoint at = list()->visualItemRect(item).center();
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, at);
    }

    QTemporaryDir mDir;
    std::unique_ptr<QMainWindow> mWindow;
    TopologyDocument *mDoc = nullptr;
    IssuesPanel *mPanel = nullptr;
};

void TestIssuesPanel::init()
{
    QVERIFY(mDir.isValid());
    mWindow = std::make_unique<QMainWindow>();
    mDoc = new TopologyDocument(mWindow.get());
    const auto errors = mDoc->open(writeFile("issues.topolab.yaml", withFindings));
    QVERIFY(errors.empty());
    mPanel = new IssuesPanel(mWindow.get());
    mWindow->addDockWidget(Qt::BottomDockWidgetArea, mPanel);
    mWindow->setCentralWidget(new QWidget);
    mWindow->resize(900, 600);
    mPanel->setDocument(mDoc);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
}

void TestIssuesPanel::cleanup()
{
    mWindow.reset();
}

void TestIssuesPanel::findingsShowErrorsFirst()
{
    QCOMPARE(mPanel->objectName(), str("issuesDock"));
    QCOMPARE(mPanel->windowTitle(), str("Issues"));
    const auto &diagnostics = mDoc->diagnostics();
    QCOMPARE(diagnostics.size(), std::size_t(3));
    QCOMPARE(diagnostics.at(1).code, std::string("dns-single-lb"));

    QCOMPARE(column(IssuesPanel::CodeColumn),
             (QStringList{str("app-unreachable"), str("lb-no-app-server"), str("dns-single-lb")}));
    QCOMPARE(column(IssuesPanel::LocationColumn),
             (QStringList{str("app-1"), str("lb-1"), str("www")}));
    const QString message = list()->topLevelItem(0)->text(IssuesPanel::MessageColumn);
    // The validator's words, as topolab-cli prints them.
    QCOMPARE(message, QString::fromStdString(diagnostics.at(0).message));
    QVERIFY2(message.startsWith(str("no load balancer forwards to app server 'app-1'")),
             qPrintable(message));
    QVERIFY(!list()->topLevelItem(0)->icon(IssuesPanel::MessageColumn).isNull());
    // Errors and warnings have different icons.
    const auto iconKey = [this](int row) {
        return list()->topLevelItem(row)->icon(IssuesPanel::MessageColumn).cacheKey();
    };
    QCOMPARE(iconKey(1), iconKey(0));
    QVERIFY(iconKey(2) != iconKey(0));

    QCOMPARE(mPanel->summaryLabel()->text(), str("2 errors, 1 warning"));
    QVERIFY(mPanel->summaryLabel()->isVisible());
    QVERIFY(list()->isVisible());
    QVERIFY(!mPanel->emptyLabel()->isVisible());
}

void TestIssuesPanel::clickAsksForTheElement()
{
    QSignalSpy spy(mPanel, &IssuesPanel::elementActivated);
    click(0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), str("app-1"));
    click(2);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), str("www"));

    // Enter on the current entry does the same.
    list()->setFocus();
    list()->setCurrentItem(list()->topLevelItem(0));
    QTest::keyClick(list(), Qt::Key_Return);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toString(), str("app-1"));
}

void TestIssuesPanel::findingWithoutElementAsksForNothing()
{
    // Without the dns, nothing points clients at the load balancer: a finding about the whole
    // topology, which names no element.
    QVERIFY(mDoc->removeElements({str("www")}));
    QVERIFY(column(IssuesPanel::CodeColumn).contains(str("no-entry-point")));
    const int row = int(column(IssuesPanel::CodeColumn).indexOf(str("no-entry-point")));
    QCOMPARE(list()->topLevelItem(row)->text(IssuesPanel::LocationColumn), QString());

    QSignalSpy spy(mPanel, &IssuesPanel::elementActivated);
    click(row);
    QCOMPARE(spy.count(), 0);
}

void TestIssuesPanel::editThatFixesAFindingRemovesIt()
{
    list()->setCurrentItem(list()->topLevelItem(2)); // the warning, which survives the edit
    QVERIFY(!mDoc->connectComponents(str("lb-1"), str("app-1")));
    QCOMPARE(column(IssuesPanel::CodeColumn), QStringList{str("dns-single-lb")});
    QCOMPARE(mPanel->summaryLabel()->text(), str("1 warning"));
    QCOMPARE(list()->currentItem(), list()->topLevelItem(0));

    mDoc->undoStack()->undo();
    QCOMPARE(column(IssuesPanel::CodeColumn),
             (QStringList{str("app-unreachable"), str("lb-no-app-server"), str("dns-single-lb")}));
    QCOMPARE(mPanel->summaryLabel()->text(), str("2 errors, 1 warning"));
}

void TestIssuesPanel::cleanDocumentSaysSo()
{
    QVERIFY(mDoc->open(examplePath(str("single-region"))).empty());
    QVERIFY(mDoc->diagnostics().empty());
    QCOMPARE(list()->topLevelItemCount(), 0);
    QCOMPARE(mPanel->summaryLabel()->text(), str("No problems found"));
    QVERIFY(mPanel->summaryLabel()->isVisible());
    // The empty list makes way for a sentence that says what the dock is for.
    QVERIFY(!list()->isVisible());
    QVERIFY(mPanel->emptyLabel()->isVisible());
    QVERIFY(!mPanel->emptyLabel()->text().isEmpty());
}

void TestIssuesPanel::loadErrorsShowUntilReset()
{
    const QString path = writeFile("broken.topolab.yaml", broken);
    const auto errors = mDoc->open(path);
    QCOMPARE(errors.size(), std::size_t(2));
    mPanel->showLoadErrors(path, errors);
    QVERIFY(mPanel->showsLoadErrors());

    const QStringList lines = column(IssuesPanel::MessageColumn);
    QCOMPARE(lines.size(), 2);
    const QRegularExpression shape(QRegularExpression::escape(path)
                                   + str(R"(:(\d+):(\d+): error: .+ \[([a-z-]+)\]$)"));
    const QRegularExpressionMatch first = shape.match(lines.at(0));
    QVERIFY2(first.hasMatch(), qPrintable(lines.at(0)));
    QCOMPARE(first.captured(1), str("3"));
    QCOMPARE(first.captured(3), str("unknown-key"));
    const QRegularExpressionMatch second = shape.match(lines.at(1));
    QVERIFY2(second.hasMatch(), qPrintable(lines.at(1)));
    QCOMPARE(second.captured(1), str("4"));
    QCOMPARE(second.captured(3), str("unknown-kind"));
    QVERIFY(lines.at(1).contains(str("did you mean 'load_balancer'?")));
    QCOMPARE(lines.at(0), TopologyDocument::formatDiagnostic(errors.at(0), path));
    QVERIFY(list()->isColumnHidden(IssuesPanel::CodeColumn));
    QCOMPARE(mPanel->summaryLabel()->text(),
             str("broken.topolab.yaml could not be opened: 2 errors"));

    // Nothing of that file is on the canvas: a click asks for nothing.
    QSignalSpy spy(mPanel, &IssuesPanel::elementActivated);
    click(0);
    QCOMPARE(spy.count(), 0);

    // An edit of the document still open does not hide them...
    QVERIFY(!mDoc->setParameter({str("app-1")}, str("workers"), std::int64_t(4)));
    QCOMPARE(column(IssuesPanel::MessageColumn), lines);

    // ...the next New or Open does.
    QVERIFY(mDoc->newFromTemplate(TopologyDocument::Template::SingleRegion).empty());
    QVERIFY(!mPanel->showsLoadErrors());
    QVERIFY(!list()->isColumnHidden(IssuesPanel::CodeColumn));
    QCOMPARE(list()->topLevelItemCount(), int(mDoc->diagnostics().size()));
    QVERIFY(!mPanel->summaryLabel()->text().contains(str("could not be opened")));
}

QTEST_MAIN(TestIssuesPanel)
#include "tst_issuespanel.moc"
