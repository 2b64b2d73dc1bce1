#pragma once

#include "core/model/componentkind.h"
#include "core/model/paramspec.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <vector>

class QGridLayout;
class QGroupBox;

namespace topolab::app {

class ParameterEditor;
class TopologyDocument;

// The inspector's form for the parameters of one component kind: a ParameterEditor for every
// scalar of the kind's schema, each group in a group box (an optional group's box is
// checkable and turns it on or off), all named by the schema's titles. Shows what the selected
// components hold, "—" where they differ, and turns each edit into one document call for all of
// them, so it is one undo step; a refusal is shown under the field, which reverts. Owns its editors
// and group boxes.
class ParameterForm : public QWidget
{
    Q_OBJECT

public:
    ParameterForm(TopologyDocument *document, core::ComponentKind kind, QWidget *parent = nullptr);
    ~ParameterForm() override;

    core::ComponentKind kind() const { return mKind; }
    // The components shown, all of kind(); refreshes the fields.
    void setComponents(const QStringList &ids);
    QStringList components() const { return mIds; }
    // Shows the document's current values again (a field being typed in keeps its text).
    void refresh();

    // Where the fields start, so the inspector's id and label fields line up with them.
    int fieldIndent() const { return mFieldIndent; }

    ParameterEditor *editor(const QString &path) const { return mEditors.value(path); }
    QGroupBox *groupBox(const QString &key) const { return mGroups.value(key); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void addScalar(const core::ParamSpec &spec, const QString &path, QGridLayout *grid);
    QGridLayout *addGroup(const core::ParamSpec &spec);
    QGridLayout *newGrid(QWidget *host);
    void alignColumns();
    void setValue(ParameterEditor *editor, const QString &path, const core::ParamValue &value);
    void reset(ParameterEditor *editor, const QString &path);
    void enableGroup(const QString &key, bool enabled);

    TopologyDocument *mDocument;
    core::ComponentKind mKind;
    QStringList mIds;
    QHash<QString, ParameterEditor *> mEditors;
    std::vector<ParameterEditor *> mOrder;
    QHash<QString, QGroupBox *> mGroups;
    std::vector<QGridLayout *> mGrids;
    int mFieldIndent = 0;
};

} // namespace topolab::app
