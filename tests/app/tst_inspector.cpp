// The inspector dock driven through its real widgets: typing into a parameter field and
// pressing Enter is one undo step, refusals say why and push nothing, several components of
// one kind are edited together, and the fields follow undo.
#include "designer/inspectordock.h"
#include "designer/parametereditor.h"
#include "designer/parameterform.h"
#include "document/topologydocument.h"

#include "core/model/schemas.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QRegularExpression>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace topolab;
using namespace topolab::app;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

QString str(const char *text)
{
    return QString::fromUtf8(text);
}

core::ParamValue valueOf(const TopologyDocument &doc, const char *id, const char *path)
{
    return doc.component(str(id))->params.value(path);
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void labelsAreTitlesWithTheKeyInTheToolTip();
    void everyKindLabelsEveryFieldWithItsTitle();
    void editIsOneUndoStep();
    void outOfRangeIsRefusedWithReason();
    void severalOfOneKindEditTogether();
    void differingValuesShowAsMixed();
    void optionalGroupToggleIsOneStep();
    void resetReturnsToDefault();
    void mixedKindsShowNoParameters();
    void renameThroughIdField();
    void refreshKeepsFieldBeingTyped();
    void emptySelectionShowsHint();
    void screenshots();

private:
    QLineEdit *field(const char *path) const { return mDock->findChild<QLineEdit *>(str(path)); }
    // Replaces a field's text the way a user does, then presses Enter.
    void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    int undoCount() const { return mDoc->undoStack()->count(); }

    std::unique_ptr<QMainWindow> mWindow;
    TopologyDocument *mDoc = nullptr;
    InspectorDock *mDock = nullptr;
};

void TestInspector::init()
{
    mWindow = std::make_unique<QMainWindow>();
    mDoc = new TopologyDocument(mWindow.get());
    QVERIFY(mDoc->open(examplePath(str("single-region"))).empty());
    mDock = new InspectorDock(mWindow.get());
    mWindow->addDockWidget(Qt::RightDockWidgetArea, mDock);
    mWindow->setCentralWidget(new QWidget);
    mWindow->resize(900, 800);
    mDock->setDocument(mDoc);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
}

void TestInspector::cleanup()
{
    mWindow.reset();
}

void TestInspector::labelsAreTitlesWithTheKeyInTheToolTip()
{
    mDock->setSelection({str("app-1")});
    ParameterForm *form = mDock->form();
    ParameterEditor *workers = form->editor(str("workers"));
    QCOMPARE(workers->nameLabel()->text(), str("Workers"));
    QCOMPARE(workers->nameLabel()->buddy(), field("workers"));
    QVERIFY2(workers->editor()->toolTip().contains(str("Key in the file: workers")),
             qPrintable(workers->editor()->toolTip()));

    // A member is titled inside its group's box; its tooltip names the whole path.
    ParameterEditor *mean = form->editor(str("service_ms.mean"));
    QCOMPARE(mean->nameLabel()->text(), str("Mean"));
    QCOMPARE(mean->unitLabel()->text(), str("ms"));
    QCOMPARE(form->groupBox(str("service_ms"))->title(), str("Service time"));
    QVERIFY(form->groupBox(str("service_ms"))->toolTip().contains(str("service_ms")));
    QVERIFY(mean->nameLabel()->toolTip().contains(str("service_ms.mean")));
    // Out of its box, it reads on its own.
    QCOMPARE(mean->editor()->accessibleName(), str("Service time: mean"));
    QCOMPARE(mean->resetButton()->accessibleName(), str("Reset Service time: mean"));

    // An optional group's box keeps its title when some of the selection have it on.
    QVERIFY(!mDoc->setParameterGroupEnabled({str("app-1")}, str("autoscale"), true));
    mDock->setSelection({str("app-1"), str("app-2")});
    QCOMPARE(mDock->form()->groupBox(str("autoscale"))->title(),
             str("Autoscaling (on for 1 of 2)"));
    mDock->setSelection({str("app-1")});
    QCOMPARE(mDock->form()->groupBox(str("autoscale"))->title(), str("Autoscaling"));
}

void TestInspector::everyKindLabelsEveryFieldWithItsTitle()
{
    for (core::ComponentKind kind : core::allComponentKinds) {
        ParameterForm form(mDoc, kind);
        const core::ParamSchema &schema = core::componentSchema(kind);
        int scalars = 0;
        for (const std::string &path : schema.allPaths()) {
            const core::ParamSpec *spec = schema.find(path);
            if (spec->type == core::ParamType::Group) {
                QCOMPARE(form.groupBox(QString::fromStdString(path))->title(),
                         QString::fromStdString(spec->title));
                continue;
            }
            ++scalars;
            // Found by its key, labelled by its title.
            ParameterEditor *editor = form.editor(QString::fromStdString(path));
            QVERIFY2(editor, path.c_str());
            QCOMPARE(editor->editor()->objectName(), QString::fromStdString(path));
            QCOMPARE(editor->nameLabel()->text(), QString::fromStdString(spec->title));
            QVERIFY2(editor->nameLabel()->text() != QString::fromStdString(spec->key),
                     path.c_str());
        }
        QCOMPARE(int(form.findChildren<QLabel *>(QRegularExpression(str("/name$"))).size()),
                 scalars);
    }
}

void TestInspector::editIsOneUndoStep()
{
    mDock->setSelection({str("app-1")});
    QLineEdit *workers = field("workers");
    QVERIFY(workers);
    QCOMPARE(workers->text(), str("8"));
    const int before = undoCount();

    type(workers, str("12"));
    QCOMPARE(undoCount(), before + 1);
    QCOMPARE(valueOf(*mDoc, "app-1", "workers"), core::ParamValue(std::int64_t(12)));
    QCOMPARE(workers->text(), str("12"));

    // Focus leaving the field afterwards is no second edit.
    mDock->labelEdit()->setFocus();
    QCOMPARE(undoCount(), before + 1);

    mDoc->undoStack()->undo();
    QCOMPARE(valueOf(*mDoc, "app-1", "workers"), core::ParamValue(std::int64_t(8)));
    QCOMPARE(workers->text(), str("8"));

    // A decimal parameter shows the document's formatting.
    QLineEdit *mean = field("service_ms.mean");
    type(mean, str("30.50"));
    QCOMPARE(valueOf(*mDoc, "app-1", "service_ms.mean"), core::ParamValue(30.5));
    QCOMPARE(mean->text(), str("30.5"));
    QCOMPARE(mDock->form()->editor(str("service_ms.mean"))->unitLabel()->text(), str("ms"));
}

void TestInspector::outOfRangeIsRefusedWithReason()
{
    mDock->setSelection({str("app-1")});
    QLineEdit *workers = field("workers");
    const int before = undoCount();
    type(workers, str("0"));
    QCOMPARE(undoCount(), before);
    QCOMPARE(workers->text(), str("8"));
    QLabel *refusal = mDock->findChild<QLabel *>(str("workers/refusal"));
    QVERIFY(refusal);
    QVERIFY2(refusal->isVisible(), qPrintable(refusal->text()));
    QVERIFY2(refusal->text().contains(str("between 1 and 100000")), qPrintable(refusal->text()));

    // The next accepted edit clears the reason.
    type(workers, str("9"));
    QCOMPARE(undoCount(), before + 1);
    QVERIFY(!refusal->isVisible());

    // Under its field a parameter goes by the title the form gives it, not by the file's key.
    mDock->setSelection({str("lb-1")});
    QLineEdit *fall = field("health_check.fall");
    QVERIFY(fall);
    type(fall, str("0"));
    QLabel *fallRefusal = mDock->findChild<QLabel *>(str("health_check.fall/refusal"));
    QVERIFY(fallRefusal && fallRefusal->isVisible());
    QVERIFY2(fallRefusal->text().startsWith(str("Failed checks ")), qPrintable(fallRefusal->text()));
}

void TestInspector::severalOfOneKindEditTogether()
{
    const QStringList apps{str("app-1"), str("app-2"), str("app-3")};
    mDock->setSelection(apps);
    QVERIFY(mDock->form());
    QCOMPARE(field("workers")->text(), str("8"));
    QCOMPARE(field("service_ms.mean")->text(), str("25"));
    QVERIFY(mDock->messageLabel()->isHidden());
    QVERIFY(!mDock->idEdit()->isVisible());

    const int before = undoCount();
    type(field("workers"), str("16"));
    QCOMPARE(undoCount(), before + 1);
    for (const char *id : {"app-1", "app-2", "app-3"})
        QCOMPARE(valueOf(*mDoc, id, "workers"), core::ParamValue(std::int64_t(16)));

    mDoc->undoStack()->undo();
    for (const char *id : {"app-1", "app-2", "app-3"})
        QCOMPARE(valueOf(*mDoc, id, "workers"), core::ParamValue(std::int64_t(8)));
    QCOMPARE(field("workers")->text(), str("8"));
}

void TestInspector::differingValuesShowAsMixed()
{
    QVERIFY(!mDoc->setParameter({str("app-2")}, str("workers"), std::int64_t(4)));
    QVERIFY(
        !mDoc->setParameter({str("app-2")}, str("service_ms.dist"), std::string("exponential")));
    mDock->setSelection({str("app-1"), str("app-2"), str("app-3")});
    ParameterForm *form = mDock->form();
    QLineEdit *workers = field("workers");
    QVERIFY(workers->text().isEmpty());
    QCOMPARE(workers->placeholderText(), str("—"));
    QVERIFY(form->editor(str("workers"))->state().mixed);
    QCOMPARE(field("service_ms.mean")->text(), str("25")); // common value

    auto *dist = mDock->findChild<QComboBox *>(str("service_ms.dist"));
    QCOMPARE(dist->currentIndex(), -1);
    QCOMPARE(dist->placeholderText(), str("—"));

    // One value for all of them, in one step; the field is no longer mixed.
    const int before = undoCount();
    type(workers, str("6"));
    QCOMPARE(undoCount(), before + 1);
    QVERIFY(!form->editor(str("workers"))->state().mixed);
    QCOMPARE(valueOf(*mDoc, "app-2", "workers"), core::ParamValue(std::int64_t(6)));
    mDoc->undoStack()->undo();
    QVERIFY(workers->text().isEmpty());
    QCOMPARE(valueOf(*mDoc, "app-2", "workers"), core::ParamValue(std::int64_t(4)));
}

void TestInspector::optionalGroupToggleIsOneStep()
{
    mDock->setSelection({str("www")});
    QGroupBox *box = mDock->form()->groupBox(str("health_check"));
    QVERIFY(box && box->isCheckable());
    QVERIFY(!box->isChecked());
    QVERIFY(!field("health_check.interval_s")->isEnabled());

    const int before = undoCount();
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
    QCOMPARE(undoCount(), before + 1);
    QVERIFY(mDoc->component(str("www"))->params.groupEnabled("health_check"));
    QVERIFY(box->isChecked());
    QVERIFY(field("health_check.interval_s")->isEnabled());
    QCOMPARE(field("health_check.interval_s")->text(), str("10"));

    mDoc->undoStack()->undo();
    QVERIFY(!box->isChecked());
    QVERIFY(!mDoc->component(str("www"))->params.groupEnabled("health_check"));
}

void TestInspector::resetReturnsToDefault()
{
    mDock->setSelection({str("app-1")});
    ParameterEditor *editor = mDock->form()->editor(str("db_queries"));
    QVERIFY(editor->state().set);
    QVERIFY(!editor->resetButton()->isHidden());
    QVERIFY(!editor->editor()->font().italic());
    QVERIFY(!mDoc->setParameter({str("app-1")}, str("db_queries"), 3.0));
    QCOMPARE(field("db_queries")->text(), str("3"));

    const int before = undoCount();
    QTest::mouseClick(editor->resetButton(), Qt::LeftButton);
    QCOMPARE(undoCount(), before + 1);
    QVERIFY(!mDoc->component(str("app-1"))->params.isSet("db_queries"));
    QCOMPARE(field("db_queries")->text(), str("2"));
    QVERIFY(editor->resetButton()->isHidden());
    QVERIFY(editor->editor()->font().italic());
    QVERIFY(editor->editor()->toolTip().contains(str("default")));

    // A parameter never written shows its default the same way.
    ParameterEditor *port = mDock->form()->editor(str("port"));
    QVERIFY(!port->state().set);
    QVERIFY(port->editor()->font().italic());
    QVERIFY(port->resetButton()->isHidden());
}

void TestInspector::mixedKindsShowNoParameters()
{
    mDock->setSelection({str("app-1"), str("www")});
    QVERIFY(!mDock->form());
    QVERIFY(!field("workers"));
    QVERIFY(!mDock->messageLabel()->isHidden());
    QVERIFY(mDock->messageLabel()->text().contains(str("different kinds")));
    auto *summary = mDock->findChild<QLabel *>(str("summary"));
    QVERIFY(summary->text().contains(str("app-1")));
    QVERIFY(summary->text().contains(str("www")));

    // Back to one kind: the editors return.
    mDock->setSelection({str("www")});
    QVERIFY(mDock->form());
    QVERIFY(field("ttl_s"));
    QVERIFY(mDock->messageLabel()->isHidden());
}

void TestInspector::renameThroughIdField()
{
    mDock->setSelection({str("app-1")});
    QLineEdit *id = mDock->idEdit();
    QCOMPARE(id->text(), str("app-1"));
    const int before = undoCount();
    type(id, str("api-1"));
    QCOMPARE(undoCount(), before + 1);
    QVERIFY(mDoc->component(str("api-1")));
    QVERIFY(!mDoc->component(str("app-1")));
    QCOMPARE(mDock->selection(), QStringList{str("api-1")});
    QCOMPARE(id->text(), str("api-1"));

    // Parameter edits follow the new id.
    type(field("workers"), str("5"));
    QCOMPARE(valueOf(*mDoc, "api-1", "workers"), core::ParamValue(std::int64_t(5)));

    // A taken id is refused with the reason, and the field reverts.
    type(id, str("app-2"));
    QCOMPARE(undoCount(), before + 2);
    QVERIFY(mDock->idRefusalLabel()->isVisible());
    QVERIFY2(mDock->idRefusalLabel()->text().contains(str("already used")),
             qPrintable(mDock->idRefusalLabel()->text()));
    QCOMPARE(id->text(), str("api-1"));

    // Undoing the rename brings the old id back into the field.
    mDoc->undoStack()->undo();
    mDoc->undoStack()->undo();
    QCOMPARE(mDock->selection(), QStringList{str("app-1")});
    QCOMPARE(id->text(), str("app-1"));

    // The label is edited the same way.
    type(mDock->labelEdit(), str("Checkout"));
    QCOMPARE(mDoc->component(str("app-1"))->label, std::string("Checkout"));
}

void TestInspector::refreshKeepsFieldBeingTyped()
{
    mDock->setSelection({str("app-1")});
    QLineEdit *workers = field("workers");
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    workers->setFocus();
    workers->selectAll();
    QTest::keyClicks(workers, str("42"));
    QVERIFY(workers->hasFocus());

    // Another edit of the same component refreshes the dock.
    QVERIFY(mDoc->setLabel(str("app-1"), str("Busy")));
    QCOMPARE(workers->text(), str("42"));
    QVERIFY(workers->hasFocus());
    QCOMPARE(mDock->labelEdit()->text(), str("Busy"));

    QTest::keyClick(workers, Qt::Key_Return);
    QCOMPARE(valueOf(*mDoc, "app-1", "workers"), core::ParamValue(std::int64_t(42)));
}

void TestInspector::emptySelectionShowsHint()
{
    mDock->setSelection({});
    QVERIFY(!mDock->form());
    QVERIFY(!mDock->messageLabel()->isHidden());
    QVERIFY(mDock->messageLabel()->text().contains(str("Select a component")));

    // A removed component leaves the selection.
    mDock->setSelection({str("app-3")});
    QVERIFY(mDoc->removeElements({str("app-3")}));
    QVERIFY(mDock->selection().isEmpty());
    QVERIFY(!mDock->form());
    mDoc->undoStack()->undo();
}

void TestInspector::screenshots()
{
    // TOPOLAB_INSPECTOR_SHOTS=DIR keeps the pictures for a look at the layout.
    const QString dir = qEnvironmentVariable("TOPOLAB_INSPECTOR_SHOTS");
    mWindow->resizeDocks({mDock}, {330}, Qt::Horizontal);
    mDock->setSelection({str("app-1")});
    QVERIFY(!mDoc->setParameter({str("app-1")}, str("db_queries"), 99.0));
    mDock->findChild<QLineEdit *>(str("workers"))->setText(str("0"));
    QTest::keyClick(mDock->findChild<QLineEdit *>(str("workers")), Qt::Key_Return);
    QTest::qWait(50); // layouts settle through posted events, as they do in the application
    const QPixmap app = mDock->grab();
    QVERIFY(!app.isNull());
    QVERIFY(!mDoc->setParameterGroupEnabled({str("www")}, str("health_check"), true));
    mDock->setSelection({str("www")});
    QTest::qWait(50);
    const QPixmap dns = mDock->grab();
    QVERIFY(!dns.isNull());
    if (!dir.isEmpty()) {
        QVERIFY(app.save(dir + str("/inspector-app.png")));
        QVERIFY(dns.save(dir + str("/inspector-dns.png")));
    }
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
