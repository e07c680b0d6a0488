#include "settings.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cw::gui {

namespace json = boost::json;

void Settings::remember(const std::string& file) {
    lastWorkspace = file;
    std::erase(recentWorkspaces, file);
    recentWorkspaces.insert(recentWorkspaces.begin(), file);
    if (recentWorkspaces.size() > 8) recentWorkspaces.resize(8);
}

std::filesystem::path configDir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg == '/') {
        return std::filesystem::path(xdg) / "crosswalk";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return std::filesystem::path(home) / ".config" / "crosswalk";
    }
    return std::filesystem::temp_directory_path() / "crosswalk";
}

namespace {

std::vector<std::string> strings(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    if (const auto* a = o.if_contains(key); a != nullptr && a->is_array()) {
        for (const auto& v : a->get_array()) {
            if (v.is_string()) out.emplace_back(v.get_string());
        }
    }
    return out;
}

}  // namespace

Settings loadSettings(const std::filesystem::path& file, std::string& error) {
    Settings s;
    std::ifstream in(file, std::ios::binary);
    if (!in) return s;
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code ec;
    const json::value root = json::parse(text.str(), ec);
    if (ec || !root.is_object()) {
        error = file.string() + ": not a JSON object (" + (ec ? ec.message() : "wrong type") + "); using defaults";
        return s;
    }
    const json::object& o = root.get_object();
    if (const auto* v = o.if_contains("last_workspace"); v != nullptr && v->is_string())
        s.lastWorkspace = std::string(v->get_string());
    if (const auto* v = o.if_contains("selected_control"); v != nullptr && v->is_string())
        s.selectedControl = std::string(v->get_string());
    if (const auto* v = o.if_contains("scale"); v != nullptr && v->is_number()) {
        s.scale = std::clamp(static_cast<float>(v->to_number<double>()), 0.5f, 4.0f);
    }
    if (const auto* v = o.if_contains("depth"); v != nullptr && v->is_int64()) {
        s.depth = static_cast<int>(std::clamp<std::int64_t>(v->get_int64(), 1, 4));
    }
    s.recentWorkspaces = strings(o, "recent_workspaces");
    s.openViews = strings(o, "open_views");
    return s;
}

bool saveSettings(const std::filesystem::path& file, const Settings& s, std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
        error = "cannot create " + file.parent_path().string() + ": " + ec.message();
        return false;
    }
    const json::object o{{"last_workspace", s.lastWorkspace},
                         {"recent_workspaces", json::array(s.recentWorkspaces.begin(), s.recentWorkspaces.end())},
                         {"open_views", json::array(s.openViews.begin(), s.openViews.end())},
                         {"scale", static_cast<double>(s.scale)},
                         {"depth", s.depth},
                         {"selected_control", s.selectedControl}};
    const std::filesystem::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << json::serialize(o) << '\n';
        if (!out) {
            error = "cannot write " + tmp.string();
            return false;
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        error = "cannot replace " + file.string() + ": " + ec.message();
        return false;
    }
    return true;
}

}  // namespace cw::gui
