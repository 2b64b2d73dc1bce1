#include "hostseditdelegate.h"

#include "hostseditmodel.h"

#include "document/stdstrings.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QStyleOptionButton>

#include <algorithm>

namespace topolab::app {

namespace {

constexpr int buttonMargin = 2;

QString browseText()
{
    return HostsEditDelegate::tr("Browse…");
}

} // namespace

HostsEditDelegate::HostsEditDelegate(HostsEditModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , mModel(model)
{
}

bool HostsEditDelegate::hasBrowseButton(const QModelIndex &index) const
{
    const core::ParamSpec *spec = mModel->specAt(index.column());
    return spec && spec->key == "key_file" && mModel->hasHost(index.row());
}

QSize HostsEditDelegate::browseButtonSize(const QWidget *widget) const
{
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const QFontMetrics metrics
        = widget ? widget->fontMetrics() : QFontMetrics(QApplication::font());
    QStyleOptionButton option;
    option.text = browseText();
    const QSize text(metrics.horizontalAdvance(option.text) + 2 * metrics.averageCharWidth(),
                     metrics.height());
    return style->sizeFromContents(QStyle::CT_PushButton, &option, text, widget)
        .boundedTo(QSize(1000, metrics.height() + 8));
}

QRect HostsEditDelegate::browseButtonRect(const QModelIndex &index, const QRect &cell) const
{
    if (!hasBrowseButton(index))
        return {};
    const QSize size = browseButtonSize(nullptr);
    const int height = std::min(size.height(), cell.height() - 2 * buttonMargin);
    return QRect(cell.right() - buttonMargin - size.width() + 1,
                 cell.top() + (cell.height() - height) / 2, size.width(), height);
}

QWidget *HostsEditDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    const core::ParamSpec *spec = mModel->specAt(index.column());
    if (!spec)
        return QStyledItemDelegate::createEditor(parent, option, index);
    if (spec->type == core::ParamType::Choice) {
        auto *combo = new QComboBox(parent);
        for (const std::string &choice : spec->choices)
            combo->addItem(toQString(choice));
        // A choice is made with one click: it reaches the document at once.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<HostsEditDelegate *>(this);
            Q_EMIT self->commitData(combo);
            Q_EMIT self->closeEditor(combo);
        });
        return combo;
    }
    auto *edit = new QLineEdit(parent);
    edit->setFrame(false);
    if (spec->type == core::ParamType::Integer) {
        edit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]*")), edit));
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (spec->key == "key_file")
        edit->setPlaceholderText(tr("empty: ssh-agent"));
    if (spec->key == "address")
        edit->setPlaceholderText(tr("host name or IP address"));
    return edit;
}

void HostsEditDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString text = index.data(Qt::EditRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findText(text)));
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(text);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void HostsEditDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, edit->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void HostsEditDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    QRect rect = option.rect;
    // The key file's editor leaves the Browse… button uncovered.
    if (const QRect button = browseButtonRect(index, option.rect); !button.isEmpty())
        rect.setRight(button.left() - buttonMargin);
    editor->setGeometry(rect);
}

void HostsEditDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QRect button = browseButtonRect(index, option.rect);
    if (button.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem text = option;
    text.rect.setRight(button.left() - buttonMargin);
    // The cell's background (selection) spans the button too.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    QStyledItemDelegate::paint(painter, text, index);

    QStyleOptionButton push;
    push.rect = button;
    push.text = browseText();
    push.state = QStyle::State_Enabled | QStyle::State_Raised;
    push.palette = option.palette;
    push.fontMetrics = option.fontMetrics;
    style->drawControl(QStyle::CE_PushButton, &push, painter, widget);
}

QSize HostsEditDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const core::ParamSpec *spec = mModel->specAt(index.column());
    if (spec && spec->key == "key_file") {
        const QSize button = browseButtonSize(option.widget);
        size.setWidth(size.width() + button.width() + 2 * buttonMargin);
        size.setHeight(std::max(size.height(), button.height() + 2 * buttonMargin));
    }
    return size;
}

bool HostsEditDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QRect button = browseButtonRect(index, option.rect);
    const bool mouse = event->type() == QEvent::MouseButtonPress
                       || event->type() == QEvent::MouseButtonRelease
                       || event->type() == QEvent::MouseButtonDblClick;
    if (!button.isEmpty() && mouse) {
        const auto *click = static_cast<QMouseEvent *>(event);
        if (button.contains(click->position().toPoint())) {
            if (event->type() == QEvent::MouseButtonRelease && click->button() == Qt::LeftButton)
                Q_EMIT browseRequested(QPersistentModelIndex(index));
            return true; // neither selects nor starts an edit
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace topolab::app
