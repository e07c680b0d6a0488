// Stub: replaced by the real implementation.
#include <crosswalk/core/audit.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

std::string_view toString(AuditKind k) noexcept {
    return {};
}

std::optional<AuditKind> parseAuditKind(std::string_view text) noexcept {
    return std::nullopt;
}

std::string_view toString(AuditStatus s) noexcept {
    return {};
}

std::optional<AuditStatus> parseAuditStatus(std::string_view text) noexcept {
    return std::nullopt;
}

std::string_view toString(FindingType t) noexcept {
    return {};
}

std::string_view toString(ActionStatus s) noexcept {
    return {};
}

std::optional<ActionStatus> parseActionStatus(std::string_view text) noexcept {
    return std::nullopt;
}

Result<std::vector<AuditProgramme>> auditProgrammes(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<AuditProgramme> setAuditProgramme(Workspace& ws, const AuditProgramme& programme) {
    return Error::internal("not implemented yet");
}

Result<std::vector<Audit>> audits(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<Audit> setAudit(Workspace& ws, Audit audit) {
    return Error::internal("not implemented yet");
}

Result<void> removeAudit(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

Result<std::vector<AuditFinding>> auditFindings(Workspace& ws, std::string_view audit) {
    return Error::internal("not implemented yet");
}

Result<AuditFinding> setAuditFinding(Workspace& ws, AuditFinding finding) {
    return Error::internal("not implemented yet");
}

Result<std::vector<CorrectiveAction>> correctiveActions(Workspace& ws, std::string_view finding) {
    return Error::internal("not implemented yet");
}

Result<CorrectiveAction> setCorrectiveAction(Workspace& ws, CorrectiveAction action) {
    return Error::internal("not implemented yet");
}

std::string_view toString(ReviewInput i) noexcept {
    return {};
}

std::string_view toString(DecisionKind k) noexcept {
    return {};
}

std::optional<DecisionKind> parseDecisionKind(std::string_view text) noexcept {
    return std::nullopt;
}

Result<std::vector<ManagementReview>> managementReviews(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<ManagementReview> setManagementReview(Workspace& ws, ManagementReview review) {
    return Error::internal("not implemented yet");
}

Result<void> removeManagementReview(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

std::optional<FindingType> parseFindingType(std::string_view text) noexcept {
    return std::nullopt;
}

std::string_view describe(ReviewInput i) noexcept {
    return {};
}

std::optional<ReviewInput> parseReviewInput(std::string_view text) noexcept {
    return std::nullopt;
}

}  // namespace cw
