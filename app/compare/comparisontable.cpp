#include "comparisontable.h"

#include "results/resultsdock.h"

#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

#include <cmath>

namespace topolab::app {

namespace {

// Whether a larger value is better, for the colour of the difference.
enum class Better { Higher, Lower };

QString signedNumber(double value, int decimals, const QLocale &locale)
{
    const QString digits = locale.toString(std::abs(value), 'f', decimals);
    if (digits == locale.toString(0.0, 'f', decimals))
        return digits;
    return (value > 0 ? QStringLiteral("+") : QStringLiteral("−")) + digits;
}

// "−4,000 (−32 %)": a count's change, and relative to A when A is not 0.
QString countChange(double a, double b, const QLocale &locale)
{
    QString text = signedNumber(b - a, 0, locale);
    if (a > 0 && b != a)
        text += QStringLiteral(" (%1 %)").arg(signedNumber(100 * (b - a) / a, 0, locale));
    return text;
}

class Rows
{
public:
    explicit Rows(QTableWidget *table)
        : mTable(table)
    {
    }

    void add(const QString &key, const QString &title, const QString &a, const QString &b,
             const QString &change, double delta, Better better, const QString &tip = {})
    {
        const int row = mTable->rowCount();
        mTable->insertRow(row);
        auto *name = new QTableWidgetItem(title);
        name->setData(Qt::UserRole, key);
        mTable->setItem(row, 0, name);
        const QString texts[] = {a, b, change};
        for (int column = 1; column <= 3; ++column) {
            auto *item = new QTableWidgetItem(texts[column - 1]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!tip.isEmpty())
                item->setToolTip(tip);
            mTable->setItem(row, column, item);
        }
        if (delta != 0 && std::isfinite(delta)) {
            const bool improved = better == Better::Higher ? delta > 0 : delta < 0;
            mTable->item(row, 3)->setForeground(improved ? QColor(0x2e, 0x7d, 0x32)
                                                         : QColor(0xc6, 0x28, 0x28));
        }
    }

private:
    QTableWidget *mTable;
};

QString recovery(const OutcomeStats &s, const QLocale &locale)
{
    if (s.worstIncident.empty())
        return ComparisonTable::tr("no incident");
    const QString what = QString::fromStdString(s.worstIncident);
    if (!s.worstRecoveryS)
        return ComparisonTable::tr("not before the end (%1)").arg(what);
    return ComparisonTable::tr("%1 s (%2)").arg(locale.toString(*s.worstRecoveryS, 'f', 0), what);
}

} // namespace

void ComparisonTable::fill(QTableWidget *table, const OutcomeStats &a, const OutcomeStats &b)
{
    const QLocale locale;
    table->setRowCount(0);
    table->setColumnCount(4);
    table->setHorizontalHeaderLabels({tr("Measure"), tr("A"), tr("B"), tr("B − A")});
    Rows rows(table);

    const auto percent = [&](double share, int decimals) {
        return locale.toString(share * 100, 'f', decimals);
    };
    const auto availability = [&](const OutcomeStats &s) {
        return tr("%1 % (%2–%3)")
            .arg(percent(s.availability, 3), percent(s.availabilityCi.low, 3),
                 percent(s.availabilityCi.high, 3));
    };
    const double availabilityDelta = (b.availability - a.availability) * 100;
    rows.add(QStringLiteral("availability"), tr("Availability (95 % interval)"), availability(a),
             availability(b), tr("%1 points").arg(signedNumber(availabilityDelta, 3, locale)),
             availabilityDelta, Better::Higher,
             tr("Requests answered of those sent; the interval spans the replications' values"));

    const auto count = [&](std::uint64_t n) {
        return locale.toString(qulonglong(n));
    };
    rows.add(QStringLiteral("failed"), tr("Failed requests"), count(a.failed), count(b.failed),
             countChange(double(a.failed), double(b.failed), locale),
             double(b.failed) - double(a.failed), Better::Lower, tr("All replications together"));
    for (std::size_t c = 0; c < sim::failureCauseCount; ++c) {
        const std::uint64_t x = a.failedByCause[c];
        const std::uint64_t y = b.failedByCause[c];
        if (x == 0 && y == 0)
            continue;
        const std::string_view name = sim::failureCauseNames[c];
        rows.add(QStringLiteral("cause:")
                     + QString::fromLatin1(name.data(), qsizetype(name.size())),
                 QStringLiteral("    ") + ResultsDock::causeTitle(c), count(x), count(y),
                 countChange(double(x), double(y), locale), double(y) - double(x), Better::Lower);
    }

    const auto ms = [&](double value) {
        return locale.toString(value, 'f', 1) + QStringLiteral(" ms");
    };
    rows.add(QStringLiteral("p99"), tr("Latency p99"), ms(a.p99Ms), ms(b.p99Ms),
             signedNumber(b.p99Ms - a.p99Ms, 1, locale) + QStringLiteral(" ms"), b.p99Ms - a.p99Ms,
             Better::Lower, tr("Successful requests, all replications"));
    rows.add(QStringLiteral("writesLost"), tr("Writes lost"), count(a.writesLost),
             count(b.writesLost), countChange(double(a.writesLost), double(b.writesLost), locale),
             double(b.writesLost) - double(a.writesLost), Better::Lower);

    QString change = QStringLiteral("–");
    double delta = 0;
    if (a.worstRecoveryS && b.worstRecoveryS) {
        delta = *b.worstRecoveryS - *a.worstRecoveryS;
        change = signedNumber(delta, 0, locale) + QStringLiteral(" s");
    }
    rows.add(QStringLiteral("recovery"), tr("Worst incident: recovered after"), recovery(a, locale),
             recovery(b, locale), change, delta, Better::Lower,
             tr("The incident with the most failed requests, from its start until requests "
                "succeed again"));

    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
}

int ComparisonTable::row(const QTableWidget *table, const QString &key)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->data(Qt::UserRole).toString() == key)
            return row;
    }
    return -1;
}

} // namespace topolab::app
