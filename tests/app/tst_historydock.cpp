// The History dock over a document's undo stack: edits made through TopologyDocument appear as
// entries, a click on an entry undoes (or redoes) to it, and the saved state is marked.
#include "designer/historydock.h"
#include "document/topologydocument.h"

#include <QMainWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUndoView>

#include <memory>

using namespace topolab;
using namespace topolab::app;

namespace {

QString str(const char *text)
{
    return QString::fromUtf8(text);
}

QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

} // namespace

class TestHistoryDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void editsAppearAsEntries();
    void clickUndoesToTheEntry();
    void savedStateIsMarked();

private:
    QUndoView *view() const { return mDock->view(); }
    QStringList entries() const
    {
        QStringList texts;
        const QAbstractItemModel *model = view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            texts.append(model->index(row, 0).data().toString());
        return texts;
    }
    bool marked(int row) const
    {
        return !view()->model()->index(row, 0).data(Qt::DecorationRole).value<QIcon>().isNull();
    }
    void click(int row)
    {
        const QRect rect = view()->visualRect(view()->model()->index(row, 0));
        QVERIFY(rect.isValid());
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rect.center());
    }
    // Three edits of app-1: its workers, its label, then its position.
    void edit()
    {
        QVERIFY(!mDoc->setParameter({str("app-1")}, str("workers"), std::int64_t(12)));
        QVERIFY(mDoc->setLabel(str("app-1"), str("Checkout")));
        QVERIFY(mDoc->moveElements({{str("app-1"), QPointF(200, 400)}}));
    }

    std::unique_ptr<QMainWindow> mWindow;
    TopologyDocument *mDoc = nullptr;
    HistoryDock *mDock = nullptr;
};

void TestHistoryDock::init()
{
    mWindow = std::make_unique<QMainWindow>();
    mDoc = new TopologyDocument(mWindow.get());
    QVERIFY(mDoc->open(examplePath(str("single-region"))).empty());
    mDock = new HistoryDock(mWindow.get());
    mDock->setStack(mDoc->undoStack());
    mWindow->addDockWidget(Qt::RightDockWidgetArea, mDock);
    mWindow->setCentralWidget(new QWidget);
    mWindow->resize(800, 600);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
}

void TestHistoryDock::cleanup()
{
    mWindow.reset();
}

void TestHistoryDock::editsAppearAsEntries()
{
    QCOMPARE(mDock->objectName(), str("historyDock"));
    QCOMPARE(mDock->windowTitle(), str("History"));
    QCOMPARE(mDock->stack(), mDoc->undoStack());
    QCOMPARE(entries(), QStringList{str("Before any edit")});

    edit();
    QUndoStack *stack = mDoc->undoStack();
    QCOMPARE(stack->count(), 3);
    const QStringList expected{str("Before any edit"), stack->text(0), stack->text(1),
                               stack->text(2)};
    QCOMPARE(entries(), expected);
    for (int i = 0; i < stack->count(); ++i)
        QVERIFY2(!stack->text(i).isEmpty(), qPrintable(QString::number(i)));
    // The current state is the selected entry.
    QCOMPARE(view()->currentIndex().row(), 3);
}

void TestHistoryDock::clickUndoesToTheEntry()
{
    edit();
    click(1); // just after the first edit
    QCOMPARE(mDoc->undoStack()->index(), 1);
    const core::Component *app = mDoc->component(str("app-1"));
    QCOMPARE(app->params.value("workers"), core::ParamValue(std::int64_t(12)));
    QCOMPARE(app->label, std::string());

    click(0); // before any edit: the file as opened
    QCOMPARE(mDoc->undoStack()->index(), 0);
    QCOMPARE(mDoc->component(str("app-1"))->params.value("workers"),
             core::ParamValue(std::int64_t(8)));
    QVERIFY(!mDoc->isModified());

    click(2); // and forward again
    QCOMPARE(mDoc->undoStack()->index(), 2);
    QCOMPARE(mDoc->component(str("app-1"))->label, std::string("Checkout"));
    QVERIFY(mDoc->isModified());
}

void TestHistoryDock::savedStateIsMarked()
{
    QVERIFY(marked(0)); // as opened, which is what the file holds
    edit();
    QVERIFY(marked(0));
    QVERIFY(!marked(3));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!mDoc->saveAs(dir.filePath(str("saved.topolab.yaml"))));
    QVERIFY(!marked(0));
    QVERIFY(marked(3));
    for (int row : {1, 2})
        QVERIFY(!marked(row));
}

QTEST_MAIN(TestHistoryDock)
#include "tst_historydock.moc"
