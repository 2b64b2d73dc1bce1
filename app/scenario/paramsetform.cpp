#include "paramsetform.h"

#include "designer/parametereditor.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <algorithm>

namespace topolab::app {

ParamSetForm::ParamSetForm(const core::ParamSchema &schema, const QStringList &paths, int columns,
                           QWidget *parent)
    : QWidget(parent)
    , mSchema(schema)
    , mPaths(paths)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(18);
    columns = std::max(1, std::min(columns, int(paths.size())));
    const int perColumn = (int(paths.size()) + columns - 1) / std::max(columns, 1);
    // Room for seven digits, as in the inspector, so that values are never clipped.
    const int fieldWidth = fontMetrics().horizontalAdvance(QStringLiteral("0000000")) + 12;
    for (int c = 0; c < columns; ++c) {
        auto *host = new QWidget(this);
        auto *grid = new QGridLayout(host);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(6);
        grid->setVerticalSpacing(4);
        grid->setColumnStretch(1, 1);
        grid->setColumnMinimumWidth(1, fieldWidth);
        mGrids.push_back(grid);
        for (int i = c * perColumn; i < std::min(int(paths.size()), (c + 1) * perColumn); ++i) {
            const QString &path = paths.at(i);
            const std::string key = path.toStdString();
            const core::ParamSpec *spec = schema.find(key);
            if (!spec)
                continue;
            auto *editor
                = new ParameterEditor(*spec, path, QString::fromStdString(schema.titleOf(key)),
                                      grid, grid->rowCount(), this);
            mEditors.insert(path, editor);
            mOrder.push_back(editor);
            connect(editor, &ParameterEditor::valueEdited, this, &ParamSetForm::valueEdited);
            connect(editor, &ParameterEditor::resetRequested, this, &ParamSetForm::resetRequested);
        }
        grid->setRowStretch(grid->rowCount(), 1);
        row->addWidget(host, 1, Qt::AlignTop);
    }
}

ParamSetForm::~ParamSetForm()
{
    // A field losing focus while the form is torn down must not report an edit.
    for (ParameterEditor *editor : mOrder)
        editor->disconnect(this);
}

void ParamSetForm::setParams(const core::ParamSet &params)
{
    for (ParameterEditor *editor : mOrder) {
        const std::string path = editor->path().toStdString();
        ParameterEditor::State state;
        state.value = params.value(path);
        state.set = params.isSet(path);
        editor->setState(state);
    }
}

void ParamSetForm::showRefusal(const QString &path, const QString &reason)
{
    if (ParameterEditor *editor = mEditors.value(path)) {
        editor->showRefusal(reason);
        editor->revert();
    }
}

void ParamSetForm::clearRefusals()
{
    for (ParameterEditor *editor : mOrder)
        editor->clearRefusal();
}

void ParamSetForm::setPathEnabled(const QString &path, bool enabled)
{
    ParameterEditor *editor = mEditors.value(path);
    if (!editor)
        return;
    for (QWidget *widget : {static_cast<QWidget *>(editor->nameLabel()), editor->editor(),
                            static_cast<QWidget *>(editor->unitLabel()),
                            static_cast<QWidget *>(editor->resetButton())})
        widget->setEnabled(enabled);
    // The colours were taken from the palette of the state the field was in.
    editor->updateColours();
}

int ParamSetForm::nameWidth() const
{
    int width = 0;
    for (const ParameterEditor *editor : mOrder)
        width = std::max(width, editor->nameLabel()->sizeHint().width());
    return width;
}

void ParamSetForm::setNameWidth(int width)
{
    for (QGridLayout *grid : mGrids)
        grid->setColumnMinimumWidth(0, width);
}

void ParamSetForm::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (ParameterEditor *editor : mOrder)
            editor->updateColours();
    }
}

} // namespace topolab::app
