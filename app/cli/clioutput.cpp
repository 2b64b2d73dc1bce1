#include "clioutput.h"

#include "clicommon.h"

#include "core/io/atomicfile.h"

#include <filesystem>
#include <iostream>

namespace topolab::cli {

std::string checkOutputPath(const std::string &path)
{
    if (path.empty() || path == "-")
        return {};
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
        return "cannot write " + path + ": no directory " + parent.string();
    return {};
}

int writeOutput(const std::string &command, const std::string &path, const std::string &text)
{
    if (path == "-") {
        std::cout << text;
        return ExitOk;
    }
    if (std::string problem = core::writeFileAtomically(path, text); !problem.empty()) {
        std::cerr << "topolab-cli " << command << ": error: " << problem << '\n';
        return ExitUnreadable;
    }
    return ExitOk;
}

CLI::Validator seedValidator()
{
    return CLI::Validator(
        [](std::string &text) {
            const std::string top = "18446744073709551615";
            const bool digits
                = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            const bool fits
                = text.size() < top.size() || (text.size() == top.size() && text <= top);
            return digits && fits ? std::string()
                                  : "seed " + text
                                        + " is not a whole number from 0 to "
                                          "18446744073709551615";
        },
        "UINT64");
}

} // namespace topolab::cli
