#pragma once

#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>

class QLabel;
class QToolButton;

namespace topolab::app {

class TopologyDocument;

// The permanent part of the status bar: what is selected (or, with nothing selected, how big
// the topology is), the number of errors and warnings (a click shows the Issues dock) and the
// zoom (a click offers preset levels). Owns its widgets.
class StatusIndicators : public QWidget
{
    Q_OBJECT

public:
    explicit StatusIndicators(const TopologyDocument *document, QWidget *parent = nullptr);

    QLabel *selectionLabel() const { return mSelection; }
    QToolButton *issuesButton() const { return mIssues; }
    QToolButton *zoomButton() const { return mZoom; }

public Q_SLOTS:
    void setSelection(const QStringList &ids, const QList<QPair<QString, QString>> &links = {});
    void setZoom(qreal zoom);
    void refresh();

Q_SIGNALS:
    void issuesClicked();
    void zoomRequested(qreal zoom); // a preset; 0 = fit to view

private:
    const TopologyDocument *mDocument;
    QStringList mSelectionIds;
    QList<QPair<QString, QString>> mSelectionLinks;
    QLabel *mSelection;
    QToolButton *mIssues;
    QToolButton *mZoom;
};

} // namespace topolab::app
