#include "sweepcheckpoint.h"

#include "sweepsummary.h"

#include "core/io/atomicfile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace topolab::core {

namespace {

constexpr std::string_view magic = "topolab-sweep-checkpoint 1 ";

std::string systemError(const std::string &what, const std::string &path)
{
    return what + " " + path + ": " + std::strerror(errno);
}

// FNV-1a, 64 bits: the fingerprint must not depend on the standard library's std::hash.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL)
{
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace

std::string sweepFingerprint(std::string_view fileText, const SweepPlan &plan)
{
    const std::string grid = sweepJson(plan, {}).dump();
    char text[40];
    std::snprintf(text, sizeof text, "%016llx%016llx",
                  static_cast<unsigned long long>(fnv1a(fileText)),
                  static_cast<unsigned long long>(fnv1a(grid)));
    return text;
}

SweepCheckpoint::SweepCheckpoint(int fd, std::string path, std::size_t resumed)
    : mFd(fd)
    , mPath(std::move(path))
    , mResumed(resumed)
    , mLastSync(std::chrono::steady_clock::now())
{
}

SweepCheckpoint::~SweepCheckpoint()
{
    ::fdatasync(mFd);
    ::close(mFd);
}

Checked<std::unique_ptr<SweepCheckpoint>>
SweepCheckpoint::open(const std::string &path, const std::string &fingerprint, SweepQueue &queue)
{
    using Fail = Checked<std::unique_ptr<SweepCheckpoint>>;
    const std::string header = std::string(magic) + fingerprint + "\n";
    std::size_t resumed = 0;
    std::uint64_t goodBytes = 0; // up to the end of the last whole, readable line

    std::ifstream in(path, std::ios::binary);
    // An empty file (made by `touch`, or by a crash before the header) is a new checkpoint.
    if (in && in.peek() != std::ifstream::traits_type::eof()) {
        std::string line;
        if (!std::getline(in, line) || line + "\n" != header) {
            if (line.rfind(magic, 0) == 0)
                return Fail::fail("checkpoint " + path
                                  + " belongs to another sweep (another file, grid, seed or "
                                    "number of runs); give another --checkpoint path, or delete "
                                    "it to start over");
            return Fail::fail("checkpoint " + path
                              + " is not a sweep checkpoint; give another --checkpoint path");
        }
        goodBytes = header.size();
        while (std::getline(in, line)) {
            if (in.eof())
                break; // no newline: cut short by a crash
            const std::size_t tab = line.find('\t');
            char *end = nullptr;
            const unsigned long long task = std::strtoull(line.c_str(), &end, 10);
            const auto outcome = tab == std::string::npos
                                     ? std::nullopt
                                     : decodeOutcome(std::string_view(line).substr(tab + 1));
            if (!outcome || end != line.c_str() + tab || task >= queue.size())
                break; // damaged: what follows is not trusted either
            if (!queue.isFinished(task)) {
                queue.finish(task, *outcome);
                ++resumed;
            }
            goodBytes += line.size() + 1;
        }
    }
    in.close();

    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return Fail::fail(systemError("cannot write checkpoint", path));
    // Drop a damaged tail, then append after the last good line.
    if (::ftruncate(fd, static_cast<off_t>(goodBytes)) != 0 || ::lseek(fd, 0, SEEK_END) < 0
        || (goodBytes == 0 && !writeAll(fd, header)) || ::fdatasync(fd) != 0) {
        const std::string why = systemError("cannot write checkpoint", path);
        ::close(fd);
        return Fail::fail(why);
    }
    return {std::unique_ptr<SweepCheckpoint>(new SweepCheckpoint(fd, path, resumed)), {}};
}

std::string SweepCheckpoint::record(std::size_t task, const SweepOutcome &outcome)
{
    const std::string line = std::to_string(task) + '\t' + encodeOutcome(outcome) + '\n';
    std::lock_guard lock(mMutex);
    if (!writeAll(mFd, line))
        return systemError("cannot write checkpoint", mPath);
    const auto now = std::chrono::steady_clock::now();
    if (now - mLastSync >= std::chrono::seconds(1)) {
        ::fdatasync(mFd);
        mLastSync = now;
    }
    return {};
}

} // namespace topolab::core
