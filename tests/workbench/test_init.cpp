// initWorkspace(): what `crosswalk init` does, on a fresh workspace with the real plugins and
// packs, with a plugin the workspace refuses, and with pack files that are not valid.
#include <crosswalk/io/paths.hpp>
#include <crosswalk/workbench/init.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace cw::test {
namespace {

Workspace freshWorkspace(const ScratchDir& dir) {
    auto ws = Workspace::open(dir / "w.db", Workspace::OpenMode::CreateIfMissing);
    if (!ws) throw std::runtime_error(ws.error().message);
    return std::move(*ws);
}

std::vector<std::string> packIds(Workspace& ws) {
    std::vector<std::string> ids;
    auto packs = ws.packs();
    EXPECT_TRUE(packs) << packs.error().message;
    if (packs) {
        for (const auto& p : *packs) ids.push_back(p.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

TEST(InitWorkspace, BringsEveryPluginAndPackInOnceThenFindsThemUnchanged) {
    ScratchDir dir;
    Workspace ws = freshWorkspace(dir);
    const PluginHost& host = frameworkPlugins();
    const std::vector<fs::path> packPath{sourceDir() / "mappings"};

    // The plugins' bundles come first (only the example plugin ships one), then the files.
    std::vector<std::string> origins{"plugin:example"};
    for (const auto& file : findPackFiles(packPath)) origins.push_back(file.string());

    for (const SyncAction expected : {SyncAction::Added, SyncAction::Unchanged}) {
        SCOPED_TRACE(std::string(toString(expected)));
        auto report = initWorkspace(ws, host, packPath);
        ASSERT_TRUE(report) << report.error().message;

        ASSERT_EQ(report->plugins.size(), host.plugins().size());
        for (std::size_t i = 0; i < host.plugins().size(); ++i) {
            const PluginInit& p = report->plugins[i];
            EXPECT_EQ(p.plugin, &host.plugins()[i]);
            ASSERT_TRUE(p.sync) << p.plugin->file << ": " << p.refusal;
            EXPECT_FALSE(p.rejected());
            EXPECT_EQ(p.sync->pluginId, p.plugin->id);
            EXPECT_EQ(p.sync->action, expected) << p.plugin->id;
            EXPECT_TRUE(p.refusal.empty());
        }

        ASSERT_EQ(report->packs.size(), origins.size());
        for (std::size_t i = 0; i < origins.size(); ++i) {
            const PackInit& pack = report->packs[i];
            EXPECT_EQ(pack.origin, origins[i]);
            ASSERT_TRUE(pack.packId) << pack.origin;
            EXPECT_EQ(toString(pack.action), toString(expected)) << *pack.packId;
            EXPECT_EQ(pack.version, "1.0.0") << *pack.packId;
            EXPECT_EQ(pack.previousVersion, expected == SyncAction::Added ? "" : "1.0.0") << *pack.packId;
            ASSERT_TRUE(pack.mappings) << *pack.packId;
            EXPECT_GT(*pack.mappings, 0u) << *pack.packId;
            EXPECT_TRUE(pack.problems.empty()) << *pack.packId;
        }
        EXPECT_TRUE(report->importProblems.empty());

        if (expected == SyncAction::Added) {
            EXPECT_GT(report->seeded.created, 0u);
            EXPECT_GT(report->seeded.linksAdded, 0u);
        } else {
            EXPECT_EQ(report->seeded.created + report->seeded.linksAdded + report->seeded.linksUpdated +
                          report->seeded.linksRemoved,
                      0u);
        }
    }
    EXPECT_EQ(packIds(ws).size(), origins.size());
}

TEST(InitWorkspace, ARefusedPluginIsReportedAndTheOthersLoad) {
    ScratchDir dir;
    Workspace ws = freshWorkspace(dir);
    PluginHost first;
    first.load(testPlugin("cw_test_good"));
    ASSERT_TRUE(initWorkspace(ws, first, {}));

    // On its own the clashing plugin loads; the workspace already has its frameworks from cw-test-good.
    PluginHost second;
    second.load(testPlugin("cw_test_good_framework_clash"));
    second.load(testPlugin("cw_test_raw_ok"));
    second.load(testPlugin("cw_test_throwing"));
    ASSERT_EQ(second.plugins()[0].status, PluginStatus::Loaded);
    auto report = initWorkspace(ws, second, {});
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_EQ(report->plugins.size(), 3u);

    const PluginInit& clash = report->plugins[0];
    EXPECT_TRUE(clash.rejected());
    EXPECT_FALSE(clash.sync);
    EXPECT_NE(clash.refusal.find("framework 'test-good' is already provided by plugin 'cw-test-good'"),
              std::string::npos)
        << clash.refusal;

    const PluginInit& raw = report->plugins[1];
    ASSERT_TRUE(raw.sync) << raw.refusal;
    EXPECT_EQ(raw.sync->action, SyncAction::Added);

    // Rejected by the host: neither synced nor refused.
    const PluginInit& throwing = report->plugins[2];
    EXPECT_TRUE(throwing.rejected());
    EXPECT_TRUE(throwing.refusal.empty());

    auto frameworks = ws.frameworks();
    ASSERT_TRUE(frameworks) << frameworks.error().message;
    std::vector<std::string> owners;
    for (const auto& f : *frameworks) owners.push_back(f.id + " " + f.pluginId);
    std::sort(owners.begin(), owners.end());
    EXPECT_EQ(owners, (std::vector<std::string>{"test-good cw-test-good", "test-good-annex cw-test-good",
                                                "test-raw cw-test-raw"}));
}

TEST(InitWorkspace, ABadPackFileIsRejectedWithItsProblemsAndNothingOfItWritten) {
    ScratchDir dir;
    Workspace ws = freshWorkspace(dir);
    PluginHost host;
    host.load(testPlugin("cw_test_good"));
    const fs::path badPacks = sourceDir() / "tests" / "crosswalk" / "bad_packs";
    const fs::path selfMap = badPacks / "self_map.json";        // refused on reading
    const fs::path unknownRef = badPacks / "unknown_ref.json";  // refused on import, against the catalogs
    auto report = initWorkspace(ws, host, {selfMap, unknownRef});
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_EQ(report->packs.size(), 2u);

    const PackInit& read = report->packs[0];
    EXPECT_EQ(read.origin, selfMap.string());
    EXPECT_EQ(read.action, PackAction::Rejected);
    EXPECT_FALSE(read.packId);
    EXPECT_FALSE(read.version);
    EXPECT_FALSE(read.mappings);
    EXPECT_EQ(read.problems, (std::vector<std::string>{"/mappings/0/target: 'T1.2' is mapped to itself"}));

    const PackInit& imported = report->packs[1];
    EXPECT_EQ(imported.origin, unknownRef.string());
    EXPECT_EQ(imported.action, PackAction::Rejected);
    EXPECT_EQ(imported.packId, "test-good-to-annex");
    EXPECT_EQ(imported.version, "1.0.0");
    EXPECT_FALSE(imported.mappings);
    const std::vector<std::string> unknown{"/mappings/1/source: unknown ref 'T9' in framework 'test-good'",
                                           "/mappings/2/target: unknown ref 'X.2' in framework 'test-good-annex'"};
    EXPECT_EQ(imported.problems, unknown);

    // Every problem once, in order, naming its file.
    EXPECT_EQ(report->importProblems, (std::vector<std::string>{selfMap.string() + ": " + read.problems[0],
                                                                unknownRef.string() + ": " + unknown[0],
                                                                unknownRef.string() + ": " + unknown[1]}));
    EXPECT_TRUE(packIds(ws).empty());
    auto graph = ws.graph();
    ASSERT_TRUE(graph) << graph.error().message;
    EXPECT_TRUE(graph->mappings.empty());
}

}  // namespace
}  // namespace cw::test
