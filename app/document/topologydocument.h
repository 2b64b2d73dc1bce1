#pragma once

#include "core/io/diagnostic.h"
#include "core/model/componentkind.h"
#include "core/model/paramspec.h"
#include "core/model/topology.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QUndoStack;

namespace topolab::app {

class ClipboardFragment;
class DocumentCommand;
class LayoutBoxesCommand;

// The topology being edited, in the way Tiled's MapDocument wraps its map: owns the
// core::Topology, its QUndoStack, the file path and the latest validation findings. Every edit
// goes through a mutator below, which only builds a QUndoCommand (app/document/commands/) and
// pushes it; the commands change the model and emit the fine-grained signals the canvas,
// inspector, minimap and issues dock listen to. Views keep no state the document lacks.
//
// Invariant: the model always writes a file that core reads back (every link passes the rules
// table, every reference names an existing element), so Save never produces a broken file.
class TopologyDocument : public QObject
{
    Q_OBJECT

public:
    enum class Template { Blank, SingleRegion, MultiRegion };
    enum class Alignment { Left, HorizontalCentre, Right, Top, VerticalCentre, Bottom };
    enum class Distribution { Horizontal, Vertical };

    // How far duplicate() offsets the copies.
    static constexpr qreal duplicateOffset = 40;

    // The sections beside the drawing: who sends requests and what a simulation injects, and
    // where a deploy puts each component (deploy.hosts).
    struct Sections
    {
        std::vector<core::ClientGroup> clientGroups;
        std::optional<core::Scenario> scenario;
        std::vector<core::DeployHost> deployHosts;
        bool operator==(const Sections &) const = default;
    };
    // Changes a copy of the sections; returns why it cannot, or nullopt.
    using SectionsEdit = std::function<std::optional<std::string>(Sections &)>;

    // Templates come from `templatesDir` (defaultTemplatesDir(): compiled into the binary).
    explicit TopologyDocument(QObject *parent = nullptr);
    explicit TopologyDocument(const QString &templatesDir, QObject *parent = nullptr);
    ~TopologyDocument() override;

    static QString defaultTemplatesDir();
    static QString templateFileName(Template kind); // empty for Blank

    // ---- Files. A failure keeps the current document untouched.
    // Replaces the document by a template; returns the errors when the template cannot be read.
    std::vector<core::Diagnostic> newFromTemplate(Template kind);
    // Opens a *.topolab.yaml file; returns its load errors (each with line and column) on failure.
    std::vector<core::Diagnostic> open(const QString &path);
    // Reads `source` as the document of file `path` (empty: untitled), modified until saved:
    // a crash copy recovered in place of the file it was made from.
    std::vector<core::Diagnostic> openAs(const QString &source, const QString &path);
    // Atomic save (core::saveTopologyFile); returns the reason on failure, marks clean on success.
    std::optional<QString> save();
    std::optional<QString> saveAs(const QString &path);
    // "FILE:LINE:COL: error: MESSAGE [code]", the line topolab-cli prints.
    static QString formatDiagnostic(const core::Diagnostic &diagnostic, const QString &path);

    // ---- State.
    const core::Topology &topology() const { return mTopology; }
    QString filePath() const { return mFilePath; }
    QString displayName() const; // the file name, or "Untitled"
    bool isModified() const;
    QUndoStack *undoStack() const { return mUndoStack; }
    // The validation findings for the current model, recomputed after every change.
    const std::vector<core::Diagnostic> &diagnostics() const { return mDiagnostics; }
    std::string serialized() const; // the bytes Save would write

    // ---- Queries.
    const core::Component *component(const QString &id) const;
    const core::Region *region(const QString &id) const;
    std::optional<core::LayoutBox> layoutBox(const QString &id) const;
    QStringList componentsInRegion(const QString &regionId) const;
    // `base` when it is free, else the next number of its family: app-1 → app-4 when app-1 to
    // app-3 exist, www → www-2. Invalid characters become '-'.
    QString uniqueId(const QString &base) const;
    // Why `from` may not link to `to` (the rules table of core), or nullopt when it may.
    std::optional<QString> canConnect(const QString &from, const QString &to) const;
    // The clipboard text for the components and regions `ids` (a region brings its members),
    // with the links among them and their layout; see clipboardfragment.h. Empty when none.
    QString copy(const QStringList &ids) const;
    Sections sections() const;
    // A fresh id for moveElements()/resizeRegion()/editSections(): the steps of one drag share it.
    int newDragId() { return ++mLastDragId; }

    // ---- Edits. Each pushes exactly one undo command, or nothing when refused or a no-op.
    // Returns the new id (a region-less kind ignores `region`); empty when `region` is unknown.
    QString addComponent(core::ComponentKind kind, QPointF centre, const QString &region = {});
    QString addRegion(const QRectF &rect, const QString &label = {});
    // Removes components and regions; deleting a region deletes its members too (as deleting
    // a container does in draw.io). Their links, layout, scenario failures that target them
    // and deploy hosts go with them; client groups of a removed region become region-less.
    bool removeElements(const QStringList &ids);
    // Named so as not to hide QObject::connect/disconnect. Returns the refusal reason.
    std::optional<QString> connectComponents(const QString &from, const QString &to);
    bool disconnectComponents(const QString &from, const QString &to);
    // New positions: a component's centre, a region's top-left. A moved region carries the
    // members that are not moved explicitly. Steps with the same non-zero dragId merge.
    bool moveElements(const QMap<QString, QPointF> &positions, int dragId = 0);
    bool resizeRegion(const QString &id, const QRectF &rect, int dragId = 0);
    // Moves components into `region` (empty = out of any region). Returns the refusal reason.
    std::optional<QString> setRegionOf(const QStringList &componentIds, const QString &region);
    // Sets one parameter ("workers", "health_check.fall") of several components as one step;
    // refuses with the reason when a value does not fit or would break an existing link.
    std::optional<QString> setParameter(const QStringList &componentIds, const QString &path,
                                        const core::ParamValue &value);
    std::optional<QString> resetParameter(const QStringList &componentIds, const QString &path);
    // Turns an optional parameter group (a DNS health_check) on or off.
    std::optional<QString> setParameterGroupEnabled(const QStringList &componentIds,
                                                    const QString &group, bool enabled);
    // Replaces the client groups, the scenario and the deploy hosts as one step called `text`.
    // Refuses, with the reason, what a file could not hold: an invalid or duplicate client group
    // id, an unknown region or failure target, a failure without start or target, a deploy host
    // without address, for a component that does not exist or for one that has a host already.
    // Steps with the same non-zero dragId merge (a drag on the failure timeline); a merged
    // gesture that changes nothing leaves no step.
    std::optional<QString> setSections(const Sections &sections, const QString &text,
                                       int dragId = 0);
    // setSections() of the current sections as changed by `edit`; `edit`'s refusal is returned.
    std::optional<QString> editSections(const QString &text, const SectionsEdit &edit,
                                        int dragId = 0);
    bool setLabel(const QString &id, const QString &label); // a component or a region
    // Renames a component or region and every reference to it (links, layout, regions of
    // members, client groups, failure targets, deploy hosts). Returns the refusal reason.
    std::optional<QString> renameId(const QString &id, const QString &newId);
    // Inserts a clipboard fragment with fresh ids, moved by `offset`; returns the new ids.
    QStringList paste(const QString &text, QPointF offset);
    QStringList duplicate(const QStringList &ids);
    // A layered layout (by tier: dns, load balancers, app servers, data, storage) of one
    // region's members, or of everything when `region` is empty.
    bool autoLayout(const QString &region = {});
    // `sizes` (optional) gives the canvas's real extents of components, by id.
    bool align(const QStringList &ids, Alignment alignment,
               const QHash<QString, QSizeF> &sizes = {});
    bool distribute(const QStringList &ids, Distribution distribution,
                    const QHash<QString, QSizeF> &sizes = {});
    // Several edits as one undo step (a drag that moves into a region: move + reparent).
    // The diagnostics are recomputed when the compound edit ends.
    void beginCompoundEdit(const QString &text);
    void endCompoundEdit();

Q_SIGNALS:
    void componentAdded(const QString &id);
    void componentRemoved(const QString &id);
    void componentChanged(const QString &id); // parameters, label or region
    void componentMoved(const QString &id);   // its layout box (also reported by layoutChanged)
    void regionAdded(const QString &id);
    void regionRemoved(const QString &id);
    void regionChanged(const QString &id); // label
    void linkAdded(const QString &from, const QString &to);
    void linkRemoved(const QString &from, const QString &to);
    void layoutChanged(const QString &id); // the layout box of a component or a region
    // Every reference to oldId now names newId; views re-key their items.
    void idRenamed(const QString &oldId, const QString &newId);
    void sectionsChanged(); // client groups, scenario failures or deploy hosts
    void topologyReset();   // a new model after New or Open: views rebuild
    void diagnosticsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    // Pushes a geometry edit unless it moves nothing.
    bool pushGeometry(std::unique_ptr<LayoutBoxesCommand> command);
    friend class DocumentCommand;

    void reset(core::Topology topology, const QString &path);
    void revalidate();
    void setFilePath(const QString &path);
    QStringList insertFragment(const ClipboardFragment &fragment, QPointF offset,
                               const QString &text);
    // Pushes a SetParameterCommand for `change` applied to each component (see ParameterEdit).
    std::optional<QString>
    changeParameters(const QStringList &componentIds, const QString &text,
                     const std::function<std::optional<std::string>(core::ParamSet &)> &change);

    QString mTemplatesDir;
    core::Topology mTopology;
    QString mFilePath;
    QUndoStack *mUndoStack;
    std::vector<core::Diagnostic> mDiagnostics;
    int mLastDragId = 0;
    int mCompoundDepth = 0;
    int mCompoundStart = 0; // the stack's index when the outermost compound edit began
    bool mResetting = false;
};

} // namespace topolab::app
