#include <crosswalk/model/model.hpp>

#include <crosswalk/model/error.hpp>

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

bool isCalendarDate(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < lengths[i]; ++j) {
            const char c = text[starts[i] + j];
            if (c < '0' || c > '9') return false;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const int year = parts[0];
    const int month = parts[1];
    const int day = parts[2];
    if (month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= days;
}

std::optional<std::pair<std::string_view, std::string_view>> splitFullRef(std::string_view fullRef) noexcept {
    const auto colon = fullRef.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == fullRef.size()) return std::nullopt;
    return std::pair{fullRef.substr(0, colon), fullRef.substr(colon + 1)};
}

double defaultConfidence(Method method) noexcept {
    switch (method) {
        case Method::Official:
            return 0.9;
        case Method::Authored:
            return 0.8;
        case Method::Derived:
            return 0.7;
        case Method::Inferred:
            return 0.5;
    }
    return 0.5;
}

std::string toString(const Problem& problem) {
    return (problem.pointer.empty() ? std::string("(root)") : problem.pointer) + ": " + problem.message;
}

}  // namespace cw
