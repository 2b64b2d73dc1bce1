// libFuzzer target: any bytes through the reader must give a topology or located errors, never a
// crash; whatever loads must survive validation and analysis, and save → load → save must give
// the same model and the same bytes.
#include "core/analysis/analysisreport.h"
#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"
#include "core/validation/validator.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace topolab::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const LoadResult first = readTopology(text);
    if (!first.ok()) {
        if (first.diagnostics.empty())
            std::abort(); // refused without saying why
        for (const auto &d : first.diagnostics) {
            if (d.location.line < 1 || d.location.column < 1)
                std::abort(); // an error users cannot find
        }
        return 0;
    }
    validateTopology(*first.topology, &first.sources);
    analyzeTopology(*first.topology);
    const std::string saved = writeTopology(*first.topology);
    const LoadResult second = readTopology(saved);
    if (!second.ok() || !(*second.topology == *first.topology))
        std::abort(); // what we write, we must read back unchanged
    if (writeTopology(*second.topology) != saved)
        std::abort(); // saving is not stable
    return 0;
}
