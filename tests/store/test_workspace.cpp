// The workspace on a real SQLite file, checked through our API and through the
// independent `sqlite3` shell.
#include <crosswalk/io/hash.hpp>
#include <crosswalk/io/paths.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/init.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace cw {
namespace {

namespace fs = std::filesystem;

// Runs SQL through the sqlite3 shell; returns its output.
std::string sql(const fs::path& db, const std::string& statement) {
    const auto r = test::run("sqlite3 -batch " + test::shellQuote(db.string()) + " " + test::shellQuote(statement));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.out;
}

class WorkspaceTest : public ::testing::Test {
protected:
    void SetUp() override {
        const PluginInfo& p = m_host.load(test::testPlugin("cw_test_good"));
        ASSERT_EQ(p.status, PluginStatus::Loaded);
        m_good = p;
    }

    Workspace open() {
        auto ws = Workspace::open(m_dir / "w.db", Workspace::OpenMode::CreateIfMissing);
        EXPECT_TRUE(ws) << (ws ? "" : ws.error().message);
        return std::move(*ws);
    }

    // The good plugin with changes: a new version, T1.2(a) gone, T1.1 renamed, T3 added.
    PluginInfo upgraded(const std::string& version) const {
        PluginInfo p = m_good;
        p.version = version;
        auto& controls = p.catalog.frameworks[0].controls;
        std::erase_if(controls, [](const Control& c) { return c.ref == "T1.2(a)"; });
        controls[1].title = "Child one, renamed";
        controls.push_back({"T3", "", "Top three", "", "clause", true, {}});
        p.catalogSha256 = sha256Hex("changed catalog " + version);
        return p;
    }

    PluginHost m_host;
    PluginInfo m_good;
    test::ScratchDir m_dir;
};

TEST_F(WorkspaceTest, CreatesAStrictWalWorkspaceWithForeignKeys) {
    {
        Workspace ws = open();
        EXPECT_TRUE(ws.created());
        EXPECT_EQ(ws.schemaVersion(), 3);
    }
    const fs::path db = m_dir / "w.db";
    EXPECT_EQ(sql(db, "PRAGMA user_version;"), "3\n");
    EXPECT_EQ(sql(db, "PRAGMA journal_mode;"), "wal\n");
    EXPECT_EQ(sql(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table';"), "34\n");
    EXPECT_EQ(sql(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT';"), "0\n");
    EXPECT_EQ(sql(db, "SELECT value FROM meta WHERE key = 'created_by';"), "crosswalk 0.1.0\n");
    // Reopening does not recreate or migrate again.
    Workspace again = open();
    EXPECT_FALSE(again.created());
}

TEST_F(WorkspaceTest, TransactionsNestAndOnlyTheOutermostDecides) {
    Workspace ws = open();
    // The plugin sync commits its own (inner) transaction, but the outer body fails: nothing is kept.
    auto failed = ws.transaction([&]() -> Result<void> {
        if (auto s = syncPlugin(ws, m_good); !s) return s.error();
        EXPECT_FALSE(ws.frameworks()->empty());
        return Error::badInput("stop");
    });
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().message, "stop");
    EXPECT_TRUE(ws.frameworks()->empty());
    EXPECT_TRUE(ws.plugins()->empty());

    // A failing inner step undoes only itself; the outer body goes on and is kept.
    auto kept = ws.transaction([&]() -> Result<void> {
        if (auto a = ws.addCommonControl("X-1", "One", ""); !a) return a.error();
        auto inner = ws.transaction([&]() -> Result<void> {
            if (auto a = ws.addCommonControl("X-2", "Two", ""); !a) return a.error();
            return Error::badInput("undo X-2");
        });
        EXPECT_FALSE(inner);
        return ws.addCommonControl("X-3", "Three", "");
    });
    ASSERT_TRUE(kept) << kept.error().message;
    std::vector<std::string> keys;
    for (const auto& c : *ws.commonControls()) keys.push_back(c.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"X-1", "X-3"}));
}

TEST_F(WorkspaceTest, LoadsAPluginCatalogInOrderWithHierarchy) {
    Workspace ws = open();
    auto sync = syncPlugin(ws, m_good);
    ASSERT_TRUE(sync) << sync.error().message;
    EXPECT_EQ(sync->action, SyncAction::Added);
    EXPECT_EQ(sync->frameworks, 2u);
    EXPECT_EQ(sync->controlsAdded, 6u);

    auto frameworks = ws.frameworks();
    ASSERT_TRUE(frameworks);
    ASSERT_EQ(frameworks->size(), 2u);
    EXPECT_EQ((*frameworks)[0].id, "test-good");
    EXPECT_EQ((*frameworks)[0].controls, 5);
    EXPECT_EQ((*frameworks)[0].assessable, 3);
    EXPECT_EQ((*frameworks)[0].pluginId, "cw-test-good");
    EXPECT_EQ((*frameworks)[0].published, "2026-01-01");
    EXPECT_EQ((*frameworks)[1].id, "test-good-annex");

    auto controls = ws.controls("test-good");
    ASSERT_TRUE(controls);
    std::vector<std::string> seen;
    for (const auto& c : *controls) seen.push_back(c.ref + "<" + c.parent + ">" + std::to_string(c.depth));
    EXPECT_EQ(seen, (std::vector<std::string>{"T1<>0", "T1.1<T1>1", "T1.2<T1>1", "T1.2(a)<T1.2>2", "T2<>0"}));
    EXPECT_EQ((*controls)[1].attributes.at("weight").as_int64(), 3);
    EXPECT_TRUE((*controls)[1].attributes.at("new").as_bool());

    auto plugins = ws.plugins();
    ASSERT_TRUE(plugins);
    ASSERT_EQ(plugins->size(), 1u);
    EXPECT_EQ((*plugins)[0].sha256, m_good.sha256);
    EXPECT_EQ((*plugins)[0].file, test::testPlugin("cw_test_good").string());
}

TEST_F(WorkspaceTest, LoadingTheSameVersionAgainIsANoOp) {
    Workspace ws = open();
    ASSERT_TRUE(syncPlugin(ws, m_good));
    // In WAL mode every committed write appends to the -wal file; a no-op appends nothing.
    const fs::path wal = m_dir / "w.db-wal";
    ASSERT_TRUE(fs::exists(wal));
    const auto walBefore = fs::file_size(wal);
    const std::string before = test::readFile(wal);
    auto again = syncPlugin(ws, m_good);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->action, SyncAction::Unchanged);
    EXPECT_EQ(again->controlsAdded + again->controlsUpdated + again->controlsRemoved, 0u);
    EXPECT_EQ(fs::file_size(wal), walBefore);
    EXPECT_EQ(test::readFile(wal), before);
    // A real change does write: the same check can fail.
    ASSERT_TRUE(syncPlugin(ws, upgraded("1.0.1")));
    EXPECT_NE(test::readFile(wal), before);
}

TEST_F(WorkspaceTest, ANewerVersionReplacesTheCatalogAndKeepsWhatStillResolves) {
    Workspace ws = open();
    ASSERT_TRUE(syncPlugin(ws, m_good));
    const fs::path db = m_dir / "w.db";
    // A pack with two mappings: one from a ref that survives, one from a ref that goes.
    sql(db,
        "PRAGMA foreign_keys = ON;"
        "INSERT INTO packs(id, version, title, source_framework_id, target_framework_id, source_document, method, "
        "imported_at) VALUES ('p1', '1', 'T', 'test-good', 'test-good-annex', 'doc', 'authored', '2026-01-01');"
        "INSERT INTO mappings(pack_id, source_control_id, target_control_id, relationship, strength) "
        "SELECT 'p1', s.id, t.id, 'subset-of', 7 FROM controls s, controls t WHERE s.ref = 'T1.1' AND t.ref = 'X.1';"
        "INSERT INTO mappings(pack_id, source_control_id, target_control_id, relationship) "
        "SELECT 'p1', s.id, t.id, 'equal' FROM controls s, controls t WHERE s.ref = 'T1.2(a)' AND t.ref = 'X.1';");
    const std::string t11Id = sql(db, "SELECT id FROM controls WHERE ref = 'T1.1';");

    auto sync = syncPlugin(ws, upgraded("1.1.0"));
    ASSERT_TRUE(sync) << sync.error().message;
    EXPECT_EQ(sync->action, SyncAction::Updated);
    EXPECT_EQ(sync->previousVersion, "1.0.0");
    EXPECT_EQ(sync->controlsAdded, 1u);    // T3
    EXPECT_EQ(sync->controlsRemoved, 1u);  // T1.2(a)
    EXPECT_EQ(sync->controlsUpdated, 5u);  // T1, T1.1, T1.2, T2, X.1

    EXPECT_EQ(sql(db, "SELECT id FROM controls WHERE ref = 'T1.1';"), t11Id);
    EXPECT_EQ(sql(db,
                  "SELECT s.ref || '>' || t.ref || ':' || relationship || ':' || strength FROM mappings m "
                  "JOIN controls s ON s.id = m.source_control_id JOIN controls t ON t.id = m.target_control_id;"),
              "T1.1>X.1:subset-of:7\n");
    auto detail = ws.control("test-good:T1.1");
    ASSERT_TRUE(detail);
    EXPECT_EQ(detail->control.title, "Child one, renamed");
    ASSERT_EQ(detail->mappings.size(), 1u);
    EXPECT_EQ(detail->mappings[0].target, "test-good-annex:X.1");
    EXPECT_EQ(detail->mappings[0].relationship, Relationship::SubsetOf);
    EXPECT_EQ(detail->mappings[0].strength, 7);
    EXPECT_EQ(sql(db, "SELECT version FROM plugins;"), "1.1.0\n");
    auto t3 = ws.control("test-good:T3");
    ASSERT_TRUE(t3);
    EXPECT_EQ(t3->control.depth, 0);
}

TEST_F(WorkspaceTest, AnOlderVersionIsNotADowngrade) {
    Workspace ws = open();
    ASSERT_TRUE(syncPlugin(ws, upgraded("2.0.0")));
    auto sync = syncPlugin(ws, m_good);
    ASSERT_TRUE(sync);
    EXPECT_EQ(sync->action, SyncAction::Skipped);
    EXPECT_EQ(sync->note, "the workspace holds version 2.0.0; not downgraded to 1.0.0");
    EXPECT_EQ(sql(m_dir / "w.db", "SELECT version FROM plugins;"), "2.0.0\n");
    EXPECT_TRUE(ws.control("test-good:T3"));
}

TEST_F(WorkspaceTest, SameVersionWithChangedContentIsReloadedAndSaysSo) {
    Workspace ws = open();
    ASSERT_TRUE(syncPlugin(ws, m_good));
    auto sync = syncPlugin(ws, upgraded("1.0.0"));
    ASSERT_TRUE(sync);
    EXPECT_EQ(sync->action, SyncAction::Updated);
    EXPECT_EQ(sync->note, "catalog changed without a version bump");
}

TEST_F(WorkspaceTest, FrameworksANewVersionDropsAreRemoved) {
    Workspace ws = open();
    ASSERT_TRUE(syncPlugin(ws, m_good));
    PluginInfo next = upgraded("3.0.0");
    next.catalog.frameworks.pop_back();
    ASSERT_TRUE(syncPlugin(ws, next));
    auto frameworks = ws.frameworks();
    ASSERT_TRUE(frameworks);
    ASSERT_EQ(frameworks->size(), 1u);
    EXPECT_EQ(sql(m_dir / "w.db", "SELECT count(*) FROM controls WHERE framework_id = 'test-good-annex';"), "0\n");
}

TEST_F(WorkspaceTest, AFrameworkOwnedByAnotherPluginFailsAndWritesNothing) {
    Workspace ws = open();
    ASSERT_TRUE(syncPlugin(ws, m_good));
    PluginInfo intruder = m_good;
    intruder.id = "someone-else";
    auto sync = syncPlugin(ws, intruder);
    ASSERT_FALSE(sync);
    EXPECT_EQ(sync.error().kind, ErrorKind::BadInput);
    EXPECT_NE(sync.error().message.find("framework 'test-good' is already provided by plugin 'cw-test-good'"),
              std::string::npos);
    EXPECT_EQ(sql(m_dir / "w.db", "SELECT id FROM plugins;"), "cw-test-good\n");
}

TEST_F(WorkspaceTest, RejectedPluginsCannotBeLoaded) {
    Workspace ws = open();
    PluginInfo rejected = m_good;
    rejected.status = PluginStatus::Rejected;
    EXPECT_EQ(syncPlugin(ws, rejected).error().kind, ErrorKind::BadInput);
}

TEST_F(WorkspaceTest, LookupsExplainWhatIsMissing) {
    Workspace ws = open();
    ASSERT_TRUE(syncPlugin(ws, m_good));
    auto none = ws.controls("nope");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(none.error().message, "unknown framework 'nope' (known: test-good, test-good-annex)");

    auto bad = ws.control("T1.1");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, ErrorKind::BadInput);

    auto wrongCase = ws.control("test-good:t1.2(A)");
    ASSERT_FALSE(wrongCase);
    EXPECT_EQ(
        wrongCase.error().message,
        "unknown control 'test-good:t1.2(A)': framework 'test-good' has no ref 't1.2(A)'; did you mean 'T1.2(a)'?");

    auto detail = ws.control("test-good:T1.2(a)");
    ASSERT_TRUE(detail);
    ASSERT_EQ(detail->ancestors.size(), 2u);
    EXPECT_EQ(detail->ancestors[0].ref, "T1");
    EXPECT_EQ(detail->ancestors[1].ref, "T1.2");
    EXPECT_EQ(detail->framework.name, "Test Framework");
    auto parent = ws.control("test-good:T1");
    ASSERT_TRUE(parent);
    ASSERT_EQ(parent->children.size(), 2u);
    EXPECT_EQ(parent->children[1].ref, "T1.2");
}

TEST(Workspace, MustExistDoesNotCreateAFile) {
    test::ScratchDir dir;
    auto ws = Workspace::open(dir / "absent.db", Workspace::OpenMode::MustExist);
    ASSERT_FALSE(ws);
    EXPECT_EQ(ws.error().kind, ErrorKind::NotFound);
    EXPECT_NE(ws.error().message.find("crosswalk --db"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "absent.db"));
}

TEST(Workspace, RefusesAFileThatIsNotAWorkspaceAndLeavesItAlone) {
    test::ScratchDir dir;
    const std::string text(8192, 'x');
    test::writeFile(dir / "notes.db", text);
    auto ws = Workspace::open(dir / "notes.db", Workspace::OpenMode::MustExist);
    ASSERT_FALSE(ws);
    EXPECT_EQ(ws.error().kind, ErrorKind::BadInput);
    EXPECT_NE(ws.error().message.find("notes.db: not a Crosswalk workspace"), std::string::npos) << ws.error().message;
    EXPECT_EQ(test::readFile(dir / "notes.db"), text);
}

TEST(Workspace, ReadCommandsDoNotTurnAnEmptyFileIntoAWorkspace) {
    test::ScratchDir dir;
    test::writeFile(dir / "empty.db", "");
    auto ws = Workspace::open(dir / "empty.db", Workspace::OpenMode::MustExist);
    ASSERT_FALSE(ws);
    EXPECT_EQ(ws.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(fs::file_size(dir / "empty.db"), 0u);
}

TEST(Workspace, AFolderIsBadInputNotAnInternalError) {
    test::ScratchDir dir;
    auto ws = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing);
    ASSERT_FALSE(ws);
    EXPECT_EQ(ws.error().kind, ErrorKind::BadInput) << ws.error().message;
}

TEST(Workspace, RefusesASchemaFromTheFuture) {
    test::ScratchDir dir;
    sql(dir / "future.db", "PRAGMA user_version = 99;");
    auto ws = Workspace::open(dir / "future.db", Workspace::OpenMode::MustExist);
    ASSERT_FALSE(ws);
    EXPECT_NE(ws.error().message.find("schema version 99 is newer than this Crosswalk"), std::string::npos);
}

TEST(Workspace, DefaultPathFollowsXdg) {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const std::string saved = xdg != nullptr ? xdg : "";
    const std::string savedHome = std::getenv("HOME") != nullptr ? std::getenv("HOME") : "";
    ::setenv("XDG_DATA_HOME", "/data/home", 1);
    EXPECT_EQ(defaultWorkspacePath(), fs::path("/data/home/crosswalk/workspace.db"));
    ::setenv("XDG_DATA_HOME", "relative/not/allowed", 1);
    ::setenv("HOME", "/home/someone", 1);
    EXPECT_EQ(defaultWorkspacePath(), fs::path("/home/someone/.local/share/crosswalk/workspace.db"));
    if (xdg != nullptr) {
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    } else {
        ::unsetenv("XDG_DATA_HOME");
    }
    ::setenv("HOME", savedHome.c_str(), 1);
}

TEST(Workspace, CreatesMissingParentFolders) {
    test::ScratchDir dir;
    auto ws = Workspace::open(dir / "a/b/c/w.db", Workspace::OpenMode::CreateIfMissing);
    ASSERT_TRUE(ws) << ws.error().message;
    EXPECT_TRUE(fs::exists(dir / "a/b/c/w.db"));
}

}  // namespace
}  // namespace cw
