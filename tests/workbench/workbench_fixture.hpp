// Shared by the workbench suites: a workspace made once per test binary by the real
// `crosswalk init` (every framework plugin, every shipped pack, common controls seeded),
// copied afresh for each test; the same plugins loaded in-process for scoping and
// readiness rules; and a way to run the CLI on the test's own copy. "Unchanged after a
// failed operation" is checked by reading the state back through the API: the file's
// bytes are no proof under WAL (a process checkpoints when it closes).
#pragma once

#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/init.hpp>
#include <crosswalk/workbench/targets.hpp>
#include <crosswalk/workbench/timeline.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cw::test {

namespace json = boost::json;

/// `crosswalk` with the build's plugins and the source tree's packs only.
inline std::string cliPrefix(const fs::path& db) {
    return "env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH " + shellQuote(CW_CLI) + " --db " +
           shellQuote(db.string()) + " --no-default-plugins --plugins " + shellQuote(buildPluginDir().string()) +
           " --packs " + shellQuote((sourceDir() / "mappings").string());
}

/// The file `crosswalk init` made, once per process.
inline const fs::path& initializedWorkspace() {
    static ScratchDir dir;
    static const fs::path file = [] {
        const fs::path f = dir / "template.db";
        const RunResult r = run(cliPrefix(f) + " init --json");
        if (r.exitCode != 0) throw std::runtime_error("crosswalk init failed: " + r.err);
        return f;
    }();
    return file;
}

/// The build's framework plugins, loaded once per process.
inline const PluginHost& frameworkPlugins() {
    static const std::unique_ptr<PluginHost> host = [] {
        auto h = std::make_unique<PluginHost>();
        h->loadAll({buildPluginDir()});
        return h;
    }();
    return *host;
}

/// A refused command: exit 2 and one line on stderr, "crosswalk: …", naming `needle`.
inline void expectOneLineError(const RunResult& r, const std::string& args, const std::string& needle) {
    EXPECT_EQ(r.exitCode, 2) << args << "\n" << r.out << r.err;
    EXPECT_TRUE(r.err.starts_with("crosswalk: ")) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << args << ": " << r.err;
}

class WorkbenchTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_db = m_dir / "w.db";
        fs::copy_file(initializedWorkspace(), m_db);
        auto ws = Workspace::open(m_db, Workspace::OpenMode::MustExist);
        ASSERT_TRUE(ws) << ws.error().message;
        m_ws.emplace(std::move(*ws));
    }

    Workspace& ws() { return *m_ws; }
    const PluginHost& host() { return frameworkPlugins(); }
    [[nodiscard]] const fs::path& dbPath() const { return m_db; }
    [[nodiscard]] const ScratchDir& dir() const { return m_dir; }

    /// Runs `crosswalk --db <this test's copy> … ARGS`.
    RunResult cli(const std::string& args) const { return run(cliPrefix(m_db) + " " + args); }

    /// Runs the CLI and parses stdout as JSON (expects exit 0).
    json::value cliJson(const std::string& args) const {
        const RunResult r = cli(args);
        EXPECT_EQ(r.exitCode, 0) << args << "\n" << r.err;
        boost::system::error_code ec;
        json::value v = json::parse(r.out, ec);
        EXPECT_FALSE(ec) << "not JSON: " << r.out.substr(0, 300);
        return v;
    }

private:
    ScratchDir m_dir;
    fs::path m_db;
    std::optional<Workspace> m_ws;
};

}  // namespace cw::test
