# cmake -DINPUT=file -DOUTPUT=header.h -DSYMBOL=name -P embedfile.cmake
# Writes a header that holds INPUT's bytes as `inline constexpr std::string_view SYMBOL` in
# namespace topolab::core::embedded, so core ships the file without Qt resources.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hexLength)
math(EXPR size "${hexLength} / 2")
# Sixteen bytes a line (CMake's regular expressions have no {n}).
string(REPEAT "[0-9a-f][0-9a-f]" 16 line)
string(REGEX REPLACE "(${line})" "\\1\n    " hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
"// Generated at build time from ${name}; edit that file instead.
#pragma once

#include <string_view>

namespace topolab::core::embedded {

inline constexpr char ${SYMBOL}Bytes[] = {
    ${bytes}'\\0'};
inline constexpr std::string_view ${SYMBOL}(${SYMBOL}Bytes, ${size});

} // namespace topolab::core::embedded
")
