#include "clicommon.h"
#include "commands.h"

#include "core/deploy/render/rendertopology.h"
#include "core/deploy/secretstore.h"
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

// HOST/PATH for a file rendered for HOST at logical PATH; empty when the path would leave the
// host's folder (no renderer makes one, but a file is written only where it belongs).
std::filesystem::path outputPath(const std::string &host, const core::RenderedFile &file)
{
    const std::filesystem::path relative = std::filesystem::path(file.path).relative_path();
    if (host.empty() || relative.empty())
        return {};
    for (const auto &part : relative) {
        if (part == ".." || part == ".")
            return {};
    }
    return std::filesystem::path(host) / relative;
}

// Writes one rendered file under DIR; returns an error message, else empty.
std::string writeRendered(const std::filesystem::path &target, const core::RenderedFile &file)
{
    std::error_code error;
    std::filesystem::create_directories(target.parent_path(), error);
    if (error)
        return target.parent_path().string() + ": " + error.message();
    if (std::string problem = core::writeFileAtomically(target.string(), file.content);
        !problem.empty())
        return problem;
    std::filesystem::permissions(target, std::filesystem::perms(file.mode),
                                 std::filesystem::perm_options::replace, error);
    return error ? target.string() + ": " + error.message() : std::string();
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
    // Renderers of secret files take their secrets from the store beside the topology and
    // create the missing ones, which are saved before anything that uses them is written.
    core::SecretStore secrets;
    const std::string secretsPath = core::SecretStore::pathFor(options.file);
    if (std::string problem = secrets.load(secretsPath); !problem.empty()) {
        std::cerr << "topolab-cli render: error: " << problem << '\n';
        return ExitUnreadable;
    }
    core::RenderInputs inputs;
    inputs.secrets = &secrets;
    inputs.baseDirectory = std::filesystem::path(options.file).parent_path().string();
    const core::RenderResult rendered = core::renderTopology(*loaded.topology, inputs);
    if (secrets.changed()) {
        if (std::string problem = secrets.save(secretsPath); !problem.empty()) {
            std::cerr << "topolab-cli render: error: " << problem << '\n';
            return ExitUnreadable;
        }
    }
    for (const core::DeployUnit &unit : rendered.units) {
        for (const core::RenderedFile &file : unit.files) {
            const std::filesystem::path relative = outputPath(unit.host, file);
            if (relative.empty()) {
                std::cerr << "topolab-cli render: error: " << unit.host << ": refusing the path "
                          << file.path << '\n';
                return ExitUnreadable;
            }
            if (std::string problem
                = writeRendered(std::filesystem::path(options.out) / relative, file);
                !problem.empty()) {
                std::cerr << "topolab-cli render: error: " << problem << '\n';
                return ExitUnreadable;
            }
            std::cout << relative.string() << '\n';
        }
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
        "render", "Write every file a deploy would push, one folder per host (component id),\n"
                  "at its path on the host without the host's root: configurations, programs,\n"
                  "environment files and systemd units. Secrets come from, and new ones go to,\n"
                  "NAME.topolab.secrets.yaml beside NAME.topolab.yaml (mode 0600).\n"
                  "Exit: 0 written, 1 invalid topology or something could not be rendered\n"
                  "(the rest is written), 2 unreadable file, unwritable output or usage.");
    cmd->add_option("FILE", options->file, "a *.topolab.yaml file")->required();
    cmd->add_option("--out", options->out, "Output directory")->required();
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
