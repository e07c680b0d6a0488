// Stub: replaced by the real implementation.
#include <crosswalk/core/organization.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

std::string_view toString(ScopeKind kind) noexcept {
    return {};
}

std::optional<ScopeKind> parseScopeKind(std::string_view text) noexcept {
    return std::nullopt;
}

std::string_view toString(Classification c) noexcept {
    return {};
}

std::optional<Classification> parseClassification(std::string_view text) noexcept {
    return std::nullopt;
}

Result<OrganizationProfile> organizationProfile(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<void> setOrganizationProfile(Workspace& ws, const OrganizationProfile& profile) {
    return Error::internal("not implemented yet");
}

Result<std::vector<ScopeItem>> scopeItems(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<void> setScopeItem(Workspace& ws, const ScopeItem& item) {
    return Error::internal("not implemented yet");
}

Result<void> removeScopeItem(Workspace& ws, ScopeKind kind, std::string_view name) {
    return Error::internal("not implemented yet");
}

Result<std::vector<Asset>> assets(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<Asset> setAsset(Workspace& ws, Asset asset) {
    return Error::internal("not implemented yet");
}

Result<void> removeAsset(Workspace& ws, std::string_view key) {
    return Error::internal("not implemented yet");
}

Result<Target> setTarget(Workspace& ws, const PluginHost& host, std::string_view framework, const boost::json::object& answers) {
    return Error::internal("not implemented yet");
}

Result<void> removeTarget(Workspace& ws, std::string_view framework) {
    return Error::internal("not implemented yet");
}

Result<std::vector<Target>> targets(Workspace& ws) {
    return Error::internal("not implemented yet");
}

Result<std::vector<Applicability>> applicability(Workspace& ws, std::string_view framework) {
    return Error::internal("not implemented yet");
}

}  // namespace cw
