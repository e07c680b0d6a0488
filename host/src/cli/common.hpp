// What every command shares: options, error reporting, where things are.
#pragma once

#include <crosswalk/io/paths.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

#include <boost/json/array.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace cw::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;

struct Options {
    std::string db;
    std::vector<std::string> pluginDirs;
    std::vector<std::string> packDirs;
    bool noDefaultPlugins = false;
    bool json = false;
    std::string framework;
    bool tree = false;
    bool assessableOnly = false;
    std::string ref;
    std::string pluginFile;
    std::string packFile;
    // crosswalk commands
    std::string to;
    int depth = 2;
    bool explain = false;
    std::vector<std::string> frameworks;
    std::string format = "table";
    std::vector<std::string> have;
    std::string add;
    bool quality = false;
    // common-controls
    std::string ccAction;
    std::string key;
    std::string title;
    std::string description;
    std::string newKey;
    std::string other;
    std::vector<std::string> refs;
};

inline int fail(const Error& error) {
    std::cerr << "crosswalk: " << error.message << '\n';
    return error.kind == ErrorKind::Internal ? kExitInternal : kExitBadInput;
}

inline std::filesystem::path workspacePath(const Options& o) {
    return o.db.empty() ? defaultWorkspacePath() : std::filesystem::path(o.db);
}

inline std::vector<std::filesystem::path> searchPath(const Options& o) {
    std::vector<std::filesystem::path> extra(o.pluginDirs.begin(), o.pluginDirs.end());
    return pluginSearchPath(extra, !o.noDefaultPlugins);
}

inline std::vector<std::filesystem::path> packPath(const Options& o) {
    std::vector<std::filesystem::path> extra(o.packDirs.begin(), o.packDirs.end());
    return packSearchPath(extra, !o.noDefaultPlugins);
}

using Command = int (*)(const Options&);

/// Registers the crosswalk commands (import-pack, packs, map, overlap, marginal).
void addCrosswalkCommands(CLI::App& app, Options& o, Command& command);

/// The certification workbench commands, one file each. Each keeps its own options
/// (file-static) and reads the shared ones (--db, --plugins, --json …) from `o`.
void addOrganizationCommands(CLI::App& app, Options& o, Command& command);  ///< org_commands.cpp
void addEvidenceCommands(CLI::App& app, Options& o, Command& command);      ///< evidence_commands.cpp
void addAuditCommands(CLI::App& app, Options& o, Command& command);         ///< audit_commands.cpp
void addSoaCommands(CLI::App& app, Options& o, Command& command);           ///< soa_commands.cpp
void addDemoCommand(CLI::App& app, Options& o, Command& command);           ///< demo_command.cpp

/// The whole file; BadInput "FILE: cannot open for reading" when it cannot be opened.
Result<std::string> readText(const std::filesystem::path& file);

/// Imports every pack the loaded plugins ship and every pack file on the pack path.
/// Problems go to stderr, one line each; returns one JSON entry per pack seen.
boost::json::array importPacks(Workspace& ws, const PluginHost& host, const Options& o);

/// Prints the coverage matrix of the frameworks that have mappings (the `init` summary).
Result<void> printOverlapSummary(Workspace& ws, std::ostream& out);

}  // namespace cw::cli
