#include "clicommon.h"
#include "commands.h"

#include "core/analysis/reportformat.h"
#include "core/validation/validator.h"

#include <iostream>

namespace topolab::cli {

namespace {

struct AnalyzeOptions
{
    std::string file;
    bool json = false;
};

nlohmann::ordered_json diagnosticsJson(const std::vector<core::Diagnostic> &findings)
{
    auto out = nlohmann::ordered_json::array();
    for (const auto &d : findings) {
        out.push_back({{"severity", std::string(core::severityName(d.severity))},
                       {"code", d.code},
                       {"component", d.componentId},
                       {"line", d.location.line},
                       {"column", d.location.column},
                       {"message", d.message}});
    }
    return out;
}

int run(const AnalyzeOptions &options)
{
    core::LoadResult loaded;
    if (int code = loadOrReport(options.file, loaded); code != ExitOk)
        return code;
    const core::Topology &topology = *loaded.topology;
    const auto findings = core::validateTopology(topology, &loaded.sources);
    printDiagnostics(findings, options.file);
    const core::AnalysisReport report = core::analyzeTopology(topology);
    if (options.json) {
        nlohmann::ordered_json out;
        out["file"] = options.file;
        out["name"] = topology.name;
        out["components"] = topology.components.size();
        out["links"] = topology.links.size();
        out["diagnostics"] = diagnosticsJson(findings);
        const nlohmann::ordered_json analysis = core::analysisToJson(report);
        for (const auto &[key, value] : analysis.items())
            out[key] = value;
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << core::formatAnalysisText(report, topology);
    }
    return core::hasErrors(findings) ? ExitInvalid : ExitOk;
}

} // namespace

CommandRunner addAnalyzeCommand(CLI::App &app)
{
    auto options = std::make_shared<AnalyzeOptions>();
    CLI::App *cmd = app.add_subcommand(
        "analyze", "Single points of failure, redundancy per tier, databases reached from dns,\n"
                   "deploy order and a capacity estimate naming the bottleneck.\n"
                   "Exit: 0 analysed, 1 the topology has errors, 2 unreadable file or usage.");
    cmd->add_option("FILE", options->file, "a *.topolab.yaml file")->required();
    cmd->add_flag("--json", options->json, "Machine-readable output on stdout");
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
