#pragma once

// What the canvas suites share: a document on a shown, editable canvas, and mouse gestures
// delivered to its viewport as the window system delivers them.

#include "canvas/designscene.h"
#include "canvas/designview.h"
#include "document/topologydocument.h"
#include "gui/componentitem.h"
#include "gui/regionitem.h"

#include <QApplication>
#include <QFile>
#include <QMouseEvent>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace canvastest {

using namespace topolab::app;

inline QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

inline QByteArray bytes(const TopologyDocument &document)
{
    return QByteArray::fromStdString(document.serialized());
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Moves the mouse with `buttons` held. QTest::mouseMove carries the buttons QTest pressed but
// never the keyboard modifiers, so the event is built here, as QTest builds it.
inline void moveTo(QWidget *widget, QPoint pos, Qt::MouseButtons buttons,
                   Qt::KeyboardModifiers modifiers = {})
{
    QMouseEvent event(QEvent::MouseMove, pos, widget->mapToGlobal(pos), Qt::NoButton, buttons,
                      modifiers);
    QApplication::sendEvent(widget, &event);
}

// A drag with one button: press at `from`, moves in `steps` equal steps, release at `to`.
// Several steps, as a hand gives them: a gesture starts only past the drag distance.
inline void drag(QWidget *widget, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {},
                 Qt::MouseButton button = Qt::LeftButton, int steps = 6)
{
    QTest::mousePress(widget, button, modifiers, from);
    for (int i = 1; i <= steps; ++i)
        moveTo(widget, from + (to - from) * i / steps, button, modifiers);
    QTest::mouseRelease(widget, button, modifiers, to);
}

// A document on an editable canvas, 1200 × 800 at 100 %, shown and exposed.
class Canvas
{
public:
    explicit Canvas(const QString &path = {})
    {
        if (!path.isEmpty())
            mOpenErrors = int(document.open(path).size());
        view.resize(1200, 800);
        view.show();
        mExposed = QTest::qWaitForWindowExposed(&view);
        view.setFocus();
        view.resetZoom();
        view.centerOn(scene.contentRect().center());
        document.undoStack()->clear();
    }

    // Whether the file opened and the view is on screen.
    bool ready() const { return mExposed && mOpenErrors == 0; }

    QWidget *viewport() const { return view.viewport(); }
    QUndoStack *undo() const { return document.undoStack(); }

    // Scene to viewport coordinates. The points below are scene points.
    QPoint at(const QPointF &scenePos) const { return view.mapFromScene(scenePos); }
    QRectF rectOf(const QString &id) const { return scene.elementRect(id); }
    QPointF centreOf(const QString &id) const { return rectOf(id).center(); }
    // The knob on a component's right edge that links are dragged from.
    QPointF handleOf(const QString &id) const
    {
        const ComponentItem *item = scene.componentItem(id);
        return item->mapToScene(item->handleRect().center());
    }
    // The bottom-right resize grip of a selected region.
    QPointF gripOf(const QString &id) const
    {
        const RegionItem *item = scene.regionItem(id);
        return item->mapToScene(item->gripRect().center());
    }
    void click(const QPointF &scenePos, Qt::KeyboardModifiers modifiers = {}) const
    {
        QTest::mouseClick(viewport(), Qt::LeftButton, modifiers, at(scenePos));
    }
    // A point on a region's header, which belongs to the region rather than to its members.
    QPointF headerOf(const QString &id) const
    {
        const QRectF rect = rectOf(id);
        return QPointF(rect.center().x(), rect.top() + 12);
    }
    // Drags from the scene point `from` by `travel` scene units, whatever the zoom.
    void dragBy(const QPointF &from, const QPointF &travel,
                Qt::KeyboardModifiers modifiers = {}) const
    {
        drag(viewport(), at(from), at(from + travel), modifiers);
    }

    TopologyDocument document;
    DesignScene scene{&document};
    DesignView view{&scene};

private:
    int mOpenErrors = 0;
    bool mExposed = false;
};

// The gesture just done was one undo step on top of `stepsBefore`, which took the document
// from `before` to what it is now; undo restores `before` byte for byte and redo the edit.
inline void verifyOneStep(const Canvas &canvas, const QByteArray &before, int stepsBefore = 0)
{
    const QByteArray after = bytes(canvas.document);
    QVERIFY(after != before);
    QCOMPARE(canvas.undo()->count(), stepsBefore + 1);
    QCOMPARE(canvas.undo()->index(), stepsBefore + 1);
    canvas.undo()->undo();
    QCOMPARE(bytes(canvas.document), before);
    canvas.undo()->redo();
    QCOMPARE(bytes(canvas.document), after);
}

} // namespace canvastest
