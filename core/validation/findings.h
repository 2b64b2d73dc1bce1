#pragma once

#include "../io/diagnostic.h"
#include "../io/sourcemap.h"
#include "../model/topologyindex.h"

#include <string>
#include <vector>

namespace topolab::core {

// Collects the findings of the validation rules and places them in the file.
class Findings
{
public:
    Findings(const TopologyIndex &index, const SourceMap *sources)
        : mIndex(index)
        , mSources(sources)
    {
    }

    const TopologyIndex &index() const { return mIndex; }
    const Topology &topology() const { return mIndex.topology(); }

    void error(std::string code, const std::string &componentId, std::string message);
    void warning(std::string code, const std::string &componentId, std::string message);
    void add(Severity severity, std::string code, const std::string &componentId,
             std::string message, SourceLocation at = {});
    SourceLocation failureLocation(std::size_t index) const;
    SourceLocation clientGroupLocation(const std::string &id) const;

    std::vector<Diagnostic> take() { return std::move(mDiagnostics); }

private:
    const TopologyIndex &mIndex;
    const SourceMap *mSources;
    std::vector<Diagnostic> mDiagnostics;
};

// The rule families, one file each.
void checkRequestPath(Findings &findings);
void checkDatabases(Findings &findings);
void checkRegions(Findings &findings);
void checkTrafficAndScenario(Findings &findings);

} // namespace topolab::core
