#include "resultsexport.h"

#include "document/stdstrings.h"

#include "core/io/atomicfile.h"
#include "core/simulation/resultjson.h"
#include "core/simulation/resultsummary.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

namespace topolab::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ResultsExport", text);
}

QString pngData(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

QString optionalSeconds(const std::optional<double> &moment, double start, const QLocale &locale)
{
    return moment ? QStringLiteral("+%1 s").arg(locale.toString(*moment - start, 'f', 1))
                  : QStringLiteral("–");
}

} // namespace

bool ResultsExport::formatFor(const QString &path, Format *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("html") || suffix == QStringLiteral("htm"))
        *format = Format::Html;
    else if (suffix == QStringLiteral("csv"))
        *format = Format::Csv;
    else if (suffix == QStringLiteral("json"))
        *format = Format::Json;
    else
        return false;
    return true;
}

QString ResultsExport::nameFilters()
{
    return tr("Report with charts (*.html);;Time series (*.csv);;Whole result (*.json)");
}

QString ResultsExport::html(const SimulationOutcome &outcome,
                            const QList<QPair<QString, QImage>> &charts, const QString &title)
{
    const sim::SimulationResult &r = outcome.result;
    const QLocale locale;
    QString page;
    page += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
                           "<style>body{font-family:sans-serif;margin:2em;color:#222}"
                           "td,th{padding:2px 10px;text-align:right}th{text-align:left}"
                           "img{max-width:100%;display:block;margin:1em 0}</style></head><body>\n")
                .arg(title.toHtmlEscaped());
    page += QStringLiteral("<h1>%1</h1>\n").arg(title.toHtmlEscaped());
    page += QStringLiteral("<p>%1</p>\n")
                .arg(tr("%1 replication(s) of %2 s after a %3 s warm-up, seed %4")
                         .arg(r.replications)
                         .arg(locale.toString(r.durationSeconds, 'f', 0),
                              locale.toString(r.warmupSeconds, 'f', 0))
                         .arg(r.seed)
                         .toHtmlEscaped());
    page += QStringLiteral("<table>\n");
    const auto row = [&page](const QString &name, const QString &value) {
        page += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Availability"), locale.toString(r.availability * 100, 'f', 3) + QStringLiteral(" %"));
    row(tr("Requests offered"),
        locale.toString(qulonglong(r.requests.ok + r.requests.failed + r.requests.inFlight)));
    row(tr("Failed requests"), locale.toString(qulonglong(r.requests.failed)));
    row(tr("Latency p99"),
        locale.toString(double(r.latency.quantile(0.99)) / 1e6, 'f', 1) + QStringLiteral(" ms"));
    row(tr("Writes lost"), locale.toString(qulonglong(r.data.writesLost)));
    page += QStringLiteral("</table>\n");
    for (const auto &[name, image] : charts)
        page += QStringLiteral("<h2>%1</h2>\n<img alt=\"%1\" src=\"%2\">\n")
                    .arg(name.toHtmlEscaped(), pngData(image));
    if (!r.incidents.empty()) {
        page += QStringLiteral("<h2>%1</h2>\n<table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                               "<th>%6</th><th>%7</th><th>%8</th><th>%9</th></tr>\n")
                    .arg(tr("Incidents"), tr("replication"), tr("at"), tr("target"), tr("kind"),
                         tr("detected"), tr("DNS updated"), tr("recovered"), tr("failed requests"));
        for (const sim::Incident &i : r.incidents) {
            page += QStringLiteral("<tr><td>%1</td><td>%2 s</td><td>%3</td><td>%4</td><td>%5</td>"
                                   "<td>%6</td><td>%7</td><td>%8</td></tr>\n")
                        .arg(i.replication)
                        .arg(locale.toString(i.atSeconds, 'f', 0),
                             toQString(i.target).toHtmlEscaped(), toQString(i.kind).toHtmlEscaped(),
                             optionalSeconds(i.detectedSeconds, i.atSeconds, locale),
                             optionalSeconds(i.dnsUpdatedSeconds, i.atSeconds, locale),
                             optionalSeconds(i.recoveredSeconds, i.atSeconds, locale),
                             locale.toString(qulonglong(i.failedRequests)));
        }
        page += QStringLiteral("</table>\n");
    }
    page += QStringLiteral("<h2>%1</h2>\n<pre>%2</pre>\n</body></html>\n")
                .arg(tr("Full report"),
                     toQString(core::simulationSummaryText(r, outcome.model)).toHtmlEscaped());
    return page;
}

bool ResultsExport::write(const QString &path, const SimulationOutcome &outcome,
                          const QList<QPair<QString, QImage>> &charts, const QString &title,
                          QString *error)
{
    Format format;
    if (!formatFor(path, &format)) {
        if (error)
            *error = tr("%1: name the file .html, .csv or .json to say what to write").arg(path);
        return false;
    }
    std::string text;
    switch (format) {
    case Format::Html:
        text = html(outcome, charts, title).toStdString();
        break;
    case Format::Csv:
        text = core::simulationCsv(outcome.result);
        break;
    case Format::Json:
        text = core::simulationResultJson(outcome.result, outcome.model).dump(2) + '\n';
        break;
    }
    const std::string problem = core::writeFileAtomically(path.toStdString(), text);
    if (!problem.empty() && error)
        *error = toQString(problem);
    return problem.empty();
}

} // namespace topolab::app
