#pragma once

#include <QDialog>
#include <QPersistentModelIndex>

class QLabel;
class QPushButton;
class QTableView;

namespace topolab::app {

class HostsEditDelegate;
class HostsEditModel;
class HostsEditStatus;
class HostsEditTests;
class InventoryProbe;
class TopologyDocument;

// Deploy › Hosts…: where each component is deployed, as a table the user edits in place (one
// undo step per edit, refusals shown under the table), fills from an inventory, and tests:
// every test logs in with the deploy engine's SSH (strict host keys, key or agent, never a
// password) on a thread of its own, and shows what it found in the row. An unknown host key
// can be trusted after a confirmation, through the engine's own trust path, which stores it in
// the known_hosts file; a changed one never. Owns the table, its model and the tests
// (HostsEditTests); only assembles them.
class HostsEditDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostsEditDialog(TopologyDocument *document, QWidget *parent = nullptr);
    ~HostsEditDialog() override;

    // The dialog of `parent`, made on first use, shown and raised.
    static HostsEditDialog *showFor(TopologyDocument *document, QWidget *parent);

    QTableView *table() const { return mTable; }
    HostsEditModel *model() const { return mModel; }
    HostsEditTests *tests() const { return mTests; }
    InventoryProbe *probe() const;
    HostsEditStatus *statusOf(const QString &component) const;
    QString refusal() const; // shown under the table; empty when none
    QString details() const; // what is known about the current row
    QString knownHostsPath() const;
    void setKnownHostsPath(const QString &path); // core::defaultKnownHostsPath() unless set
    void setConnectTimeout(int seconds);

    void test(const QString &component);
    void testAll();
    void cancelTests();
    // Asks to confirm the unknown host key the last test of `component` found; once confirmed,
    // tests again trusting exactly that fingerprint, and the engine stores it.
    void trust(const QString &component);
    void fillFrom(); // opens the inventory import

protected:
    void done(int result) override; // cancels the tests still running

private:
    void rebuildStatusCells();
    void fitToContents(); // column widths and a size for typical values, once
    void updateStatusCell(const QString &component);
    void updateDetails();
    void updateButtons();
    void showRefusal(const QModelIndex &index, const QString &reason);
    void browseKeyFile(const QPersistentModelIndex &index);
    void removeCurrentHost();

    TopologyDocument *mDocument;
    HostsEditModel *mModel;
    HostsEditDelegate *mDelegate;
    HostsEditTests *mTests;
    QTableView *mTable;
    QLabel *mRefusal;
    QLabel *mDetails;
    QLabel *mKnownHosts;
    QPushButton *mTestAll;
    QPushButton *mRemove;
};

} // namespace topolab::app
