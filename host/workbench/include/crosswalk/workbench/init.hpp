/**
 * @file init.hpp
 * @brief Bringing loaded plugins and mapping packs into a workspace (`crosswalk init`).
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// What the workspace records of a loaded plugin: its descriptor, file, hashes and catalog (by
/// pointer: `plugin` must outlive the result).
[[nodiscard]] CatalogSource catalogSource(const PluginInfo& plugin);

/// Workspace::syncCatalog() for a loaded plugin; BadInput "FILE: plugin was rejected; nothing
/// to load" for a rejected one, and nothing is written.
Result<SyncResult> syncPlugin(Workspace& ws, const PluginInfo& plugin);

/// What initWorkspace() did with one plugin the host tried.
struct PluginInit {
    const PluginInfo* plugin = nullptr;  ///< the host's record; valid while the host lives
    std::optional<SyncResult> sync;      ///< set when the plugin loaded and the workspace took it
    /// The workspace's refusal of a loaded plugin (say, a framework another plugin provides);
    /// empty otherwise. A refused plugin is skipped like a rejected one.
    std::string refusal;

    /// Rejected by the host or refused by the workspace.
    [[nodiscard]] bool rejected() const noexcept { return !sync; }
};

/// What became of one mapping pack.
enum class PackAction {
    Added,      ///< first time in this workspace
    Updated,    ///< a newer version (or changed content) replaced it
    Unchanged,  ///< same version and content: nothing written
    Skipped,    ///< a framework it maps is not loaded, or the workspace holds a newer version
    Failed,     ///< the file could not be read, or the workspace could not import it
    Rejected,   ///< invalid: the pack's problems say why; nothing of it written
};
std::string_view toString(PackAction action) noexcept;

/// One mapping pack seen by initWorkspace(): a pack in a plugin's bundle or a pack file.
struct PackInit {
    std::optional<std::string> packId;  ///< unset when the pack could not be read
    PackAction action = PackAction::Unchanged;
    std::optional<std::string> version;   ///< unset when the pack could not be read
    std::string previousVersion;          ///< the version it replaced; empty if none
    std::optional<std::size_t> mappings;  ///< set when it was imported without problems
    std::string note;                     ///< why it was skipped, or what changed
    std::vector<std::string> problems;    ///< "POINTER: MESSAGE", or the error's message
    std::string origin;                   ///< the pack file, or "plugin:ID" for a plugin's bundle
};

/// What initWorkspace() did, in the order it did it.
struct InitReport {
    std::vector<PluginInit> plugins;  ///< one per host.plugins(), in the same order
    std::vector<PackInit> packs;      ///< the plugins' bundles first, then the pack files
    /// Every problem met while importing, in order, one line each ("ORIGIN: PROBLEM"),
    /// including a bundle's own problems, which belong to no single pack.
    std::vector<std::string> importProblems;
    SeedResult seeded;
};

/**
 * @brief Brings everything found into the workspace, as `crosswalk init` does.
 *
 * Syncs every loaded plugin (a plugin the workspace refuses is reported and skipped; the
 * others still load); imports every pack the loaded plugins ship, then every pack file
 * found on `packPath` (findPackFiles()), skipping a pack whose frameworks are not in the
 * workspace; then seeds the common controls. Problems with a plugin or a pack are reported,
 * not returned: only an Internal error while syncing, or any error while seeding, is.
 */
Result<InitReport> initWorkspace(Workspace& ws, const PluginHost& host,
                                 const std::vector<std::filesystem::path>& packPath);

}  // namespace cw
