#include "failuretimeline.h"

#include "timeaxis.h"

#include "designer/palettecatalog.h"
#include "document/topologydocument.h"

#include "core/model/schemas.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

constexpr int sideMargin = 18; // room for the first and last tick labels
constexpr int edgeGrip = 5;    // pixels either side of a bar's right edge that resize it
constexpr double tickGap = 76; // pixels at least between two time labels

double runDuration(const core::Topology &topology)
{
    const core::ParamSet defaults(core::scenarioSchema());
    return (topology.scenario ? topology.scenario->params : defaults).number("duration_s");
}

// Times are kept to the millisecond, as a person would write them.
double rounded(double seconds)
{
    return std::round(seconds * 1000) / 1000;
}

} // namespace

FailureTimeline::FailureTimeline(TopologyDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
{
    setObjectName(QStringLiteral("failureTimeline"));
    setAccessibleName(tr("Failure timeline"));
    setAcceptDrops(true);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    refresh();
}

void FailureTimeline::refresh()
{
    std::optional<Bar> selected;
    if (mSelected >= 0 && mSelected < failureCount())
        selected = mBars[std::size_t(mSelected)];
    const std::size_t count = mBars.size();
    mBars.clear();
    mDuration = 3600;
    if (mDocument) {
        const core::Topology &t = mDocument->topology();
        mDuration = std::max(runDuration(t), 0.001);
        if (t.scenario) {
            for (const core::ScheduledFailure &f : t.scenario->failures) {
                const core::ParamSet &p = f.params;
                mBars.push_back(Bar{p.number("at_s"), p.number("for_s"),
                                    QString::fromStdString(p.text("target")),
                                    QString::fromStdString(p.text("mode")), p.number("slowdown")});
            }
        }
    }
    // The selection stays on its failure: by place while the list keeps its length (a bar being
    // dragged changes), else wherever that failure went.
    int index = mSelected;
    if (mBars.size() != count && selected) {
        const auto it = std::find(mBars.begin(), mBars.end(), *selected);
        if (it != mBars.end())
            index = int(it - mBars.begin());
    }
    if (index >= failureCount())
        index = failureCount() - 1;
    updateGeometry();
    update();
    setSelectedFailure(index);
}

void FailureTimeline::setSelectedFailure(int index)
{
    if (index < -1 || index >= failureCount())
        index = -1;
    if (index == mSelected)
        return;
    mSelected = index;
    update();
    Q_EMIT selectionChanged(index);
}

// ---- Geometry

QRectF FailureTimeline::axisRect() const
{
    return QRectF(0, 0, width(), fontMetrics().height() + 10);
}

int FailureTimeline::rowHeight() const
{
    return std::max(24, fontMetrics().height() + 12);
}

int FailureTimeline::rowTop(int index) const
{
    return int(axisRect().bottom()) + 4 + index * rowHeight();
}

double FailureTimeline::xOf(double seconds) const
{
    const double plot = std::max(1, width() - 2 * sideMargin);
    return sideMargin + seconds / mDuration * plot;
}

double FailureTimeline::timeAt(double x) const
{
    const double plot = std::max(1, width() - 2 * sideMargin);
    return (x - sideMargin) / plot * mDuration;
}

QRectF FailureTimeline::barRect(int index) const
{
    if (index < 0 || index >= failureCount())
        return {};
    const Bar &bar = mBars[std::size_t(index)];
    const double top = rowTop(index) + 4;
    const double height = rowHeight() - 8;
    if (bar.at >= mDuration) // after the end: a stub at the end of the axis
        return QRectF(xOf(mDuration) - 4, top, 10, height);
    const double end = bar.length > 0 ? std::min(bar.at + bar.length, mDuration) : mDuration;
    const double left = xOf(bar.at);
    return QRectF(left, top, std::max(6.0, xOf(end) - left), height);
}

double FailureTimeline::snapStep() const
{
    const double perPixel = mDuration / std::max(1, width() - 2 * sideMargin);
    return TimeAxis::niceStep(perPixel * 6);
}

int FailureTimeline::barAt(QPoint pos, Grip *grip) const
{
    for (int i = 0; i < failureCount(); ++i) {
        const QRectF bar = barRect(i);
        const QRectF row(0, rowTop(i), width(), rowHeight());
        if (!row.contains(pos) || pos.x() < bar.left() - 2 || pos.x() > bar.right() + edgeGrip)
            continue;
        if (grip) {
            const bool onEdge = std::abs(pos.x() - bar.right()) <= edgeGrip
                                && mBars[std::size_t(i)].at < mDuration;
            *grip = onEdge ? Grip::RightEdge : Grip::Body;
        }
        return i;
    }
    return -1;
}

double FailureTimeline::dropTime(double x, bool fine) const
{
    const double step = fine ? TimeAxis::niceStep(snapStep() / 6) : snapStep();
    const double latest = std::max(0.0, mDuration - step);
    return rounded(std::clamp(TimeAxis::snap(timeAt(x), step), 0.0, latest));
}

QSize FailureTimeline::sizeHint() const
{
    return {600, rowTop(failureCount() + 1) + 4};
}

QSize FailureTimeline::minimumSizeHint() const
{
    return {240, rowTop(std::max(failureCount() + 1, 2)) + 4};
}

// ---- Edits

void FailureTimeline::setTimes(int index, double at, double length, int dragId, const QString &text)
{
    if (!mDocument || index < 0)
        return;
    mDocument->editSections(
        text,
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario || index >= int(s.scenario->failures.size()))
                return std::string("the failure is gone");
            core::ParamSet &p = s.scenario->failures[std::size_t(index)].params;
            if (auto refusal = p.set("at_s", rounded(at)))
                return refusal;
            return p.set("for_s", rounded(length));
        },
        dragId);
}

std::optional<QString> FailureTimeline::dropChip(FailureChip::Kind kind, QPoint pos)
{
    return addFailure(kind, dropTime(pos.x(), false));
}

std::optional<QString> FailureTimeline::addFailure(FailureChip::Kind kind, double at)
{
    if (!mDocument)
        return QString();
    const QString target = FailureChip::defaultTarget(mDocument->topology(), kind);
    if (target.isEmpty()) {
        const QString reason = FailureChip::missingTarget(kind);
        Q_EMIT refused(reason);
        return reason;
    }
    // A twelfth of the run on a round time: five minutes of an hour.
    double length = TimeAxis::niceStep(mDuration / 12);
    if (at + length > mDuration)
        length = mDuration - at >= snapStep() ? rounded(mDuration - at) : 0;
    core::ScheduledFailure failure = FailureChip::make(kind, target, rounded(at), length);
    const auto refusal = mDocument->editSections(
        tr("Add failure of %1 at %2").arg(target, TimeAxis::duration(at)),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario)
                s.scenario = core::Scenario{core::ParamSet(core::scenarioSchema()), {}, {}};
            s.scenario->failures.push_back(failure);
            return std::nullopt;
        });
    if (refusal) {
        Q_EMIT refused(*refusal);
        return refusal;
    }
    refresh();
    setSelectedFailure(failureCount() - 1);
    return std::nullopt;
}

bool FailureTimeline::removeSelected()
{
    if (!mDocument || mSelected < 0)
        return false;
    const int index = mSelected;
    const auto refusal = mDocument->editSections(
        tr("Remove failure of %1").arg(mBars[std::size_t(index)].target),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario || index >= int(s.scenario->failures.size()))
                return std::string("the failure is gone");
            s.scenario->failures.erase(s.scenario->failures.begin() + index);
            return std::nullopt;
        });
    return !refusal;
}

void FailureTimeline::nudge(int steps)
{
    if (mSelected < 0)
        return;
    const Bar &bar = mBars[std::size_t(mSelected)];
    const double step = snapStep();
    const double at = std::clamp(TimeAxis::snap(bar.at, step) + steps * step, 0.0,
                                 std::max(0.0, mDuration - step));
    if (at != bar.at)
        setTimes(mSelected, at, bar.length, 0, tr("Move failure of %1").arg(bar.target));
}

void FailureTimeline::endGesture()
{
    mGrip = Grip::None;
    mDragId = 0;
    unsetCursor();
}

// ---- Mouse and keys

void FailureTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    Grip grip = Grip::None;
    const int index = barAt(event->position().toPoint(), &grip);
    setSelectedFailure(index);
    if (index >= 0) {
        mGrip = grip;
        mDragId = 0;
        mPressPos = event->position().toPoint();
        mBefore = mBars[std::size_t(index)];
        mGrabOffset = timeAt(event->position().x()) - mBefore.at;
    }
    event->accept();
}

void FailureTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (mGrip == Grip::None || !(event->buttons() & Qt::LeftButton) || mSelected < 0) {
        Grip grip = Grip::None;
        const int index = barAt(pos, &grip);
        if (index < 0)
            unsetCursor();
        else
            setCursor(grip == Grip::RightEdge ? Qt::SizeHorCursor : Qt::OpenHandCursor);
        return;
    }
    if (mDragId == 0) {
        if ((pos - mPressPos).manhattanLength() < QApplication::startDragDistance() || !mDocument)
            return;
        mDragId = mDocument->newDragId();
        setCursor(mGrip == Grip::RightEdge ? Qt::SizeHorCursor : Qt::ClosedHandCursor);
    }
    const bool fine = event->modifiers() & Qt::ShiftModifier;
    if (mGrip == Grip::Body) {
        const double at = dropTime(xOf(timeAt(pos.x()) - mGrabOffset), fine);
        setTimes(mSelected, at, mBefore.length, mDragId,
                 tr("Move failure of %1").arg(mBefore.target));
    } else {
        const double step = fine ? TimeAxis::niceStep(snapStep() / 6) : snapStep();
        const double end = TimeAxis::snap(timeAt(pos.x()), step);
        // Past the end of the run: until the end, whatever the run's duration becomes.
        const double length = end >= mDuration - step / 2 ? 0 : std::max(step, end - mBefore.at);
        setTimes(mSelected, mBefore.at, length, mDragId,
                 tr("Change duration of failure of %1").arg(mBefore.target));
    }
}

void FailureTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && mGrip != Grip::None) {
        endGesture();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void FailureTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int index = barAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index >= 0) {
        Q_EMIT targetActivated(mBars[std::size_t(index)].target);
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void FailureTimeline::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        if (mDragId != 0 && mSelected >= 0) {
            // Back to where the gesture began: the merged step then changes nothing and goes.
            setTimes(mSelected, mBefore.at, mBefore.length, mDragId, QString());
            endGesture();
        } else {
            setSelectedFailure(-1);
        }
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (mSelected >= 0 && mGrip == Grip::None) {
            removeSelected();
            return;
        }
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (mSelected >= 0 && mGrip == Grip::None) {
            nudge(event->key() == Qt::Key_Left ? -1 : 1);
            return;
        }
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (failureCount() > 0) {
            const int step = event->key() == Qt::Key_Up ? -1 : 1;
            setSelectedFailure(std::clamp(mSelected + step, 0, failureCount() - 1));
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void FailureTimeline::contextMenuEvent(QContextMenuEvent *event)
{
    const int index = barAt(event->pos());
    QMenu menu(this);
    if (index >= 0) {
        setSelectedFailure(index);
        const Bar bar = mBars[std::size_t(index)];
        QAction *untilEnd = menu.addAction(tr("Last Until the End of the Run"), this, [=, this] {
            setTimes(index, bar.at, 0, 0, tr("Change duration of failure of %1").arg(bar.target));
        });
        untilEnd->setEnabled(bar.length > 0);
        menu.addSeparator();
        menu.addAction(tr("Remove Failure"), this, [this] { removeSelected(); });
    } else {
        const double at = dropTime(event->pos().x(), false);
        QMenu *add = menu.addMenu(tr("Add at %1").arg(TimeAxis::duration(at)));
        for (FailureChip::Kind kind : FailureChip::all())
            add->addAction(FailureChip::title(kind), this, [=, this] { addFailure(kind, at); });
    }
    menu.exec(event->globalPos());
}

void FailureTimeline::leaveEvent(QEvent *event)
{
    if (mGrip == Grip::None)
        unsetCursor();
    QWidget::leaveEvent(event);
}

// ---- Chips dropped on the axis

void FailureTimeline::dragEnterEvent(QDragEnterEvent *event)
{
    dragMoveEvent(event); // an entering drag is a move that shows where the chip would land
}

void FailureTimeline::dragMoveEvent(QDragMoveEvent *event)
{
    if (!FailureChip::fromMimeData(event->mimeData())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    mDropAt = dropTime(event->position().x(), false);
    update();
}

void FailureTimeline::dragLeaveEvent(QDragLeaveEvent *event)
{
    mDropAt.reset();
    update();
    QWidget::dragLeaveEvent(event);
}

void FailureTimeline::dropEvent(QDropEvent *event)
{
    mDropAt.reset();
    update();
    const auto kind = FailureChip::fromMimeData(event->mimeData());
    if (!kind) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    dropChip(*kind, event->position().toPoint());
    setFocus(Qt::OtherFocusReason);
}

// ---- Tooltips

bool FailureTimeline::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const int index = barAt(help->pos());
    if (index >= 0) {
        QToolTip::showText(help->globalPos(), describe(mBars[std::size_t(index)]), this,
                           barRect(index).toAlignedRect());
    } else if (axisRect().contains(help->pos())) {
        QToolTip::showText(help->globalPos(),
                           tr("Time after the warm-up, as failures' start times count it."), this,
                           axisRect().toAlignedRect());
    } else {
        QToolTip::hideText();
        event->ignore();
    }
    return true;
}

QString FailureTimeline::describe(const Bar &bar) const
{
    QStringList lines;
    QString what;
    if (!mDocument) {
        what = bar.target;
    } else if (const core::Component *c = mDocument->component(bar.target)) {
        what = tr("<b>%1</b> (%2)")
                   .arg(bar.target.toHtmlEscaped(), PaletteCatalog::title(c->kind).toLower());
    } else if (const core::Region *r = mDocument->region(bar.target)) {
        what = r->label.empty() ? tr("<b>%1</b> (region)").arg(bar.target.toHtmlEscaped())
                                : tr("<b>%1</b> (region %2)")
                                      .arg(bar.target.toHtmlEscaped(),
                                           QString::fromStdString(r->label).toHtmlEscaped());
    } else {
        what = tr("<b>%1</b> (not in the topology)").arg(bar.target.toHtmlEscaped());
    }
    lines.append(what);
    const core::Component *component = mDocument ? mDocument->component(bar.target) : nullptr;
    const bool region = mDocument && mDocument->region(bar.target);
    const bool crash = bar.mode == QLatin1String("crash");
    if (component && component->kind == core::ComponentKind::Vpn)
        lines.append(tr("The tunnel goes down: replication across it stops."));
    else if (region && crash)
        lines.append(tr("Crash: every process in the region dies."));
    else if (region)
        lines.append(tr("Region lost: every host in it goes silent, connections time out."));
    else if (crash)
        lines.append(tr("Crash: the process dies, connections are refused."));
    else if (bar.mode == QLatin1String("blackhole"))
        lines.append(tr("Blackhole: the host goes silent, connections time out."));
    else
        lines.append(tr("Degrade: serves %1 times slower.").arg(bar.slowdown));
    if (bar.at >= mDuration) {
        lines.append(tr("Starts at %1, after the run ends (%2).")
                         .arg(TimeAxis::duration(bar.at), TimeAxis::duration(mDuration)));
    } else if (bar.length > 0) {
        lines.append(tr("From %1 to %2 (%3).")
                         .arg(TimeAxis::duration(bar.at), TimeAxis::duration(bar.at + bar.length),
                              TimeAxis::duration(bar.length)));
    } else {
        lines.append(tr("From %1 until the end of the run.").arg(TimeAxis::duration(bar.at)));
    }
    lines.append(QStringLiteral("<span style='color:gray'>%1</span>")
                     .arg(tr("Drag to move; drag the right edge to change how long; Delete "
                             "removes; double-click shows the target on the canvas.")));
    return lines.join(QStringLiteral("<br>"));
}

// ---- Painting

void FailureTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    for (int i = 0; i < failureCount(); ++i) {
        if (i % 2 == 1)
            p.fillRect(QRect(0, rowTop(i), width(), rowHeight()),
                       pal.color(QPalette::AlternateBase));
    }
    paintAxis(p);
    for (int i = 0; i < failureCount(); ++i)
        paintBar(p, i);

    const QRectF rows(0, rowTop(0), width(), height() - rowTop(0));
    if (mBars.empty() && !mDropAt) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rows.adjusted(sideMargin, 0, -sideMargin, 0), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No scheduled failures. Drag a chip from above to the time it should "
                      "happen, or right-click a component on the canvas and choose Fail At…"));
    }
    if (mDropAt) {
        const double x = xOf(*mDropAt);
        const QColor accent = pal.color(QPalette::Highlight);
        p.setPen(QPen(accent, 2));
        p.drawLine(QPointF(x, axisRect().bottom()), QPointF(x, height()));
        const QRectF ghost(x, rowTop(failureCount()) + 4,
                           std::max(24.0, xOf(*mDropAt + TimeAxis::niceStep(mDuration / 12)) - x),
                           rowHeight() - 8);
        p.setPen(QPen(accent, 1, Qt::DashLine));
        QColor fill = accent;
        fill.setAlphaF(0.15f);
        p.setBrush(fill);
        p.drawRoundedRect(ghost, 3, 3);
        const QString label = TimeAxis::duration(*mDropAt);
        const QFontMetrics fm = fontMetrics();
        QRectF box(0, 0, fm.horizontalAdvance(label) + 10, fm.height() + 4);
        box.moveCenter(QPointF(x, axisRect().center().y()));
        box.moveLeft(std::clamp(box.left(), 0.0, width() - box.width()));
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        p.drawRoundedRect(box, 3, 3);
        p.setPen(pal.color(QPalette::HighlightedText));
        p.drawText(box, Qt::AlignCenter, label);
    }
    if (hasFocus()) {
        QPen focus(pal.color(QPalette::Highlight), 1, Qt::DotLine);
        p.setPen(focus);
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void FailureTimeline::paintAxis(QPainter &p) const
{
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QRectF axis = axisRect();
    const double plot = std::max(1, width() - 2 * sideMargin);
    const double step = TimeAxis::tickStep(mDuration, plot, tickGap);
    std::vector<double> ticks = TimeAxis::ticks(mDuration, step);
    // The end of the run is always labelled, unless a tick is close by.
    if (ticks.empty() || xOf(mDuration) - xOf(ticks.back()) > tickGap * 0.6)
        ticks.push_back(mDuration);
    else
        ticks.back() = std::max(ticks.back(), mDuration);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlphaF(0.35f);
    for (double t : ticks) {
        const double x = xOf(t);
        p.setPen(grid);
        p.drawLine(QPointF(x, axis.bottom()), QPointF(x, height()));
        const QString label = t == mDuration && std::fmod(t, step) != 0
                                  ? TimeAxis::duration(t)
                                  : TimeAxis::tickLabel(t, step);
        const int w = fm.horizontalAdvance(label);
        const double left = std::clamp(x - w / 2.0, 2.0, width() - w - 2.0);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(left, axis.top() + 2, w, axis.height() - 6), Qt::AlignCenter, label);
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(QPointF(x, axis.bottom() - 4), QPointF(x, axis.bottom()));
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(QPointF(xOf(0), axis.bottom()), QPointF(xOf(mDuration), axis.bottom()));
}

void FailureTimeline::paintBar(QPainter &p, int index) const
{
    const Bar &bar = mBars[std::size_t(index)];
    const QRectF r = barRect(index);
    const QPalette pal = palette();
    const QColor colour = FailureChip::modeColour(bar.mode);
    const bool selected = index == mSelected;
    const bool after = bar.at >= mDuration;
    const bool open = bar.length <= 0 && !after;

    QBrush brush(colour);
    if (after) {
        brush = QBrush(colour, Qt::BDiagPattern);
    } else if (open) {
        // To the end of the run: the bar fades out at the end instead of stopping.
        QLinearGradient fade(r.topLeft(), r.topRight());
        fade.setColorAt(0, colour);
        fade.setColorAt(std::max(0.0, 1 - 28 / r.width()), colour);
        QColor faint = colour;
        faint.setAlphaF(0.35f);
        fade.setColorAt(1, faint);
        brush = QBrush(fade);
    }
    p.setPen(selected ? QPen(pal.color(QPalette::Highlight), 2) : QPen(colour.darker(125), 1));
    p.setBrush(brush);
    p.drawRoundedRect(r, 3, 3);
    if (selected && !after) {
        // The grip of the right edge.
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Highlight));
        p.drawRoundedRect(QRectF(r.right() - 3, r.top() + 3, 4, r.height() - 6), 1, 1);
    }

    QString label = bar.target;
    if (bar.mode == QLatin1String("degrade"))
        label += QStringLiteral(" ×%1").arg(bar.slowdown);
    if (open)
        label += QStringLiteral(" →");
    const QFontMetrics fm = fontMetrics();
    const int textWidth = fm.horizontalAdvance(label);
    const bool darkText = bar.mode == QLatin1String("degrade");
    if (!after && textWidth + 12 <= r.width()) {
        p.setPen(darkText ? QColor(0x26, 0x1a, 0x00) : QColor(Qt::white));
        p.drawText(r.adjusted(6, 0, -6, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
        return;
    }
    // Too short for its name: written beside it, where there is room.
    p.setPen(pal.color(QPalette::Text));
    const double rightRoom = width() - sideMargin - r.right();
    if (after)
        label = tr("%1 (after the end)").arg(label);
    QRectF text(r.right() + 6, r.top(), fm.horizontalAdvance(label) + 2, r.height());
    if (rightRoom < text.width() + 6 || after)
        text.moveRight(r.left() - 6);
    p.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, label);
}

} // namespace topolab::app
