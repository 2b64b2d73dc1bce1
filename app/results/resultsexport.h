#pragma once

#include "simulation/simulationoutcome.h"

#include <QImage>
#include <QList>
#include <QString>

namespace topolab::app {

// Writes what a simulation found to a file, atomically (a failed write leaves an existing file
// alone): the whole result as JSON or its time series as CSV, exactly as `topolab-cli simulate
// --json/--csv` writes them, or a report as one self-contained HTML page with the charts as
// pictures inside it.
class ResultsExport
{
public:
    enum class Format { Html, Csv, Json };

    // The format a path's suffix names, if any.
    static bool formatFor(const QString &path, Format *format);
    static QString nameFilters();

    // Returns false with *error a sentence naming the file.
    static bool write(const QString &path, const SimulationOutcome &outcome,
                      const QList<QPair<QString, QImage>> &charts, const QString &title,
                      QString *error = nullptr);

    static QString html(const SimulationOutcome &outcome,
                        const QList<QPair<QString, QImage>> &charts, const QString &title);
};

} // namespace topolab::app
