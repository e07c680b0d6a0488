/**
 * @file timeline.hpp
 * @brief The certification timeline as recorded: milestones, settings and other frameworks'
 * cycles (the types are in crosswalk/model/timeline.hpp; the picture derived from them is
 * crosswalk/analysis/timeline_rules.hpp).
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/timeline.hpp>
#include <crosswalk/store/workspace.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// Stored in table settings as 'remediation_buffer_days', 'certificate_years',
/// 'soon_stale_days'; defaults where absent.
Result<TimelineSettings> timelineSettings(Workspace& ws);
/// BadInput, nothing written: buffer or soon-stale days outside 0–365, certificate years outside 1–10.
Result<void> setTimelineSettings(Workspace& ws, const TimelineSettings& settings);

/**
 * @brief Sets a step's dates (all four replaced; a step with no dates and no note is removed).
 *
 * BadInput, nothing written: an end before its start, or a start before the end of an earlier
 * step's same kind of date (planned vs planned, actual vs actual), checked both ways (setting
 * an earlier step's end after a later step's start fails too). A step with only one of its
 * two dates counts as that single day. Remediation's end does not bind the later steps:
 * remediation runs from Stage 1's end and minor fixes may continue while Stage 2 is held.
 */
Result<Milestone> setMilestone(Workspace& ws, const Milestone& milestone);
/// All eleven steps in order, with empty dates where none are recorded.
Result<std::vector<Milestone>> milestones(Workspace& ws);

/// Cycles by start date.
Result<std::vector<Cycle>> cycles(Workspace& ws);
/**
 * @brief Adds or replaces by key. An empty key gets one from the kind and start year
 * ("SOC2-T1-YYYY", "SOC2-T2-OBS-YYYY", "SOC2-T2-RPT-YYYY", "PCI-YYYY", "HIPAA-RA-YYYY",
 * "CYCLE-YYYY"; "-2", "-3" … when taken). NotFound: unknown framework. BadInput: invalid key,
 * empty title, endsOn before startsOn, recurMonths outside 0–120.
 */
Result<Cycle> setCycle(Workspace& ws, Cycle cycle);
/// NotFound when unknown.
Result<void> removeCycle(Workspace& ws, std::string_view key);

/// Evidence that can go stale before an audit: each item linked to a control or requirement
/// and not scoped out of iso27001-2022, with its expiry (valid-until, else collected-on +
/// review days); undated items never expire and are left out. By key.
Result<std::vector<ExpiringEvidence>> expiringEvidence(Workspace& ws);

}  // namespace cw
