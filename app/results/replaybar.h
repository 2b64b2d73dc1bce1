#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace topolab::app {

// The replay's controls: a scrubber over simulated time, play and pause at a chosen speed, and
// Done to go back to editing. Reports the moment shown; what is shown there is the window's.
class ReplayBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayBar(QWidget *parent = nullptr);

    // A new run of `seconds` (after the warm-up): back to its start, not playing.
    void setDuration(double seconds);
    double time() const { return mTime; }
    bool isPlaying() const;
    bool isActive() const { return mActive; }

public Q_SLOTS:
    // Shows the moment `seconds` (clamped to the run) and starts the replay if it was not on.
    void seek(double seconds);
    void play();
    void pause();
    // Ends the replay.
    void done();

Q_SIGNALS:
    void timeChanged(double seconds);
    void ended();

private:
    QLabel *legend();
    void step();
    void showTime();

    QToolButton *mPlay;
    QSlider *mSlider;
    QLabel *mClock;
    QComboBox *mSpeed;
    QToolButton *mDone;
    QTimer *mTimer;
    double mDuration = 0;
    double mTime = 0;
    bool mActive = false;
};

} // namespace topolab::app
