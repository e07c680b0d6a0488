// Set-relation inference and the analyses on a hand-made graph whose answers are
// worked out by hand below (DESIGN.md §4–§5). No SQLite, no plugins.
#include <crosswalk/analysis/crosswalk_graph.hpp>

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace cw {
namespace {

using R = Relationship;
constexpr std::array<R, 5> kAll{R::Equal, R::SubsetOf, R::SupersetOf, R::IntersectsWith, R::NoRelationship};

// ---------------------------------------------------------------------------------------------
// compose() and inverse()
// ---------------------------------------------------------------------------------------------

// DESIGN.md §4, written out: row r1 (A→B), column r2 (B→C). nullopt is "unknown";
// no-relationship is never traversed, so its row and column are unknown too.
const std::optional<R> kTable[5][5] = {
    //            equal              subset-of          superset-of        intersects-with        no-relationship
    /* equal */ {R::Equal, R::SubsetOf, R::SupersetOf, R::IntersectsWith, std::nullopt},
    /* subset */ {R::SubsetOf, R::SubsetOf, std::nullopt, std::nullopt, std::nullopt},
    /* superset */ {R::SupersetOf, R::IntersectsWith, R::SupersetOf, R::IntersectsWith, std::nullopt},
    /* intersects */ {R::IntersectsWith, R::IntersectsWith, std::nullopt, std::nullopt, std::nullopt},
    /* none */ {std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
};

std::string name(const std::optional<R>& r) {
    return r ? std::string(toString(*r)) : std::string("unknown");
}

TEST(Compose, EveryPairMatchesTheDesignTable) {
    int checked = 0;
    for (std::size_t i = 0; i < kAll.size(); ++i) {
        for (std::size_t j = 0; j < kAll.size(); ++j) {
            EXPECT_EQ(compose(kAll[i], kAll[j]), kTable[i][j])
                << toString(kAll[i]) << " then " << toString(kAll[j]) << ": got " << name(compose(kAll[i], kAll[j]))
                << ", table says " << name(kTable[i][j]);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 25);
}

TEST(Compose, InverseSwapsSubsetAndSupersetOnly) {
    EXPECT_EQ(inverse(R::Equal), R::Equal);
    EXPECT_EQ(inverse(R::SubsetOf), R::SupersetOf);
    EXPECT_EQ(inverse(R::SupersetOf), R::SubsetOf);
    EXPECT_EQ(inverse(R::IntersectsWith), R::IntersectsWith);
    EXPECT_EQ(inverse(R::NoRelationship), R::NoRelationship);
    for (const R r : kAll) EXPECT_EQ(inverse(inverse(r)), r);
}

// Reading the path C→B→A must give the inverse of A→B→C.
TEST(Compose, ReadingAPathBackwardsGivesTheInverse) {
    for (const R r1 : kAll) {
        for (const R r2 : kAll) {
            const auto forward = compose(r1, r2);
            const auto backward = compose(inverse(r2), inverse(r1));
            ASSERT_EQ(forward.has_value(), backward.has_value()) << toString(r1) << " " << toString(r2);
            if (forward) {
                EXPECT_EQ(inverse(*forward), *backward) << toString(r1) << " " << toString(r2);
            }
        }
    }
}

// The table from first principles: over every triple of non-empty subsets of a small
// universe, the entry must hold for all triples (sound) and nothing stronger may (tight).
// Relations are read as "at least": subset-of is ⊆, intersects-with is a non-empty
// intersection; that is the reading under which the table is "the strongest guaranteed".
TEST(Compose, TheTableIsSoundAndTightOverSmallSets) {
    constexpr unsigned kUniverse = 4;
    auto holds = [](R r, unsigned a, unsigned b) {
        switch (r) {
            case R::Equal:
                return a == b;
            case R::SubsetOf:
                return (a & ~b) == 0;
            case R::SupersetOf:
                return (b & ~a) == 0;
            case R::IntersectsWith:
                return (a & b) != 0;
            case R::NoRelationship:
                return (a & b) == 0;
        }
        return false;
    };
    const std::array<R, 4> strongestFirst{R::Equal, R::SubsetOf, R::SupersetOf, R::IntersectsWith};
    for (std::size_t i = 0; i < 4; ++i) {
        for (std::size_t j = 0; j < 4; ++j) {
            std::array<bool, 4> always{true, true, true, true};
            for (unsigned a = 1; a < (1u << kUniverse); ++a) {
                for (unsigned b = 1; b < (1u << kUniverse); ++b) {
                    if (!holds(kAll[i], a, b)) continue;
                    for (unsigned c = 1; c < (1u << kUniverse); ++c) {
                        if (!holds(kAll[j], b, c)) continue;
                        for (std::size_t k = 0; k < 4; ++k) always[k] = always[k] && holds(strongestFirst[k], a, c);
                    }
                }
            }
            std::optional<R> strongest;
            for (std::size_t k = 0; k < 4 && !strongest; ++k) {
                if (always[k]) strongest = strongestFirst[k];
            }
            EXPECT_EQ(compose(kAll[i], kAll[j]), strongest)
                << toString(kAll[i]) << " then " << toString(kAll[j]) << ": sets guarantee " << name(strongest);
        }
    }
}

TEST(Compose, DefaultConfidenceByMethod) {
    EXPECT_DOUBLE_EQ(defaultConfidence(Method::Official), 0.9);
    EXPECT_DOUBLE_EQ(defaultConfidence(Method::Authored), 0.8);
    EXPECT_DOUBLE_EQ(defaultConfidence(Method::Derived), 0.7);
    EXPECT_DOUBLE_EQ(defaultConfidence(Method::Inferred), 0.5);
}

// ---------------------------------------------------------------------------------------------
// The hand-made graph
// ---------------------------------------------------------------------------------------------
//
// Frameworks h (the hub), a, b, c. Controls (index: ref, * = assessable):
//   0 h:H1*  1 h:H2*  2 h:H3*  3 h:H4
//   4 a:A1*  5 a:A2*  6 a:A3*  7 a:A4
//   8 b:B1*  9 b:B2* 10 b:B3*
//  11 c:C1* 12 c:C2*
// Mappings (source relationship target, confidence after folding strength, pack):
//   m0 A1 equal H1            0.9            a-to-h
//   m1 A2 subset-of H2        1.0 × 8/10     a-to-h
//   m2 A3 intersects-with H3  0.5            a-to-h
//   m3 A4 equal H2            1.0            a-to-h   (A4 is in a: never a result for a's controls)
//   m4 B1 subset-of H1        0.6            b-to-h
//   m5 B2 superset-of H2      0.5            b-to-h
//   m6 C1 no-relationship H1  1.0            c-to-h   (never traversed)
//   m7 C2 intersects-with H3  0.7            c-to-h   (A3 → H3 → C2 composes to unknown)
//   m8 A1 intersects-with B1  0.8 × 5/10     a-to-b   (closes the cycle A1 – H1 – B1)
// B3 and H4 are mapped by nothing.

enum : std::uint32_t { H1, H2, H3, H4, A1, A2, A3, A4, B1, B2, B3, C1, C2 };

constexpr double kM1 = 1.0 * 8 / 10.0;
constexpr double kM8 = 0.8 * 5 / 10.0;

GraphData handMade() {
    GraphData g;
    g.frameworks = {"h", "a", "b", "c"};
    g.controls = {
        {"h", "H1", "Hub one", true},   {"h", "H2", "Hub two", true}, {"h", "H3", "Hub three", true},
        {"h", "H4", "Hub four", false}, {"a", "A1", "A one", true},   {"a", "A2", "A two", true},
        {"a", "A3", "A three", true},   {"a", "A4", "A four", false}, {"b", "B1", "B one", true},
        {"b", "B2", "B two", true},     {"b", "B3", "B three", true}, {"c", "C1", "C one", true},
        {"c", "C2", "C two", true},
    };
    g.packs = {"a-to-h", "b-to-h", "c-to-h", "a-to-b"};
    g.mappings = {
        {A1, H1, R::Equal, 0.9, 0},          {A2, H2, R::SubsetOf, kM1, 0},       {A3, H3, R::IntersectsWith, 0.5, 0},
        {A4, H2, R::Equal, 1.0, 0},          {B1, H1, R::SubsetOf, 0.6, 1},       {B2, H2, R::SupersetOf, 0.5, 1},
        {C1, H1, R::NoRelationship, 1.0, 2}, {C2, H3, R::IntersectsWith, 0.7, 2}, {A1, B1, R::IntersectsWith, kM8, 3},
    };
    return g;
}

// "b:B2 subset-of inferred" and one line per step, for readable diffs.
std::string describe(const Related& r) {
    return r.control + " " + (r.relationship ? std::string(toString(*r.relationship)) : "possibly-related") +
           (r.direct ? " direct" : " inferred");
}
std::vector<std::string> steps(const Related& r) {
    std::vector<std::string> out;
    for (const auto& s : r.path) {
        out.push_back(s.from + " " + std::string(toString(s.relationship)) + " " + s.to + " [" + s.pack + "]" +
                      (s.reversed ? " reversed" : ""));
    }
    return out;
}
std::vector<std::string> describeAll(const std::vector<Related>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs) out.push_back(describe(r));
    return out;
}

class Inference : public ::testing::Test {
protected:
    std::vector<Related> related(std::uint32_t control, int depth = 2, std::string to = {},
                                 bool includePossible = true) const {
        return m_graph.related(control, MapOptions{depth, std::move(to), includePossible});
    }
    CrosswalkGraph m_graph{handMade()};
};

TEST_F(Inference, FindsControlsByFullRef) {
    EXPECT_EQ(m_graph.find("a:A2"), std::optional<std::uint32_t>(A2));
    EXPECT_EQ(m_graph.find("c:C2"), std::optional<std::uint32_t>(C2));
    EXPECT_EQ(m_graph.find("a:A9"), std::nullopt);
    EXPECT_EQ(m_graph.find("A2"), std::nullopt);
}

TEST_F(Inference, SubsetThroughTheHubIsInferredWithItsPathAndConfidenceProduct) {
    const auto rs = related(A2);
    ASSERT_EQ(describeAll(rs), (std::vector<std::string>{"h:H2 subset-of direct", "b:B2 subset-of inferred"}));

    EXPECT_EQ(rs[0].framework, "h");
    EXPECT_EQ(rs[0].title, "Hub two");
    EXPECT_TRUE(rs[0].assessable);
    EXPECT_DOUBLE_EQ(rs[0].confidence, kM1);
    EXPECT_EQ(steps(rs[0]), (std::vector<std::string>{"a:A2 subset-of h:H2 [a-to-h]"}));

    // A2 ⊆ H2 and B2 ⊇ H2 (read in reverse: H2 ⊆ B2) give A2 ⊆ B2.
    EXPECT_EQ(rs[1].framework, "b");
    EXPECT_DOUBLE_EQ(rs[1].confidence, kM1 * 0.5);
    EXPECT_EQ(steps(rs[1]),
              (std::vector<std::string>{"a:A2 subset-of h:H2 [a-to-h]", "h:H2 subset-of b:B2 [b-to-h] reversed"}));
    ASSERT_EQ(rs[1].path.size(), 2u);
    EXPECT_DOUBLE_EQ(rs[1].path[0].confidence, kM1);
    EXPECT_DOUBLE_EQ(rs[1].path[1].confidence, 0.5);
    EXPECT_FALSE(rs[1].path[0].reversed);
    EXPECT_TRUE(rs[1].path[1].reversed);
}

TEST_F(Inference, ControlsOfTheStartsOwnFrameworkAreNeverResults) {
    // A4 equals H2, so A2 ⊆ A4 by inference, but both are in framework a.
    for (const std::uint32_t start : {A1, A2, A3}) {
        for (const auto& r : related(start, 4)) EXPECT_NE(r.framework, "a") << describe(r);
    }
    for (const auto& r : related(H2)) EXPECT_NE(r.framework, "h") << describe(r);
    // From the hub, A2 and A4 are both results (other framework).
    // Equal first; superset-of and subset-of rank alike, so the higher confidence (0.8 over 0.5) leads.
    EXPECT_EQ(describeAll(related(H2)),
              (std::vector<std::string>{"a:A4 equal direct", "a:A2 superset-of direct", "b:B2 subset-of direct"}));
}

TEST_F(Inference, DepthBoundsTheHops) {
    EXPECT_EQ(describeAll(related(A2, 1)), (std::vector<std::string>{"h:H2 subset-of direct"}));
    EXPECT_EQ(describeAll(related(A2, 2)),
              (std::vector<std::string>{"h:H2 subset-of direct", "b:B2 subset-of inferred"}));
    EXPECT_EQ(describeAll(related(A3, 1)), (std::vector<std::string>{"h:H3 intersects-with direct"}));
    for (const auto& r : related(A2, 1)) EXPECT_EQ(r.path.size(), 1u);
    for (const auto& r : related(A2, 2)) EXPECT_LE(r.path.size(), 2u);
}

TEST_F(Inference, ToFrameworkKeepsOnlyThatFramework) {
    EXPECT_EQ(describeAll(related(A2, 2, "b")), (std::vector<std::string>{"b:B2 subset-of inferred"}));
    EXPECT_EQ(describeAll(related(A2, 2, "h")), (std::vector<std::string>{"h:H2 subset-of direct"}));
    EXPECT_TRUE(related(A2, 2, "c").empty());
    EXPECT_TRUE(related(A2, 1, "b").empty());
}

TEST_F(Inference, AnUnknownCompositionIsOnlyPossiblyRelatedAndListedLast) {
    const auto rs = related(A3);
    ASSERT_EQ(describeAll(rs),
              (std::vector<std::string>{"h:H3 intersects-with direct", "c:C2 possibly-related inferred"}));
    EXPECT_EQ(rs[1].relationship, std::nullopt);
    EXPECT_DOUBLE_EQ(rs[1].confidence, 0.5 * 0.7);
    EXPECT_EQ(steps(rs[1]), (std::vector<std::string>{"a:A3 intersects-with h:H3 [a-to-h]",
                                                      "h:H3 intersects-with c:C2 [c-to-h] reversed"}));
    // Kept apart on request; and a path stops where it became unknown (depth 4 reaches nothing more).
    EXPECT_EQ(describeAll(related(A3, 2, {}, false)), (std::vector<std::string>{"h:H3 intersects-with direct"}));
    EXPECT_EQ(describeAll(related(A3, 4)), describeAll(rs));
}

TEST_F(Inference, ACycleTerminatesAndADirectMappingIsAuthoritative) {
    // B1 ⊆ H1 = A1 would infer B1 ⊆ A1 (0.6 × 0.9), but the direct a-to-b edge says intersects.
    const auto rs = related(B1, 4);
    ASSERT_EQ(describeAll(rs), (std::vector<std::string>{"h:H1 subset-of direct", "a:A1 intersects-with direct"}));
    EXPECT_DOUBLE_EQ(rs[0].confidence, 0.6);
    EXPECT_DOUBLE_EQ(rs[1].confidence, kM8);
    EXPECT_EQ(steps(rs[1]), (std::vector<std::string>{"b:B1 intersects-with a:A1 [a-to-b] reversed"}));

    const auto fromA1 = related(A1, 4);
    ASSERT_EQ(describeAll(fromA1), (std::vector<std::string>{"h:H1 equal direct", "b:B1 intersects-with direct"}));
    EXPECT_DOUBLE_EQ(fromA1[0].confidence, 0.9);
    EXPECT_EQ(steps(fromA1[1]), (std::vector<std::string>{"a:A1 intersects-with b:B1 [a-to-b]"}));
}

TEST_F(Inference, ResultsAreOrderedStrongestFirst) {
    // Equal before superset-of, both direct.
    const auto rs = related(H1);
    EXPECT_EQ(describeAll(rs), (std::vector<std::string>{"a:A1 equal direct", "b:B1 superset-of direct"}));
}

TEST_F(Inference, NoRelationshipIsNeverTraversed) {
    EXPECT_TRUE(related(C1, 4).empty());
    for (const auto& r : related(H1, 4)) EXPECT_NE(r.control, "c:C1");
}

// ---------------------------------------------------------------------------------------------
// Coverage, marginal cost, shared sets, quality
// ---------------------------------------------------------------------------------------------

struct Cell {
    std::int64_t total, directFull, directPartial, full, partial, none, possiblyRelated;
    bool operator==(const Cell&) const = default;
};
std::ostream& operator<<(std::ostream& out, const Cell& c) {
    return out << "{total " << c.total << ", dF " << c.directFull << ", dP " << c.directPartial << ", F " << c.full
               << ", P " << c.partial << ", N " << c.none << ", poss " << c.possiblyRelated << "}";
}
Cell cell(const Coverage& c) {
    return {c.total, c.directFull, c.directPartial, c.full, c.partial, c.none, c.possiblyRelated};
}

TEST_F(Inference, OverlapCountsEveryCellAsWorkedOutByHand) {
    const std::vector<std::string> fw{"h", "a", "b", "c"};
    const auto m = m_graph.overlap(fw, 2);
    ASSERT_EQ(m.size(), 4u);
    // expected[i][j]: fw[i] covering fw[j]'s assessable controls.
    const Cell expected[4][4] = {
        // h covers:   h                        a                       b                       c
        {{}, {3, 2, 1, 2, 1, 0, 0}, {3, 1, 1, 1, 1, 1, 0}, {2, 0, 1, 0, 1, 1, 0}},
        // a covers: B1 is direct-partial yet fully covered through H1; C2 only possibly related.
        {{3, 2, 1, 2, 1, 0, 0}, {}, {3, 0, 1, 1, 1, 1, 0}, {2, 0, 0, 0, 0, 2, 1}},
        // b covers: A2 fully by inference only (A2 ⊆ H2 ⊆ B2); A3 not at all.
        {{3, 1, 1, 1, 1, 1, 0}, {3, 0, 1, 1, 1, 1, 0}, {}, {2, 0, 0, 0, 0, 2, 0}},
        // c covers: A3 is possibly related (via H3), never counted as coverage.
        {{3, 0, 1, 0, 1, 2, 0}, {3, 0, 0, 0, 0, 3, 1}, {3, 0, 0, 0, 0, 3, 0}, {}},
    };
    for (std::size_t i = 0; i < 4; ++i) {
        ASSERT_EQ(m[i].size(), 4u);
        for (std::size_t j = 0; j < 4; ++j) {
            EXPECT_EQ(m[i][j].from, fw[i]);
            EXPECT_EQ(m[i][j].to, fw[j]);
            EXPECT_EQ(cell(m[i][j]), expected[i][j]) << fw[i] << " covering " << fw[j];
            // Every requirement lands in exactly one bucket; direct never exceeds direct-or-inferred.
            EXPECT_EQ(m[i][j].full + m[i][j].partial + m[i][j].none, m[i][j].total);
            EXPECT_LE(m[i][j].directFull, m[i][j].full);
            EXPECT_LE(m[i][j].possiblyRelated, m[i][j].none);
        }
    }
    EXPECT_DOUBLE_EQ(m[1][0].fullShare(), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(m[1][0].anyShare(), 1.0);
    EXPECT_DOUBLE_EQ(m[0][3].anyShare(), 0.5);
    EXPECT_DOUBLE_EQ(m[0][0].fullShare(), 0.0);  // empty diagonal cell: no division by zero
}

TEST_F(Inference, OverlapAtDepthOneIsDirectOnly) {
    const std::vector<std::string> fw{"a", "b", "c"};
    const auto m = m_graph.overlap(fw, 1);
    EXPECT_EQ(cell(m[0][1]), (Cell{3, 0, 1, 0, 1, 2, 0}));  // a → b: only B1, partly
    EXPECT_EQ(cell(m[1][0]), (Cell{3, 0, 1, 0, 1, 2, 0}));  // b → a: only A1, partly
    EXPECT_EQ(cell(m[0][2]), (Cell{2, 0, 0, 0, 0, 2, 0}));  // no two-hop "possibly related" either
    EXPECT_EQ(cell(m[2][0]), (Cell{3, 0, 0, 0, 0, 3, 0}));
}

TEST_F(Inference, OverlapWithAFrameworkTheGraphDoesNotKnow) {
    const auto m = m_graph.overlap({"a", "zz"}, 2);
    EXPECT_EQ(cell(m[0][1]), (Cell{0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(cell(m[1][0]), (Cell{3, 0, 0, 0, 0, 3, 0}));
}

std::vector<std::string> items(const Marginal& m) {
    std::vector<std::string> out;
    for (const auto& i : m.items) out.push_back(i.control + " " + std::string(toString(i.level)) + " " + i.coveredBy);
    return out;
}

TEST_F(Inference, MarginalCountsWhatIsLeftAndWhoCoversTheRest) {
    const Marginal fromHub = m_graph.marginal({"h"}, "b", 2);
    EXPECT_EQ(fromHub.add, "b");
    EXPECT_EQ(fromHub.have, (std::vector<std::string>{"h"}));
    EXPECT_EQ(fromHub.total, 3);
    EXPECT_EQ(fromHub.full, 1);
    EXPECT_EQ(fromHub.partial, 1);
    EXPECT_EQ(fromHub.none, 1);
    EXPECT_EQ(items(fromHub), (std::vector<std::string>{"b:B1 full h:H1", "b:B2 partial h:H2", "b:B3 none "}));
    EXPECT_EQ(fromHub.items[0].title, "B one");

    // Through inference: B1 ⊆ H1 = A1.
    EXPECT_EQ(items(m_graph.marginal({"a"}, "b", 2)),
              (std::vector<std::string>{"b:B1 full a:A1", "b:B2 partial a:A2", "b:B3 none "}));
    EXPECT_EQ(items(m_graph.marginal({"a"}, "b", 1)),
              (std::vector<std::string>{"b:B1 partial a:A1", "b:B2 none ", "b:B3 none "}));

    // Possibly related (C2 from a) is not coverage; the hub's partial is.
    const Marginal toC = m_graph.marginal({"h", "a"}, "c", 2);
    EXPECT_EQ(items(toC), (std::vector<std::string>{"c:C1 none ", "c:C2 partial h:H3"}));
    EXPECT_EQ(toC.total, 2);
    EXPECT_EQ(toC.full, 0);
    EXPECT_EQ(toC.partial, 1);
    EXPECT_EQ(toC.none, 1);

    // Several held: the first framework to reach the best level names the coverer.
    const Marginal toHub = m_graph.marginal({"a", "b"}, "h", 2);
    EXPECT_EQ(items(toHub), (std::vector<std::string>{"h:H1 full a:A1", "h:H2 full a:A4", "h:H3 partial a:A3"}));
    EXPECT_EQ(toHub.full, 2);
    EXPECT_EQ(toHub.partial, 1);
    EXPECT_EQ(toHub.none, 0);

    // Held frameworks the graph does not know add nothing.
    const Marginal unknown = m_graph.marginal({"zz"}, "c", 2);
    EXPECT_EQ(unknown.none, 2);
}

std::vector<std::string> sets(const std::vector<SharedSet>& ss) {
    std::vector<std::string> out;
    for (const auto& s : ss) {
        std::string names;
        for (const auto& f : s.frameworks) names += (names.empty() ? "" : "+") + f;
        out.push_back(names + "=" + std::to_string(s.requirements));
    }
    return out;
}

TEST_F(Inference, SharedSetsGroupHubRequirementsByTheFrameworksMappedToThem) {
    // H1: A1, B1 (C1 says no-relationship); H2: A2, A4, B2; H3: A3, C2. H4 is not assessable.
    EXPECT_EQ(sets(m_graph.sharedSets("h", {"a", "b", "c"})), (std::vector<std::string>{"a+b+h=2", "a+c+h=1"}));
    EXPECT_EQ(sets(m_graph.sharedSets("h", {})), (std::vector<std::string>{"a+b+h=2", "a+c+h=1"}));
    EXPECT_EQ(sets(m_graph.sharedSets("h", {"b"})), (std::vector<std::string>{"b+h=2", "h=1"}));
    EXPECT_EQ(sets(m_graph.sharedSets("h", {"c"})), (std::vector<std::string>{"c+h=1", "h=2"}));
    EXPECT_TRUE(m_graph.sharedSets("zz", {}).empty());
}

TEST_F(Inference, QualityFiguresPerPack) {
    const std::vector<PackFill> fills{
        {"a-to-h", "a", "h", 3, 2, 4}, {"b-to-h", "b", "h", 2, 2, 2},     {"c-to-h", "c", "h", 0, 0, 0},
        {"a-to-b", "a", "b", 1, 1, 1}, {"not-loaded", "a", "c", 0, 0, 0},
    };
    const auto q = m_graph.quality(fills);
    ASSERT_EQ(q.size(), 5u);
    using Mix = std::map<std::string, std::int64_t>;
    using Refs = std::vector<std::string>;

    EXPECT_EQ(q[0].pack, "a-to-h");
    EXPECT_EQ(q[0].source, "a");
    EXPECT_EQ(q[0].target, "h");
    EXPECT_EQ(q[0].mappings, 4);
    EXPECT_EQ(q[0].relationships, (Mix{{"equal", 2}, {"subset-of", 1}, {"intersects-with", 1}}));
    EXPECT_DOUBLE_EQ(q[0].rationaleFill, 0.75);
    EXPECT_DOUBLE_EQ(q[0].strengthFill, 0.5);
    EXPECT_DOUBLE_EQ(q[0].confidenceFill, 1.0);
    EXPECT_EQ(q[0].sourceAssessable, 3);  // A4 is not assessable
    EXPECT_EQ(q[0].sourceMapped, 3);
    EXPECT_EQ(q[0].targetAssessable, 3);
    EXPECT_EQ(q[0].targetMapped, 3);
    EXPECT_TRUE(q[0].unmappedSource.empty());
    EXPECT_TRUE(q[0].unmappedTarget.empty());
    EXPECT_DOUBLE_EQ(q[0].fanOut, 1.0);       // 4 mappings over A1, A2, A3, A4
    EXPECT_DOUBLE_EQ(q[0].fanIn, 4.0 / 3.0);  // over H1, H2, H2, H3

    EXPECT_EQ(q[1].relationships, (Mix{{"subset-of", 1}, {"superset-of", 1}}));
    EXPECT_EQ(q[1].sourceMapped, 2);
    EXPECT_EQ(q[1].unmappedSource, (Refs{"b:B3"}));
    EXPECT_EQ(q[1].targetMapped, 2);
    EXPECT_EQ(q[1].unmappedTarget, (Refs{"h:H3"}));
    EXPECT_DOUBLE_EQ(q[1].rationaleFill, 1.0);

    // A no-relationship edge counts in the mix and as a reviewed (mapped) pair.
    EXPECT_EQ(q[2].relationships, (Mix{{"no-relationship", 1}, {"intersects-with", 1}}));
    EXPECT_EQ(q[2].sourceAssessable, 2);
    EXPECT_EQ(q[2].sourceMapped, 2);
    EXPECT_EQ(q[2].unmappedTarget, (Refs{"h:H2"}));
    EXPECT_DOUBLE_EQ(q[2].rationaleFill, 0.0);

    EXPECT_EQ(q[3].mappings, 1);
    EXPECT_EQ(q[3].unmappedSource, (Refs{"a:A2", "a:A3"}));
    EXPECT_EQ(q[3].unmappedTarget, (Refs{"b:B2", "b:B3"}));
    EXPECT_DOUBLE_EQ(q[3].fanOut, 1.0);
    EXPECT_DOUBLE_EQ(q[3].fanIn, 1.0);

    // A pack the graph has no mappings for: zero figures, everything unmapped, no division by zero.
    EXPECT_EQ(q[4].mappings, 0);
    EXPECT_TRUE(q[4].relationships.empty());
    EXPECT_DOUBLE_EQ(q[4].fanOut, 0.0);
    EXPECT_DOUBLE_EQ(q[4].rationaleFill, 0.0);
    EXPECT_EQ(q[4].unmappedSource, (Refs{"a:A1", "a:A2", "a:A3"}));
    EXPECT_EQ(q[4].unmappedTarget, (Refs{"c:C1", "c:C2"}));
}

TEST(CoverageLevelNames, AreStable) {
    EXPECT_EQ(toString(CoverageLevel::Full), "full");
    EXPECT_EQ(toString(CoverageLevel::Partial), "partial");
    EXPECT_EQ(toString(CoverageLevel::None), "none");
}

}  // namespace
}  // namespace cw

namespace cw {
namespace {

// A chain a ⊂ b ⊂ c ⊂ d, with a cycle back from d to b: only three hops reach d.
GraphData chain() {
    GraphData g;
    g.frameworks = {"a", "b", "c", "d"};
    g.controls = {{"a", "A1", "a1", true}, {"b", "B1", "b1", true}, {"c", "C1", "c1", true}, {"d", "D1", "d1", true}};
    g.packs = {"p"};
    g.mappings = {{0, 1, Relationship::SubsetOf, 1.0, 0},
                  {1, 2, Relationship::SubsetOf, 1.0, 0},
                  {2, 3, Relationship::SubsetOf, 1.0, 0},
                  {3, 1, Relationship::IntersectsWith, 1.0, 0}};
    return g;
}

TEST(DeepInference, ThreeHopsReachWhatTwoCannotAndTheSearchOverStatesAgreesWithPaths) {
    const CrosswalkGraph graph(chain());
    const auto two = graph.overlap({"a", "d"}, 2);
    const auto three = graph.overlap({"a", "d"}, 3);
    EXPECT_EQ(two[1][0].full, 0);  // d covering a: out of reach at depth 2
    EXPECT_EQ(three[1][0].full, 1);
    EXPECT_EQ(three[1][0].directFull, 0);
    EXPECT_EQ(three[0][1].partial, 1);  // a covers d only partly (d ⊃ a)
    const Marginal m = graph.marginal({"d"}, "a", 3);
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_EQ(m.items[0].level, CoverageLevel::Full);
    EXPECT_EQ(m.items[0].coveredBy, "d:D1");
    // related() walks simple paths: it must agree on the relation the deep search found.
    const auto related = graph.related(*graph.find("a:A1"), {3, "d", true});
    ASSERT_EQ(related.size(), 1u);
    EXPECT_EQ(related[0].relationship, Relationship::SubsetOf);
    EXPECT_EQ(related[0].path.size(), 3u);
    // Depth never lowers coverage.
    for (int depth = 1; depth < 4; ++depth) {
        const auto shallow = graph.overlap({"a", "b", "c", "d"}, depth);
        const auto deep = graph.overlap({"a", "b", "c", "d"}, depth + 1);
        for (std::size_t i = 0; i < 4; ++i) {
            for (std::size_t j = 0; j < 4; ++j) {
                EXPECT_GE(deep[i][j].full, shallow[i][j].full) << depth << " " << i << " " << j;
                EXPECT_GE(deep[i][j].full + deep[i][j].partial, shallow[i][j].full + shallow[i][j].partial);
            }
        }
    }
}

}  // namespace
}  // namespace cw
