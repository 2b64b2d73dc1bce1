#pragma once

#include <QDockWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace topolab::app {

class ViewerDocument;

// The "Issues" dock: the document's load errors (each as the file:line:col line topolab-cli
// prints) or its validation findings (severity icon, message, code, location). Clicking an
// entry asks for its component to be shown. Owns its list widget.
class IssuesDock : public QDockWidget
{
    Q_OBJECT

public:
    enum Column { MessageColumn, CodeColumn, LocationColumn };
    static constexpr int ElementIdRole = Qt::UserRole + 1;

    explicit IssuesDock(const ViewerDocument &document, QWidget *parent = nullptr);

    QTreeWidget *list() const { return mList; }
    void refresh();

Q_SIGNALS:
    void elementActivated(const QString &id);

private:
    void activate(QTreeWidgetItem *item);

    const ViewerDocument &mDocument;
    QTreeWidget *mList;
};

} // namespace topolab::app
