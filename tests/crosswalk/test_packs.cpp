// Mapping packs: reading and validating them, importing them into a workspace
// (all or nothing), and the real CLI refusing a corpus of bad pack files without
// touching the workspace file.
#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/io/hash.hpp>
#include <crosswalk/io/pack.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/init.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using test::shellQuote;
using Lines = std::vector<std::string>;

// A valid pack between the two frameworks of the cw_test_good plugin.
json::object goodPack() {
    return json::parse(R"({
      "format": "crosswalk-pack/1",
      "id": "test-good-to-annex",
      "version": "1.0.0",
      "title": "Test pack",
      "source_framework": "test-good",
      "target_framework": "test-good-annex",
      "provenance": { "source_document": "Crosswalk tests", "method": "authored", "date": "2026-01-01" },
      "mappings": [
        { "source": "T1.1", "target": "X.1", "relationship": "subset-of", "rationale": "semantic", "strength": 8 },
        { "source": "T2", "target": "X.1", "relationship": "intersects-with" }
      ]
    })")
        .as_object();
}

Lines problemLines(const std::vector<Problem>& problems) {
    Lines out;
    for (const auto& p : problems) out.push_back(toString(p));
    return out;
}

Lines sorted(Lines lines) {
    std::sort(lines.begin(), lines.end());
    return lines;
}

Lines splitLines(const std::string& text) {
    Lines out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// readPack
// ---------------------------------------------------------------------------------------------

TEST(ReadPack, ReadsEveryFieldOfAGoodPack) {
    json::object o = goodPack();
    o["licence"] = "CC0-1.0";
    o["description"] = "Two edges.";
    o["provenance"].as_object()["author"] = "Tests";
    o["provenance"].as_object()["notes"] = "Written for the tests.";
    json::object& first = o["mappings"].as_array()[0].as_object();
    first["confidence"] = 0.75;
    first["coverage"] = 0.5;
    first["qualifiers"] = json::array{"has-incompatibility", "conditional"};
    first["note"] = "why";
    first["provenance"] = json::object{{"method", "derived"}, {"date", "2026-02-02"}};

    const PackReading r = readPack(json::serialize(o));
    ASSERT_TRUE(r.pack) << ::testing::PrintToString(problemLines(r.problems));
    EXPECT_TRUE(r.problems.empty());
    const Pack& p = *r.pack;
    EXPECT_EQ(p.id, "test-good-to-annex");
    EXPECT_EQ(p.version, "1.0.0");
    EXPECT_EQ(p.title, "Test pack");
    EXPECT_EQ(p.sourceFramework, "test-good");
    EXPECT_EQ(p.targetFramework, "test-good-annex");
    EXPECT_EQ(p.licence, "CC0-1.0");
    EXPECT_EQ(p.description, "Two edges.");
    EXPECT_EQ(p.provenance.sourceDocument, "Crosswalk tests");
    EXPECT_EQ(p.provenance.method, Method::Authored);
    EXPECT_EQ(p.provenance.author, "Tests");
    EXPECT_EQ(p.provenance.date, "2026-01-01");
    EXPECT_EQ(p.provenance.notes, "Written for the tests.");

    ASSERT_EQ(p.mappings.size(), 2u);
    const Mapping& m = p.mappings[0];
    EXPECT_EQ(m.source, "T1.1");
    EXPECT_EQ(m.target, "X.1");
    EXPECT_EQ(m.relationship, Relationship::SubsetOf);
    EXPECT_EQ(m.rationale, Rationale::Semantic);
    EXPECT_EQ(m.strength, 8);
    EXPECT_EQ(m.confidence, 0.75);
    EXPECT_EQ(m.coverage, 0.5);
    EXPECT_EQ(m.qualifiers, (Lines{"has-incompatibility", "conditional"}));
    EXPECT_EQ(m.note, "why");
    // An edge's provenance overrides only what it gives; the rest comes from the pack.
    ASSERT_TRUE(m.provenance);
    EXPECT_EQ(m.provenance->method, Method::Derived);
    EXPECT_EQ(m.provenance->date, "2026-02-02");
    EXPECT_EQ(m.provenance->sourceDocument, "Crosswalk tests");
    EXPECT_EQ(m.provenance->author, "Tests");

    const Mapping& bare = p.mappings[1];
    EXPECT_EQ(bare.relationship, Relationship::IntersectsWith);
    EXPECT_FALSE(bare.rationale);
    EXPECT_FALSE(bare.strength);
    EXPECT_FALSE(bare.confidence);
    EXPECT_FALSE(bare.coverage);
    EXPECT_TRUE(bare.qualifiers.empty());
    EXPECT_FALSE(bare.provenance);
}

TEST(ReadPack, SchemaProblemsComeBackWithPointersAndNoPack) {
    json::object o = goodPack();
    auto& mappings = o["mappings"].as_array();
    mappings[0].as_object()["relationship"] = "overlaps";
    mappings[1].as_object()["strength"] = 11;
    o["provenance"].as_object().erase("method");
    o["provenance"].as_object()["date"] = "28/11/2026";

    const PackReading r = readPack(json::serialize(o));
    EXPECT_FALSE(r.pack);
    EXPECT_EQ(sorted(problemLines(r.problems)),
              (Lines{"/mappings/0/relationship: \"overlaps\" is not one of \"equal\", \"subset-of\", \"superset-of\", "
                     "\"intersects-with\", \"no-relationship\"",
                     "/mappings/1/strength: 11 is above the maximum 10",
                     "/provenance/date: \"28/11/2026\" does not match the pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                     "/provenance: missing required property 'method'"}));
}

TEST(ReadPack, RangesAndTypesOfEdgeFields) {
    json::object o = goodPack();
    auto& m = o["mappings"].as_array()[0].as_object();
    m["strength"] = 0;
    m["confidence"] = 1.5;
    m["coverage"] = -0.25;
    m["rationale"] = "gut feeling";
    m["qualifiers"] = json::array{"Has Incompatibility"};
    const PackReading r = readPack(json::serialize(o));
    EXPECT_FALSE(r.pack);
    EXPECT_EQ(sorted(problemLines(r.problems)),
              (Lines{"/mappings/0/confidence: 1.5 is above the maximum 1",
                     "/mappings/0/coverage: -0.25 is below the minimum 0",
                     "/mappings/0/qualifiers/0: \"Has Incompatibility\" does not match the pattern ^[a-z][a-z0-9-]*$",
                     "/mappings/0/rationale: \"gut feeling\" is not one of \"syntactic\", \"semantic\", \"functional\"",
                     "/mappings/0/strength: 0 is below the minimum 1"}));

    json::object fractional = goodPack();
    fractional["mappings"].as_array()[0].as_object()["strength"] = 7.5;
    EXPECT_EQ(problemLines(readPack(json::serialize(fractional)).problems),
              (Lines{"/mappings/0/strength: expected integer, found number"}));
}

TEST(ReadPack, UnknownPropertiesAndWrongFormatAreRefused) {
    json::object o = goodPack();
    o["format"] = "crosswalk-pack/2";
    o["mappings"].as_array()[1].as_object()["relation"] = "equal";
    const PackReading r = readPack(json::serialize(o));
    EXPECT_FALSE(r.pack);
    EXPECT_EQ(sorted(problemLines(r.problems)),
              (Lines{"/format: must be \"crosswalk-pack/1\", found \"crosswalk-pack/2\"",
                     "/mappings/1/relation: unknown property 'relation'"}));
}

TEST(ReadPack, ADuplicateEdgeNamesWhereItFirstAppeared) {
    json::object o = goodPack();
    o["mappings"].as_array().push_back(json::object{{"source", "T1.1"}, {"target", "X.1"}, {"relationship", "equal"}});
    const PackReading r = readPack(json::serialize(o));
    EXPECT_FALSE(r.pack);
    EXPECT_EQ(problemLines(r.problems), (Lines{"/mappings/2: duplicate edge T1.1 -> X.1 (first at /mappings/0)"}));
}

TEST(ReadPack, AControlMappedToItselfIsRefusedOnlyWithinOneFramework) {
    json::object o = goodPack();
    o["target_framework"] = "test-good";
    o["mappings"] = json::array{json::object{{"source", "T1.2"}, {"target", "T1.2"}, {"relationship", "equal"}},
                                json::object{{"source", "T1.1"}, {"target", "T2"}, {"relationship", "subset-of"}}};
    const PackReading r = readPack(json::serialize(o));
    EXPECT_FALSE(r.pack);
    EXPECT_EQ(problemLines(r.problems), (Lines{"/mappings/0/target: 'T1.2' is mapped to itself"}));

    // The same ref in two different frameworks is two different controls.
    json::object across = goodPack();
    across["mappings"] = json::array{json::object{{"source", "X.1"}, {"target", "X.1"}, {"relationship", "equal"}}};
    const PackReading ok = readPack(json::serialize(across));
    EXPECT_TRUE(ok.pack) << ::testing::PrintToString(problemLines(ok.problems));
}

TEST(ReadPack, InvalidJsonNamesTheLineAndColumn) {
    const std::string text = "{\n  \"format\": \"crosswalk-pack/1\",\n  \"id\": \"x\"\n  \"version\": \"1.0.0\"\n}\n";
    const PackReading r = readPack(text);
    EXPECT_FALSE(r.pack);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].pointer, "");
    EXPECT_EQ(toString(r.problems[0]), "(root): invalid JSON at line 4, column 3: syntax error");

    const PackReading truncated = readPack("{\n  \"format\": ");
    ASSERT_EQ(truncated.problems.size(), 1u);
    EXPECT_NE(truncated.problems[0].message.find("invalid JSON at line 2"), std::string::npos)
        << truncated.problems[0].message;

    const PackReading array = readPack("[]");
    EXPECT_EQ(problemLines(array.problems), (Lines{"(root): expected object, found array"}));
}

TEST(ReadPack, ABundlePointsIntoTheRightPack) {
    json::object bad = goodPack();
    bad["mappings"].as_array()[0].as_object()["relationship"] = "overlaps";
    const json::object bundle{{"packs", json::array{goodPack(), bad}}};
    std::vector<Problem> bundleProblems;
    const auto readings = readPackBundle(json::serialize(bundle), bundleProblems);
    EXPECT_TRUE(bundleProblems.empty());
    ASSERT_EQ(readings.size(), 2u);
    EXPECT_TRUE(readings[0].pack);
    EXPECT_FALSE(readings[1].pack);
    ASSERT_EQ(readings[1].problems.size(), 1u);
    EXPECT_EQ(readings[1].problems[0].pointer, "/packs/1/mappings/0/relationship");

    std::vector<Problem> notABundle;
    EXPECT_TRUE(readPackBundle(R"({"mappings": []})", notABundle).empty());
    EXPECT_EQ(problemLines(notABundle), (Lines{"(root): expected an object with a \"packs\" array"}));
}

// ---------------------------------------------------------------------------------------------
// Workspace::importPack
// ---------------------------------------------------------------------------------------------

class WorkspaceImport : public ::testing::Test {
protected:
    void SetUp() override {
        const PluginInfo& p = m_host.load(test::testPlugin("cw_test_good"));
        ASSERT_EQ(p.status, PluginStatus::Loaded);
        auto ws = Workspace::open(m_dir / "w.db", Workspace::OpenMode::CreateIfMissing);
        ASSERT_TRUE(ws) << ws.error().message;
        m_ws.emplace(std::move(*ws));
        ASSERT_TRUE(syncPlugin(*m_ws, p));
    }

    static Pack read(const json::object& o) {
        PackReading r = readPack(json::serialize(o));
        EXPECT_TRUE(r.pack) << ::testing::PrintToString(problemLines(r.problems));
        return r.pack ? *r.pack : Pack{};
    }

    PackImport import(const Pack& pack, const std::string& sha) {
        auto r = m_ws->importPack(pack, "/packs/test.json", sha);
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        return r ? *r : PackImport{};
    }

    // Every committed write appends to the -wal file (the connection stays open).
    std::string wal() const { return test::readFile(m_dir / "w.db-wal"); }

    // "source>target relationship confidence" for every stored mapping.
    Lines edges() {
        auto g = m_ws->graph();
        EXPECT_TRUE(g);
        Lines out;
        for (const auto& m : g->mappings) {
            const auto& s = g->controls[m.source];
            const auto& t = g->controls[m.target];
            out.push_back(s.framework + ":" + s.ref + ">" + t.framework + ":" + t.ref + " " +
                          std::string(toString(m.relationship)) + " " + std::to_string(m.confidence));
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    PluginHost m_host;
    test::ScratchDir m_dir;
    std::optional<Workspace> m_ws;
};

TEST_F(WorkspaceImport, AGoodPackIsAddedWithItsProvenance) {
    const PackImport r = import(read(goodPack()), "sha-1");
    EXPECT_TRUE(r.problems.empty());
    EXPECT_EQ(r.action, SyncAction::Added);
    EXPECT_EQ(r.packId, "test-good-to-annex");
    EXPECT_EQ(r.version, "1.0.0");
    EXPECT_EQ(r.previousVersion, "");
    EXPECT_EQ(r.mappings, 2u);

    auto packs = m_ws->packs();
    ASSERT_TRUE(packs);
    ASSERT_EQ(packs->size(), 1u);
    const PackRow& row = (*packs)[0];
    EXPECT_EQ(row.id, "test-good-to-annex");
    EXPECT_EQ(row.version, "1.0.0");
    EXPECT_EQ(row.source, "test-good");
    EXPECT_EQ(row.target, "test-good-annex");
    EXPECT_EQ(row.provenance.method, Method::Authored);
    EXPECT_EQ(row.provenance.sourceDocument, "Crosswalk tests");
    EXPECT_EQ(row.provenance.date, "2026-01-01");
    EXPECT_EQ(row.file, "/packs/test.json");
    EXPECT_EQ(row.sha256, "sha-1");
    EXPECT_EQ(row.pluginId, "");
    EXPECT_EQ(row.mappings, 2);
    EXPECT_FALSE(row.importedAt.empty());

    // Strength folds into confidence: no confidence given, authored → 0.8, times 8/10.
    EXPECT_EQ(edges(), (Lines{"test-good:T1.1>test-good-annex:X.1 subset-of " + std::to_string(0.8 * 8 / 10.0),
                              "test-good:T2>test-good-annex:X.1 intersects-with " + std::to_string(0.8)}));

    auto detail = m_ws->control("test-good:T1.1");
    ASSERT_TRUE(detail);
    ASSERT_EQ(detail->mappings.size(), 1u);
    EXPECT_EQ(detail->mappings[0].packId, "test-good-to-annex");
    EXPECT_EQ(detail->mappings[0].target, "test-good-annex:X.1");
    EXPECT_EQ(detail->mappings[0].rationale, Rationale::Semantic);
    EXPECT_EQ(detail->mappings[0].strength, 8);
}

TEST_F(WorkspaceImport, TheGraphFoldsStrengthIntoConfidenceAndFallsBackByMethod) {
    json::object o = goodPack();
    o["provenance"].as_object()["method"] = "official";
    o["mappings"] = json::array{
        // confidence × strength/10
        json::object{
            {"source", "T1.1"}, {"target", "X.1"}, {"relationship", "equal"}, {"confidence", 0.5}, {"strength", 6}},
        // nothing given: the pack's method (official) → 0.9
        json::object{{"source", "T1.2"}, {"target", "X.1"}, {"relationship", "subset-of"}},
        // the edge's own method wins (derived → 0.7), times strength
        json::object{{"source", "T2"},
                     {"target", "X.1"},
                     {"relationship", "superset-of"},
                     {"strength", 5},
                     {"provenance", json::object{{"method", "derived"}}}},
        // no-relationship is stored (and counted by quality) but never traversed
        json::object{
            {"source", "T1"}, {"target", "X.1"}, {"relationship", "no-relationship"}, {"rationale", "semantic"}},
    };
    ASSERT_TRUE(import(read(o), "sha").problems.empty());
    EXPECT_EQ(edges(), (Lines{"test-good:T1.1>test-good-annex:X.1 equal " + std::to_string(0.5 * 6 / 10.0),
                              "test-good:T1.2>test-good-annex:X.1 subset-of " + std::to_string(0.9),
                              "test-good:T1>test-good-annex:X.1 no-relationship " + std::to_string(0.9),
                              "test-good:T2>test-good-annex:X.1 superset-of " + std::to_string(0.7 * 5 / 10.0)}));

    auto fills = m_ws->packFills();
    ASSERT_TRUE(fills);
    ASSERT_EQ(fills->size(), 1u);
    EXPECT_EQ((*fills)[0].pack, "test-good-to-annex");
    EXPECT_EQ((*fills)[0].source, "test-good");
    EXPECT_EQ((*fills)[0].target, "test-good-annex");
    EXPECT_EQ((*fills)[0].rationale, 1);
    EXPECT_EQ((*fills)[0].strength, 2);
    EXPECT_EQ((*fills)[0].confidence, 1);

    auto g = m_ws->graph();
    ASSERT_TRUE(g);
    const CrosswalkGraph graph(std::move(*g));
    const auto q = graph.quality(*fills);
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].mappings, 4);
    EXPECT_EQ(q[0].relationships, (std::map<std::string, std::int64_t>{
                                      {"equal", 1}, {"subset-of", 1}, {"superset-of", 1}, {"no-relationship", 1}}));
    EXPECT_DOUBLE_EQ(q[0].strengthFill, 0.5);
    EXPECT_EQ(q[0].sourceAssessable, 3);  // T1.1, T1.2, T2
    EXPECT_EQ(q[0].sourceMapped, 3);
    EXPECT_EQ(q[0].targetMapped, 1);
    EXPECT_DOUBLE_EQ(q[0].fanIn, 4.0);
}

TEST_F(WorkspaceImport, TheSamePackAgainIsUnchangedAndWritesNothing) {
    const Pack pack = read(goodPack());
    ASSERT_EQ(import(pack, "sha-1").action, SyncAction::Added);
    const std::string before = wal();
    const PackImport again = import(pack, "sha-1");
    EXPECT_EQ(again.action, SyncAction::Unchanged);
    EXPECT_EQ(again.previousVersion, "1.0.0");
    EXPECT_TRUE(again.problems.empty());
    EXPECT_EQ(wal(), before);
}

TEST_F(WorkspaceImport, ChangedContentUnderTheSameVersionIsReloadedAndSaysSo) {
    ASSERT_EQ(import(read(goodPack()), "sha-1").action, SyncAction::Added);
    json::object o = goodPack();
    o["mappings"].as_array().pop_back();
    const PackImport r = import(read(o), "sha-2");
    EXPECT_EQ(r.action, SyncAction::Updated);
    EXPECT_EQ(r.note, "content changed without a version bump");
    EXPECT_EQ(edges().size(), 1u);
}

TEST_F(WorkspaceImport, ANewerVersionReplacesTheMappingsAndAnOlderOneIsSkipped) {
    ASSERT_EQ(import(read(goodPack()), "sha-1").action, SyncAction::Added);

    json::object next = goodPack();
    next["version"] = "1.1.0";
    next["mappings"] = json::array{json::object{{"source", "T1.2"}, {"target", "X.1"}, {"relationship", "equal"}}};
    const PackImport updated = import(read(next), "sha-2");
    EXPECT_EQ(updated.action, SyncAction::Updated);
    EXPECT_EQ(updated.previousVersion, "1.0.0");
    EXPECT_EQ(updated.version, "1.1.0");
    EXPECT_EQ(updated.note, "");
    EXPECT_EQ(edges(), (Lines{"test-good:T1.2>test-good-annex:X.1 equal " + std::to_string(0.8)}));
    auto t11 = m_ws->control("test-good:T1.1");
    ASSERT_TRUE(t11);
    EXPECT_TRUE(t11->mappings.empty());

    const std::string before = wal();
    const PackImport older = import(read(goodPack()), "sha-1");
    EXPECT_EQ(older.action, SyncAction::Skipped);
    EXPECT_EQ(older.note, "the workspace holds version 1.1.0; not downgraded to 1.0.0");
    EXPECT_EQ(wal(), before);
    auto packs = m_ws->packs();
    ASSERT_TRUE(packs);
    ASSERT_EQ(packs->size(), 1u);
    EXPECT_EQ((*packs)[0].version, "1.1.0");
    EXPECT_EQ((*packs)[0].sha256, "sha-2");
}

TEST_F(WorkspaceImport, UnknownRefsAreProblemsWithPointersAndNothingIsWritten) {
    json::object o = goodPack();
    o["mappings"] = json::array{
        json::object{{"source", "T1.1"}, {"target", "X.1"}, {"relationship", "equal"}},
        json::object{{"source", "T9"}, {"target", "X.1"}, {"relationship", "equal"}},
        json::object{{"source", "t1.2"}, {"target", "X.2"}, {"relationship", "equal"}},
    };
    const std::string before = wal();
    const PackImport r = import(read(o), "sha");
    EXPECT_EQ(problemLines(r.problems),
              (Lines{"/mappings/1/source: unknown ref 'T9' in framework 'test-good'",
                     "/mappings/2/source: unknown ref 't1.2' in framework 'test-good'",
                     "/mappings/2/target: unknown ref 'X.2' in framework 'test-good-annex'"}));
    EXPECT_EQ(wal(), before);
    auto packs = m_ws->packs();
    ASSERT_TRUE(packs);
    EXPECT_TRUE(packs->empty());
    EXPECT_TRUE(edges().empty());
}

TEST_F(WorkspaceImport, UnknownFrameworksAreProblemsAndNothingIsWritten) {
    // An earlier version stays exactly as it was.
    ASSERT_EQ(import(read(goodPack()), "sha-1").action, SyncAction::Added);
    const Lines edgesBefore = edges();
    const std::string before = wal();

    json::object o = goodPack();
    o["version"] = "2.0.0";
    o["target_framework"] = "no-such-framework";
    o["mappings"].as_array().push_back(json::object{{"source", "T7"}, {"target", "N.1"}, {"relationship", "equal"}});
    const PackImport r = import(read(o), "sha-2");
    EXPECT_EQ(problemLines(r.problems),
              (Lines{"/target_framework: unknown framework 'no-such-framework' (known: test-good, test-good-annex)",
                     "/mappings/2/source: unknown ref 'T7' in framework 'test-good'"}));

    json::object both = goodPack();
    both["source_framework"] = "nope-a";
    both["target_framework"] = "nope-b";
    EXPECT_EQ(problemLines(import(read(both), "sha-3").problems),
              (Lines{"/source_framework: unknown framework 'nope-a' (known: test-good, test-good-annex)",
                     "/target_framework: unknown framework 'nope-b' (known: test-good, test-good-annex)"}));

    EXPECT_EQ(wal(), before);
    EXPECT_EQ(edges(), edgesBefore);
    auto packs = m_ws->packs();
    ASSERT_TRUE(packs);
    ASSERT_EQ(packs->size(), 1u);
    EXPECT_EQ((*packs)[0].version, "1.0.0");
}

// ---------------------------------------------------------------------------------------------
// The real CLI on a corpus of bad pack files
// ---------------------------------------------------------------------------------------------

class ImportPackCli : public ::testing::Test {
protected:
    void SetUp() override {
        auto init = crosswalk("init");
        ASSERT_EQ(init.exitCode, 0) << init.err;
    }

    test::RunResult crosswalk(const std::string& args) const {
        return test::run("env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH " + shellQuote(CW_CLI) + " --db " +
                         shellQuote(db().string()) + " --no-default-plugins --plugins " +
                         shellQuote(test::testPlugin("cw_test_good").string()) + " " + args);
    }

    fs::path db() const { return m_dir / "w.db"; }

    // The workspace as it is on disk: the WAL checkpointed into the main file, then hashed.
    // The CLI has exited, so nothing else holds the file open.
    std::string workspaceHash() const {
        const auto r = test::run("sqlite3 -batch " + shellQuote(db().string()) + " 'PRAGMA wal_checkpoint(TRUNCATE);'");
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out, "0|0|0\n");  // not busy, and nothing left in the log
        auto hash = sha256File(db());
        EXPECT_TRUE(hash);
        std::error_code ec;
        EXPECT_FALSE(fs::exists(fs::path(db().string() + "-wal"), ec) && fs::file_size(db().string() + "-wal") > 0);
        return hash ? *hash : std::string();
    }

    static fs::path corpus() { return test::sourceDir() / "tests" / "crosswalk" / "bad_packs"; }

    test::ScratchDir m_dir;
};

// Each bad file and the problems it must produce, one stderr line each: "<pointer>: <message>".
const std::map<std::string, Lines>& expectedProblems() {
    static const std::map<std::string, Lines> expected{
        {"invalid_json.json", {"(root): invalid JSON at line 4, column 3: syntax error"}},
        {"unknown_relationship.json",
         {"/mappings/1/relationship: \"overlaps\" is not one of \"equal\", \"subset-of\", \"superset-of\", "
          "\"intersects-with\", \"no-relationship\""}},
        {"strength_out_of_range.json",
         {"/mappings/0/strength: 11 is above the maximum 10", "/mappings/1/confidence: 1.5 is above the maximum 1"}},
        {"duplicate_edge.json", {"/mappings/2: duplicate edge T1.1 -> X.1 (first at /mappings/0)"}},
        {"self_map.json", {"/mappings/0/target: 'T1.2' is mapped to itself"}},
        {"unknown_ref.json",
         {"/mappings/1/source: unknown ref 'T9' in framework 'test-good'",
          "/mappings/2/target: unknown ref 'X.2' in framework 'test-good-annex'"}},
        {"unknown_framework.json",
         {"/target_framework: unknown framework 'no-such-framework' (known: test-good, test-good-annex)"}},
        {"missing_required_field.json",
         {"/provenance: missing required property 'method'", "/mappings/0: missing required property 'relationship'"}},
        {"wrong_format.json", {"/format: must be \"crosswalk-pack/1\", found \"crosswalk-pack/2\""}},
        {"bad_date.json",
         {"/provenance/date: \"28/11/2026\" does not match the pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
          "/mappings/0/provenance/date: \"2026-1-1\" does not match the pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}},
    };
    return expected;
}

TEST_F(ImportPackCli, EveryBadPackIsRefusedLineByLineAndTheWorkspaceFileIsUntouched) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    ASSERT_EQ(files.size(), expectedProblems().size()) << "every file in the corpus needs its expected problems";

    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const auto it = expectedProblems().find(file.filename().string());
        ASSERT_NE(it, expectedProblems().end()) << "no expectation for " << file;

        const std::string before = workspaceHash();
        const auto r = crosswalk("import-pack " + shellQuote(file.string()));
        EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
        EXPECT_EQ(r.out, "");
        Lines expected;
        for (const auto& line : it->second) expected.push_back("crosswalk: " + file.string() + ": " + line);
        EXPECT_EQ(splitLines(r.err), expected);
        EXPECT_EQ(workspaceHash(), before);
    }

    // Nothing of any of them reached the workspace.
    const auto packs = crosswalk("packs --json");
    ASSERT_EQ(packs.exitCode, 0) << packs.err;
    EXPECT_EQ(json::parse(packs.out).at("packs").as_array().size(), 0u);
}

TEST_F(ImportPackCli, AGoodPackChangesTheFileOnceAndAgainIsANoOp) {
    const fs::path good = test::sourceDir() / "tests" / "crosswalk" / "packs" / "good.json";
    const std::string empty = workspaceHash();

    const auto added = crosswalk("import-pack " + shellQuote(good.string()));
    ASSERT_EQ(added.exitCode, 0) << added.err;
    EXPECT_EQ(added.out, "Pack test-good-to-annex 1.0.0: added, 2 mappings\n");
    EXPECT_EQ(added.err, "");
    const std::string withPack = workspaceHash();
    EXPECT_NE(withPack, empty);  // the check above can fail

    const auto again = crosswalk("import-pack --json " + shellQuote(good.string()));
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const json::value v = json::parse(again.out);
    EXPECT_EQ(v.at("action").as_string(), "unchanged");
    EXPECT_EQ(v.at("previous_version").as_string(), "1.0.0");
    EXPECT_EQ(v.at("mappings").as_int64(), 2);
    EXPECT_EQ(workspaceHash(), withPack);

    const auto packs = crosswalk("packs --json");
    ASSERT_EQ(packs.exitCode, 0) << packs.err;
    const json::value listed = json::parse(packs.out);
    const auto& list = listed.at("packs").as_array();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].at("id").as_string(), "test-good-to-annex");
    EXPECT_EQ(list[0].at("file").as_string(), good.string());
    EXPECT_EQ(list[0].at("sha256").as_string(),
              sha256Hex(boost::json::serialize(boost::json::parse(test::readFile(good)))));
}

TEST_F(ImportPackCli, AMissingFileOrWorkspaceIsAOneLineError) {
    const auto noFile = crosswalk("import-pack " + shellQuote((m_dir / "nope.json").string()));
    EXPECT_EQ(noFile.exitCode, 2);
    EXPECT_EQ(noFile.err, "crosswalk: " + (m_dir / "nope.json").string() + ": cannot open for reading\n");

    const fs::path good = test::sourceDir() / "tests" / "crosswalk" / "packs" / "good.json";
    const fs::path elsewhere = m_dir / "none" / "w.db";
    const auto noWorkspace =
        test::run("env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH " + shellQuote(CW_CLI) + " --db " +
                  shellQuote(elsewhere.string()) + " --no-default-plugins import-pack " + shellQuote(good.string()));
    EXPECT_EQ(noWorkspace.exitCode, 2);
    EXPECT_NE(noWorkspace.err.find("no workspace here"), std::string::npos) << noWorkspace.err;
    EXPECT_EQ(std::count(noWorkspace.err.begin(), noWorkspace.err.end(), '\n'), 1);
    EXPECT_FALSE(fs::exists(elsewhere));
}

}  // namespace
}  // namespace cw
