#pragma once

#include <QWidget>

class QLabel;

namespace topolab::app {

class FailureChipBar;
class FailureForm;
class FailureTimeline;
class TopologyDocument;

// The scheduled failures: the chips to drag from, the timeline they land on, and the form of
// the failure selected on it. A refused drop (no target for that chip) is said under the chips.
// Owns its widgets, not the document.
class FailuresPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FailuresPanel(TopologyDocument *document, QWidget *parent = nullptr);

    void refresh();
    FailureChipBar *chips() const { return mChips; }
    FailureTimeline *timeline() const { return mTimeline; }
    FailureForm *form() const { return mForm; }
    QLabel *messageLabel() const { return mMessage; }
    void showMessage(const QString &text);

Q_SIGNALS:
    void message(const QString &text);
    void targetActivated(const QString &id);

private:
    FailureChipBar *mChips;
    QLabel *mMessage;
    FailureTimeline *mTimeline;
    FailureForm *mForm;
};

} // namespace topolab::app
