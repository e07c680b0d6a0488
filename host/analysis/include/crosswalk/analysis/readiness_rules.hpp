/**
 * @file readiness_rules.hpp
 * @brief The rules behind gap analysis, the remediation plan and the Stage 1 and Stage 2
 * readiness checks, as pure functions over a ReadinessInput the caller fills (DESIGN.md §5).
 *
 * Nothing here reads a workspace or calls a plugin: readiness.hpp loads the input from the
 * workspace and adds the plugins' findings. The headers below are included for their value
 * types only.
 */
#pragma once

#include <crosswalk/model/audit.hpp>
#include <crosswalk/model/catalog_rows.hpp>
#include <crosswalk/model/date.hpp>
#include <crosswalk/model/evidence.hpp>
#include <crosswalk/model/hub.hpp>
#include <crosswalk/model/implementation.hpp>
#include <crosswalk/model/organization.hpp>
#include <crosswalk/model/risk.hpp>
#include <crosswalk/model/soa.hpp>

#include <cstddef>
#include <map>
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

/// One framework's requirements as gap analysis and the remediation plan read them.
struct FrameworkInput {
    std::string framework;
    std::vector<RequirementStatus> statuses;  ///< requirementStatuses(), catalog order
    std::vector<RequirementEvidence> reach;   ///< requirementEvidence(); read by gapRules only
};

/**
 * @brief Everything the rules read, as the workspace functions return it. Each rule reads
 * only the fields named in its description; the others may stay empty.
 */
struct ReadinessInput {
    std::vector<SoaRow> soa;                    ///< soa()
    std::vector<ControlRow> isoControls;        ///< the kHubFramework catalog, catalog order
    std::vector<Asset> assets;                  ///< assets()
    std::vector<Risk> risks;                    ///< risks(), register order
    std::vector<RequirementEvidence> isoReach;  ///< requirementEvidence(kHubFramework)
    std::vector<EvidenceItem> evidence;         ///< evidenceLibrary()
    std::vector<Audit> audits;                  ///< audits()
    std::vector<AuditFinding> findings;         ///< auditFindings()
    std::vector<CorrectiveAction> actions;      ///< correctiveActions()
    std::vector<ManagementReview> reviews;      ///< managementReviews()

    std::vector<FrameworkInput> frameworks;     ///< the frameworks to report on (gaps), or the targets (remediation)
    std::vector<StatusEntry> recorded;          ///< implementationStatuses()
    std::vector<CommonControl> commonControls;  ///< the workspace's common controls, in its order
};

/**
 * @brief For each requirement ref in `reach`: how many distinct items reach it that are in
 * scope, in `library` and not stale at `at`. Refs with none are left out.
 */
std::map<std::string, std::size_t, std::less<>> currentEvidence(const std::vector<RequirementEvidence>& reach,
                                                                const std::vector<EvidenceItem>& library, Date at);

/**
 * @brief One gap per entry of `input.frameworks`, in that order (reads frameworks and
 * evidence). A requirement scoped out or with status not-applicable counts as not applicable,
 * the others by status. implementedWithEvidence: implemented and reached by an item valid for
 * the framework's scope that is not stale at `today`.
 */
std::vector<FrameworkGap> gapRules(const ReadinessInput& input, Date today);

/**
 * @brief The remediation plan over the targets in `input.frameworks` (reads frameworks'
 * statuses, recorded and commonControls): most frameworks advanced first, then most
 * requirements, then key. A common control's status, owner and due date are those recorded
 * on it.
 */
std::vector<RemediationAction> remediationRules(const ReadinessInput& input);

/**
 * @brief Stage 1 lint (reads soa, isoControls, assets, risks, isoReach and evidence):
 * SoA rows without a decision or justification; exclusions without a reason; in-scope assets
 * absent from the risk assessment; treatment controls that the SoA does not list as
 * applicable; each item of mandatory documented information of clauses 4–10 (the ISO
 * catalog's documented_information attribute) with no document-kind evidence linked to its
 * clause.
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
 * Findings come sorted by severity, most severe first (stable otherwise).
 */
std::vector<ReadinessFinding> stage1Findings(const ReadinessInput& input, Date today);

/**
 * @brief Stage 2 readiness at `at` (reads soa, isoReach, evidence, audits, findings, actions
 * and reviews): every SoA control marked implemented has operational evidence that is current
 * at `at` and in the ISO scope; an internal audit completed within the 12 months before `at`;
 * no open major nonconformity; a management review in those 12 months recording every 9.3.2
 * input and the 9.3.3 outputs, and the decision that the organization is ready.
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
 * Findings come sorted by severity, most severe first (stable otherwise).
 */
std::vector<ReadinessFinding> stage2Findings(const ReadinessInput& input, Date at);

/// Stable sort, most severe first.
void sortBySeverity(std::vector<ReadinessFinding>& findings);

}  // namespace cw
