// The data tier rendered for deploy: PostgreSQL primary and standbys, the backup job and the tinc
// network of tests/data/deploy/replication.topolab.yaml, unit by unit against golden files
// (TOPOLAB_UPDATE_GOLDEN=1 rewrites them; review the diff). PostgreSQL reads each rendered
// postgresql.conf back, sh parses every script, and no secret leaves its 0600 file.
#include "replicationfixture.h"

#include "core/deploy/shellquote.h"

#include <QDir>

#include <csignal>
#include <set>

using namespace topolab::core;
using namespace topolab::test;

namespace {

const QString goldenDir = QStringLiteral(TOPOLAB_TEST_DATA "/deploy/replication/");

// A well-formed key as tincd writes it, standing for the one db-1's host reports.
const std::string db1PublicKey
    = "-----BEGIN RSA PUBLIC KEY-----\n"
      "MIIBCgKCAQEAwq3Fv0a7Jb8TqzYw2pLx0Jd5Kk9cQk8XbQ1uW2Zr8vN4mC5yFZ9H\n"
      "AQAB\n"
      "-----END RSA PUBLIC KEY-----\n";

bool dataTierKind(const Topology &topology, const std::string &id)
{
    const Component *c = topology.component(id);
    return c
           && (c->kind == ComponentKind::Database || c->kind == ComponentKind::Backup
               || c->kind == ComponentKind::Vpn || c->kind == ComponentKind::ObjectStorage
               || c->kind == ComponentKind::Volume);
}

// What the data tier (databases, backups, vpns) renders of `topology`, and its problems; the app
// server's units are tested elsewhere.
RenderResult renderDataTier(const Topology &topology, RenderInputs &inputs)
{
    RenderResult all = renderTopology(topology, inputs);
    RenderResult dataTier;
    for (DeployUnit &u : all.units) {
        if (dataTierKind(topology, u.component))
            dataTier.units.push_back(std::move(u));
    }
    for (RenderProblem &p : all.problems) {
        if (dataTierKind(topology, p.component))
            dataTier.problems.push_back(std::move(p));
    }
    return dataTier;
}

RenderResult renderFixture(const Topology &topology, SecretStore &secrets, bool withFacts = true)
{
    RenderInputs inputs;
    inputs.secrets = &secrets;
    if (withFacts)
        inputs.facts["db-1"]["/etc/tinc/shopnet/rsa_key.pub"] = db1PublicKey;
    return renderDataTier(topology, inputs);
}

std::string whenName(HostTask::When when)
{
    switch (when) {
    case HostTask::When::BeforeFiles:
        return "before files";
    case HostTask::When::BeforeServices:
        return "before services";
    case HostTask::When::AfterServices:
        return "after services";
    }
    return "?";
}

std::string withNewline(const std::string &text)
{
    return text.empty() || text.back() == '\n' ? text : text + "\n";
}

std::string joined(const std::vector<std::string> &words, bool quote)
{
    std::string out;
    for (const std::string &w : words)
        out += (out.empty() ? "" : " ") + (quote ? shellQuote(w) : w);
    return out;
}

// Everything a unit holds, as text to review: files with their modes and owners, tasks with
// their scripts, services with their commands, reloads and health checks.
std::string describeUnit(const DeployUnit &u)
{
    std::string text = "# unit " + u.component + " on host " + u.host + "\n";
    for (const std::string &fact : u.factFiles)
        text += "fact " + fact + "\n";
    for (const RenderedFile &f : u.files) {
        text += "\n== file " + f.path + " mode " + modeText(f.mode)
                + (f.owner.empty() ? "" : " owner " + f.owner) + (f.secret ? " secret" : "") + "\n"
                + withNewline(f.content);
        if (!f.check.empty())
            text += "check: " + joined(f.check, true) + "\n";
    }
    for (const HostTask &t : u.tasks) {
        text += "\n== task \"" + t.name + "\" " + whenName(t.when) + ", creates " + t.creates
                + (t.stdinSecret.empty() ? "" : ", secret " + t.stdinSecret + " on stdin")
                + ", timeout " + std::to_string(t.timeoutS) + " s\n" + withNewline(t.script);
    }
    for (const ServiceSpec &s : u.services) {
        text += "\n== service " + s.name + ": " + s.description + "\n";
        text += "command: " + joined(s.command, true) + "\n";
        text += "user: " + (s.user.empty() ? std::string("(the SSH user)") : s.user) + "\n";
        if (!s.reloadOn.empty()) {
            text += "reload ("
                    + (s.reload == ServiceSpec::Reload::Signal
                           ? "signal " + std::to_string(s.reloadSignal)
                           : std::string("restart"))
                    + ") on: " + joined(s.reloadOn, false) + "\n";
        }
        text += "restart on: " + joined(s.restartOn, false) + "\n";
        text += "stop signal: " + std::to_string(s.stopSignal) + "\n";
        if (s.health.kind == HealthCheck::Kind::Command) {
            text += "health: " + s.health.command + " (wait " + std::to_string(s.health.waitS)
                    + " s)\n";
        }
    }
    return text;
}

QString goldenName(const DeployUnit &u)
{
    return QString::fromStdString(u.component + "@" + u.host + ".txt");
}

std::optional<QString> findProgram(const QString &name, const QStringList &dirs = {})
{
    const QString found = dirs.isEmpty() ? QStandardPaths::findExecutable(name)
                                         : QStandardPaths::findExecutable(name, dirs);
    if (found.isEmpty())
        return std::nullopt;
    return found;
}

// `postgres -C name` with a rendered postgresql.conf: the value PostgreSQL reads, or nullopt
// when it refuses the file (its error in `error`). Run as postgres when the test runs as root,
// which PostgreSQL refuses.
std::optional<QString> postgresSetting(const QString &postgres, const QString &conf,
                                       const QString &name, QString *error)
{
    QStringList args
        = {QStringLiteral("-C"), name, QStringLiteral("-c"), QStringLiteral("config_file=") + conf};
    QString program = postgres;
    if (geteuid() == 0) {
        args = QStringList{QStringLiteral("--reuid=postgres"), QStringLiteral("--regid=postgres"),
                           QStringLiteral("--init-groups"), QStringLiteral("--"), postgres}
               + args;
        program = QStringLiteral("setpriv");
    }
    const ProcessResult run = runProcess(program, args);
    if (run.exitCode != 0) {
        *error = run.err;
        return std::nullopt;
    }
    return run.out.trimmed();
}

} // namespace

class TestDeployRenderData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unitsMatchTheGoldenFiles()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(replicationTopology(), secrets);
        QVERIFY2(r.problems.empty(), problemsText(r).c_str());
        const bool update = qEnvironmentVariableIsSet("TOPOLAB_UPDATE_GOLDEN");
        if (update)
            QDir().mkpath(goldenDir);
        QStringList rendered;
        for (const DeployUnit &u : r.units) {
            const QString path = goldenDir + goldenName(u);
            rendered << goldenName(u);
            const QByteArray actual = QByteArray::fromStdString(describeUnit(u));
            QFile file(path);
            if (update) {
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(actual);
                continue;
            }
            QVERIFY2(file.open(QIODevice::ReadOnly),
                     qPrintable(path + QStringLiteral(" is missing")));
            const QByteArray expected = file.readAll();
            QVERIFY2(actual == expected, qPrintable(path + QStringLiteral(" differs; got:\n")
                                                    + QString::fromUtf8(actual)));
        }
        // Units in file order; no golden file is left over from a unit that no longer exists.
        const QStringList expectedUnits
            = {QStringLiteral("db-1@db-1.txt"),   QStringLiteral("db-2@db-2.txt"),
               QStringLiteral("db-3@db-3.txt"),   QStringLiteral("backup-1@backup-1.txt"),
               QStringLiteral("tunnel@db-1.txt"), QStringLiteral("tunnel@db-3.txt")};
        QCOMPARE(rendered, expectedUnits);
        QStringList onDisk = QDir(goldenDir).entryList({QStringLiteral("*.txt")}, QDir::Files);
        onDisk.sort();
        rendered.sort();
        QCOMPARE(onDisk, rendered);
    }

    void renderingIsStable()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const Topology topology = replicationTopology();
        const RenderResult a = renderFixture(topology, secrets);
        const RenderResult b = renderFixture(topology, secrets);
        QCOMPARE(a.units.size(), b.units.size());
        for (std::size_t i = 0; i < a.units.size(); ++i)
            QCOMPARE(describeUnit(a.units[i]), describeUnit(b.units[i]));
    }

    void postgresReadsEachConfig()
    {
        const auto postgres = findProgram(QStringLiteral("postgres"),
                                          {QStringLiteral("/usr/lib/postgresql/15/bin")});
        if (!postgres)
            QSKIP("PostgreSQL 15 is not installed (installer/setup.sh installs it)");
        SecretStore secrets;
        setMarkerSecrets(secrets);
        Topology topology = replicationTopology();
        // A root with a space, a comma and a quote must reach PostgreSQL intact.
        const std::string oddRoot = "/srv/top lab, it's/db-2";
        setHostParam(topology, "db-2", "root", oddRoot);
        const RenderResult r = renderFixture(topology, secrets);
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                              | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                              | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                              | QFileDevice::ExeGroup);
        struct Expected
        {
            std::string db;
            QString setting;
            QString value;
        };
        const std::vector<Expected> expected = {
            {"db-1", QStringLiteral("wal_level"), QStringLiteral("replica")},
            {"db-1", QStringLiteral("synchronous_standby_names"),
             QStringLiteral("ANY 1 (\"db_2\")")},
            {"db-1", QStringLiteral("unix_socket_directories"),
             QStringLiteral("\"/srv/topolab/db-1/run/topolab/postgresql-db-1\"")},
            {"db-1", QStringLiteral("listen_addresses"), QStringLiteral("*")},
            {"db-1", QStringLiteral("max_connections"), QStringLiteral("200")},
            {"db-2", QStringLiteral("max_connections"), QStringLiteral("200")},
            {"db-2", QStringLiteral("listen_addresses"), QStringLiteral("10.77.0.31")},
            {"db-2", QStringLiteral("hot_standby"), QStringLiteral("on")},
            {"db-2", QStringLiteral("data_directory"),
             QString::fromStdString(oddRoot + "/var/lib/topolab/postgresql/db-2")},
            {"db-2", QStringLiteral("unix_socket_directories"),
             QString::fromStdString("\"" + oddRoot + "/run/topolab/postgresql-db-2\"")},
            {"db-3", QStringLiteral("port"), QStringLiteral("5433")},
            {"db-3", QStringLiteral("max_wal_senders"), QStringLiteral("10")},
            {"db-3", QStringLiteral("wal_keep_size"), QStringLiteral("1024")},
        };
        for (const Expected &e : expected) {
            const RenderedFile *conf
                = findFile(r, e.db, "/etc/topolab/postgresql/" + e.db + "/postgresql.conf");
            QVERIFY(conf);
            const QString path = dir.filePath(QString::fromStdString(e.db + ".conf"));
            QVERIFY(writeFile(path, conf->content));
            QString error;
            const auto value = postgresSetting(*postgres, path, e.setting, &error);
            QVERIFY2(value,
                     qPrintable(QString::fromStdString(e.db) + QStringLiteral(": ") + error));
            QCOMPARE(*value, e.value);
        }
    }

    void everyScriptParses()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(replicationTopology(), secrets);
        QTemporaryDir dir;
        const auto shellcheck = findProgram(QStringLiteral("shellcheck"));
        int scripts = 0;
        const auto check = [&](const std::string &what, const std::string &script) {
            const QString path = dir.filePath(QStringLiteral("script%1.sh").arg(scripts++));
            QVERIFY(writeFile(path, script));
            const ProcessResult parsed
                = runProcess(QStringLiteral("sh"), {QStringLiteral("-n"), path});
            QVERIFY2(parsed.exitCode == 0, qPrintable(QString::fromStdString(what) + parsed.err));
            if (shellcheck) {
                // Errors only: the style notes are a matter of taste.
                const ProcessResult lint = runProcess(
                    *shellcheck, {QStringLiteral("-s"), QStringLiteral("sh"), QStringLiteral("-S"),
                                  QStringLiteral("warning"), path});
                QVERIFY2(lint.exitCode == 0,
                         qPrintable(QString::fromStdString(what + "\n") + lint.out));
            }
        };
        for (const DeployUnit &u : r.units) {
            for (const HostTask &t : u.tasks)
                check(u.host + ": " + t.name, t.script);
            for (const RenderedFile &f : u.files) {
                if (f.mode & 0111)
                    check(u.host + ": " + f.path, f.content);
            }
        }
        QCOMPARE(scripts, 2 + 1 + 1 + 1 + 2 * 3); // db-1, db-2, db-3, backup-1, two tinc members
    }

    void secretsStayInTheirFiles()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(replicationTopology(), secrets);
        const std::vector<std::string> markers
            = {markerReplicationPassword, markerAccessKey, markerSecretKey};
        const auto leaks = [&](const std::string &text) {
            for (const std::string &m : markers) {
                if (text.find(m) != std::string::npos)
                    return true;
            }
            return false;
        };
        std::set<std::string> secretFiles;
        for (const DeployUnit &u : r.units) {
            for (const RenderedFile &f : u.files) {
                if (f.secret) {
                    secretFiles.insert(u.host + ":" + f.path);
                    QCOMPARE(f.mode, 0600u);
                    QVERIFY2(leaks(f.content), f.path.c_str()); // it is where a secret goes
                } else {
                    QVERIFY2(!leaks(f.content), (u.host + ":" + f.path).c_str());
                }
                for (const std::string &word : f.check)
                    QVERIFY(!leaks(word));
            }
            for (const HostTask &t : u.tasks)
                QVERIFY2(!leaks(t.script) && !leaks(t.name), t.name.c_str());
            for (const ServiceSpec &s : u.services) {
                for (const std::string &word : s.command)
                    QVERIFY2(!leaks(word), s.name.c_str());
                QVERIFY(!leaks(s.health.command) && !leaks(s.description));
            }
        }
        const std::set<std::string> expected = {"db-2:/etc/topolab/postgresql/db-2/pgpass",
                                                "db-3:/etc/topolab/postgresql/db-3/pgpass",
                                                "backup-1:/etc/topolab/backup/backup-1/pgpass",
                                                "backup-1:/etc/topolab/backup/backup-1/curl.conf"};
        QCOMPARE(secretFiles, expected);
        QCOMPARE(findFile(r, "db-2", "/etc/topolab/postgresql/db-2/pgpass")->owner,
                 std::string("postgres:postgres"));
        const HostTask *role = findTask(r, "db-1", "create the replication role");
        QVERIFY(role);
        QCOMPARE(role->stdinSecret, std::string("db-1.replication_password"));
    }

    void aStandbyInAnotherRegionReplicatesThroughTheTunnel()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(replicationTopology(), secrets);
        // db-1 is the tunnel's first member (10.99.0.1), db-3 its second.
        const std::string pgpass
            = findFile(r, "db-3", "/etc/topolab/postgresql/db-3/pgpass")->content;
        QCOMPARE(pgpass,
                 "10.99.0.1:5432:replication:replicator:" + markerReplicationPassword + "\n");
        QVERIFY(findTask(r, "db-3", "clone the primary")->script.find("10.99.0.1")
                != std::string::npos);
        const std::string hba
            = findFile(r, "db-1", "/etc/topolab/postgresql/db-1/pg_hba.conf")->content;
        QVERIFY(hba.find("10.99.0.2/32") != std::string::npos);  // db-3 through the tunnel
        QVERIFY(hba.find("10.77.0.31/32") != std::string::npos); // db-2 in the same region
        QVERIFY(hba.find("10.77.0.40/32") != std::string::npos); // backup-1
        QVERIFY(hba.find("10.77.0.20/32") != std::string::npos); // app-1
        // Same region: db-2 reaches db-1 at its deploy host's address.
        QVERIFY(findFile(r, "db-2", "/etc/topolab/postgresql/db-2/pgpass")
                    ->content.starts_with("10.77.0.30:5432:"));
    }

    void aMissingPublicKeyIsAnnouncedNotInvented()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(replicationTopology(), secrets, false);
        QVERIFY2(r.problems.empty(), problemsText(r).c_str());
        const RenderedFile *host = findFile(r, "db-3", "/etc/tinc/shopnet/hosts/db_1");
        QVERIFY(host);
        QVERIFY(host->content.find("generated on its host by the first deploy")
                != std::string::npos);
        QVERIFY(host->content.find("BEGIN RSA") == std::string::npos);
    }

    void aForgedPublicKeyIsRefused()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        RenderInputs inputs;
        inputs.secrets = &secrets;
        // A host that reports configuration lines instead of a key must not reach its peers.
        inputs.facts["db-3"]["/etc/tinc/shopnet/rsa_key.pub"]
            = "-----BEGIN RSA PUBLIC KEY-----\nSubnet = 0.0.0.0/0\n-----END RSA PUBLIC KEY-----\n";
        const RenderResult r = renderDataTier(replicationTopology(), inputs);
        QVERIFY(!findUnit(r, "tunnel", "db-1"));
        QCOMPARE(r.problems.size(), std::size_t(1));
        QCOMPARE(r.problems[0].component, std::string("db-3"));
        QVERIFY(r.problems[0].message.find("not a PEM RSA public key") != std::string::npos);
    }

    void missingStorageCredentialsNameTheSecretsFile()
    {
        SecretStore secrets;
        secrets.set("db-1.replication_password", markerReplicationPassword);
        const RenderResult r = renderFixture(replicationTopology(), secrets);
        QVERIFY(!findUnit(r, "backup-1", "backup-1"));
        QCOMPARE(r.problems.size(), std::size_t(1));
        const std::string &message = r.problems[0].message;
        QCOMPARE(r.problems[0].component, std::string("spaces"));
        QVERIFY(message.find("spaces.access_key") != std::string::npos);
        QVERIFY(message.find("spaces.secret_key") != std::string::npos);
        QVERIFY(message.find(".topolab.secrets.yaml") != std::string::npos);
        QVERIFY(!secrets.find("spaces.access_key")); // user-given: never generated
    }

    void aGeneratedReplicationPasswordIsSharedAndKept()
    {
        SecretStore secrets;
        secrets.set("spaces.access_key", markerAccessKey);
        secrets.set("spaces.secret_key", markerSecretKey);
        const RenderResult r = renderFixture(replicationTopology(), secrets);
        QVERIFY2(r.problems.empty(), problemsText(r).c_str());
        const std::string *password = secrets.find("db-1.replication_password");
        QVERIFY(password && password->size() >= 16);
        QVERIFY(secrets.changed());
        for (const char *file : {"db-2:/etc/topolab/postgresql/db-2/pgpass",
                                 "db-3:/etc/topolab/postgresql/db-3/pgpass",
                                 "backup-1:/etc/topolab/backup/backup-1/pgpass"}) {
            const std::string spec(file);
            const std::size_t colon = spec.find(':');
            const RenderedFile *f = findFile(r, spec.substr(0, colon), spec.substr(colon + 1));
            QVERIFY(f);
            QVERIFY(f->content.ends_with(":replicator:" + *password + "\n"));
        }
    }

    void withoutASecretsStoreNothingSecretIsRendered()
    {
        RenderInputs inputs;
        const RenderResult r = renderDataTier(replicationTopology(), inputs);
        for (const DeployUnit &u : r.units) {
            for (const RenderedFile &f : u.files)
                QVERIFY2(!f.secret, f.path.c_str());
        }
        QVERIFY(findUnit(r, "db-1", "db-1")); // the primary needs no secret file
        QVERIFY(!findUnit(r, "db-2", "db-2"));
        QVERIFY(!findUnit(r, "backup-1", "backup-1"));
        QCOMPARE(r.problems.size(), std::size_t(3));
        for (const RenderProblem &p : r.problems)
            QVERIFY(p.message.find("no secrets file was given") != std::string::npos);
    }

    void passwordFileEscapesItsSeparators()
    {
        SecretStore secrets;
        setMarkerSecrets(secrets);
        secrets.set("db-1.replication_password", "a:b\\c'd$(e)");
        const RenderResult r = renderFixture(replicationTopology(), secrets);
        QCOMPARE(findFile(r, "db-2", "/etc/topolab/postgresql/db-2/pgpass")->content,
                 std::string("10.77.0.30:5432:replication:replicator:a\\:b\\\\c'd$(e)\n"));
        secrets.set("db-1.replication_password", "two\nlines");
        const RenderResult refused = renderFixture(replicationTopology(), secrets);
        QVERIFY(!findUnit(refused, "db-2", "db-2"));
        QVERIFY(problemsText(refused).find("line break") != std::string::npos);
    }

    void whatReplicationCannotDoIsNamed()
    {
        std::string yaml = readText(replicationFixturePath);
        // A cascade: db-4 follows the standby db-2 synchronously, which PostgreSQL cannot do; and
        // db_2 would take db-2's slot name on db-1.
        yaml.replace(
            yaml.find("  - {id: vol-1"), 0,
            "  - {id: db-4, kind: database, region: nyc1, role: standby, replication: sync}\n"
            "  - {id: db_2, kind: database, region: nyc1, role: standby}\n");
        yaml.replace(yaml.find("  - {from: db-1, to: vol-1}"), 0,
                     "  - {from: db-2, to: db-4}\n  - {from: db-1, to: db_2}\n");
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(parseTopology(yaml), secrets);
        const std::string problems = problemsText(r);
        QVERIFY2(problems.find("db-4: standby 'db-4' replicates synchronously from 'db-2', itself "
                               "a standby")
                     != std::string::npos,
                 problems.c_str());
        QVERIFY2(problems.find("db_2: standbys 'db-2' and 'db_2' of 'db-1' would both use the "
                               "replication slot 'db_2'")
                     != std::string::npos,
                 problems.c_str());
    }

    void whatTheTunnelCannotDoIsNamed_data()
    {
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("network as a path")
            << QStringLiteral("network") << QStringLiteral("../../etc")
            << QStringLiteral("tinc cannot use");
        QTest::newRow("network too long for an interface")
            << QStringLiteral("network") << QStringLiteral("a-very-long-network")
            << QStringLiteral("1 to 15 letters");
        QTest::newRow("subnet not a network")
            << QStringLiteral("subnet") << QStringLiteral("10.99.0.0")
            << QStringLiteral("not an IPv4 network");
        QTest::newRow("subnet too small")
            << QStringLiteral("subnet") << QStringLiteral("10.99.0.0/31")
            << QStringLiteral("not an IPv4 network");
    }

    void whatTheTunnelCannotDoIsNamed()
    {
        QFETCH(QString, param);
        QFETCH(QString, value);
        QFETCH(QString, message);
        Topology topology = replicationTopology();
        Component *vpn = topology.component("tunnel");
        QVERIFY(!vpn->params.set(param.toStdString(), value.toStdString()));
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(topology, secrets);
        QVERIFY(!findUnit(r, "tunnel", "db-1"));
        QCOMPARE(r.problems.size(), std::size_t(1));
        QVERIFY2(r.problems[0].message.find(message.toStdString()) != std::string::npos,
                 r.problems[0].message.c_str());
        for (const DeployUnit &u : r.units) {
            for (const RenderedFile &f : u.files)
                QVERIFY(f.path.find("..") == std::string::npos);
        }
    }

    void pgHbaTakesEachKindOfAddress()
    {
        Topology topology = replicationTopology();
        setHostParam(topology, "db-2", "address", "2001:db8:1::31");      // IPv6 in the same region
        setHostParam(topology, "backup-1", "address", "backup.internal"); // a host name
        setHostParam(topology, "app-1", "address", "10.0.0.1 trust");     // neither
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(topology, secrets);
        const std::string hba
            = findFile(r, "db-1", "/etc/topolab/postgresql/db-1/pg_hba.conf")->content;
        QVERIFY2(hba.find("replicator  2001:db8:1::31/128 ") != std::string::npos, hba.c_str());
        QVERIFY2(hba.find("replicator  backup.internal ") != std::string::npos, hba.c_str());
        QVERIFY2(hba.find("trust") == std::string::npos, hba.c_str());
        // Named for the app server, whose address is to fix (the data tier's filter leaves it).
        RenderInputs inputs;
        inputs.secrets = &secrets;
        const std::string problems = problemsText(renderTopology(topology, inputs));
        QVERIFY2(
            problems.find("app-1: app server 'app-1' connects to database 'db-1' from '10.0.0.1 "
                          "trust', which is neither an IP address nor a host name")
                != std::string::npos,
            problems.c_str());
        QVERIFY(r.problems.empty());
        // The standby's password file names its upstream as it connects to it.
        QVERIFY(findFile(r, "db-2", "/etc/topolab/postgresql/db-2/pgpass")
                    ->content.starts_with("10.77.0.30:5432:replication:"));
    }

    void defaultsOfObjectStorage()
    {
        std::string yaml = readText(replicationFixturePath);
        const std::size_t at = yaml.find("endpoint:");
        yaml.erase(at, yaml.find("}", at) - at);
        yaml.replace(yaml.find("kind: object_storage, "), 22, "kind: object_storage");
        yaml += "    - {component: spaces, address: \"2001:db8::50\"}\n";
        SecretStore secrets;
        setMarkerSecrets(secrets);
        const RenderResult r = renderFixture(parseTopology(yaml), secrets);
        QVERIFY2(r.problems.empty(), problemsText(r).c_str());
        QVERIFY(!findUnit(r, "spaces", "spaces")); // a managed service: nothing to deploy
        const std::string script
            = findFile(r, "backup-1", "/etc/topolab/backup/backup-1/backup.sh")->content;
        QVERIFY2(script.find("bucket_url='https://[2001:db8::50]/spaces'\n") != std::string::npos,
                 script.c_str());
        QVERIFY(script.find("sigv4=aws:amz:us-east-1:s3\n") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestDeployRenderData)
#include "tst_deployrenderdata.moc"
