#include "palettecatalog.h"

#include "paletteiconengine.h"
#include "palettemimedata.h"

#include "core/model/connectionrules.h"
#include "gui/kindicons.h"

#include <QStringList>

namespace topolab::app {

namespace {

using core::ComponentKind;

// The region container, drawn like the kind icons (48 px grid, same stroke and fill): a
// dashed frame with a title bar holding two members.
const char regionSvg[]
    = R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48" fill="none" stroke="#2f6496" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">
  <rect x="4" y="6" width="40" height="36" rx="5" fill="#dbe7f3" fill-opacity="0.5" stroke-dasharray="5 4.2"/>
  <path d="M10 13h12"/>
  <rect x="10" y="21" width="12" height="14" rx="2.5" fill="#dbe7f3"/>
  <rect x="26" y="21" width="12" height="14" rx="2.5" fill="#dbe7f3"/>
</svg>)svg";

std::optional<ComponentKind> componentKind(const QString &kind)
{
    const QByteArray utf8 = kind.toUtf8();
    return core::parseKind(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

QString kindNameOf(ComponentKind kind)
{
    const std::string_view name = core::kindName(kind);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

// A component of `kind` as the rules table sees it; databases at the receiving end are
// standbys, since replication only flows from a primary to a standby.
core::Component sample(const char *id, ComponentKind kind, bool receiving)
{
    core::Component component = core::Component::make(id, kind);
    if (receiving && kind == ComponentKind::Database)
        component.params.set("role", std::string("standby"));
    return component;
}

} // namespace

QString PaletteCatalog::title(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Dns:
        return tr("DNS");
    case ComponentKind::LoadBalancer:
        return tr("Load balancer");
    case ComponentKind::AppServer:
        return tr("App server");
    case ComponentKind::ObjectStorage:
        return tr("Object storage");
    case ComponentKind::Database:
        return tr("Database");
    case ComponentKind::Volume:
        return tr("Volume");
    case ComponentKind::Backup:
        return tr("Backup");
    case ComponentKind::Vpn:
        return tr("VPN");
    case ComponentKind::SharedStorage:
        return tr("Shared storage");
    }
    return kindNameOf(kind);
}

namespace {

QString linkKindTitle(core::LinkKind kind)
{
    switch (kind) {
    case core::LinkKind::Request:
        return PaletteCatalog::tr("requests");
    case core::LinkKind::Replication:
        return PaletteCatalog::tr("replication");
    case core::LinkKind::Storage:
        return PaletteCatalog::tr("storage");
    case core::LinkKind::Backup:
        return PaletteCatalog::tr("backup");
    case core::LinkKind::Tunnel:
        return PaletteCatalog::tr("VPN tunnel");
    }
    return {};
}

QString description(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Dns:
        return PaletteCatalog::tr("The site's public name: clients resolve it to find the "
                                  "entry points of the topology.");
    case ComponentKind::LoadBalancer:
        return PaletteCatalog::tr("Spreads incoming requests over a pool of servers and takes "
                                  "failed ones out of rotation.");
    case ComponentKind::AppServer:
        return PaletteCatalog::tr("Runs the application. Stateless and expendable: it scales by "
                                  "adding copies.");
    case ComponentKind::ObjectStorage:
        return PaletteCatalog::tr("Keeps files and blobs behind an HTTP API; a home for uploads "
                                  "and off-site copies.");
    case ComponentKind::Database:
        return PaletteCatalog::tr("Holds the application's data. A primary can stream its "
                                  "changes to standbys.");
    case ComponentKind::Volume:
        return PaletteCatalog::tr("A block device: the disk a server's data lives on.");
    case ComponentKind::Backup:
        return PaletteCatalog::tr("Copies data on a schedule and keeps the copies for a "
                                  "retention period.");
    case ComponentKind::Vpn:
        return PaletteCatalog::tr("An encrypted mesh network (tinc) joining private networks "
                                  "across regions.");
    case ComponentKind::SharedStorage:
        return PaletteCatalog::tr("A network file system several servers mount at once.");
    }
    return {};
}

QString group(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Dns:
    case ComponentKind::LoadBalancer:
        return PaletteCatalog::tr("Traffic");
    case ComponentKind::AppServer:
        return PaletteCatalog::tr("Compute");
    case ComponentKind::Database:
    case ComponentKind::Volume:
    case ComponentKind::Backup:
    case ComponentKind::ObjectStorage:
    case ComponentKind::SharedStorage:
        return PaletteCatalog::tr("Data");
    case ComponentKind::Vpn:
        return PaletteCatalog::tr("Network");
    }
    return {};
}

QString placement(ComponentKind kind)
{
    switch (core::regionPlacement(kind)) {
    case core::RegionPlacement::Forbidden:
        return PaletteCatalog::tr("Global: placed outside regions.");
    case core::RegionPlacement::Optional:
        return PaletteCatalog::tr("Inside a region or outside of any.");
    case core::RegionPlacement::Required:
        return PaletteCatalog::tr("Lives inside a region.");
    }
    return {};
}

// "Load balancer (requests), Database (replication)": the kinds at the other end of every
// link the rules table allows from `kind` (outgoing) or to it.
QString neighbours(ComponentKind kind, bool outgoing)
{
    QStringList names;
    for (const ComponentKind other : core::allComponentKinds) {
        const core::Component from = sample("a", outgoing ? kind : other, false);
        const core::Component to = sample("b", outgoing ? other : kind, true);
        const core::ConnectionVerdict verdict = core::checkConnection(from, to);
        if (verdict.allowed) {
            names << PaletteCatalog::tr("%1 (%2)").arg(PaletteCatalog::title(other),
                                                       linkKindTitle(verdict.kind));
        }
    }
    return names.isEmpty() ? PaletteCatalog::tr("nothing") : names.join(QStringLiteral(", "));
}

QString toolTipFor(const QString &title, const QString &description, const QStringList &lines)
{
    QString html = QStringLiteral("<p style='white-space:pre'><b>%1</b></p><p>%2</p><p>")
                       .arg(title.toHtmlEscaped(), description.toHtmlEscaped());
    QStringList escaped;
    for (const QString &line : lines)
        escaped << line.toHtmlEscaped();
    return html + escaped.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
}

} // namespace

QList<PaletteEntry> PaletteCatalog::entries()
{
    static const ComponentKind order[] = {
        ComponentKind::Dns,           ComponentKind::LoadBalancer,  ComponentKind::AppServer,
        ComponentKind::Database,      ComponentKind::Volume,        ComponentKind::Backup,
        ComponentKind::ObjectStorage, ComponentKind::SharedStorage, ComponentKind::Vpn,
    };
    QList<PaletteEntry> result;
    for (const ComponentKind kind : order) {
        PaletteEntry entry;
        entry.kind = kindNameOf(kind);
        entry.title = title(kind);
        entry.group = group(kind);
        entry.description = description(kind);
        entry.toolTip
            = toolTipFor(entry.title, entry.description,
                         {tr("Connects to: %1").arg(neighbours(kind, true)),
                          tr("Linked from: %1").arg(neighbours(kind, false)), placement(kind)});
        result << entry;
    }

    QStringList required;
    QStringList optional;
    QStringList outside;
    for (const ComponentKind kind : core::allComponentKinds) {
        switch (core::regionPlacement(kind)) {
        case core::RegionPlacement::Required:
            required << title(kind);
            break;
        case core::RegionPlacement::Optional:
            optional << title(kind);
            break;
        case core::RegionPlacement::Forbidden:
            outside << title(kind);
            break;
        }
    }
    const QString comma = QStringLiteral(", ");
    PaletteEntry region;
    region.kind = PaletteMimeData::regionKind();
    region.title = tr("Region");
    region.group = tr("Layout");
    region.description = tr("A container for the components of one site or cloud region. "
                            "Moving it carries its members along.");
    region.toolTip = toolTipFor(region.title, region.description,
                                {tr("Must hold: %1").arg(required.join(comma)),
                                 tr("May hold: %1").arg(optional.join(comma)),
                                 tr("Stay outside: %1").arg(outside.join(comma))});
    result << region;
    return result;
}

QIcon PaletteCatalog::icon(const QString &kind)
{
    if (kind == PaletteMimeData::regionKind())
        return QIcon(new PaletteIconEngine(QByteArray(regionSvg)));
    if (const auto component = componentKind(kind))
        return KindIcons::icon(*component);
    return {};
}

} // namespace topolab::app
