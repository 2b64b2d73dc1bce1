#include "documenttext.h"

#include "textprecheck.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace topolab::core {

namespace {

Diagnostic ioError(std::string message)
{
    return Diagnostic{Severity::Error, "io", std::move(message), {}, {}};
}

} // namespace

FileText readTextFile(const std::filesystem::path &path, std::string_view what)
{
    FileText result;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        result.error = ioError("is a directory, not " + std::string(what));
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = ioError(std::string("cannot open: ") + std::strerror(errno));
        return result;
    }
    std::array<char, 64 * 1024> chunk{};
    while (in && result.text.size() <= maxTopologyFileBytes) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        result.text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        result.error = ioError("cannot read the file");
    return result;
}

YamlParseResult parseDocument(std::string_view text, const std::string &emptyMessage)
{
    YamlParseResult result;
    if (auto problem = precheckText(text)) {
        result.error = std::move(problem);
        return result;
    }
    result = parseYaml(withoutBom(text));
    if (!result.error && (!result.root || result.root->isNull())) {
        result.root.reset();
        result.error = Diagnostic{Severity::Error, "empty-file", emptyMessage, {}, {1, 1}};
    }
    return result;
}

} // namespace topolab::core
