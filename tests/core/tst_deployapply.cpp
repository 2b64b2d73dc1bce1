// Plan and apply on one host, against this machine (LocalRemoteHost): what a plan finds, that an
// apply makes it true and a second plan finds nothing, that a refused file or a failed health
// check leaves the host as it was, and that a run cut off after its swap is finished by the next.
#include "core/deploy/hostapply.h"
#include "core/deploy/hostplan.h"
#include "core/deploy/hoststate.h"
#include "core/deploy/servicecontrol.h"
#include "localremotehost.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

using namespace topolab::core;
using topolab::testing::LocalRemoteHost;

namespace {

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

unsigned modeOf(const std::string &path)
{
    struct stat info
    {
    };
    ::stat(path.c_str(), &info);
    return info.st_mode & 07777;
}

// A remote that drops its connection after `limit` commands: a deploy cut off mid-way.
class DroppingHost : public LocalRemoteHost
{
public:
    DroppingHost(int limit)
        : LocalRemoteHost("web-1")
        , mLimit(limit)
    {
    }
    CommandResult run(const std::string &command, const std::string &input, int timeoutS) override
    {
        if (commands >= mLimit)
            dropped = true;
        return LocalRemoteHost::run(command, input, timeoutS);
    }

private:
    int mLimit;
};

} // namespace

class DeployApplyTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    HostConnection mHost;
    SecretStore mSecrets;
    LogRedactor mRedactor;

    std::string root() const { return mHost.root; }

    // A service that notes each reload in a file, with a health check on a file of our choosing.
    DeployUnit unit(const std::string &config, const std::string &healthFile = {})
    {
        DeployUnit u;
        u.component = "web-1";
        u.host = "web-1";
        RenderedFile file;
        file.path = "/etc/web/web.conf";
        file.content = config;
        file.mode = 0640;
        u.files.push_back(file);
        ServiceSpec service;
        service.name = "topolab-web-1";
        const std::string reloads = mHost.onHost("/var/lib/web/reloads");
        service.command = {"sh", "-c",
                           "trap 'echo reload >> \"$0\"' HUP; trap 'exit 0' TERM; "
                           "while :; do sleep 0.05; done",
                           reloads};
        service.reload = ServiceSpec::Reload::Signal;
        service.reloadOn = {"/etc/web/web.conf"};
        if (!healthFile.empty()) {
            service.health.kind = HealthCheck::Kind::Command;
            service.health.command = "[ -f '" + mHost.onHost(healthFile) + "' ]";
            service.health.waitS = 1;
        }
        u.services.push_back(service);
        HostTask task;
        task.name = "create the data directory";
        task.script = "mkdir -p '" + mHost.onHost("/var/lib/web") + "' && cat > '"
                      + mHost.onHost("/var/lib/web/token") + "'";
        task.creates = "/var/lib/web/token";
        task.stdinSecret = "web-1.token";
        task.when = HostTask::When::BeforeServices;
        u.tasks.push_back(task);
        return u;
    }

    std::vector<UnitPlan> plan(RemoteHost &remote, const DeployUnit &u)
    {
        const HostState state = readHostState(remote, mHost, {&u});
        return planUnits({&u}, state);
    }

    void apply(RemoteHost &remote, const std::vector<UnitPlan> &plans,
               std::vector<std::pair<std::string, ServiceAction::Kind>> journal = {})
    {
        HostLog log("web-1", mRedactor);
        HostApply step(remote, mHost, mSecrets, log);
        step.setJournal(std::move(journal));
        step.runTasks(plans, HostTask::When::BeforeFiles);
        step.apply(plans);
        if (qEnvironmentVariableIsSet("TOPOLAB_TEST_LOG"))
            qInfo("%s", log.text().c_str());
    }

    bool running()
    {
        LocalRemoteHost remote("web-1");
        ServiceSpec service;
        service.name = "topolab-web-1";
        return remote.run(ServiceControl(mHost, service).isRunning(), {}, 10).ok();
    }

    void stopService()
    {
        LocalRemoteHost remote("web-1");
        ServiceSpec service;
        service.name = "topolab-web-1";
        remote.run(ServiceControl(mHost, service).stop(), {}, 30);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(mDir.isValid());
        std::filesystem::remove_all(mDir.path().toStdString() + "/root");
        mHost = HostConnection{};
        mHost.id = "web-1";
        mHost.root = mDir.path().toStdString() + "/root";
        mHost.serviceManager = HostConnection::ServiceManager::Process;
        std::filesystem::create_directories(mHost.root);
        mSecrets = SecretStore{};
        mSecrets.set("web-1.token", "marker-secret-5f1e");
        mRedactor = LogRedactor{};
        mRedactor.addSecret("marker-secret-5f1e");
    }

    void cleanup() { stopService(); }

    void firstPlanAddsEverything()
    {
        LocalRemoteHost remote("web-1");
        const auto plans = plan(remote, unit("port 80\n"));
        QCOMPARE(plans.size(), std::size_t(1));
        QCOMPARE(plans[0].changes.size(), std::size_t(1));
        QCOMPARE(plans[0].changes[0].kind, FileChange::Kind::Add);
        QCOMPARE(plans[0].pendingTasks.size(), std::size_t(1));
        QCOMPARE(plans[0].actions.size(), std::size_t(1));
        QCOMPARE(plans[0].actions[0].second.kind, ServiceAction::Kind::Start);
        QCOMPARE(remote.commands, 1); // one round trip
        QCOMPARE(remote.uploads, 0);
    }

    void applyThenNothingToDo()
    {
        LocalRemoteHost remote("web-1");
        apply(remote, plan(remote, unit("port 80\n")));
        const std::string conf = root() + "/etc/web/web.conf";
        QCOMPARE(readFile(conf), std::string("port 80\n"));
        QCOMPARE(modeOf(conf), 0640u);
        QVERIFY(!std::filesystem::exists(conf + ".topolab-new"));
        QCOMPARE(readFile(root() + "/var/lib/web/token"), std::string("marker-secret-5f1e"));
        QVERIFY(running());
        QVERIFY(!std::filesystem::exists(root() + journalPath));

        LocalRemoteHost again("web-1");
        const auto second = plan(again, unit("port 80\n"));
        QVERIFY(second[0].empty());
        QCOMPARE(again.commands, 1);
        QCOMPARE(again.uploads, 0);
    }

    void changeShowsDiffAndReloads()
    {
        LocalRemoteHost remote("web-1");
        apply(remote, plan(remote, unit("port 80\nworkers 2\n")));
        const auto plans = plan(remote, unit("port 80\nworkers 4\n"));
        QCOMPARE(plans[0].changes.size(), std::size_t(1));
        QCOMPARE(plans[0].changes[0].kind, FileChange::Kind::Change);
        QCOMPARE(plans[0].changes[0].diff,
                 std::string("--- a/etc/web/web.conf\n+++ b/etc/web/web.conf\n@@ -1,2 +1,2 @@\n"
                             " port 80\n-workers 2\n+workers 4\n"));
        QCOMPARE(plans[0].actions.size(), std::size_t(1));
        QCOMPARE(plans[0].actions[0].second.kind, ServiceAction::Kind::Reload);
        QVERIFY(plans[0].pendingTasks.empty());
        apply(remote, plans);
        QTRY_COMPARE(readFile(root() + "/var/lib/web/reloads"), std::string("reload\n"));
        QCOMPARE(readFile(root() + "/etc/web/web.conf.topolab-prev"), std::string("port 80\nworkers 2\n"));
    }

    void refusedFileLeavesTheOldOne()
    {
        LocalRemoteHost remote("web-1");
        apply(remote, plan(remote, unit("good\n")));
        DeployUnit bad = unit("bad\n");
        bad.files[0].check = {"grep", "-q", "good", "{}"};
        QVERIFY_THROWS_EXCEPTION(DeployError, apply(remote, plan(remote, bad)));
        QCOMPARE(readFile(root() + "/etc/web/web.conf"), std::string("good\n"));
        QVERIFY(!std::filesystem::exists(root() + "/etc/web/web.conf.topolab-new"));
        QVERIFY(running());
    }

    void failedHealthCheckRollsBack()
    {
        LocalRemoteHost remote("web-1");
        apply(remote, plan(remote, unit("v1\n")));
        // v2's health check waits for a file that never comes.
        const DeployUnit v2 = unit("v2\n", "/var/lib/web/never");
        try {
            apply(remote, plan(remote, v2));
            QFAIL("the health check passed");
        } catch (const DeployError &error) {
            QVERIFY(std::string(error.what()).find("health check of topolab-web-1") != std::string::npos);
        }
        QCOMPARE(readFile(root() + "/etc/web/web.conf"), std::string("v1\n"));
        QVERIFY(running());
        QVERIFY(!std::filesystem::exists(root() + journalPath));
    }

    void failedFirstDeployRemovesWhatItAdded()
    {
        LocalRemoteHost remote("web-1");
        QVERIFY_THROWS_EXCEPTION(DeployError,
                                 apply(remote, plan(remote, unit("v1\n", "/var/lib/web/never"))));
        QVERIFY(!std::filesystem::exists(root() + "/etc/web/web.conf"));
        QVERIFY(!running());
    }

    void interruptedRunIsFinishedByTheNext()
    {
        {
            LocalRemoteHost remote("web-1");
            apply(remote, plan(remote, unit("v1\n")));
        }
        // Cut off right after the swap: the file is new, the service has not been reloaded.
        DroppingHost cut(3); // state read, prepare directories, swap
        const auto plans = plan(cut, unit("v2\n"));
        QVERIFY_THROWS_EXCEPTION(DeployError, apply(cut, plans));
        QCOMPARE(readFile(root() + "/etc/web/web.conf"), std::string("v2\n"));
        QVERIFY(!std::filesystem::exists(root() + "/var/lib/web/reloads"));

        LocalRemoteHost remote("web-1");
        const HostState state = readHostState(remote, mHost, {});
        QCOMPARE(state.journal, std::string("reload topolab-web-1\n"));
        const DeployUnit v2 = unit("v2\n");
        const HostState full = readHostState(remote, mHost, {&v2});
        const auto again = planUnits({&v2}, full);
        QVERIFY(again[0].changes.empty());
        QCOMPARE(again[0].actions.size(), std::size_t(1));
        QCOMPARE(again[0].actions[0].second.reason, std::string("left pending by an interrupted run"));
        apply(remote, again, parseJournal(full.journal));
        QTRY_COMPARE(readFile(root() + "/var/lib/web/reloads"), std::string("reload\n"));
        QVERIFY(!std::filesystem::exists(root() + journalPath));
    }

    // Every path reaches the shell quoted: a root full of shell syntax is just a directory.
    void hostileRootIsJustADirectory()
    {
        const std::string plain = mHost.root;
        mHost.root = plain + "/it's $(touch pwned) `touch pwned2`; a&b \"q\"";
        std::filesystem::create_directories(mHost.root);
        LocalRemoteHost remote("web-1");
        DeployUnit u = unit("v1\n");
        u.tasks.clear(); // its script is the test's own, not quoted by the engine
        apply(remote, plan(remote, u));
        QCOMPARE(readFile(mHost.root + "/etc/web/web.conf"), std::string("v1\n"));
        QVERIFY(running());
        stopService();
        QVERIFY(!running());
        for (const auto &entry : std::filesystem::recursive_directory_iterator(mDir.path().toStdString()))
            QVERIFY2(entry.path().filename().string().rfind("pwned", 0) != 0, entry.path().c_str());
        QVERIFY(!std::filesystem::exists("pwned"));
        mHost.root = plain;
    }

    void secretNeverInTheLog()
    {
        LocalRemoteHost remote("web-1");
        DeployUnit u = unit("v1\n");
        u.tasks[0].script += " && cat '" + mHost.onHost("/var/lib/web/token") + "'"; // echoes it
        HostLog log("web-1", mRedactor);
        HostApply step(remote, mHost, mSecrets, log);
        step.apply(plan(remote, u));
        QVERIFY(log.text().find("marker-secret-5f1e") == std::string::npos);
        QVERIFY(log.text().find("[secret]") != std::string::npos);
    }

    // A task's `set -e` holds: a failed step fails the task even when a later one creates its
    // marker, and the host is rolled back.
    void aTaskStopsAtItsFirstFailure()
    {
        LocalRemoteHost remote("web-1");
        DeployUnit u = unit("v1\n");
        HostTask task;
        task.name = "prepare the cache";
        task.script = "set -eu\nfalse\ntouch '" + mHost.onHost("/var/lib/web/cache-ready") + "'";
        task.creates = "/var/lib/web/cache-ready";
        task.when = HostTask::When::BeforeServices;
        u.tasks.push_back(task);
        QVERIFY_THROWS_EXCEPTION(DeployError, apply(remote, plan(remote, u)));
        QVERIFY(!std::filesystem::exists(mHost.onHost("/var/lib/web/cache-ready")));
        QVERIFY(!running());
    }

    // A task that comes after the services runs once they pass their health checks: it may
    // need what the service offers only when it is ready.
    void aTaskAfterTheServicesFindsThemHealthy()
    {
        LocalRemoteHost remote("web-1");
        DeployUnit u = unit("v1\n", "/var/lib/web/healthy");
        // The service becomes healthy a moment after it starts, as a database does.
        const std::string healthy = mHost.onHost("/var/lib/web/healthy");
        u.services[0].command = {"sh", "-c",
                                 "trap 'exit 0' TERM; sleep 0.3; touch \"$0\"; "
                                 "while :; do sleep 0.05; done",
                                 healthy};
        u.services[0].health.waitS = 5;
        HostTask task;
        task.name = "use the service";
        task.script = "[ -f '" + healthy + "' ] || exit 1\ntouch '" + mHost.onHost("/var/lib/web/used")
                      + "'";
        task.creates = "/var/lib/web/used";
        task.when = HostTask::When::AfterServices;
        u.tasks.push_back(task);
        apply(remote, plan(remote, u));
        QVERIFY(std::filesystem::exists(mHost.onHost("/var/lib/web/used")));
    }

    // A deploy's lines count from the deploy, not from the plan the user looked at first.
    void aPhaseRestartsTheLogsClock()
    {
        HostLog log("web-1", mRedactor);
        log.line("read the host's state");
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QVERIFY(log.elapsedS() >= 0.3);
        log.begin("deploy: applying the plan");
        QVERIFY(log.elapsedS() < 0.3);
        const std::string text = log.text();
        QVERIFY2(text.find("[   0.00s] deploy: applying the plan\n") != std::string::npos, text.c_str());
    }
};

QTEST_GUILESS_MAIN(DeployApplyTest)
#include "tst_deployapply.moc"
