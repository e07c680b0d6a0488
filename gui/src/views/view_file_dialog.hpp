#pragma once

#include "../view.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cw::gui {

/// Open or create a workspace: folders and *.db files listed with std::filesystem, drawn in
/// ImGui. Also asked for a file to write (an export): then it lists that extension and
/// hands the chosen path back instead of opening it.
class FileDialogView final : public View {
public:
    using Chosen = std::function<void(const std::filesystem::path&)>;

    FileDialogView();
    [[nodiscard]] bool inViewMenu() const override { return false; }

    void setDirectory(const std::filesystem::path& dir);
    /// Switches to saving: lists `extension` files, proposes `suggested`, calls `chosen`.
    void requestSave(std::string title, std::string extension, std::string suggested, Chosen chosen);
    /// Back to opening workspaces.
    void requestOpen();
    [[nodiscard]] bool saving() const { return static_cast<bool>(m_chosen); }
    void setFileName(std::string name) { m_fileName = std::move(name); }
    /// What the Save button does: hands `directory / file name` to the requester (tests).
    bool confirmSave();
    struct Entry {
        std::string name;
        bool directory = false;
        std::uintmax_t size = 0;
    };
    [[nodiscard]] const std::vector<Entry>& entries() const { return m_entries; }

private:
    void drawContent(Context& context) override;
    void list();

    std::filesystem::path m_dir;
    std::string m_dirText;
    std::string m_fileName;
    std::string m_error;
    std::vector<Entry> m_entries;
    bool m_dirty = true;
    // Save mode (empty m_chosen: opening a workspace).
    std::string m_saveTitle;
    std::string m_extension = ".db";
    Chosen m_chosen;
};

}  // namespace cw::gui
