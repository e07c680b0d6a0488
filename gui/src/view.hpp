// The view registry's contract (ImHex-style): one View subclass per file in
// views/, each drawing one window named "Visible###stable_id".
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <imgui.h>

namespace cw::gui {

class Facade;
class Notices;

/// What every view may read or ask for. Owned by the App; views keep no pointers to each other.
struct Context {
    Facade& facade;
    Notices& notices;
    std::string selectedControl;  ///< full ref shown by the control view
    int depth = 2;                ///< maximum hops for inferred relations
    /// When set (screenshots), the drawn view is pinned to this rectangle.
    bool pinned = false;
    ImVec2 pinnedPos{};
    ImVec2 pinnedSize{};
    /// When set, each view logs the text it draws (ImGui's log, ending at its End()):
    /// what the headless tests read, through the clipboard callback.
    bool captureText = false;
    std::function<void(std::string_view viewId)> showView;
    std::function<void(const std::filesystem::path& file, bool create)> openWorkspace;
    std::function<void(const std::string& framework)> browseFramework;
    /// Asks the file dialog for a file to write: `title` names the action ("Export SoA"),
    /// `extension` (".xlsx") filters the listing, `suggested` is the first file name;
    /// `chosen` is called with the path when the user confirms.
    std::function<void(std::string title, std::string extension, std::string suggested,
                       std::function<void(const std::filesystem::path&)> chosen)>
        chooseSaveFile;

    /// Selects a control and brings the control view to the front.
    void selectControl(const std::string& fullRef) {
        selectedControl = fullRef;
        if (showView) showView("control");
    }
    /// Call right after a Begin that returned true.
    void capture() const {
        if (captureText) ImGui::LogToClipboard();
    }
    /// Call right before Begin: pins the window when the app draws one view alone.
    void applyLayout() const {
        if (!pinned) return;
        ImGui::SetNextWindowPos(pinnedPos, ImGuiCond_Always);
        ImGui::SetNextWindowSize(pinnedSize, ImGuiCond_Always);
    }
};

class View {
public:
    View(std::string name, std::string id, bool openByDefault)
        : m_name(std::move(name)), m_id(std::move(id)), m_title(m_name + "###" + m_id), m_open(openByDefault) {}
    virtual ~View() = default;
    View(const View&) = delete;
    View& operator=(const View&) = delete;

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] const std::string& id() const { return m_id; }
    /// "Visible###stable_id": the visible part may change without losing the layout.
    [[nodiscard]] const char* windowTitle() const { return m_title.c_str(); }
    [[nodiscard]] bool isOpen() const { return m_open; }
    bool* openFlag() { return &m_open; }
    void setOpen(bool open) { m_open = open; }
    /// Listed under View in the menu bar (the file dialog is reached through File instead).
    [[nodiscard]] virtual bool inViewMenu() const { return true; }

    /// Draws the window (SetNextWindowSize FirstUseEver, Begin, early return when collapsed).
    virtual void draw(Context& context) = 0;

private:
    std::string m_name;
    std::string m_id;
    std::string m_title;
    bool m_open;
};

}  // namespace cw::gui
