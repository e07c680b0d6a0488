#include <crosswalk/workbench/timeline.hpp>

namespace cw {

Result<Timeline> timeline(Workspace& ws, Date today) {
    TimelineInput input;
    auto settings = timelineSettings(ws);
    if (!settings) return settings.error();
    input.settings = *settings;
    auto steps = milestones(ws);
    if (!steps) return steps.error();
    input.milestones = std::move(*steps);
    auto all = cycles(ws);
    if (!all) return all.error();
    input.cycles = std::move(*all);
    auto expiring = expiringEvidence(ws);
    if (!expiring) return expiring.error();
    input.expiring = std::move(*expiring);
    return buildTimeline(input, today);
}

Result<int> soonStaleDays(Workspace& ws, std::optional<int> given) {
    if (given) return *given;
    auto settings = timelineSettings(ws);
    if (!settings) return settings.error();
    return settings->soonStaleDays;
}

}  // namespace cw
