// Saving and loading: save→load→save is identical, hostile text survives, saves are atomic.
#include "core/io/atomicfile.h"
#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"
#include "core/model/identifier.h"
#include "core/model/schemas.h"

#include <QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace topolab::core;
namespace fs = std::filesystem;

namespace {

QString describeAll(const std::vector<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QString::fromStdString(formatDiagnostic(d, "saved"));
    return lines.join(QLatin1Char('\n'));
}

std::string readBytes(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

fs::perms permissionsOf(const fs::path &path)
{
    return fs::status(path).permissions() & fs::perms::mask;
}

QStringList entriesOf(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                                     QDir::Name);
}

// A topology that puts `text` into every free-text slot the format has.
Topology withText(const std::string &text)
{
    Topology t;
    t.name = text;
    t.regions.push_back(Region{"nyc1", text});
    Component www = Component::make("www", ComponentKind::Dns);
    www.label = text;
    www.params.set("hostname", text);
    Component lb = Component::make("lb-1", ComponentKind::LoadBalancer, "nyc1");
    lb.label = text;
    Component vpn = Component::make("tinc", ComponentKind::Vpn);
    vpn.params.set("network", text);
    t.components = {www, lb, vpn};
    t.links.push_back(Link{"www", "lb-1"});
    DeployHost host;
    host.component = "lb-1";
    host.params = ParamSet(deployHostSchema());
    host.params.set("address", text);
    host.params.set("user", text);
    host.params.set("key_file", text);
    host.params.set("root", text);
    t.deployHosts.push_back(host);
    return t;
}

// A topology where `id` names a region, a client group, a failure target and a layout entry.
Topology withRegionId(const std::string &id)
{
    Topology t;
    t.regions.push_back(Region{id, "label"});
    t.components.push_back(Component::make("lb", ComponentKind::LoadBalancer, id));
    ClientGroup group;
    group.id = id;
    group.region = id;
    group.params = ParamSet(clientGroupSchema());
    group.params.set("rate_rps", 12.5);
    t.clientGroups.push_back(group);
    Scenario scenario;
    scenario.params = ParamSet(scenarioSchema());
    ScheduledFailure failure;
    failure.params = ParamSet(scheduledFailureSchema());
    failure.params.set("at_s", 60.0);
    failure.params.set("target", id);
    scenario.failures.push_back(failure);
    t.scenario = scenario;
    t.layout[id] = LayoutBox{-1.5, 2, 300, 200};
    return t;
}

// A topology where `id` names a component used in links, a failure, a host and the layout.
Topology withComponentId(const std::string &id)
{
    Topology t;
    t.regions.push_back(Region{"r", {}});
    t.components.push_back(Component::make(id, ComponentKind::Dns));
    t.components.push_back(Component::make("lb", ComponentKind::LoadBalancer, "r"));
    const std::string sibling = (id.size() < maxIdLength ? id : id.substr(1)) + "x";
    t.components.push_back(Component::make(sibling, ComponentKind::AppServer, "r"));
    t.links.push_back(Link{id, "lb"});
    t.links.push_back(Link{"lb", sibling});
    Scenario scenario;
    scenario.params = ParamSet(scenarioSchema());
    ScheduledFailure failure;
    failure.params = ParamSet(scheduledFailureSchema());
    failure.params.set("at_s", 1.0);
    failure.params.set("target", id);
    scenario.failures.push_back(failure);
    t.scenario = scenario;
    DeployHost host;
    host.component = id;
    host.params = ParamSet(deployHostSchema());
    host.params.set("address", "10.0.0.1");
    t.deployHosts.push_back(host);
    t.layout[id] = LayoutBox{10, 20, 0, 0};
    return t;
}

} // namespace

// Checks writeTopology/readTopology as inverse functions, and the atomic file replacement.
class TestRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examples_data();
    void examples();
    void savingIsDeterministic();
    void everyParameterSurvives();
    void hostileText_data();
    void hostileText();
    void hostileIds_data();
    void hostileIds();
    void saveReplacesContent();
    void saveKeepsPermissions();
    void saveFollowsSymlink();
    void saveLeavesNoTemporaryFile();
    void saveIntoMissingDirectoryFails();
    void saveOverDirectoryFails();
    void failedWriteKeepsOriginal();

private:
    // Saves `t`, loads it back and checks both the model and the bytes of a second save.
    void checkRoundTrip(const Topology &t);
};

void TestRoundTrip::checkRoundTrip(const Topology &t)
{
    const std::string first = writeTopology(t);
    const LoadResult loaded = readTopology(first);
    QVERIFY2(loaded.ok(), qPrintable(describeAll(loaded.diagnostics) + QLatin1Char('\n')
                                     + QString::fromStdString(first)));
    QVERIFY2(*loaded.topology == t, qPrintable(QString::fromStdString(first)));
    QCOMPARE(QString::fromStdString(writeTopology(*loaded.topology)),
             QString::fromStdString(first));
}

void TestRoundTrip::examples_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("single-region")
        << QStringLiteral(TOPOLAB_EXAMPLES "/single-region.topolab.yaml");
    QTest::newRow("multi-region") << QStringLiteral(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
}

void TestRoundTrip::examples()
{
    QFETCH(QString, path);
    const LoadResult original = loadTopologyFile(path.toStdString());
    QVERIFY2(original.ok(), qPrintable(describeAll(original.diagnostics)));
    QVERIFY(!original.topology->components.empty());

    const std::string saved = writeTopology(*original.topology);
    const LoadResult reloaded = readTopology(saved);
    QVERIFY2(reloaded.ok(), qPrintable(describeAll(reloaded.diagnostics)));
    QVERIFY(*reloaded.topology == *original.topology);
    const std::string savedAgain = writeTopology(*reloaded.topology);
    QCOMPARE(QString::fromStdString(savedAgain), QString::fromStdString(saved));

    // The saved text keeps the shape of the format: one line per element.
    const QString text = QString::fromStdString(saved);
    QVERIFY(text.startsWith(QStringLiteral("topolab: 1\n")));
    QVERIFY(text.endsWith(QLatin1Char('\n')));
    for (const auto &c : original.topology->components) {
        const QString line = QStringLiteral("  - {id: ") + QString::fromStdString(c.id)
                             + QStringLiteral(", kind: ");
        QVERIFY2(text.contains(line), qPrintable(line));
    }
    QCOMPARE(text.count(QStringLiteral("\n  - {from: ")),
             qsizetype(original.topology->links.size()));
}

void TestRoundTrip::savingIsDeterministic()
{
    const LoadResult loaded = loadTopologyFile(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
    QVERIFY(loaded.ok());
    const Topology copy = *loaded.topology;
    const std::string a = writeTopology(*loaded.topology);
    const std::string b = writeTopology(*loaded.topology);
    const std::string c = writeTopology(copy);
    QCOMPARE(QString::fromStdString(b), QString::fromStdString(a));
    QCOMPARE(QString::fromStdString(c), QString::fromStdString(a));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path one = dir.filePath(QStringLiteral("one.topolab.yaml")).toStdString();
    const fs::path two = dir.filePath(QStringLiteral("two.topolab.yaml")).toStdString();
    QCOMPARE(QString::fromStdString(saveTopologyFile(*loaded.topology, one)), QString());
    QCOMPARE(QString::fromStdString(saveTopologyFile(copy, two)), QString());
    QCOMPARE(readBytes(one), a);
    QCOMPARE(readBytes(two), a);
}

void TestRoundTrip::everyParameterSurvives()
{
    // Every parameter of every kind set to a value other than its default (and the groups
    // written out) must come back unchanged.
    Topology t;
    t.name = "all parameters";
    t.regions.push_back(Region{"r", "Region"});
    for (ComponentKind kind : allComponentKinds) {
        const bool regional = regionPlacement(kind) != RegionPlacement::Forbidden;
        Component c = Component::make(std::string(kindName(kind)), kind, regional ? "r" : "");
        for (const auto &spec : componentSchema(kind).params) {
            const std::vector<ParamSpec> members
                = spec.type == ParamType::Group ? spec.members : std::vector<ParamSpec>{spec};
            if (spec.type == ParamType::Group)
                c.params.setGroupEnabled(spec.key, true);
            for (const auto &m : members) {
                const std::string path
                    = spec.type == ParamType::Group ? spec.key + "." + m.key : m.key;
                ParamValue value;
                switch (m.type) {
                case ParamType::Boolean:
                    value = !std::get<bool>(m.defaultValue);
                    break;
                case ParamType::Integer:
                    value = std::int64_t(m.maximum);
                    break;
                case ParamType::Number:
                    value = m.minimum + (m.maximum - m.minimum) / 3;
                    break;
                case ParamType::Choice:
                    value = m.choices.back();
                    break;
                case ParamType::Text:
                    value = std::string("x: ") + path;
                    break;
                case ParamType::Group:
                    break;
                }
                const auto problem = c.params.set(path, value);
                QVERIFY2(!problem, problem ? problem->c_str() : "");
            }
        }
        t.components.push_back(c);
    }
    checkRoundTrip(t);
}

void TestRoundTrip::hostileText_data()
{
    QTest::addColumn<QString>("text");
    // clang-format off
    const char *samples[] = {
        "null", "Null", "NULL", "~", "true", "False", "yes", "No", "on", "y", "123", "1e3",
        "0x1F", "0o17", "+1", "-1", ".5", ".inf", "-.inf", ".nan", "2024-01-01", "12:30",
        "", "a: b", "a:b", "- x", "-", "#hash", "a #b", "quote\"s", "\"quoted\"", "'single'",
        "it's", "new\nline", "multi\n\nline\n", "trailing newline\n", "\n", "x\n\ty",
        "tab\there", "\ttab first", "cr\r\nlf", "Zürich ☁", "emoji 😀", " leading",
        "trailing ", "  both  ", " ", "[x]", "{y}", "a, b", "a]b", "a}b", "&anchor",
        "*alias", "!tag", "!!str", "%percent", "@at", "`tick", "? q", "?", ": c", ":", "|",
        ">", "---", "...", "<<", "=", "\\backslash", "back\\slash\\", "bell\a", "esc\x1b[0m",
        "del\x7f", "Zürich\x7f☁", "nbsp\u00a0", "bom\ufeffin", "\x01start", "unit\x1f",
        "lone\rcr",
        "nel\u0085", "ls\u2028ps\u2029", "nonchar\ufffe", "ideographic\u3000space",
        "astral \U0001d518", "mixed 'single' and \"double\"",
    };
    // clang-format on
    for (const char *s : samples) {
        const QString text = QString::fromUtf8(s);
        const QByteArray name = "[" + QUrl::toPercentEncoding(text) + "]";
        QTest::newRow(name.constData()) << text;
    }
    QTest::newRow("long") << QString(300, QLatin1Char('w'));
}

void TestRoundTrip::hostileText()
{
    QFETCH(QString, text);
    const Topology t = withText(text.toStdString());
    checkRoundTrip(t);
    const LoadResult loaded = readTopology(writeTopology(t));
    QVERIFY(loaded.ok());
    QCOMPARE(QString::fromStdString(loaded.topology->name), text);
    QCOMPARE(QString::fromStdString(loaded.topology->regions.at(0).label), text);
    QCOMPARE(QString::fromStdString(loaded.topology->components.at(0).params.text("hostname")),
             text);
}

void TestRoundTrip::hostileIds_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id :
         {"1",     "0",       "08",   "123",        "1e3", "1.5", "0x10", "true", "True",
          "false", "null",    "Null", "NULL",       "yes", "no",  "on",   "off",  "y",
          "n",     "a.b_c-d", "1-2",  "2024-01-01", "inf", "nan", "Z"}) {
        QTest::newRow(id) << QString::fromLatin1(id);
    }
    QTest::newRow("64 characters") << QString(64, QLatin1Char('9'));
}

void TestRoundTrip::hostileIds()
{
    QFETCH(QString, id);
    checkRoundTrip(withRegionId(id.toStdString()));
    checkRoundTrip(withComponentId(id.toStdString()));
}

void TestRoundTrip::saveReplacesContent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path path = dir.filePath(QStringLiteral("t.topolab.yaml")).toStdString();
    writeBytes(path, std::string(100000, 'o')); // longer than the new text: no tail may remain

    const Topology t = withText("saved");
    QCOMPARE(QString::fromStdString(saveTopologyFile(t, path)), QString());
    QCOMPARE(readBytes(path), writeTopology(t));
    const LoadResult loaded = loadTopologyFile(path);
    QVERIFY(loaded.ok());
    QVERIFY(*loaded.topology == t);

    QCOMPARE(QString::fromStdString(writeFileAtomically(path, "")), QString());
    QCOMPARE(readBytes(path), std::string());
}

void TestRoundTrip::saveKeepsPermissions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path path = dir.filePath(QStringLiteral("private.topolab.yaml")).toStdString();
    writeBytes(path, "old");
    for (const fs::perms mode : {fs::perms(0600), fs::perms(0640), fs::perms(0444)}) {
        fs::permissions(path, mode, fs::perm_options::replace);
        QCOMPARE(QString::fromStdString(writeFileAtomically(path, "new")), QString());
        QCOMPARE(permissionsOf(path), mode);
        QCOMPARE(readBytes(path), std::string("new"));
    }
    // A new file is readable and writable by its owner.
    const fs::path fresh = dir.filePath(QStringLiteral("fresh.topolab.yaml")).toStdString();
    QCOMPARE(QString::fromStdString(writeFileAtomically(fresh, "x")), QString());
    QCOMPARE(permissionsOf(fresh) & fs::perms::owner_all,
             fs::perms::owner_read | fs::perms::owner_write);
}

void TestRoundTrip::saveFollowsSymlink()
{
    // A topology kept elsewhere and linked into a project: saving updates the real file and
    // keeps the link a link.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path real = dir.filePath(QStringLiteral("real.topolab.yaml")).toStdString();
    const fs::path link = dir.filePath(QStringLiteral("link.topolab.yaml")).toStdString();
    writeBytes(real, "old");
    fs::create_symlink(real.filename(), link);
    QCOMPARE(QString::fromStdString(writeFileAtomically(link, "new")), QString());
    QVERIFY(fs::is_symlink(link));
    QCOMPARE(readBytes(real), std::string("new"));
    QCOMPARE(entriesOf(dir.path()), QStringList({QStringLiteral("link.topolab.yaml"),
                                                 QStringLiteral("real.topolab.yaml")}));
}

void TestRoundTrip::saveLeavesNoTemporaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path path = dir.filePath(QStringLiteral("t.topolab.yaml")).toStdString();
    const Topology t = withText("x");
    for (int i = 0; i < 3; ++i)
        QCOMPARE(QString::fromStdString(saveTopologyFile(t, path)), QString());
    QCOMPARE(entriesOf(dir.path()), QStringList(QStringLiteral("t.topolab.yaml")));

    // A relative path saves next to the working directory, like any other file.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const std::string message = saveTopologyFile(t, "relative.topolab.yaml");
    QVERIFY(QDir::setCurrent(previous));
    QCOMPARE(QString::fromStdString(message), QString());
    QCOMPARE(entriesOf(dir.path()), QStringList({QStringLiteral("relative.topolab.yaml"),
                                                 QStringLiteral("t.topolab.yaml")}));
}

void TestRoundTrip::saveIntoMissingDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path path = dir.filePath(QStringLiteral("no/such/dir/t.topolab.yaml")).toStdString();
    const std::string message = saveTopologyFile(withText("x"), path);
    QVERIFY(!message.empty());
    QVERIFY2(QString::fromStdString(message).contains(QString::fromStdString(path.string())),
             message.c_str());
    QVERIFY(!fs::exists(path));
    QVERIFY(entriesOf(dir.path()).isEmpty());
}

void TestRoundTrip::saveOverDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path target = dir.filePath(QStringLiteral("folder.topolab.yaml")).toStdString();
    fs::create_directory(target);
    writeBytes(target / "inside", "keep");

    const std::string message = saveTopologyFile(withText("x"), target);
    QVERIFY(!message.empty());
    QVERIFY2(QString::fromStdString(message).contains(QString::fromStdString(target.string())),
             message.c_str());
    QVERIFY(fs::is_directory(target));
    QCOMPARE(readBytes(target / "inside"), std::string("keep"));
    QCOMPARE(entriesOf(dir.path()), QStringList(QStringLiteral("folder.topolab.yaml")));
}

void TestRoundTrip::failedWriteKeepsOriginal()
{
    // A full disk, simulated with a file-size limit (which binds root too): the write fails
    // half way, and the original must stay as it was, with no temporary file left.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path path = dir.filePath(QStringLiteral("t.topolab.yaml")).toStdString();
    const std::string original = writeTopology(withText("original"));
    writeBytes(path, original);
    fs::permissions(path, fs::perms(0600), fs::perm_options::replace);

    rlimit previous{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
    rlimit small = previous;
    small.rlim_cur = 64;
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    const std::string message = saveTopologyFile(withText(std::string(1000, 'n')), path);
    setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(!message.empty());
    QVERIFY2(QString::fromStdString(message).contains(QString::fromStdString(path.string())),
             message.c_str());
    QCOMPARE(readBytes(path), original);
    QCOMPARE(permissionsOf(path), fs::perms(0600));
    QCOMPARE(entriesOf(dir.path()), QStringList(QStringLiteral("t.topolab.yaml")));
}

QTEST_APPLESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
