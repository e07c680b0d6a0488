/**
 * @file audit.hpp
 * @brief Internal audits (ISO 27001 9.2) with findings and corrective actions (10.2), and
 * management reviews (9.3) with their inputs and decisions.
 */
#pragma once

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/error.hpp>
#include <crosswalk/core/workspace.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// An audit programme: the audits planned over a period (9.2.2).
struct AuditProgramme {
    std::string key;  ///< e.g. "AP-2026"
    std::string title;
    Date startsOn;
    Date endsOn;  ///< not before startsOn
    std::string objectives;
};

enum class AuditKind { Internal, Stage1, Stage2, Surveillance, Recertification };
std::string_view toString(AuditKind k) noexcept;
std::optional<AuditKind> parseAuditKind(std::string_view text) noexcept;

enum class AuditStatus { Planned, InProgress, Completed, Cancelled };
std::string_view toString(AuditStatus s) noexcept;
std::optional<AuditStatus> parseAuditStatus(std::string_view text) noexcept;

struct Audit {
    std::string key;        ///< e.g. "IA-2026-1"
    std::string programme;  ///< programme key or empty
    AuditKind kind = AuditKind::Internal;
    std::string title;
    std::string scope;
    std::vector<std::string> areas;  ///< full refs of the clauses and controls audited
    std::string auditor;
    Date plannedOn;
    std::optional<Date> completedOn;  ///< required when Completed
    AuditStatus status = AuditStatus::Planned;
};

enum class FindingType { MajorNonconformity, MinorNonconformity, Observation, Opportunity };
std::string_view toString(FindingType t) noexcept;  ///< "major", "minor", "observation", "opportunity"
std::optional<FindingType> parseFindingType(std::string_view text) noexcept;

struct AuditFinding {
    std::string key;  ///< e.g. "F-01"
    std::string audit;
    FindingType type = FindingType::Observation;
    std::string requirement;  ///< full ref, may be empty
    std::string description;
    Date raisedOn;
    bool open = true;
    std::optional<Date> closedOn;  ///< required when closed; not before raisedOn
};

enum class ActionStatus { Open, InProgress, Done, Verified };
std::string_view toString(ActionStatus s) noexcept;
std::optional<ActionStatus> parseActionStatus(std::string_view text) noexcept;

struct CorrectiveAction {
    std::string key;  ///< e.g. "CA-01"
    std::string finding;
    std::string description;
    std::string rootCause;  ///< required before Done or Verified
    std::string owner;
    std::optional<Date> due;
    ActionStatus status = ActionStatus::Open;
    std::optional<Date> closedOn;  ///< required for Done/Verified
};

// Every set* function below validates first and writes in one transaction: on any error
// (BadInput for the caller's mistake, NotFound for an unknown key or ref) nothing is written.
// Keys are 1-64 letters, digits, '.', '_', '-', starting with a letter or digit; an empty key
// gets the next free one (numbers one past the highest in use, so a removed key is not reused).

/// Programmes by start date.
Result<std::vector<AuditProgramme>> auditProgrammes(Workspace& ws);
/// Adds or replaces by key (empty key: "AP-YYYY" from startsOn, "AP-YYYY-2" … when taken).
/// BadInput: empty title, endsOn before startsOn, a period that would leave one of the
/// programme's audits outside it.
Result<AuditProgramme> setAuditProgramme(Workspace& ws, const AuditProgramme& programme);
/// Removes a programme; its audits stay, without a programme. NotFound when unknown.
Result<void> removeAuditProgramme(Workspace& ws, std::string_view key);

/// Audits by planned date.
Result<std::vector<Audit>> audits(Workspace& ws);
/**
 * @brief Adds or replaces by key. An empty key gets the next free one from the planned year:
 * "IA-YYYY-N" (internal), "S1-YYYY", "S2-YYYY", "SA-YYYY-N" (surveillance), "RA-YYYY"
 * (recertification; a taken single key gets "-2", "-3" …).
 *
 * NotFound: an unknown programme or area ref. BadInput: an area that is not FRAMEWORK:REF,
 * an empty title, Completed without completedOn, completedOn on an audit not Completed,
 * completedOn before plannedOn, plannedOn outside the programme's period, or (replacing) a
 * plannedOn after one of the audit's findings was raised. Repeated areas are kept once.
 */
Result<Audit> setAudit(Workspace& ws, Audit audit);
/// Removes an audit with its findings and their corrective actions. NotFound when unknown.
Result<void> removeAudit(Workspace& ws, std::string_view key);

/// Findings of one audit (NotFound when unknown), or of all when `audit` is empty; by raised date.
Result<std::vector<AuditFinding>> auditFindings(Workspace& ws, std::string_view audit = {});
/**
 * @brief Adds or replaces by key (empty key: next "F-NN" after the highest used).
 *
 * NotFound: unknown audit or requirement. BadInput: empty description; a requirement that is
 * not FRAMEWORK:REF; raisedOn before the audit's plannedOn (findings are raised during the
 * audit, not before it); closed without closedOn, or open with one; closedOn before raisedOn;
 * closing while a corrective action is still open or in progress, or before an action's
 * closedOn (10.2: a nonconformity is closed once its actions are done); raisedOn after an
 * action's closedOn.
 */
Result<AuditFinding> setAuditFinding(Workspace& ws, AuditFinding finding);
/// Removes a finding with its corrective actions. NotFound when unknown.
Result<void> removeAuditFinding(Workspace& ws, std::string_view key);

/// Actions of one finding (NotFound when unknown), or of all when `finding` is empty; by key.
Result<std::vector<CorrectiveAction>> correctiveActions(Workspace& ws, std::string_view finding = {});
/**
 * @brief Adds or replaces by key (empty key: next "CA-NN" after the highest used).
 *
 * NotFound: unknown finding. BadInput: empty description; Done or Verified without a root
 * cause or without closedOn; closedOn with Open or In progress; closedOn before the finding
 * was raised or after it was closed; an Open or In-progress action on a closed finding.
 */
Result<CorrectiveAction> setCorrectiveAction(Workspace& ws, CorrectiveAction action);
/// Removes a corrective action. NotFound when unknown.
Result<void> removeCorrectiveAction(Workspace& ws, std::string_view key);

/// The inputs a management review must consider (ISO 27001:2022 9.3.2 a–g, with d in its four parts).
enum class ReviewInput {
    PreviousActions,            ///< a) status of actions from previous reviews
    IssuesChanges,              ///< b) changes in external and internal issues
    InterestedPartiesChanges,   ///< c) changes in needs and expectations of interested parties
    Nonconformities,            ///< d1) nonconformities and corrective actions
    MonitoringResults,          ///< d2) monitoring and measurement results
    AuditResults,               ///< d3) audit results
    ObjectivesFulfilment,       ///< d4) fulfilment of information security objectives
    InterestedPartiesFeedback,  ///< e) feedback from interested parties
    RiskResults,                ///< f) results of risk assessment and status of the risk treatment plan
    ImprovementOpportunities,   ///< g) opportunities for continual improvement
};
inline constexpr std::array<ReviewInput, 10> kReviewInputs = {ReviewInput::PreviousActions,
                                                              ReviewInput::IssuesChanges,
                                                              ReviewInput::InterestedPartiesChanges,
                                                              ReviewInput::Nonconformities,
                                                              ReviewInput::MonitoringResults,
                                                              ReviewInput::AuditResults,
                                                              ReviewInput::ObjectivesFulfilment,
                                                              ReviewInput::InterestedPartiesFeedback,
                                                              ReviewInput::RiskResults,
                                                              ReviewInput::ImprovementOpportunities};
std::string_view toString(ReviewInput i) noexcept;  ///< "a", "b", "c", "d1" … "g"
std::string_view describe(ReviewInput i) noexcept;  ///< the words above
std::optional<ReviewInput> parseReviewInput(std::string_view text) noexcept;

/// The outputs (9.3.3): decisions on continual improvement and on changes to the ISMS;
/// plus resources and the decision that the organization is ready for certification.
enum class DecisionKind { Improvement, IsmsChange, Resources, Readiness };
std::string_view toString(DecisionKind k) noexcept;
std::optional<DecisionKind> parseDecisionKind(std::string_view text) noexcept;

struct ReviewDecision {
    DecisionKind kind = DecisionKind::Improvement;
    std::string text;
    std::string owner;
    std::optional<Date> due;
};

struct ReviewInputEntry {
    ReviewInput input = ReviewInput::PreviousActions;
    std::string summary;
};

struct ManagementReview {
    std::string key;  ///< e.g. "MR-2026-1"
    Date heldOn;
    std::string chair;
    std::string attendees;
    std::string notes;
    std::vector<ReviewInputEntry> inputs;
    std::vector<ReviewDecision> decisions;
    bool readyForCertification = false;  ///< the top-management decision

    /// The 9.3.2 inputs not recorded.
    [[nodiscard]] std::vector<ReviewInput> missingInputs() const;
    /// True when there is at least one Improvement and one IsmsChange decision (9.3.3).
    [[nodiscard]] bool hasRequiredOutputs() const;
};

/// Reviews by date held, each with its inputs (in 9.3.2 order) and decisions (as entered).
Result<std::vector<ManagementReview>> managementReviews(Workspace& ws);
/**
 * @brief Adds or replaces by key (empty: next free "MR-YYYY-N" from the year held); inputs
 * and decisions are replaced. Missing inputs are allowed (a review can be recorded as held;
 * missingInputs() and Stage 2 readiness say what it lacks).
 *
 * BadInput, nothing written: an input given twice or with an empty summary; a decision without
 * text or due before the review was held; readyForCertification without a Readiness decision.
 */
Result<ManagementReview> setManagementReview(Workspace& ws, ManagementReview review);
/// NotFound when unknown.
Result<void> removeManagementReview(Workspace& ws, std::string_view key);

}  // namespace cw
