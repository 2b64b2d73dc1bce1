#pragma once

#include "core/model/paramset.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <vector>

class QGridLayout;

namespace topolab::app {

class ParameterEditor;

// A form for some scalar keys of one section schema (a client group's, the scenario's, a
// failure's): one ParameterEditor row per key (title, typed field, unit, reset, refusal), the
// rows spread over `columns` side-by-side columns. Shows a ParamSet and reports what the user
// edits as signals; it never edits anything itself, so each section's owner turns an edit into
// one document call. Owns its editors.
class ParamSetForm : public QWidget
{
    Q_OBJECT

public:
    ParamSetForm(const core::ParamSchema &schema, const QStringList &paths, int columns = 1,
                 QWidget *parent = nullptr);
    ~ParamSetForm() override;

    const core::ParamSchema &schema() const { return mSchema; }
    QStringList paths() const { return mPaths; }
    ParameterEditor *editor(const QString &path) const { return mEditors.value(path); }

    // Shows `params` (a field being typed in keeps its text).
    void setParams(const core::ParamSet &params);
    // Shows `reason` under the field of `path`, and puts its value back.
    void showRefusal(const QString &path, const QString &reason);
    void clearRefusals();
    // Greys out a field whose key does not apply (a rate profile's members of another shape).
    void setPathEnabled(const QString &path, bool enabled);
    // The width of the widest title, so that forms stacked in one column line up.
    int nameWidth() const;
    void setNameWidth(int width);

Q_SIGNALS:
    void valueEdited(const QString &path, const core::ParamValue &value);
    void resetRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    const core::ParamSchema &mSchema;
    QStringList mPaths;
    QHash<QString, ParameterEditor *> mEditors;
    std::vector<ParameterEditor *> mOrder;
    std::vector<QGridLayout *> mGrids;
};

} // namespace topolab::app
