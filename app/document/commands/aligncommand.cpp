#include "aligncommand.h"

#include "../elementgeometry.h"
#include "../stdstrings.h"

#include <algorithm>

namespace topolab::app {

AlignCommand::AlignCommand(TopologyDocument *document, const QStringList &ids,
                           TopologyDocument::Alignment alignment,
                           const QHash<QString, QSizeF> &sizes)
    : LayoutBoxesCommand(document, textFor(alignment),
                         align(document->topology(), ids, alignment, sizes))
{
}

QString AlignCommand::textFor(TopologyDocument::Alignment alignment)
{
    using A = TopologyDocument::Alignment;
    switch (alignment) {
    case A::Left:
        return tr("Align left");
    case A::HorizontalCentre:
        return tr("Align centres horizontally");
    case A::Right:
        return tr("Align right");
    case A::Top:
        return tr("Align top");
    case A::VerticalCentre:
        return tr("Align centres vertically");
    case A::Bottom:
        return tr("Align bottom");
    }
    return tr("Align");
}

BoxChanges AlignCommand::align(const core::Topology &topology, const QStringList &ids,
                               TopologyDocument::Alignment alignment,
                               const QHash<QString, QSizeF> &sizes)
{
    std::map<std::string, QRectF> rects;
    for (const QString &id : ids) {
        if (auto rect = ElementGeometry::rect(topology, toStd(id), sizes))
            rects.emplace(toStd(id), *rect);
    }
    if (rects.size() < 2)
        return {};
    QRectF extent;
    for (const auto &[id, rect] : rects)
        extent = extent.isNull() ? rect : extent.united(rect);

    using A = TopologyDocument::Alignment;
    std::map<std::string, QPointF> positions;
    for (auto [id, rect] : rects) {
        switch (alignment) {
        case A::Left:
            rect.moveLeft(extent.left());
            break;
        case A::HorizontalCentre:
            rect.moveCenter(QPointF(extent.center().x(), rect.center().y()));
            break;
        case A::Right:
            rect.moveRight(extent.right());
            break;
        case A::Top:
            rect.moveTop(extent.top());
            break;
        case A::VerticalCentre:
            rect.moveCenter(QPointF(rect.center().x(), extent.center().y()));
            break;
        case A::Bottom:
            rect.moveBottom(extent.bottom());
            break;
        }
        positions.emplace(id, ElementGeometry::position(topology, id, rect));
    }
    return movesTo(topology, positions);
}

} // namespace topolab::app
