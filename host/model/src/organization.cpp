// The names, parsing and pure rules of the organization types (crosswalk/model/organization.hpp).
#include <crosswalk/model/organization.hpp>

#include <crosswalk/model/text.hpp>

#include <algorithm>
#include <array>

namespace cw {

std::string_view toString(ScopeKind kind) noexcept {
    switch (kind) {
        case ScopeKind::Site:
            return "site";
        case ScopeKind::System:
            return "system";
        case ScopeKind::Process:
            return "process";
    }
    return "system";
}

std::optional<ScopeKind> parseScopeKind(std::string_view text) noexcept {
    if (text == "site") return ScopeKind::Site;
    if (text == "system") return ScopeKind::System;
    if (text == "process") return ScopeKind::Process;
    return std::nullopt;
}

std::string_view toString(Classification c) noexcept {
    switch (c) {
        case Classification::Public:
            return "public";
        case Classification::Internal:
            return "internal";
        case Classification::Confidential:
            return "confidential";
        case Classification::Restricted:
            return "restricted";
    }
    return "internal";
}

std::optional<Classification> parseClassification(std::string_view text) noexcept {
    if (text == "public") return Classification::Public;
    if (text == "internal") return Classification::Internal;
    if (text == "confidential") return Classification::Confidential;
    if (text == "restricted") return Classification::Restricted;
    return std::nullopt;
}

}  // namespace cw
