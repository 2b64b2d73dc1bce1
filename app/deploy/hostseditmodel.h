#pragma once

#include "core/deploy/hostconnection.h"
#include "core/model/componentkind.h"
#include "core/model/paramspec.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>
#include <string_view>

namespace topolab::app {

class TopologyDocument;

// The deploy hosts of a document as a table: one row per component that deploys something
// (load balancers, app servers, databases, backups, dns, then object storage, whose host only
// gives its endpoint's address), with or without a host yet; a column per key of
// core::deployHostSchema() (never a secret-looking one), then one for the connection test.
// Edits go to the document as one undo step each (DeployHostEdit); a refused edit is reported
// with refused() and changes nothing. Holds no state the document lacks besides the row order.
class HostsEditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int componentColumn = 0;

    explicit HostsEditModel(TopologyDocument *document, QObject *parent = nullptr);

    // Whether components of `kind` get a row even without a host.
    static bool deploysSomething(core::ComponentKind kind);
    // Whether a host of `kind` is reached over SSH (object storage's is an endpoint only).
    static bool reachedOverSsh(core::ComponentKind kind);
    // A key named like a password, which no deploy host may hold.
    static bool looksLikeSecret(std::string_view key);

    TopologyDocument *document() const { return mDocument; }
    int connectionColumn() const { return int(mSpecs.size()) + 1; }
    int columnOf(const QString &key) const;          // -1 when no column shows it
    const core::ParamSpec *specAt(int column) const; // null for the component and test columns
    QString componentAt(int row) const { return mRows.value(row); }
    int rowOf(const QString &component) const { return int(mRows.indexOf(component)); }
    bool hasHost(int row) const;
    bool canTest(int row) const; // a host reached over SSH
    // How the deploy engine reaches the host of `row` (its key file path expanded), if any.
    std::optional<core::HostConnection> connectionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Text for a key's cell: empty puts it back to its default (an empty address removes the
    // host). A value equal to what the cell shows changes nothing.
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

Q_SIGNALS:
    void refused(const QModelIndex &index, const QString &reason);
    void edited(const QModelIndex &index); // an edit reached the document

private:
    QStringList rowsOfDocument() const;
    void refresh();

    TopologyDocument *mDocument;
    std::vector<const core::ParamSpec *> mSpecs;
    QStringList mRows;
};

} // namespace topolab::app
