/**
 * @file readiness.hpp
 * @brief Gap analysis per target framework, the ranked remediation list, and Stage 1 and
 * Stage 2 readiness (DESIGN.md §5).
 */
#pragma once

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/error.hpp>
#include <crosswalk/core/implementation.hpp>
#include <crosswalk/core/plugin_host.hpp>
#include <crosswalk/core/workspace.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// One target framework's progress over its applicable requirements.
struct FrameworkGap {
    std::string framework;
    std::size_t applicable = 0;  ///< assessable requirements that apply
    std::size_t notApplicable = 0;
    std::size_t implemented = 0;
    std::size_t partial = 0;
    std::size_t planned = 0;
    std::size_t notStarted = 0;
    std::size_t implementedWithEvidence = 0;  ///< implemented and reached by current, in-scope evidence
    std::vector<RequirementStatus> open;      ///< applicable and not implemented, catalog order

    /// implemented / applicable (0 when nothing applies).
    [[nodiscard]] double progress() const noexcept;
};

/// Gaps of every target framework (or of one when `framework` is given).
Result<std::vector<FrameworkGap>> gapAnalysis(Workspace& ws, Date today, std::string_view framework = {});

/// One thing to do: bring a common control to implemented.
struct RemediationAction {
    std::string commonControl;  ///< key
    std::string title;
    ImplementationStatus status = ImplementationStatus::NotStarted;
    std::string owner;
    std::optional<Date> due;
    std::vector<std::string> frameworks;  ///< target frameworks with an open applicable requirement it advances
    std::size_t requirements = 0;         ///< such requirements
    std::size_t wouldImplement = 0;       ///< of which would become implemented (full links)
};
/// Ranked: most frameworks advanced first, then most requirements, then key.
Result<std::vector<RemediationAction>> remediationPlan(Workspace& ws);

enum class Severity { Blocker, Major, Minor, Info };
std::string_view toString(Severity s) noexcept;

struct ReadinessFinding {
    std::string check;  ///< e.g. "stage1.soa-without-justification" or a plugin's check id
    Severity severity = Severity::Major;
    std::string subject;  ///< the SoA ref, asset key, document, evidence key … it is about
    std::string message;
    std::string source;  ///< "crosswalk" or the plugin id
};

/**
 * @brief Stage 1 lint: SoA rows without a decision or justification; exclusions without a
 * reason; in-scope assets absent from the risk assessment; treatment controls that the SoA
 * does not list as applicable; each item of mandatory documented information of clauses
 * 4–10 (the ISO catalog's documented_information attribute) with no document-kind evidence
 * linked to its clause. Then each target framework's plugin readiness checks, when `host`
 * has the plugin.
 */
Result<std::vector<ReadinessFinding>> stage1Readiness(Workspace& ws, const PluginHost* host, Date today);

/**
 * @brief Stage 2 readiness at `at` (the Stage 2 date, or today): every SoA control marked
 * implemented has operational evidence that is current at `at` and in the ISO scope; an
 * internal audit completed within the 12 months before `at`; no open major nonconformity;
 * a management review in those 12 months recording every 9.3.2 input and the 9.3.3
 * outputs, and the decision that the organization is ready.
 */
Result<std::vector<ReadinessFinding>> stage2Readiness(Workspace& ws, const PluginHost* host, Date at);

}  // namespace cw
