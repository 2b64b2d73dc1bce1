#include "unifieddiff.h"

#include <algorithm>
#include <vector>

namespace topolab::core {

namespace {

struct Line
{
    std::string_view text; // without its newline
    bool newline = true;
    bool operator==(const Line &) const = default;
};

std::vector<Line> splitLines(std::string_view text)
{
    std::vector<Line> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (end == std::string_view::npos) {
            lines.push_back({text, false});
            break;
        }
        lines.push_back({text.substr(0, end), true});
        text.remove_prefix(end + 1);
    }
    return lines;
}

enum class Op { Keep, Remove, Add };
struct Edit
{
    Op op;
    std::size_t a; // index in before (Keep, Remove)
    std::size_t b; // index in after (Keep, Add)
};

// Myers' O((N+M)D) shortest edit script. Each round keeps only its live diagonals (2d + 1 of
// them) for the walk back, so memory grows with D², not with (N + M) × D.
std::vector<Edit> editScript(const std::vector<Line> &a, const std::vector<Line> &b)
{
    const long n = static_cast<long>(a.size());
    const long m = static_cast<long>(b.size());
    std::vector<Edit> edits;
    // A file added or emptied needs no search.
    if (n == 0 || m == 0) {
        for (long i = 0; i < n; ++i)
            edits.push_back({Op::Remove, static_cast<std::size_t>(i), 0});
        for (long j = 0; j < m; ++j)
            edits.push_back({Op::Add, 0, static_cast<std::size_t>(j)});
        return edits;
    }
    const long offset = n + m + 1;
    std::vector<long> v(static_cast<std::size_t>(2 * offset + 1), 0);
    std::vector<std::vector<long>> trace; // trace[d][k + d]: v before round d, for |k| <= d
    long found = -1;
    for (long d = 0; d <= n + m && found < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                         ? v[offset + k + 1]
                         : v[offset + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    long x = n;
    long y = m;
    for (long d = found; d > 0; --d) {
        const std::vector<long> &prev = trace[static_cast<std::size_t>(d)];
        const auto at = [&](long k) { return prev[static_cast<std::size_t>(k + d)]; };
        const long k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const long prevK = down ? k + 1 : k - 1;
        const long prevX = at(prevK);
        const long prevY = prevX - prevK;
        while (x > prevX && y > prevY)
            edits.push_back({Op::Keep, static_cast<std::size_t>(--x), static_cast<std::size_t>(--y)});
        if (down)
            edits.push_back({Op::Add, static_cast<std::size_t>(x), static_cast<std::size_t>(--y)});
        else
            edits.push_back({Op::Remove, static_cast<std::size_t>(--x), static_cast<std::size_t>(y)});
    }
    while (x > 0 && y > 0)
        edits.push_back({Op::Keep, static_cast<std::size_t>(--x), static_cast<std::size_t>(--y)});
    std::reverse(edits.begin(), edits.end());
    return edits;
}

void appendLine(std::string &out, char mark, const Line &line)
{
    out += mark;
    out += line.text;
    out += '\n';
    if (!line.newline)
        out += "\\ No newline at end of file\n";
}

// "@@ -l,s" as diff writes a range: an empty range names the line before it.
std::string range(std::size_t start, std::size_t count)
{
    const std::size_t first = count == 0 ? start : start + 1;
    return std::to_string(first) + (count == 1 ? "" : "," + std::to_string(count));
}

} // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view path)
{
    if (before == after)
        return {};
    const std::vector<Line> a = splitLines(before);
    const std::vector<Line> b = splitLines(after);
    const std::vector<Edit> edits = editScript(a, b);
    constexpr std::size_t context = 3;

    std::string out = "--- a" + std::string(path) + "\n+++ b" + std::string(path) + "\n";
    std::size_t i = 0;
    while (i < edits.size()) {
        while (i < edits.size() && edits[i].op == Op::Keep)
            ++i;
        if (i == edits.size())
            break;
        // A hunk: from `context` lines before the first change to `context` lines after the
        // last change that is no further than 2 × context lines from the next.
        std::size_t start = i >= context ? i - context : 0;
        std::size_t end = i;
        while (end < edits.size()) {
            std::size_t run = end;
            while (run < edits.size() && edits[run].op == Op::Keep)
                ++run;
            if (run == edits.size() || run - end > 2 * context) {
                end = std::min(edits.size(), end + context);
                break;
            }
            end = run;
            while (end < edits.size() && edits[end].op != Op::Keep)
                ++end;
        }
        std::size_t aStart = 0;
        std::size_t bStart = 0;
        // Where the hunk starts in each text: the first edit's own line, or the count so far.
        {
            std::size_t aSeen = 0;
            std::size_t bSeen = 0;
            for (std::size_t j = 0; j < start; ++j) {
                aSeen += edits[j].op != Op::Add;
                bSeen += edits[j].op != Op::Remove;
            }
            aStart = aSeen;
            bStart = bSeen;
        }
        std::size_t aCount = 0;
        std::size_t bCount = 0;
        std::string body;
        for (std::size_t j = start; j < end; ++j) {
            const Edit &e = edits[j];
            switch (e.op) {
            case Op::Keep:
                appendLine(body, ' ', a[e.a]);
                ++aCount;
                ++bCount;
                break;
            case Op::Remove:
                appendLine(body, '-', a[e.a]);
                ++aCount;
                break;
            case Op::Add:
                appendLine(body, '+', b[e.b]);
                ++bCount;
                break;
            }
        }
        out += "@@ -" + range(aStart, aCount) + " +" + range(bStart, bCount) + " @@\n" + body;
        i = end;
    }
    return out;
}

} // namespace topolab::core
