#pragma once

#include "failurechip.h"

#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

namespace topolab::app {

class TopologyDocument;

// The scenario's scheduled failures on a time axis from 0 to the run's duration (seconds after
// the warm-up, as `at_s` counts): one row per failure, a bar from its start for its duration
// (to the end of the run when `for_s` is 0), coloured by mode and labelled with its target.
// Failure chips dropped on it add a failure at the snapped time under the drop; dragging a bar
// moves it in time, dragging its right edge changes its duration, each gesture one undo step
// (Escape cancels it); Delete removes the selected one, the arrow keys nudge it; hovering shows
// its details. Edits go through the document; refresh() re-reads it. Owns nothing but copies of
// the failures' times for painting.
class FailureTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit FailureTimeline(TopologyDocument *document, QWidget *parent = nullptr);

    // Re-reads the failures and the duration; keeps the selected failure when it still exists.
    void refresh();
    int failureCount() const { return int(mBars.size()); }
    int selectedFailure() const { return mSelected; } // -1: none
    void setSelectedFailure(int index);
    double duration() const { return mDuration; }

    // Geometry in widget coordinates, for painting, the tests and the drop.
    double xOf(double seconds) const;
    double timeAt(double x) const;
    QRectF barRect(int index) const;
    QRectF axisRect() const;
    // The step that drops and drags snap to at this width (about six pixels, on a round time).
    double snapStep() const;

    // What dropping a chip at `pos` does: adds its failure at the snapped time under `pos` and
    // selects it. Returns the refusal (no target for it) instead.
    std::optional<QString> dropChip(FailureChip::Kind kind, QPoint pos);
    // Adds a chip's failure at `at` seconds, with the chip's default target and a duration that
    // suits the run; selects it. Returns the refusal instead.
    std::optional<QString> addFailure(FailureChip::Kind kind, double at);
    bool removeSelected();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectionChanged(int index);
    void refused(const QString &reason);
    // A bar was double-clicked: its target, to be shown on the canvas.
    void targetActivated(const QString &id);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    // What a failure looks like on the axis.
    struct Bar
    {
        double at = 0;
        double length = 0; // 0: to the end of the run
        QString target;
        QString mode;
        double slowdown = 1;
        bool operator==(const Bar &) const = default;
    };
    enum class Grip { None, Body, RightEdge };

    int rowHeight() const;
    int rowTop(int index) const;
    int barAt(QPoint pos, Grip *grip = nullptr) const;
    double dropTime(double x, bool fine) const;
    // Sets the start and duration of failure `index` as a step of gesture `dragId`.
    void setTimes(int index, double at, double length, int dragId, const QString &text);
    void nudge(int steps);
    void endGesture();
    QString describe(const Bar &bar) const;
    void paintAxis(QPainter &p) const;
    void paintBar(QPainter &p, int index) const;

    QPointer<TopologyDocument> mDocument;
    std::vector<Bar> mBars;
    double mDuration = 3600;
    int mSelected = -1;
    // The gesture in progress.
    Grip mGrip = Grip::None;
    int mDragId = 0;
    QPoint mPressPos;
    double mGrabOffset = 0; // from the bar's start to the pressed time
    Bar mBefore;            // the bar as the gesture found it, for Escape
    // A chip being dragged over: where it would land.
    std::optional<double> mDropAt;
};

} // namespace topolab::app
