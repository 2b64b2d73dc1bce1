#pragma once

#include "outcomestats.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <vector>

namespace topolab::app {

// A sweep's points as CSV, for a spreadsheet or a plotting script: one line per value with
// the means and the bounds of their 95 % intervals (availability as a share, failed requests
// per replication, p99 latency in ms), and the file written atomically.
class SweepCsv
{
    Q_DECLARE_TR_FUNCTIONS(SweepCsv)

public:
    struct Row
    {
        QString value; // as the file format writes it
        OutcomeStats stats;
    };

    static QString text(const QString &path, std::uint64_t seed, const std::vector<Row> &rows);
    // Replaces `path` with `text` through QSaveFile: a reader sees the old file or the new one,
    // never a part. False with *error naming the file when it cannot be written.
    static bool write(const QString &path, const QString &text, QString *error = nullptr);
};

} // namespace topolab::app
