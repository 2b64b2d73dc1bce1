#pragma once

#include "inventoryprobe.h"

#include "core/deploy/hostconnection.h"

#include <QHash>
#include <QObject>

namespace topolab::app {

class HostsEditModel;

// The connection tests of the hosts dialog: starts them on an InventoryProbe with Topolab's
// known_hosts file, keeps the last test of each component while its host stays the one tested
// (address, port, user, key file) and drops it when the host changes, and says in a few
// sentences what is known about a row. Owns the probe; the results are an overlay, never
// document state.
class HostsEditTests : public QObject
{
    Q_OBJECT

public:
    struct Test
    {
        core::HostConnection host; // as it was tested
        InventoryProbeResult result;
        bool running = false;
    };

    explicit HostsEditTests(HostsEditModel *model, QObject *parent = nullptr);

    InventoryProbe *probe() const { return mProbe; }
    // core::defaultKnownHostsPath() (TOPOLAB_KNOWN_HOSTS, else ~/.config/topolab/known_hosts)
    // unless set.
    QString knownHostsPath() const { return mKnownHostsPath; }
    void setKnownHostsPath(const QString &path) { mKnownHostsPath = path; }
    void setConnectTimeout(int seconds) { mConnectTimeoutS = seconds; }

    const Test *last(const QString &component) const;
    bool isBusy() const { return mProbe->isBusy(); }
    void test(const QString &component);
    void testAll();
    void cancel(const QString &component) { mProbe->cancel(component); }
    void cancelAll() { mProbe->cancelAll(); }
    // The unknown host key the last test of `component` found, if that is what it found.
    bool foundUnknownKey(const QString &component) const;
    // Tests again, trusting exactly the unknown key the last test found: the deploy engine
    // then stores it in the known_hosts file. The user has confirmed it; returns the refusal.
    std::optional<QString> trustFoundKey(const QString &component);
    // What is known about `row`: its host, how it logs in, what its last test found and what
    // to do about it.
    QString describe(int row) const;

    // Where the administrator reads the fingerprint of a host key of this type.
    static QString hostKeyFile(const QString &keyType);

Q_SIGNALS:
    void changed(const QString &component); // a test started, ended or was dropped

private:
    void start(const QString &component, const core::HostTrust &trust);
    void finished(const QString &component, const InventoryProbeResult &result);
    void dropStale();

    HostsEditModel *mModel;
    InventoryProbe *mProbe;
    QString mKnownHostsPath;
    int mConnectTimeoutS = 10;
    QHash<QString, Test> mTests;
};

} // namespace topolab::app
