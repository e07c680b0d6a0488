#include <crosswalk/model/catalog_rows.hpp>

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

}  // namespace cw
