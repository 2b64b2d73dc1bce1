#include "replaybar.h"

#include "gui/componentitem.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

// Ticks of the slider per simulated second: fine enough to stop on a DNS update.
constexpr int ticksPerSecond = 10;
constexpr int frameMs = 40;

} // namespace

ReplayBar::ReplayBar(QWidget *parent)
    : QWidget(parent)
    , mPlay(new QToolButton(this))
    , mSlider(new QSlider(Qt::Horizontal, this))
    , mClock(new QLabel(this))
    , mSpeed(new QComboBox(this))
    , mDone(new QToolButton(this))
    , mTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("replayBar"));
    mPlay->setObjectName(QStringLiteral("replayPlay"));
    mPlay->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    mPlay->setToolTip(tr("Replay the run on the canvas"));
    mSlider->setObjectName(QStringLiteral("replaySlider"));
    mSlider->setToolTip(tr("Drag to show the canvas at that moment of the run"));
    for (const int speed : {1, 10, 60, 300})
        mSpeed->addItem(tr("%1×").arg(speed), speed);
    mSpeed->setCurrentIndex(2);
    mSpeed->setToolTip(tr("Simulated seconds per second of replay"));
    mDone->setText(tr("Done"));
    mDone->setToolTip(tr("End the replay and edit the topology again"));
    mDone->setEnabled(false);
    mClock->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("t = 00,000 s")));
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    rows->addLayout(layout);
    layout->addWidget(new QLabel(tr("Replay:"), this));
    layout->addWidget(mPlay);
    layout->addWidget(mSlider, 1);
    layout->addWidget(mClock);
    layout->addWidget(mSpeed);
    layout->addWidget(mDone);
    // Under the scrubber, which keeps the row's width.
    rows->addWidget(legend(), 0, Qt::AlignRight);
    mTimer->setInterval(frameMs);
    connect(mTimer, &QTimer::timeout, this, &ReplayBar::step);
    connect(mPlay, &QToolButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(mSlider, &QSlider::valueChanged, this, [this](int value) {
        if (value != int(mTime * ticksPerSecond))
            seek(double(value) / ticksPerSecond);
    });
    connect(mDone, &QToolButton::clicked, this, &ReplayBar::done);
    showTime();
}

QLabel *ReplayBar::legend()
{
    // The colours the canvas tints components with while replaying, by state.
    QStringList entries;
    for (const sim::ComponentState state :
         {sim::ComponentState::Silent, sim::ComponentState::Down, sim::ComponentState::Degraded,
          sim::ComponentState::Booting, sim::ComponentState::Draining, sim::ComponentState::Sick}) {
        entries.append(QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2")
                           .arg(ComponentItem::stateColour(state).name(),
                                QString::fromLatin1(sim::componentStateName(state))));
    }
    auto *label = new QLabel(entries.join(QStringLiteral("&nbsp;&nbsp;")), this);
    label->setObjectName(QStringLiteral("replayLegend"));
    label->setTextFormat(Qt::RichText);
    return label;
}

void ReplayBar::setDuration(double seconds)
{
    done();
    mDuration = std::max(0.0, seconds);
    mTime = 0;
    const QSignalBlocker quiet(mSlider);
    mSlider->setRange(0, int(mDuration * ticksPerSecond));
    mSlider->setValue(0);
    showTime();
}

bool ReplayBar::isPlaying() const
{
    return mTimer->isActive();
}

void ReplayBar::seek(double seconds)
{
    mTime = std::clamp(seconds, 0.0, mDuration);
    mActive = true;
    mDone->setEnabled(true);
    {
        const QSignalBlocker quiet(mSlider);
        mSlider->setValue(int(mTime * ticksPerSecond));
    }
    showTime();
    Q_EMIT timeChanged(mTime);
}

void ReplayBar::play()
{
    if (mTime >= mDuration)
        mTime = 0;
    seek(mTime);
    mTimer->start();
    mPlay->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
}

void ReplayBar::pause()
{
    mTimer->stop();
    mPlay->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
}

void ReplayBar::done()
{
    pause();
    if (!mActive)
        return;
    mActive = false;
    mDone->setEnabled(false);
    Q_EMIT ended();
}

void ReplayBar::step()
{
    const double advance = mSpeed->currentData().toDouble() * frameMs / 1000.0;
    seek(mTime + advance);
    if (mTime >= mDuration)
        pause();
}

void ReplayBar::showTime()
{
    mClock->setText(tr("t = %1 s").arg(QLocale().toString(mTime, 'f', 0)));
}

} // namespace topolab::app
