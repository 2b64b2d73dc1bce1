#include "sweepplan.h"

#include "simreadiness.h"

#include "core/validation/validator.h"
#include "sim/availability/outagetimeline.h"

#include <algorithm>

namespace topolab::core {

namespace {

// The paths a sweep cannot vary: the grid itself decides how many replications run.
std::string refusedPath(const ParamPath &path)
{
    if (path.scope == ParamPath::Scope::Scenario && path.param == "replications")
        return "scenario.replications is the sweep's own --replications; it cannot be swept";
    return {};
}

// "www.ttl_s=30, kind:app_server.workers=8": the point as a person would type it back.
std::string pointText(const std::vector<ParamChange> &changes)
{
    std::string text;
    for (const ParamChange &change : changes) {
        if (!text.empty())
            text += ", ";
        text += change.path.text() + "=" + formatParamValue(change.value);
    }
    return text;
}

// The first error the validator or the readiness check has for a variant, or empty.
std::string firstProblem(const Topology &variant)
{
    for (const Diagnostic &d : validateTopology(variant)) {
        if (d.severity == Severity::Error)
            return d.componentId.empty() ? d.message + " [" + d.code + "]"
                                         : d.componentId + ": " + d.message + " [" + d.code + "]";
    }
    return missingForSimulation(variant);
}

} // namespace

SweepTask taskAt(const SweepPlan &plan, std::size_t index)
{
    const auto r = static_cast<std::size_t>(std::max(1, plan.replications));
    return {static_cast<std::uint32_t>(index / r), static_cast<std::uint32_t>(index % r)};
}

Checked<SweepPlan> planSweep(const Topology &topology, const SweepRequest &request)
{
    using Fail = Checked<SweepPlan>;
    if (request.parameters.empty())
        return Fail::fail("nothing to sweep: give at least one --param PATH=V1,V2,...");
    if (std::string missing = missingForSimulation(topology); !missing.empty())
        return Fail::fail(missing);

    SweepPlan plan;
    std::size_t pointCount = 1;
    for (const std::string &text : request.parameters) {
        Checked<ParamSweep> sweep = parseParamSweep(text, topology);
        if (!sweep)
            return Fail::fail("--param " + text + ": " + sweep.error);
        if (std::string why = refusedPath(sweep.value->path); !why.empty())
            return Fail::fail("--param " + text + ": " + why);
        for (const ParamSweep &earlier : plan.parameters) {
            if (earlier.path == sweep.value->path)
                return Fail::fail("--param " + text + ": " + sweep.value->path.text()
                                  + " is already swept by an earlier --param");
        }
        plan.titles.push_back(paramTitle(sweep.value->path, topology));
        plan.units.push_back(specOf(sweep.value->path, topology).unit);
        pointCount *= sweep.value->values.size();
        if (pointCount > maxSweepTasks)
            return Fail::fail("the grid has more than " + std::to_string(maxSweepTasks)
                              + " points; sweep fewer values");
        plan.parameters.push_back(std::move(*sweep.value));
    }
    const auto isSeed = [](const ParamSweep &p) {
        return p.path.scope == ParamPath::Scope::Scenario && p.path.param == "seed";
    };
    plan.seedSwept = std::any_of(plan.parameters.begin(), plan.parameters.end(), isSeed);
    if (plan.seedSwept && request.overrides.seed)
        return Fail::fail("--seed and a swept scenario.seed contradict each other; give one");

    const sim::ModelSpec base = buildSimModel(topology, request.overrides);
    plan.replications = std::max(1, base.replications);
    if (pointCount * static_cast<std::size_t>(plan.replications) > maxSweepTasks)
        return Fail::fail(std::to_string(pointCount) + " points of "
                          + std::to_string(plan.replications) + " replications exceed "
                          + std::to_string(maxSweepTasks) + " runs; sweep fewer values");
    plan.seed = base.seed;
    plan.durationS = sim::toSeconds(base.duration);
    plan.years = request.years;
    if (plan.years > 0 && base.randomFailures.empty())
        return Fail::fail("--years simulates component failures over years, and the topology "
                          "has none: add a scenario.random_failures entry per component kind, "
                          "e.g. {kind: app_server, mtbf_h: 2000, mttr_min: 15}");
    if (plan.years > 0) {
        if (std::string problem = sim::horizonProblem(base, plan.years); !problem.empty())
            return Fail::fail(problem);
    }

    // Every point's replications come from the sweep, whatever a swept scenario would say.
    SimOverrides overrides = request.overrides;
    overrides.replications = plan.replications;
    std::vector<std::size_t> digit(plan.parameters.size(), 0);
    for (std::size_t p = 0; p < pointCount; ++p) {
        std::vector<ParamChange> changes;
        for (std::size_t i = 0; i < plan.parameters.size(); ++i)
            changes.push_back({plan.parameters[i].path, plan.parameters[i].values[digit[i]]});
        Checked<Topology> variant = applyChanges(topology, changes);
        if (!variant)
            return Fail::fail("with " + pointText(changes) + ": " + variant.error);
        if (std::string problem = firstProblem(*variant.value); !problem.empty())
            return Fail::fail("with " + pointText(changes) + ": " + problem);
        plan.models.push_back(buildSimModel(*variant.value, overrides));
        plan.labels.push_back(changesLabel(changes, topology));
        plan.points.push_back(std::move(changes));
        // The next combination: the last parameter varies fastest.
        for (std::size_t i = plan.parameters.size(); i-- > 0;) {
            if (++digit[i] < plan.parameters[i].values.size())
                break;
            digit[i] = 0;
        }
    }
    return {std::move(plan), {}};
}

} // namespace topolab::core
