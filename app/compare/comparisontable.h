#pragma once

#include "outcomestats.h"

#include <QCoreApplication>
#include <QString>

class QTableWidget;

namespace topolab::app {

// The summary numbers of two variants side by side in a table, with B − A: availability with
// its 95 % interval, failed requests and each cause that failed any, p99 latency, writes lost
// and the recovery time of the worst incident. Rows carry object-name-like keys in
// Qt::UserRole ("availability", "failed", "cause:dns_stale", "p99", "writesLost", "recovery")
// so that tests find them.
class ComparisonTable
{
    Q_DECLARE_TR_FUNCTIONS(ComparisonTable)

public:
    static void fill(QTableWidget *table, const OutcomeStats &a, const OutcomeStats &b);
    // The row of `key`, or -1.
    static int row(const QTableWidget *table, const QString &key);
};

} // namespace topolab::app
