#pragma once

#include "core/io/diagnostic.h"
#include "core/io/topologyreader.h"

#include <QTest>

#include <string>

namespace topolab::test {

// Parses a topology written in the test; fails the test with the reader's messages if it does
// not load, so each test states its topology in the file format users write.
inline core::Topology parseTopology(const std::string &yaml, core::SourceMap *sources = nullptr)
{
    core::LoadResult result = core::readTopology(yaml);
    if (!result.ok()) {
        std::string all;
        for (const auto &d : result.diagnostics)
            all += core::formatDiagnostic(d, "<test>") + "\n";
        QTest::qFail(all.c_str(), __FILE__, __LINE__);
        return {};
    }
    if (sources)
        *sources = result.sources;
    return std::move(*result.topology);
}

} // namespace topolab::test
