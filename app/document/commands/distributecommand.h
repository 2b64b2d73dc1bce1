#pragma once

#include "../topologydocument.h"
#include "layoutboxescommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Spaces three or more selected components and regions evenly: the outermost two stay, the
// others get centres at equal steps between them (rounded to whole units), in their current
// order along the axis. Owns the boxes before and after; regions carry their members along.
class DistributeCommand : public LayoutBoxesCommand
{
    Q_DECLARE_TR_FUNCTIONS(DistributeCommand)

public:
    DistributeCommand(TopologyDocument *document, const QStringList &ids,
                      TopologyDocument::Distribution distribution,
                      const QHash<QString, QSizeF> &sizes);

private:
    static BoxChanges distribute(const core::Topology &topology, const QStringList &ids,
                                 TopologyDocument::Distribution distribution,
                                 const QHash<QString, QSizeF> &sizes);
};

} // namespace topolab::app
