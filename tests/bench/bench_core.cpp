// Reading, validating, analysing and writing topologies of growing size: the work behind every
// open, save and badge refresh, and behind `topolab-cli validate|analyze` in CI.
#include "core/analysis/analysisreport.h"
#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"
#include "core/validation/validator.h"

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

using namespace topolab::core;

namespace {

// A multi-region layout with `regions` regions of two LBs, `apps` app servers, a primary with a
// standby on volumes and a backup each: about regions × (apps + 7) components.
std::string multiRegionYaml(int regions, int apps)
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

// Sizes of about 100, 1,000 and 10,000 components.
void sizes(benchmark::internal::Benchmark *b)
{
    b->Args({3, 26})->Args({10, 93})->Args({100, 93})->Unit(benchmark::kMillisecond);
}

Topology load(const std::string &text)
{
    LoadResult result = readTopology(text);
    if (!result.ok())
        throw std::runtime_error("benchmark topology does not load");
    return std::move(*result.topology);
}

void setCounters(benchmark::State &state, const Topology &t, std::size_t bytes)
{
    state.counters["components"] = static_cast<double>(t.components.size());
    state.counters["links"] = static_cast<double>(t.links.size());
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_Read(benchmark::State &state)
{
    const std::string text = multiRegionYaml(int(state.range(0)), int(state.range(1)));
    for (auto _ : state)
        benchmark::DoNotOptimize(readTopology(text));
    setCounters(state, load(text), text.size());
}

void BM_Validate(benchmark::State &state)
{
    const std::string text = multiRegionYaml(int(state.range(0)), int(state.range(1)));
    const Topology t = load(text);
    for (auto _ : state)
        benchmark::DoNotOptimize(validateTopology(t));
    setCounters(state, t, text.size());
}

void BM_Analyze(benchmark::State &state)
{
    const std::string text = multiRegionYaml(int(state.range(0)), int(state.range(1)));
    const Topology t = load(text);
    for (auto _ : state)
        benchmark::DoNotOptimize(analyzeTopology(t));
    setCounters(state, t, text.size());
}

void BM_Write(benchmark::State &state)
{
    const std::string text = multiRegionYaml(int(state.range(0)), int(state.range(1)));
    const Topology t = load(text);
    for (auto _ : state)
        benchmark::DoNotOptimize(writeTopology(t));
    setCounters(state, t, text.size());
}

} // namespace

BENCHMARK(BM_Read)->Apply(sizes);
BENCHMARK(BM_Validate)->Apply(sizes);
BENCHMARK(BM_Analyze)->Apply(sizes);
BENCHMARK(BM_Write)->Apply(sizes);

BENCHMARK_MAIN();
