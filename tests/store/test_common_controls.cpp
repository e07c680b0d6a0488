// Common controls on a real workspace: seeded from a hub, then edited, and
// never undone by seeding again.
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/init.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

namespace cw {
namespace {

class CommonControlsTest : public ::testing::Test {
protected:
    void SetUp() override {
        const PluginInfo& p = m_host.load(test::testPlugin("cw_test_good"));
        ASSERT_EQ(p.status, PluginStatus::Loaded);
        auto ws = Workspace::open(m_dir / "w.db", Workspace::OpenMode::CreateIfMissing);
        ASSERT_TRUE(ws) << ws.error().message;
        m_ws.emplace(std::move(*ws));
        ASSERT_TRUE(syncPlugin(*m_ws, p));
        // X.1 (annex) is contained in the hub's T1.1; T2 maps to X.1 the other way round.
        importAnnexPack("1", {{"T1.1", Relationship::SubsetOf}, {"T2", Relationship::SupersetOf}});
    }

    // Imports version `version` of a pack mapping the annex's X.1 to the listed hub controls.
    void importAnnexPack(const std::string& version, const std::vector<std::pair<std::string, Relationship>>& targets) {
        Pack pack;
        pack.id = "annex-to-good";
        pack.version = version;
        pack.title = "test";
        pack.sourceFramework = "test-good-annex";
        pack.targetFramework = "test-good";
        pack.provenance.sourceDocument = "test";
        pack.provenance.date = "2026-11-28";
        for (const auto& [target, relationship] : targets) {
            Mapping m;
            m.source = "X.1";
            m.target = target;
            m.relationship = relationship;
            pack.mappings.push_back(m);
        }
        auto imported = m_ws->importPack(pack, "test", "sha" + version);
        ASSERT_TRUE(imported && imported->problems.empty());
    }

    std::vector<std::string> linksOf(const std::string& key) {
        auto detail = m_ws->commonControl(key);
        EXPECT_TRUE(detail) << (detail ? "" : detail.error().message);
        std::vector<std::string> out;
        if (!detail) return out;
        for (const auto& l : detail->second) {
            out.push_back(l.control + " " + (l.relationship ? std::string(toString(*l.relationship)) : "-") + " " +
                          l.source);
        }
        return out;
    }

    PluginHost m_host;
    test::ScratchDir m_dir;
    std::optional<Workspace> m_ws;
};

TEST_F(CommonControlsTest, SeedsOnePerAssessableHubControlWithMappedRequirements) {
    auto seeded = m_ws->seedCommonControls("test-good");
    ASSERT_TRUE(seeded) << seeded.error().message;
    EXPECT_EQ(seeded->created, 3u);     // T1.1, T1.2, T2 (T1 and T1.2(a) are not assessable)
    EXPECT_EQ(seeded->linksAdded, 5u);  // three hub links + X.1 twice
    auto all = m_ws->commonControls();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].key, "CC-T1.1");
    EXPECT_EQ((*all)[0].hub, "test-good:T1.1");
    EXPECT_EQ((*all)[0].frameworks, (std::vector<std::string>{"test-good", "test-good-annex"}));
    EXPECT_EQ(linksOf("CC-T1.1"),
              (std::vector<std::string>{"test-good:T1.1 equal hub", "test-good-annex:X.1 subset-of mapping"}));
    EXPECT_EQ(linksOf("CC-T2"),
              (std::vector<std::string>{"test-good:T2 equal hub", "test-good-annex:X.1 superset-of mapping"}));
    // Seeding again adds nothing.
    auto again = m_ws->seedCommonControls("test-good");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->created + again->linksAdded, 0u);
}

TEST_F(CommonControlsTest, EditsSurviveSeedingAgain) {
    ASSERT_TRUE(m_ws->seedCommonControls("test-good"));
    ASSERT_TRUE(m_ws->renameCommonControl("CC-T1.1", "Access control, our way", "AC-01"));
    ASSERT_TRUE(m_ws->unlinkCommonControl("CC-T2", "test-good-annex:X.1"));
    ASSERT_TRUE(m_ws->splitCommonControl("AC-01", "AC-02", "Annex access", {"test-good-annex:X.1"}));
    ASSERT_TRUE(m_ws->mergeCommonControls("AC-02", "CC-T1.2"));
    ASSERT_TRUE(m_ws->addCommonControl("OWN-1", "Our own control", "Not from any framework"));
    ASSERT_TRUE(m_ws->linkCommonControl("OWN-1", "test-good:T1.2(a)"));

    auto again = m_ws->seedCommonControls("test-good");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->created, 0u);  // CC-T1.1 was renamed, CC-T1.2 merged away: neither comes back
    EXPECT_EQ(again->linksAdded, 0u);

    auto all = m_ws->commonControls();
    ASSERT_TRUE(all);
    std::vector<std::string> keys;
    for (const auto& c : *all) keys.push_back(c.key + ":" + c.origin);
    EXPECT_EQ(keys, (std::vector<std::string>{"AC-01:hub", "CC-T2:hub", "AC-02:merged", "OWN-1:custom"}));
    EXPECT_EQ(linksOf("AC-01"), (std::vector<std::string>{"test-good:T1.1 equal hub"}));
    EXPECT_EQ(linksOf("CC-T2"), (std::vector<std::string>{"test-good:T2 equal hub"}));
    EXPECT_EQ(linksOf("AC-02"),
              (std::vector<std::string>{"test-good:T1.2 equal hub", "test-good-annex:X.1 subset-of manual"}));
    EXPECT_EQ(linksOf("OWN-1"), (std::vector<std::string>{"test-good:T1.2(a) - manual"}));
}

TEST_F(CommonControlsTest, UnlinkingTheHubControlItselfSticks) {
    ASSERT_TRUE(m_ws->seedCommonControls("test-good"));
    ASSERT_TRUE(m_ws->unlinkCommonControl("CC-T1.1", "test-good:T1.1"));
    auto again = m_ws->seedCommonControls("test-good");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->linksAdded, 0u);
    EXPECT_EQ(linksOf("CC-T1.1"), (std::vector<std::string>{"test-good-annex:X.1 subset-of mapping"}));
}

TEST_F(CommonControlsTest, DerivedLinksFollowThePacksAndMergesKeepReceivingThem) {
    ASSERT_TRUE(m_ws->seedCommonControls("test-good"));
    ASSERT_TRUE(m_ws->mergeCommonControls("CC-T2", "CC-T1.2"));
    ASSERT_TRUE(m_ws->linkCommonControl("CC-T2", "test-good:T1.2(a)"));
    // Version 2 of the pack: X.1 is now only intersecting T1.1, no longer mapped to T2,
    // and equal to T1.2 (whose common control was merged into CC-T2).
    importAnnexPack("2", {{"T1.1", Relationship::IntersectsWith}, {"T1.2", Relationship::Equal}});

    auto seeded = m_ws->seedCommonControls("test-good");
    ASSERT_TRUE(seeded);
    EXPECT_EQ(seeded->created, 0u);
    EXPECT_EQ(seeded->linksUpdated, 2u);  // CC-T1.1's X.1 retyped; CC-T2's X.1 now equal through T1.2
    EXPECT_EQ(linksOf("CC-T1.1"),
              (std::vector<std::string>{"test-good:T1.1 equal hub", "test-good-annex:X.1 intersects-with mapping"}));
    EXPECT_EQ(linksOf("CC-T2"),
              (std::vector<std::string>{"test-good:T1.2 equal hub", "test-good:T1.2(a) - manual",
                                        "test-good:T2 equal hub", "test-good-annex:X.1 equal mapping"}));
    auto all = m_ws->commonControls();
    ASSERT_TRUE(all);
    for (const auto& c : *all) {
        if (c.key == "CC-T1.1") {
            EXPECT_EQ(c.fullLinks, 1);  // the hub link; X.1 only intersects
        }
        if (c.key == "CC-T2") {
            EXPECT_EQ(c.fullLinks, 4);
        }
    }
    // Nothing to change: a no-op.
    auto again = m_ws->seedCommonControls("test-good");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->created + again->linksAdded + again->linksUpdated + again->linksRemoved, 0u);
}

TEST_F(CommonControlsTest, BadEditsAreRefusedAndChangeNothing) {
    ASSERT_TRUE(m_ws->seedCommonControls("test-good"));
    EXPECT_EQ(m_ws->renameCommonControl("CC-NOPE", "x", "").error().kind, ErrorKind::NotFound);
    EXPECT_EQ(m_ws->renameCommonControl("CC-T1.1", "", "CC-T2").error().message,
              "common control 'CC-T2' already exists");
    EXPECT_EQ(m_ws->addCommonControl("bad key", "t", "").error().kind, ErrorKind::BadInput);
    EXPECT_EQ(m_ws->addCommonControl("K", "", "").error().message, "a common control needs a title");
    EXPECT_EQ(m_ws->linkCommonControl("CC-T2", "test-good:NOPE").error().kind, ErrorKind::NotFound);
    EXPECT_EQ(m_ws->mergeCommonControls("CC-T2", "CC-T2").error().kind, ErrorKind::BadInput);
    // A split naming a requirement the control does not hold writes nothing at all.
    auto split = m_ws->splitCommonControl("CC-T2", "NEW", "New", {"test-good:T2", "test-good:T1.1"});
    ASSERT_FALSE(split);
    EXPECT_EQ(split.error().message, "'test-good:T1.1' is not linked to common control 'CC-T2'");
    EXPECT_EQ(m_ws->commonControl("NEW").error().kind, ErrorKind::NotFound);
    EXPECT_EQ(linksOf("CC-T2").size(), 2u);
    EXPECT_EQ(m_ws->unlinkCommonControl("CC-T1.1", "test-good:T2").error().kind, ErrorKind::BadInput);
}

}  // namespace
}  // namespace cw
