#include "linkoverview.h"

#include "bandedfill.h"
#include "linkitem.h"

#include <QGraphicsScene>
#include <QPaintEngine>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>
#include <vector>

namespace topolab::app {

namespace {

constexpr int kindCount = int(core::LinkKind::Tunnel) + 1;

bool alongAnAxis(const QLineF &segment)
{
    return segment.dx() == 0 || segment.dy() == 0;
}

// Whole-pixel rectangles of one colour, each a run along a row or down a column, merged where
// runs on the same rows or columns overlap: the links of a fan share their trunks, and far out
// thousands of link segments cover the same few pixels.
class PixelRuns
{
public:
    void add(const QRect &rect)
    {
        if (rect.isEmpty())
            return;
        if (rect.height() > rect.width())
            mRuns.push_back({true, rect.left(), rect.width(), rect.top(), rect.bottom() + 1});
        else
            mRuns.push_back({false, rect.top(), rect.height(), rect.left(), rect.right() + 1});
    }

    // Calls fill(QRect) once per merged run.
    template<typename Fill>
    void fillMerged(Fill fill)
    {
        std::sort(mRuns.begin(), mRuns.end());
        std::size_t i = 0;
        while (i < mRuns.size()) {
            Run run = mRuns[i++];
            while (i < mRuns.size() && mRuns[i].sameLine(run) && mRuns[i].from <= run.to)
                run.to = std::max(run.to, mRuns[i++].to);
            fill(run.vertical ? QRect(run.across, run.from, run.thickness, run.to - run.from)
                              : QRect(run.from, run.across, run.to - run.from, run.thickness));
        }
    }

private:
    struct Run
    {
        bool vertical;
        int across;    // the column (vertical) or row where the run lies
        int thickness; // pixels across it
        int from;
        int to; // one past the end

        bool sameLine(const Run &other) const
        {
            return vertical == other.vertical && across == other.across
                   && thickness == other.thickness;
        }
        bool operator<(const Run &other) const
        {
            return std::tie(vertical, across, thickness, from)
                   < std::tie(other.vertical, other.across, other.thickness, other.from);
        }
    };
    std::vector<Run> mRuns;
};

} // namespace

LinkOverview::LinkOverview(const Links *links)
    : mLinks(links)
{
    // With the links, beneath the regions (see LinkItem).
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemHasNoContents);
    // For the exposed rectangle in paint().
    setFlag(ItemUsesExtendedStyleOption);
}

void LinkOverview::setActive(bool active)
{
    if (active == mActive)
        return;
    mActive = active;
    setFlag(ItemHasNoContents, !active);
    for (LinkItem *link : *mLinks)
        link->setDrawnBy(active ? this : nullptr);
}

void LinkOverview::setArea(const QRectF &area)
{
    if (area == mArea)
        return;
    prepareGeometryChange();
    mArea = area;
}

void LinkOverview::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF exposed = option->exposedRect.isEmpty() ? mArea : option->exposedRect;
    const QTransform &transform = painter->worldTransform();
    const qreal scale = QStyleOptionGraphicsItem::levelOfDetailFromTransform(transform);
    const bool raster
        = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (raster && scale < LinkItem::minimumDetailScale
        && transform.type() <= QTransform::TxScale) {
        paintHairlines(painter, exposed, scale);
        return;
    }
    // Near enough to see a link's form (another view of the scene than the one that made
    // this item active): each link as it draws itself.
    for (const LinkItem *link : *mLinks) {
        if (link->boundingRect().intersects(exposed))
            link->paintLink(painter, exposed, link->isSelected());
    }
}

void LinkOverview::paintHairlines(QPainter *painter, const QRectF &exposed, qreal scale) const
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    std::array<QPen, kindCount> pens;
    std::array<qreal, kindCount> halfWidths{}; // in scene units, for a whole number of pixels
    std::array<QList<QLineF>, kindCount> stroked;
    for (int k = 0; k < kindCount; ++k) {
        pens[k] = LinkItem::pen(core::LinkKind(k), palette);
        halfWidths[k] = std::max<qreal>(1, std::round(pens[k].widthF() * scale)) / 2 / scale;
    }
    paintHalos(painter, exposed, scale, palette.color(QPalette::Highlight));
    // Solid links across and down the view as whole-pixel rectangles (see LinkItem::paint);
    // dashed and slanted ones are stroked afterwards, one call per kind.
    std::array<PixelRuns, kindCount> runs;
    {
        BandedFill pixels(painter);
        for (const LinkItem *link : *mLinks) {
            if (!link->boundingRect().intersects(exposed))
                continue;
            const int k = int(link->kind());
            const bool solid = pens[k].style() == Qt::SolidLine;
            const qreal half = halfWidths[k];
            for (const QLineF &segment : link->segments()) {
                if (!solid || !alongAnAxis(segment)) {
                    stroked[k].append(segment);
                    continue;
                }
                const QRectF line = QRectF(segment.p1(), segment.p2()).normalized();
                runs[k].add(pixels.devicePixels(line.adjusted(-half, -half, half, half)).toRect());
            }
        }
        for (int k = 0; k < kindCount; ++k) {
            const QBrush brush(pens[k].color());
            runs[k].fillMerged([&](const QRect &rect) { pixels.fill(rect, brush); });
        }
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    for (int k = 0; k < kindCount; ++k) {
        if (stroked[k].isEmpty())
            continue;
        painter->setPen(pens[k]);
        painter->drawLines(stroked[k]);
    }
}

void LinkOverview::paintHalos(QPainter *painter, const QRectF &exposed, qreal scale,
                              QColor colour) const
{
    if (!scene())
        return;
    // Far out a line is a pixel wide; its halo is a few more, see-through, under it.
    colour.setAlphaF(0.45f);
    const qreal half = 3 / scale;
    QList<QLineF> slanted;
    {
        BandedFill pixels(painter);
        const QList<QGraphicsItem *> chosen = scene()->selectedItems();
        for (const QGraphicsItem *item : chosen) {
            const auto *link = qgraphicsitem_cast<const LinkItem *>(item);
            if (!link || !link->boundingRect().intersects(exposed))
                continue;
            for (const QLineF &segment : link->segments()) {
                if (!alongAnAxis(segment)) {
                    slanted.append(segment);
                    continue;
                }
                const QRectF line = QRectF(segment.p1(), segment.p2()).normalized();
                pixels.fill(pixels.devicePixels(line.adjusted(-half, -half, half, half)), colour);
            }
        }
    }
    if (slanted.isEmpty())
        return;
    QPen pen(colour, 6);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->drawLines(slanted);
}

} // namespace topolab::app
