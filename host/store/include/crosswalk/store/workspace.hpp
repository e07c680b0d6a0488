/**
 * @file workspace.hpp
 * @brief The workspace: one SQLite file holding frameworks, controls, packs and mappings.
 */
#pragma once

#include <crosswalk/io/json.hpp>
#include <crosswalk/io/pack.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/model/graph_data.hpp>
#include <crosswalk/model/hub.hpp>
#include <crosswalk/model/model.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

namespace detail {
struct WorkspaceAccess;
}

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
    Catalog catalog;
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

class Workspace {
public:
    enum class OpenMode { CreateIfMissing, MustExist };

    /// Opens (and migrates) the workspace file. MustExist fails with NotFound if it is absent.
    static Result<Workspace> open(const std::filesystem::path& file, OpenMode mode);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    [[nodiscard]] const std::filesystem::path& path() const noexcept;
    /// True when open() created the file.
    [[nodiscard]] bool created() const noexcept;
    /// PRAGMA user_version after migration.
    [[nodiscard]] int schemaVersion() const noexcept;

    /**
     * @brief Brings a plugin's catalog into the workspace, in one transaction.
     *
     * Same version and catalog: no-op. Newer version (or same version with a changed
     * catalog): frameworks and controls are updated in place, so everything that
     * refers to a ref that still exists is kept; rows for refs that are gone are
     * removed with what refers to them. Older version: skipped, not downgraded.
     */
    Result<SyncResult> syncCatalog(const CatalogSource& source);

    Result<std::vector<WorkspacePlugin>> plugins();
    Result<std::vector<FrameworkSummary>> frameworks();
    /// Controls of a framework in catalog order (depth-first, as the catalog lists them).
    Result<std::vector<ControlRow>> controls(std::string_view frameworkId);
    /// One control by full ref "framework:ref".
    Result<ControlDetail> control(std::string_view fullRef);

    /**
     * @brief Imports a mapping pack in one transaction, after checking every ref.
     *
     * Unknown frameworks or refs come back as problems and nothing is written.
     * Same version and content: no-op; newer version (or changed content): its
     * mappings are replaced; older version: skipped.
     */
    Result<PackImport> importPack(const Pack& pack, const std::string& origin, const std::string& sha256,
                                  const std::string& pluginId = {});
    Result<std::vector<PackRow>> packs();
    /// Every control and mapping, for inference and the analyses.
    Result<GraphData> graph();
    /// Per pack, how many mappings fill rationale, strength and confidence.
    Result<std::vector<PackFill>> packFills();

    /**
     * @brief Seeds common controls from the hub: one per assessable hub control, linked
     * to every assessable requirement directly mapped to it (either direction).
     *
     * Idempotent: derived links follow the packs (added, retyped, removed as mappings
     * change); what the organization renamed, split, merged, unlinked or linked by hand is
     * never undone. One transaction; a seed with nothing to change writes nothing.
     */
    Result<SeedResult> seedCommonControls(std::string_view hub = kHubFramework);
    Result<std::vector<CommonControl>> commonControls();
    Result<std::pair<CommonControl, std::vector<CommonControlLink>>> commonControl(std::string_view key);
    Result<void> addCommonControl(std::string_view key, std::string_view title, std::string_view description);
    /// New title (if not empty) and/or new key (if not empty).
    Result<void> renameCommonControl(std::string_view key, std::string_view newTitle, std::string_view newKey);
    /// Moves the listed requirements of `key` to a new common control `newKey`.
    Result<void> splitCommonControl(std::string_view key, std::string_view newKey, std::string_view newTitle,
                                    const std::vector<std::string>& requirements);
    /// Moves every link of `from` into `into` and deletes `from`.
    Result<void> mergeCommonControls(std::string_view into, std::string_view from);
    Result<void> linkCommonControl(std::string_view key, std::string_view requirement);
    Result<void> unlinkCommonControl(std::string_view key, std::string_view requirement);

    /**
     * @brief Runs `body` in one transaction: everything it writes is kept only when it
     * succeeds. Nests (inner ones are savepoints), so the workbench's own one-transaction
     * operations can be composed, as `crosswalk demo` does.
     */
    Result<void> transaction(const std::function<Result<void>()>& body);

private:
    friend struct detail::WorkspaceAccess;
    struct Impl;
    explicit Workspace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cw
