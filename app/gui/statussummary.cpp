#include "statussummary.h"

#include "viewerdocument.h"

namespace topolab::app {

StatusSummary::StatusSummary(const ViewerDocument &document, QWidget *parent)
    : QLabel(parent)
    , mDocument(document)
{
    setContentsMargins(6, 0, 6, 0);
    refresh();
}

void StatusSummary::refresh()
{
    // Spelled out rather than "%n item(s)": no English translation file is shipped.
    const auto count = [](qsizetype n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    const core::Topology *topology = mDocument.topology();
    if (!topology) {
        setText(mDocument.loadFailed()
                    ? tr("Could not open the file: %1")
                          .arg(count(mDocument.errorCount(), tr("1 error"), tr("%1 errors")))
                    : tr("No topology open"));
        return;
    }
    const QString separator = QStringLiteral("  ·  ");
    setText(count(qsizetype(topology->components.size()), tr("1 component"), tr("%1 components"))
            + separator + count(qsizetype(topology->links.size()), tr("1 link"), tr("%1 links"))
            + separator + count(mDocument.errorCount(), tr("1 error"), tr("%1 errors")) + separator
            + count(mDocument.warningCount(), tr("1 warning"), tr("%1 warnings")));
}

} // namespace topolab::app
