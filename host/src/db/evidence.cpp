// Stub: replaced by the real implementation.
#include <crosswalk/core/evidence.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

std::string_view toString(EvidenceKind kind) noexcept {
    return {};
}

std::optional<EvidenceKind> parseEvidenceKind(std::string_view text) noexcept {
    return std::nullopt;
}

bool isOperational(EvidenceKind kind) noexcept {
    return false;
}

std::string_view toString(Freshness f) noexcept {
    return {};
}

Result<EvidenceItem> addEvidence(Workspace& ws, EvidenceItem item, const std::filesystem::path& file) {
    return Error::internal("not implemented yet");
}

Result<EvidenceItem> updateEvidence(Workspace& ws, const EvidenceItem& item) {
    return Error::internal("not implemented yet");
}

Result<bool> rehashEvidence(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

Result<void> removeEvidence(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

Result<void> linkEvidence(Workspace& ws, std::string_view key, std::string_view subject) {
    return Error::internal("not implemented yet");
}

Result<void> unlinkEvidence(Workspace& ws, std::string_view key, std::string_view subject) {
    return Error::internal("not implemented yet");
}

Result<void> setEvidenceScope(Workspace& ws, std::string_view key, const EvidenceScope& scope) {
    return Error::internal("not implemented yet");
}

Result<std::vector<EvidenceItem>> evidenceLibrary(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<EvidenceItem> evidenceItem(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

Result<std::vector<RequirementEvidence>> requirementEvidence(Workspace& ws, std::string_view framework) {
    return Error::internal("not implemented yet");
}

}  // namespace cw
