/**
 * @file paths.hpp
 * @brief Where the default workspace lives, where plugins and packs are looked for, and
 * reading a file found there.
 */
#pragma once

#include <crosswalk/model/error.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// $XDG_DATA_HOME/crosswalk/workspace.db, else ~/.local/share/crosswalk/workspace.db.
std::filesystem::path defaultWorkspacePath();

/// The directory of the running executable (empty if unknown).
std::filesystem::path executableDirectory();

/**
 * @brief The plugin search path, in precedence order, without duplicates.
 *
 * 1. `extra` (the CLI's --plugins: directories or single files);
 * 2. $CROSSWALK_PLUGIN_PATH (colon-separated);
 * 3. unless `defaults` is false: the build's plugin folder (`<exe dir>/plugins`),
 *    the install folder relative to the executable (`<exe dir>/../<libdir>/crosswalk/plugins`)
 *    and the configured install folder.
 * Folders that do not exist are kept (the host reports nothing for them).
 */
std::vector<std::filesystem::path> pluginSearchPath(const std::vector<std::filesystem::path>& extra, bool defaults);

/**
 * @brief The mapping-pack search path, like pluginSearchPath():
 * `extra` (--packs), $CROSSWALK_PACK_PATH, then unless `defaults` is false
 * `<exe dir>/mappings`, `<exe dir>/../<datadir>/crosswalk/mappings` and the configured install folder.
 */
std::vector<std::filesystem::path> packSearchPath(const std::vector<std::filesystem::path>& extra, bool defaults);

/// The files with `extension` (e.g. ".so") under `searchPath`: folders give their matching
/// files, sorted; files are taken as given; no duplicates by canonical path.
std::vector<std::filesystem::path> findFiles(const std::vector<std::filesystem::path>& searchPath,
                                             std::string_view extension);

/// The *.json files under `searchPath` (folders: sorted; files: as given), without duplicates.
std::vector<std::filesystem::path> findPackFiles(const std::vector<std::filesystem::path>& searchPath);

/// The whole file, as bytes; BadInput "FILE: cannot open for reading" when it cannot be opened.
Result<std::string> readTextFile(const std::filesystem::path& file);

}  // namespace cw
