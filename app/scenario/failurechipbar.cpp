#include "failurechipbar.h"

#include <QApplication>
#include <QDrag>
#include <QEvent>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

namespace topolab::app {

FailureChipBar::FailureChipBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("failureChips"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (FailureChip::Kind kind : FailureChip::all()) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("chip/") + FailureChip::key(kind));
        button->setText(FailureChip::title(kind));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setCursor(Qt::OpenHandCursor);
        button->setToolTip(tr("<b>%1</b><br>%2<br>Drag it onto the timeline at the time it "
                              "should happen; click to add it at a quarter of the run.")
                               .arg(FailureChip::title(kind), FailureChip::description(kind)));
        button->installEventFilter(this);
        connect(button, &QToolButton::clicked, this, [this, kind] { Q_EMIT chipActivated(kind); });
        mChips.insert(int(kind), button);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    updateIcons();
}

QToolButton *FailureChipBar::chip(FailureChip::Kind kind) const
{
    return mChips.value(int(kind));
}

QIcon FailureChipBar::chipIcon(FailureChip::Kind kind, int size)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(0, 0, size, size).adjusted(1, 2, -1, -2);
    const QColor colour = FailureChip::modeColour(FailureChip::mode(kind));
    p.setPen(colour.darker(130));
    p.setBrush(colour);
    p.drawRoundedRect(box, 3, 3);
    p.setPen(QPen(Qt::white, 1.4));
    p.setBrush(Qt::NoBrush);
    const QPointF c = box.center();
    const qreal r = box.height() * 0.28;
    switch (kind) {
    case FailureChip::Kind::Crash: // a cross: the process is gone
        p.drawLine(c + QPointF(-r, -r), c + QPointF(r, r));
        p.drawLine(c + QPointF(-r, r), c + QPointF(r, -r));
        break;
    case FailureChip::Kind::Blackhole: // a hollow ring: nothing comes back
        p.drawEllipse(c, r, r);
        break;
    case FailureChip::Kind::Degrade: // a falling line: slower
        p.drawLine(c + QPointF(-r, -r), c + QPointF(r, r * 0.6));
        break;
    case FailureChip::Kind::LoseRegion: // a square: the whole container
        p.drawRect(QRectF(c - QPointF(r, r), c + QPointF(r, r)));
        break;
    case FailureChip::Kind::CutVpn: // a cut line
        p.drawLine(c + QPointF(-r * 1.3, 0), c + QPointF(-r * 0.3, 0));
        p.drawLine(c + QPointF(r * 0.3, 0), c + QPointF(r * 1.3, 0));
        break;
    }
    return QIcon(pixmap);
}

void FailureChipBar::updateIcons()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    for (auto it = mChips.cbegin(); it != mChips.cend(); ++it) {
        it.value()->setIcon(chipIcon(FailureChip::Kind(it.key()), size));
        it.value()->setIconSize(QSize(size, size));
    }
}

bool FailureChipBar::eventFilter(QObject *watched, QEvent *event)
{
    auto *button = qobject_cast<QToolButton *>(watched);
    if (!button)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            mPressed = button;
            mPressPos = mouse->position().toPoint();
        }
    } else if (event->type() == QEvent::MouseMove && mPressed == button) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if ((mouse->buttons() & Qt::LeftButton)
            && (mouse->position().toPoint() - mPressPos).manhattanLength()
                   >= QApplication::startDragDistance()) {
            mPressed = nullptr;
            startDrag(button);
            return true;
        }
    } else if (event->type() == QEvent::MouseButtonRelease) {
        mPressed = nullptr;
    }
    return QWidget::eventFilter(watched, event);
}

void FailureChipBar::startDrag(QToolButton *button)
{
    const auto kind = FailureChip::Kind(mChips.key(button));
    auto *drag = new QDrag(button);
    drag->setMimeData(FailureChip::mimeData(kind));
    const QPixmap picture = button->grab();
    drag->setPixmap(picture);
    // Held by its left edge: where the chip's edge is, the failure starts.
    drag->setHotSpot(QPoint(6, int(picture.height() / (2 * picture.devicePixelRatio()))));
    // The press went to the button: let it go, so that it neither stays down nor clicks.
    button->setDown(false);
    drag->exec(Qt::CopyAction);
}

void FailureChipBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        updateIcons();
}

} // namespace topolab::app
