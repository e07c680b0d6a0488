/**
 * @file workspace.hpp
 * @brief The workspace: one SQLite file holding frameworks, controls, packs and mappings.
 */
#pragma once

#include <crosswalk/model/catalog_rows.hpp>
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
