/**
 * @file timeline.hpp
 * @brief The certification timeline of a workspace: what is recorded (crosswalk/store/timeline.hpp)
 * and the picture derived from it (crosswalk/analysis/timeline_rules.hpp, which documents the rules).
 */
#pragma once

#include <crosswalk/analysis/timeline_rules.hpp>
#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/store/timeline.hpp>
#include <crosswalk/store/workspace.hpp>

#include <optional>

namespace cw {

/// The whole picture at `today`: buildTimeline() over the workspace's settings, steps, cycles
/// and the evidence that can go stale before an audit.
Result<Timeline> timeline(Workspace& ws, Date today);

/// The soon-stale window evidence freshness is judged with: `given` (a --days option, say) when
/// set, else the workspace's timeline setting, the one the timeline warns with.
Result<int> soonStaleDays(Workspace& ws, std::optional<int> given = std::nullopt);

}  // namespace cw
