// Reading, validating, analysing and writing topologies of growing size: the work behind every
// open, save and badge refresh, and behind `topolab-cli validate|analyze` in CI.
#include "core/analysis/analysisreport.h"
#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"
#include "core/validation/validator.h"

#include "benchtopology.h"

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

using namespace topolab::core;
using topolab::bench::multiRegionYaml;

namespace {

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
