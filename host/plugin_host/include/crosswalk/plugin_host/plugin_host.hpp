/**
 * @file plugin_host.hpp
 * @brief Discovering, loading and checking plugins (DESIGN.md §2).
 *
 * Only this module touches Boost.DLL. Plugins are loaded with RTLD_NOW |
 * RTLD_LOCAL and stay loaded for the life of the process; their data is copied
 * into host types at once.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/model.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

enum class PluginStatus { Loaded, Rejected };
std::string_view toString(PluginStatus status) noexcept;

/// A line the plugin logged while the host called it.
struct PluginLogLine {
    int level = 0;  ///< cw_log_level
    std::string message;
};

/// Everything known about one plugin file, loaded or rejected.
struct PluginInfo {
    std::filesystem::path file;
    std::string sha256;  ///< of the file
    PluginStatus status = PluginStatus::Rejected;
    std::vector<std::string> problems;  ///< why it was rejected; one line each, without the file name

    // From the descriptor (empty when the entry point could not be read).
    std::string id;
    std::string name;
    std::string version;
    std::string publisher;
    std::string licence;
    std::uint32_t abiMajor = 0;
    std::uint32_t abiMinor = 0;
    bool hasPacks = false;
    bool hasScope = false;
    bool hasReadiness = false;

    Catalog catalog;            ///< valid when loaded
    std::string catalogSha256;  ///< of the catalog JSON text
    std::string packsJson;      ///< raw mapping packs, "" when the plugin ships none
    std::vector<PluginLogLine> log;
};

/// Called once per plugin file as loading proceeds (for progress output).
using PluginProgress = std::function<void(std::size_t index, std::size_t total, const PluginInfo&)>;

/// Lists the plugin files under `searchPath` (folders: their *.so files, sorted; files: as given),
/// without duplicates by canonical path.
std::vector<std::filesystem::path> findPluginFiles(const std::vector<std::filesystem::path>& searchPath);

class PluginHost {
public:
    PluginHost();
    PluginHost(PluginHost&&) noexcept;
    PluginHost& operator=(PluginHost&&) noexcept;
    ~PluginHost();

    /// Loads every plugin file found on `searchPath`; bad ones are recorded as rejected.
    void loadAll(const std::vector<std::filesystem::path>& searchPath, const PluginProgress& progress = {});

    /// Loads one file; returns its record (also kept in plugins()).
    const PluginInfo& load(const std::filesystem::path& file);

    /// Every file tried, in load order.
    [[nodiscard]] const std::vector<PluginInfo>& plugins() const noexcept;

    /// The loaded plugin with this id, or nullptr.
    [[nodiscard]] const PluginInfo* find(std::string_view id) const noexcept;

    /// Runs a plugin's scoping rule; errors name the plugin and carry its message.
    Result<std::string> scope(std::string_view pluginId, std::string_view inputJson) const;
    /// Runs a plugin's readiness checks.
    Result<std::string> readiness(std::string_view pluginId, std::string_view inputJson) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cw
