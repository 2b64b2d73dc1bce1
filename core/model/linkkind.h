#pragma once

#include <string_view>

namespace topolab::core {

// What a link carries; decided by the kinds it joins (see connectionrules.h).
enum class LinkKind {
    Request,     // client traffic: dns→lb, lb→app, app→database/object storage
    Replication, // primary→standby streaming
    Storage,     // database↔volume, app→shared storage
    Backup,      // backup→volume (source), backup→object storage (destination)
    Tunnel,      // database↔vpn
};

std::string_view linkKindName(LinkKind kind);

} // namespace topolab::core
