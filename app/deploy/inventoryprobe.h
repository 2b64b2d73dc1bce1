#pragma once

#include "core/deploy/ssh/sshhost.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace topolab::app {

// What a connection test found out about one host.
struct InventoryProbeResult
{
    enum class State {
        Ok,             // logged in and ran `true`
        Unreachable,    // nothing, or nothing speaking SSH, at address:port
        LoginDenied,    // the host refused the key (or there was none to offer)
        HostKeyUnknown, // not in the known_hosts file yet: to be checked and trusted
        HostKeyChanged, // another key than the known one: refused, never trusted from here
        Failed,         // anything else (an address that is none, a command that failed)
        Cancelled,
    };
    State state = State::Failed;
    int roundTripMs = 0;       // Ok: running `true` once logged in
    int loginMs = 0;           // Ok: connecting, checking the host key and logging in
    QString keyType;           // the key the host offered ("ssh-ed25519"), for host key states
    QString fingerprint;       // its SHA256 fingerprint, as ssh-keygen -lf prints it
    QString storedFingerprint; // HostKeyChanged: the one the known_hosts file holds
    QString message;           // what happened, as the deploy engine words it
    QString hint;              // what to do about it
};

// Connection tests of deploy hosts, each on a thread of its own so that the window never
// waits: connects with core::SshHost (the deploy engine's strict host key checks, key or agent
// login), runs `true` and reports what it found. A test can be cancelled at any time: it is
// reported cancelled at once, and its thread ends on its own soon after. Owns the threads and
// waits for them when destroyed.
class InventoryProbe : public QObject
{
    Q_OBJECT

public:
    explicit InventoryProbe(QObject *parent = nullptr);
    ~InventoryProbe() override;

    // Tests the host `options` names, reported under `id` (the component). A test of the same
    // id still running is cancelled first. The options' cancel flag is the probe's own.
    void start(const QString &id, core::SshOptions options);
    void cancel(const QString &id);
    void cancelAll();
    bool isRunning(const QString &id) const { return mCurrent.contains(id); }
    bool isBusy() const { return !mCurrent.isEmpty(); }

    // The test itself, on the calling thread.
    static InventoryProbeResult probe(core::SshOptions options);

Q_SIGNALS:
    void started(const QString &id);
    void finished(const QString &id, const topolab::app::InventoryProbeResult &result);

private:
    struct Job;
    void end(Job *job, const InventoryProbeResult &result);

    std::vector<std::unique_ptr<Job>> mJobs; // until their thread has ended
    QHash<QString, Job *> mCurrent;          // the test whose result a component waits for
};

} // namespace topolab::app

Q_DECLARE_METATYPE(topolab::app::InventoryProbeResult)
