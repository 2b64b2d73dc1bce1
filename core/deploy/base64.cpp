#include "base64.h"

#include <array>

namespace topolab::core {

namespace {

constexpr std::array<signed char, 256> decodingTable()
{
    std::array<signed char, 256> table{};
    table.fill(-1);
    constexpr std::string_view alphabet
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    return table;
}

} // namespace

std::optional<std::string> decodeBase64(std::string_view text)
{
    static constexpr auto table = decodingTable();
    std::string out;
    out.reserve(text.size() / 4 * 3);
    unsigned buffer = 0;
    int bits = 0;
    int padding = 0;
    std::size_t symbols = 0;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
            continue;
        ++symbols;
        if (c == '=') {
            ++padding;
            continue;
        }
        const signed char value = table[static_cast<unsigned char>(c)];
        if (value < 0 || padding > 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    if (symbols % 4 != 0 || padding > 2)
        return std::nullopt;
    return out;
}

} // namespace topolab::core
