/**
 * @file catalog_rows.hpp
 * @brief The catalog half of a workspace as plain values: plugins and frameworks as recorded,
 * controls, mappings, packs and common controls, and what syncing and importing did.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/model.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw {

/// A catalog and where it came from: what the workspace records of a loaded plugin. The
/// workbench fills it from the plugin host (the store never sees a plugin).
struct CatalogSource {
    std::string id;  ///< the plugin id
    std::string name;
    std::string version;
    std::string publisher;
    std::string licence;
    std::filesystem::path file;
    std::string sha256;         ///< of the file
    std::string catalogSha256;  ///< of the catalog JSON text
    std::uint32_t abiMajor = 0;
    std::uint32_t abiMinor = 0;
    const Catalog* catalog = nullptr;  ///< the plugin's, not copied; must outlive the sync
};

/// A plugin as recorded in the workspace.
struct WorkspacePlugin {
    std::string id;
    std::string name;
    std::string version;
    std::string publisher;
    std::string licence;
    std::string file;
    std::string sha256;
    std::string catalogSha256;
    std::uint32_t abiMajor = 0;
    std::uint32_t abiMinor = 0;
    std::string loadedAt;  ///< UTC, ISO 8601
};

/// What syncing one plugin did.
enum class SyncAction {
    Added,      ///< first time in this workspace
    Updated,    ///< a newer version (or changed content) replaced the catalog
    Unchanged,  ///< same version and same catalog: nothing written
    Skipped,    ///< the workspace holds a newer version; not downgraded
};
std::string_view toString(SyncAction action) noexcept;

/// What bringing in a catalog or pack does, given the version and content digest the workspace
/// holds (nullopt: none yet): Added; Skipped (older: never downgraded, `note` says why);
/// Unchanged (same version and content); else Updated (`note` says when the content changed
/// without a version bump; `what` names the content, "catalog" or "content").
struct UpgradeDecision {
    SyncAction action = SyncAction::Added;
    std::string note;
};
[[nodiscard]] UpgradeDecision decideUpgrade(const std::optional<std::pair<std::string, std::string>>& held,
                                            std::string_view version, std::string_view sha256, std::string_view what);

struct SyncResult {
    std::string pluginId;
    SyncAction action = SyncAction::Unchanged;
    std::string previousVersion;  ///< empty when added
    std::string version;
    std::size_t frameworks = 0;
    std::size_t controlsAdded = 0;
    std::size_t controlsUpdated = 0;
    std::size_t controlsRemoved = 0;
    std::string note;  ///< why skipped, or that content changed without a version bump
};

/// A framework with its counts.
struct FrameworkSummary {
    std::string id;
    std::string name;
    std::string version;
    std::string publisher;
    FrameworkKind kind = FrameworkKind::Other;
    std::string published;
    std::string source;
    std::string licence;
    std::string url;
    std::string description;
    std::string pluginId;
    std::int64_t controls = 0;
    std::int64_t assessable = 0;
};

/// A control as stored: the model plus its place in the tree.
struct ControlRow {
    std::string framework;
    std::string ref;
    std::string parent;
    std::string title;
    std::string description;
    std::string kind;
    bool assessable = false;
    int depth = 0;  ///< 0 at top level
    boost::json::object attributes;

    [[nodiscard]] std::string fullRef() const { return framework + ":" + ref; }
};

/// A stored mapping seen from one of its ends.
struct MappingRow {
    std::string packId;
    std::string source;  ///< full ref
    std::string target;  ///< full ref
    std::string targetTitle;
    std::string sourceTitle;
    Relationship relationship = Relationship::IntersectsWith;
    std::optional<Rationale> rationale;
    std::optional<int> strength;
    std::optional<double> confidence;
    std::optional<double> coverage;
    std::vector<std::string> qualifiers;
    std::string note;
};

/// A pack as recorded in the workspace.
struct PackRow {
    std::string id;
    std::string version;
    std::string title;
    std::string source;  ///< framework id
    std::string target;
    std::string sourceVersion;
    std::string targetVersion;
    Provenance provenance;
    std::string licence;
    std::string description;
    std::string file;  ///< where it was imported from ("plugin:<id>" for packs a plugin ships)
    std::string sha256;
    std::string pluginId;
    std::string importedAt;
    std::int64_t mappings = 0;
};

/// What importing one pack did. When `problems` is not empty nothing was written.
struct PackImport {
    std::string packId;
    SyncAction action = SyncAction::Unchanged;
    std::string version;
    std::string previousVersion;
    std::size_t mappings = 0;
    std::string note;
    std::vector<Problem> problems;  ///< JSON pointers into the pack file
};

/// One of the organization's own controls.
struct CommonControl {
    std::string key;  ///< e.g. "CC-A.5.15" (seeded) or the organization's own key
    std::string title;
    std::string description;
    std::string origin;                   ///< hub, custom, split, merged
    std::string hub;                      ///< full ref of the hub control it was seeded from, or empty
    std::int64_t links = 0;               ///< requirements linked
    std::int64_t fullLinks = 0;           ///< of which it fully satisfies (equal or subset-of the hub, hub, manual)
    std::vector<std::string> frameworks;  ///< frameworks whose requirements it is linked to
};

/// A requirement a common control satisfies.
struct CommonControlLink {
    std::string control;  ///< full ref
    std::string framework;
    std::string title;
    std::optional<Relationship> relationship;  ///< of the requirement to the hub control
    std::string source;                        ///< hub, mapping, manual
};

struct SeedResult {
    std::size_t created = 0;
    std::size_t linksAdded = 0;
    std::size_t linksUpdated = 0;  ///< relation changed because a pack changed
    std::size_t linksRemoved = 0;  ///< the mapping behind it is gone
};

/// Everything `show` prints about one control.
struct ControlDetail {
    ControlRow control;
    FrameworkSummary framework;
    std::vector<ControlRow> ancestors;  ///< root first
    std::vector<ControlRow> children;
    std::vector<MappingRow> mappings;  ///< where the control is source or target
};

}  // namespace cw
