#include "movecommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

namespace {

QString moveText(const std::map<std::string, QPointF> &positions)
{
    if (positions.size() == 1)
        return MoveCommand::tr("Move %1").arg(toQString(positions.begin()->first));
    return MoveCommand::tr("Move %n elements", nullptr, static_cast<int>(positions.size()));
}

} // namespace

MoveCommand::MoveCommand(TopologyDocument *document,
                         const std::map<std::string, QPointF> &positions, int dragId)
    : LayoutBoxesCommand(document, moveText(positions), movesTo(document->topology(), positions),
                         mergeId, dragId)
{
}

} // namespace topolab::app
