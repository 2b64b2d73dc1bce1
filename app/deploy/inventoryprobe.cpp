#include "inventoryprobe.h"

#include "document/stdstrings.h"

#include "core/deploy/ssh/hostkeyerrors.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace topolab::app {

using State = InventoryProbeResult::State;

struct InventoryProbe::Job
{
    QString id;
    std::atomic<bool> cancel{false};
    std::thread thread;
};

namespace {

int millisecondsSince(std::chrono::steady_clock::time_point start)
{
    using namespace std::chrono;
    return int(duration_cast<milliseconds>(steady_clock::now() - start).count());
}

// The engine's message without the "host: " it starts with (the dialog shows the host anyway).
QString messageOf(const core::DeployError &error)
{
    const std::string what = error.what();
    const std::string prefix = error.host() + ": ";
    return toQString(what.starts_with(prefix) ? what.substr(prefix.size()) : what);
}

// Which step a failure of SshHost::connect() came from, by what the engine says at each step.
State stateOf(const QString &message)
{
    for (const char *unreachable : {"cannot connect to ", "no SSH server answered"}) {
        if (message.contains(QLatin1String(unreachable)))
            return State::Unreachable;
    }
    for (const char *login :
         {"refused the key", "refused every key", "no key to log in", "cannot read the key file",
          "protected by a passphrase", "while logging in"}) {
        if (message.contains(QLatin1String(login)))
            return State::LoginDenied;
    }
    return State::Failed;
}

} // namespace

InventoryProbe::InventoryProbe(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<InventoryProbeResult>();
}

InventoryProbe::~InventoryProbe()
{
    for (auto &job : mJobs)
        job->cancel = true;
    for (auto &job : mJobs) {
        if (job->thread.joinable())
            job->thread.join();
    }
}

InventoryProbeResult InventoryProbe::probe(core::SshOptions options)
{
    InventoryProbeResult result;
    const auto start = std::chrono::steady_clock::now();
    try {
        core::SshHost host(std::move(options));
        host.connect();
        result.loginMs = millisecondsSince(start);
        const auto sent = std::chrono::steady_clock::now();
        const core::CommandResult ran = host.run("true", {}, 10);
        result.roundTripMs = millisecondsSince(sent);
        if (!ran.ok()) {
            result.state = State::Failed;
            result.message = ran.timedOut ? tr("`true` did not end within 10 s")
                                          : tr("`true` ended with status %1: %2")
                                                .arg(ran.exitStatus)
                                                .arg(toQString(ran.err).trimmed());
            return result;
        }
        result.state = State::Ok;
        return result;
    } catch (const core::HostKeyUnknown &error) {
        result.state = State::HostKeyUnknown;
        result.keyType = toQString(error.keyType());
        result.fingerprint = toQString(error.fingerprint());
        result.message = messageOf(error);
        result.hint = toQString(error.hint());
    } catch (const core::HostKeyChanged &error) {
        result.state = State::HostKeyChanged;
        result.fingerprint = toQString(error.offeredFingerprint());
        result.storedFingerprint = toQString(error.storedFingerprint());
        result.message = messageOf(error);
        result.hint = toQString(error.hint());
    } catch (const core::DeployError &error) {
        result.message = messageOf(error);
        result.hint = toQString(error.hint());
        result.state = stateOf(result.message);
    } catch (const std::exception &error) {
        result.state = State::Failed;
        result.message = toQString(error.what());
    }
    return result;
}

void InventoryProbe::start(const QString &id, core::SshOptions options)
{
    cancel(id);
    auto job = std::make_unique<Job>();
    job->id = id;
    options.cancel = &job->cancel;
    Job *raw = job.get();
    mJobs.push_back(std::move(job));
    mCurrent.insert(id, raw);
    raw->thread = std::thread([this, raw, options = std::move(options)]() mutable {
        const InventoryProbeResult result = probe(std::move(options));
        // The job outlives this call: the destructor joins the thread before deleting it.
        QMetaObject::invokeMethod(
            this, [this, raw, result] { end(raw, result); }, Qt::QueuedConnection);
    });
    Q_EMIT started(id);
}

void InventoryProbe::cancel(const QString &id)
{
    Job *job = mCurrent.take(id);
    if (!job)
        return;
    job->cancel = true;
    InventoryProbeResult result;
    result.state = State::Cancelled;
    result.message = tr("cancelled");
    Q_EMIT finished(id, result);
}

void InventoryProbe::cancelAll()
{
    const QStringList ids = mCurrent.keys();
    for (const QString &id : ids)
        cancel(id);
}

void InventoryProbe::end(Job *job, const InventoryProbeResult &result)
{
    const bool current = mCurrent.value(job->id) == job;
    if (current)
        mCurrent.remove(job->id);
    const QString id = job->id;
    // The thread has posted its last word: it ends at once.
    const auto it = std::find_if(mJobs.begin(), mJobs.end(),
                                 [job](const auto &owned) { return owned.get() == job; });
    if (it != mJobs.end()) {
        if ((*it)->thread.joinable())
            (*it)->thread.join();
        mJobs.erase(it);
    }
    if (current)
        Q_EMIT finished(id, result);
}

} // namespace topolab::app
