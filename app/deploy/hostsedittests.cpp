#include "hostsedittests.h"

#include "hostseditmodel.h"

#include "document/stdstrings.h"
#include "document/topologydocument.h"

#include "core/deploy/ssh/knownhosts.h"

namespace topolab::app {

using State = InventoryProbeResult::State;

namespace {

bool sameHost(const core::HostConnection &a, const core::HostConnection &b)
{
    return a.address == b.address && a.port == b.port && a.user == b.user && a.keyFile == b.keyFile;
}

QString endpointOf(const core::HostConnection &host)
{
    return toQString(host.endpoint());
}

// "Check the …" as the sentence after a message.
QString sentence(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString out = text.left(1).toUpper() + text.mid(1);
    if (!out.endsWith(QLatin1Char('.')))
        out += QLatin1Char('.');
    return out;
}

} // namespace

HostsEditTests::HostsEditTests(HostsEditModel *model, QObject *parent)
    : QObject(parent)
    , mModel(model)
    , mProbe(new InventoryProbe(this))
    , mKnownHostsPath(toQString(core::defaultKnownHostsPath()))
{
    connect(mProbe, &InventoryProbe::finished, this, &HostsEditTests::finished);
    connect(mModel->document(), &TopologyDocument::sectionsChanged, this,
            &HostsEditTests::dropStale);
    connect(mModel, &QAbstractItemModel::modelReset, this, &HostsEditTests::dropStale);
}

QString HostsEditTests::hostKeyFile(const QString &keyType)
{
    QString stem = QStringLiteral("ed25519");
    if (keyType.startsWith(QLatin1String("ecdsa")))
        stem = QStringLiteral("ecdsa");
    else if (keyType.contains(QLatin1String("rsa")))
        stem = QStringLiteral("rsa");
    return QStringLiteral("/etc/ssh/ssh_host_%1_key.pub").arg(stem);
}

const HostsEditTests::Test *HostsEditTests::last(const QString &component) const
{
    const auto it = mTests.constFind(component);
    return it == mTests.constEnd() ? nullptr : &*it;
}

void HostsEditTests::test(const QString &component)
{
    start(component, core::HostTrust{});
}

void HostsEditTests::testAll()
{
    for (int r = 0; r < mModel->rowCount(); ++r) {
        if (mModel->canTest(r))
            test(mModel->componentAt(r));
    }
}

bool HostsEditTests::foundUnknownKey(const QString &component) const
{
    const Test *t = last(component);
    return t && !t->running && t->result.state == State::HostKeyUnknown
           && !t->result.fingerprint.isEmpty();
}

std::optional<QString> HostsEditTests::trustFoundKey(const QString &component)
{
    if (!foundUnknownKey(component))
        return tr("no unknown host key of %1 to trust: test it first").arg(component);
    const Test &t = mTests[component];
    core::HostTrust trust;
    const std::string error = trust.add(t.host.address, t.host.port, toStd(t.result.fingerprint));
    if (!error.empty())
        return toQString(error);
    start(component, trust);
    return std::nullopt;
}

void HostsEditTests::start(const QString &component, const core::HostTrust &trust)
{
    const int row = mModel->rowOf(component);
    if (row < 0 || !mModel->canTest(row))
        return;
    const core::HostConnection host = *mModel->connectionAt(row);
    core::SshOptions options;
    options.hostId = host.id;
    options.address = host.address;
    options.port = host.port;
    options.user = host.user;
    options.keyFile = host.keyFile;
    options.connectTimeoutS = mConnectTimeoutS;
    options.knownHostsPath = toStd(mKnownHostsPath);
    options.trust = trust;
    mTests.insert(component, Test{host, {}, true});
    mProbe->start(component, std::move(options));
    Q_EMIT changed(component);
}

void HostsEditTests::finished(const QString &component, const InventoryProbeResult &result)
{
    const auto it = mTests.find(component);
    if (it == mTests.end())
        return;
    it->running = false;
    it->result = result;
    const core::HostConnection host = it->host;
    Q_EMIT changed(component);
    if (result.state != State::Ok && result.state != State::LoginDenied)
        return;
    // The host key passed: the other rows on the same address and port that met it unknown
    // meet a known key now.
    for (auto other = mTests.cbegin(); other != mTests.cend(); ++other) {
        if (other.key() != component && !other->running
            && other->result.state == State::HostKeyUnknown && other->host.address == host.address
            && other->host.port == host.port)
            QMetaObject::invokeMethod(
                this, [this, id = other.key()] { test(id); }, Qt::QueuedConnection);
    }
}

void HostsEditTests::dropStale()
{
    QStringList dropped;
    for (auto it = mTests.begin(); it != mTests.end();) {
        const int row = mModel->rowOf(it.key());
        const std::optional<core::HostConnection> now
            = row >= 0 ? mModel->connectionAt(row) : std::nullopt;
        if (now && sameHost(*now, it->host)) {
            ++it;
            continue;
        }
        dropped.append(it.key());
        it = mTests.erase(it);
    }
    for (const QString &component : dropped) {
        mProbe->cancel(component); // reported to nobody: the test is gone
        Q_EMIT changed(component);
    }
}

QString HostsEditTests::describe(int row) const
{
    const QString component = mModel->componentAt(row);
    if (!mModel->hasHost(row))
        return tr("%1 has no host yet: double-click its address to give it one.").arg(component);
    const core::HostConnection host = *mModel->connectionAt(row);
    if (!mModel->canTest(row)) {
        return tr("%1 is reached at %2; it runs nothing over SSH.")
            .arg(component, toQString(host.address));
    }
    // The key file as written (~/.ssh/…), not as expanded for the connection.
    const QString keyFile = mModel->index(row, mModel->columnOf(QStringLiteral("key_file")))
                                .data(Qt::EditRole)
                                .toString();
    const QString login
        = keyFile.isEmpty() ? tr("with the keys of ssh-agent") : tr("with the key %1").arg(keyFile);
    const Test *t = last(component);
    if (!t)
        return tr("%1: %2, logging in %3. Not tested yet.").arg(component, endpointOf(host), login);
    if (t->running)
        return tr("%1: connecting to %2…").arg(component, endpointOf(t->host));
    const InventoryProbeResult &r = t->result;
    switch (r.state) {
    case State::Ok:
        return tr("%1: logged in to %2 %3 and ran `true` in %4 ms (%5 ms to connect and log in).")
            .arg(component, endpointOf(t->host), login)
            .arg(r.roundTripMs)
            .arg(r.loginMs);
    case State::HostKeyUnknown:
        return tr("%1: %2.\nTrust it only if the host's administrator gives you the same "
                  "fingerprint (on the host: ssh-keygen -lf %3).")
            .arg(component, r.message, hostKeyFile(r.keyType));
    case State::Cancelled:
        return tr("%1: the test was cancelled.").arg(component);
    default:
        break;
    }
    QString text = tr("%1: %2.").arg(component, r.message);
    if (!r.hint.isEmpty())
        text += QLatin1Char('\n') + sentence(r.hint);
    return text;
}

} // namespace topolab::app
