#include "canvaseditor.h"

#include "designscene.h"
#include "designview.h"

#include "freespot.h"

#include "designer/palettemimedata.h"
#include "document/clipboardfragment.h"
#include "document/elementgeometry.h"

#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QMap>
#include <QMimeData>

namespace topolab::app {

namespace {

// The middle of the fragment's layout boxes (components by centre, regions by area).
std::optional<QPointF> fragmentCentre(const QString &text)
{
    const auto fragment = ClipboardFragment::fromText(text.toStdString());
    if (!fragment || fragment->isEmpty())
        return std::nullopt;
    QRectF bounds;
    for (const auto &[id, box] : fragment->topology.layout) {
        if (fragment->contextRegions.count(id))
            continue;
        const bool region = fragment->topology.region(id) != nullptr;
        const QRectF rect = region ? QRectF(box.x, box.y, box.width, box.height)
                                   : QRectF(box.x - 1, box.y - 1, 2, 2);
        bounds = bounds.isNull() ? rect : bounds.united(rect);
    }
    if (bounds.isNull())
        return std::nullopt;
    return bounds.center();
}

} // namespace

QString CanvasEditor::mimeType()
{
    return QStringLiteral("application/x-topolab-fragment");
}

CanvasEditor::CanvasEditor(DesignScene *scene, DesignView *view, QObject *parent)
    : QObject(parent)
    , mScene(scene)
    , mView(view)
{
}

bool CanvasEditor::hasSelection() const
{
    return !mScene->selectedIds().isEmpty() || !mScene->selectedLinks().isEmpty();
}

bool CanvasEditor::clipboardHasFragment()
{
    const QMimeData *data = QApplication::clipboard()->mimeData();
    if (!data)
        return false;
    if (data->hasFormat(mimeType()))
        return true;
    return data->hasText() && ClipboardFragment::fromText(data->text().toStdString()).has_value();
}

QString CanvasEditor::fragmentText(const QStringList &ids) const
{
    const TopologyDocument *document = mScene->document();
    std::vector<std::string> list;
    for (const QString &id : ids)
        list.push_back(id.toStdString());
    ClipboardFragment fragment = ClipboardFragment::copy(document->topology(), list);
    if (fragment.isEmpty())
        return {};
    // Elements the file gives no position take the one the canvas shows.
    auto place = [&](const std::string &id, bool region) {
        if (fragment.topology.layout.count(id))
            return;
        const QRectF rect = mScene->elementRect(QString::fromStdString(id));
        if (rect.isEmpty())
            return;
        fragment.topology.layout[id]
            = region ? core::LayoutBox{rect.x(), rect.y(), rect.width(), rect.height()}
                     : core::LayoutBox{rect.center().x(), rect.center().y(), 0, 0};
    };
    for (const core::Region &region : fragment.topology.regions) {
        if (!fragment.contextRegions.count(region.id))
            place(region.id, true);
    }
    for (const core::Component &component : fragment.topology.components)
        place(component.id, false);
    return QString::fromStdString(fragment.toText());
}

void CanvasEditor::deleteSelection()
{
    const QStringList ids = mScene->selectedIds();
    const QList<QPair<QString, QString>> links = mScene->selectedLinks();
    if ((ids.isEmpty() && links.isEmpty()) || mScene->isReadOnly())
        return;
    TopologyDocument *document = mScene->document();
    QStringList deleted = ids;
    document->beginCompoundEdit(tr("Delete"));
    for (const auto &[from, to] : links) {
        // A link whose end goes anyway goes with it.
        if (ids.contains(from) || ids.contains(to))
            continue;
        if (document->disconnectComponents(from, to))
            deleted.append(tr("link %1 → %2").arg(from, to));
    }
    if (!ids.isEmpty())
        document->removeElements(ids);
    document->endCompoundEdit();
    Q_EMIT message(tr("Deleted %1").arg(deleted.join(QStringLiteral(", "))));
}

void CanvasEditor::copy()
{
    const QString text = fragmentText(mScene->selectedIds());
    if (text.isEmpty())
        return;
    auto *data = new QMimeData;
    data->setData(mimeType(), text.toUtf8());
    data->setText(text);
    QApplication::clipboard()->setMimeData(data);
    mLastPasted.clear();
    mCascade = 0;
}

void CanvasEditor::cut()
{
    if (mScene->isReadOnly())
        return;
    copy();
    deleteSelection();
}

QStringList CanvasEditor::pasteAt(const QString &text, const QPointF &centre)
{
    const auto middle = fragmentCentre(text);
    const QPointF offset = middle ? mScene->snapped(centre - *middle) : QPointF();
    TopologyDocument *document = mScene->document();
    document->beginCompoundEdit(tr("Paste"));
    mScene->freezeAutomaticPlacement();
    const QStringList ids = document->paste(text, offset);
    settleRegions(ids);
    document->endCompoundEdit();
    return ids;
}

void CanvasEditor::settleRegions(const QStringList &ids)
{
    // As with a drop from the palette, a copy belongs to the region it lands in: pasted under
    // the mouse in another region it joins that one, pasted outside every region it is in none,
    // rather than staying in a region it is drawn outside of. The members of a copied region
    // stay in the copy.
    TopologyDocument *document = mScene->document();
    QMap<QString, QStringList> joining; // region → components, "" = out of any region
    for (const QString &id : ids) {
        const core::Component *component = document->component(id);
        if (!component
            || core::regionPlacement(component->kind) == core::RegionPlacement::Forbidden)
            continue;
        const QString current = QString::fromStdString(component->region);
        if (ids.contains(current))
            continue;
        const QString target = mScene->regionAt(mScene->elementRect(id).center());
        if (target != current)
            joining[target].append(id);
    }
    for (auto it = joining.constBegin(); it != joining.constEnd(); ++it)
        document->setRegionOf(it.value(), it.key());
}

void CanvasEditor::paste()
{
    if (mScene->isReadOnly())
        return;
    const QMimeData *data = QApplication::clipboard()->mimeData();
    if (!data)
        return;
    const QString text
        = data->hasFormat(mimeType()) ? QString::fromUtf8(data->data(mimeType())) : data->text();
    const auto middle = fragmentCentre(text);
    if (!middle) {
        Q_EMIT message(tr("The clipboard holds no components to paste"));
        return;
    }
    // Under the mouse when it is over the canvas; from the keyboard, each paste of the same
    // clipboard steps down and right of the last, so copies never hide each other.
    const QPoint cursor = mView->viewport()->mapFromGlobal(QCursor::pos());
    QPointF centre;
    if (mView->viewport()->rect().contains(cursor)) {
        centre = mView->mapToScene(cursor);
    } else {
        mCascade = text == mLastPasted ? mCascade + 1 : 1;
        centre = *middle
                 + QPointF(TopologyDocument::duplicateOffset, TopologyDocument::duplicateOffset)
                       * mCascade;
    }
    mLastPasted = text;
    const QStringList ids = pasteAt(text, centre);
    if (!ids.isEmpty()) {
        mScene->selectIds(ids);
        Q_EMIT message(tr("Pasted %1").arg(ids.join(QStringLiteral(", "))));
    }
}

void CanvasEditor::duplicate()
{
    const QStringList selected = mScene->selectedIds();
    if (selected.isEmpty() || mScene->isReadOnly())
        return;
    TopologyDocument *document = mScene->document();
    document->beginCompoundEdit(tr("Duplicate"));
    mScene->freezeAutomaticPlacement();
    const QStringList ids = document->duplicate(selected);
    settleRegions(ids);
    document->endCompoundEdit();
    if (!ids.isEmpty()) {
        mScene->selectIds(ids);
        Q_EMIT message(tr("Duplicated as %1").arg(ids.join(QStringLiteral(", "))));
    }
}

void CanvasEditor::selectAll()
{
    const core::Topology &topology = mScene->document()->topology();
    QStringList ids;
    for (const core::Region &region : topology.regions)
        ids.append(QString::fromStdString(region.id));
    for (const core::Component &component : topology.components)
        ids.append(QString::fromStdString(component.id));
    mScene->selectIds(ids);
}

void CanvasEditor::align(TopologyDocument::Alignment alignment)
{
    const QStringList ids = mScene->selectedIds();
    if (ids.size() < 2 || mScene->isReadOnly()) {
        Q_EMIT message(tr("Select two or more elements to align them"));
        return;
    }
    TopologyDocument *document = mScene->document();
    document->beginCompoundEdit(tr("Align"));
    mScene->freezeAutomaticPlacement();
    document->align(ids, alignment, mScene->elementSizes(ids));
    document->endCompoundEdit();
}

void CanvasEditor::distribute(TopologyDocument::Distribution distribution)
{
    const QStringList ids = mScene->selectedIds();
    if (ids.size() < 3 || mScene->isReadOnly()) {
        Q_EMIT message(tr("Select three or more elements to distribute them"));
        return;
    }
    TopologyDocument *document = mScene->document();
    document->beginCompoundEdit(tr("Distribute"));
    mScene->freezeAutomaticPlacement();
    document->distribute(ids, distribution, mScene->elementSizes(ids));
    document->endCompoundEdit();
}

void CanvasEditor::autoLayout()
{
    if (mScene->isReadOnly())
        return;
    TopologyDocument *document = mScene->document();
    QStringList regions;
    for (const QString &id : mScene->selectedIds()) {
        QString region = id;
        if (const core::Component *component = document->component(id))
            region = QString::fromStdString(component->region);
        if (document->region(region) && !regions.contains(region))
            regions.append(region);
    }
    document->beginCompoundEdit(regions.isEmpty()
                                    ? tr("Arrange everything")
                                    : tr("Arrange %1").arg(regions.join(QStringLiteral(", "))));
    mScene->freezeAutomaticPlacement();
    if (regions.isEmpty()) {
        document->autoLayout();
    } else {
        for (const QString &region : std::as_const(regions))
            document->autoLayout(region);
    }
    document->endCompoundEdit();
}

void CanvasEditor::addKind(const QString &kind)
{
    // Near the middle of the view, beside what is already there; inside the region under the
    // middle, when there is one, unless the region is full.
    const QPointF centre = mView->visibleCentre();
    const bool region = kind == PaletteMimeData::regionKind();
    const QSizeF size
        = region ? QSizeF(ElementGeometry::defaultRegionWidth, ElementGeometry::defaultRegionHeight)
                 : QSizeF(ElementGeometry::defaultComponentWidth,
                          ElementGeometry::defaultComponentHeight);
    QList<QRectF> taken;
    const core::Topology &topology = mScene->document()->topology();
    for (const core::Component &component : topology.components)
        taken.append(mScene->elementRect(QString::fromStdString(component.id)));
    if (region) {
        for (const core::Region &other : topology.regions)
            taken.append(mScene->elementRect(QString::fromStdString(other.id)));
    }
    QPointF spot = FreeSpot::near(centre, size, taken, DesignScene::gridSize);
    // A region is placed by its top-left corner.
    if (region)
        spot -= QPointF(size.width() / 2, size.height() / 2);
    mScene->addFromPalette(kind, spot);
}

} // namespace topolab::app
