// Deploy from the window, against hosts on this machine (LocalRemoteHost, each with its own root
// and the process service manager): the plan tree lists what rendering makes for each host, a
// change shows its diff (a secret file never), Deploy asks first and then fills every row to
// done with the files in place and badges on the components, a second plan finds nothing, the
// event loop keeps running meanwhile, Cancel ends a run within a second saying where each host
// was left, an unknown host key is asked about and trusted for the next plan, and a changed one
// is refused with no way to trust it.
#include "windowtesthelpers.h"

#include "localremotehost.h"

#include "canvas/designscene.h"
#include "deploy/deployactions.h"
#include "deploy/deploycontrol.h"
#include "deploy/deploydiffview.h"
#include "deploy/deploydock.h"
#include "deploy/deployhostmodel.h"
#include "deploy/deployplanview.h"
#include "deploy/deploytrustdialog.h"
#include "gui/componentitem.h"
#include "results/resultsdock.h"

#include "core/deploy/hostconnection.h"
#include "core/deploy/shellquote.h"
#include "core/deploy/ssh/hostkeyerrors.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

using namespace windowtest;
using State = topolab::core::HostProgress::State;
using topolab::testing::LocalRemoteHost;
namespace core = topolab::core;

namespace {

const QStringList components
    = {QStringLiteral("www"), QStringLiteral("lb-1"), QStringLiteral("app-1")};
// A fingerprint in OpenSSH's form, as a host would offer it.
const QString offered = QStringLiteral("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Plain files instead of HAProxy, BIND and the app: one configuration file per component with
// its label, a secret file, and, when `taskSeconds` is set, a one-time task that takes that long.
core::DeployRun::Renderer plainRenderer(double taskSeconds = 0)
{
    return [taskSeconds](const core::Topology &topology, core::RenderInputs &inputs) {
        core::RenderResult result;
        for (const core::HostConnection &host : core::hostConnections(topology)) {
            const core::Component *component = topology.component(host.id);
            core::DeployUnit unit;
            unit.component = host.id;
            unit.host = host.id;
            core::RenderedFile config;
            config.path = "/etc/demo/" + host.id + ".conf";
            config.content = "label: " + (component ? component->label : std::string()) + "\n"
                             + "component: " + host.id + "\n";
            unit.files.push_back(config);
            core::RenderedFile secret;
            secret.path = "/etc/demo/" + host.id + ".token";
            secret.content = inputs.secrets->get(host.id + ".token") + "\n";
            secret.mode = 0600;
            secret.secret = true;
            unit.files.push_back(secret);
            if (taskSeconds > 0) {
                core::HostTask task;
                task.name = "warm the cache";
                task.creates = "/var/lib/demo/" + host.id + ".warm";
                task.script = "sleep " + std::to_string(taskSeconds) + " && mkdir -p "
                              + core::shellQuote(host.onHost("/var/lib/demo")) + " && touch "
                              + core::shellQuote(host.onHost(task.creates));
                unit.tasks.push_back(task);
            }
            result.units.push_back(unit);
        }
        return result;
    };
}

} // namespace

class TestDeployGui : public QObject, private WindowFixture
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> mDir;
    QString mFile;
    std::unique_ptr<QWidget> mWindow;
    std::unique_ptr<TopologyDocument> mDocument;
    std::unique_ptr<DesignScene> mScene;
    std::unique_ptr<DeployDock> mDock;
    std::unique_ptr<DeployControl> mControl;
    // What each connection was opened with, for the trust tests.
    std::mutex mSeenMutex;
    QList<core::HostTrust> mSeenTrust;

    DeployController *controller() const { return mControl->controller(); }
    DeployActions *actions() const { return mControl->actions(); }
    DeployHostModel *rows() const { return mDock->hosts(); }

    std::string root(const QString &host) const
    {
        return (mDir->path() + QStringLiteral("/hosts/") + host).toStdString();
    }

    // The topology file with hosts 127.0.0.41.. whose roots are folders of this test.
    QString writeTopology()
    {
        QByteArray text = "topolab: 1\nname: Deploy panel\nregions: [{id: r1}]\ncomponents:\n"
                          "  - {id: www, kind: dns, label: Shop, hostname: shop.example.org, "
                          "ttl_s: 60, port: 15353}\n"
                          "  - {id: lb-1, kind: load_balancer, region: r1, label: Front, "
                          "port: 18080}\n"
                          "  - {id: app-1, kind: app_server, region: r1, label: Shop app, "
                          "port: 19000, db_queries: 0}\n"
                          "links:\n  - {from: www, to: lb-1}\n  - {from: lb-1, to: app-1}\n"
                          "deploy:\n  hosts:\n";
        for (int i = 0; i < components.size(); ++i) {
            text += "    - {component: " + components[i].toUtf8() + ", address: 127.0.0."
                    + QByteArray::number(41 + i) + ", root: \""
                    + QByteArray::fromStdString(root(components[i]))
                    + "\", service_manager: process}\n";
            std::filesystem::create_directories(root(components[i]));
        }
        const QString path = mDir->path() + QStringLiteral("/shop.topolab.yaml");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return {};
        return path;
    }

    // Hosts on this machine; `refuse` may throw for a host as an SSH session would.
    void
    connectLocally(std::function<void(const core::HostConnection &, const core::HostTrust &)> refuse
                   = {})
    {
        controller()->setConnectorFactory(
            [this, refuse](const DeployController::ConnectorContext &context) {
                {
                    std::lock_guard lock(mSeenMutex);
                    mSeenTrust.append(context.trust);
                }
                return [refuse, context](
                           const core::HostConnection &host) -> std::unique_ptr<core::RemoteHost> {
                    if (refuse)
                        refuse(host, context.trust);
                    auto remote = std::make_unique<LocalRemoteHost>(host.id);
                    remote->cancel = context.cancel;
                    return remote;
                };
            });
    }

    std::shared_ptr<const PlanSnapshot> planNow()
    {
        QSignalSpy planned(controller(), &DeployController::planned);
        actions()->plan->trigger();
        if (!planned.wait(10000))
            return nullptr;
        return controller()->lastPlan();
    }

    // Deploy…, confirmed; waits for the end of the run. False when no confirmation was asked.
    bool deployNow(QSignalSpy &applied)
    {
        const Modal modal = answerModal<QMessageBox>(
            [&] {
                actions()->deploy->trigger();
                QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 10000);
            },
            [](QMessageBox *box) {
                QCOMPARE(box->objectName(), QStringLiteral("deployConfirm"));
                QVERIFY(box->informativeText().contains(QStringLiteral("to add")));
                QVERIFY(clickButton(box, QStringLiteral("Deploy")));
            });
        return modal.answered && modal.others.isEmpty();
    }

    QTreeWidgetItem *hostItem(const QString &host) const
    {
        QTreeWidget *tree = mDock->planView()->tree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(DeployPlanView::WhatColumn) == host)
                return tree->topLevelItem(i);
        }
        return nullptr;
    }

    QStringList linesOf(const QString &host) const
    {
        QStringList lines;
        if (QTreeWidgetItem *item = hostItem(host)) {
            for (int c = 0; c < item->childCount(); ++c)
                lines.append(item->child(c)->text(DeployPlanView::WhatColumn));
        }
        return lines;
    }

private Q_SLOTS:
    void initTestCase() { startSuite(QStringLiteral("tst_deploygui")); }

    void init()
    {
        startTest();
        mDir = std::make_unique<QTemporaryDir>();
        QVERIFY(mDir->isValid());
        mFile = writeTopology();
        QVERIFY(!mFile.isEmpty());
        mWindow = std::make_unique<QWidget>();
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        mDocument = std::make_unique<TopologyDocument>();
        QVERIFY(mDocument->open(mFile).empty());
        mScene = std::make_unique<DesignScene>(mDocument.get());
        mDock = std::make_unique<DeployDock>(mWindow.get());
        mControl = std::make_unique<DeployControl>(mDocument.get(), mScene.get(), mDock.get(),
                                                   mWindow.get());
        // Logs of the test's deploys stay in the test's folder.
        controller()->setLogDirectory(mDir->path() + QStringLiteral("/logs"));
        mSeenTrust.clear();
        connectLocally();
    }

    void cleanup()
    {
        closeDialogs();
        mControl.reset();
        mDock.reset();
        mScene.reset();
        mDocument.reset();
        mWindow.reset();
        mDir.reset();
    }

    void planListsWhatRenderingMakesForEachHost();
    void unsavedTopologyIsAskedToBeSavedFirst();
    void deployFillsEveryRowThenNothingIsLeftToDo();
    void changeShowsItsDiffButNeverASecret();
    void eventLoopRunsDuringADeploy();
    void cancelEndsTheRunWithinASecond();
    void unknownHostKeyIsTrustedAndPlannedAgain();
    void changedHostKeyIsRefusedWithoutTrust();
    void windowHasTheDeployMenuAndPanel();
};

void TestDeployGui::planListsWhatRenderingMakesForEachHost()
{
    const auto plan = planNow();
    QVERIFY(plan);
    QVERIFY2(plan->renderProblems.isEmpty(), qPrintable(plan->renderProblems.join(u'\n')));
    QCOMPARE(mDock->planView()->tree()->topLevelItemCount(), 3);
    const QStringList lb = linesOf(QStringLiteral("lb-1"));
    QVERIFY2(lb.contains(QStringLiteral("+ /etc/haproxy/haproxy.cfg")), qPrintable(lb.join(u'\n')));
    QVERIFY(std::any_of(lb.cbegin(), lb.cend(), [](const QString &line) {
        return line.startsWith(QStringLiteral("⟳ topolab-lb-1"));
    }));
    const QStringList app = linesOf(QStringLiteral("app-1"));
    QVERIFY2(app.contains(QStringLiteral("+ /etc/topolab/app-1.env")), qPrintable(app.join(u'\n')));
    const QStringList www = linesOf(QStringLiteral("www"));
    QVERIFY2(www.contains(QStringLiteral("+ /etc/topolab/bind/www/named.conf")),
             qPrintable(www.join(u'\n')));
    // The first file is shown at once, as a diff of all its lines.
    QVERIFY(mDock->planView()->diffView()->showsDiff());
    QVERIFY(mDock->planView()->diffView()->toPlainText().contains(QStringLiteral("\n+")));
    QVERIFY2(mDock->summary().contains(QStringLiteral("to add")), qPrintable(mDock->summary()));
    // Every host read, each with changes pending, and nothing written to any of them.
    for (const QString &host : components)
        QCOMPARE(rows()->state(host), State::Planned);
    QVERIFY(!std::filesystem::exists(root(QStringLiteral("lb-1")) + "/etc/haproxy/haproxy.cfg"));
    QVERIFY(controller()->canApply());
    QVERIFY(!mScene->isReadOnly());
}

void TestDeployGui::unsavedTopologyIsAskedToBeSavedFirst()
{
    mDocument->newFromTemplate(TopologyDocument::Template::SingleRegion);
    QVERIFY(mDocument->filePath().isEmpty());
    bool saveAsked = false;
    mControl->setSaveAs([&] {
        saveAsked = true;
        return false;
    });
    const Modal modal = answerModal<QMessageBox>(
        [&] {
            actions()->plan->trigger();
            QTRY_VERIFY(saveAsked);
        },
        [](QMessageBox *box) {
            QCOMPARE(box->objectName(), QStringLiteral("deploySaveFirst"));
            QVERIFY(box->text().contains(QStringLiteral("Save the topology first")));
            QVERIFY(box->informativeText().contains(QStringLiteral("secrets")));
            QVERIFY(clickButton(box, QStringLiteral("Save As…")));
        });
    QVERIFY(modal.answered);
    QVERIFY(saveAsked);
    QVERIFY(!controller()->isBusy());
    QVERIFY(!controller()->lastPlan());
}

void TestDeployGui::deployFillsEveryRowThenNothingIsLeftToDo()
{
    controller()->setRenderer(plainRenderer());
    QSignalSpy applied(controller(), &DeployController::applied);
    QVERIFY(deployNow(applied));
    QCOMPARE(applied.size(), 1);
    QVERIFY(!applied.first().at(1).toBool()); // not cancelled
    for (const QString &host : components) {
        QCOMPARE(rows()->state(host), State::Done);
        const QModelIndex progress
            = rows()->index(rows()->rowOf(host), DeployHostModel::ProgressColumn);
        QCOMPARE(progress.data(DeployHostModel::ProgressRole).toDouble(), 1.0);
        const std::string conf = root(host) + "/etc/demo/" + host.toStdString() + ".conf";
        QVERIFY2(std::filesystem::exists(conf), conf.c_str());
        QVERIFY(readFile(conf).find("component: " + host.toStdString()) != std::string::npos);
        // The badge of its host on the component.
        QCOMPARE(mScene->componentItem(host)->deployMark(), std::optional(DeployMark::Done));
        // Its log: what ran, redacted.
        QVERIFY(!rows()->log(host).isEmpty());
        QVERIFY(std::filesystem::exists(mDir->path().toStdString() + "/logs/" + host.toStdString()
                                        + ".log"));
    }
    QVERIFY2(mDock->summary().startsWith(QStringLiteral("Deployed: 3 done")),
             qPrintable(mDock->summary()));
    QVERIFY(!mScene->isReadOnly());
    // The generated secrets were kept beside the topology, for the next run.
    const QString secrets = mDir->path() + QStringLiteral("/shop.topolab.secrets.yaml");
    QVERIFY(QFile::exists(secrets));
    QCOMPARE(QFile::permissions(secrets) & 0x0077, QFileDevice::Permissions());

    // Selecting a host shows its log.
    mDock->table()->selectRow(rows()->rowOf(QStringLiteral("lb-1")));
    QCOMPARE(mDock->logHost(), QStringLiteral("lb-1"));
    QCOMPARE(mDock->logView()->toPlainText().trimmed(),
             rows()->log(QStringLiteral("lb-1")).trimmed());

    // Nothing left: every host unchanged; the new plan cleared the badges.
    const auto again = planNow();
    QVERIFY(again);
    QVERIFY(!again->hasChanges);
    QVERIFY2(mDock->summary().startsWith(QStringLiteral("no changes")),
             qPrintable(mDock->summary()));
    for (const QString &host : components)
        QCOMPARE(rows()->state(host), State::Unchanged);
    QVERIFY(mControl->marks().isEmpty());
    QCOMPARE(mScene->componentItem(QStringLiteral("lb-1"))->deployMark(), std::nullopt);
    QVERIFY(!controller()->canApply());
}

void TestDeployGui::changeShowsItsDiffButNeverASecret()
{
    controller()->setRenderer(plainRenderer());
    QSignalSpy applied(controller(), &DeployController::applied);
    QVERIFY(deployNow(applied));
    QVERIFY(mDocument->setLabel(QStringLiteral("lb-1"), QStringLiteral("Front door")));

    const auto plan = planNow();
    QVERIFY(plan && plan->hasChanges);
    QCOMPARE(linesOf(QStringLiteral("lb-1")), QStringList{QStringLiteral("~ /etc/demo/lb-1.conf")});
    QCOMPARE(hostItem(QStringLiteral("app-1"))->childCount(), 0);
    QVERIFY(
        mDock->planView()->select(QStringLiteral("lb-1"), QStringLiteral("/etc/demo/lb-1.conf")));
    DeployDiffView *diff = mDock->planView()->diffView();
    QVERIFY(diff->showsDiff());
    const QString text = diff->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("\n-label: Front\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n+label: Front door\n")), qPrintable(text));
    QVERIFY(text.startsWith(QStringLiteral("--- a/etc/demo/lb-1.conf")));

    // A secret file is listed, never shown; its value is nowhere in the panel.
    QFile secrets(mDir->path() + QStringLiteral("/shop.topolab.secrets.yaml"));
    QVERIFY(secrets.open(QIODevice::ReadOnly));
    const QString token = QString::fromUtf8(secrets.readAll())
                              .section(QStringLiteral("lb-1.token: "), 1)
                              .section(u'\n', 0, 0)
                              .trimmed();
    QVERIFY(token.size() >= 16);
    std::filesystem::remove(root(QStringLiteral("lb-1")) + "/etc/demo/lb-1.token");
    QVERIFY(planNow());
    QVERIFY(
        mDock->planView()->select(QStringLiteral("lb-1"), QStringLiteral("/etc/demo/lb-1.token")));
    QVERIFY(!diff->showsDiff());
    QVERIFY(diff->toPlainText().contains(QStringLiteral("contents not shown")));
    QVERIFY(linesOf(QStringLiteral("lb-1")).contains(QStringLiteral("+ /etc/demo/lb-1.token")));
    for (const QString &host : components)
        QVERIFY2(!rows()->log(host).contains(token), qPrintable(host));
}

void TestDeployGui::eventLoopRunsDuringADeploy()
{
    controller()->setRenderer(plainRenderer(0.4));
    QVERIFY(planNow());
    int ticks = 0;
    QTimer timer;
    timer.setInterval(20);
    connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
    timer.start();
    bool sawWorking = false;
    connect(controller(), &DeployController::progressed, this,
            [&](const DeployHostStatus &status) { sawWorking |= status.state == State::Working; });
    QSignalSpy applied(controller(), &DeployController::applied);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(deployNow(applied));
    const qint64 took = clock.elapsed();
    // Three tiers, each a task of 0.4 s: the timer went on ticking all along.
    QVERIFY2(took >= 1200, qPrintable(QString::number(took)));
    QVERIFY2(ticks >= took / 20 / 2,
             qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(took)));
    QVERIFY(sawWorking);
    for (const QString &host : components)
        QCOMPARE(rows()->state(host), State::Done);
}

void TestDeployGui::cancelEndsTheRunWithinASecond()
{
    controller()->setRenderer(plainRenderer(30));
    QVERIFY(planNow());
    QSignalSpy applied(controller(), &DeployController::applied);
    QElapsedTimer clock;
    const Modal modal = answerModal<QMessageBox>(
        [&] {
            actions()->deploy->trigger();
            // The app server's tier comes first; its task takes half a minute.
            QTRY_VERIFY_WITH_TIMEOUT(
                rows()->step(QStringLiteral("app-1")).contains(QStringLiteral("warm the cache")),
                10000);
            QVERIFY(mScene->isReadOnly());
            QCOMPARE(mScene->componentItem(QStringLiteral("app-1"))->deployMark(),
                     std::optional(DeployMark::Working));
            QVERIFY(actions()->cancel->isEnabled());
            clock.start();
            actions()->cancel->trigger();
            QVERIFY(!actions()->cancel->isEnabled());
            QVERIFY(applied.wait(5000));
        },
        [](QMessageBox *box) { QVERIFY(clickButton(box, QStringLiteral("Deploy"))); });
    QVERIFY(modal.answered);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(applied.first().at(1).toBool());
    // Where each host was left: the one at work stopped, the others never reached.
    QVERIFY(rows()->state(QStringLiteral("app-1")) == State::Failed
            || rows()->state(QStringLiteral("app-1")) == State::RolledBack);
    QVERIFY2(rows()->message(QStringLiteral("app-1")).contains(QStringLiteral("cancelled")),
             qPrintable(rows()->message(QStringLiteral("app-1"))));
    for (const QString &host : {QStringLiteral("lb-1"), QStringLiteral("www")}) {
        QCOMPARE(rows()->state(host), State::Skipped);
        QCOMPARE(mScene->componentItem(host)->deployMark(), std::optional(DeployMark::Skipped));
    }
    QVERIFY2(mDock->summary().startsWith(QStringLiteral("Cancelled:")),
             qPrintable(mDock->summary()));
    QVERIFY(!mScene->isReadOnly());
    // Dismissed: no badge left.
    QVERIFY(actions()->clearMarks->isEnabled());
    actions()->clearMarks->trigger();
    QCOMPARE(mScene->componentItem(QStringLiteral("app-1"))->deployMark(), std::nullopt);
}

void TestDeployGui::unknownHostKeyIsTrustedAndPlannedAgain()
{
    connectLocally([](const core::HostConnection &host, const core::HostTrust &trust) {
        if (host.id != "lb-1")
            return;
        const std::string *vouched = trust.find(host.address, host.port);
        if (!vouched || *vouched != offered.toStdString())
            throw core::HostKeyUnknown(host.id, "the host key of 127.0.0.42:22 is not known yet",
                                       "ask the host's administrator", offered.toStdString(),
                                       "ssh-ed25519", host.address, host.port);
    });
    QSignalSpy planned(controller(), &DeployController::planned);
    QStringList shown;
    const Modal modal = answerModal<DeployTrustDialog>(
        [&] {
            actions()->plan->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(planned.size() == 2, 10000);
        },
        [&](DeployTrustDialog *dialog) {
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                shown.append(label->text());
            dialog->trustButton()->click();
        });
    QVERIFY(modal.answered);
    QVERIFY2(modal.others.isEmpty(), qPrintable(modal.others.join(u',')));
    const QString text = shown.join(u'\n');
    for (const QString &expected :
         {QStringLiteral("lb-1"), QStringLiteral("127.0.0.42:22"), QStringLiteral("ssh-ed25519"),
          offered, QStringLiteral("administrator")})
        QVERIFY2(text.contains(expected),
                 qPrintable(expected + QStringLiteral(" not in\n") + text));
    // The second plan read every host, with the fingerprint vouched for.
    const auto plan = controller()->lastPlan();
    QVERIFY(plan->host(QStringLiteral("lb-1"))->error.isEmpty());
    QCOMPARE(rows()->state(QStringLiteral("lb-1")), State::Planned);
    QCOMPARE(mSeenTrust.size(), 2);
    QVERIFY(mSeenTrust.first().empty());
    const std::string *trusted = mSeenTrust.last().find("127.0.0.42", 22);
    QVERIFY(trusted);
    QCOMPARE(QString::fromStdString(*trusted), offered);
}

void TestDeployGui::changedHostKeyIsRefusedWithoutTrust()
{
    connectLocally([](const core::HostConnection &host, const core::HostTrust &) {
        if (host.id == "lb-1")
            throw core::HostKeyChanged(host.id, "the host key of 127.0.0.42:22 has CHANGED",
                                       "remove the old line", "SHA256:old", offered.toStdString());
    });
    QSignalSpy planned(controller(), &DeployController::planned);
    QStringList buttons;
    const Modal modal = answerModal<QMessageBox>(
        [&] {
            actions()->plan->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!planned.isEmpty(), 10000);
        },
        [&](QMessageBox *box) {
            QCOMPARE(box->objectName(), QStringLiteral("deployKeyChanged"));
            QVERIFY(box->text().contains(QStringLiteral("lb-1")));
            QVERIFY(box->informativeText().contains(QStringLiteral("administrator")));
            for (QAbstractButton *button : box->buttons())
                buttons.append(plain(button->text()));
            box->accept();
        });
    QVERIFY(modal.answered);
    QVERIFY2(modal.others.isEmpty(), qPrintable(modal.others.join(u',')));
    QVERIFY(!buttons.isEmpty());
    QVERIFY2(!buttons.join(u' ').contains(QStringLiteral("Trust")), qPrintable(buttons.join(u' ')));
    QCOMPARE(planned.size(), 1);
    QCOMPARE(rows()->state(QStringLiteral("lb-1")), State::Failed);
    QCOMPARE(rows()->state(QStringLiteral("app-1")), State::Planned);
    QCOMPARE(mScene->componentItem(QStringLiteral("lb-1"))->deployMark(),
             std::optional(DeployMark::Failed));
    QVERIFY(mDock->summary().contains(QStringLiteral("1 host not read")));
}

void TestDeployGui::windowHasTheDeployMenuAndPanel()
{
    auto window = makeWindow();
    QVERIFY(window);
    DeployControl *deploy = window->deploy();
    QVERIFY(deploy);
    QMenu *menu = nullptr;
    for (QAction *action : window->menuBar()->actions()) {
        if (plain(action->text()) == QStringLiteral("Deploy"))
            menu = action->menu();
    }
    QVERIFY(menu);
    // Plan, Deploy… and Cancel head the menu; the panel is a tab beside Results.
    const QList<QAction *> actions = menu->actions();
    QVERIFY(actions.size() > 3);
    QCOMPARE(actions.at(0), deploy->actions()->plan);
    QCOMPARE(actions.at(1), deploy->actions()->deploy);
    QCOMPARE(actions.at(2), deploy->actions()->cancel);
    QVERIFY(!deploy->actions()->cancel->isEnabled());
    QVERIFY(window->tabifiedDockWidgets(window->results()).contains(deploy->dock()));
}

QTEST_MAIN(TestDeployGui)
#include "tst_deploygui.moc"
