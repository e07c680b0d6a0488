#include <crosswalk/core/model.hpp>

#include <array>
#include <utility>

namespace cw {
namespace {

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) noexcept {
    for (const auto& [e, name] : table) {
        if (e == value) return name;
    }
    return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) noexcept {
    for (const auto& [e, name] : table) {
        if (name == text) return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<FrameworkKind, std::string_view>, 7> kFrameworkKinds{{
    {FrameworkKind::Standard, "standard"},
    {FrameworkKind::Criteria, "criteria"},
    {FrameworkKind::Regulation, "regulation"},
    {FrameworkKind::Framework, "framework"},
    {FrameworkKind::Catalog, "catalog"},
    {FrameworkKind::Guideline, "guideline"},
    {FrameworkKind::Other, "other"},
}};

constexpr std::array<std::pair<Relationship, std::string_view>, 5> kRelationships{{
    {Relationship::Equal, "equal"},
    {Relationship::SubsetOf, "subset-of"},
    {Relationship::SupersetOf, "superset-of"},
    {Relationship::IntersectsWith, "intersects-with"},
    {Relationship::NoRelationship, "no-relationship"},
}};

constexpr std::array<std::pair<Rationale, std::string_view>, 3> kRationales{{
    {Rationale::Syntactic, "syntactic"},
    {Rationale::Semantic, "semantic"},
    {Rationale::Functional, "functional"},
}};

constexpr std::array<std::pair<Method, std::string_view>, 4> kMethods{{
    {Method::Official, "official"},
    {Method::Derived, "derived"},
    {Method::Authored, "authored"},
    {Method::Inferred, "inferred"},
}};

}  // namespace

std::string_view toString(FrameworkKind kind) noexcept {
    return nameOf(kFrameworkKinds, kind);
}
std::string_view toString(Relationship relationship) noexcept {
    return nameOf(kRelationships, relationship);
}
std::string_view toString(Rationale rationale) noexcept {
    return nameOf(kRationales, rationale);
}
std::string_view toString(Method method) noexcept {
    return nameOf(kMethods, method);
}

std::optional<FrameworkKind> parseFrameworkKind(std::string_view text) noexcept {
    return valueOf(kFrameworkKinds, text);
}
std::optional<Relationship> parseRelationship(std::string_view text) noexcept {
    return valueOf(kRelationships, text);
}
std::optional<Rationale> parseRationale(std::string_view text) noexcept {
    return valueOf(kRationales, text);
}
std::optional<Method> parseMethod(std::string_view text) noexcept {
    return valueOf(kMethods, text);
}

std::optional<std::pair<std::string_view, std::string_view>> splitFullRef(std::string_view fullRef) noexcept {
    const auto colon = fullRef.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == fullRef.size()) return std::nullopt;
    return std::pair{fullRef.substr(0, colon), fullRef.substr(colon + 1)};
}

}  // namespace cw
