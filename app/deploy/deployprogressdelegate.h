#pragma once

#include <QStyledItemDelegate>

namespace topolab::app {

// Draws the Deploy table's progress column as a progress bar with the steps done (from
// DeployHostModel::ProgressRole), and nothing where there is nothing to show. Holds nothing.
class DeployProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace topolab::app
