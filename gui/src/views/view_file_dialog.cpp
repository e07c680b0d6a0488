#include "view_file_dialog.hpp"

#include "../facade.hpp"
#include "../notices.hpp"
#include "palette.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>

namespace cw::gui {

FileDialogView::FileDialogView()
    : View("Open workspace", "file_dialog", {.defaultSize = ImVec2(640, 460), .needsWorkspace = false}) {
    std::error_code ec;
    m_dir = std::filesystem::current_path(ec);
    if (ec) m_dir = "/";
    m_dirText = m_dir.string();
}

void FileDialogView::setDirectory(const std::filesystem::path& dir) {
    m_dir = dir.lexically_normal();
    m_dirText = m_dir.string();
    m_dirty = true;
}

void FileDialogView::requestSave(std::string title, std::string extension, std::string suggested, Chosen chosen) {
    m_saveTitle = std::move(title);
    m_extension = std::move(extension);
    m_fileName = std::move(suggested);
    m_chosen = std::move(chosen);
    m_dirty = true;
    // The visible title follows the mode; the id after ### keeps one window and its layout.
    setVisibleTitle(saving() ? m_saveTitle : name());
    setOpen(true);
}

void FileDialogView::requestOpen() {
    m_saveTitle.clear();
    m_extension = ".db";
    m_chosen = nullptr;
    m_fileName.clear();
    m_dirty = true;
    setVisibleTitle(name());
}

bool FileDialogView::confirmSave() {
    if (!m_chosen || m_fileName.empty()) return false;
    std::filesystem::path file = m_dir / m_fileName;
    if (file.extension().empty()) file += m_extension;
    const Chosen chosen = std::move(m_chosen);
    requestOpen();
    setOpen(false);
    chosen(file);
    return true;
}

void FileDialogView::list() {
    m_dirty = false;
    m_entries.clear();
    m_error.clear();
    std::error_code ec;
    std::filesystem::directory_iterator it(m_dir, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) {
        m_error = "Cannot list " + m_dir.string() + ": " + ec.message();
        return;
    }
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e;
        if (entry.is_directory(e)) {
            m_entries.push_back({name, true, 0});
        } else if (entry.path().extension() == m_extension) {
            m_entries.push_back({name, false, entry.file_size(e)});
        }
    }
    std::ranges::sort(m_entries, [](const Entry& a, const Entry& b) {
        if (a.directory != b.directory) return a.directory;
        return a.name < b.name;
    });
}

void FileDialogView::drawContent(Context& context) {
    if (m_dirty) list();
    const float font = ImGui::GetFontSize();
    if (ImGui::Button("Up")) setDirectory(m_dir.parent_path());
    ImGui::SameLine();
    if (ImGui::Button("Home")) {
        if (const char* home = std::getenv("HOME")) setDirectory(home);
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputText("##dir", &m_dirText, ImGuiInputTextFlags_EnterReturnsTrue)) setDirectory(m_dirText);
    if (!m_error.empty()) ImGui::TextColored(palette::kNone, "%s", m_error.c_str());

    std::filesystem::path chosen;
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginChild("entries", ImVec2(0.0f, -footer), true)) {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_entries.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Entry& e = m_entries[static_cast<std::size_t>(i)];
                ImGui::PushID(e.name.c_str());
                const std::string label = e.directory ? e.name + "/" : e.name;
                if (e.directory) ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
                const bool clicked = ImGui::Selectable(label.c_str(), !e.directory && e.name == m_fileName,
                                                       ImGuiSelectableFlags_AllowDoubleClick);
                if (e.directory) ImGui::PopStyleColor();
                if (!e.directory) {
                    ImGui::SameLine(ImGui::GetContentRegionMax().x - font * 6.0f);
                    ImGui::TextDisabled("%.1f MB", static_cast<double>(e.size) / 1e6);
                }
                if (clicked) {
                    if (e.directory) {
                        setDirectory(m_dir / e.name);
                    } else {
                        m_fileName = e.name;
                        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) chosen = m_dir / e.name;
                    }
                }
                ImGui::PopID();
            }
        }
        if (m_entries.empty() && m_error.empty())
            ImGui::TextDisabled("No folders or %s files here.", m_extension.c_str());
    }
    ImGui::EndChild();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("File");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##file", saving() ? ("file" + m_extension).c_str() : "workspace.db", &m_fileName);
    const bool named = !m_fileName.empty();
    if (saving()) {
        ImGui::BeginDisabled(!named);
        // A double-click on a listed file saves over it, as Save does.
        if (ImGui::Button("Save") || !chosen.empty()) confirmSave();
        ImGui::EndDisabled();
        std::error_code ec;
        if (named && saving() && std::filesystem::exists(m_dir / m_fileName, ec)) {
            ImGui::SameLine();
            ImGui::TextColored(palette::kPartial, "%s exists and will be replaced", m_fileName.c_str());
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            requestOpen();
            setOpen(false);
        }
        return;
    }
    ImGui::BeginDisabled(!named);
    if (ImGui::Button("Open")) chosen = m_dir / m_fileName;
    ImGui::SameLine();
    const bool create = ImGui::Button("Create new");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) setOpen(false);
    if (create) {
        std::error_code ec;
        if (std::filesystem::exists(m_dir / m_fileName, ec)) {
            context.notices.error((m_dir / m_fileName).string() + " already exists: use Open");
        } else if (context.openWorkspace) {
            context.openWorkspace(m_dir / m_fileName, true);
            if (context.facade.isOpen() && context.facade.path() == m_dir / m_fileName) setOpen(false);
            m_dirty = true;
        }
    }
    if (!chosen.empty() && context.openWorkspace) {
        context.openWorkspace(chosen, false);
        if (context.facade.isOpen() && context.facade.path() == chosen) setOpen(false);
    }
}

}  // namespace cw::gui
