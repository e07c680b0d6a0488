// Stub: replaced by the real implementation.
#include <crosswalk/core/soa.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

std::string_view toString(SoaState s) noexcept {
    return {};
}

Result<SoaDraftResult> draftSoa(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<std::vector<SoaRow>> soa(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<SoaRow> editSoa(Workspace& ws, const SoaEdit& edit) {
    return Error::internal("not implemented yet");
}

std::optional<ExportFormat> parseExportFormat(std::string_view text) noexcept {
    return std::nullopt;
}

Result<void> exportSoa(Workspace& ws, ExportFormat format, const std::filesystem::path& file) {
    return Error::internal("not implemented yet");
}

}  // namespace cw
