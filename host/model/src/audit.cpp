// The names, parsing and pure rules of the audit types (crosswalk/model/audit.hpp).
#include <crosswalk/model/audit.hpp>

#include <crosswalk/model/text.hpp>

#include <algorithm>
#include <array>

namespace cw {
namespace {

constexpr std::array<std::string_view, 5> kAuditKinds = {"internal", "stage1", "stage2", "surveillance",
                                                         "recertification"};
constexpr std::array<std::string_view, 4> kAuditStatuses = {"planned", "in-progress", "completed", "cancelled"};
constexpr std::array<std::string_view, 4> kFindingTypes = {"major", "minor", "observation", "opportunity"};
constexpr std::array<std::string_view, 4> kActionStatuses = {"open", "in-progress", "done", "verified"};
constexpr std::array<std::string_view, 10> kInputCodes = {"a", "b", "c", "d1", "d2", "d3", "d4", "e", "f", "g"};
constexpr std::array<std::string_view, 10> kInputWords = {
    "status of actions from previous management reviews",
    "changes in external and internal issues relevant to the ISMS",
    "changes in needs and expectations of interested parties",
    "nonconformities and corrective actions",
    "monitoring and measurement results",
    "audit results",
    "fulfilment of information security objectives",
    "feedback from interested parties",
    "results of risk assessment and status of the risk treatment plan",
    "opportunities for continual improvement",
};
constexpr std::array<std::string_view, 4> kDecisionKinds = {"improvement", "isms-change", "resources", "readiness"};

}  // namespace

std::string_view toString(AuditKind k) noexcept {
    return kAuditKinds[static_cast<std::size_t>(k)];
}

std::optional<AuditKind> parseAuditKind(std::string_view text) noexcept {
    return parseName<AuditKind>(kAuditKinds, text);
}

std::string_view toString(AuditStatus s) noexcept {
    return kAuditStatuses[static_cast<std::size_t>(s)];
}

std::optional<AuditStatus> parseAuditStatus(std::string_view text) noexcept {
    return parseName<AuditStatus>(kAuditStatuses, text);
}

std::string_view toString(FindingType t) noexcept {
    return kFindingTypes[static_cast<std::size_t>(t)];
}

std::optional<FindingType> parseFindingType(std::string_view text) noexcept {
    return parseName<FindingType>(kFindingTypes, text);
}

std::string_view toString(ActionStatus s) noexcept {
    return kActionStatuses[static_cast<std::size_t>(s)];
}

std::optional<ActionStatus> parseActionStatus(std::string_view text) noexcept {
    return parseName<ActionStatus>(kActionStatuses, text);
}

std::string_view toString(ReviewInput i) noexcept {
    return kInputCodes[static_cast<std::size_t>(i)];
}

std::string_view describe(ReviewInput i) noexcept {
    return kInputWords[static_cast<std::size_t>(i)];
}

std::optional<ReviewInput> parseReviewInput(std::string_view text) noexcept {
    return parseName<ReviewInput>(kInputCodes, text);
}

std::string_view toString(DecisionKind k) noexcept {
    return kDecisionKinds[static_cast<std::size_t>(k)];
}

std::optional<DecisionKind> parseDecisionKind(std::string_view text) noexcept {
    return parseName<DecisionKind>(kDecisionKinds, text);
}

std::vector<ReviewInput> ManagementReview::missingInputs() const {
    std::vector<ReviewInput> missing;
    for (const ReviewInput input : kReviewInputs) {
        const bool recorded = std::any_of(inputs.begin(), inputs.end(), [&](const ReviewInputEntry& e) {
            return e.input == input && !blank(e.summary);
        });
        if (!recorded) missing.push_back(input);
    }
    return missing;
}

bool ManagementReview::hasRequiredOutputs() const {
    const auto has = [&](DecisionKind kind) {
        return std::any_of(decisions.begin(), decisions.end(), [&](const ReviewDecision& d) { return d.kind == kind; });
    };
    return has(DecisionKind::Improvement) && has(DecisionKind::IsmsChange);
}

}  // namespace cw
