#pragma once

#include "failurechip.h"

#include <QHash>
#include <QPoint>
#include <QWidget>

class QToolButton;

namespace topolab::app {

// The strip of failure chips above the timeline: Crash, Blackhole and Degrade component, Lose
// region, Cut VPN. A chip dragged onto the timeline schedules that failure where it is dropped
// (a QDrag carrying FailureChip's mime type); a click or Enter on a chip asks for it at a default
// time. Owns its chip buttons.
class FailureChipBar : public QWidget
{
    Q_OBJECT

public:
    explicit FailureChipBar(QWidget *parent = nullptr);

    QToolButton *chip(FailureChip::Kind kind) const;
    // The picture of a chip: its mode's colour with a mark for regions and tunnels.
    static QIcon chipIcon(FailureChip::Kind kind, int size);

Q_SIGNALS:
    void chipActivated(topolab::app::FailureChip::Kind kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void startDrag(QToolButton *button);
    void updateIcons();

    QHash<int, QToolButton *> mChips; // by FailureChip::Kind
    QToolButton *mPressed = nullptr;
    QPoint mPressPos;
};

} // namespace topolab::app
