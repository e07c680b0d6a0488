#include "app.hpp"

#include "views/view_audits.hpp"
#include "views/view_catalog.hpp"
#include "views/view_control.hpp"
#include "views/view_evidence.hpp"
#include "views/view_file_dialog.hpp"
#include "views/view_frameworks.hpp"
#include "views/view_overlap.hpp"
#include "views/view_readiness.hpp"
#include "views/view_risks.hpp"
#include "views/view_search.hpp"
#include "views/view_soa.hpp"
#include "views/view_timeline.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // BeginViewportSideBar: a toolbar that shrinks the work area
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace cw::gui {

App::App(AppOptions options)
    : m_options(std::move(options)), m_context{m_facade, m_notices, {}, 2, false, {}, {}, false, {}, {}, {}, {}} {
    m_views.push_back(std::make_unique<FrameworksView>());
    m_views.push_back(std::make_unique<CatalogView>());
    m_views.push_back(std::make_unique<ControlView>());
    m_views.push_back(std::make_unique<OverlapView>());
    m_views.push_back(std::make_unique<EvidenceView>());
    m_views.push_back(std::make_unique<ReadinessView>());
    m_views.push_back(std::make_unique<SoaView>());
    m_views.push_back(std::make_unique<RiskView>());
    m_views.push_back(std::make_unique<AuditsView>());
    m_views.push_back(std::make_unique<TimelineView>());
    m_views.push_back(std::make_unique<SearchView>(m_search));
    m_views.push_back(std::make_unique<FileDialogView>());
    if (m_options.today) m_facade.setToday(*m_options.today);
    if (!m_options.plugins.empty()) m_facade.setPluginPath(m_options.plugins);

    m_context.showView = [this](std::string_view id) { showView(id); };
    m_context.openWorkspace = [this](const std::filesystem::path& file, bool create) { openWorkspace(file, create); };
    m_context.chooseSaveFile = [this](std::string title, std::string extension, std::string suggested,
                                      std::function<void(const std::filesystem::path&)> chosen) {
        if (auto* dialog = dynamic_cast<FileDialogView*>(view("file_dialog"))) {
            dialog->requestSave(std::move(title), std::move(extension), std::move(suggested), std::move(chosen));
            showView("file_dialog");
        }
    };
    m_context.browseFramework = [this](const std::string& framework) {
        if (auto* catalog = dynamic_cast<CatalogView*>(view("catalog"))) catalog->selectFramework(framework);
        showView("catalog");
    };

    const std::filesystem::path dir = m_options.configDir.empty() ? configDir() : m_options.configDir;
    m_settingsFile = dir / "gui.json";
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    if (m_options.persist) {
        std::string error;
        m_settings = loadSettings(m_settingsFile, error);
        if (!error.empty()) m_notices.error(error);
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        m_iniFile = (dir / "imgui.ini").string();
        io.IniFilename = m_iniFile.c_str();
        if (!m_settings.openViews.empty()) {
            for (auto& v : m_views)
                v->setOpen(std::ranges::find(m_settings.openViews, v->id()) != m_settings.openViews.end());
        }
    }
    if (m_options.scale) m_settings.scale = *m_options.scale;
    m_context.depth = m_settings.depth;
    m_context.selectedControl = m_settings.selectedControl;

    std::optional<std::filesystem::path> db = m_options.db;
    if (!db && !m_settings.lastWorkspace.empty()) db = m_settings.lastWorkspace;
    if (!db && !m_options.defaultWorkspace.empty()) {
        std::error_code ec;
        if (std::filesystem::exists(m_options.defaultWorkspace, ec)) db = m_options.defaultWorkspace;
    }
    if (db) openWorkspace(*db, false);
    if (!m_facade.isOpen()) showView("file_dialog");

    if (!m_options.control.empty()) m_context.selectedControl = m_options.control;
    if (m_context.selectedControl.empty() && m_facade.isOpen()) {
        // Something worth showing on first start: the hub's first assessable control.
        if (const auto controls = m_facade.controls(Facade::hub())) {
            for (const auto& c : **controls) {
                if (c.assessable) {
                    m_context.selectedControl = Facade::hub() + ":" + c.ref;
                    break;
                }
            }
        }
    }
    if (!m_options.view.empty()) {
        if (view(m_options.view) == nullptr) {
            m_notices.error("unknown view '" + m_options.view + "' (known: " + viewIds() + ")");
        } else {
            if (m_options.solo) {
                for (auto& v : m_views) v->setOpen(v->id() == m_options.view);
            }
            showView(m_options.view);
        }
    }
}

App::~App() {
    // ImGui keeps the pointer and writes the ini again when its context is destroyed,
    // after this object (and m_iniFile) is gone: hand it no dangling path.
    if (ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().IniFilename == m_iniFile.c_str()) {
        if (!m_iniFile.empty()) ImGui::SaveIniSettingsToDisk(m_iniFile.c_str());
        ImGui::GetIO().IniFilename = nullptr;
    }
}

View* App::view(std::string_view id) {
    for (auto& v : m_views) {
        if (v->id() == id) return v.get();
    }
    return nullptr;
}

std::string App::viewIds() const {
    std::string out;
    for (const auto& v : m_views) out += (out.empty() ? "" : ", ") + v->id();
    return out;
}

void App::showView(std::string_view id) {
    if (View* v = view(id)) {
        v->setOpen(true);
        m_focusView = v->id();
    }
}

bool App::openWorkspace(const std::filesystem::path& file, bool create) {
    if (auto opened = m_facade.open(file, create); !opened) {
        m_notices.error("Cannot open workspace: " + opened.error().message);
        return false;
    }
    const std::string absolute = std::filesystem::absolute(file).lexically_normal().string();
    m_settings.remember(absolute);
    if (m_facade.frameworks().empty()) {
        m_notices.info(absolute + " has no frameworks yet: run `crosswalk --db " + absolute + " init`.");
    }
    return true;
}

bool App::takeFontRebuild() {
    return std::exchange(m_fontRebuild, false);
}

void App::saveSettings() {
    if (!m_options.persist) return;
    m_settings.openViews.clear();
    for (const auto& v : m_views) {
        if (v->isOpen() && v->inViewMenu()) m_settings.openViews.push_back(v->id());
    }
    m_settings.depth = m_context.depth;
    m_settings.selectedControl = m_context.selectedControl;
    std::string error;
    if (!gui::saveSettings(m_settingsFile, m_settings, error)) m_notices.error(error);
    if (!m_iniFile.empty()) ImGui::SaveIniSettingsToDisk(m_iniFile.c_str());
}

void App::frame() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(m_searchKey, false)) m_focusSearch = true;

    drawMenuBar();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    m_context.pinned = m_options.solo;
    m_context.pinnedPos = viewport->WorkPos;
    m_context.pinnedSize = viewport->WorkSize;
    float cascade = 0.0f;
    for (auto& v : m_views) {
        cascade += ImGui::GetFontSize() * 1.5f;
        if (!v->isOpen()) continue;
        // First run only (ImGui's ini remembers the rest): cascade, the control view beside the catalog.
        const float x = v->id() == "control" ? viewport->WorkSize.x * 0.42f : cascade;
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + x, viewport->WorkPos.y + cascade), ImGuiCond_FirstUseEver);
        if (m_focusView == v->id()) {
            ImGui::SetNextWindowFocus();
            ImGui::SetNextWindowCollapsed(false);
            m_focusView.clear();
        }
        v->draw(m_context);
    }
    m_notices.draw();
}

void App::drawMenuBar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open workspace...")) {
            if (auto* dialog = dynamic_cast<FileDialogView*>(view("file_dialog"))) dialog->requestOpen();
            showView("file_dialog");
        }
        if (ImGui::BeginMenu("Recent workspaces", !m_settings.recentWorkspaces.empty())) {
            std::string chosen;
            for (const auto& file : m_settings.recentWorkspaces) {
                if (ImGui::MenuItem(file.c_str(), nullptr, file == m_facade.path().string())) chosen = file;
            }
            ImGui::EndMenu();
            if (!chosen.empty()) openWorkspace(chosen, false);
        }
        if (ImGui::MenuItem("Refresh workbench data", nullptr, false, m_facade.isOpen())) m_facade.refreshWorkbench();
        if (ImGui::MenuItem("Reload", nullptr, false, m_facade.isOpen())) {
            const std::filesystem::path file = m_facade.path();
            if (openWorkspace(file, false)) m_notices.info("Reloaded " + file.string());
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Quit")) m_quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (auto& v : m_views) {
            if (!v->inViewMenu()) continue;
            ImGui::MenuItem(v->name().c_str(), nullptr, v->openFlag());
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Settings")) {
        float percent = m_settings.scale * 100.0f;
        ImGui::TextUnformatted("Interface scale (DPI)");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
        if (ImGui::SliderFloat("##scale", &percent, 75.0f, 250.0f, "%.0f%%")) {
            m_settings.scale = percent / 100.0f;
        }
        if (ImGui::IsItemDeactivatedAfterEdit()) m_fontRebuild = true;
        bool first = true;
        for (const float preset : {1.0f, 1.25f, 1.5f, 2.0f}) {
            char label[16];
            std::snprintf(label, sizeof label, "%.0f%%", static_cast<double>(preset * 100.0f));
            if (!std::exchange(first, false)) ImGui::SameLine();
            if (ImGui::SmallButton(label)) {
                m_settings.scale = preset;
                m_fontRebuild = true;
            }
        }
        ImGui::Separator();
        ImGui::TextUnformatted("Inference depth (hops)");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
        ImGui::SliderInt("##depth", &m_context.depth, 1, 4);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
    drawToolbar();
}

// A toolbar under the menu bar rather than widgets inside it: ImGui 1.86 cannot move
// keyboard focus (SetKeyboardFocusHere) into the menu layer, and Ctrl+F needs that.
void App::drawToolbar() {
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = ImGui::GetFrameHeight() + style.WindowPadding.y;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x, style.WindowPadding.y * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, style.Colors[ImGuiCol_MenuBarBg]);
    const bool open = ImGui::BeginViewportSideBar(
        "##toolbar", viewport, ImGuiDir_Up, height,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    if (open) {
        ImGui::AlignTextToFramePadding();
        if (m_facade.isOpen()) {
            ImGui::TextDisabled("Workspace");
            ImGui::SameLine();
            ImGui::TextUnformatted(m_facade.path().filename().c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_facade.path().c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%zu frameworks, %zu packs", m_facade.frameworks().size(), m_facade.packs().size());
        } else {
            ImGui::TextDisabled("No workspace open");
        }
        drawSearchBox();
    }
    ImGui::End();
}

void App::drawSearchBox() {
    const float width = ImGui::GetFontSize() * 20.0f;
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX() + ImGui::GetFontSize(), ImGui::GetWindowContentRegionMax().x - width));
    ImGui::SetNextItemWidth(width);
    if (m_focusSearch) {
        ImGui::SetKeyboardFocusHere();
        m_focusSearch = false;
    }
    const std::string before = m_search;
    const bool enter =
        ImGui::InputTextWithHint("##search", "Search controls (Ctrl+F)", &m_search,
                                 ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    if (m_search != before && !m_search.empty()) {
        if (View* v = view("search")) v->setOpen(true);
    }
    if (enter && !m_search.empty()) {
        const auto hits = m_facade.search(m_search, 1);
        if (hits.empty()) {
            m_notices.info("No control matches \"" + m_search + "\"");
        } else {
            m_context.selectControl(hits.front().fullRef);
        }
    }
}

}  // namespace cw::gui
