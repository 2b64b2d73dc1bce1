#pragma once

#include "core/io/diagnostic.h"

#include <QDockWidget>
#include <QPointer>
#include <QString>

#include <vector>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace topolab::app {

class TopologyDocument;

// The "Issues" dock: a one-line summary ("2 errors, 1 warning", "No problems found") over the
// document's validation findings, errors first, each with its severity icon, message, code and
// the component or region concerned. After a failed Open it lists that file's load errors
// instead, as the FILE:LINE:COL lines topolab-cli prints, until the document is reset (the next
// New or Open). Activating a finding that names an element of the document asks for it to be
// shown; the panel itself only listens to the document. Owns its widgets, not the document.
class IssuesPanel : public QDockWidget
{
    Q_OBJECT

public:
    enum Column { MessageColumn, CodeColumn, LocationColumn };
    static constexpr int ElementIdRole = Qt::UserRole + 1; // the element an entry names

    explicit IssuesPanel(QWidget *parent = nullptr);

    void setDocument(TopologyDocument *document);
    TopologyDocument *document() const { return mDocument; }

    // Lists `errors` of the file at `path` (which did not open) until the next reset.
    void showLoadErrors(const QString &path, const std::vector<core::Diagnostic> &errors);
    bool showsLoadErrors() const { return !mLoadErrorPath.isEmpty(); }

    // For tests and the main window.
    QTreeWidget *list() const { return mList; }
    QLabel *summaryLabel() const { return mSummary; }
    QLabel *emptyLabel() const { return mEmpty; }

Q_SIGNALS:
    // The user picked a finding about the component or region `id`.
    void elementActivated(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void listFindings();
    void listLoadErrors();
    void documentReset();
    void activate(QTreeWidgetItem *item);

    QPointer<TopologyDocument> mDocument;
    QString mLoadErrorPath; // non-empty while load errors are shown
    std::vector<core::Diagnostic> mLoadErrors;
    QLabel *mSummary;
    QTreeWidget *mList;
    QLabel *mEmpty;
    QStackedWidget *mStack; // the list, or the empty-state message in its place
};

} // namespace topolab::app
