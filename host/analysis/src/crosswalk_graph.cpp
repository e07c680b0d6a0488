#include <crosswalk/analysis/crosswalk_graph.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <thread>
#include <unordered_map>

namespace cw {

Relationship inverse(Relationship r) noexcept {
    switch (r) {
        case Relationship::SubsetOf:
            return Relationship::SupersetOf;
        case Relationship::SupersetOf:
            return Relationship::SubsetOf;
        default:
            return r;
    }
}

namespace {

// Composing A→B (row) with B→C (column): the strongest relation guaranteed for A→C (DESIGN.md §4),
// indexed by Relationship; kUnknown marks "no set relation, only possibly related".
//   A ⊂ B ⊂ C gives A ⊂ C; A ⊂ B ⊃ C or A ⊂ B ∩ C guarantee nothing.
//   A ⊃ B: whatever B shares with C, A shares too.
//   A ∩ B ≠ ∅ and B ⊂ C gives A ∩ C ≠ ∅; otherwise unknown.
//   no-relationship is never traversed.
constexpr std::uint8_t kUnknown = 0xff;
constexpr std::uint8_t kComposeTable[5][5] = {
    //        equal  subset  superset  intersects  none
    /* eq  */ {0, 1, 2, 3, kUnknown},
    /* sub */ {1, 1, kUnknown, kUnknown, kUnknown},
    /* sup */ {2, 3, 2, 3, kUnknown},
    /* int */ {3, 3, kUnknown, kUnknown, kUnknown},
    /* no  */ {kUnknown, kUnknown, kUnknown, kUnknown, kUnknown},
};

inline std::uint8_t composeFast(Relationship r1, Relationship r2) noexcept {
    return kComposeTable[static_cast<std::size_t>(r1)][static_cast<std::size_t>(r2)];
}

}  // namespace

std::optional<Relationship> compose(Relationship r1, Relationship r2) noexcept {
    const std::uint8_t r = composeFast(r1, r2);
    if (r == kUnknown) return std::nullopt;
    return static_cast<Relationship>(r);
}

std::string_view toString(CoverageLevel level) noexcept {
    switch (level) {
        case CoverageLevel::Full:
            return "full";
        case CoverageLevel::Partial:
            return "partial";
        case CoverageLevel::None:
            return "none";
    }
    return "none";
}

namespace {

// Ordering of results: set relations by how much they guarantee.
int rank(const std::optional<Relationship>& r) noexcept {
    if (!r) return 1;
    switch (*r) {
        case Relationship::Equal:
            return 4;
        case Relationship::SubsetOf:
        case Relationship::SupersetOf:
            return 3;
        case Relationship::IntersectsWith:
            return 2;
        default:
            return 0;
    }
}

// How well `n` covers `b`, given the relation of b to n.
CoverageLevel levelOf(Relationship bToN) noexcept {
    switch (bToN) {
        case Relationship::Equal:
        case Relationship::SubsetOf:
            return CoverageLevel::Full;
        case Relationship::SupersetOf:
        case Relationship::IntersectsWith:
            return CoverageLevel::Partial;
        default:
            return CoverageLevel::None;
    }
}

}  // namespace

CrosswalkGraph::CrosswalkGraph(GraphData data) : m_data(std::move(data)) {
    std::map<std::string, std::uint32_t, std::less<>> frameworkIndex;
    for (std::uint32_t i = 0; i < m_data.frameworks.size(); ++i) frameworkIndex.emplace(m_data.frameworks[i], i);
    m_frameworkOf.resize(m_data.controls.size());
    for (std::uint32_t i = 0; i < m_data.controls.size(); ++i) {
        const auto& c = m_data.controls[i];
        auto it = frameworkIndex.find(c.framework);
        if (it == frameworkIndex.end()) {
            it = frameworkIndex.emplace(c.framework, static_cast<std::uint32_t>(m_data.frameworks.size())).first;
            m_data.frameworks.push_back(c.framework);
        }
        m_frameworkOf[i] = it->second;
        m_index.emplace(c.framework + ":" + c.ref, i);
    }
    m_arcs.resize(m_data.controls.size());
    for (std::uint32_t i = 0; i < m_data.mappings.size(); ++i) {
        const auto& m = m_data.mappings[i];
        if (m.relationship == Relationship::NoRelationship) continue;  // never traversed
        m_arcs[m.source].push_back({m.target, m_frameworkOf[m.target], i, m.relationship, false, m.confidence});
        m_arcs[m.target].push_back({m.source, m_frameworkOf[m.source], i, inverse(m.relationship), true, m.confidence});
    }
}

std::vector<std::string> CrosswalkGraph::frameworksByConnection(std::string_view hub) const {
    std::map<std::string, std::int64_t, std::less<>> edges;
    for (const auto& m : m_data.mappings) {
        ++edges[m_data.controls[m.source].framework];
        ++edges[m_data.controls[m.target].framework];
    }
    std::vector<std::string> out;
    for (const auto& f : m_data.frameworks) {
        if (edges.contains(f)) out.push_back(f);
    }
    std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
        if ((a == hub) != (b == hub)) return a == hub;
        return edges.find(a)->second > edges.find(b)->second;
    });
    return out;
}

std::optional<std::uint32_t> CrosswalkGraph::find(std::string_view fullRef) const {
    const auto it = m_index.find(fullRef);
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

std::string CrosswalkGraph::fullRef(std::uint32_t control) const {
    const auto& c = m_data.controls[control];
    return c.framework + ":" + c.ref;
}

std::vector<Related> CrosswalkGraph::related(std::uint32_t start, const MapOptions& options) const {
    constexpr int kMaxDepth = 6;
    const int depth = std::clamp(options.depth, 0, kMaxDepth);
    // A path is at most kMaxDepth (node, arc index) pairs: kept inline, never on the heap.
    struct Candidate {
        std::uint8_t relationship = kUnknown;
        bool direct = false;
        std::uint8_t hops = 0;
        double confidence = 0;
        std::array<std::uint32_t, 2 * kMaxDepth> arcs{};
    };
    std::unordered_map<std::uint32_t, Candidate> best;
    best.reserve(256);
    const std::uint32_t startFramework = m_frameworkOf[start];

    std::array<std::uint32_t, kMaxDepth + 1> pathNodes{};
    std::array<std::uint32_t, 2 * kMaxDepth> pathArcs{};
    pathNodes[0] = start;

    auto walk = [&](auto&& self, std::uint32_t node, std::uint8_t relSoFar, double confidence, int hops) -> void {
        if (hops == depth) return;
        const auto& arcs = m_arcs[node];
        for (std::uint32_t a = 0; a < arcs.size(); ++a) {
            const Arc& arc = arcs[a];
            if (std::find(pathNodes.begin(), pathNodes.begin() + hops + 1, arc.to) != pathNodes.begin() + hops + 1) {
                continue;
            }
            const std::uint8_t rel = hops == 0 ? static_cast<std::uint8_t>(arc.relationship)
                                               : composeFast(static_cast<Relationship>(relSoFar), arc.relationship);
            const double conf = confidence * arc.confidence;
            pathNodes[static_cast<std::size_t>(hops + 1)] = arc.to;
            pathArcs[static_cast<std::size_t>(2 * hops)] = node;
            pathArcs[static_cast<std::size_t>(2 * hops + 1)] = a;
            if (arc.framework != startFramework && (rel != kUnknown || options.includePossible)) {
                const bool direct = hops == 0;
                auto [it, fresh] = best.try_emplace(arc.to);
                Candidate& c = it->second;
                const bool better = [&] {
                    if (fresh) return true;
                    if (direct != c.direct) return direct;  // a direct mapping is authoritative
                    const int newRank = rank(rel == kUnknown ? std::nullopt : std::optional(Relationship(rel)));
                    const int oldRank =
                        rank(c.relationship == kUnknown ? std::nullopt : std::optional(Relationship(c.relationship)));
                    if (newRank != oldRank) return newRank > oldRank;
                    if (conf != c.confidence) return conf > c.confidence;
                    return hops + 1 < c.hops;
                }();
                if (better) {
                    c.relationship = rel;
                    c.direct = direct;
                    c.hops = static_cast<std::uint8_t>(hops + 1);
                    c.confidence = conf;
                    std::copy_n(pathArcs.begin(), 2 * (hops + 1), c.arcs.begin());
                }
            }
            // A path stops where its relation becomes unknown.
            if (rel != kUnknown) self(self, arc.to, rel, conf, hops + 1);
        }
    };
    walk(walk, start, static_cast<std::uint8_t>(Relationship::Equal), 1.0, 0);

    // Order first on plain numbers (best first; ties in catalog order, which is also
    // deterministic), then build the strings once, in that order.
    std::vector<std::pair<std::uint32_t, const Candidate*>> order;
    order.reserve(best.size());
    for (const auto& [node, c] : best) {
        if (!options.toFramework.empty() && m_data.controls[node].framework != options.toFramework) continue;
        order.emplace_back(node, &c);
    }
    auto rankOf = [](const Candidate& c) {
        return rank(c.relationship == kUnknown ? std::nullopt : std::optional(Relationship(c.relationship)));
    };
    std::sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
        const Candidate& a = *x.second;
        const Candidate& b = *y.second;
        const bool aSet = a.relationship != kUnknown;
        const bool bSet = b.relationship != kUnknown;
        if (aSet != bSet) return aSet;
        if (a.direct != b.direct) return a.direct;
        if (rankOf(a) != rankOf(b)) return rankOf(a) > rankOf(b);
        if (a.confidence != b.confidence) return a.confidence > b.confidence;
        return x.first < y.first;
    });
    std::vector<Related> out;
    out.reserve(order.size());
    for (const auto& [node, candidate] : order) {
        const Candidate& c = *candidate;
        const GraphControl& control = m_data.controls[node];
        Related& r = out.emplace_back();
        r.control = fullRef(node);
        r.framework = control.framework;
        r.title = control.title;
        r.assessable = control.assessable;
        if (c.relationship != kUnknown) r.relationship = Relationship(c.relationship);
        r.confidence = c.confidence;
        r.direct = c.direct;
        r.path.reserve(c.hops);
        for (std::size_t i = 0; i < c.hops; ++i) {
            const std::uint32_t from = c.arcs[2 * i];
            const Arc& arc = m_arcs[from][c.arcs[2 * i + 1]];
            r.path.push_back({fullRef(from), fullRef(arc.to), arc.relationship, arc.confidence,
                              m_data.packs[m_data.mappings[arc.mapping].pack], arc.reversed});
        }
    }
    return out;
}

const std::vector<CrosswalkGraph::LastHop>& CrosswalkGraph::lastHop(std::uint32_t node, std::uint8_t relSoFar,
                                                                    LastHopCache& cache) const {
    const std::uint64_t key = (std::uint64_t(node) << 8) | relSoFar;
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    std::unordered_map<std::uint32_t, LastHop> perFramework;
    for (const Arc& arc : m_arcs[node]) {
        const std::uint8_t rel = composeFast(static_cast<Relationship>(relSoFar), arc.relationship);
        auto [it, fresh] =
            perFramework.try_emplace(arc.framework, LastHop{arc.framework, CoverageLevel::None, false, UINT32_MAX});
        LastHop& h = it->second;
        if (rel == kUnknown) {
            h.possible = true;
            continue;
        }
        const CoverageLevel level = levelOf(static_cast<Relationship>(rel));
        if (level > h.level) {
            h.level = level;
            h.by = arc.to;
        }
    }
    std::vector<LastHop> out;
    out.reserve(perFramework.size());
    for (const auto& [framework, h] : perFramework) out.push_back(h);
    return cache.emplace(key, std::move(out)).first->second;
}

void CrosswalkGraph::coverageOf(std::uint32_t control, int depth, std::vector<Best>& best, Scratch& scratch) const {
    // Coverage levels never rise along a walk (composition only keeps or weakens), so it is
    // enough to reach each (node, relation) state once, at its fewest hops: a breadth-first
    // search over states rather than every simple path. Walks that revisit a node are
    // allowed; composition holds along them, so they only ever add true relations. Within
    // two hops the only revisit is the start, which is skipped: the same answer as paths.
    //
    // Nodes with many arcs are summarised per framework on the last hop (cached per worker);
    // the summary may count an arc back to the start, which lands in the start's own
    // framework, which no caller reads.
    constexpr std::size_t kSummariseFrom = 32;
    const int maxDepth = std::min(depth, 7);
    if (maxDepth <= 0) return;
    if (scratch.seen.size() != m_arcs.size()) scratch.seen.assign(m_arcs.size(), 0);
    auto& frontier = scratch.frontier;
    auto& next = scratch.next;
    frontier.assign(1, {control, static_cast<std::uint8_t>(Relationship::Equal)});
    scratch.seen[control] = 1u << static_cast<unsigned>(Relationship::Equal);
    scratch.touched.assign(1, control);
    for (int hops = 0; hops < maxDepth && !frontier.empty(); ++hops) {
        next.clear();
        const bool lastHop = hops + 1 == maxDepth;
        for (const auto& [node, relSoFar] : frontier) {
            if (hops > 0 && lastHop && m_arcs[node].size() >= kSummariseFrom) {
                for (const LastHop& h : this->lastHop(node, relSoFar, scratch.lastHop)) {
                    Best& b = best[h.framework];
                    b.possible = b.possible || h.possible;
                    if (h.level > b.any) {
                        b.any = h.level;
                        b.by = h.by;
                    }
                }
                continue;
            }
            for (const Arc& arc : m_arcs[node]) {
                if (arc.to == control) continue;
                const std::uint8_t rel = hops == 0 ? static_cast<std::uint8_t>(arc.relationship)
                                                   : composeFast(static_cast<Relationship>(relSoFar), arc.relationship);
                Best& b = best[arc.framework];
                if (rel == kUnknown) {
                    b.possible = true;
                    continue;
                }
                const CoverageLevel level = levelOf(static_cast<Relationship>(rel));
                if (hops == 0 && level > b.direct) b.direct = level;
                if (level > b.any) {
                    b.any = level;
                    b.by = arc.to;
                }
                if (lastHop) continue;
                std::uint8_t& seen = scratch.seen[arc.to];
                const auto bit = static_cast<std::uint8_t>(1u << rel);
                if ((seen & bit) == 0) {
                    if (seen == 0) scratch.touched.push_back(arc.to);
                    seen = static_cast<std::uint8_t>(seen | bit);
                    next.emplace_back(arc.to, rel);
                }
            }
        }
        std::swap(frontier, next);
    }
    for (const std::uint32_t n : scratch.touched) scratch.seen[n] = 0;
}

void CrosswalkGraph::overlapRange(std::uint32_t begin, std::uint32_t end, int depth,
                                  const std::vector<std::int64_t>& column, const std::vector<std::int64_t>& indexOf,
                                  std::vector<std::vector<Coverage>>& matrix) const {
    const std::size_t n = matrix.size();
    std::vector<Best> best(m_data.frameworks.size());
    Scratch scratch;
    for (std::uint32_t c = begin; c < end; ++c) {
        if (!m_data.controls[c].assessable) continue;
        const std::int64_t to = column[m_frameworkOf[c]];
        if (to < 0) continue;
        std::fill(best.begin(), best.end(), Best{});
        coverageOf(c, depth, best, scratch);
        for (std::size_t from = 0; from < n; ++from) {
            if (std::int64_t(from) == to) continue;
            Coverage& cell = matrix[from][static_cast<std::size_t>(to)];
            ++cell.total;
            if (indexOf[from] < 0) {
                ++cell.none;
                continue;
            }
            const Best& b = best[static_cast<std::size_t>(indexOf[from])];
            if (b.direct == CoverageLevel::Full) ++cell.directFull;
            if (b.direct == CoverageLevel::Partial) ++cell.directPartial;
            if (b.any == CoverageLevel::Full) {
                ++cell.full;
            } else if (b.any == CoverageLevel::Partial) {
                ++cell.partial;
            } else {
                ++cell.none;
                if (b.possible) ++cell.possiblyRelated;
            }
        }
    }
}

std::vector<std::vector<Coverage>> CrosswalkGraph::overlap(const std::vector<std::string>& frameworks,
                                                           int depth) const {
    const std::size_t n = frameworks.size();
    std::vector<std::int64_t> column(m_data.frameworks.size(), -1);  // framework index → position in `frameworks`
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = std::find(m_data.frameworks.begin(), m_data.frameworks.end(), frameworks[i]);
        if (it != m_data.frameworks.end()) {
            column[static_cast<std::size_t>(it - m_data.frameworks.begin())] = std::int64_t(i);
        }
    }
    std::vector<std::int64_t> indexOf(n, -1);  // position in `frameworks` → framework index
    for (std::size_t i = 0; i < column.size(); ++i) {
        if (column[i] >= 0) indexOf[static_cast<std::size_t>(column[i])] = std::int64_t(i);
    }
    auto emptyMatrix = [&] {
        std::vector<std::vector<Coverage>> m(n, std::vector<Coverage>(n));
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                m[i][j].from = frameworks[i];
                m[i][j].to = frameworks[j];
            }
        }
        return m;
    };
    auto matrix = emptyMatrix();
    const auto controls = static_cast<std::uint32_t>(m_data.controls.size());
    // Every control is independent: share them among the cores when there are enough to pay
    // for a thread, each worker with its own matrix, summed at the end.
    const unsigned workers = controls < 20000 ? 1u : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    if (workers == 1) {
        overlapRange(0, controls, depth, column, indexOf, matrix);
        return matrix;
    }
    std::vector<std::vector<std::vector<Coverage>>> partial(workers - 1, emptyMatrix());
    std::vector<std::thread> threads;
    const std::uint32_t chunk = (controls + workers - 1) / workers;
    for (unsigned w = 1; w < workers; ++w) {
        const std::uint32_t begin = std::min(controls, w * chunk);
        const std::uint32_t end = std::min(controls, begin + chunk);
        threads.emplace_back([&, w, begin, end] { overlapRange(begin, end, depth, column, indexOf, partial[w - 1]); });
    }
    overlapRange(0, std::min(controls, chunk), depth, column, indexOf, matrix);
    for (auto& t : threads) t.join();
    for (const auto& m : partial) {
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                Coverage& cell = matrix[i][j];
                const Coverage& add = m[i][j];
                cell.total += add.total;
                cell.directFull += add.directFull;
                cell.directPartial += add.directPartial;
                cell.full += add.full;
                cell.partial += add.partial;
                cell.none += add.none;
                cell.possiblyRelated += add.possiblyRelated;
            }
        }
    }
    return matrix;
}

Marginal CrosswalkGraph::marginal(const std::vector<std::string>& have, const std::string& add, int depth) const {
    Marginal result;
    result.have = have;
    result.add = add;
    std::vector<std::size_t> held;
    for (const auto& h : have) {
        const auto it = std::find(m_data.frameworks.begin(), m_data.frameworks.end(), h);
        if (it != m_data.frameworks.end()) held.push_back(static_cast<std::size_t>(it - m_data.frameworks.begin()));
    }
    std::vector<Best> best(m_data.frameworks.size());
    Scratch scratch;
    for (std::uint32_t c = 0; c < m_data.controls.size(); ++c) {
        const GraphControl& control = m_data.controls[c];
        if (!control.assessable || control.framework != add) continue;
        std::fill(best.begin(), best.end(), Best{});
        coverageOf(c, depth, best, scratch);
        MarginalItem item{fullRef(c), control.title, CoverageLevel::None, {}};
        for (const std::size_t f : held) {
            if (best[f].any > item.level) {
                item.level = best[f].any;
                item.coveredBy = fullRef(best[f].by);
            }
        }
        ++result.total;
        if (item.level == CoverageLevel::Full) ++result.full;
        if (item.level == CoverageLevel::Partial) ++result.partial;
        if (item.level == CoverageLevel::None) ++result.none;
        result.items.push_back(std::move(item));
    }
    return result;
}

std::vector<SharedSet> CrosswalkGraph::sharedSets(const std::string& hub,
                                                  const std::vector<std::string>& frameworks) const {
    std::map<std::vector<std::string>, std::int64_t> counts;
    const std::set<std::string> wanted(frameworks.begin(), frameworks.end());
    for (std::uint32_t c = 0; c < m_data.controls.size(); ++c) {
        const GraphControl& control = m_data.controls[c];
        if (!control.assessable || control.framework != hub) continue;
        std::set<std::string> touching{hub};
        for (const Arc& arc : m_arcs[c]) {
            const auto& other = m_data.controls[arc.to].framework;
            if (wanted.empty() || wanted.contains(other)) touching.insert(other);
        }
        ++counts[std::vector<std::string>(touching.begin(), touching.end())];
    }
    std::vector<SharedSet> out;
    for (auto& [set, n] : counts) out.push_back({set, n});
    std::stable_sort(out.begin(), out.end(), [](const SharedSet& a, const SharedSet& b) {
        if (a.frameworks.size() != b.frameworks.size()) return a.frameworks.size() > b.frameworks.size();
        return a.requirements > b.requirements;
    });
    return out;
}

std::vector<PackQuality> CrosswalkGraph::quality(const std::vector<PackFill>& fills) const {
    std::vector<PackQuality> out;
    for (const PackFill& fill : fills) {
        PackQuality q;
        q.pack = fill.pack;
        q.source = fill.source;
        q.target = fill.target;
        const auto packIt = std::find(m_data.packs.begin(), m_data.packs.end(), fill.pack);
        const auto packIndex = static_cast<std::uint32_t>(packIt - m_data.packs.begin());
        std::set<std::uint32_t> sources;
        std::set<std::uint32_t> targets;
        for (const auto& m : m_data.mappings) {
            if (m.pack != packIndex) continue;
            ++q.mappings;
            ++q.relationships[std::string(toString(m.relationship))];
            sources.insert(m.source);
            targets.insert(m.target);
        }
        if (q.mappings > 0) {
            q.rationaleFill = double(fill.rationale) / double(q.mappings);
            q.strengthFill = double(fill.strength) / double(q.mappings);
            q.confidenceFill = double(fill.confidence) / double(q.mappings);
            q.fanOut = double(q.mappings) / double(sources.size());
            q.fanIn = double(q.mappings) / double(targets.size());
        }
        for (std::uint32_t c = 0; c < m_data.controls.size(); ++c) {
            const GraphControl& control = m_data.controls[c];
            if (!control.assessable) continue;
            if (control.framework == fill.source) {
                ++q.sourceAssessable;
                if (sources.contains(c)) {
                    ++q.sourceMapped;
                } else {
                    q.unmappedSource.push_back(fullRef(c));
                }
            } else if (control.framework == fill.target) {
                ++q.targetAssessable;
                if (targets.contains(c)) {
                    ++q.targetMapped;
                } else {
                    q.unmappedTarget.push_back(fullRef(c));
                }
            }
        }
        out.push_back(std::move(q));
    }
    return out;
}

}  // namespace cw
