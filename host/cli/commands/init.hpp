// What `crosswalk demo` takes from `crosswalk init`: the workspace it fills is made as init makes it.
#pragma once

#include "cli/command_line.hpp"

#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

#include <boost/json/array.hpp>

namespace cw::cli {

/// Imports every pack the loaded plugins ship and every pack file on the pack path.
/// Problems go to stderr, one line each; returns one JSON entry per pack seen.
boost::json::array importPacks(Workspace& ws, const PluginHost& host, const GlobalOptions& global);

}  // namespace cw::cli
