#include "clicommon.h"
#include "commands.h"

#include "core/deploy/render/rendertopology.h"
#include "core/io/atomicfile.h"
#include "core/validation/validator.h"

#include <filesystem>
#include <iostream>

namespace topolab::cli {

namespace {

struct RenderOptions
{
    std::string file;
    std::string out;
};

// DIR/HOST/PATH for a file rendered for HOST at absolute PATH; empty when the path would leave
// the host's folder (no renderer makes one, but a file is written only where it belongs).
std::filesystem::path outputPath(const std::string &dir, const core::RenderedFile &file)
{
    const std::filesystem::path relative = std::filesystem::path(file.path).relative_path();
    for (const auto &part : relative) {
        if (part == ".." || part == ".")
            return {};
    }
    return std::filesystem::path(dir) / file.host / relative;
}

int run(const RenderOptions &options)
{
    core::LoadResult loaded;
    if (int code = loadOrReport(options.file, loaded); code != ExitOk)
        return code;
    const auto findings = core::validateTopology(*loaded.topology, &loaded.sources);
    printDiagnostics(findings, options.file);
    if (core::hasErrors(findings)) {
        std::cerr << "topolab-cli render: " << options.file
                  << " has errors; fix them before rendering its configuration\n";
        return ExitInvalid;
    }
    const core::RenderResult rendered = core::renderTopology(*loaded.topology);
    for (const core::RenderedFile &file : rendered.files) {
        const std::filesystem::path target = outputPath(options.out, file);
        if (target.empty()) {
            std::cerr << "topolab-cli render: error: " << file.host << ": refusing the path "
                      << file.path << '\n';
            return ExitUnreadable;
        }
        std::error_code error;
        std::filesystem::create_directories(target.parent_path(), error);
        std::string problem = error ? target.parent_path().string() + ": " + error.message()
                                    : core::writeFileAtomically(target.string(), file.content);
        if (problem.empty())
            std::filesystem::permissions(target, std::filesystem::perms(file.mode),
                                         std::filesystem::perm_options::replace, error);
        if (!problem.empty()) {
            std::cerr << "topolab-cli render: error: " << problem << '\n';
            return ExitUnreadable;
        }
        std::cout << (std::filesystem::path(file.host) / std::filesystem::path(file.path)
                                                             .relative_path())
                         .string()
                  << '\n';
    }
    for (const core::RenderProblem &p : rendered.problems)
        std::cerr << options.file << ": error: " << p.message << " [render]\n";
    return rendered.problems.empty() ? ExitOk : ExitInvalid;
}

} // namespace

CommandRunner addRenderCommand(CLI::App &app)
{
    auto options = std::make_shared<RenderOptions>();
    CLI::App *cmd = app.add_subcommand(
        "render", "Write every configuration file a deploy would push, one folder per host\n"
                  "(component id): HAProxy for load balancers, the DNS zone.\n"
                  "Exit: 0 written, 1 invalid topology or something could not be rendered\n"
                  "(the rest is written), 2 unreadable file, unwritable output or usage.");
    cmd->add_option("FILE", options->file, "a *.topolab.yaml file")->required();
    cmd->add_option("--out", options->out, "Output directory")->required();
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
