// What the GUI remembers between runs: $XDG_CONFIG_HOME/crosswalk/gui.json.
// ImGui keeps the window layout beside it in imgui.ini.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cw::gui {

struct Settings {
    std::string lastWorkspace;
    std::vector<std::string> recentWorkspaces;  ///< most recent first
    std::vector<std::string> openViews;         ///< view ids
    float scale = 1.0f;
    int depth = 2;
    std::string selectedControl;

    /// Moves `file` to the front of the recent list (at most 8 kept).
    void remember(const std::string& file);
};

/// $XDG_CONFIG_HOME/crosswalk, else ~/.config/crosswalk.
std::filesystem::path configDir();
/// Defaults when the file is absent; `error` set (and defaults returned) when it is unreadable.
Settings loadSettings(const std::filesystem::path& file, std::string& error);
bool saveSettings(const std::filesystem::path& file, const Settings& settings, std::string& error);

}  // namespace cw::gui
