#pragma once

#include "core/model/paramspec.h"

#include <QObject>
#include <QString>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPalette;
class QToolButton;
class QWidget;

namespace topolab::app {

// One scalar parameter row of the inspector's form: the spec's title, the typed editor it calls
// for (check box, number or integer field, choice box, text field), its unit, a reset button
// shown while the value is set explicitly, and the reason the last edit was refused. The key
// written in files is in the tooltip and is the editor's object name. Shows a value at its
// default dimmed and italic, and "—" where the selected components differ. Reports edits as
// signals and never touches the document. Owns nothing: its widgets are children of the
// grid's widget.
class ParameterEditor : public QObject
{
    Q_OBJECT

public:
    // What the selection holds for this parameter.
    struct State
    {
        core::ParamValue value; // the common value (the first one when mixed)
        bool mixed = false;     // the selected components differ
        bool set = false;       // at least one of them sets it explicitly
    };

    // Adds the row's widgets to `grid` at rows `row` (editor) and `row + 1` (refusal).
    // `fullTitle` names the parameter out of its group box ("Health check: failed checks"), for
    // screen readers and the reset button.
    ParameterEditor(const core::ParamSpec &spec, const QString &path, const QString &fullTitle,
                    QGridLayout *grid, int row, QObject *parent = nullptr);

    QString path() const { return mPath; }
    const core::ParamSpec &spec() const { return mSpec; }
    QWidget *editor() const { return mEditor; }
    QLabel *nameLabel() const { return mName; }
    QLabel *unitLabel() const { return mUnit; }
    QToolButton *resetButton() const { return mReset; }
    QLabel *refusalLabel() const { return mRefusal; }
    const State &state() const { return mState; }

    // Shows `state`, except in a text field the user is typing in.
    void setState(const State &state);
    // Puts the shown value back, dropping what the user typed.
    void revert();
    void showRefusal(const QString &reason);
    void clearRefusal();
    bool hasRefusal() const;
    // Re-derives the dimmed and error colours from the palette (light or dark).
    void updateColours();

    // The colour the inspector writes refusals in, readable on `palette`'s window.
    static QColor errorColour(const QPalette &palette);
    // "1 to 100000 ms", "at least 0 ms"; empty for non-numbers.
    static QString rangeText(const core::ParamSpec &spec);

Q_SIGNALS:
    void valueEdited(const QString &path, const core::ParamValue &value);
    void resetRequested(const QString &path);

private:
    QWidget *createEditor(QWidget *parent);
    void commitText();
    void showValue();
    void updateToolTip();

    core::ParamSpec mSpec;
    QString mPath;
    State mState;
    QString mShownText; // what a text field showed last, to tell an edit from a refocus
    QWidget *mEditor = nullptr;
    QLineEdit *mLineEdit = nullptr;
    QCheckBox *mCheckBox = nullptr;
    QComboBox *mComboBox = nullptr;
    QLabel *mName;
    QLabel *mUnit;
    QToolButton *mReset;
    QLabel *mRefusal;
};

} // namespace topolab::app
