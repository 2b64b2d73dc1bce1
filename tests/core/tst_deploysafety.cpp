// What keeps a deploy safe before any host is reached: every value that goes into a remote
// command is one literal shell word (checked by running the quoted words through /bin/sh), and
// secrets never reach a log, also when the output that holds them arrives in pieces.
#include "core/deploy/logredactor.h"
#include "core/deploy/shellquote.h"

#include <QProcess>
#include <QTest>

using namespace topolab::core;

namespace {

// Values a label, a path or a user name could hold that would break or subvert a command.
const std::vector<std::string> hostileValues = {
    "plain",
    "",
    "two words",
    "it's",
    "''",
    "\"double\"",
    "$(touch /tmp/topolab-pwned)",
    "`id`",
    "${HOME}",
    "a;rm -rf /",
    "a && b || c",
    "line\nbreak",
    "tab\there",
    "-rf",
    "--",
    "*",
    "~root",
    "#comment",
    "a=b",
    "back\\slash",
    "glob[ab]?",
    "<in >out 2>&1 |pipe",
    "émoji ✓ \x01\x7f",
    "\\'\\''",
};

// What /bin/sh makes of `printf '%s\0' WORD...`: the words as the program would receive them.
QList<QByteArray> wordsAfterTheShell(const std::string &quotedWords)
{
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QString::fromStdString("printf '%s\\0' " + quotedWords)});
    shell.waitForFinished(10000);
    QByteArray out = shell.readAllStandardOutput();
    QList<QByteArray> words = out.split('\0');
    words.removeLast(); // after the last terminator
    return words;
}

} // namespace

class TestDeploySafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotedValuesReachTheProgramLiterally()
    {
        for (const std::string &value : hostileValues) {
            const QList<QByteArray> words = wordsAfterTheShell(shellQuote(value));
            QCOMPARE(words.size(), qsizetype(1));
            QCOMPARE(words.first(), QByteArray::fromStdString(value));
        }
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/topolab-pwned")));
    }

    void commandsQuoteEveryWord()
    {
        const std::string command = shellCommand({"mv", "-f", "--", "a b.tmp", "it's"});
        QCOMPARE(command, std::string("mv -f -- 'a b.tmp' 'it'\\''s'"));
        std::string all;
        for (const std::string &value : hostileValues)
            all += shellQuote(value) + ' ';
        const QList<QByteArray> words = wordsAfterTheShell(all);
        QCOMPARE(words.size(), qsizetype(hostileValues.size()));
        for (std::size_t i = 0; i < hostileValues.size(); ++i)
            QCOMPARE(words[qsizetype(i)], QByteArray::fromStdString(hostileValues[i]));
    }

    void plainWordsStayReadable()
    {
        QCOMPARE(shellQuote("/etc/haproxy/haproxy.cfg"), std::string("/etc/haproxy/haproxy.cfg"));
        QCOMPARE(shellQuote("app-1"), std::string("app-1"));
        QCOMPARE(shellQuote("a=b"), std::string("'a=b'")); // not an assignment
        QCOMPARE(shellQuote(""), std::string("''"));
    }

    void aNulByteIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(UnquotableValue, shellQuote(std::string("a\0b", 3)));
    }

    void secretsAreMasked()
    {
        LogRedactor redactor;
        redactor.addSecret("s3cr3t-pass");
        redactor.addSecret("s3cr3t"); // inside the other: the longer one is hidden whole
        redactor.addSecret("");
        QCOMPARE(redactor.redact("user=app password=s3cr3t-pass; again s3cr3t."),
                 std::string("user=app password=[secret]; again [secret]."));
        QCOMPARE(redactor.redact("nothing here"), std::string("nothing here"));
        QVERIFY(LogRedactor().redact("s3cr3t") == "s3cr3t"); // no secrets known, nothing hidden
    }

    void secretsCutBetweenPiecesAreMasked()
    {
        LogRedactor redactor;
        redactor.addSecret("MARKER-7f3a9c");
        redactor.addSecret("MARK");
        const std::string text = "start MARKER-7f3a9c middle MARK end MARKER-7f3a9";
        // Every way of cutting the text in two, and one character at a time.
        for (std::size_t cut = 0; cut <= text.size(); ++cut) {
            StreamRedactor stream(redactor);
            std::string out = stream.feed(text.substr(0, cut));
            out += stream.feed(text.substr(cut));
            out += stream.finish();
            QCOMPARE(out, redactor.redact(text));
            QVERIFY(out.find("7f3a9c") == std::string::npos);
        }
        StreamRedactor bytes(redactor);
        std::string out;
        for (char c : text)
            out += bytes.feed(std::string_view(&c, 1));
        out += bytes.finish();
        QCOMPARE(out, std::string("start [secret] middle [secret] end [secret]ER-7f3a9"));
    }

    void streamShowsWhatCannotBeASecretAtOnce()
    {
        LogRedactor redactor;
        redactor.addSecret("hunter2");
        StreamRedactor stream(redactor);
        QCOMPARE(stream.feed("progress 10 %\n"), std::string("progress 10 %\n"));
        QCOMPARE(stream.feed("pass hun"), std::string("pass ")); // "hun" may be the secret
        QCOMPARE(stream.feed("ger\n"), std::string("hunger\n"));
        QCOMPARE(stream.finish(), std::string());
    }
};

QTEST_APPLESS_MAIN(TestDeploySafety)
#include "tst_deploysafety.moc"
