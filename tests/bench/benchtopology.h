#pragma once

// Generated topologies for the benchmarks: the same files at every size, so that figures of
// different suites (reading, validating, the canvas) describe the same drawings.

#include <string>

namespace topolab::bench {

// A multi-region layout with `regions` regions of two LBs, `apps` app servers, a primary with a
// standby on volumes and a backup each: about regions × (apps + 7) components.
inline std::string multiRegionYaml(int regions, int apps)
{
    std::string c = "  - {id: www, kind: dns, policy: geo}\n  - {id: tinc, kind: vpn}\n"
                    "  - {id: offsite, kind: object_storage}\n";
    std::string l;
    std::string r = "regions:\n";
    std::string g = "traffic:\n  client_groups:\n";
    for (int i = 0; i < regions; ++i) {
        const std::string n = std::to_string(i);
        r += "  - {id: r" + n + ", label: Region " + n + "}\n";
        g += "    - {id: g" + n + ", region: r" + n + ", rate_rps: 100}\n";
        for (const char *k : {"1", "2"}) {
            c += "  - {id: lb-" + n + "-" + k + ", kind: load_balancer, region: r" + n + "}\n";
            l += "  - {from: www, to: lb-" + n + "-" + k + "}\n";
        }
        c += "  - {id: db-" + n + ", kind: database, region: r" + n + "}\n";
        c += "  - {id: dbs-" + n + ", kind: database, region: r" + n + ", role: standby}\n";
        c += "  - {id: v-" + n + ", kind: volume, region: r" + n + "}\n";
        c += "  - {id: vs-" + n + ", kind: volume, region: r" + n + "}\n";
        c += "  - {id: bk-" + n + ", kind: backup}\n";
        l += "  - {from: db-" + n + ", to: dbs-" + n + "}\n  - {from: db-" + n + ", to: v-" + n
             + "}\n  - {from: dbs-" + n + ", to: vs-" + n + "}\n  - {from: bk-" + n + ", to: v-" + n
             + "}\n  - {from: bk-" + n + ", to: offsite}\n  - {from: db-" + n + ", to: tinc}\n";
        for (int a = 0; a < apps; ++a) {
            const std::string app = "app-" + n + "-" + std::to_string(a);
            c += "  - {id: " + app + ", kind: app_server, region: r" + n + ", workers: 16}\n";
            l += "  - {from: lb-" + n + "-1, to: " + app + "}\n  - {from: lb-" + n
                 + "-2, to: " + app + "}\n  - {from: " + app + ", to: db-" + n
                 + "}\n  - {from: " + app + ", to: offsite}\n";
        }
    }
    return "topolab: 1\nname: bench\n" + r + "components:\n" + c + "links:\n" + l + g;
}

} // namespace topolab::bench
