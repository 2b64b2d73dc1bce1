#include "sweepcsv.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace topolab::app {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

// A field as CSV writes it: quoted when it holds a separator, a quote or a line break.
QString field(QString text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\""))
           + QLatin1Char('"');
}

} // namespace

QString SweepCsv::text(const QString &path, std::uint64_t seed, const std::vector<Row> &rows)
{
    // A sweep over years counts failed requests per simulated year and has no latencies; one
    // over the scenario has no downtime per year. What a mode does not measure stays empty.
    const bool overYears = !rows.empty() && rows.front().stats.years > 0;
    QString out = QStringLiteral("parameter,value,replications,seed,availability,availability_low,"
                                 "availability_high,")
                  + (overYears ? QStringLiteral("failed_per_year,")
                               : QStringLiteral("failed_per_replication,"))
                  + QStringLiteral("failed_low,failed_high,p99_ms,p99_low_ms,p99_high_ms,years,"
                                   "failures,down_min_per_year,down_low,down_high\n");
    const auto measured = [](bool yes, double value) {
        return yes ? number(value) : QString();
    };
    for (const Row &row : rows) {
        const OutcomeStats &s = row.stats;
        const QStringList fields = {
            field(path),
            field(row.value),
            QString::number(s.replications),
            QString::number(seed),
            number(s.availabilityCi.mean),
            number(s.availabilityCi.low),
            number(s.availabilityCi.high),
            number(s.failedCi.mean),
            number(s.failedCi.low),
            number(s.failedCi.high),
            measured(!overYears, s.p99Ci.mean),
            measured(!overYears, s.p99Ci.low),
            measured(!overYears, s.p99Ci.high),
            number(s.years),
            QString::number(s.failures),
            measured(overYears, s.downMinPerYearCi.mean),
            measured(overYears, s.downMinPerYearCi.low),
            measured(overYears, s.downMinPerYearCi.high),
        };
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

bool SweepCsv::write(const QString &path, const QString &text, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString shown = QDir::toNativeSeparators(path);
    if (path.trimmed().isEmpty())
        return fail(tr("Name a file to write the sweep to."));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(tr("Cannot write %1: it is a folder.").arg(shown));
    if (!info.absoluteDir().exists())
        return fail(tr("Cannot write %1: the folder %2 does not exist.")
                        .arg(shown, QDir::toNativeSeparators(info.absolutePath())));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(tr("Cannot write %1: %2").arg(shown, file.errorString()));
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(tr("Cannot write %1: %2").arg(shown, file.errorString()));
    return true;
}

} // namespace topolab::app
