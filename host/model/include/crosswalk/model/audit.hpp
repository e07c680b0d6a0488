/**
 * @file audit.hpp
 * @brief Internal audits (ISO 27001 9.2) with findings and corrective actions (10.2), and
 * management reviews (9.3) with their inputs and decisions.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>

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

}  // namespace cw
