// Stub: replaced by the real implementation.
#include <crosswalk/core/readiness.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

Result<std::vector<FrameworkGap>> gapAnalysis(Workspace& ws, Date today, std::string_view framework) {
    return Error::internal("not implemented yet");
}

Result<std::vector<RemediationAction>> remediationPlan(Workspace& ws) {
    return Error::internal("not implemented yet");
}

std::string_view toString(Severity s) noexcept {
    return {};
}

Result<std::vector<ReadinessFinding>> stage1Readiness(Workspace& ws, const PluginHost* host, Date today) {
    return Error::internal("not implemented yet");
}

Result<std::vector<ReadinessFinding>> stage2Readiness(Workspace& ws, const PluginHost* host, Date at) {
    return Error::internal("not implemented yet");
}

}  // namespace cw
