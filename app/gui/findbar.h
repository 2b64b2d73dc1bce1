#pragma once

#include <QStringList>
#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
class QToolButton;

namespace topolab::app {

class TopologyDocument;

// The Find bar over the canvas (Ctrl+F): matches components and regions by id, label or kind as
// the user types, completes ids, and on Enter shows the next match ("2 of 5"); Escape closes
// it. The matches follow the document while the bar is open. Asks the window to select and
// centre a match through elementFound(). Owns its widgets.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(const TopologyDocument *document, QWidget *parent = nullptr);

    QLineEdit *edit() const { return mEdit; }
    QLabel *resultLabel() const { return mResult; }
    // The ids matching `text`: exact id first, then ids starting with it, then any other id,
    // label or kind containing it; in document order within each group.
    QStringList matches(const QString &text) const;

public Q_SLOTS:
    void activate(); // show, focus and select the text
    void findNext();
    void findPrevious();

Q_SIGNALS:
    void elementFound(const QString &id);
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void textChanged(const QString &text);
    // The matches again after the document changed, from the one shown last.
    void documentChanged();
    void showCount();
    void show(int index);
    void refreshCompletions();

    const TopologyDocument *mDocument;
    QLineEdit *mEdit;
    QLabel *mResult;
    QToolButton *mPrevious;
    QToolButton *mNext;
    QToolButton *mClose;
    QCompleter *mCompleter;
    QStringListModel *mCompletions;
    QStringList mMatches;
    int mCurrent = -1;
};

} // namespace topolab::app
