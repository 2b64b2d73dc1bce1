#pragma once

#include "core/model/topology.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace topolab::app {

// "Fail at…" from the canvas: when, how and for how long one component or region fails. A
// region is lost (its hosts go silent, or all crash); a vpn is cut; a component crashes, goes
// silent or slows down. failure() is the scheduled failure the answers describe. Owns its
// widgets; reads the topology only while it is built.
class FailAtDialog : public QDialog
{
    Q_OBJECT

public:
    // `duration`: the run's, in seconds after the warm-up.
    FailAtDialog(const core::Topology &topology, const QString &target, double duration,
                 QWidget *parent = nullptr);

    core::ScheduledFailure failure() const;
    QString target() const { return mTarget; }

    QDoubleSpinBox *startBox() const { return mStart; }
    QDoubleSpinBox *lengthBox() const { return mLength; }
    QDoubleSpinBox *slowdownBox() const { return mSlowdown; }
    QComboBox *modeBox() const { return mMode; }

private:
    void updateHints();

    QString mTarget;
    double mDuration;
    QComboBox *mMode;
    QDoubleSpinBox *mStart;
    QLabel *mStartHint;
    QDoubleSpinBox *mLength;
    QLabel *mLengthHint;
    QDoubleSpinBox *mSlowdown;
};

} // namespace topolab::app
