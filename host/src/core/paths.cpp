#include <crosswalk/core/paths.hpp>

#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <system_error>

#ifndef CW_INSTALL_PLUGIN_DIR
#error "CW_INSTALL_PLUGIN_DIR must be defined by the build"
#endif

namespace fs = std::filesystem;

namespace cw {
namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
}

}  // namespace

fs::path defaultWorkspacePath() {
    const std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty() && fs::path(xdg).is_absolute()) return fs::path(xdg) / "crosswalk" / "workspace.db";
    const std::string home = env("HOME");
    const fs::path base = home.empty() ? fs::current_path() : fs::path(home);
    return base / ".local" / "share" / "crosswalk" / "workspace.db";
}

fs::path executableDirectory() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path();
}

std::vector<fs::path> pluginSearchPath(const std::vector<fs::path>& extra, bool defaults) {
    std::vector<fs::path> path;
    std::set<std::string> seen;
    auto add = [&](const fs::path& p) {
        if (p.empty()) return;
        std::error_code ec;
        fs::path normal = fs::weakly_canonical(p, ec);
        if (ec) normal = p.lexically_normal();
        if (seen.insert(normal.string()).second) path.push_back(normal);
    };
    for (const auto& p : extra) add(p);
    const std::string fromEnv = env("CROSSWALK_PLUGIN_PATH");
    std::string_view rest = fromEnv;
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        add(fs::path(std::string(rest.substr(0, colon))));
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    if (defaults) {
        const fs::path exeDir = executableDirectory();
        if (!exeDir.empty()) {
            add(exeDir / "plugins");
            add(exeDir / ".." / "lib" / "crosswalk" / "plugins");
        }
        add(fs::path(CW_INSTALL_PLUGIN_DIR));
    }
    return path;
}

}  // namespace cw
