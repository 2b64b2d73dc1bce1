#pragma once

#include "core/model/paramset.h"

#include <QWidget>

class QComboBox;
class QGridLayout;

namespace topolab::app {

class ParamSetForm;
class RatePreview;

// The `profile` of one client group: the shape (constant, steps, daily cycle, spike), the
// fields of the profile with only those of the chosen shape enabled, and a preview of the rate
// curve over the run. Reports edits as signals; its owner turns them into document edits.
// Owns its widgets.
class RateProfileEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RateProfileEditor(QWidget *parent = nullptr);

    // Shows the profile of `group` (a client group's parameters) over a run of `duration` s.
    void setGroup(const core::ParamSet &group, double duration);

    QComboBox *shapeBox() const { return mShape; }
    ParamSetForm *form() const { return mForm; }
    RatePreview *preview() const { return mPreview; }
    // The preview beside the fields (a wide panel) or under them.
    void setHorizontal(bool horizontal);
    // The profile keys ("profile.factor", ...) that a shape uses.
    static QStringList pathsOf(const QString &shape);

Q_SIGNALS:
    void shapeChosen(const QString &shape);
    void valueEdited(const QString &path, const core::ParamValue &value);
    void resetRequested(const QString &path);

private:
    void enableFor(const QString &shape);

    QGridLayout *mLayout;
    QWidget *mFields;
    QComboBox *mShape;
    ParamSetForm *mForm;
    RatePreview *mPreview;
};

} // namespace topolab::app
