#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace topolab::app {

class HostsEditModel;

// Edits the cells of the hosts table: a combo box for a choice (service manager), digits only
// for a number (the range is the document's to check, so the refusal names it), text otherwise.
// The key file cell of a row with a host carries a Browse… button, painted in the cell and
// reported with browseRequested() when clicked. Owns nothing.
class HostsEditDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit HostsEditDelegate(HostsEditModel *model, QObject *parent = nullptr);

    // Where the Browse… button of a cell at `cell` is drawn; empty when the cell has none.
    QRect browseButtonRect(const QModelIndex &index, const QRect &cell) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

Q_SIGNALS:
    void browseRequested(const QPersistentModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    bool hasBrowseButton(const QModelIndex &index) const;
    QSize browseButtonSize(const QWidget *widget) const;

    HostsEditModel *mModel;
};

} // namespace topolab::app
