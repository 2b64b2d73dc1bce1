#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/renderinputs.h"
#include "core/model/topologyindex.h"

namespace topolab::core {

// What vpn component `vpn` (one tinc 1.0 network) puts on the host of each member database: a
// unit per member with /etc/tinc/<network>/tinc.conf (its node, ConnectTo every other member),
// tinc-up and tinc-down (its address on the interface), a host file per member (address, port,
// subnet and public key), the task that generates its key pair there, and the service
// `topolab-tinc-<network>`. Public keys come from the facts read from the members' hosts
// (`rsa_key.pub`); a host file whose key is not known yet says so, and the deploy renders again
// once the task has run.
RenderResult renderTinc(const TopologyIndex &index, const Component &vpn,
                        const RenderInputs &inputs);

// Where a member's public key is read from, before the host's root.
std::string tincPublicKeyPath(const std::string &network);

} // namespace topolab::core
