#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QString>

namespace topolab::app {

class ComponentItem;
class RegionItem;
class ViewerDocument;

// The canvas contents for the document's current file. Rebuilds itself from the document on
// every load; owns the items and an index from component and region ids to them. Shows a
// short hint instead when there is nothing to draw.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit TopologyScene(const ViewerDocument &document, QObject *parent = nullptr);

    ComponentItem *componentItem(const QString &id) const { return mComponents.value(id); }
    // The item of a component or, failing that, of a region with this id.
    QGraphicsItem *elementItem(const QString &id) const;
    // Only the topology's items, without the margin around them.
    QRectF contentRect() const { return mContentRect; }
    int linkCount() const { return mLinkCount; }

    void rebuild();

private:
    void showHint(const QString &text);

    const ViewerDocument &mDocument;
    QHash<QString, ComponentItem *> mComponents;
    QHash<QString, RegionItem *> mRegions;
    QRectF mContentRect;
    int mLinkCount = 0;
};

} // namespace topolab::app
