#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace topolab::core {

// Replaces `path` with `contents` so that a reader (or a crash) sees either the old file or the
// new one, never a mix: write a temporary file in the same directory, fsync it, rename it over
// the target, fsync the directory. An existing file keeps its permission bits.
// Returns an error message naming the file, or an empty string on success.
std::string writeFileAtomically(const std::filesystem::path &path, std::string_view contents);

// The same with permission bits `mode` whatever the file had: for secrets (0600), whose
// temporary copy is never readable by others either.
std::string writeFileAtomically(const std::filesystem::path &path, std::string_view contents,
                                unsigned mode);

// Writes all of `data` to `fd`, going on after short writes and interruptions; false on an
// error (errno says which).
bool writeAll(int fd, std::string_view data);

} // namespace topolab::core
