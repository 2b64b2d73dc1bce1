#pragma once

#include "../topologydocument.h"
#include "layoutboxescommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Lines up the selected components and regions on the left, right, top or bottom edge, or on
// the centre line, of the first-to-last extent of the selection. Owns the boxes before and
// after; regions carry their members along.
class AlignCommand : public LayoutBoxesCommand
{
    Q_DECLARE_TR_FUNCTIONS(AlignCommand)

public:
    AlignCommand(TopologyDocument *document, const QStringList &ids,
                 TopologyDocument::Alignment alignment, const QHash<QString, QSizeF> &sizes);

private:
    static QString textFor(TopologyDocument::Alignment alignment);
    static BoxChanges align(const core::Topology &topology, const QStringList &ids,
                            TopologyDocument::Alignment alignment,
                            const QHash<QString, QSizeF> &sizes);
};

} // namespace topolab::app
