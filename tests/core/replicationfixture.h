#pragma once

// The replicated topology of tests/data/deploy/replication.topolab.yaml (a primary, a sync and an
// async standby, the async one in another region behind a vpn, a backup to object storage, all
// with deploy hosts under root prefixes), rendered with marker secrets, and the helpers the
// deploy rendering tests share to find, check and run what it renders.
#include "topologyfixture.h"

#include "core/deploy/deployunit.h"
#include "core/deploy/render/rendertopology.h"
#include "core/deploy/secretstore.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <optional>
#include <string>

namespace topolab::test {

inline const std::string replicationFixturePath
    = std::string(TOPOLAB_TEST_DATA) + "/deploy/replication.topolab.yaml";

// Secret values no renderer could produce by chance: finding one outside a secret file is a leak.
inline const std::string markerReplicationPassword = "MarkerReplication7q";
inline const std::string markerAccessKey = "MarkerAccessKey3w";
inline const std::string markerSecretKey = "MarkerSecretKey9z";

inline std::string readText(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

inline core::Topology replicationTopology()
{
    return parseTopology(readText(replicationFixturePath));
}

inline void setMarkerSecrets(core::SecretStore &secrets)
{
    secrets.set("db-1.replication_password", markerReplicationPassword);
    secrets.set("spaces.access_key", markerAccessKey);
    secrets.set("spaces.secret_key", markerSecretKey);
}

// Sets `key` of the deploy host of `component` (its root, its address).
inline void setHostParam(core::Topology &topology, const std::string &component,
                         const std::string &key, const std::string &value)
{
    for (core::DeployHost &host : topology.deployHosts) {
        if (host.component == component) {
            QVERIFY(!host.params.set(key, value));
            return;
        }
    }
    QFAIL(("no deploy host for " + component).c_str());
}

inline const core::DeployUnit *findUnit(const core::RenderResult &r, const std::string &component,
                                        const std::string &host)
{
    for (const core::DeployUnit &u : r.units) {
        if (u.component == component && u.host == host)
            return &u;
    }
    return nullptr;
}

inline const core::RenderedFile *findFile(const core::RenderResult &r, const std::string &host,
                                          const std::string &path)
{
    for (const core::DeployUnit &u : r.units) {
        for (const core::RenderedFile &f : u.files) {
            if (u.host == host && f.path == path)
                return &f;
        }
    }
    return nullptr;
}

inline const core::HostTask *findTask(const core::RenderResult &r, const std::string &host,
                                      const std::string &name)
{
    for (const core::DeployUnit &u : r.units) {
        for (const core::HostTask &t : u.tasks) {
            if (u.host == host && t.name == name)
                return &t;
        }
    }
    return nullptr;
}

inline std::string problemsText(const core::RenderResult &r)
{
    std::string text;
    for (const core::RenderProblem &p : r.problems)
        text += p.component + ": " + p.message + "\n";
    return text;
}

struct ProcessResult
{
    bool started = false;
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` with `arguments`, `stdinData` on its stdin and `pathFirst` ahead of PATH.
inline ProcessResult runProcess(const QString &program, const QStringList &arguments,
                                const QByteArray &stdinData = {}, const QString &pathFirst = {})
{
    QProcess process;
    if (!pathFirst.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"),
                   pathFirst + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        process.setProcessEnvironment(env);
    }
    process.start(program, arguments);
    ProcessResult result;
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    process.write(stdinData);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

inline bool writeFile(const QString &path, const std::string &content, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(content.data(), qint64(content.size()));
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                            | QFileDevice::ExeOther);
    return true;
}

} // namespace topolab::test
