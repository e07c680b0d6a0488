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

/// How a view's window starts out; designated initializers name each choice at the view.
struct ViewOptions {
    bool openByDefault = false;
    ImVec2 defaultSize{640.0f, 420.0f};  ///< on first use, before the user resizes it
    /// Shows "No workspace is open" in place of the content while no workspace is.
    bool needsWorkspace = true;
    ImGuiWindowFlags flags = ImGuiWindowFlags_None;
};

/// A window (ImHex's View::Window): the base owns the frame, a view draws its content only.
class View {
public:
    View(std::string name, std::string id, ViewOptions options)
        : m_name(std::move(name)),
          m_id(std::move(id)),
          m_title(m_name + "###" + m_id),
          m_options(options),
          m_open(options.openByDefault) {}
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

    /// Draws the window: its default size on first use, the pinned layout, Begin and End
    /// (always paired), the text capture, the no-workspace line, and drawContent() in between
    /// unless the window is collapsed.
    void draw(Context& context);

protected:
    /// The window's content, between Begin and End.
    virtual void drawContent(Context& context) = 0;
    /// Changes the visible part of the title; the id after ### stays.
    void setVisibleTitle(const std::string& visible) { m_title = visible + "###" + m_id; }

private:
    std::string m_name;
    std::string m_id;
    std::string m_title;
    ViewOptions m_options;
    bool m_open;
};

}  // namespace cw::gui
