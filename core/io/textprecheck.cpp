#include "textprecheck.h"

namespace topolab::core {

namespace {

Diagnostic error(std::string code, std::string message, int line, int column)
{
    return Diagnostic{Severity::Error, std::move(code), std::move(message), {}, {line, column}};
}

// Length of the UTF-8 sequence starting at text[i], or 0 when it is malformed.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(text[k]);
    };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned minimum = 0;
    unsigned codepoint = 0;
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, minimum = 0x80, codepoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, minimum = 0x800, codepoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, minimum = 0x10000, codepoint = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        codepoint = (codepoint << 6) | (byte(i + k) & 0x3F);
    }
    const bool surrogate = codepoint >= 0xD800 && codepoint <= 0xDFFF;
    if (codepoint < minimum || codepoint > 0x10FFFF || surrogate)
        return 0;
    return length;
}

} // namespace

std::string_view withoutBom(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

std::optional<Diagnostic> precheckText(std::string_view text)
{
    if (text.size() > maxTopologyFileBytes) {
        return error("file-too-large",
                     "file is larger than " + std::to_string(maxTopologyFileBytes >> 20)
                         + " MiB; a topology file is a few kilobytes of YAML",
                     1, 1);
    }
    text = withoutBom(text);
    int line = 1;
    int column = 1;
    bool inIndentation = true;
    int tabColumn = 0; // first tab among the leading whitespace of the line
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\0') {
            return error("binary", "binary data (a NUL byte): this is not a YAML text file", line,
                         column);
        }
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0) {
            return error("encoding", "invalid UTF-8; save the file as UTF-8 text", line, column);
        }
        if (c == '\n') {
            ++line, column = 1, inIndentation = true, tabColumn = 0, ++i;
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r') || u == 0x7F) {
            return error("binary",
                         "control character " + std::to_string(u)
                             + " in the text: this is not a YAML text file",
                         line, column);
        }
        if (inIndentation) {
            if (c == '\t' && tabColumn == 0)
                tabColumn = column;
            if (c != ' ' && c != '\t' && c != '\r') {
                inIndentation = false;
                // Tabs before a comment are separation, not indentation.
                if (tabColumn > 0 && c != '#') {
                    return error("tab-indent",
                                 "tab used for indentation; YAML indents with spaces only", line,
                                 tabColumn);
                }
            }
        }
        i += length;
        ++column;
    }
    return std::nullopt;
}

} // namespace topolab::core
