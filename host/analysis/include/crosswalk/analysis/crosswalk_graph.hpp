/**
 * @file crosswalk_graph.hpp
 * @brief Set-relation inference over mappings and the analyses built on it (DESIGN.md §4–§5).
 *
 * Pure computation over an in-memory graph: no SQLite, no plugins. The
 * workspace fills a GraphData; tests may build one by hand.
 */
#pragma once

#include <crosswalk/model/graph_data.hpp>
#include <crosswalk/model/hub.hpp>
#include <crosswalk/model/model.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cw {

/// The relation of B to A when A relates to B by `r` (subset-of ↔ superset-of).
Relationship inverse(Relationship r) noexcept;

/**
 * @brief Composes A→B (r1) with B→C (r2): the strongest relation guaranteed for A→C.
 *
 * nullopt means "unknown": the two are only possibly related. no-relationship
 * composes to nullopt as well (it is never traversed).
 */
std::optional<Relationship> compose(Relationship r1, Relationship r2) noexcept;

/// One hop of an explanation.
struct PathStep {
    std::string from;                                          ///< full ref
    std::string to;                                            ///< full ref
    Relationship relationship = Relationship::IntersectsWith;  ///< of `from` to `to`
    double confidence = 1.0;
    std::string pack;
    bool reversed = false;  ///< true when the pack maps `to` → `from` and the relation was inverted
};

/// A control related to the one asked about.
struct Related {
    std::string control;  ///< full ref
    std::string framework;
    std::string title;
    bool assessable = false;
    std::optional<Relationship> relationship;  ///< of the asked control to this one; nullopt: possibly related
    double confidence = 0.0;
    bool direct = false;
    std::vector<PathStep> path;
};

struct MapOptions {
    int depth = 2;                ///< maximum hops
    std::string toFramework;      ///< only results in this framework (empty: all)
    bool includePossible = true;  ///< keep "possibly related" results (never counted as coverage)
};

/// How well framework A covers one requirement of framework B.
enum class CoverageLevel { None = 0, Partial = 1, Full = 2 };

/// Coverage A → B counted over B's assessable controls; direct and inferred kept apart.
struct Coverage {
    std::string from;             ///< A
    std::string to;               ///< B
    std::int64_t total = 0;       ///< assessable controls of B
    std::int64_t directFull = 0;  ///< via direct mappings only
    std::int64_t directPartial = 0;
    std::int64_t full = 0;  ///< direct or inferred
    std::int64_t partial = 0;
    std::int64_t none = 0;
    std::int64_t possiblyRelated = 0;  ///< among `none`: only a possibly-related link

    [[nodiscard]] double fullShare() const noexcept { return total ? double(full) / double(total) : 0.0; }
    [[nodiscard]] double anyShare() const noexcept { return total ? double(full + partial) / double(total) : 0.0; }
};

/// The state of one requirement of the added framework in a marginal-cost question.
struct MarginalItem {
    std::string control;
    std::string title;
    CoverageLevel level = CoverageLevel::None;
    std::string coveredBy;  ///< best covering control (full ref), empty when none
};

struct Marginal {
    std::vector<std::string> have;
    std::string add;
    std::int64_t total = 0;
    std::int64_t full = 0;
    std::int64_t partial = 0;
    std::int64_t none = 0;
    std::vector<MarginalItem> items;  ///< every assessable requirement of `add`, catalog order
};

/// A set of frameworks and how many hub requirements all of them (and no other) touch.
struct SharedSet {
    std::vector<std::string> frameworks;
    std::int64_t requirements = 0;
};

/// Quality figures of one pack.
struct PackQuality {
    std::string pack;
    std::string source;
    std::string target;
    std::int64_t mappings = 0;
    std::map<std::string, std::int64_t> relationships;  ///< relationship name → count
    double rationaleFill = 0;                           ///< share of mappings with a rationale
    double strengthFill = 0;
    double confidenceFill = 0;
    std::int64_t sourceAssessable = 0;
    std::int64_t sourceMapped = 0;  ///< assessable source controls with at least one mapping
    std::int64_t targetAssessable = 0;
    std::int64_t targetMapped = 0;
    std::vector<std::string> unmappedSource;  ///< assessable, full refs
    std::vector<std::string> unmappedTarget;
    double fanOut = 0;  ///< mappings per mapped source
    double fanIn = 0;   ///< mappings per mapped target
};

/// The mapping graph with inference and analyses.
class CrosswalkGraph {
public:
    explicit CrosswalkGraph(GraphData data);

    [[nodiscard]] const GraphData& data() const noexcept { return m_data; }
    /// Index of a control by full ref, or nullopt.
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view fullRef) const;

    /// Direct and inferred relations of one control, best first: set relations before
    /// "possibly related", then direct before inferred (a direct mapping is what a person
    /// stated, so it stands even where a path would guarantee more), then the stronger
    /// relation, then the higher confidence. One result per related control.
    [[nodiscard]] std::vector<Related> related(std::uint32_t control, const MapOptions& options) const;

    /// The frameworks that have mappings, in the order the overlap is shown: `hub` first, then
    /// the most connected (mapping ends), then catalog order; the matrix reads from the centre out.
    [[nodiscard]] std::vector<std::string> frameworksByConnection(std::string_view hub = kHubFramework) const;

    /// Coverage of every framework's assessable controls by every other framework.
    /// Result[i][j]: frameworks[i] covering frameworks[j] (i == j left empty).
    [[nodiscard]] std::vector<std::vector<Coverage>> overlap(const std::vector<std::string>& frameworks,
                                                             int depth) const;

    /// What is left to do for `add` when every framework in `have` is already held.
    [[nodiscard]] Marginal marginal(const std::vector<std::string>& have, const std::string& add, int depth) const;

    /// Hub requirements grouped by the exact set of frameworks directly mapped to them.
    [[nodiscard]] std::vector<SharedSet> sharedSets(const std::string& hub,
                                                    const std::vector<std::string>& frameworks) const;

    /// Quality figures of every pack.
    [[nodiscard]] std::vector<PackQuality> quality(const std::vector<PackFill>& fills) const;

private:
    struct Arc {
        std::uint32_t to;
        std::uint32_t framework;  ///< of `to`, kept here so the hot loops touch one cache line
        std::uint32_t mapping;
        Relationship relationship;  ///< of the arc's origin to `to`
        bool reversed;
        double confidence;
    };
    struct Best {
        CoverageLevel direct = CoverageLevel::None;
        CoverageLevel any = CoverageLevel::None;
        bool possible = false;
        std::uint32_t by = UINT32_MAX;
    };
    // What a well-connected node contributes when a path reaches it on its last hop with a
    // given relation so far: the best per framework over its arcs (worker-local cache).
    struct LastHop {
        std::uint32_t framework;
        CoverageLevel level;
        bool possible;
        std::uint32_t by;
    };
    using LastHopCache = std::unordered_map<std::uint64_t, std::vector<LastHop>>;
    // One worker's reusable state for coverageOf().
    struct Scratch {
        LastHopCache lastHop;
        std::vector<std::uint8_t> seen;  ///< per node, a bit per relation reached (depth >= 3)
        std::vector<std::uint32_t> touched;
        std::vector<std::pair<std::uint32_t, std::uint8_t>> frontier;
        std::vector<std::pair<std::uint32_t, std::uint8_t>> next;
    };
    const std::vector<LastHop>& lastHop(std::uint32_t node, std::uint8_t relSoFar, LastHopCache& cache) const;
    // For one control, the best coverage each framework gives it (index by framework).
    void coverageOf(std::uint32_t control, int depth, std::vector<Best>& best, Scratch& scratch) const;
    // Adds the coverage of controls [begin, end) to `matrix` (one worker's share of overlap()).
    void overlapRange(std::uint32_t begin, std::uint32_t end, int depth, const std::vector<std::int64_t>& column,
                      const std::vector<std::int64_t>& indexOf, std::vector<std::vector<Coverage>>& matrix) const;
    std::string fullRef(std::uint32_t control) const;

    GraphData m_data;
    std::vector<std::vector<Arc>> m_arcs;
    std::vector<std::uint32_t> m_frameworkOf;  ///< control → index into m_data.frameworks
    std::map<std::string, std::uint32_t, std::less<>> m_index;
};

std::string_view toString(CoverageLevel level) noexcept;

}  // namespace cw
