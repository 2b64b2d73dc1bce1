// The seeds of the random streams and the integer simulated time: what makes runs reproducible.
#include "sim/engine/simtime.h"
#include "sim/random/streamseed.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <string>

using namespace topolab::sim;

Q_DECLARE_METATYPE(std::uint64_t)

namespace {

struct SeedInputs
{
    std::uint64_t seed = 1;
    std::uint64_t replication = 0;
    std::string id = "app-1";
    std::string purpose = "service";

    std::uint64_t stream() const { return streamSeed(seed, replication, id, purpose); }
};

} // namespace

// Checks streamSeed, stableHash and mix64 against fixed vectors, and the SimTime conversions.
class TestStreamSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamSeedIsDeterministic();
    void streamSeedChangesWithEachInput_data();
    void streamSeedChangesWithEachInput();
    void streamSeedsDoNotCollide();
    void purposeDefaultsToEmpty();
    void stableHashMatchesFnv1a_data();
    void stableHashMatchesFnv1a();
    void mix64MatchesSplitMix64();
    void secondsRoundTrip_data();
    void secondsRoundTrip();
    void ticksRoundTrip_data();
    void ticksRoundTrip();
    void fromSecondsRoundsToNearest();
    void fromSecondsSaturates_data();
    void fromSecondsSaturates();
    void millisecondsMatchSeconds();
};

void TestStreamSeed::streamSeedIsDeterministic()
{
    const SeedInputs in;
    const std::uint64_t first = in.stream();
    for (int i = 0; i < 100; ++i)
        QCOMPARE(in.stream(), first);
    // Pinned (computed independently from the SplitMix64/FNV-1a chain): a change of the
    // derivation would silently change every simulation result, so it must show up here.
    QCOMPARE(first, std::uint64_t(0x6aa3768ce0a56f05ULL));
}

void TestStreamSeed::streamSeedChangesWithEachInput_data()
{
    QTest::addColumn<std::uint64_t>("seed");
    QTest::addColumn<std::uint64_t>("replication");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("purpose");

    const auto row = [](const char *name, std::uint64_t seed, std::uint64_t replication,
                        const char *id, const char *purpose) {
        QTest::newRow(name) << seed << replication << QString::fromUtf8(id)
                            << QString::fromUtf8(purpose);
    };
    row("seed+1", 2, 0, "app-1", "service");
    row("seed max", std::numeric_limits<std::uint64_t>::max(), 0, "app-1", "service");
    row("seed 0", 0, 0, "app-1", "service");
    row("replication+1", 1, 1, "app-1", "service");
    row("replication high bit", 1, 1ULL << 63, "app-1", "service");
    row("id one char", 1, 0, "app-2", "service");
    row("id case", 1, 0, "App-1", "service");
    row("id longer", 1, 0, "app-1 ", "service");
    row("id empty", 1, 0, "", "service");
    row("purpose", 1, 0, "app-1", "arrivals");
    row("purpose empty", 1, 0, "app-1", "");
    row("id and purpose swapped", 1, 0, "service", "app-1");
    row("text moved between id and purpose", 1, 0, "app-1s", "ervice");
}

void TestStreamSeed::streamSeedChangesWithEachInput()
{
    QFETCH(std::uint64_t, seed);
    QFETCH(std::uint64_t, replication);
    QFETCH(QString, id);
    QFETCH(QString, purpose);

    const SeedInputs reference;
    const std::uint64_t changed
        = streamSeed(seed, replication, id.toStdString(), purpose.toStdString());
    QVERIFY(changed != reference.stream());
    // The mix must reach far: one changed input flips about half of the 64 bits.
    const int flipped = std::popcount(changed ^ reference.stream());
    QVERIFY2(flipped >= 12 && flipped <= 52, qPrintable(QString::number(flipped)));
}

void TestStreamSeed::streamSeedsDoNotCollide()
{
    // Many components, replications and purposes of one run: every stream must differ.
    std::set<std::uint64_t> seen;
    int count = 0;
    for (std::uint64_t replication = 0; replication < 20; ++replication) {
        for (int component = 0; component < 50; ++component) {
            for (const char *purpose : {"service", "arrivals", "failures", ""}) {
                seen.insert(streamSeed(7, replication, "c" + std::to_string(component), purpose));
                ++count;
            }
        }
    }
    QCOMPARE(static_cast<int>(seen.size()), count);
}

void TestStreamSeed::purposeDefaultsToEmpty()
{
    QCOMPARE(streamSeed(3, 4, "db-1"), streamSeed(3, 4, "db-1", ""));
    QVERIFY(streamSeed(3, 4, "db-1") != streamSeed(3, 4, "db-1", "x"));
}

void TestStreamSeed::stableHashMatchesFnv1a_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<std::uint64_t>("expected");

    // Reference values of 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
    QTest::newRow("empty") << QByteArray() << std::uint64_t(0xcbf29ce484222325ULL);
    QTest::newRow("a") << QByteArray("a") << std::uint64_t(0xaf63dc4c8601ec8cULL);
    QTest::newRow("b") << QByteArray("b") << std::uint64_t(0xaf63df4c8601f1a5ULL);
    QTest::newRow("foobar") << QByteArray("foobar") << std::uint64_t(0x85944171f73967e8ULL);
    // Bytes above 0x7f hash as unsigned values, whatever the signedness of char.
    QTest::newRow("byte 0xff") << QByteArray("\xff") << std::uint64_t(0xaf64724c8602eb6eULL);
}

void TestStreamSeed::stableHashMatchesFnv1a()
{
    QFETCH(QByteArray, text);
    QFETCH(std::uint64_t, expected);
    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    QCOMPARE(stableHash(view), expected);
}

void TestStreamSeed::mix64MatchesSplitMix64()
{
    // The first outputs of SplitMix64 seeded with 0 and 1.
    QCOMPARE(mix64(0), std::uint64_t(0xe220a8397b1dcdafULL));
    QCOMPARE(mix64(1), std::uint64_t(0x910a2dec89025cc1ULL));
    QVERIFY(mix64(2) != mix64(1));
}

void TestStreamSeed::secondsRoundTrip_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<qint64>("nanoseconds");

    QTest::newRow("zero") << 0.0 << qint64(0);
    QTest::newRow("one ns") << 1e-9 << qint64(1);
    QTest::newRow("1.5 s") << 1.5 << qint64(1'500'000'000);
    QTest::newRow("20 ms") << 0.02 << qint64(20'000'000);
    QTest::newRow("one hour") << 3600.0 << qint64(3'600'000'000'000);
    QTest::newRow("negative") << -2.5 << qint64(-2'500'000'000);
    QTest::newRow("a week and a bit") << 604800.123456789 << qint64(604'800'123'456'789);
}

void TestStreamSeed::secondsRoundTrip()
{
    QFETCH(double, seconds);
    QFETCH(qint64, nanoseconds);
    QCOMPARE(qint64(fromSeconds(seconds)), nanoseconds);
    QCOMPARE(toSeconds(fromSeconds(seconds)), seconds);
}

void TestStreamSeed::ticksRoundTrip_data()
{
    QTest::addColumn<qint64>("ticks");
    QTest::newRow("0") << qint64(0);
    QTest::newRow("1") << qint64(1);
    QTest::newRow("-1") << qint64(-1);
    QTest::newRow("999999999") << qint64(999'999'999);
    QTest::newRow("123456789012") << qint64(123'456'789'012);
    QTest::newRow("1e15 - 1") << qint64(999'999'999'999'999);
}

void TestStreamSeed::ticksRoundTrip()
{
    QFETCH(qint64, ticks);
    QCOMPARE(qint64(fromSeconds(toSeconds(ticks))), ticks);
    QCOMPARE(qint64(fromMilliseconds(toMilliseconds(ticks))), ticks);
}

void TestStreamSeed::fromSecondsRoundsToNearest()
{
    QCOMPARE(qint64(fromSeconds(1.4e-9)), qint64(1));
    QCOMPARE(qint64(fromSeconds(1.6e-9)), qint64(2));
    QCOMPARE(qint64(fromSeconds(-1.6e-9)), qint64(-2));
    QCOMPARE(qint64(fromSeconds(0.4e-9)), qint64(0));
}

void TestStreamSeed::fromSecondsSaturates_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<qint64>("expected");

    const qint64 max = simTimeMax;
    QTest::newRow("1e300") << 1e300 << max;
    QTest::newRow("+inf") << std::numeric_limits<double>::infinity() << max;
    QTest::newRow("300 years") << 300.0 * 365 * 86400 << max;
    QTest::newRow("max as double") << double(simTimeMax) / 1e9 << max;
    QTest::newRow("-1e300") << -1e300 << -max;
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << -max;
    QTest::newRow("-300 years") << -300.0 * 365 * 86400 << -max;
    // Just inside the range: no saturation.
    QTest::newRow("200 years") << 200.0 * 365 * 86400 << qint64(6'307'200'000'000'000'000);
}

void TestStreamSeed::fromSecondsSaturates()
{
    QFETCH(double, seconds);
    QFETCH(qint64, expected);
    QCOMPARE(qint64(fromSeconds(seconds)), expected);
}

void TestStreamSeed::millisecondsMatchSeconds()
{
    QCOMPARE(fromMilliseconds(20), fromSeconds(0.02));
    QCOMPARE(qint64(fromMilliseconds(0.2)), qint64(200'000));
    QCOMPARE(toMilliseconds(millisecond * 7), 7.0);
    QCOMPARE(toMilliseconds(fromMilliseconds(1e30)), toMilliseconds(simTimeMax));
    QCOMPARE(qint64(second), qint64(1000) * millisecond);
    QCOMPARE(qint64(millisecond), qint64(1000) * microsecond);
    QCOMPARE(qint64(microsecond), qint64(1000) * nanosecond);
}

QTEST_APPLESS_MAIN(TestStreamSeed)
#include "tst_streamseed.moc"
