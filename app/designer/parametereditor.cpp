#include "parametereditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace topolab::app {

namespace {

constexpr double unboundedFrom = 1e11; // schema maxima at or above this mean "no limit"

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString display(const core::ParamValue &value)
{
    return fromStd(core::formatParamValue(value));
}

} // namespace

ParameterEditor::ParameterEditor(const core::ParamSpec &spec, const QString &path,
                                 const QString &fullTitle, QGridLayout *grid, int row,
                                 QObject *parent)
    : QObject(parent)
    , mSpec(spec)
    , mPath(path)
{
    QWidget *host = grid->parentWidget();
    mState.value = spec.defaultValue;

    mName = new QLabel(fromStd(spec.title.empty() ? spec.key : spec.title), host);
    mName->setObjectName(path + QStringLiteral("/name"));
    mEditor = createEditor(host);
    mEditor->setObjectName(path);
    mEditor->setAccessibleName(fullTitle);
    mName->setBuddy(mEditor);

    mUnit = new QLabel(fromStd(spec.unit), host);
    mUnit->setObjectName(path + QStringLiteral("/unit"));
    mUnit->setForegroundRole(QPalette::PlaceholderText);

    mReset = new QToolButton(host);
    mReset->setObjectName(path + QStringLiteral("/reset"));
    mReset->setAutoRaise(true);
    mReset->setText(QStringLiteral("↺"));
    mReset->setToolTip(tr("Reset to the default, %1").arg(display(spec.defaultValue)));
    mReset->setAccessibleName(tr("Reset %1").arg(fullTitle));
    // Keeps its column's width while hidden, so fields do not jump when a value becomes set.
    QSizePolicy keep = mReset->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    mReset->setSizePolicy(keep);
    connect(mReset, &QToolButton::clicked, this, [this] { Q_EMIT resetRequested(mPath); });

    mRefusal = new QLabel(host);
    mRefusal->setObjectName(path + QStringLiteral("/refusal"));
    mRefusal->setWordWrap(true);
    mRefusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mRefusal->hide();

    grid->addWidget(mName, row, 0);
    grid->addWidget(mEditor, row, 1);
    grid->addWidget(mUnit, row, 2);
    grid->addWidget(mReset, row, 3);
    grid->addWidget(mRefusal, row + 1, 1, 1, 3);

    showValue();
    updateColours();
}

QWidget *ParameterEditor::createEditor(QWidget *parent)
{
    switch (mSpec.type) {
    case core::ParamType::Boolean:
        mCheckBox = new QCheckBox(parent);
        connect(mCheckBox, &QCheckBox::clicked, this, [this] {
            // From "mixed" a click checks the box; the next state comes back from the document.
            Q_EMIT valueEdited(mPath, mCheckBox->checkState() == Qt::Checked);
        });
        return mCheckBox;
    case core::ParamType::Choice:
        mComboBox = new QComboBox(parent);
        for (const auto &choice : mSpec.choices)
            mComboBox->addItem(fromStd(choice));
        mComboBox->setPlaceholderText(QStringLiteral("—"));
        // Narrows with the dock like the other fields instead of widening the whole form.
        mComboBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        mComboBox->setMinimumContentsLength(6);
        connect(mComboBox, &QComboBox::activated, this, [this](int index) {
            if (index >= 0 && index < int(mSpec.choices.size()))
                Q_EMIT valueEdited(mPath, mSpec.choices[std::size_t(index)]);
        });
        return mComboBox;
    case core::ParamType::Integer:
    case core::ParamType::Number: {
        mLineEdit = new QLineEdit(parent);
        // Only the syntax is checked while typing: a value out of range reaches the document,
        // which refuses it with the reason shown under the field.
        const QString sign = mSpec.minimum < 0 ? QStringLiteral("-?") : QString();
        const QString pattern = mSpec.type == core::ParamType::Integer
                                    ? sign + QStringLiteral("[0-9]*")
                                    : sign + QStringLiteral("[0-9]*\\.?[0-9]*([eE][-+]?[0-9]*)?");
        mLineEdit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(pattern), mLineEdit));
        mLineEdit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        connect(mLineEdit, &QLineEdit::editingFinished, this, &ParameterEditor::commitText);
        return mLineEdit;
    }
    case core::ParamType::Text:
    case core::ParamType::Group:
        break;
    }
    mLineEdit = new QLineEdit(parent);
    connect(mLineEdit, &QLineEdit::editingFinished, this, &ParameterEditor::commitText);
    return mLineEdit;
}

void ParameterEditor::commitText()
{
    const QString text = mLineEdit->text().trimmed();
    if (text == mShownText)
        return; // focus left without an edit, or a second editingFinished after Enter
    if (mSpec.type == core::ParamType::Text) {
        Q_EMIT valueEdited(mPath, text.toStdString());
        return;
    }
    if (text.isEmpty()) {
        revert();
        return;
    }
    bool ok = false;
    core::ParamValue value;
    if (mSpec.type == core::ParamType::Integer)
        value = std::int64_t(text.toLongLong(&ok));
    else
        value = text.toDouble(&ok);
    if (!ok) {
        showRefusal(mSpec.type == core::ParamType::Integer
                        ? tr("“%1” is not a whole number.").arg(text)
                        : tr("“%1” is not a number.").arg(text));
        revert();
        return;
    }
    Q_EMIT valueEdited(mPath, value);
}

void ParameterEditor::setState(const State &state)
{
    mState = state;
    if (mLineEdit && mLineEdit->hasFocus() && mLineEdit->isModified()) {
        // The user is typing here: keep the text, refresh only the marks around it.
        mReset->setVisible(mState.set);
        updateToolTip();
        return;
    }
    showValue();
}

void ParameterEditor::revert()
{
    showValue();
}

void ParameterEditor::showValue()
{
    if (mCheckBox) {
        mCheckBox->setTristate(mState.mixed);
        const bool *on = std::get_if<bool>(&mState.value);
        mCheckBox->setCheckState(mState.mixed ? Qt::PartiallyChecked
                                 : on && *on  ? Qt::Checked
                                              : Qt::Unchecked);
    } else if (mComboBox) {
        int index = -1;
        if (!mState.mixed) {
            if (const auto *s = std::get_if<std::string>(&mState.value))
                index = mComboBox->findText(fromStd(*s));
        }
        mComboBox->setCurrentIndex(index);
    } else if (mLineEdit) {
        mShownText = mState.mixed ? QString() : display(mState.value);
        mLineEdit->setText(mShownText);
        mLineEdit->setPlaceholderText(mState.mixed ? QStringLiteral("—") : QString());
        mLineEdit->setCursorPosition(0);
    }
    QFont font = mEditor->font();
    font.setItalic(!mState.set && !mState.mixed);
    mEditor->setFont(font);
    mReset->setVisible(mState.set);
    updateColours();
    updateToolTip();
}

void ParameterEditor::updateToolTip()
{
    QStringList lines;
    if (!mSpec.description.empty())
        lines.append(fromStd(mSpec.description));
    const QString range = rangeText(mSpec);
    if (!range.isEmpty())
        lines.append(tr("Allowed: %1.").arg(range));
    if (mState.mixed)
        lines.append(tr("The selected components differ; a new value applies to all of them."));
    else if (!mState.set)
        lines.append(tr("At its default, %1.").arg(display(mSpec.defaultValue)));
    else
        lines.append(tr("Default: %1.").arg(display(mSpec.defaultValue)));
    // The title is for people; the key is what they find in the file and in CLI messages.
    lines.append(tr("Key in the file: %1").arg(mPath));
    const QString tip = lines.join(QLatin1Char('\n'));
    mEditor->setToolTip(tip);
    mName->setToolTip(tip);
}

QString ParameterEditor::rangeText(const core::ParamSpec &spec)
{
    if (spec.type != core::ParamType::Integer && spec.type != core::ParamType::Number)
        return {};
    const QString unit = spec.unit.empty() ? QString() : QLatin1Char(' ') + fromStd(spec.unit);
    const QString min = display(spec.type == core::ParamType::Integer
                                    ? core::ParamValue(std::int64_t(spec.minimum))
                                    : core::ParamValue(spec.minimum));
    if (spec.maximum >= unboundedFrom)
        return tr("at least %1%2").arg(min, unit);
    const QString max = display(spec.type == core::ParamType::Integer
                                    ? core::ParamValue(std::int64_t(spec.maximum))
                                    : core::ParamValue(spec.maximum));
    return tr("%1 to %2%3").arg(min, max, unit);
}

void ParameterEditor::showRefusal(const QString &reason)
{
    // Files and messages name parameters by key ("fall must be ..."); under its field the
    // parameter goes by the title the form shows it with.
    QString text = reason;
    for (const QString &key : {mPath, QString::fromStdString(mSpec.key)}) {
        if (text.startsWith(key + QLatin1Char(' '))) {
            text.replace(0, key.size(), QString::fromStdString(mSpec.title));
            break;
        }
    }
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    mRefusal->setText(text);
    mRefusal->show();
}

void ParameterEditor::clearRefusal()
{
    mRefusal->clear();
    mRefusal->hide();
}

bool ParameterEditor::hasRefusal() const
{
    return !mRefusal->isHidden();
}

void ParameterEditor::updateColours()
{
    const QPalette base = mName->palette();
    QPalette editorPalette = mEditor->palette();
    const bool atDefault = !mState.set && !mState.mixed;
    const QColor text
        = atDefault ? base.color(QPalette::PlaceholderText) : base.color(QPalette::Text);
    editorPalette.setColor(QPalette::Text, text);
    editorPalette.setColor(QPalette::ButtonText, text);
    mEditor->setPalette(editorPalette);

    QPalette refusalPalette = mRefusal->palette();
    refusalPalette.setColor(QPalette::WindowText, errorColour(base));
    mRefusal->setPalette(refusalPalette);
}

QColor ParameterEditor::errorColour(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

} // namespace topolab::app
