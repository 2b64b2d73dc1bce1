#include "atomicfile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace topolab::core {

namespace {

std::string failure(const std::filesystem::path &path, std::string_view what, int error)
{
    return "cannot save " + path.string() + ": " + std::string(what) + ": " + std::strerror(error);
}

// Follows symbolic links to the file they name. Saving through a link must update that file:
// renaming over the link would replace it with a copy and leave the real file behind.
std::filesystem::path resolveLinks(std::filesystem::path path)
{
    std::error_code ec;
    for (int hops = 0; hops < 40 && std::filesystem::is_symlink(path, ec); ++hops) {
        const std::filesystem::path target = std::filesystem::read_symlink(path, ec);
        if (ec)
            break;
        path = target.is_absolute() ? target : path.parent_path() / target;
    }
    return path;
}

// The process umask, read without changing it (umask(2) can only be read by setting it, which
// would race with other threads creating files).
mode_t processUmask()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    }
    return 022;
}

std::string writeAtomically(const std::filesystem::path &requested, std::string_view contents,
                            std::optional<mode_t> forcedMode)
{
    const std::filesystem::path path = resolveLinks(requested);
    const std::filesystem::path directory
        = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (directory / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return failure(path, "cannot create a temporary file in " + directory.string(), errno);

    mode_t mode = 0666 & ~processUmask();
    struct stat existing
    {
    };
    if (forcedMode)
        mode = *forcedMode;
    else if (::stat(path.c_str(), &existing) == 0)
        mode = existing.st_mode & 07777;

    const auto abandon = [&](std::string_view what) {
        const int error = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        return failure(path, what, error);
    };
    if (::fchmod(fd, mode) != 0)
        return abandon("cannot set permissions");
    if (!writeAll(fd, contents))
        return abandon("cannot write");
    if (::fsync(fd) != 0)
        return abandon("cannot flush to disk");
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return failure(path, "cannot close", error);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return failure(path, "cannot replace the file", error);
    }
    // The rename is durable only once the directory entry is on disk.
    const int dirFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace

std::string writeFileAtomically(const std::filesystem::path &path, std::string_view contents)
{
    return writeAtomically(path, contents, std::nullopt);
}

std::string writeFileAtomically(const std::filesystem::path &path, std::string_view contents,
                                unsigned mode)
{
    return writeAtomically(path, contents, static_cast<mode_t>(mode & 07777));
}

bool writeAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace topolab::core
