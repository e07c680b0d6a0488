/**
 * @file readiness.hpp
 * @brief Gap analysis per target framework, the ranked remediation list, and Stage 1 and
 * Stage 2 readiness (DESIGN.md §5).
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

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

/**
 * @brief Gaps of every target framework, in target order (or of one framework when
 * `framework` is given; it need not be a target: then all of it applies). Counts come from
 * requirementStatuses(): a requirement scoped out or with status not-applicable counts as
 * not applicable, the others by status. implementedWithEvidence: implemented and reached by
 * an item valid for the framework's scope that is not stale at `today`. NotFound for an
 * unknown framework; no targets and no framework: an empty list.
 */
Result<std::vector<FrameworkGap>> gapAnalysis(Workspace& ws, Date today, std::string_view framework = {});

/**
 * @brief One thing to do: bring a common control to implemented.
 *
 * Listed: every common control whose own status is neither implemented nor not-applicable
 * and that is linked to at least one open requirement (applicable, assessable, not
 * implemented and not not-applicable) of a target framework.
 */
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

/// Most severe first (the order findings are sorted in).
enum class Severity { Blocker, Major, Minor, Info };
std::string_view toString(Severity s) noexcept;  ///< "blocker", "major", "minor", "info"
std::optional<Severity> parseSeverity(std::string_view text) noexcept;

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
 *
 * Checks (source "crosswalk"; subject in brackets):
 * - stage1.no-soa, blocker [SoA]: no row drafted yet (the row checks are skipped).
 * - stage1.soa-undecided, major [A.x.y]: no decision whether the control applies (a control
 *   a risk treatment chose is reported once, as stage1.treatment-control-not-in-soa).
 * - stage1.soa-without-justification, major [A.x.y]: applicable, no justification.
 * - stage1.exclusion-without-reason, major [A.x.y]: not applicable, no justification.
 * - stage1.asset-not-in-risk-assessment, major [asset key]: in scope, named by no risk.
 * - stage1.treatment-control-not-in-soa, major [A.x.y]: chosen by a risk's treatment, but
 *   excluded, undecided or absent in the SoA (one finding per control, naming the risks).
 * - stage1.missing-documented-information, major ["6.2: information security objectives"]:
 *   no document for the item. A document is a policy, procedure, record or report, valid for
 *   the ISO scope and not expired at `today`, linked to the clause requirement (directly or
 *   through a common control) and whose title names the item as whole words, case-insensitive
 *   ("SoA" and "audit program" count as aliases); a clause with a single item is covered by
 *   any document filed under it.
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
 * @brief Stage 2 readiness at `at` (the Stage 2 date, or today): every SoA control marked
 * implemented has operational evidence that is current at `at` and in the ISO scope; an
 * internal audit completed within the 12 months before `at`; no open major nonconformity;
 * a management review in those 12 months recording every 9.3.2 input and the 9.3.3
 * outputs, and the decision that the organization is ready.
 *
 * Checks (source "crosswalk"; subject in brackets):
 * - stage2.no-soa, blocker [SoA].
 * - stage2.implemented-without-operational-evidence, blocker [A.x.y]: applicable, status
 *   implemented (as carried to the Annex A requirement), and no operational item
 *   (isOperational) valid for the ISO scope and not stale at `at`; the message names stale
 *   items with their expiry, documentation-only items and items scoped out.
 * - stage2.no-internal-audit, blocker [9.2]: no internal audit completed in [at − 12 months, at].
 * - stage2.open-major-nonconformity, blocker / stage2.open-minor-nonconformity, major
 *   [finding key]: with the finding's corrective actions.
 * - stage2.no-management-review, blocker [9.3]: none held in [at − 12 months, at]. Else, for
 *   the latest one: stage2.review-input-missing, major [review key], one per 9.3.2 input not
 *   recorded; stage2.review-outputs-missing, major, without the 9.3.3 improvement and
 *   ISMS-change decisions; stage2.no-readiness-decision, major, without the decision that
 *   the organization is ready.
 *
 * Then the plugin checks as for Stage 1, with evidence counted at `at`. Sorted by severity.
 */
Result<std::vector<ReadinessFinding>> stage2Readiness(Workspace& ws, const PluginHost* host, Date at);

}  // namespace cw
