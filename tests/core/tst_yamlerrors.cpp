// Every way a topology file can be wrong, and where the reader says it is wrong.
#include "core/io/diagnostic.h"
#include "core/io/textprecheck.h"
#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"

#include <QtTest>

#include <cstdint>
#include <fstream>
#include <random>
#include <string_view>
#include <sys/resource.h>
#include <unistd.h>

using namespace topolab::core;

namespace {

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

QString describe(const Diagnostic &d)
{
    return QString::fromStdString(formatDiagnostic(d, "file"));
}

QString describeAll(const std::vector<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << describe(d);
    return lines.join(QLatin1Char('\n'));
}

// Bytes from a fixed-seed Mersenne twister: its raw output is the same on every platform.
QByteArray randomBytes(std::uint32_t seed, int size)
{
    std::mt19937 engine(seed);
    QByteArray out(size, '\0');
    for (char &c : out)
        c = static_cast<char>(engine() & 0xFF);
    return out;
}

QByteArray readExample(const char *name)
{
    QFile file(QStringLiteral(TOPOLAB_EXAMPLES "/") + QString::fromLatin1(name)
               + QStringLiteral(".topolab.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A map nested `depth` levels deep in block style: "x:\n  k0:\n    k1:\n ...".
QByteArray deepBlockMaps(int depth)
{
    QByteArray text = "topolab: 1\nx:\n";
    for (int i = 0; i < depth; ++i)
        text += QByteArray(2 * i + 2, ' ') + "k" + QByteArray::number(i) + ":\n";
    return text;
}

// One mutation of a text, chosen by `rng`; `log` records it for the failure message.
void mutate(QByteArray &text, std::mt19937 &rng, QStringList &log)
{
    static const QByteArray punctuation = ":-[]{},#&*!|>'\"%@`?~ \n\t\\";
    const auto pick = [&](qsizetype n) {
        return n <= 0 ? 0 : qsizetype(rng() % quint64(n));
    };
    const auto lineBounds = [&](qsizetype at) {
        const qsizetype begin = text.lastIndexOf('\n', at - 1) + 1;
        qsizetype end = text.indexOf('\n', at);
        end = end < 0 ? text.size() : end + 1;
        return std::pair(begin, end);
    };
    if (text.isEmpty()) {
        text = punctuation.mid(pick(punctuation.size()), 1);
        log << QStringLiteral("seed punctuation");
        return;
    }
    const qsizetype at = pick(text.size());
    switch (rng() % 7) {
    case 0:
        text[at] = char(text[at] ^ (1 << (rng() % 8)));
        log << QStringLiteral("flip bit at %1").arg(at);
        break;
    case 1:
        text[at] = char(rng() & 0xFF);
        log << QStringLiteral("random byte at %1").arg(at);
        break;
    case 2:
        text.truncate(at);
        log << QStringLiteral("truncate at %1").arg(at);
        break;
    case 3: {
        const auto [begin, end] = lineBounds(at);
        text.remove(begin, end - begin);
        log << QStringLiteral("delete line at %1").arg(begin);
        break;
    }
    case 4: {
        const auto [begin, end] = lineBounds(at);
        text.insert(begin, text.mid(begin, end - begin));
        log << QStringLiteral("duplicate line at %1").arg(begin);
        break;
    }
    case 5: {
        QByteArray inserted;
        for (int i = 0, n = 1 + int(rng() % 3); i < n; ++i)
            inserted += punctuation[pick(punctuation.size())];
        text.insert(at, inserted);
        log << QStringLiteral("insert %1 at %2")
                   .arg(QString::fromLatin1(inserted.toPercentEncoding()))
                   .arg(at);
        break;
    }
    default: {
        // Swap a line with the one after it: reorders keys and breaks indentation.
        const auto [begin, end] = lineBounds(at);
        if (end >= text.size())
            break;
        const auto [nextBegin, nextEnd] = lineBounds(end);
        const QByteArray first = text.mid(begin, end - begin);
        const QByteArray second = text.mid(nextBegin, nextEnd - nextBegin);
        text.replace(begin, nextEnd - begin, second + first);
        log << QStringLiteral("swap lines at %1").arg(begin);
        break;
    }
    }
}

} // namespace

// Error paths of readTopology: each must give a located diagnostic with a stable code.
class TestYamlErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstDiagnostic_data();
    void firstDiagnostic();
    void randomBytesAreRefused();
    void everyErrorIsReportedOnce();
    void unreadablePaths();
    void oversizedFilesAreNotReadWhole();
    void mutatedExamplesNeverCrash();
};

void TestYamlErrors::firstDiagnostic_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const QByteArray &text, int line, int column,
                        const char *code, const char *message) {
        QTest::newRow(name) << text << line << column << QString::fromLatin1(code)
                            << QString::fromUtf8(message);
    };
    const QByteArray region = "topolab: 1\nregions: [{id: nyc1}]\ncomponents:\n";

    // YAML syntax
    row("unclosed flow map", "topolab: 1\ncomponents: [{id: a, kind: dns\n", 2, 14, "syntax",
        "'{' is never closed");
    row("unclosed flow map, more lines", "topolab: 1\ncomponents: [{id: a, kind: dns\nlinks: []\n",
        2, 14, "syntax", "'{' is never closed");
    row("unclosed flow list", "topolab: 1\ncomponents: [{id: a, kind: dns}\nlinks: []\n", 2, 13,
        "syntax", "'[' is never closed");
    row("bad indentation, key", "topolab: 1\nname: x\n  regions: []\n", 3, 10, "syntax",
        "illegal map value");
    row("bad indentation, list item", "topolab: 1\ncomponents:\n  - id: a\n   kind: dns\n", 4, 4,
        "syntax", "end of sequence not found");
    row("unterminated double quote", "topolab: 1\nname: \"abc\ncomponents: []\n", 2, 7, "syntax",
        "quote \" that opens this text is never closed");
    row("unterminated single quote", "topolab: 1\nname: 'it''s\n", 2, 7, "syntax", "never closed");
    row("tab indentation", "topolab: 1\ncomponents:\n\t- {id: a, kind: dns}\n", 3, 1, "tab-indent",
        "tab used for indentation");
    row("tab after spaces", "topolab: 1\nregions:\n  \t- {id: r}\n", 3, 3, "tab-indent",
        "spaces only");
    row("complex key", "topolab: 1\n? [a, b]\n: c\n", 2, 3, "complex-key", "plain words");
    row("tag", "topolab: 1\nname: !!str x\n", 2, 7, "tag", "YAML tags");

    // Keys
    row("unknown top-level key", "topolab: 1\ncompnents: []\n", 2, 1, "unknown-key",
        "did you mean 'components'?");
    row("unknown top-level key, no guess", "topolab: 1\nfoo: 1\n", 2, 1, "unknown-key",
        "valid keys: topolab, name, regions");
    row("unknown component key",
        region + "  - id: a\n    kind: app_server\n    region: nyc1\n    worker: 4\n", 7, 5,
        "unknown-key",
        "unknown key 'worker' in component 'a' (app_server); did you mean "
        "'workers'?");
    row("parameter of another kind",
        "topolab: 1\ncomponents:\n  - {id: a, kind: dns, workers: 4}\n", 3, 24, "unknown-key",
        "'workers' is a parameter of app_server, not of component 'a'");
    row("duplicate key", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, id: b}\n", 3, 24,
        "duplicate-key", "duplicate key 'id' in a component (first at 3:6)");
    row("duplicate top-level key", "topolab: 1\nname: a\nname: b\n", 3, 1, "duplicate-key",
        "first at 2:1");

    // Types
    row("text for a number", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, ttl_s: abc}\n", 3, 31,
        "wrong-type", "ttl_s must be a whole number, got 'abc'");
    row("quoted number", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, ttl_s: \"30\"}\n", 3, 31,
        "wrong-type", "(it is quoted: remove the quotes)");
    row("list for a scalar", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, ttl_s: [1]}\n", 3, 31,
        "wrong-type", "got a list");
    row("map for the components list", "topolab: 1\ncomponents: {id: a}\n", 2, 13, "wrong-type",
        "components must be a list, got a map");
    row("nothing for a number",
        "topolab: 1\ncomponents:\n  - id: a\n    kind: dns\n    ttl_s:\n    policy: geo\n", 5, 5,
        "wrong-type", "ttl_s must be a whole number, got nothing");
    row("decimal for a whole number", "topolab: 1\nscenario: {seed: 1.5}\n", 2, 18, "wrong-type",
        "seed must be a whole number");
    row("word for a boolean",
        region + "  - {id: lb, kind: load_balancer, region: nyc1, redispatch: yes}\n", 4, 61,
        "wrong-type", "redispatch must be true or false, got 'yes'");
    row("number too large", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, ttl_s: 1e99}\n", 3, 31,
        "wrong-type", "whole number");
    row("integer overflow",
        "topolab: 1\ncomponents:\n  - {id: a, kind: dns, ttl_s: 99999999999999999999}\n", 3, 31,
        "out-of-range", "too large");
    row("infinite number", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, lookup_ms: .inf}\n", 3,
        35, "wrong-type", "must be a number");

    // Ranges and choices
    row("port 0", region + "  - {id: lb, kind: load_balancer, region: nyc1, port: 0}\n", 4, 55,
        "invalid-value", "port must be between 1 and 65535, got 0");
    row("negative ttl", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, ttl_s: -5}\n", 3, 31,
        "invalid-value", "ttl_s must be between 0 and");
    row("static_fraction 1.5",
        "topolab: 1\ntraffic:\n  client_groups:\n    - {id: u, static_fraction: 1.5}\n", 4, 32,
        "invalid-value", "static_fraction must be between 0 and 1 share, got 1.5");
    row("workers 0", region + "  - {id: app, kind: app_server, region: nyc1, workers: 0}\n", 4, 56,
        "invalid-value", "workers must be between 1 and");
    row("group member out of range",
        region + "  - {id: lb, kind: load_balancer, region: nyc1, health_check: {fall: 0}}\n", 4,
        70, "invalid-value", "health_check.fall must be between 1 and 100");
    row("unknown choice", "topolab: 1\ncomponents:\n  - {id: a, kind: dns, policy: round_robbin}\n",
        3, 32, "invalid-value", "got 'round_robbin'; did you mean 'round_robin'?");
    row("layout size negative", "topolab: 1\nregions: [{id: r}]\nlayout:\n  r: {x: 0, width: -1}\n",
        4, 20, "out-of-range", "width must be between 0 and 1e7");

    // Ids
    row("duplicate component id",
        "topolab: 1\ncomponents:\n  - {id: a, kind: dns}\n  - {id: a, kind: dns}\n", 4, 10,
        "duplicate-id", "duplicate id 'a' (first defined at 3:5)");
    row("component id of a region",
        "topolab: 1\nregions: [{id: a}]\ncomponents:\n  - {id: a, kind: dns}\n", 4, 10,
        "duplicate-id", "duplicate id 'a' (first defined at 2:11)");
    row("id with a space", "topolab: 1\ncomponents:\n  - {id: \"a b\", kind: dns}\n", 3, 10,
        "invalid-id", "invalid id 'a b': use letters, digits");
    row("id with a slash", "topolab: 1\nregions:\n  - id: ../etc\n", 3, 9, "invalid-id",
        "invalid id '../etc'");
    row("id too long",
        "topolab: 1\ncomponents:\n  - {id: " + QByteArray(65, 'x') + ", kind: dns}\n", 3, 10,
        "invalid-id", "at most 64 characters");
    row("id missing", "topolab: 1\ncomponents:\n  - {kind: dns}\n", 3, 5, "missing-key",
        "a component needs an 'id'");
    row("kind missing", "topolab: 1\ncomponents:\n  - {id: a}\n", 3, 5, "missing-key",
        "component 'a' needs a 'kind'");
    row("unknown kind with guess", "topolab: 1\ncomponents:\n  - {id: a, kind: dnz}\n", 3, 19,
        "unknown-kind", "unknown kind 'dnz'; did you mean 'dns'?");
    row("unknown kind", "topolab: 1\ncomponents:\n  - {id: a, kind: toaster}\n", 3, 19,
        "unknown-kind", "kinds are dns, load_balancer, app_server");
    row("unknown region", region + "  - {id: lb, kind: load_balancer, region: nyc2}\n", 4, 43,
        "unknown-region", "unknown region 'nyc2'; did you mean 'nyc1'?");
    row("region on a dns", region + "  - {id: www, kind: dns, region: nyc1}\n", 4, 26,
        "region-not-allowed", "a dns is not placed in a region");

    // Links
    const QByteArray linked = region
                              + "  - {id: www, kind: dns}\n"
                                "  - {id: lb, kind: load_balancer, region: nyc1}\n"
                                "  - {id: app, kind: app_server, region: nyc1}\n"
                                "links:\n";
    row("dangling link end", linked + "  - {from: www, to: lbb}\n", 8, 21, "unknown-id",
        "link end 'lbb' is not a component; did you mean 'lb'?");
    row("link to a region", linked + "  - {from: nyc1, to: lb}\n", 8, 12, "unknown-id",
        "link end 'nyc1' is not a component");
    row("self link", linked + "  - {from: lb, to: lb}\n", 8, 5, "self-link",
        "'lb' is linked to itself");
    row("duplicate link", linked + "  - {from: www, to: lb}\n  - {from: www, to: lb}\n", 9, 5,
        "duplicate-link", "'www' and 'lb' are already linked (at 8:5)");
    row("duplicate link reversed", linked + "  - {from: lb, to: app}\n  - {from: app, to: lb}\n", 9,
        5, "duplicate-link", "'app' and 'lb' are already linked (at 8:5)");
    row("empty kind", "topolab: 1\ncomponents:\n  - {id: a, kind: \"\"}\n", 3, 19, "unknown-kind",
        "'kind' is empty; kinds are dns, load_balancer");
    row("refused link", linked + "  - {from: www, to: app}\n", 8, 5, "link-not-allowed",
        "link www -> app: DNS points clients at load balancers");
    row("link without to", linked + "  - {from: www}\n", 8, 5, "missing-key", "a link needs 'to'");

    // Version and document shape
    row("missing version", "name: x\ncomponents: []\n", 1, 1, "missing-version",
        "add `topolab: 1`");
    row("newer version", "topolab: 2\n", 1, 10, "newer-version",
        "format version 2, written by a newer Topolab");
    row("version 0", "topolab: 0\n", 1, 10, "invalid-version", "format version must be 1, got 0");
    row("version as text", "topolab: one\n", 1, 10, "wrong-type", "must be a whole number");
    row("empty file", "", 1, 1, "empty-file", "the file is empty");
    row("only a BOM", "\xEF\xBB\xBF", 1, 1, "empty-file", "the file is empty");
    row("comments only", "# a topology\n\n   # to be written\n", 1, 1, "empty-file",
        "the file is empty");
    row("a list", "- topolab: 1\n- name: x\n", 1, 1, "wrong-type", "got a list");
    row("a scalar", "hello\n", 1, 1, "wrong-type", "got a single value");
    row("second document", "topolab: 1\n---\ntopolab: 1\n", 2, 1, "multiple-documents",
        "one YAML document");

    // Bytes that are not YAML text
    row("NUL byte", QByteArray("topolab: 1\nname: a\0b\n", 21), 2, 8, "binary", "NUL byte");
    row("invalid UTF-8", "topolab: 1\nname: ab\xff\n", 2, 9, "encoding", "invalid UTF-8");
    row("UTF-8 overlong", "topolab: 1\nname: \xc0\xafx\n", 2, 7, "encoding", "invalid UTF-8");
    row("UTF-8 surrogate", "topolab: 1\nname: \xed\xa0\x80\n", 2, 7, "encoding", "invalid UTF-8");
    row("UTF-8 truncated at the end", "topolab: 1\nname: Z\xc3", 2, 8, "encoding", "invalid UTF-8");
    row("columns count characters", "topolab: 1\nname: Zürich ☁ \x01\n", 2, 16, "binary",
        "control character 1");

    // Seed 7 starts with 0xaf, a continuation byte that cannot start a UTF-8 sequence.
    row("random bytes", randomBytes(7, 4096), 1, 1, "encoding", "invalid UTF-8");
    row("random bytes after a header", "topolab: 1\nname: " + randomBytes(7, 4096), 2, 7,
        "encoding", "invalid UTF-8");

    // Hostile YAML
    row("anchor", "topolab: 1\nname: &n x\n", 2, 7, "anchor", "anchors (&name) are not supported");
    row("anchor and alias",
        region
            + "  - {id: a, kind: load_balancer, region: nyc1, health_check: &hc {fall: 2}}\n"
              "  - {id: b, kind: load_balancer, region: nyc1, health_check: *hc}\n",
        4, 62, "anchor", "anchors (&name)");
    row("alias alone", "topolab: 1\nname: *x\n", 2, 7, "alias",
        "aliases (*name) are not supported");
    {
        QByteArray bomb = "topolab: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (int level = 1; level <= 12; ++level) {
            QByteArray refs;
            for (int i = 0; i < 9; ++i)
                refs += (i ? ", *a" : "*a") + QByteArray::number(level - 1);
            bomb += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " ["
                    + refs + "]\n";
        }
        row("billion laughs", bomb, 2, 5, "anchor", "anchors (&name)");
    }
    // yaml-cpp reads an unclosed "[[" as a list holding a one-entry map whose key is the next
    // list, so 100 000 brackets pass the 32 levels at the 17th.
    row("100000 nested [", "topolab: 1\nx: " + QByteArray(100000, '['), 2, 20, "too-deep",
        "nesting deeper than 32 levels");
    row("100000 nested [ closed",
        "topolab: 1\nx: " + QByteArray(100000, '[') + QByteArray(100000, ']') + "\n", 2, 35,
        "too-deep", "nesting deeper than 32 levels");
    row("100000 nested {", "topolab: 1\nx: " + QByteArray("{a: ").repeated(100000) + "\n", 2, 128,
        "too-deep", "nesting deeper than 32 levels");
    row("2000 nested block maps", deepBlockMaps(2000), 34, 65, "too-deep",
        "nesting deeper than 32 levels");
    row("100000 nested block lists",
        "topolab: 1\nx:\n  " + QByteArray("- ").repeated(100000) + "a\n", 3, 65, "too-deep",
        "nesting deeper than 32 levels");
    row("40 MiB", "topolab: 1\n" + QByteArray(40 << 20, '#'), 1, 1, "file-too-large",
        "larger than 32 MiB");

    // Sections
    row("unknown failure target",
        region
            + "  - {id: lb-1, kind: load_balancer, region: nyc1}\n"
              "scenario:\n  failures:\n    - {at_s: 60, target: lb-2}\n",
        7, 26, "unknown-id", "failure target 'lb-2' is not a component or region; did you mean");
    row("failure target of wrong type",
        "topolab: 1\nscenario:\n  failures:\n    - {at_s: 60, target: [a]}\n", 4, 26, "wrong-type",
        "target must be an id, got a list");
    row("failure fields missing", "topolab: 1\nscenario:\n  failures:\n    - {mode: crash}\n", 4, 7,
        "missing-key", "a failure needs 'at_s'");
    row("random failure kind missing",
        "topolab: 1\nscenario:\n  random_failures:\n    - {mtbf_h: 3}\n", 4, 7, "missing-key",
        "a random failure needs 'kind'");
    row("random failure kind unknown",
        "topolab: 1\nscenario:\n  random_failures:\n    - {kind: app_servr}\n", 4, 14,
        "invalid-value", "did you mean 'app_server'?");
    row("password in a deploy host",
        region
            + "  - {id: lb, kind: load_balancer, region: nyc1}\n"
              "deploy:\n  hosts:\n    - {component: lb, address: 10.0.0.1, password: hunter2}\n",
        7, 42, "secret-in-file", "'password': secrets never go in a topology file");
    row("deploy host address missing",
        region
            + "  - {id: lb, kind: load_balancer, region: nyc1}\n"
              "deploy:\n  hosts:\n    - {component: lb}\n",
        7, 7, "missing-key", "a deploy host needs 'address'");
    row("layout of an unknown id", "topolab: 1\nlayout:\n  ghost: {x: 1, y: 2}\n", 3, 3,
        "unknown-id", "layout entry 'ghost' is not a component or region");
    row("unknown client group key",
        "topolab: 1\ntraffic:\n  client_groups:\n    - {id: u, rate_rp: 5}\n", 4, 15, "unknown-key",
        "did you mean 'rate_rps'?");
    row("client group in an unknown region",
        "topolab: 1\ntraffic:\n  client_groups:\n    - {id: u, region: mars}\n", 4, 23,
        "unknown-region", "unknown region 'mars'");
}

void TestYamlErrors::firstDiagnostic()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, code);
    QFETCH(QString, message);

    QElapsedTimer timer;
    timer.start();
    const LoadResult result = readTopology(view(text));
    const qint64 elapsed = timer.elapsed();

    QVERIFY(!result.ok());
    QVERIFY(!result.unreadable);
    QVERIFY(!result.diagnostics.empty());
    const Diagnostic &first = result.diagnostics.front();
    const QString all = describeAll(result.diagnostics);
    QVERIFY2(first.severity == Severity::Error, qPrintable(all));
    QVERIFY2(QString::fromStdString(first.code) == code, qPrintable(all));
    QVERIFY2(first.location.line == line && first.location.column == column, qPrintable(all));
    QVERIFY2(QString::fromStdString(first.message).contains(message), qPrintable(all));
    // Hostile inputs (alias bombs, deep nesting, huge files) are refused, not worked through.
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
}

void TestYamlErrors::randomBytesAreRefused()
{
    for (std::uint32_t seed = 1; seed <= 50; ++seed) {
        const QByteArray garbage = randomBytes(seed, 4096);
        QVERIFY(garbage.contains('\0'));
        const LoadResult result = readTopology(view(garbage));
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        const Diagnostic &d = result.diagnostics.front();
        const QString code = QString::fromStdString(d.code);
        QVERIFY2(code == QStringLiteral("binary") || code == QStringLiteral("encoding")
                     || code == QStringLiteral("tab-indent"),
                 qPrintable(describe(d)));
        QVERIFY2(d.location.line >= 1 && d.location.column >= 1, qPrintable(describe(d)));
    }
    // One pinned sample: 0xaf, a continuation byte, cannot start a UTF-8 sequence.
    const QByteArray sample = randomBytes(7, 4096);
    QCOMPARE(quint8(sample[0]), quint8(0xaf));
    const LoadResult result = readTopology(view(sample));
    QCOMPARE(QString::fromStdString(result.diagnostics.front().code), QStringLiteral("encoding"));
    QCOMPARE(result.diagnostics.front().location, (SourceLocation{1, 1}));
}

void TestYamlErrors::everyErrorIsReportedOnce()
{
    // A file with several independent mistakes: all reported, in file order, none twice, and
    // a wrongly written required key is not also reported as missing.
    const QByteArray text = "topolab: 1\n"
                            "regions: [{id: nyc1}]\n"
                            "components:\n"
                            "  - {id: lb, kind: load_balancer, region: nyc1, port: 0}\n"
                            "  - {id: app, kind: app_server, region: nyc1, wrkers: 2}\n"
                            "scenario:\n"
                            "  failures:\n"
                            "    - {at_s: soon, target: nowhere}\n"
                            "deploy:\n"
                            "  hosts:\n"
                            "    - {component: lb, address: [a, b]}\n";
    const LoadResult result = readTopology(view(text));
    QVERIFY(!result.ok());
    const QString all = describeAll(result.diagnostics);
    const QStringList expected = {
        QStringLiteral("file:4:55: error: port must be between 1 and 65535, got 0 [invalid-value]"),
        QStringLiteral("file:5:47: error: unknown key 'wrkers' in component 'app' (app_server); "
                       "did you mean 'workers'? [unknown-key]"),
        QStringLiteral("file:8:14: error: at_s must be a number, got 'soon' [wrong-type]"),
        QStringLiteral("file:8:28: error: failure target 'nowhere' is not a component or region "
                       "[unknown-id]"),
        QStringLiteral("file:11:32: error: address must be text, got a list [wrong-type]"),
    };
    QCOMPARE(all, expected.join(QLatin1Char('\n')));
}

void TestYamlErrors::unreadablePaths()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path missing
        = dir.filePath(QStringLiteral("nope.topolab.yaml")).toStdString();
    LoadResult result = loadTopologyFile(missing);
    QVERIFY(result.unreadable);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(result.diagnostics[0].code), QStringLiteral("io"));
    QVERIFY(QString::fromStdString(result.diagnostics[0].message)
                .contains(QStringLiteral("No such file")));

    result = loadTopologyFile(dir.path().toStdString());
    QVERIFY(result.unreadable);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(result.diagnostics[0].message)
                .contains(QStringLiteral("directory")));

    // A readable file with errors is not "unreadable": the distinction picks exit code 1 or 2.
    const QString bad = dir.filePath(QStringLiteral("bad.topolab.yaml"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("topolab: 7\n");
    file.close();
    result = loadTopologyFile(bad.toStdString());
    QVERIFY(!result.unreadable);
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(result.diagnostics[0].code), QStringLiteral("newer-version"));
}

void TestYamlErrors::oversizedFilesAreNotReadWhole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString big = dir.filePath(QStringLiteral("big.topolab.yaml"));
    {
        std::ofstream out(big.toStdString(), std::ios::binary);
        out << "topolab: 1\n";
        const std::string block(1 << 20, '#');
        for (int i = 0; i < 40; ++i)
            out << block;
    }
    LoadResult result = loadTopologyFile(big.toStdString());
    QVERIFY(!result.unreadable);
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(result.diagnostics[0].code), QStringLiteral("file-too-large"));

    // A device that never ends must be refused after the limit, not read forever.
    if (!QFileInfo::exists(QStringLiteral("/dev/zero")))
        QSKIP("no /dev/zero");
    // A reader that does not stop would fill the memory; cap the address space for this call
    // so that such a regression fails here instead of taking the machine down.
    rlimit previous{};
    QCOMPARE(getrlimit(RLIMIT_AS, &previous), 0);
    long pages = 0;
    {
        std::ifstream statm("/proc/self/statm");
        statm >> pages;
    }
    QVERIFY(pages > 0);
    rlimit capped = previous;
    capped.rlim_cur = rlim_t(pages) * rlim_t(sysconf(_SC_PAGESIZE)) + (rlim_t(1) << 30);
    if (previous.rlim_cur != RLIM_INFINITY && previous.rlim_cur < capped.rlim_cur)
        capped.rlim_cur = previous.rlim_cur;
    QCOMPARE(setrlimit(RLIMIT_AS, &capped), 0);
    QElapsedTimer timer;
    timer.start();
    bool threw = false;
    try {
        result = loadTopologyFile("/dev/zero");
    } catch (const std::bad_alloc &) {
        threw = true;
    }
    setrlimit(RLIMIT_AS, &previous);
    QVERIFY2(!threw, "loadTopologyFile kept reading /dev/zero until memory ran out");
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(result.diagnostics[0].code), QStringLiteral("file-too-large"));
    QVERIFY(timer.elapsed() < 5000);
}

void TestYamlErrors::mutatedExamplesNeverCrash()
{
    const QByteArray examples[] = {readExample("single-region"), readExample("multi-region")};
    for (const auto &e : examples)
        QVERIFY(!e.isEmpty());

    std::mt19937 rng(20240607);
    int loaded = 0;
    int refused = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < 3000; ++i) {
        QByteArray text = examples[i % 2];
        QStringList log;
        for (int step = 0, steps = 1 + int(rng() % 3); step < steps; ++step)
            mutate(text, rng, log);
        const QString context = QStringLiteral("mutant %1 (%2)").arg(i).arg(log.join(u", "));

        LoadResult result;
        try {
            result = readTopology(view(text));
        } catch (const std::exception &e) {
            QFAIL(qPrintable(context + QStringLiteral(": threw ") + QString::fromUtf8(e.what())));
        }
        if (result.ok()) {
            ++loaded;
            QVERIFY2(result.diagnostics.empty(), qPrintable(context));
            // Whatever loads must also save and load back to the same model.
            const std::string saved = writeTopology(*result.topology);
            const LoadResult again = readTopology(saved);
            QVERIFY2(again.ok() && *again.topology == *result.topology,
                     qPrintable(context + QLatin1Char('\n') + describeAll(again.diagnostics)
                                + QLatin1Char('\n') + QString::fromStdString(saved)));
            continue;
        }
        ++refused;
        QVERIFY2(!result.diagnostics.empty(), qPrintable(context));
        const int lines = int(text.count('\n')) + 1;
        for (const Diagnostic &d : result.diagnostics) {
            const QString shown = context + QStringLiteral(": ") + describe(d);
            QVERIFY2(d.location.line >= 1 && d.location.column >= 1, qPrintable(shown));
            QVERIFY2(d.location.line <= lines, qPrintable(shown));
            QVERIFY2(!d.code.empty() && !d.message.empty(), qPrintable(shown));
        }
    }
    qInfo("%d mutants loaded, %d refused, %lld ms", loaded, refused, total.elapsed());
    QVERIFY(loaded > 100);
    QVERIFY(refused > 1000);
}

QTEST_APPLESS_MAIN(TestYamlErrors)
#include "tst_yamlerrors.moc"
