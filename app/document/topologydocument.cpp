#include "topologydocument.h"

#include "clipboardfragment.h"
#include "commands/addcomponentcommand.h"
#include "commands/addregioncommand.h"
#include "commands/aligncommand.h"
#include "commands/autolayoutcommand.h"
#include "commands/connectcommand.h"
#include "commands/disconnectcommand.h"
#include "commands/distributecommand.h"
#include "commands/editsectionscommand.h"
#include "commands/movecommand.h"
#include "commands/pastecommand.h"
#include "commands/removecommand.h"
#include "commands/renamecommand.h"
#include "commands/resizeregioncommand.h"
#include "commands/setlabelcommand.h"
#include "commands/setparametercommand.h"
#include "commands/setregioncommand.h"
#include "elementgeometry.h"
#include "idallocator.h"
#include "parameteredit.h"
#include "stdstrings.h"

#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"
#include "core/model/connectionrules.h"
#include "core/model/identifier.h"
#include "core/validation/validator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

#include <memory>

// The templates are compiled into the static topolab_gui library, whose initialiser the linker
// drops unless something refers to it; Q_INIT_RESOURCE must be called outside any namespace.
static void ensureTemplateResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(templates);
        return true;
    }();
    Q_UNUSED(done);
}

namespace topolab::app {

namespace {

core::Diagnostic ioError(const QString &message)
{
    return core::Diagnostic{core::Severity::Error, "io", toStd(message), {}, {}};
}

// The id family a new component of `kind` starts from.
QString baseIdFor(core::ComponentKind kind)
{
    using K = core::ComponentKind;
    switch (kind) {
    case K::Dns:
        return QStringLiteral("dns-1");
    case K::LoadBalancer:
        return QStringLiteral("lb-1");
    case K::AppServer:
        return QStringLiteral("app-1");
    case K::ObjectStorage:
        return QStringLiteral("storage-1");
    case K::Database:
        return QStringLiteral("db-1");
    case K::Volume:
        return QStringLiteral("vol-1");
    case K::Backup:
        return QStringLiteral("backup-1");
    case K::Vpn:
        return QStringLiteral("vpn-1");
    case K::SharedStorage:
        return QStringLiteral("shared-1");
    }
    return QStringLiteral("component-1");
}

} // namespace

TopologyDocument::TopologyDocument(QObject *parent)
    : TopologyDocument(defaultTemplatesDir(), parent)
{
}

TopologyDocument::TopologyDocument(const QString &templatesDir, QObject *parent)
    : QObject(parent)
    , mTemplatesDir(templatesDir)
    , mUndoStack(new QUndoStack(this))
{
    ensureTemplateResources();
    QObject::connect(mUndoStack, &QUndoStack::indexChanged, this, [this] {
        if (!mResetting)
            revalidate();
    });
    QObject::connect(mUndoStack, &QUndoStack::cleanChanged, this,
                     [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    mDiagnostics = core::validateTopology(mTopology);
}

TopologyDocument::~TopologyDocument() = default;

QString TopologyDocument::defaultTemplatesDir()
{
    return QStringLiteral(":/templates");
}

QString TopologyDocument::templateFileName(Template kind)
{
    switch (kind) {
    case Template::Blank:
        return {};
    case Template::SingleRegion:
        return QStringLiteral("single-region.topolab.yaml");
    case Template::MultiRegion:
        return QStringLiteral("multi-region.topolab.yaml");
    }
    return {};
}

// ---- Files

std::vector<core::Diagnostic> TopologyDocument::newFromTemplate(Template kind)
{
    if (kind == Template::Blank) {
        reset(core::Topology{}, QString());
        return {};
    }
    const QString path = QDir(mTemplatesDir).filePath(templateFileName(kind));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {ioError(tr("cannot read the template %1: %2").arg(path, file.errorString()))};
    const QByteArray text = file.readAll();
    core::LoadResult result = core::readTopology(std::string_view(text.constData(), text.size()));
    if (!result.ok())
        return result.diagnostics;
    reset(std::move(*result.topology), QString());
    return {};
}

std::vector<core::Diagnostic> TopologyDocument::open(const QString &path)
{
    core::LoadResult result = core::loadTopologyFile(QFile::encodeName(path).toStdString());
    if (!result.ok()) {
        if (result.diagnostics.empty())
            result.diagnostics.push_back(ioError(tr("the file could not be read")));
        return result.diagnostics;
    }
    reset(std::move(*result.topology), path);
    return {};
}

std::vector<core::Diagnostic> TopologyDocument::openAs(const QString &source, const QString &path)
{
    core::LoadResult result = core::loadTopologyFile(QFile::encodeName(source).toStdString());
    if (!result.ok()) {
        if (result.diagnostics.empty())
            result.diagnostics.push_back(ioError(tr("the file could not be read")));
        return result.diagnostics;
    }
    // Straight to `path`, never by way of `source`: whoever follows the file path (an autosave
    // named after it) must not see the document pass through the copy's path and drop it.
    reset(std::move(*result.topology), path);
    // Never clean until saved: what is on disk at `path` is not what the document holds.
    mUndoStack->resetClean();
    return {};
}

std::optional<QString> TopologyDocument::save()
{
    if (mFilePath.isEmpty())
        return tr("the document has no file yet: choose one with Save As");
    return saveAs(mFilePath);
}

std::optional<QString> TopologyDocument::saveAs(const QString &path)
{
    const std::string error
        = core::saveTopologyFile(mTopology, QFile::encodeName(path).toStdString());
    if (!error.empty())
        return toQString(error);
    mUndoStack->setClean();
    setFilePath(path);
    return std::nullopt;
}

QString TopologyDocument::formatDiagnostic(const core::Diagnostic &diagnostic, const QString &path)
{
    return toQString(core::formatDiagnostic(diagnostic, toStd(path)));
}

void TopologyDocument::reset(core::Topology topology, const QString &path)
{
    mResetting = true;
    mTopology = std::move(topology);
    mUndoStack->clear();
    mResetting = false;
    setFilePath(path);
    mDiagnostics = core::validateTopology(mTopology);
    Q_EMIT topologyReset();
    Q_EMIT diagnosticsChanged();
}

void TopologyDocument::revalidate()
{
    mDiagnostics = core::validateTopology(mTopology);
    Q_EMIT diagnosticsChanged();
}

void TopologyDocument::setFilePath(const QString &path)
{
    if (path == mFilePath)
        return;
    mFilePath = path;
    Q_EMIT filePathChanged(path);
}

// ---- State and queries

QString TopologyDocument::displayName() const
{
    return mFilePath.isEmpty() ? tr("Untitled") : QFileInfo(mFilePath).fileName();
}

bool TopologyDocument::isModified() const
{
    return !mUndoStack->isClean();
}

std::string TopologyDocument::serialized() const
{
    return core::writeTopology(mTopology);
}

const core::Component *TopologyDocument::component(const QString &id) const
{
    return mTopology.component(toStd(id));
}

const core::Region *TopologyDocument::region(const QString &id) const
{
    return mTopology.region(toStd(id));
}

std::optional<core::LayoutBox> TopologyDocument::layoutBox(const QString &id) const
{
    const auto it = mTopology.layout.find(toStd(id));
    if (it == mTopology.layout.end())
        return std::nullopt;
    return it->second;
}

QStringList TopologyDocument::componentsInRegion(const QString &regionId) const
{
    QStringList ids;
    const std::string region = toStd(regionId);
    for (const auto &c : mTopology.components) {
        if (c.region == region)
            ids.append(toQString(c.id));
    }
    return ids;
}

QString TopologyDocument::uniqueId(const QString &base) const
{
    return toQString(IdAllocator(mTopology).peek(toStd(base)));
}

std::optional<QString> TopologyDocument::canConnect(const QString &from, const QString &to) const
{
    const core::ConnectionVerdict verdict = core::checkNewLink(mTopology, toStd(from), toStd(to));
    if (verdict.allowed)
        return std::nullopt;
    return toQString(verdict.reason);
}

QString TopologyDocument::copy(const QStringList &ids) const
{
    std::vector<std::string> list;
    for (const QString &id : ids)
        list.push_back(toStd(id));
    const ClipboardFragment fragment = ClipboardFragment::copy(mTopology, list);
    if (fragment.isEmpty())
        return {};
    return toQString(fragment.toText());
}

// ---- Edits

QString TopologyDocument::addComponent(core::ComponentKind kind, QPointF centre,
                                       const QString &region)
{
    std::string regionId = toStd(region);
    if (!regionId.empty() && !mTopology.region(regionId))
        return {};
    if (core::regionPlacement(kind) == core::RegionPlacement::Forbidden)
        regionId.clear();
    const QString id = uniqueId(baseIdFor(kind));
    const core::LayoutBox box{ElementGeometry::bounded(centre.x()),
                              ElementGeometry::bounded(centre.y()), 0, 0};
    mUndoStack->push(new AddComponentCommand(
        this, core::Component::make(toStd(id), kind, std::move(regionId)), box));
    return id;
}

QString TopologyDocument::addRegion(const QRectF &rect, const QString &label)
{
    const QString id = uniqueId(QStringLiteral("region-1"));
    const QRectF r = rect.normalized();
    const core::LayoutBox box{ElementGeometry::bounded(r.x()), ElementGeometry::bounded(r.y()),
                              ElementGeometry::bounded(r.width()),
                              ElementGeometry::bounded(r.height())};
    mUndoStack->push(new AddRegionCommand(this, core::Region{toStd(id), toStd(label)}, box));
    return id;
}

bool TopologyDocument::removeElements(const QStringList &ids)
{
    auto command = std::make_unique<RemoveCommand>(this, ids);
    if (command->isEmpty())
        return false;
    mUndoStack->push(command.release());
    return true;
}

std::optional<QString> TopologyDocument::connectComponents(const QString &from, const QString &to)
{
    if (auto reason = canConnect(from, to))
        return reason;
    mUndoStack->push(new ConnectCommand(this, core::Link{toStd(from), toStd(to)}));
    return std::nullopt;
}

bool TopologyDocument::disconnectComponents(const QString &from, const QString &to)
{
    const std::string a = toStd(from);
    const std::string b = toStd(to);
    for (std::size_t i = 0; i < mTopology.links.size(); ++i) {
        if (mTopology.links[i].from == a && mTopology.links[i].to == b) {
            mUndoStack->push(new DisconnectCommand(this, i));
            return true;
        }
    }
    return false;
}

bool TopologyDocument::moveElements(const QMap<QString, QPointF> &positions, int dragId)
{
    std::map<std::string, QPointF> moves;
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it)
        moves.emplace(toStd(it.key()), it.value());
    auto command = std::make_unique<MoveCommand>(this, moves, dragId);
    if (command->changes().empty())
        return false;
    mUndoStack->push(command.release());
    return true;
}

bool TopologyDocument::resizeRegion(const QString &id, const QRectF &rect, int dragId)
{
    if (!region(id))
        return false;
    const QRectF r = rect.normalized();
    const core::LayoutBox box{ElementGeometry::bounded(r.x()), ElementGeometry::bounded(r.y()),
                              ElementGeometry::bounded(r.width()),
                              ElementGeometry::bounded(r.height())};
    auto command = std::make_unique<ResizeRegionCommand>(this, toStd(id), box, dragId);
    if (command->changes().empty())
        return false;
    mUndoStack->push(command.release());
    return true;
}

std::optional<QString> TopologyDocument::setRegionOf(const QStringList &componentIds,
                                                     const QString &region)
{
    const std::string target = toStd(region);
    if (!target.empty() && !mTopology.region(target))
        return tr("there is no region '%1'").arg(region);
    std::vector<std::string> ids;
    for (const QString &id : componentIds) {
        const core::Component *c = component(id);
        if (!c)
            return tr("'%1' is not a component").arg(id);
        if (!target.empty() && core::regionPlacement(c->kind) == core::RegionPlacement::Forbidden) {
            return tr("'%1' is a %2, which is not placed in a region")
                .arg(id, toQString(std::string(core::kindName(c->kind))));
        }
        ids.push_back(c->id);
    }
    auto command = std::make_unique<SetRegionCommand>(this, ids, target);
    if (!command->isEmpty())
        mUndoStack->push(command.release());
    return std::nullopt;
}

std::optional<QString> TopologyDocument::changeParameters(const QStringList &componentIds,
                                                          const QString &text,
                                                          const ParameterEdit::Change &change)
{
    std::vector<std::string> ids;
    for (const QString &id : componentIds)
        ids.push_back(toStd(id));
    ParameterEdit edit(mTopology, ids, change);
    if (edit.refusal())
        return toQString(*edit.refusal());
    if (!edit.changes().empty())
        mUndoStack->push(new SetParameterCommand(this, text, std::move(edit.changes())));
    return std::nullopt;
}

namespace {

// "Set workers of app-1", "Set workers of 3 components".
QString parameterText(const char *single, const char *several, const QStringList &ids,
                      const QString &path)
{
    if (ids.size() == 1)
        return TopologyDocument::tr(single).arg(path, ids.front());
    return TopologyDocument::tr(several, nullptr, int(ids.size())).arg(path);
}

} // namespace

std::optional<QString> TopologyDocument::setParameter(const QStringList &componentIds,
                                                      const QString &path,
                                                      const core::ParamValue &value)
{
    return changeParameters(componentIds,
                            parameterText(QT_TR_NOOP("Set %1 of %2"),
                                          QT_TR_NOOP("Set %1 of %n components"), componentIds,
                                          path),
                            ParameterEdit::setValue(toStd(path), value));
}

std::optional<QString> TopologyDocument::resetParameter(const QStringList &componentIds,
                                                        const QString &path)
{
    return changeParameters(componentIds,
                            parameterText(QT_TR_NOOP("Reset %1 of %2"),
                                          QT_TR_NOOP("Reset %1 of %n components"), componentIds,
                                          path),
                            ParameterEdit::reset(toStd(path)));
}

std::optional<QString> TopologyDocument::setParameterGroupEnabled(const QStringList &componentIds,
                                                                  const QString &group,
                                                                  bool enabled)
{
    const QString text
        = enabled ? parameterText(QT_TR_NOOP("Enable %1 of %2"),
                                  QT_TR_NOOP("Enable %1 of %n components"), componentIds, group)
                  : parameterText(QT_TR_NOOP("Disable %1 of %2"),
                                  QT_TR_NOOP("Disable %1 of %n components"), componentIds, group);
    return changeParameters(componentIds, text, ParameterEdit::enableGroup(toStd(group), enabled));
}

TopologyDocument::Sections TopologyDocument::sections() const
{
    return Sections{mTopology.clientGroups, mTopology.scenario, mTopology.deployHosts};
}

std::optional<QString> TopologyDocument::setSections(const Sections &sections, const QString &text,
                                                     int dragId)
{
    if (auto reason = EditSectionsCommand::refusal(mTopology, sections))
        return toQString(*reason);
    Sections before = this->sections();
    if (before == sections)
        return std::nullopt;
    // A step of a gesture back to where it began merges into a step that changes nothing, which
    // the stack then drops.
    mUndoStack->push(new EditSectionsCommand(this, text, std::move(before), sections, dragId));
    return std::nullopt;
}

std::optional<QString> TopologyDocument::editSections(const QString &text, const SectionsEdit &edit,
                                                      int dragId)
{
    Sections sections = this->sections();
    if (auto reason = edit(sections))
        return toQString(*reason);
    return setSections(sections, text, dragId);
}

bool TopologyDocument::setLabel(const QString &id, const QString &label)
{
    const std::string key = toStd(id);
    const std::string text = toStd(label);
    const core::Component *c = mTopology.component(key);
    const core::Region *r = mTopology.region(key);
    if ((!c && !r) || (c ? c->label : r->label) == text)
        return false;
    mUndoStack->push(new SetLabelCommand(this, key, text));
    return true;
}

std::optional<QString> TopologyDocument::renameId(const QString &id, const QString &newId)
{
    const std::string from = toStd(id);
    const std::string to = toStd(newId);
    if (!mTopology.hasId(from))
        return tr("there is no component or region '%1'").arg(id);
    if (from == to)
        return std::nullopt;
    if (!core::isValidId(to)) {
        return tr("'%1' is not a valid id: use letters, digits, '.', '_' and '-', starting with "
                  "a letter or digit, at most %2 characters")
            .arg(newId)
            .arg(core::maxIdLength);
    }
    if (IdAllocator(mTopology).isTaken(to))
        return tr("'%1' is already used").arg(newId);
    mUndoStack->push(new RenameCommand(this, from, to));
    return std::nullopt;
}

QStringList TopologyDocument::paste(const QString &text, QPointF offset)
{
    const auto fragment = ClipboardFragment::fromText(toStd(text));
    if (!fragment || fragment->isEmpty())
        return {};
    return insertFragment(*fragment, offset, QString());
}

QStringList TopologyDocument::duplicate(const QStringList &ids)
{
    std::vector<std::string> list;
    for (const QString &id : ids)
        list.push_back(toStd(id));
    const ClipboardFragment fragment = ClipboardFragment::copy(mTopology, list);
    if (fragment.isEmpty())
        return {};
    return insertFragment(
        fragment, QPointF(duplicateOffset, duplicateOffset),
        tr("Duplicate %n elements", nullptr,
           int(fragment.topology.components.size() + fragment.topology.regions.size()
               - fragment.contextRegions.size())));
}

QStringList TopologyDocument::insertFragment(const ClipboardFragment &fragment, QPointF offset,
                                             const QString &text)
{
    QStringList ids;
    PasteCommand::Elements elements = PasteCommand::place(fragment, mTopology, offset, ids);
    const QString commandText
        = text.isEmpty() ? tr("Paste %n elements", nullptr, int(ids.size())) : text;
    mUndoStack->push(new PasteCommand(this, commandText, std::move(elements)));
    return ids;
}

bool TopologyDocument::autoLayout(const QString &region)
{
    if (!region.isEmpty() && !this->region(region))
        return false;
    return pushGeometry(std::make_unique<AutoLayoutCommand>(this, toStd(region)));
}

bool TopologyDocument::align(const QStringList &ids, Alignment alignment,
                             const QHash<QString, QSizeF> &sizes)
{
    return pushGeometry(std::make_unique<AlignCommand>(this, ids, alignment, sizes));
}

bool TopologyDocument::distribute(const QStringList &ids, Distribution distribution,
                                  const QHash<QString, QSizeF> &sizes)
{
    return pushGeometry(std::make_unique<DistributeCommand>(this, ids, distribution, sizes));
}

bool TopologyDocument::pushGeometry(std::unique_ptr<LayoutBoxesCommand> command)
{
    // A layout that moves nothing is not an edit: no step on the stack.
    if (command->changes().empty())
        return false;
    mUndoStack->push(command.release());
    return true;
}

void TopologyDocument::beginCompoundEdit(const QString &text)
{
    if (mCompoundDepth++ == 0)
        mCompoundStart = mUndoStack->index();
    mUndoStack->beginMacro(text);
}

void TopologyDocument::endCompoundEdit()
{
    mUndoStack->endMacro();
    if (--mCompoundDepth > 0)
        return;
    // A compound edit whose every part was refused or changed nothing is not a step: drop it
    // from the stack rather than leave an Undo that does nothing.
    const int last = mUndoStack->index() - 1;
    if (last == mCompoundStart && mUndoStack->command(last)->childCount() == 0) {
        const_cast<QUndoCommand *>(mUndoStack->command(last))->setObsolete(true);
        mUndoStack->undo();
    }
}

} // namespace topolab::app
