// The shell (ImHex-style): owns the facade, the views and the settings, and draws
// the menu bar, the global search and the notices. No window system in here:
// main.cpp hands frames to it, and the headless tests drive it directly.
#pragma once

#include "facade.hpp"
#include "notices.hpp"
#include "settings.hpp"
#include "view.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cw::gui {

struct AppOptions {
    std::optional<std::filesystem::path> db;     ///< --db; else the last workspace, else the default one
    std::string view;                            ///< --view: open and focus it (alone when `solo`)
    std::string control;                         ///< --control: selected control
    std::optional<float> scale;                  ///< --scale overrides the setting
    bool solo = false;                           ///< draw only `view`, filling the window (screenshots)
    bool persist = true;                         ///< read and write gui.json and imgui.ini
    std::filesystem::path configDir;             ///< empty: settings' default
    std::filesystem::path defaultWorkspace;      ///< tried when neither --db nor a last workspace
    std::optional<cw::Date> today;               ///< --today: the day the workbench is judged at
    std::vector<std::filesystem::path> plugins;  ///< --plugins: searched instead of the default plugin path
};

class App {
public:
    explicit App(AppOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Draws one frame; call between ImGui::NewFrame() and ImGui::Render().
    void frame();
    /// Writes gui.json (when persisting); errors become notices.
    void saveSettings();

    [[nodiscard]] bool quitRequested() const { return m_quit; }
    [[nodiscard]] float scale() const { return m_settings.scale; }
    /// True once after the scale changed: the caller rebuilds fonts and their texture.
    bool takeFontRebuild();
    /// Key index (io.KeysDown) that, with Ctrl, focuses the search box; GLFW uses ASCII for letters.
    void setSearchKey(int key) { m_searchKey = key; }

    Facade& facade() { return m_facade; }
    Context& context() { return m_context; }
    Notices& notices() { return m_notices; }
    [[nodiscard]] const Settings& settings() const { return m_settings; }
    View* view(std::string_view id);
    [[nodiscard]] const std::vector<std::unique_ptr<View>>& views() const { return m_views; }
    [[nodiscard]] const std::string& searchQuery() const { return m_search; }
    /// Names a known view id, or the list of them.
    [[nodiscard]] std::string viewIds() const;

    bool openWorkspace(const std::filesystem::path& file, bool create);

private:
    void drawMenuBar();
    void drawToolbar();
    void drawSearchBox();
    void showView(std::string_view id);

    AppOptions m_options;
    Settings m_settings;
    std::filesystem::path m_settingsFile;
    std::string m_iniFile;
    Facade m_facade;
    Notices m_notices;
    Context m_context;
    std::vector<std::unique_ptr<View>> m_views;
    std::string m_focusView;
    std::string m_search;
    bool m_focusSearch = false;
    bool m_fontRebuild = false;
    bool m_quit = false;
    int m_searchKey = 'F';
};

}  // namespace cw::gui
