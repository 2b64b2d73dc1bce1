// The Scenario dock driven through its real widgets: every kind of field (run settings, a client
// group's traffic, behaviour and rate profile, a failure's form, the random failures' table)
// changes the topology and undo restores the saved bytes; failure chips dropped on the timeline
// schedule a failure at the dropped time; a bar dragged on the timeline is one undo step; "Fail
// At…" on the canvas adds a failure; what the dock writes reads back with core's reader; and a
// drawn topology without a client group becomes one that can be simulated with one click.
#include "canvastesthelpers.h"
#include "windowtesthelpers.h"

#include "canvas/designscene.h"
#include "designer/parametereditor.h"
#include "document/topologydocument.h"
#include "scenario/clientgroupspanel.h"
#include "scenario/failatdialog.h"
#include "scenario/failurechipbar.h"
#include "scenario/failureform.h"
#include "scenario/failurespanel.h"
#include "scenario/failuretimeline.h"
#include "scenario/paramsetform.h"
#include "scenario/randomfailurespanel.h"
#include "scenario/ratecurve.h"
#include "scenario/ratepreview.h"
#include "scenario/rateprofileeditor.h"
#include "scenario/scenariodock.h"
#include "scenario/timeaxis.h"

#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"
#include "core/model/schemas.h"
#include "core/simulation/simreadiness.h"

#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>

#include <memory>

using namespace topolab;
using namespace topolab::app;

namespace {

QString str(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray bytesOf(const TopologyDocument &doc)
{
    return QByteArray::fromStdString(doc.serialized());
}

const core::ClientGroup *group(const TopologyDocument &doc, const char *id)
{
    for (const core::ClientGroup &g : doc.topology().clientGroups) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

const core::ParamSet &failure(const TopologyDocument &doc, int index)
{
    return doc.topology().scenario->failures.at(std::size_t(index)).params;
}

int failureCount(const TopologyDocument &doc)
{
    return doc.topology().scenario ? int(doc.topology().scenario->failures.size()) : 0;
}

// Replaces a field's text the way a user does, then presses Enter.
void type(QWidget *field, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(field);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

// Picks the entry with `data` (or else the text) in a combo box as a user's choice does.
void choose(QComboBox *box, const QString &value)
{
    int index = box->findData(value);
    if (index < 0)
        index = box->findText(value);
    QVERIFY2(index >= 0, qPrintable(value));
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
}

// Drags a chip's payload over `target` and drops it at `pos`, as the window system delivers a
// drag from another widget.
bool dropChip(QWidget *target, FailureChip::Kind kind, QPoint pos)
{
    std::unique_ptr<QMimeData> data(FailureChip::mimeData(kind));
    QDragEnterEvent enter(pos, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

class TestSimScenario : public QObject, private windowtest::WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startSuite(QStringLiteral("tst_simscenario")); }
    void init();
    void cleanup();

    void timeAxisLabelsAndSteps();
    void rateCurveFollowsTheProfile();
    void sectionsEditIsOneStepAndMerges();
    void sectionsEditsThatAFileCannotHoldAreRefused();
    void runSettingsEditAndUndo();
    void clientGroupFieldsEditAndUndo();
    void addAndRemoveClientGroups();
    void renameClientGroupIsCheckedAndUndoable();
    void profileShapeEnablesItsFieldsAndDrawsTheCurve();
    void droppedChipSchedulesAFailureAtTheDropTime();
    void chipWithoutTargetIsRefusedWithAReason();
    void movingABarIsOneUndoStep();
    void resizingABarChangesItsDuration();
    void escapeCancelsADrag();
    void deleteRemovesTheSelectedFailure();
    void hoveringABarTellsItsDetails();
    void failureFormEditsTheSelectedFailure();
    void randomFailuresEditInPlace();
    void selectionSurvivesChanges();
    void savedFileReadsBack();
    void blankDrawnTopologyBecomesRunnable();
    void failAtFromTheCanvasMenu();
    void screenshot();

private:
    int undoCount() const { return mDoc->undoStack()->count(); }
    QUndoStack *stack() const { return mDoc->undoStack(); }
    FailureTimeline *timeline() const { return mDock->failures()->timeline(); }
    QWidget *field(ParamSetForm *form, const char *path) const
    {
        ParameterEditor *editor = form->editor(str(path));
        return editor ? editor->editor() : nullptr;
    }

    std::unique_ptr<QMainWindow> mWindow;
    TopologyDocument *mDoc = nullptr;
    ScenarioDock *mDock = nullptr;
};

void TestSimScenario::init()
{
    startTest();
    mWindow = std::make_unique<QMainWindow>();
    mDoc = new TopologyDocument(mWindow.get());
    QVERIFY(mDoc->open(windowtest::examplePath(str("multi-region"))).empty());
    mDock = new ScenarioDock(mWindow.get());
    mWindow->setCentralWidget(new QWidget);
    mWindow->addDockWidget(Qt::BottomDockWidgetArea, mDock);
    mWindow->resize(1300, 800);
    mDock->setDocument(mDoc);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mWindow->resizeDocks({mDock}, {420}, Qt::Vertical);
    QCoreApplication::processEvents();
}

void TestSimScenario::cleanup()
{
    closeDialogs();
    mWindow.reset();
}

void TestSimScenario::timeAxisLabelsAndSteps()
{
    QCOMPARE(TimeAxis::niceStep(40), 60.0);
    QCOMPARE(TimeAxis::niceStep(301), 600.0);
    QCOMPARE(TimeAxis::tickLabel(0, 600), str("0"));
    QCOMPARE(TimeAxis::tickLabel(1200, 600), str("20 min"));
    QCOMPARE(TimeAxis::tickLabel(5400, 1800), str("1.5 h"));
    QCOMPARE(TimeAxis::tickLabel(45, 15), str("45 s"));
    QCOMPARE(TimeAxis::duration(5400), str("1 h 30 min"));
    QCOMPARE(TimeAxis::duration(90.5), str("90.5 s"));
    QCOMPARE(TimeAxis::duration(300), str("5 min"));
    // An hour on 600 pixels with 70 pixels between labels: every ten minutes.
    QCOMPARE(TimeAxis::tickStep(3600, 600, 70), 600.0);
    QCOMPARE(int(TimeAxis::ticks(3600, 600).size()), 7);
    QCOMPARE(TimeAxis::snap(1214, 60), 1200.0);
    QCOMPARE(TimeAxis::snap(1234, 60), 1260.0);
}

void TestSimScenario::rateCurveFollowsTheProfile()
{
    core::ParamSet p(core::clientGroupSchema());
    QVERIFY(!p.set("rate_rps", 100.0));
    QCOMPARE(RateCurve(p).rateAt(1000), 100.0);

    p.setGroupEnabled("profile", true);
    QVERIFY(!p.set("profile.shape", std::string("steps")));
    QVERIFY(!p.set("profile.factor", 2.0));
    QVERIFY(!p.set("profile.at_s", 600.0));
    QVERIFY(!p.set("profile.every_s", 600.0));
    QVERIFY(!p.set("profile.count", std::int64_t(3)));
    const RateCurve steps(p);
    QCOMPARE(steps.rateAt(599), 100.0);
    QCOMPARE(steps.rateAt(600), 200.0);  // the first step at at_s
    QCOMPARE(steps.rateAt(1200), 400.0); // then one every every_s
    QCOMPARE(steps.rateAt(1800), 800.0);
    QCOMPARE(steps.rateAt(3500), 800.0); // no more than count steps
    QCOMPARE(steps.peakRate(3600), 800.0);

    QVERIFY(!p.set("profile.shape", std::string("spike")));
    QVERIFY(!p.set("profile.factor", 5.0));
    QVERIFY(!p.set("profile.for_s", 60.0));
    const RateCurve spike(p);
    QCOMPARE(spike.rateAt(599), 100.0);
    QCOMPARE(spike.rateAt(600), 500.0);
    QCOMPARE(spike.rateAt(659), 500.0);
    QCOMPARE(spike.rateAt(660), 100.0);

    QVERIFY(!p.set("profile.shape", std::string("daily")));
    QVERIFY(!p.set("profile.factor", 2.0));
    QVERIFY(!p.set("profile.trough_factor", 0.5));
    QVERIFY(!p.set("profile.peak_h", 6.0));
    const RateCurve daily(p);
    QCOMPARE(daily.rateAt(6 * 3600), 200.0);       // peak = factor × rate at peak_h
    QCOMPARE(daily.rateAt(18 * 3600), 50.0);       // trough twelve hours later
    QVERIFY(qAbs(daily.rateAt(0) - 125.0) < 1e-9); // halfway between at a quarter day away
}

void TestSimScenario::sectionsEditIsOneStepAndMerges()
{
    const QByteArray before = bytesOf(*mDoc);
    QSignalSpy changed(mDoc, &TopologyDocument::sectionsChanged);
    const auto setAt = [this](double at, int dragId) {
        return mDoc->editSections(
            str("Move"),
            [at](TopologyDocument::Sections &s) {
                return s.scenario->failures[0].params.set("at_s", at);
            },
            dragId);
    };
    const int drag = mDoc->newDragId();
    QVERIFY(!setAt(1000, drag));
    QVERIFY(!setAt(1100, drag));
    QVERIFY(!setAt(1200, drag));
    QCOMPARE(undoCount(), 1);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(failure(*mDoc, 0).number("at_s"), 1200.0);
    stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(changed.count(), 4);
    stack()->redo();
    QCOMPARE(failure(*mDoc, 0).number("at_s"), 1200.0);
    stack()->undo();

    // A gesture that comes back to where it began leaves no step.
    const int back = mDoc->newDragId();
    QVERIFY(!setAt(1000, back));
    QCOMPARE(undoCount(), 1);
    QVERIFY(!setAt(900, back));
    QCOMPARE(undoCount(), 0);
    QCOMPARE(bytesOf(*mDoc), before);
    // Without a drag id, steps stay apart; an edit that changes nothing pushes nothing.
    QVERIFY(!setAt(1000, 0));
    QVERIFY(!setAt(1100, 0));
    QVERIFY(!setAt(1100, 0));
    QCOMPARE(stack()->index(), 2);
}

void TestSimScenario::sectionsEditsThatAFileCannotHoldAreRefused()
{
    const QByteArray before = bytesOf(*mDoc);
    const int steps = undoCount();
    using S = TopologyDocument::Sections;
    const auto refused = [&](const std::function<void(S &)> &change, const char *expected) {
        S sections = mDoc->sections();
        change(sections);
        const auto reason = mDoc->setSections(sections, str("Edit"));
        QVERIFY2(reason && reason->contains(str(expected)),
                 qPrintable(reason.value_or(str("(accepted)"))));
    };
    refused([](S &s) { s.clientGroups[1].id = s.clientGroups[0].id; }, "already a client group");
    refused([](S &s) { s.clientGroups[0].id = "bad id"; }, "not a valid id");
    refused([](S &s) { s.clientGroups[0].id = "lb-nyc-1"; }, "already the id");
    refused([](S &s) { s.clientGroups[0].region = "mars"; }, "no region 'mars'");
    refused([](S &s) { s.scenario->failures[0].params.set("target", std::string("nope")); },
            "'nope' is not a component or region");
    refused([](S &s) { s.scenario->failures[0].params.unset("at_s"); }, "start time");
    // A refusal from the edit itself is handed back.
    const auto range = mDoc->editSections(
        str("Edit"), [](S &s) { return s.scenario->params.set("replications", std::int64_t(0)); });
    QVERIFY(range && range->contains(str("replications")));
    QCOMPARE(undoCount(), steps);
    QCOMPARE(bytesOf(*mDoc), before);
}

void TestSimScenario::runSettingsEditAndUndo()
{
    const QByteArray before = bytesOf(*mDoc);
    ParamSetForm *run = mDock->runSettings();
    QCOMPARE(run->editor(str("duration_s"))->nameLabel()->text(), str("Duration"));
    QCOMPARE(run->editor(str("duration_s"))->unitLabel()->text(), str("s"));
    QCOMPARE(run->editor(str("warmup_s"))->nameLabel()->text(), str("Warm-up"));
    QCOMPARE(qobject_cast<QLineEdit *>(field(run, "replications"))->text(), str("5"));

    type(field(run, "duration_s"), str("1800"));
    QCOMPARE(mDoc->topology().scenario->params.number("duration_s"), 1800.0);
    QCOMPARE(undoCount(), 1);
    // The timeline follows the run's duration.
    QCOMPARE(timeline()->duration(), 1800.0);
    type(field(run, "seed"), str("42"));
    QCOMPARE(mDoc->topology().scenario->params.integer("seed"), std::int64_t(42));
    type(field(run, "warmup_s"), str("120"));
    QCOMPARE(mDoc->topology().scenario->params.number("warmup_s"), 120.0);

    // Out of range: refused under the field, nothing pushed, the value put back.
    type(field(run, "replications"), str("0"));
    QCOMPARE(undoCount(), 3);
    QVERIFY(run->editor(str("replications"))->hasRefusal());
    QCOMPARE(qobject_cast<QLineEdit *>(field(run, "replications"))->text(), str("5"));

    stack()->undo();
    stack()->undo();
    stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(qobject_cast<QLineEdit *>(field(run, "duration_s"))->text(), str("3600"));
    QCOMPARE(timeline()->duration(), 3600.0);

    // A document without a scenario gets one with the first setting.
    TopologyDocument::Sections sections = mDoc->sections();
    sections.scenario.reset();
    QVERIFY(!mDoc->setSections(sections, str("Drop scenario")));
    type(field(run, "duration_s"), str("600"));
    QVERIFY(mDoc->topology().scenario);
    QCOMPARE(mDoc->topology().scenario->params.number("duration_s"), 600.0);
    stack()->undo();
    QVERIFY(!mDoc->topology().scenario);
}

void TestSimScenario::clientGroupFieldsEditAndUndo()
{
    const QByteArray before = bytesOf(*mDoc);
    ClientGroupsPanel *groups = mDock->clientGroups();
    QCOMPARE(groups->list()->count(), 2);
    QCOMPARE(groups->selectedGroup(), str("users-us"));
    groups->list()->setCurrentRow(1);
    QCOMPARE(groups->selectedGroup(), str("users-eu"));
    QCOMPARE(groups->idEdit()->text(), str("users-eu"));

    // Traffic.
    type(field(groups->trafficForm(), "rate_rps"), str("750"));
    QCOMPARE(group(*mDoc, "users-eu")->params.number("rate_rps"), 750.0);
    type(field(groups->trafficForm(), "clients"), str("12345"));
    QCOMPARE(group(*mDoc, "users-eu")->params.integer("clients"), std::int64_t(12345));
    type(field(groups->trafficForm(), "latency_ms"), str("12.5"));
    QCOMPARE(group(*mDoc, "users-eu")->params.number("latency_ms"), 12.5);
    // Region: a region of the document, or anywhere.
    QCOMPARE(groups->regionBox()->currentData().toString(), str("ams3"));
    choose(groups->regionBox(), QString());
    QCOMPARE(group(*mDoc, "users-eu")->region, std::string());
    choose(groups->regionBox(), str("nyc3"));
    QCOMPARE(group(*mDoc, "users-eu")->region, std::string("nyc3"));

    // Behaviour.
    auto *retry = qobject_cast<QCheckBox *>(field(groups->behaviourForm(), "retry_next_address"));
    QVERIFY(retry && retry->isChecked());
    retry->click();
    QCOMPARE(group(*mDoc, "users-eu")->params.boolean("retry_next_address"), false);
    type(field(groups->behaviourForm(), "connect_timeout_s"), str("1.5"));
    QCOMPARE(group(*mDoc, "users-eu")->params.number("connect_timeout_s"), 1.5);
    type(field(groups->behaviourForm(), "app_cache_s"), str("0"));
    QCOMPARE(group(*mDoc, "users-eu")->params.number("app_cache_s"), 0.0);
    type(field(groups->behaviourForm(), "ttl_violating_share"), str("0.2"));
    QCOMPARE(group(*mDoc, "users-eu")->params.number("ttl_violating_share"), 0.2);
    // A share above 1 is refused with the reason, by the field's title.
    const int steps = undoCount();
    type(field(groups->behaviourForm(), "ttl_violating_share"), str("1.5"));
    QCOMPARE(undoCount(), steps);
    QVERIFY(groups->behaviourForm()->editor(str("ttl_violating_share"))->hasRefusal());
    // Reset goes back to the default, as one more step.
    groups->behaviourForm()->editor(str("app_cache_s"))->resetButton()->click();
    QVERIFY(!group(*mDoc, "users-eu")->params.isSet("app_cache_s"));
    QCOMPARE(undoCount(), steps + 1);
    // The other group is untouched; undoing every step restores the file byte for byte.
    QCOMPARE(group(*mDoc, "users-us")->params.number("rate_rps"), 600.0);
    while (stack()->canUndo())
        stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(qobject_cast<QLineEdit *>(field(groups->trafficForm(), "rate_rps"))->text(),
             str("400"));
    QVERIFY(retry->isChecked());
    QCOMPARE(groups->selectedGroup(), str("users-eu"));
}

void TestSimScenario::addAndRemoveClientGroups()
{
    const QByteArray before = bytesOf(*mDoc);
    ClientGroupsPanel *groups = mDock->clientGroups();
    groups->addButton()->click();
    QCOMPARE(groups->selectedGroup(), str("users"));
    QVERIFY(group(*mDoc, "users"));
    QCOMPARE(group(*mDoc, "users")->region, std::string("nyc3")); // the first region
    groups->addButton()->click();
    QCOMPARE(groups->selectedGroup(), str("users-2"));
    QCOMPARE(groups->list()->count(), 4);
    QCOMPARE(mDock->tabs()->tabText(0), str("Client Groups (4)"));
    QCOMPARE(undoCount(), 2);

    groups->removeButton()->click();
    QVERIFY(!group(*mDoc, "users-2"));
    QCOMPARE(groups->selectedGroup(), str("users")); // the one before takes the selection
    stack()->undo();
    QVERIFY(group(*mDoc, "users-2"));
    stack()->undo();
    stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(groups->list()->count(), 2);
}

void TestSimScenario::renameClientGroupIsCheckedAndUndoable()
{
    ClientGroupsPanel *groups = mDock->clientGroups();
    type(groups->idEdit(), str("users-eu"));
    QCOMPARE(undoCount(), 0);
    type(groups->idEdit(), str("visitors"));
    QVERIFY(group(*mDoc, "visitors"));
    QCOMPARE(groups->selectedGroup(), str("visitors"));
    QCOMPARE(groups->list()->currentItem()->text(), str("visitors"));
    type(groups->idEdit(), str("users-eu"));
    QVERIFY(!groups->idRefusal()->isHidden());
    QVERIFY2(groups->idRefusal()->text().contains(str("already a client group")),
             qPrintable(groups->idRefusal()->text()));
    QCOMPARE(groups->idEdit()->text(), str("visitors"));
    type(groups->idEdit(), str("www"));
    QVERIFY(groups->idRefusal()->text().contains(str("component or region")));
    QCOMPARE(undoCount(), 1);
    stack()->undo();
    QVERIFY(group(*mDoc, "users-us"));
    QCOMPARE(groups->selectedGroup(), str("users-us"));
}

void TestSimScenario::profileShapeEnablesItsFieldsAndDrawsTheCurve()
{
    const QByteArray before = bytesOf(*mDoc);
    ClientGroupsPanel *groups = mDock->clientGroups();
    RateProfileEditor *profile = groups->profileEditor();
    ParamSetForm *form = profile->form();
    const auto enabled = [&](const char *path) {
        return field(form, path)->isEnabled();
    };
    QCOMPARE(profile->shapeBox()->currentData().toString(), str("constant"));
    QVERIFY(!enabled("profile.factor"));

    choose(profile->shapeBox(), str("steps"));
    QVERIFY(group(*mDoc, "users-us")->params.groupEnabled("profile"));
    QCOMPARE(group(*mDoc, "users-us")->params.text("profile.shape"), std::string("steps"));
    QVERIFY(enabled("profile.factor") && enabled("profile.at_s") && enabled("profile.every_s")
            && enabled("profile.count"));
    QVERIFY(!enabled("profile.for_s") && !enabled("profile.trough_factor")
            && !enabled("profile.peak_h"));
    type(field(form, "profile.factor"), str("1.5"));
    type(field(form, "profile.count"), str("2"));
    QCOMPARE(group(*mDoc, "users-us")->params.number("profile.factor"), 1.5);
    // The preview draws what the simulator will send: 600 rps, ×1.5 at 600 s and 1200 s.
    RatePreview *preview = profile->preview();
    QCOMPARE(preview->curve().rateAt(0), 600.0);
    QCOMPARE(preview->curve().rateAt(700), 900.0);
    QCOMPARE(preview->curve().rateAt(3000), 1350.0);
    QCOMPARE(preview->duration(), 3600.0);

    choose(profile->shapeBox(), str("spike"));
    QVERIFY(enabled("profile.for_s") && !enabled("profile.every_s"));
    QCOMPARE(preview->curve().rateAt(630), 900.0);
    QCOMPARE(preview->curve().rateAt(700), 600.0);
    choose(profile->shapeBox(), str("daily"));
    QVERIFY(enabled("profile.trough_factor") && enabled("profile.peak_h")
            && !enabled("profile.at_s"));
    // Constant keeps what was written, so the other shapes come back as they were.
    choose(profile->shapeBox(), str("constant"));
    QCOMPARE(group(*mDoc, "users-us")->params.text("profile.shape"), std::string("constant"));
    QCOMPARE(group(*mDoc, "users-us")->params.number("profile.factor"), 1.5);
    QVERIFY(!enabled("profile.factor"));

    while (stack()->canUndo())
        stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(profile->shapeBox()->currentData().toString(), str("constant"));
    // With nothing written, constant is no profile at all.
    choose(profile->shapeBox(), str("spike"));
    choose(profile->shapeBox(), str("constant"));
    QVERIFY(!group(*mDoc, "users-us")->params.groupEnabled("profile"));
    QCOMPARE(bytesOf(*mDoc), before);
}

void TestSimScenario::droppedChipSchedulesAFailureAtTheDropTime()
{
    const QByteArray before = bytesOf(*mDoc);
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    QCOMPARE(line->failureCount(), 2);
    const int y = int(line->barRect(1).bottom()) + 20;

    QVERIFY(dropChip(line, FailureChip::Kind::Crash, QPoint(int(line->xOf(1200)), y)));
    QCOMPARE(failureCount(*mDoc), 3);
    const core::ParamSet &crash = failure(*mDoc, 2);
    QCOMPARE(crash.number("at_s"), 1200.0);                  // on the snapped time under the drop
    QCOMPARE(crash.text("target"), std::string("lb-nyc-1")); // the first load balancer
    QCOMPARE(crash.text("mode"), std::string("crash"));
    QCOMPARE(crash.number("for_s"), 300.0); // a twelfth of the hour
    QCOMPARE(line->selectedFailure(), 2);
    QCOMPARE(mDock->failures()->form()->failure(), 2);
    QCOMPARE(undoCount(), 1);

    // A drop between two snap points lands on the nearer one.
    const double step = line->snapStep();
    QVERIFY(dropChip(line, FailureChip::Kind::LoseRegion,
                     QPoint(int(line->xOf(2 * step + step * 0.3)), y)));
    QCOMPARE(failure(*mDoc, 3).number("at_s"), 2 * step);
    QCOMPARE(failure(*mDoc, 3).text("target"), std::string("nyc3"));
    QCOMPARE(failure(*mDoc, 3).text("mode"), std::string("blackhole"));
    QVERIFY(dropChip(line, FailureChip::Kind::CutVpn, QPoint(int(line->xOf(3000)), y)));
    QCOMPARE(failure(*mDoc, 4).text("target"), std::string("tinc"));
    QVERIFY(dropChip(line, FailureChip::Kind::Degrade, QPoint(int(line->xOf(600)), y)));
    QCOMPARE(failure(*mDoc, 5).text("target"), std::string("app-nyc-1"));
    QCOMPARE(failure(*mDoc, 5).number("slowdown"), 4.0);
    // Near the end the failure lasts to the end instead of past it.
    QVERIFY(dropChip(line, FailureChip::Kind::Blackhole, QPoint(int(line->xOf(3590)), y)));
    const core::ParamSet &last = failure(*mDoc, 6);
    QVERIFY(last.number("at_s") + last.number("for_s") <= 3600);
    QCOMPARE(mDock->tabs()->tabText(1), str("Scheduled Failures (7)"));

    // Other payloads are not taken.
    QMimeData text;
    text.setText(str("crash"));
    QDragEnterEvent enter(QPoint(50, y), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(line, &enter);
    QVERIFY(!enter.isAccepted());

    QCOMPARE(undoCount(), 5);
    while (stack()->canUndo())
        stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(line->failureCount(), 2);
}

void TestSimScenario::chipWithoutTargetIsRefusedWithAReason()
{
    QVERIFY(mDoc->newFromTemplate(TopologyDocument::Template::SingleRegion).empty());
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    QVERIFY(dropChip(line, FailureChip::Kind::CutVpn, QPoint(int(line->xOf(600)), 60)));
    QCOMPARE(undoCount(), 0);
    QLabel *message = mDock->failures()->messageLabel();
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(str("no VPN")), qPrintable(message->text()));
    // A click on a chip adds it too, a quarter into the run.
    mDock->failures()->chips()->chip(FailureChip::Kind::Crash)->click();
    QCOMPARE(undoCount(), 1);
    QCOMPARE(failure(*mDoc, 2).number("at_s"), 900.0);
    QVERIFY(!message->isVisible());
}

void TestSimScenario::movingABarIsOneUndoStep()
{
    const QByteArray before = bytesOf(*mDoc);
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    // Failure 0: ams3 at 900 s for 300 s. Grab it in the middle and move it 10 minutes on.
    const QRectF bar = line->barRect(0);
    const QPoint from = bar.center().toPoint();
    const QPoint to = from + QPoint(int(line->xOf(600) - line->xOf(0)), 0);
    canvastest::drag(line, from, to, {}, Qt::LeftButton, 8);
    QCOMPARE(undoCount(), 1);
    const double moved = failure(*mDoc, 0).number("at_s");
    QVERIFY2(qAbs(moved - 1500) <= line->snapStep(), qPrintable(QString::number(moved)));
    QCOMPARE(std::fmod(moved, line->snapStep()), 0.0); // on a snap point
    QCOMPARE(failure(*mDoc, 0).number("for_s"), 300.0);
    QCOMPARE(line->selectedFailure(), 0);
    stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    stack()->redo();
    QCOMPARE(failure(*mDoc, 0).number("at_s"), moved);
    // Never before the start.
    canvastest::drag(line, line->barRect(0).center().toPoint(), QPoint(0, from.y()));
    QCOMPARE(failure(*mDoc, 0).number("at_s"), 0.0);
    QCOMPARE(undoCount(), 2);
    // The arrow keys nudge the selected bar, a step each.
    line->setFocus();
    QTest::keyClick(line, Qt::Key_Right);
    QCOMPARE(failure(*mDoc, 0).number("at_s"), line->snapStep());
    QCOMPARE(undoCount(), 3);
}

void TestSimScenario::resizingABarChangesItsDuration()
{
    const QByteArray before = bytesOf(*mDoc);
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    const QRectF bar = line->barRect(1); // tinc at 2400 s for 600 s
    const QPoint edge(int(bar.right()), int(bar.center().y()));
    canvastest::drag(line, edge, QPoint(int(line->xOf(3300)), edge.y()));
    QCOMPARE(undoCount(), 1);
    QCOMPARE(failure(*mDoc, 1).number("at_s"), 2400.0);
    const double length = failure(*mDoc, 1).number("for_s");
    QVERIFY2(qAbs(length - 900) <= line->snapStep(), qPrintable(QString::number(length)));
    // Past the end of the run: until the end.
    canvastest::drag(line, QPoint(int(line->barRect(1).right()), edge.y()),
                     QPoint(line->width() - 2, edge.y()));
    QCOMPARE(failure(*mDoc, 1).number("for_s"), 0.0);
    QCOMPARE(undoCount(), 2);
    stack()->undo();
    stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
}

void TestSimScenario::escapeCancelsADrag()
{
    const QByteArray before = bytesOf(*mDoc);
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    const QPoint from = line->barRect(0).center().toPoint();
    QTest::mousePress(line, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 5; ++i)
        canvastest::moveTo(line, from + QPoint(i * 30, 0), Qt::LeftButton);
    QVERIFY(failure(*mDoc, 0).number("at_s") > 900);
    QTest::keyClick(line, Qt::Key_Escape);
    QTest::mouseRelease(line, Qt::LeftButton, {}, from + QPoint(150, 0));
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(undoCount(), 0);
}

void TestSimScenario::deleteRemovesTheSelectedFailure()
{
    const QByteArray before = bytesOf(*mDoc);
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    QTest::mouseClick(line, Qt::LeftButton, {}, line->barRect(1).center().toPoint());
    QCOMPARE(line->selectedFailure(), 1);
    QTest::keyClick(line, Qt::Key_Delete);
    QCOMPARE(failureCount(*mDoc), 1);
    QCOMPARE(failure(*mDoc, 0).text("target"), std::string("ams3"));
    QCOMPARE(line->selectedFailure(), 0);
    stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    // Clicking empty time clears the selection and the form shows its hint.
    QTest::mouseClick(line, Qt::LeftButton, {}, QPoint(line->width() / 2, line->height() - 4));
    QCOMPARE(line->selectedFailure(), -1);
    QVERIFY(!mDock->failures()->form()->removeButton()->isVisible());
}

void TestSimScenario::hoveringABarTellsItsDetails()
{
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    const QPoint pos = line->barRect(1).center().toPoint();
    QHelpEvent help(QEvent::ToolTip, pos, line->mapToGlobal(pos));
    QApplication::sendEvent(line, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QVERIFY2(tip.contains(str("tinc")) && tip.contains(str("tunnel goes down"))
                 && tip.contains(str("From 40 min to 50 min (10 min)")),
             qPrintable(tip));
    QToolTip::hideText();
    // A double-click asks for the target to be shown.
    QSignalSpy activated(mDock, &ScenarioDock::elementActivated);
    QTest::mouseDClick(line, Qt::LeftButton, {}, pos);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), str("tinc"));
}

void TestSimScenario::failureFormEditsTheSelectedFailure()
{
    const QByteArray before = bytesOf(*mDoc);
    mDock->showFailures();
    FailureTimeline *line = timeline();
    QTRY_VERIFY(line->isVisible());
    line->setSelectedFailure(1);
    FailureForm *form = mDock->failures()->form();
    QCOMPARE(form->failure(), 1);
    QCOMPARE(form->targetBox()->currentData().toString(), str("tinc"));
    // A vpn cannot be degraded: that mode is offered greyed out, and the slowdown too.
    auto *mode = qobject_cast<QComboBox *>(field(form->form(), "mode"));
    QVERIFY(mode);
    auto isEnabled = [mode](const char *name) {
        const QModelIndex index = mode->model()->index(mode->findText(str(name)), 0);
        return bool(mode->model()->flags(index) & Qt::ItemIsEnabled);
    };
    QVERIFY(!isEnabled("degrade") && isEnabled("blackhole"));
    QVERIFY(!field(form->form(), "slowdown")->isEnabled());

    choose(form->targetBox(), str("app-ams-1"));
    QCOMPARE(failure(*mDoc, 1).text("target"), std::string("app-ams-1"));
    QVERIFY(isEnabled("degrade"));
    choose(mode, str("degrade"));
    QCOMPARE(failure(*mDoc, 1).text("mode"), std::string("degrade"));
    QVERIFY(field(form->form(), "slowdown")->isEnabled());
    type(field(form->form(), "slowdown"), str("8"));
    QCOMPARE(failure(*mDoc, 1).number("slowdown"), 8.0);
    type(field(form->form(), "at_s"), str("100"));
    QCOMPARE(failure(*mDoc, 1).number("at_s"), 100.0);
    type(field(form->form(), "for_s"), str("0"));
    QCOMPARE(failure(*mDoc, 1).number("for_s"), 0.0);
    QVERIFY(form->titleLabel()->text().contains(str("to the end")));
    // Back to a region: a degrade becomes a crash in the same step.
    const int steps = undoCount();
    choose(form->targetBox(), str("nyc3"));
    QCOMPARE(failure(*mDoc, 1).text("target"), std::string("nyc3"));
    QCOMPARE(failure(*mDoc, 1).text("mode"), std::string("crash"));
    QCOMPARE(undoCount(), steps + 1);
    // The form's Remove button removes it.
    form->removeButton()->click();
    QCOMPARE(failureCount(*mDoc), 1);
    while (stack()->canUndo())
        stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
}

void TestSimScenario::randomFailuresEditInPlace()
{
    const QByteArray before = bytesOf(*mDoc);
    RandomFailuresPanel *random = mDock->randomFailures();
    mDock->tabs()->setCurrentWidget(random);
    QTableWidget *table = random->table();
    QCOMPARE(table->rowCount(), 0);
    random->addButton()->click();
    QCOMPARE(table->rowCount(), 1);
    const core::ParamSet &row = mDoc->topology().scenario->randomFailures.at(0).params;
    QCOMPARE(row.text("kind"), std::string("app_server"));
    QCOMPARE(mDock->tabs()->tabText(2), str("Random Failures (1)"));

    table->item(0, RandomFailuresPanel::MtbfColumn)->setText(str("250"));
    QTRY_COMPARE(mDoc->topology().scenario->randomFailures.at(0).params.number("mtbf_h"), 250.0);
    table->item(0, RandomFailuresPanel::MttrColumn)->setText(str("45"));
    QTRY_COMPARE(mDoc->topology().scenario->randomFailures.at(0).params.number("mttr_min"), 45.0);
    choose(qobject_cast<QComboBox *>(table->cellWidget(0, RandomFailuresPanel::KindColumn)),
           str("database"));
    QCOMPARE(mDoc->topology().scenario->randomFailures.at(0).params.text("kind"),
             std::string("database"));
    choose(qobject_cast<QComboBox *>(table->cellWidget(0, RandomFailuresPanel::ModeColumn)),
           str("blackhole"));
    QCOMPARE(mDoc->topology().scenario->randomFailures.at(0).params.text("mode"),
             std::string("blackhole"));
    QCOMPARE(undoCount(), 5);
    // A value out of range is refused: put back, the reason under the table.
    table->item(0, RandomFailuresPanel::MtbfColumn)->setText(str("0"));
    QTRY_VERIFY(random->messageLabel()->isVisible());
    QCOMPARE(table->item(0, RandomFailuresPanel::MtbfColumn)->text(), str("250"));
    QCOMPARE(undoCount(), 5);
    // A second row takes a kind that has none yet.
    random->addButton()->click();
    QCOMPARE(mDoc->topology().scenario->randomFailures.at(1).params.text("kind"),
             std::string("app_server"));
    table->setCurrentCell(0, 1);
    random->removeButton()->click();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(mDoc->topology().scenario->randomFailures.at(0).params.text("kind"),
             std::string("app_server"));
    while (stack()->canUndo())
        stack()->undo();
    QCOMPARE(bytesOf(*mDoc), before);
    QCOMPARE(table->rowCount(), 0);
}

void TestSimScenario::selectionSurvivesChanges()
{
    ClientGroupsPanel *groups = mDock->clientGroups();
    groups->list()->setCurrentRow(1);
    timeline()->setSelectedFailure(1);
    // Edits elsewhere, their undo, renames and new regions leave both selections alone.
    QVERIFY(!mDoc->setParameter({str("app-nyc-1")}, str("workers"), std::int64_t(4)));
    stack()->undo();
    QVERIFY(!mDoc->renameId(str("tinc"), str("tunnel")));
    QCOMPARE(groups->selectedGroup(), str("users-eu"));
    QCOMPARE(timeline()->selectedFailure(), 1);
    QCOMPARE(mDock->failures()->form()->targetBox()->currentData().toString(), str("tunnel"));
    mDoc->addRegion(QRectF(0, 2000, 400, 300), str("Frankfurt"));
    QTRY_COMPARE(groups->regionBox()->count(), 4);
    QCOMPARE(groups->selectedGroup(), str("users-eu"));
    QCOMPARE(timeline()->selectedFailure(), 1);
    // Removing the first failure's region takes that failure along; the selection stays on
    // the tunnel's.
    QVERIFY(mDoc->removeElements({str("ams3")}));
    QCOMPARE(timeline()->failureCount(), 1);
    QCOMPARE(timeline()->selectedFailure(), 0);
    QCOMPARE(failure(*mDoc, 0).text("target"), std::string("tunnel"));
    stack()->undo();
    QCOMPARE(timeline()->selectedFailure(), 1);
    // A new document starts on its first group.
    QVERIFY(mDoc->newFromTemplate(TopologyDocument::Template::SingleRegion).empty());
    QCOMPARE(groups->selectedGroup(), str("users"));
}

void TestSimScenario::savedFileReadsBack()
{
    ClientGroupsPanel *groups = mDock->clientGroups();
    groups->addButton()->click();
    choose(groups->profileEditor()->shapeBox(), str("daily"));
    type(field(groups->profileEditor()->form(), "profile.peak_h"), str("18"));
    type(field(groups->behaviourForm(), "request_timeout_s"), str("10"));
    mDock->showFailures();
    QTRY_VERIFY(timeline()->isVisible());
    QVERIFY(dropChip(timeline(), FailureChip::Kind::Degrade, QPoint(int(timeline()->xOf(60)), 80)));
    mDock->randomFailures()->addRow();
    type(field(mDock->runSettings(), "replications"), str("3"));

    const std::string text = mDoc->serialized();
    core::LoadResult result = core::readTopology(text);
    QVERIFY2(result.ok(), text.c_str());
    QVERIFY(*result.topology == mDoc->topology());
    QCOMPARE(core::writeTopology(*result.topology), text);
    QVERIFY2(QByteArray::fromStdString(text).contains("profile: {shape: daily, peak_h: 18}"),
             text.c_str());
    // Saved and opened again: the same bytes.
    const QString path = mFilesDir->filePath(str("scenario.topolab.yaml"));
    QVERIFY(!mDoc->saveAs(path));
    TopologyDocument reopened;
    QVERIFY(reopened.open(path).empty());
    QCOMPARE(reopened.serialized(), text);
}

void TestSimScenario::blankDrawnTopologyBecomesRunnable()
{
    // The single-region template as if drawn by hand: no client group.
    QVERIFY(mDoc->newFromTemplate(TopologyDocument::Template::SingleRegion).empty());
    TopologyDocument::Sections sections = mDoc->sections();
    sections.clientGroups.clear();
    QVERIFY(!mDoc->setSections(sections, str("Drawn")));
    QVERIFY(!core::missingForSimulation(mDoc->topology()).empty());
    QVERIFY(mDock->emptyState()->isVisible());
    QVERIFY(mDock->clientGroups()->findChild<QLabel *>(str("noClientGroup"))->isVisible());

    QSignalSpy message(mDock, &ScenarioDock::message);
    mDock->addClientGroupButton()->click();
    QCOMPARE(mDoc->topology().clientGroups.size(), std::size_t(1));
    QCOMPARE(mDoc->topology().clientGroups.front().id, std::string("users"));
    QCOMPARE(mDoc->topology().clientGroups.front().region, std::string("nyc1"));
    QCOMPARE(core::missingForSimulation(mDoc->topology()), std::string());
    QVERIFY(!mDock->emptyState()->isVisible());
    QCOMPARE(mDock->tabs()->currentWidget(), mDock->clientGroups());
    QCOMPARE(message.count(), 1);
    QVERIFY(message.at(0).at(0).toString().contains(str("can be simulated")));
    stack()->undo();
    QVERIFY(mDock->emptyState()->isVisible());
}

void TestSimScenario::failAtFromTheCanvasMenu()
{
    mWindow.reset();
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(windowtest::examplePath(str("multi-region"))));
    TopologyDocument *doc = window->document();
    ScenarioDock *dock = window->scenario();
    QVERIFY(dock);
    QCOMPARE(dock->document(), doc);
    const QByteArray before = bytesOf(*doc);

    // Right-click lb-ams-1, choose Fail At… in the menu, answer the dialog.
    DesignView *view = window->view();
    view->focusElement(str("lb-ams-1"));
    const QPoint pos = view->mapFromScene(
        window->scene()->elementItem(str("lb-ams-1"))->sceneBoundingRect().center());
    bool chosen = false;
    bool answered = false;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            menu && !chosen) {
            for (QAction *action : menu->actions()) {
                if (windowtest::plain(action->text()) == str("Fail At…")) {
                    chosen = true;
                    QTimer::singleShot(0, menu, [menu, action] {
                        QTest::mouseClick(menu, Qt::LeftButton, {},
                                          menu->actionGeometry(action).center());
                    });
                }
            }
            if (!chosen)
                menu->close();
            return;
        }
        if (auto *dialog = qobject_cast<FailAtDialog *>(QApplication::activeModalWidget());
            dialog && !answered) {
            answered = true;
            QTimer::singleShot(0, dialog, [dialog] {
                QCOMPARE(dialog->target(), str("lb-ams-1"));
                dialog->startBox()->setValue(1500);
                dialog->lengthBox()->setValue(120);
                choose(dialog->modeBox(), str("blackhole"));
                dialog->accept();
            });
        }
    });
    poll.start();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);
    QTRY_VERIFY(answered);
    poll.stop();
    QCOMPARE(failureCount(*doc), 3);
    const core::ParamSet &added = failure(*doc, 2);
    QCOMPARE(added.text("target"), std::string("lb-ams-1"));
    QCOMPARE(added.number("at_s"), 1500.0);
    QCOMPARE(added.number("for_s"), 120.0);
    QCOMPARE(added.text("mode"), std::string("blackhole"));
    QVERIFY(dock->isVisible());
    QCOMPARE(dock->failures()->timeline()->selectedFailure(), 2);
    doc->undoStack()->undo();
    QCOMPARE(bytesOf(*doc), before);

    // A region is lost: silent by default; a cancelled dialog adds nothing.
    const auto loseRegion = windowtest::answerModal<FailAtDialog>(
        [&] { QVERIFY(dock->failAt(str("nyc3"))); },
        [](FailAtDialog *dialog) {
            QCOMPARE(dialog->modeBox()->currentData().toString(), str("blackhole"));
            QCOMPARE(dialog->modeBox()->findData(str("degrade")), -1);
            dialog->accept();
        });
    QVERIFY(loseRegion.answered);
    QCOMPARE(failure(*doc, 2).text("target"), std::string("nyc3"));
    const auto cancelled
        = windowtest::answerModal<FailAtDialog>([&] { QVERIFY(!dock->failAt(str("app-nyc-1"))); },
                                                [](FailAtDialog *dialog) { dialog->reject(); });
    QVERIFY(cancelled.answered);
    QCOMPARE(failureCount(*doc), 3);
    // A failure's target double-clicked on the timeline is selected on the canvas.
    Q_EMIT dock->elementActivated(str("db-ams"));
    QCOMPARE(window->scene()->selectedIds(), QStringList{str("db-ams")});
    // The Panels menu shows and hides the dock.
    QVERIFY(window->findChildren<QAction *>().contains(dock->toggleViewAction()));
}

void TestSimScenario::screenshot()
{
    const QString dir = qEnvironmentVariable("TOPOLAB_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set TOPOLAB_SCREENSHOTS to a folder to write the dock's pictures");
    mDock->showFailures();
    timeline()->setSelectedFailure(0);
    QCoreApplication::processEvents();
    QVERIFY(mDock->grab().save(dir + str("/scenario-failures.png")));
    mDock->showClientGroups();
    QCoreApplication::processEvents();
    QVERIFY(mDock->grab().save(dir + str("/scenario-groups.png")));
}

QTEST_MAIN(TestSimScenario)
#include "tst_simscenario.moc"
