// The names, parsing and pure rules of the implementation types (crosswalk/model/implementation.hpp).
#include <crosswalk/model/implementation.hpp>

#include <crosswalk/model/text.hpp>

#include <algorithm>
#include <array>

namespace cw {

std::string_view toString(ImplementationStatus status) noexcept {
    switch (status) {
        case ImplementationStatus::NotStarted:
            return "not-started";
        case ImplementationStatus::Planned:
            return "planned";
        case ImplementationStatus::Partial:
            return "partial";
        case ImplementationStatus::Implemented:
            return "implemented";
        case ImplementationStatus::NotApplicable:
            return "not-applicable";
    }
    return "not-started";
}

std::optional<ImplementationStatus> parseImplementationStatus(std::string_view text) noexcept {
    for (const auto s : {ImplementationStatus::NotStarted, ImplementationStatus::Planned, ImplementationStatus::Partial,
                         ImplementationStatus::Implemented, ImplementationStatus::NotApplicable}) {
        if (text == toString(s)) return s;
    }
    return std::nullopt;
}

}  // namespace cw
