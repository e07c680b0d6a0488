// Stub: replaced by the real implementation.
#include <crosswalk/core/timeline.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

std::string_view toString(Step s) noexcept {
    return {};
}

std::string_view toString(CycleKind k) noexcept {
    return {};
}

std::string_view toString(WarningKind k) noexcept {
    return {};
}

Result<TimelineSettings> timelineSettings(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<void> setTimelineSettings(Workspace& ws, const TimelineSettings& settings) {
    return Error::internal("not implemented yet");
}

Result<Milestone> setMilestone(Workspace& ws, const Milestone& milestone) {
    return Error::internal("not implemented yet");
}

Result<std::vector<Milestone>> milestones(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<std::vector<Cycle>> cycles(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<Cycle> setCycle(Workspace& ws, Cycle cycle) {
    return Error::internal("not implemented yet");
}

Result<void> removeCycle(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

Result<Timeline> timeline(Workspace& ws, Date today) {
    return Error::internal("not implemented yet");
}

std::string_view describe(Step s) noexcept {
    return {};
}

std::optional<Step> parseStep(std::string_view text) noexcept {
    return std::nullopt;
}

std::optional<CycleKind> parseCycleKind(std::string_view text) noexcept {
    return std::nullopt;
}

}  // namespace cw
