#pragma once

#include "core/model/paramspec.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace topolab::app {

class ParamSetForm;
class TopologyDocument;

// The fields of the failure selected on the timeline: its target (a component or a region of
// the document), mode (a region or vpn cannot be degraded), start, duration, and the slowdown
// of a degrade; and a button that removes it. Each edit is one document call, refused with the
// reason under the field. Owns its widgets, not the document.
class FailureForm : public QWidget
{
    Q_OBJECT

public:
    explicit FailureForm(TopologyDocument *document, QWidget *parent = nullptr);

    // The failure shown, by its place in the scenario; -1 shows a hint instead.
    void setFailure(int index);
    int failure() const { return mIndex; }
    // Re-reads the document: targets, values and what applies.
    void refresh();

    QComboBox *targetBox() const { return mTarget; }
    ParamSetForm *form() const { return mForm; }
    QPushButton *removeButton() const { return mRemove; }
    QLabel *titleLabel() const { return mTitle; }

Q_SIGNALS:
    void removeRequested();

private:
    void fillTargets();
    void chooseTarget(int index);
    // Sets (or, nullopt, resets) one key of the shown failure as one step.
    void apply(const QString &path, const std::optional<core::ParamValue> &value);

    QPointer<TopologyDocument> mDocument;
    int mIndex = -1;
    QLabel *mTitle;
    QLabel *mHint;
    QWidget *mFields;
    QComboBox *mTarget;
    QLabel *mTargetRefusal;
    ParamSetForm *mForm;
    QPushButton *mRemove;
};

} // namespace topolab::app
