/**
 * @file model.hpp
 * @brief The domain model shared by the host, the CLI and the GUI (DESIGN.md §3).
 */
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// Kind of a framework as a whole.
enum class FrameworkKind { Standard, Criteria, Regulation, Framework, Catalog, Guideline, Other };

/// NIST IR 8477 set relation of a mapping's source to its target.
enum class Relationship : std::uint8_t { Equal, SubsetOf, SupersetOf, IntersectsWith, NoRelationship };

/// Why two requirements are said to be related (NIST IR 8477).
enum class Rationale { Syntactic, Semantic, Functional };

/// How a mapping came to be.
enum class Method { Official, Derived, Authored, Inferred };

std::string_view toString(FrameworkKind kind) noexcept;
std::string_view toString(Relationship relationship) noexcept;
std::string_view toString(Rationale rationale) noexcept;
std::string_view toString(Method method) noexcept;
std::optional<FrameworkKind> parseFrameworkKind(std::string_view text) noexcept;
std::optional<Relationship> parseRelationship(std::string_view text) noexcept;
std::optional<Rationale> parseRationale(std::string_view text) noexcept;
std::optional<Method> parseMethod(std::string_view text) noexcept;
/// Confidence used when a mapping gives none, by method.
double defaultConfidence(Method method) noexcept;

/// Any requirement node of a framework: clause, control, criterion, article …
struct Control {
    std::string ref;     ///< local ref, e.g. "A.5.15"
    std::string parent;  ///< local ref of the parent; empty at top level
    std::string title;
    std::string description;  ///< short; in our own words where the source is copyrighted
    std::string kind;         ///< clause, control, criterion, article, …
    bool assessable = false;
    boost::json::object attributes;
};

/// A framework and its requirement hierarchy, in catalog order.
struct Framework {
    std::string id;  ///< e.g. "iso27001-2022"
    std::string name;
    std::string version;
    std::string publisher;
    FrameworkKind kind = FrameworkKind::Other;
    std::string published;  ///< YYYY-MM-DD or empty
    std::string source;
    std::string licence;
    std::string url;
    std::string description;
    std::vector<Control> controls;
};

/// What a plugin's catalog function yields, once validated.
struct Catalog {
    std::vector<Framework> frameworks;
};

/// Where a mapping or a pack comes from.
struct Provenance {
    std::string sourceDocument;
    Method method = Method::Authored;
    std::string author;
    std::string date;  ///< YYYY-MM-DD
    std::string url;
    std::vector<std::string> derivedFrom;  ///< lineage: packs or documents this was derived from
    std::string notes;                     ///< how it was made, what was reviewed
};

/// One typed edge between two requirements ("framework:ref" on both ends).
struct Mapping {
    std::string source;
    std::string target;
    Relationship relationship = Relationship::IntersectsWith;
    std::optional<Rationale> rationale;
    std::optional<int> strength;       ///< 1–10
    std::optional<double> confidence;  ///< 0–1
    std::optional<double> coverage;    ///< 0–1: fraction of the target the source covers
    std::vector<std::string> qualifiers;
    std::string note;
    std::optional<Provenance> provenance;  ///< when it differs from the pack's
};

/// A file of mappings between two frameworks.
struct Pack {
    std::string id;
    std::string version;
    std::string title;
    std::string sourceFramework;
    std::string targetFramework;
    std::string sourceVersion;  ///< framework versions the pack was made against, if stated
    std::string targetVersion;
    Provenance provenance;
    std::string licence;
    std::string description;
    std::vector<Mapping> mappings;
};

/// True for a real calendar date written YYYY-MM-DD (leap years included).
bool isCalendarDate(std::string_view text) noexcept;

/// Splits "framework:ref" at the first colon; nullopt when there is none.
std::optional<std::pair<std::string_view, std::string_view>> splitFullRef(std::string_view fullRef) noexcept;

}  // namespace cw
