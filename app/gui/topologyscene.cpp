#include "topologyscene.h"

#include "componentitem.h"
#include "linkitem.h"
#include "regionitem.h"
#include "scenebuilder.h"
#include "viewerdocument.h"

#include <QApplication>
#include <QGraphicsTextItem>
#include <QKeySequence>
#include <QTextDocument>
#include <QTextOption>

namespace topolab::app {

TopologyScene::TopologyScene(const ViewerDocument &document, QObject *parent)
    : QGraphicsScene(parent)
    , mDocument(document)
{
    setItemIndexMethod(BspTreeIndex);
    rebuild();
}

QGraphicsItem *TopologyScene::elementItem(const QString &id) const
{
    if (ComponentItem *item = mComponents.value(id))
        return item;
    return mRegions.value(id);
}

void TopologyScene::rebuild()
{
    clear();
    mComponents.clear();
    mRegions.clear();
    mContentRect = QRectF();
    mLinkCount = 0;

    const core::Topology *topology = mDocument.topology();
    if (!topology) {
        showHint(
            mDocument.loadFailed()
                ? tr("Could not open %1.\nThe problems are listed under Issues.")
                      .arg(mDocument.fileName())
                : tr("No topology open.\nUse File › Open… (%1) to view a *.topolab.yaml file.")
                      .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
        return;
    }
    if (topology->components.empty() && topology->regions.empty()) {
        showHint(tr("%1 has no components yet.").arg(mDocument.fileName()));
        return;
    }

    SceneItems items = SceneBuilder(font()).build(*topology, mDocument.diagnostics());
    for (auto &region : items.regions) {
        mRegions.insert(region->id(), region.get());
        addItem(region.release());
    }
    for (auto &component : items.components) {
        mComponents.insert(component->id(), component.get());
        addItem(component.release());
    }
    mLinkCount = int(items.links.size());
    for (auto &link : items.links)
        addItem(link.release());

    mContentRect = itemsBoundingRect();
    constexpr qreal margin = 30;
    setSceneRect(mContentRect.adjusted(-margin, -margin, margin, margin));
}

void TopologyScene::showHint(const QString &text)
{
    auto *hint = new QGraphicsTextItem;
    hint->document()->setDefaultTextOption(QTextOption(Qt::AlignCenter));
    hint->setPlainText(text);
    hint->setDefaultTextColor(palette().color(QPalette::PlaceholderText));
    QFont hintFont = font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.2);
    hint->setFont(hintFont);
    hint->setTextWidth(hint->boundingRect().width());
    addItem(hint);
    hint->setPos(-hint->boundingRect().center());
    mContentRect = hint->sceneBoundingRect();
    setSceneRect(mContentRect.adjusted(-40, -40, 40, 40));
}

} // namespace topolab::app
