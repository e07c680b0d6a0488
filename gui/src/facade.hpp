// The one door from the views into libcrosswalk: plain structs out, no SQLite,
// no graph internals. Owns the Workspace and a CrosswalkGraph built once per load.
#pragma once

#include <crosswalk/core/workspace.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::gui {

using Attribute = std::pair<std::string, std::string>;  ///< key, value as text

// Workspace rows the views show as they are: the host's own types, not copies.
using FrameworkInfo = cw::FrameworkSummary;
using PluginInfo = cw::WorkspacePlugin;
using PackInfo = cw::PackRow;

/// One row of a framework's catalog, with its place in the tree.
struct ControlItem {
    std::string ref;
    std::string parent;
    std::string title;
    std::string kind;
    bool assessable = false;
    int depth = 0;
    int parentIndex = -1;       ///< index in the same vector, -1 at top level
    std::vector<int> children;  ///< indices in the same vector, catalog order
    std::vector<Attribute> attributes;
};

struct RefTitle {
    std::string fullRef;
    std::string title;
};

struct ControlInfo {
    std::string fullRef;
    std::string framework;
    std::string frameworkName;
    std::string ref;
    std::string title;
    std::string description;
    std::string kind;
    bool assessable = false;
    std::vector<Attribute> attributes;
    std::vector<RefTitle> ancestors;  ///< root first
    std::vector<RefTitle> children;
};

struct PathHop {
    std::string from;
    std::string to;
    std::string relationship;  ///< of `from` to `to`
    double confidence = 0;
    std::string pack;
    bool reversed = false;  ///< the pack maps `to` → `from`; the relation was inverted
};

struct RelatedItem {
    std::string fullRef;
    std::string framework;
    std::string title;
    bool assessable = false;
    std::string relationship;  ///< empty: only possibly related
    double confidence = 0;
    bool direct = false;
    std::vector<PathHop> path;
    [[nodiscard]] bool possible() const { return relationship.empty(); }
};

/// One heat-map cell: how much of column framework `to` the row framework `from` covers.
struct CoverageCell {
    std::int64_t total = 0;
    std::int64_t full = 0;
    std::int64_t partial = 0;
    std::int64_t none = 0;
    std::int64_t directFull = 0;
    std::int64_t directPartial = 0;
    std::int64_t possiblyRelated = 0;
    [[nodiscard]] double fullShare() const { return total ? double(full) / double(total) : 0.0; }
    [[nodiscard]] double anyShare() const { return total ? double(full + partial) / double(total) : 0.0; }
};

struct OverlapMatrix {
    int depth = 2;
    std::vector<std::string> frameworks;           ///< hub first, then most connected
    std::vector<std::vector<CoverageCell>> cells;  ///< [from][to]; the diagonal is empty
};

enum class Level { None = 0, Partial = 1, Full = 2 };
const char* levelName(Level level);

/// How one requirement fares (per-requirement coverage behind a cell, or a marginal item).
struct RequirementCoverage {
    std::string fullRef;
    std::string title;
    Level level = Level::None;
    std::string coveredBy;  ///< best covering control, empty when none
};

struct SharedSetRow {
    std::vector<std::string> frameworks;
    std::int64_t requirements = 0;
};

struct MarginalResult {
    std::vector<std::string> have;
    std::string add;
    std::int64_t total = 0;
    std::int64_t full = 0;
    std::int64_t partial = 0;
    std::int64_t none = 0;
    std::vector<RequirementCoverage> items;
};

struct SearchHit {
    std::string fullRef;
    std::string framework;
    std::string title;
};

class Facade {
public:
    Facade();
    ~Facade();
    Facade(const Facade&) = delete;
    Facade& operator=(const Facade&) = delete;

    /// Opens (or, with `create`, creates) a workspace and builds its graph; on failure the
    /// previous workspace stays open and `error` says why.
    bool open(const std::filesystem::path& file, bool create, std::string& error);
    void close();
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] const std::filesystem::path& path() const;
    /// Bumped on every successful open: views drop what they cached.
    [[nodiscard]] std::uint64_t generation() const { return m_generation; }
    [[nodiscard]] static const std::string& hub();

    [[nodiscard]] const std::vector<FrameworkInfo>& frameworks() const { return m_frameworks; }
    [[nodiscard]] const FrameworkInfo* framework(std::string_view id) const;
    [[nodiscard]] const std::vector<PluginInfo>& plugins() const { return m_plugins; }
    [[nodiscard]] const std::vector<PackInfo>& packs() const { return m_packs; }

    /// A framework's catalog in catalog order (loaded once, then cached); nullptr on error.
    const std::vector<ControlItem>* controls(const std::string& framework, std::string& error);
    std::optional<ControlInfo> control(std::string_view fullRef, std::string& error);
    /// Direct and inferred relations, best first (possibly-related last).
    [[nodiscard]] std::vector<RelatedItem> related(std::string_view fullRef, int depth) const;

    /// The coverage matrix over every framework that has mappings (cached per depth).
    const OverlapMatrix& overlap(int depth);
    /// Each assessable requirement of `to` and how well `from` covers it: the cell's rows.
    [[nodiscard]] std::vector<RequirementCoverage> cellRequirements(const std::string& from, const std::string& to,
                                                                    int depth) const;
    /// Hub requirements by the exact set of frameworks directly mapped to them.
    [[nodiscard]] std::vector<SharedSetRow> sharedSets(const std::vector<std::string>& frameworks) const;
    [[nodiscard]] MarginalResult marginal(const std::vector<std::string>& have, const std::string& add,
                                          int depth) const;

    /// Controls whose full ref or title contains every word of `query` (case-insensitive),
    /// ref matches first.
    [[nodiscard]] std::vector<SearchHit> search(std::string_view query, std::size_t limit) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::uint64_t m_generation = 0;
    std::vector<FrameworkInfo> m_frameworks;
    std::vector<PluginInfo> m_plugins;
    std::vector<PackInfo> m_packs;
    std::map<std::string, std::vector<ControlItem>, std::less<>> m_controls;
    std::map<int, OverlapMatrix> m_overlap;
};

}  // namespace cw::gui
