// Stub: replaced by the real implementation.
#include <crosswalk/core/risk.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

std::string_view toString(RiskLevel level) noexcept {
    return {};
}

std::string_view toString(Treatment t) noexcept {
    return {};
}

std::optional<Treatment> parseTreatment(std::string_view text) noexcept {
    return std::nullopt;
}

Result<RiskMatrix> riskMatrix(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<void> setRiskMatrix(Workspace& ws, const RiskMatrix& matrix) {
    return Error::internal("not implemented yet");
}

Result<std::vector<Risk>> risks(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<Risk> risk(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

Result<Risk> setRisk(Workspace& ws, Risk risk) {
    return Error::internal("not implemented yet");
}

Result<void> removeRisk(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

}  // namespace cw
