/**
 * @file init.hpp
 * @brief Bringing loaded plugins into a workspace.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

namespace cw {

/// What the workspace records of a loaded plugin: its descriptor, file, hashes and catalog.
[[nodiscard]] CatalogSource catalogSource(const PluginInfo& plugin);

/// Workspace::syncCatalog() for a loaded plugin; BadInput "FILE: plugin was rejected; nothing
/// to load" for a rejected one, and nothing is written.
Result<SyncResult> syncPlugin(Workspace& ws, const PluginInfo& plugin);

}  // namespace cw
