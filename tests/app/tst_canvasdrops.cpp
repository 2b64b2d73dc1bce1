// Dropping on the canvas: a palette entry dragged with the mouse (a real QDrag started on the
// palette's list, its payload then delivered to the canvas in the same window) lands at the
// drop point snapped to the grid and inside the region there when its kind may live in one; a
// region entry adds a region. Topology files dropped on the canvas are handed on.

#include "canvastesthelpers.h"

#include "designer/palettedock.h"
#include "designer/palettemimedata.h"
#include "designer/paletteview.h"
#include "document/elementgeometry.h"

#include "core/model/componentkind.h"

#include <QDrag>
#include <QGraphicsRectItem>
#include <QHBoxLayout>
#include <QMimeData>
#include <QSignalSpy>
#include <QTreeWidgetItem>
#include <QUrl>

#include <functional>
#include <memory>

using namespace topolab;
using namespace topolab::app;
using namespace canvastest;

namespace {

// The palette beside the canvas in one window, as the designer shows them.
class PaletteAndCanvas
{
public:
    explicit PaletteAndCanvas(const QString &path)
        : view(&scene)
    {
        if (!path.isEmpty())
            opened = document.open(path).empty();
        auto *layout = new QHBoxLayout(&window);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(&palette);
        layout->addWidget(&view, 1);
        palette.setFixedWidth(240);
        window.resize(1440, 800);
        window.show();
        exposed = QTest::qWaitForWindowExposed(&window);
        view.resetZoom();
        view.centerOn(scene.contentRect().center());
        document.undoStack()->clear();
    }

    bool ready() const { return opened && exposed; }
    QPoint at(const QPointF &scenePos) const { return view.mapFromScene(scenePos); }

    // Starts a drag of the palette entry of `kind` with the mouse and returns a copy of what
    // the QDrag carries, or null when no drag started.
    //
    // The offscreen platform's drag (QOffscreenDrag) ends every QDrag::exec() at once without
    // running a drag loop, so a real drag can start but never reach the canvas here. The
    // drag object lives on until the event loop deletes it: its payload is taken from it
    // right after the move that started it.
    std::unique_ptr<QMimeData> startPaletteDrag(const QString &kind,
                                                Qt::DropActions *actions = nullptr)
    {
        PaletteView *list = palette.view();
        QTreeWidgetItem *item = palette.itemForKind(kind);
        if (!item)
            return nullptr;
        // The last drag's object, if still there, is not this one's.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        list->scrollToItem(item);
        const QPoint press = list->visualItemRect(item).center();
        QTest::mousePress(list->viewport(), Qt::LeftButton, {}, press);
        QDrag *drag = nullptr;
        for (int i = 1; i <= 4 && !drag; ++i) {
            moveTo(list->viewport(), press + QPoint(8 * i, 2 * i), Qt::LeftButton);
            drag = list->findChild<QDrag *>();
        }
        std::unique_ptr<QMimeData> data;
        if (drag && drag->mimeData()) {
            data = std::make_unique<QMimeData>();
            for (const QString &format : drag->mimeData()->formats())
                data->setData(format, drag->mimeData()->data(format));
            if (actions)
                *actions = drag->supportedActions();
        }
        QTest::mouseRelease(list->viewport(), Qt::LeftButton, {}, press + QPoint(32, 8));
        return data;
    }

    // The rest of the drag as the platform's drag loop delivers it to the canvas's viewport:
    // enter, moves towards `scenePos`, then drop there. Returns whether the canvas accepted
    // the drop; `hovering` is called before the drop.
    bool dropOnCanvas(const QMimeData *data, const QPointF &scenePos,
                      const std::function<void()> &hovering = {})
    {
        QWidget *target = view.viewport();
        const QPoint drop = at(scenePos);
        const QPoint entry = drop + QPoint(90, 60);
        QDragEnterEvent enter(entry, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        for (int i = 1; i <= 3; ++i) {
            QDragMoveEvent move(entry + (drop - entry) * i / 3, Qt::CopyAction, data,
                                Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(target, &move);
            if (!move.isAccepted())
                return false;
        }
        if (hovering)
            hovering();
        QDropEvent dropEvent(drop, Qt::CopyAction, data, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        return dropEvent.isAccepted() && dropEvent.dropAction() == Qt::CopyAction;
    }

    // A palette entry dragged by the mouse and dropped at `scenePos`.
    bool dragFromPalette(const QString &kind, const QPointF &scenePos)
    {
        const std::unique_ptr<QMimeData> data = startPaletteDrag(kind);
        return data && dropOnCanvas(data.get(), scenePos);
    }

    QWidget window;
    PaletteDock palette;
    TopologyDocument document;
    DesignScene scene{&document};
    DesignView view;
    bool opened = true;
    bool exposed = false;
};

QStringList ids(const TopologyDocument &document)
{
    QStringList list;
    for (const core::Region &region : document.topology().regions)
        list.append(QString::fromStdString(region.id));
    for (const core::Component &component : document.topology().components)
        list.append(QString::fromStdString(component.id));
    return list;
}

// The one id `after` has that `before` lacks.
QString added(const QStringList &before, const QStringList &after)
{
    QStringList fresh;
    for (const QString &id : after) {
        if (!before.contains(id))
            fresh.append(id);
    }
    return fresh.size() == 1 ? fresh.front() : QString();
}

QGraphicsRectItem *ghost(const DesignScene &scene)
{
    for (QGraphicsItem *item : scene.items()) {
        if (item->type() == QGraphicsRectItem::Type)
            return static_cast<QGraphicsRectItem *>(item);
    }
    return nullptr;
}

} // namespace

class TestCanvasDrops : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mouseDragOnPaletteStartsKindDrag();
    void dropLandsSnappedInTheRegionThere_data();
    void dropLandsSnappedInTheRegionThere();
    void regionEntryAddsRegion();
    void readOnlyCanvasRefusesDrops();
    void topologyFilesAreHandedOn();
};

void TestCanvasDrops::mouseDragOnPaletteStartsKindDrag()
{
    PaletteAndCanvas window(examplePath(QStringLiteral("single-region")));
    QVERIFY(window.ready());
    const QByteArray saved = bytes(window.document);
    Qt::DropActions actions;
    const std::unique_ptr<QMimeData> data
        = window.startPaletteDrag(QStringLiteral("app_server"), &actions);
    QVERIFY(data);
    QCOMPARE(PaletteMimeData::decode(data.get()), QStringLiteral("app_server"));
    QCOMPARE(data->text(), QStringLiteral("app_server"));
    QCOMPARE(actions, Qt::DropActions(Qt::CopyAction));

    // Over the canvas, a ghost shows where the box lands: centred on the grid point nearest
    // the mouse; the region there is marked.
    QPointF ghostAt;
    QVERIFY(window.dropOnCanvas(data.get(), QPointF(533, 594), [&] {
        if (QGraphicsRectItem *item = ghost(window.scene))
            ghostAt = item->sceneBoundingRect().center();
    }));
    QCOMPARE(ghostAt, QPointF(540, 600));
    QVERIFY(!ghost(window.scene)); // gone with the drop
    QCOMPARE(window.document.undoStack()->count(), 1);

    // A drag that leaves the canvas again adds nothing and takes its ghost along.
    window.document.undoStack()->undo();
    QDragEnterEvent enter(window.at(QPointF(300, 300)), Qt::CopyAction, data.get(), Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(window.view.viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(ghost(window.scene));
    QDragLeaveEvent leave;
    QApplication::sendEvent(window.view.viewport(), &leave);
    QVERIFY(!ghost(window.scene));
    QCOMPARE(bytes(window.document), saved);

    // Something that is not a palette entry is refused on entry.
    QMimeData text;
    text.setText(QStringLiteral("app_server"));
    QDragEnterEvent stranger(window.at(QPointF(300, 300)), Qt::CopyAction, &text, Qt::LeftButton,
                             Qt::NoModifier);
    QApplication::sendEvent(window.view.viewport(), &stranger);
    QVERIFY(!stranger.isAccepted());
    QVERIFY(!ghost(window.scene));
}

void TestCanvasDrops::dropLandsSnappedInTheRegionThere_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QPointF>("dropAt");
    QTest::addColumn<QPointF>("centre");
    QTest::addColumn<QString>("region");

    // nyc1 spans 20, 150 to 860, 720; between the database row (y 480 to 540) and the
    // volume row (620 to 680) there is room.
    QTest::newRow("app server in nyc1") << QStringLiteral("app_server") << QPointF(527, 586)
                                        << QPointF(520, 580) << QStringLiteral("nyc1");
    QTest::newRow("object storage in nyc1") << QStringLiteral("object_storage") << QPointF(133, 592)
                                            << QPointF(140, 600) << QStringLiteral("nyc1");
    QTest::newRow("object storage outside")
        << QStringLiteral("object_storage") << QPointF(1011, 309) << QPointF(1020, 300)
        << QString();
    QTest::newRow("dns outside") << QStringLiteral("dns") << QPointF(1011, 309)
                                 << QPointF(1020, 300) << QString();
    // DNS never lives in a region, even dropped inside one.
    QTest::newRow("dns in nyc1") << QStringLiteral("dns") << QPointF(527, 586) << QPointF(520, 580)
                                 << QString();
    // A kind that must live in a region may still be put down outside, for now.
    QTest::newRow("database outside")
        << QStringLiteral("database") << QPointF(1011, 309) << QPointF(1020, 300) << QString();
}

void TestCanvasDrops::dropLandsSnappedInTheRegionThere()
{
    QFETCH(QString, kind);
    QFETCH(QPointF, dropAt);
    QFETCH(QPointF, centre);
    QFETCH(QString, region);

    PaletteAndCanvas window(examplePath(QStringLiteral("single-region")));
    QVERIFY(window.ready());
    const QStringList before = ids(window.document);
    const QByteArray saved = bytes(window.document);
    QSignalSpy messages(&window.scene, &DesignScene::message);

    QVERIFY(window.dragFromPalette(kind, dropAt));
    const QString id = added(before, ids(window.document));
    QVERIFY2(!id.isEmpty(), qPrintable(ids(window.document).join(QLatin1Char(' '))));
    const core::Component *component = window.document.component(id);
    QVERIFY(component);
    const std::string_view name = core::kindName(component->kind);
    QCOMPARE(QString::fromUtf8(name.data(), qsizetype(name.size())), kind);
    QCOMPARE(QString::fromStdString(component->region), region);
    const auto box = window.document.layoutBox(id);
    QVERIFY(box);
    QCOMPARE(QPointF(box->x, box->y), centre);
    QCOMPARE(window.scene.elementRect(id).center(), centre);
    QCOMPARE(window.scene.selectedIds(), QStringList{id});
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.at(0).at(0).toString().startsWith(QStringLiteral("Added ") + id));

    // One step, undone to the saved bytes.
    QCOMPARE(window.document.undoStack()->count(), 1);
    const QByteArray after = bytes(window.document);
    window.document.undoStack()->undo();
    QCOMPARE(bytes(window.document), saved);
    QVERIFY(!window.scene.componentItem(id));
    window.document.undoStack()->redo();
    QCOMPARE(bytes(window.document), after);
}

void TestCanvasDrops::regionEntryAddsRegion()
{
    PaletteAndCanvas window(examplePath(QStringLiteral("single-region")));
    QVERIFY(window.ready());
    const QStringList before = ids(window.document);
    const QByteArray saved = bytes(window.document);

    QVERIFY(window.dragFromPalette(QStringLiteral("region"), QPointF(951, 189)));
    const QString id = added(before, ids(window.document));
    QVERIFY(window.document.region(id));
    QCOMPARE(window.document.topology().regions.size(), std::size_t(2));
    // Its top-left corner on the grid point nearest the drop.
    const auto box = window.document.layoutBox(id);
    QVERIFY(box);
    QCOMPARE(QRectF(box->x, box->y, box->width, box->height),
             QRectF(960, 180, ElementGeometry::defaultRegionWidth,
                    ElementGeometry::defaultRegionHeight));
    QCOMPARE(window.scene.elementRect(id), QRectF(960, 180, ElementGeometry::defaultRegionWidth,
                                                  ElementGeometry::defaultRegionHeight));
    QCOMPARE(window.scene.selectedIds(), QStringList{id});
    QVERIFY(window.document.componentsInRegion(id).isEmpty());

    QCOMPARE(window.document.undoStack()->count(), 1);
    const QByteArray after = bytes(window.document);
    window.document.undoStack()->undo();
    QCOMPARE(bytes(window.document), saved);
    window.document.undoStack()->redo();
    QCOMPARE(bytes(window.document), after);

    // An app server dropped into the new region joins it.
    const QStringList withRegion = ids(window.document);
    QVERIFY(window.dragFromPalette(QStringLiteral("app_server"), QPointF(1100, 300)));
    const QString app = added(withRegion, ids(window.document));
    QVERIFY(window.document.component(app));
    QCOMPARE(QString::fromStdString(window.document.component(app)->region), id);
}

void TestCanvasDrops::readOnlyCanvasRefusesDrops()
{
    PaletteAndCanvas window(examplePath(QStringLiteral("single-region")));
    QVERIFY(window.ready());
    window.scene.setReadOnly(true);
    const QByteArray saved = bytes(window.document);
    const std::unique_ptr<QMimeData> data = window.startPaletteDrag(QStringLiteral("app_server"));
    QVERIFY(data);
    QVERIFY(!window.dropOnCanvas(data.get(), QPointF(520, 580)));
    QCOMPARE(bytes(window.document), saved);
    QCOMPARE(window.document.undoStack()->count(), 0);
}

void TestCanvasDrops::topologyFilesAreHandedOn()
{
    // A file dragged from a file manager comes from another process, which QDrag cannot
    // stand in for: the drag events are sent to the viewport as the window system would.
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    QSignalSpy dropped(&canvas.view, &DesignView::filesDropped);
    const QByteArray saved = bytes(canvas.document);
    const QString file = examplePath(QStringLiteral("multi-region"));

    QMimeData data;
    data.setUrls(
        {QUrl::fromLocalFile(file), QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt"))});
    const QPoint pos = canvas.at(QPointF(400, 400));
    QDragEnterEvent enter(pos, Qt::CopyAction, &data, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::CopyAction, &data, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &data, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &drop);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toStringList(), QStringList{file});
    QCOMPARE(bytes(canvas.document), saved);

    // Other files are not taken.
    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt"))});
    QDragEnterEvent refused(pos, Qt::CopyAction, &text, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &refused);
    QVERIFY(!refused.isAccepted());
    QCOMPARE(dropped.size(), 1);
}

QTEST_MAIN(TestCanvasDrops)
#include "tst_canvasdrops.moc"
