#pragma once

#include "core/model/paramspec.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;
class QToolButton;

namespace topolab::app {

class TopologyDocument;

// The scenario's random failures as a table edited in place: per row the component kind it
// applies to, the mean time between failures (h), the mean time to repair (min) and the mode;
// Add and Remove below. Every change is one document call; a refused value is put back and the
// reason shown under the table. Owns its widgets, not the document.
class RandomFailuresPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { KindColumn, MtbfColumn, MttrColumn, ModeColumn };

    explicit RandomFailuresPanel(TopologyDocument *document, QWidget *parent = nullptr);

    // Re-reads the document, keeping the current row.
    void refresh();
    QTableWidget *table() const { return mTable; }
    QToolButton *addButton() const { return mAdd; }
    QToolButton *removeButton() const { return mRemove; }
    QLabel *messageLabel() const { return mMessage; }

    // A random failure of the most common kind that has none yet; returns its row.
    int addRow();
    bool removeRow(int row);

private:
    void cellEdited(int row, int column, const QString &text);
    // Sets `key` of the random failure in `row` as one step; shows the refusal.
    void apply(int row, const std::string &key, const core::ParamValue &value);
    QWidget *choiceBox(int row, int column);
    void updateButtons();

    QPointer<TopologyDocument> mDocument;
    QTableWidget *mTable;
    QToolButton *mAdd;
    QToolButton *mRemove;
    QLabel *mMessage;
    bool mFilling = false;
};

} // namespace topolab::app
