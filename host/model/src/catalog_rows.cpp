#include <crosswalk/model/catalog_rows.hpp>

#include <crosswalk/model/version.hpp>

namespace cw {

std::string_view toString(SyncAction action) noexcept {
    switch (action) {
        case SyncAction::Added:
            return "added";
        case SyncAction::Updated:
            return "updated";
        case SyncAction::Unchanged:
            return "unchanged";
        case SyncAction::Skipped:
            return "skipped";
    }
    return "unknown";
}

UpgradeDecision decideUpgrade(const std::optional<std::pair<std::string, std::string>>& held, std::string_view version,
                              std::string_view sha256, std::string_view what) {
    if (!held) return {SyncAction::Added, {}};
    const auto& [heldVersion, heldSha] = *held;
    const int order = compareVersions(version, heldVersion);
    if (order < 0) {
        return {SyncAction::Skipped,
                "the workspace holds version " + heldVersion + "; not downgraded to " + std::string(version)};
    }
    if (order == 0 && heldSha == sha256) return {SyncAction::Unchanged, {}};
    return {SyncAction::Updated, order == 0 ? std::string(what) + " changed without a version bump" : std::string()};
}

}  // namespace cw
