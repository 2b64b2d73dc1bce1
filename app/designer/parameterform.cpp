#include "parameterform.h"

#include "parametereditor.h"

#include "document/topologydocument.h"

#include "core/model/schemas.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

constexpr int frameWidth = 2;  // a group box's frame, about what the common styles draw
constexpr int groupInset = 10; // from a group box's edge to its fields

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

ParameterForm::ParameterForm(TopologyDocument *document, core::ComponentKind kind, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mKind(kind)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QGridLayout *scalars = nullptr;
    for (const core::ParamSpec &spec : core::componentSchema(kind).params) {
        if (spec.type == core::ParamType::Group) {
            scalars = nullptr; // scalars after a group start a new grid below it
            QGridLayout *grid = addGroup(spec);
            for (const core::ParamSpec &member : spec.members)
                addScalar(member, fromStd(spec.key + '.' + member.key), grid);
            continue;
        }
        if (!scalars) {
            auto *host = new QWidget(this);
            scalars = newGrid(host);
            layout->addWidget(host);
        }
        addScalar(spec, fromStd(spec.key), scalars);
    }
    alignColumns();
}

ParameterForm::~ParameterForm()
{
    // A field losing focus while its widgets are torn down must not edit through a half
    // destroyed form.
    for (ParameterEditor *editor : mOrder)
        editor->disconnect(this);
}

QGridLayout *ParameterForm::newGrid(QWidget *host)
{
    auto *grid = new QGridLayout(host);
    grid->setColumnStretch(1, 1);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);
    mGrids.push_back(grid);
    return grid;
}

QGridLayout *ParameterForm::addGroup(const core::ParamSpec &spec)
{
    const QString key = fromStd(spec.key);
    auto *box = new QGroupBox(fromStd(spec.title), this);
    box->setObjectName(key);
    box->setToolTip(fromStd(spec.description) + QLatin1Char('\n')
                    + tr("Key in the file: %1").arg(key));
    box->setCheckable(spec.optionalGroup);
    layout()->addWidget(box);
    mGroups.insert(key, box);
    QGridLayout *grid = newGrid(box);
    grid->setContentsMargins(groupInset - frameWidth, 6, groupInset - frameWidth, 6);
    if (spec.optionalGroup) {
        // Only a click by the user edits; refresh() sets the box without a signal.
        connect(box, &QGroupBox::clicked, this,
                [this, key](bool checked) { enableGroup(key, checked); });
        auto *refusal = new QLabel(box);
        refusal->setObjectName(key + QStringLiteral("/refusal"));
        refusal->setWordWrap(true);
        QPalette palette = refusal->palette();
        palette.setColor(QPalette::WindowText, ParameterEditor::errorColour(palette));
        refusal->setPalette(palette);
        refusal->hide();
        grid->addWidget(refusal, 0, 0, 1, 4);
    }
    return grid;
}

void ParameterForm::addScalar(const core::ParamSpec &spec, const QString &path, QGridLayout *grid)
{
    const QString fullTitle = fromStd(core::componentSchema(mKind).titleOf(path.toStdString()));
    auto *editor = new ParameterEditor(spec, path, fullTitle, grid, grid->rowCount(), this);
    mEditors.insert(path, editor);
    mOrder.push_back(editor);
    connect(editor, &ParameterEditor::valueEdited, this,
            [this, editor](const QString &p, const core::ParamValue &value) {
                setValue(editor, p, value);
            });
    connect(editor, &ParameterEditor::resetRequested, this,
            [this, editor](const QString &p) { reset(editor, p); });
}

// Every grid gets the same name and unit column widths, so fields line up across group boxes.
void ParameterForm::alignColumns()
{
    int nameWidth = 0;
    int unitWidth = 0;
    for (const ParameterEditor *editor : mOrder) {
        nameWidth = std::max(nameWidth, editor->nameLabel()->sizeHint().width());
        unitWidth = std::max(unitWidth, editor->unitLabel()->sizeHint().width());
    }
    // Room for seven digits or a short word, so narrow docks scroll instead of clipping values.
    const int fieldWidth = fontMetrics().horizontalAdvance(QStringLiteral("0000000")) + 12;
    for (QGridLayout *grid : mGrids) {
        // Grids outside a group box are indented as if inside one, so every field column and
        // every reset column lines up, while the names start at the group titles' edge.
        const bool inGroup = qobject_cast<QGroupBox *>(grid->parentWidget()) != nullptr;
        grid->setColumnMinimumWidth(0, nameWidth + (inGroup ? 0 : groupInset));
        grid->setColumnMinimumWidth(1, fieldWidth);
        grid->setColumnMinimumWidth(2, unitWidth);
        if (!inGroup)
            grid->setContentsMargins(0, 0, groupInset, 0);
    }
    mFieldIndent = nameWidth + groupInset + 6;
}

void ParameterForm::setComponents(const QStringList &ids)
{
    if (ids != mIds) {
        for (ParameterEditor *editor : mOrder)
            editor->clearRefusal();
        for (QGroupBox *box : std::as_const(mGroups)) {
            if (auto *refusal
                = box->findChild<QLabel *>(box->objectName() + QStringLiteral("/refusal")))
                refusal->hide();
        }
    }
    mIds = ids;
    refresh();
}

void ParameterForm::refresh()
{
    std::vector<const core::Component *> components;
    for (const QString &id : std::as_const(mIds)) {
        if (const core::Component *c = mDocument->component(id); c && c->kind == mKind)
            components.push_back(c);
    }
    if (components.empty())
        return;

    for (ParameterEditor *editor : mOrder) {
        const std::string path = editor->path().toStdString();
        ParameterEditor::State state;
        state.value = components.front()->params.value(path);
        for (const core::Component *c : components) {
            state.mixed = state.mixed || c->params.value(path) != state.value;
            state.set = state.set || c->params.isSet(path);
        }
        editor->setState(state);
    }

    for (auto it = mGroups.cbegin(); it != mGroups.cend(); ++it) {
        QGroupBox *box = it.value();
        if (!box->isCheckable())
            continue;
        const std::string key = it.key().toStdString();
        const QString title = fromStd(core::componentSchema(mKind).titleOf(key));
        const auto enabled
            = std::count_if(components.begin(), components.end(),
                            [&](const auto *c) { return c->params.groupEnabled(key); });
        const bool mixed = enabled != 0 && enabled != qsizetype(components.size());
        box->setChecked(enabled == qsizetype(components.size()));
        box->setTitle(
            mixed ? tr("%1 (on for %2 of %3)").arg(title).arg(enabled).arg(components.size())
                  : title);
    }
}

void ParameterForm::setValue(ParameterEditor *editor, const QString &path,
                             const core::ParamValue &value)
{
    const auto refusal = mDocument->setParameter(mIds, path, value);
    if (refusal) {
        editor->showRefusal(*refusal);
        editor->revert();
        return;
    }
    editor->clearRefusal();
    editor->revert(); // shows the value as the document formats it ("8.0" becomes "8")
}

void ParameterForm::reset(ParameterEditor *editor, const QString &path)
{
    const auto refusal = mDocument->resetParameter(mIds, path);
    if (refusal) {
        editor->showRefusal(*refusal);
        return;
    }
    editor->clearRefusal();
}

void ParameterForm::enableGroup(const QString &key, bool enabled)
{
    QGroupBox *box = mGroups.value(key);
    auto *refusalLabel = box->findChild<QLabel *>(key + QStringLiteral("/refusal"));
    const auto refusal = mDocument->setParameterGroupEnabled(mIds, key, enabled);
    if (refusal) {
        refusalLabel->setText(*refusal);
        refusalLabel->show();
    } else {
        refusalLabel->hide();
    }
    refresh(); // puts the box back when refused or when the edit changed nothing
}

void ParameterForm::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    for (ParameterEditor *editor : mOrder)
        editor->updateColours();
    for (QGroupBox *box : std::as_const(mGroups)) {
        if (auto *label
            = box->findChild<QLabel *>(box->objectName() + QStringLiteral("/refusal"))) {
            QPalette palette = label->palette();
            palette.setColor(QPalette::WindowText, ParameterEditor::errorColour(this->palette()));
            label->setPalette(palette);
        }
    }
}

} // namespace topolab::app
