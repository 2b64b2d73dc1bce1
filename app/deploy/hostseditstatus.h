#pragma once

#include "inventoryprobe.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace topolab::app {

class HostsEditSpinner;

// The connection cell of one row of the hosts table: a Test button (Cancel while the test
// runs, with a turning wheel), what the last test found in a word or two (with the type and
// fingerprint of an unknown host key, cut short when the column is narrow) and, for an unknown
// key only, a Trust… button. The whole text, the message and what to do are its tooltip. Owns its
// child widgets; the dialog owns the tests.
class HostsEditStatus : public QWidget
{
    Q_OBJECT

public:
    explicit HostsEditStatus(QWidget *parent = nullptr);

    // Without a host reached over SSH there is nothing to test; `why` says so.
    void setTestable(bool testable, const QString &why = {});
    void setRunning();
    void setResult(const InventoryProbeResult &result);
    void clear(); // no test since the host last changed

    bool isRunning() const { return mRunning; }
    QString text() const;
    QToolButton *testButton() const { return mTest; }
    QToolButton *trustButton() const { return mTrust; }
    // The text and colour that say what a test found, as in the cell.
    static QString summary(const InventoryProbeResult &result);
    static QColor colour(InventoryProbeResult::State state, const QPalette &palette);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void testRequested();
    void cancelRequested();
    void trustRequested();

private:
    void showText(const QString &text, const QColor &colour, const QString &tip);
    void elide(); // the text as far as it fits, the whole of it in the tooltip

    HostsEditSpinner *mSpinner;
    QLabel *mText;
    QString mFullText;
    QString mTip;
    QToolButton *mTest;
    QToolButton *mTrust;
    bool mRunning = false;
    bool mTestable = false;
    QString mWhyNot; // why there is nothing to test
};

} // namespace topolab::app
