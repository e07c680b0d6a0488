#include <crosswalk/io/paths.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

#ifndef CW_INSTALL_PACK_DIR
#error "CW_INSTALL_PACK_DIR must be defined by the build"
#endif
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

namespace {

std::vector<fs::path> searchPath(const std::vector<fs::path>& extra, const char* envName,
                                 const std::vector<fs::path>& defaults) {
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
    const std::string fromEnv = env(envName);
    std::string_view rest = fromEnv;
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        add(fs::path(std::string(rest.substr(0, colon))));
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    for (const auto& p : defaults) add(p);
    return path;
}

}  // namespace

std::vector<fs::path> pluginSearchPath(const std::vector<fs::path>& extra, bool defaults) {
    std::vector<fs::path> builtIn;
    if (defaults) {
        const fs::path exeDir = executableDirectory();
        if (!exeDir.empty()) {
            builtIn.push_back(exeDir / "plugins");
            builtIn.push_back(exeDir / CW_RELATIVE_PLUGIN_DIR);
        }
        builtIn.emplace_back(CW_INSTALL_PLUGIN_DIR);
    }
    return searchPath(extra, "CROSSWALK_PLUGIN_PATH", builtIn);
}

std::vector<fs::path> packSearchPath(const std::vector<fs::path>& extra, bool defaults) {
    std::vector<fs::path> builtIn;
    if (defaults) {
        const fs::path exeDir = executableDirectory();
        if (!exeDir.empty()) {
            builtIn.push_back(exeDir / "mappings");
            builtIn.push_back(exeDir / CW_RELATIVE_PACK_DIR);
        }
        builtIn.emplace_back(CW_INSTALL_PACK_DIR);
    }
    return searchPath(extra, "CROSSWALK_PACK_PATH", builtIn);
}

std::vector<fs::path> findFiles(const std::vector<fs::path>& searchPath, std::string_view extension) {
    std::vector<fs::path> files;
    std::set<std::string> seen;
    auto add = [&](const fs::path& file) {
        std::error_code ec;
        fs::path canonical = fs::canonical(file, ec);
        if (ec) canonical = file;
        if (seen.insert(canonical.string()).second) files.push_back(file);
    };
    for (const auto& entry : searchPath) {
        std::error_code ec;
        if (fs::is_directory(entry, ec)) {
            std::vector<fs::path> inDir;
            for (const auto& item : fs::directory_iterator(entry, ec)) {
                if (item.path().extension() == extension && item.is_regular_file(ec)) inDir.push_back(item.path());
            }
            std::sort(inDir.begin(), inDir.end());
            for (const auto& p : inDir) add(p);
        } else if (fs::exists(entry, ec)) {
            add(entry);
        }
    }
    return files;
}

std::vector<fs::path> findPackFiles(const std::vector<fs::path>& path) {
    return findFiles(path, ".json");
}

Result<std::string> readTextFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::badInput(file.string() + ": cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Error::internal(file.string() + ": read error");
    return text.str();
}

}  // namespace cw
