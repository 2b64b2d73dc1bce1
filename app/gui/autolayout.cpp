#include "autolayout.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace topolab::app {

namespace {

using core::Component;
using core::ComponentKind;

constexpr qreal gapX = 40;
constexpr qreal gapY = 64;
constexpr qreal regionGap = 80;
constexpr qreal bandGap = 90;
constexpr int maxPerRow = 5;
constexpr int tierCount = 4;

// Rows inside a region, top to bottom, in the direction requests flow; the data tier shares a
// row so that every app server link reaches the next row down.
int tierOf(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Dns:
    case ComponentKind::LoadBalancer:
        return 0;
    case ComponentKind::AppServer:
        return 1;
    case ComponentKind::Database:
    case ComponentKind::ObjectStorage:
    case ComponentKind::SharedStorage:
    case ComponentKind::Vpn:
        return 2;
    case ComponentKind::Volume:
    case ComponentKind::Backup:
        return 3;
    }
    return 3;
}

QString qid(const std::string &id)
{
    return QString::fromStdString(id);
}

} // namespace

AutoLayout::AutoLayout(const core::Topology &topology, qreal componentWidth)
    : mTopology(topology)
    , mWidth(componentWidth)
    , mOrder(topology)
{
}

SceneGeometry AutoLayout::compute()
{
    collect();
    placeRegions();
    placeColumn();
    placeBand(mLoose.members, false);
    placeBand(mDns, true);
    return mGeometry;
}

void AutoLayout::collect()
{
    mRegionGroups.resize(mTopology.regions.size());
    for (const auto &c : mTopology.components) {
        if (auto it = mTopology.layout.find(c.id); it != mTopology.layout.end()) {
            QRectF cell(QPointF(0, 0), componentSize());
            cell.moveCenter(QPointF(it->second.x, it->second.y));
            mGeometry.components.insert(qid(c.id), cell);
            mHasExplicit = true;
            continue;
        }
        const auto region = std::find_if(mTopology.regions.begin(), mTopology.regions.end(),
                                         [&](const core::Region &r) { return r.id == c.region; });
        if (!c.region.empty() && region != mTopology.regions.end())
            mRegionGroups[std::size_t(region - mTopology.regions.begin())].members.push_back(&c);
        else if (c.kind == ComponentKind::Dns)
            mDns.push_back(&c);
        else
            mLoose.members.push_back(&c);
    }
    std::vector<int> autoRegions;
    for (std::size_t i = 0; i < mTopology.regions.size(); ++i) {
        if (mTopology.layout.count(mTopology.regions[i].id))
            mHasExplicit = true;
        else
            autoRegions.push_back(int(i));
    }
    // Services the app servers or databases of several regions share sit best between them.
    if (!autoRegions.empty()) {
        mColumnAfter = autoRegions[(autoRegions.size() + 1) / 2 - 1];
        const auto servesRegions = [this](const Component *c) {
            for (const QString &other : mOrder.neighbours(qid(c->id))) {
                const Component *n = mTopology.component(other.toStdString());
                if (n && !n->region.empty()
                    && (n->kind == ComponentKind::AppServer || n->kind == ComponentKind::Database))
                    return true;
            }
            return false;
        };
        const auto split = std::stable_partition(mLoose.members.begin(), mLoose.members.end(),
                                                 std::not_fn(servesRegions));
        mColumn.assign(split, mLoose.members.end());
        mLoose.members.erase(split, mLoose.members.end());
    }
    if (mColumn.empty())
        mColumnAfter = -1;

    mTierRows.assign(tierCount, 0);
    const auto countTiers = [this](const Group &group) {
        std::vector<int> count(tierCount, 0);
        for (const Component *c : group.members)
            ++count[std::size_t(tierOf(c->kind))];
        for (int t = 0; t < tierCount; ++t) {
            const int rows = (count[std::size_t(t)] + maxPerRow - 1) / maxPerRow;
            mTierRows[std::size_t(t)] = std::max(mTierRows[std::size_t(t)], rows);
        }
    };
    for (const Group &g : mRegionGroups)
        countTiers(g);
    if (mTopology.regions.empty())
        countTiers(mLoose);
}

void AutoLayout::layoutGrid(Group &group) const
{
    std::vector<std::vector<const Component *>> tiers(tierCount);
    for (const Component *c : group.members)
        tiers[std::size_t(tierOf(c->kind))].push_back(c);
    int widest = 0;
    for (const auto &tier : tiers)
        widest = std::max(widest, std::min(int(tier.size()), maxPerRow));
    group.grid.setWidth(widest ? widest * mWidth + (widest - 1) * gapX : 0);

    qreal y = 0;
    for (int t = 0; t < tierCount; ++t) {
        auto &tier = tiers[std::size_t(t)];
        mOrder.sort(tier, [&group](const QString &id) -> std::optional<qreal> {
            auto it = group.local.constFind(id);
            return it == group.local.constEnd() ? std::nullopt : std::optional(it->x());
        });
        for (std::size_t i = 0; i < tier.size(); ++i) {
            const std::size_t first = i / maxPerRow * maxPerRow;
            const std::size_t inRow = std::min<std::size_t>(maxPerRow, tier.size() - first);
            const qreal left = (group.grid.width() - qreal(inRow) * (mWidth + gapX) + gapX) / 2;
            group.local.insert(qid(tier[i]->id),
                               QPointF(left + qreal(i - first) * (mWidth + gapX),
                                       y + qreal(i / maxPerRow) * (componentHeight + gapY)));
        }
        y += mTierRows[std::size_t(t)] * (componentHeight + gapY);
    }
    group.grid.setHeight(std::max<qreal>(0, y - gapY));
}

void AutoLayout::placeRegions()
{
    QRectF explicitBounds;
    for (const QRectF &r : std::as_const(mGeometry.components))
        explicitBounds |= r;
    for (const auto &[id, box] : mTopology.layout) {
        if (mTopology.region(id))
            explicitBounds
                |= QRectF(box.x, box.y, std::max(box.width, 1.0), std::max(box.height, 1.0));
    }
    QPointF flow = mHasExplicit ? QPointF(explicitBounds.right() + regionGap, explicitBounds.top())
                                : QPointF(0, 0);

    if (mTopology.regions.empty()) {
        layoutGrid(mLoose);
        for (const Component *c : mLoose.members)
            mGeometry.components.insert(
                qid(c->id), QRectF(flow + mLoose.local.value(qid(c->id)), componentSize()));
        mLoose.members.clear();
        return;
    }

    qreal rowsHeight = 0;
    for (int rows : mTierRows)
        rowsHeight += rows * (componentHeight + gapY);
    const qreal gridHeight = std::max(componentHeight, rowsHeight - gapY);

    for (std::size_t i = 0; i < mTopology.regions.size(); ++i) {
        const core::Region &region = mTopology.regions[i];
        Group &group = mRegionGroups[i];
        layoutGrid(group);
        const QSizeF autoSize(std::max(group.grid.width(), mWidth) + 2 * regionPadding,
                              regionHeader + gridHeight + regionPadding);
        QRectF rect;
        if (auto it = mTopology.layout.find(region.id); it != mTopology.layout.end()) {
            const core::LayoutBox &box = it->second;
            rect = QRectF(box.x, box.y, box.width > 0 ? box.width : autoSize.width(),
                          box.height > 0 ? box.height : autoSize.height());
        } else {
            rect = QRectF(flow, autoSize);
            flow.rx() += autoSize.width() + regionGap;
            if (int(i) == mColumnAfter)
                flow.rx() += mWidth + 2 * gapX;
        }

        QRectF placed;
        for (const auto &c : mTopology.components) {
            if (c.region == region.id && mGeometry.components.contains(qid(c.id)))
                placed |= mGeometry.components.value(qid(c.id));
        }
        QPointF origin
            = rect.topLeft() + QPointF((rect.width() - group.grid.width()) / 2, regionHeader);
        if (!placed.isNull())
            origin.setY(std::max(origin.y(), placed.bottom() + gapY));
        QRectF content = placed;
        for (const Component *c : group.members) {
            const QRectF r(origin + group.local.value(qid(c->id)), componentSize());
            mGeometry.components.insert(qid(c->id), r);
            content |= r;
        }
        if (!content.isNull())
            rect |= content.adjusted(-regionPadding, -regionHeader, regionPadding, regionPadding);
        mGeometry.regions.insert(qid(region.id), rect);
    }
}

void AutoLayout::placeColumn()
{
    if (mColumnAfter < 0)
        return;
    const QRectF left
        = mGeometry.regions.value(qid(mTopology.regions[std::size_t(mColumnAfter)].id));
    const qreal x = left.right() + regionGap / 2 + gapX;
    const qreal top = left.top() + regionHeader;
    const qreal step = componentHeight + gapY;
    int rows = 0;
    for (int n : mTierRows)
        rows += n;
    std::vector<bool> taken(std::size_t(std::max(rows, 1)), false);
    const int last = int(taken.size()) - 1;

    std::vector<const Component *> overflow;
    for (const Component *c : mColumn) {
        // Level with the mean row of the components it serves, or the nearest free row.
        qreal sum = 0;
        int n = 0;
        for (const QString &other : mOrder.neighbours(qid(c->id))) {
            if (auto it = mGeometry.components.constFind(other);
                it != mGeometry.components.constEnd()) {
                sum += std::clamp((it->top() - top) / step, 0.0, qreal(last));
                ++n;
            }
        }
        const int wanted = n ? int(std::lround(sum / n)) : 0;
        int row = -1;
        for (int d = 0; d <= last && row < 0; ++d) {
            for (int candidate : {wanted + d, wanted - d}) {
                if (candidate >= 0 && candidate <= last && !taken[std::size_t(candidate)]) {
                    row = candidate;
                    break;
                }
            }
        }
        if (row < 0) {
            overflow.push_back(c);
            continue;
        }
        taken[std::size_t(row)] = true;
        mGeometry.components.insert(qid(c->id),
                                    QRectF(QPointF(x, top + row * step), componentSize()));
    }
    mLoose.members.insert(mLoose.members.end(), overflow.begin(), overflow.end());
}

NeighbourOrder::Position AutoLayout::placedX() const
{
    return [this](const QString &id) -> std::optional<qreal> {
        auto it = mGeometry.components.constFind(id);
        return it == mGeometry.components.constEnd() ? std::nullopt
                                                     : std::optional(it->center().x());
    };
}

void AutoLayout::placeBand(std::vector<const Component *> &members, bool above)
{
    if (members.empty())
        return;
    const QRectF bounds = contentBounds();
    mOrder.sort(members, placedX());
    const qreal step = componentHeight + gapY;
    const int rows = int(members.size() + maxPerRow - 1) / maxPerRow;
    const qreal centre = bounds.isNull() ? 0 : bounds.center().x();
    qreal y = bounds.isNull() ? 0
              : above         ? bounds.top() - bandGap - componentHeight - (rows - 1) * step
                              : bounds.bottom() + bandGap;
    for (std::size_t first = 0; first < members.size(); first += maxPerRow) {
        const std::size_t n = std::min<std::size_t>(maxPerRow, members.size() - first);
        qreal x = centre - (qreal(n) * mWidth + qreal(n - 1) * gapX) / 2;
        for (std::size_t i = first; i < first + n; ++i) {
            mGeometry.components.insert(qid(members[i]->id),
                                        QRectF(QPointF(x, y), componentSize()));
            x += mWidth + gapX;
        }
        y += step;
    }
}

QRectF AutoLayout::contentBounds() const
{
    QRectF bounds;
    for (const QRectF &r : mGeometry.components)
        bounds |= r;
    for (const QRectF &r : mGeometry.regions)
        bounds |= r;
    return bounds;
}

} // namespace topolab::app
