/**
 * @file readiness.hpp
 * @brief Gap analysis per target framework, the ranked remediation list, and Stage 1 and
 * Stage 2 readiness (DESIGN.md §5).
 */
#pragma once

#include <crosswalk/analysis/readiness_rules.hpp>
#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cw {

/**
 * @brief Gaps of every target framework, in target order (or of one framework when
 * `framework` is given; it need not be a target: then all of it applies), counted by
 * gapRules() from requirementStatuses() and the evidence reaching each requirement. NotFound
 * for an unknown framework; no targets and no framework: an empty list.
 */
Result<std::vector<FrameworkGap>> gapAnalysis(Workspace& ws, Date today, std::string_view framework = {});

/// The remediation plan over the target frameworks (remediationRules()). Ranked: most
/// frameworks advanced first, then most requirements, then key.
Result<std::vector<RemediationAction>> remediationPlan(Workspace& ws);

/**
 * @brief Stage 1 readiness at `today`: the checks of stage1Findings() (readiness_rules.hpp),
 * then each target framework's plugin readiness checks, when `host` has the plugin. BadInput
 * when the workspace has no ISO 27001 catalog.
 *
 * Plugin checks: for each target whose plugin is loaded in `host` (nullptr: none) and has
 * readiness checks, the plugin gets {"framework", "controls": [{"ref", "status", "reason"?,
 * "alternative"?, "evidence"}], "answers": the target's scoping answers} and, for SOC 2, the
 * "observation_period" of the Type 2 observation cycle. "evidence" counts the items valid for
 * the framework's scope and current at the date; "alternative" is the note of the status
 * entry that decided the status (HIPAA's documented alternative measure). For ISO 27001 the
 * SoA decides Annex A applicability: excluded rows go as not-applicable with their
 * justification, undecided rows are left out. Findings carry the plugin id as source and the
 * plugin's ref as subject (the framework id when it gives none). A plugin error fails the
 * whole call with the host's error, which names the plugin.
 *
 * Findings come sorted by severity, most severe first (stable otherwise).
 */
Result<std::vector<ReadinessFinding>> stage1Readiness(Workspace& ws, const PluginHost* host, Date today);

/**
 * @brief Stage 2 readiness at `at` (the Stage 2 date, or today): the checks of
 * stage2Findings() (readiness_rules.hpp), then the plugin checks as for Stage 1, with
 * evidence counted at `at`. Sorted by severity.
 */
Result<std::vector<ReadinessFinding>> stage2Readiness(Workspace& ws, const PluginHost* host, Date at);

/// The plugins of target frameworks that `host` has not loaded, in target order: their
/// readiness checks cannot run, and a report should say so rather than pass over them.
Result<std::vector<std::string>> pluginsNotLoaded(Workspace& ws, const PluginHost& host);

}  // namespace cw
