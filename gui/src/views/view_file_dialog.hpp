#pragma once

#include "../view.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cw::gui {

/// Open or create a workspace: folders and *.db files listed with std::filesystem, drawn in ImGui.
class FileDialogView final : public View {
public:
    FileDialogView();
    void draw(Context& context) override;
    [[nodiscard]] bool inViewMenu() const override { return false; }

    void setDirectory(const std::filesystem::path& dir);
    struct Entry {
        std::string name;
        bool directory = false;
        std::uintmax_t size = 0;
    };
    [[nodiscard]] const std::vector<Entry>& entries() const { return m_entries; }

private:
    void list();

    std::filesystem::path m_dir;
    std::string m_dirText;
    std::string m_fileName;
    std::string m_error;
    std::vector<Entry> m_entries;
    bool m_dirty = true;
};

}  // namespace cw::gui
