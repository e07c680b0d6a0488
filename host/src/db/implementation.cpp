// Stub: replaced by the real implementation.
#include <crosswalk/core/implementation.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

std::string_view toString(ImplementationStatus status) noexcept {
    return {};
}

std::optional<ImplementationStatus> parseImplementationStatus(std::string_view text) noexcept {
    return std::nullopt;
}

Result<StatusEntry> setImplementationStatus(Workspace& ws, StatusEntry entry) {
    return Error::internal("not implemented yet");
}

Result<void> clearImplementationStatus(Workspace& ws, std::string_view subject) {
    return Error::internal("not implemented yet");
}

Result<std::vector<StatusEntry>> implementationStatuses(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<std::vector<RequirementStatus>> requirementStatuses(Workspace& ws, std::string_view framework) {
    return Error::internal("not implemented yet");
}

}  // namespace cw
