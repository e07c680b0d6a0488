// Shared helpers for the test suites: scratch folders, running the real
// binaries, and where the build put things.
#pragma once

#include <crosswalk/io/hash.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace cw::test {

namespace fs = std::filesystem;

/// Where the build put things (set by tests/CMakeLists.txt).
inline fs::path testPluginDir() {
    return CW_TEST_PLUGIN_DIR;
}
inline fs::path buildPluginDir() {
    return CW_BUILD_PLUGIN_DIR;
}
inline fs::path testPlugin(const std::string& name) {
    return testPluginDir() / (name + ".so");
}
inline fs::path sourceDir() {
    return CW_SOURCE_DIR;
}

/// A fresh folder under the system temp dir, removed at the end of the test.
class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("crosswalk-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

inline std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void writeFile(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

/// Single-quotes a string for /bin/sh.
inline std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out.push_back(c);
        }
    }
    return out + "'";
}

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs a shell command line; captures stdout and stderr separately.
inline RunResult run(const std::string& commandLine) {
    ScratchDir scratch;
    const fs::path errFile = scratch / "stderr";
    RunResult result;
    FILE* pipe = popen((commandLine + " 2>" + shellQuote(errFile.string())).c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = readFile(errFile);
    return result;
}

}  // namespace cw::test
