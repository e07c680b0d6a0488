// The crosswalk commands: packs in, and what the mappings say out.
#include "cli/common.hpp"
#include "cli/output.hpp"

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/io/hash.hpp>
#include <crosswalk/io/pack.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kHub = "iso27001-2022";

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100.0)));
}

std::string fixed(double value, int digits = 2) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

void printProblems(const std::string& origin, const std::vector<Problem>& problems) {
    for (const auto& p : problems) std::cerr << "crosswalk: " << origin << ": " << toString(p) << '\n';
}

json::object toJson(const PackImport& r) {
    json::array problems;
    for (const auto& p : r.problems) problems.emplace_back(toString(p));
    return json::object{
        {"pack", r.packId},
        {"action", r.problems.empty() ? json::value(toString(r.action)) : json::value("rejected")},
        {"version", r.version},
        {"previous_version", r.previousVersion.empty() ? json::value(nullptr) : json::value(r.previousVersion)},
        {"mappings", r.mappings},
        {"note", r.note},
        {"problems", std::move(problems)},
    };
}

json::object toJson(const PackRow& p) {
    return json::object{
        {"id", p.id},
        {"version", p.version},
        {"title", p.title},
        {"source", p.source},
        {"target", p.target},
        {"source_version", p.sourceVersion.empty() ? json::value(nullptr) : json::value(p.sourceVersion)},
        {"target_version", p.targetVersion.empty() ? json::value(nullptr) : json::value(p.targetVersion)},
        {"source_document", p.provenance.sourceDocument},
        {"method", toString(p.provenance.method)},
        {"url", p.provenance.url},
        {"derived_from", json::array(p.provenance.derivedFrom.begin(), p.provenance.derivedFrom.end())},
        {"notes", p.provenance.notes},
        {"author", p.provenance.author},
        {"date", p.provenance.date.empty() ? json::value(nullptr) : json::value(p.provenance.date)},
        {"licence", p.licence},
        {"description", p.description},
        {"file", p.file},
        {"sha256", p.sha256},
        {"plugin", p.pluginId.empty() ? json::value(nullptr) : json::value(p.pluginId)},
        {"imported_at", p.importedAt},
        {"mappings", p.mappings},
    };
}

json::object toJson(const PackQuality& q) {
    json::object mix;
    for (const auto& [name, n] : q.relationships) mix[name] = n;
    json::array unmappedSource(q.unmappedSource.begin(), q.unmappedSource.end());
    json::array unmappedTarget(q.unmappedTarget.begin(), q.unmappedTarget.end());
    return json::object{
        {"mappings", q.mappings},
        {"relationships", std::move(mix)},
        {"rationale_fill", q.rationaleFill},
        {"strength_fill", q.strengthFill},
        {"confidence_fill", q.confidenceFill},
        {"source_assessable", q.sourceAssessable},
        {"source_mapped", q.sourceMapped},
        {"target_assessable", q.targetAssessable},
        {"target_mapped", q.targetMapped},
        {"unmapped_source", std::move(unmappedSource)},
        {"unmapped_target", std::move(unmappedTarget)},
        {"fan_out", q.fanOut},
        {"fan_in", q.fanIn},
    };
}

json::object toJson(const Coverage& c) {
    return json::object{
        {"from", c.from},
        {"to", c.to},
        {"total", c.total},
        {"direct_full", c.directFull},
        {"direct_partial", c.directPartial},
        {"full", c.full},
        {"partial", c.partial},
        {"none", c.none},
        {"possibly_related", c.possiblyRelated},
        {"full_share", c.fullShare()},
        {"any_share", c.anyShare()},
    };
}

json::object toJson(const PathStep& s) {
    return json::object{{"from", s.from},
                        {"to", s.to},
                        {"relationship", toString(s.relationship)},
                        {"confidence", s.confidence},
                        {"pack", s.pack},
                        {"reversed", s.reversed}};
}

std::string relationText(const std::optional<Relationship>& r) {
    return r ? std::string(toString(*r)) : std::string("possibly-related");
}

Result<CrosswalkGraph> loadGraph(Workspace& ws) {
    auto data = ws.graph();
    if (!data) return data.error();
    return CrosswalkGraph(std::move(*data));
}

// Frameworks to show: those named, checked; else every framework that has mappings.
Result<std::vector<std::string>> chooseFrameworks(const CrosswalkGraph& graph, const std::vector<std::string>& named) {
    const auto& all = graph.data().frameworks;
    if (!named.empty()) {
        std::set<std::string> seen;
        for (const auto& f : named) {
            if (!seen.insert(f).second) return Error::badInput("framework '" + f + "' is named twice");
            if (std::find(all.begin(), all.end(), f) == all.end()) {
                std::string known;
                for (const auto& k : all) known += (known.empty() ? "" : ", ") + k;
                return Error::notFound("unknown framework '" + f + "' (known: " + known + ")");
            }
        }
        return named;
    }
    // Hub first, then the most connected frameworks: the matrix reads from the centre out.
    std::map<std::string, std::int64_t> edges;
    for (const auto& m : graph.data().mappings) {
        ++edges[graph.data().controls[m.source].framework];
        ++edges[graph.data().controls[m.target].framework];
    }
    std::vector<std::string> out;
    for (const auto& f : all) {
        if (edges.contains(f)) out.push_back(f);
    }
    std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
        if ((a == kHub) != (b == kHub)) return a == kHub;
        return edges[a] > edges[b];
    });
    return out;
}

void printMatrix(const std::vector<std::string>& frameworks, const std::vector<std::vector<Coverage>>& matrix,
                 std::ostream& out) {
    out << "Coverage: how much of each COLUMN framework's assessable requirements the ROW framework covers,\n"
           "as full% / at-least-partial% (direct and inferred mappings).\n\n";
    std::vector<std::string> header{"covers →"};
    for (const auto& f : frameworks) header.push_back(f);
    Table table(header);
    for (std::size_t i = 0; i < frameworks.size(); ++i) {
        std::vector<std::string> row{frameworks[i]};
        for (std::size_t j = 0; j < frameworks.size(); ++j) {
            if (i == j) {
                row.emplace_back("-");
            } else {
                row.push_back(percent(matrix[i][j].fullShare()) + "/" + percent(matrix[i][j].anyShare()));
            }
        }
        table.add(std::move(row));
    }
    table.print(out);
}

int cmdImportPack(const Options& o) {
    const fs::path file(o.packFile);
    auto text = readText(file);
    if (!text) return fail(text.error());
    PackReading reading = readPack(*text);
    if (!reading.pack) {
        printProblems(file.string(), reading.problems);
        return kExitBadInput;
    }
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto result = ws->importPack(*reading.pack, fs::absolute(file).string(), reading.contentSha256);
    if (!result) return fail(result.error());
    if (!result->problems.empty()) {
        printProblems(file.string(), result->problems);
        return kExitBadInput;
    }
    if (o.json) {
        printJson(std::cout, toJson(*result));
    } else {
        std::cout << "Pack " << result->packId << " " << result->version << ": " << toString(result->action) << ", "
                  << result->mappings << " mappings" << (result->note.empty() ? "" : " (" + result->note + ")") << '\n';
    }
    return kExitOk;
}

int cmdPacks(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto packs = ws->packs();
    if (!packs) return fail(packs.error());
    std::vector<PackQuality> quality;
    if (o.quality) {
        auto graph = loadGraph(*ws);
        if (!graph) return fail(graph.error());
        auto fills = ws->packFills();
        if (!fills) return fail(fills.error());
        quality = graph->quality(*fills);
    }
    if (o.json) {
        json::array list;
        for (const auto& p : *packs) {
            json::object entry = toJson(p);
            if (o.quality) {
                const auto q = std::find_if(quality.begin(), quality.end(),
                                            [&](const PackQuality& candidate) { return candidate.pack == p.id; });
                entry["quality"] = q != quality.end() ? json::value(toJson(*q)) : json::value(nullptr);
            }
            list.push_back(std::move(entry));
        }
        printJson(std::cout, json::object{{"packs", std::move(list)}});
        return kExitOk;
    }
    if (packs->empty()) {
        std::cout
            << "No packs in this workspace. `crosswalk init` loads the shipped ones; `crosswalk import-pack FILE` "
               "adds one.\n";
        return kExitOk;
    }
    if (!o.quality) {
        Table table({"PACK", "VERSION", "SOURCE", "TARGET", "METHOD", "MAPPINGS", "SOURCE DOCUMENT"});
        for (const auto& p : *packs) {
            table.add({p.id, p.version, p.source, p.target, std::string(toString(p.provenance.method)),
                       std::to_string(p.mappings), p.provenance.sourceDocument.substr(0, 70)});
        }
        table.print(std::cout);
        return kExitOk;
    }
    Table table({"PACK", "MAPPINGS", "EQ", "SUB", "SUP", "INT", "NONE", "RATIONALE", "STRENGTH", "SOURCE MAPPED",
                 "TARGET MAPPED", "FAN-OUT", "FAN-IN"});
    auto count = [](const PackQuality& q, const char* name) {
        const auto it = q.relationships.find(name);
        return std::to_string(it == q.relationships.end() ? 0 : it->second);
    };
    for (const auto& q : quality) {
        table.add({q.pack, std::to_string(q.mappings), count(q, "equal"), count(q, "subset-of"),
                   count(q, "superset-of"), count(q, "intersects-with"), count(q, "no-relationship"),
                   percent(q.rationaleFill) + "%", percent(q.strengthFill) + "%",
                   std::to_string(q.sourceMapped) + "/" + std::to_string(q.sourceAssessable),
                   std::to_string(q.targetMapped) + "/" + std::to_string(q.targetAssessable), fixed(q.fanOut, 1),
                   fixed(q.fanIn, 1)});
    }
    table.print(std::cout);
    std::cout << "\nEQ/SUB/SUP/INT: equal, subset-of, superset-of, intersects-with (source relative to target). "
                 "SOURCE/TARGET MAPPED: assessable requirements with at least one mapping.\n";
    return kExitOk;
}

int cmdMap(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto detail = ws->control(o.ref);  // precise "unknown control" errors with hints
    if (!detail) return fail(detail.error());
    if (o.depth < 1 || o.depth > 4) return fail(Error::badInput("--depth must be between 1 and 4"));
    auto graph = loadGraph(*ws);
    if (!graph) return fail(graph.error());
    if (!o.to.empty()) {
        const auto& all = graph->data().frameworks;
        if (std::find(all.begin(), all.end(), o.to) == all.end()) {
            return fail(Error::notFound("unknown framework '" + o.to + "'"));
        }
    }
    const auto start = graph->find(detail->control.fullRef());
    const auto related = graph->related(*start, MapOptions{o.depth, o.to, true});

    if (o.json) {
        json::array list;
        for (const auto& r : related) {
            json::array path;
            for (const auto& s : r.path) path.push_back(toJson(s));
            list.push_back(json::object{
                {"control", r.control},
                {"framework", r.framework},
                {"title", r.title},
                {"assessable", r.assessable},
                {"relationship", r.relationship ? json::value(toString(*r.relationship)) : json::value(nullptr)},
                {"possibly_related", !r.relationship.has_value()},
                {"direct", r.direct},
                {"confidence", r.confidence},
                {"path", std::move(path)},
            });
        }
        printJson(std::cout, json::object{{"control", detail->control.fullRef()},
                                          {"title", detail->control.title},
                                          {"depth", o.depth},
                                          {"related", std::move(list)}});
        return kExitOk;
    }
    std::cout << detail->control.fullRef() << "  " << detail->control.title << "\n\n";
    if (related.empty()) {
        std::cout << "No mappings reach this control (depth " << o.depth << ").\n";
        return kExitOk;
    }
    // Grouped by framework in the workspace's order; set relations first, then the
    // possibly-related links, which never count as coverage.
    constexpr std::size_t kPossiblePerFramework = 5;
    auto print = [&](bool setRelations) {
        for (const auto& fw : graph->data().frameworks) {
            std::vector<const Related*> rows;
            for (const auto& r : related) {
                if (r.framework == fw && r.relationship.has_value() == setRelations) rows.push_back(&r);
            }
            if (rows.empty()) continue;
            std::cout << "  " << fw << '\n';
            const std::size_t shown = setRelations ? rows.size() : std::min(rows.size(), kPossiblePerFramework);
            for (std::size_t i = 0; i < shown; ++i) {
                const Related& r = *rows[i];
                std::cout << "    " << std::left << std::setw(17) << relationText(r.relationship) << std::setw(6)
                          << fixed(r.confidence) << (r.direct ? "direct   " : "inferred ") << r.control << "  "
                          << r.title.substr(0, 70) << '\n';
                if (o.explain) {
                    for (const auto& step : r.path) {
                        std::cout << "        " << step.from << " " << toString(step.relationship) << " " << step.to
                                  << "  (" << fixed(step.confidence) << ", " << step.pack
                                  << (step.reversed ? ", read in reverse" : "") << ")\n";
                    }
                }
            }
            if (shown < rows.size()) {
                std::cout << "    … " << rows.size() - shown << " more (--to " << fw << " or --json for all)\n";
            }
        }
    };
    print(true);
    const bool anyPossible =
        std::any_of(related.begin(), related.end(), [](const Related& r) { return !r.relationship.has_value(); });
    if (anyPossible) {
        std::cout << "\nPossibly related (the path guarantees no set relation; never counted as coverage):\n";
        print(false);
    }
    std::cout << "\nRelationship: what " << detail->control.fullRef()
              << " is relative to each control. Confidence multiplies along the path.\n";
    return kExitOk;
}

int cmdOverlap(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto graph = loadGraph(*ws);
    if (!graph) return fail(graph.error());
    auto frameworks = chooseFrameworks(*graph, o.frameworks);
    if (!frameworks) return fail(frameworks.error());
    if (o.depth < 1 || o.depth > 4) return fail(Error::badInput("--depth must be between 1 and 4"));
    const std::string format = o.json ? "json" : o.format;
    const auto matrix = graph->overlap(*frameworks, o.depth);
    const auto hub = std::string(kHub);
    const auto shared = graph->sharedSets(hub, *frameworks);

    if (format == "json") {
        json::array cells;
        for (std::size_t i = 0; i < frameworks->size(); ++i) {
            for (std::size_t j = 0; j < frameworks->size(); ++j) {
                if (i != j) cells.push_back(toJson(matrix[i][j]));
            }
        }
        json::array sets;
        for (const auto& s : shared) {
            sets.push_back(json::object{{"frameworks", json::array(s.frameworks.begin(), s.frameworks.end())},
                                        {"requirements", s.requirements}});
        }
        printJson(std::cout, json::object{{"frameworks", json::array(frameworks->begin(), frameworks->end())},
                                          {"depth", o.depth},
                                          {"coverage", std::move(cells)},
                                          {"hub", hub},
                                          {"shared_sets", std::move(sets)}});
    } else if (format == "csv") {
        std::cout << "from,to,total,direct_full,direct_partial,full,partial,none,possibly_related\n";
        for (std::size_t i = 0; i < frameworks->size(); ++i) {
            for (std::size_t j = 0; j < frameworks->size(); ++j) {
                if (i == j) continue;
                const auto& c = matrix[i][j];
                std::cout << c.from << ',' << c.to << ',' << c.total << ',' << c.directFull << ',' << c.directPartial
                          << ',' << c.full << ',' << c.partial << ',' << c.none << ',' << c.possiblyRelated << '\n';
            }
        }
    } else if (format == "table") {
        printMatrix(*frameworks, matrix, std::cout);
        if (!shared.empty()) {
            std::cout << "\nShared requirement sets: " << hub
                      << " requirements by the exact set of frameworks mapped to them\n";
            Table table({"REQUIREMENTS", "FRAMEWORKS"});
            for (std::size_t i = 0; i < shared.size() && i < 12; ++i) {
                std::string names;
                for (const auto& f : shared[i].frameworks) names += (names.empty() ? "" : " + ") + f;
                table.add({std::to_string(shared[i].requirements), names});
            }
            table.print(std::cout);
        }
    } else {
        return fail(Error::badInput("--format must be table, json or csv, not '" + format + "'"));
    }
    return kExitOk;
}

int cmdMarginal(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto graph = loadGraph(*ws);
    if (!graph) return fail(graph.error());
    if (std::find(o.have.begin(), o.have.end(), o.add) != o.have.end()) {
        return fail(Error::badInput("--add " + o.add + " is already in --have"));
    }
    std::vector<std::string> named = o.have;
    named.push_back(o.add);
    if (auto check = chooseFrameworks(*graph, named); !check) return fail(check.error());
    if (o.depth < 1 || o.depth > 4) return fail(Error::badInput("--depth must be between 1 and 4"));
    const Marginal m = graph->marginal(o.have, o.add, o.depth);
    if (o.json) {
        json::array items;
        for (const auto& item : m.items) {
            items.push_back(json::object{
                {"control", item.control},
                {"title", item.title},
                {"coverage", toString(item.level)},
                {"covered_by", item.coveredBy.empty() ? json::value(nullptr) : json::value(item.coveredBy)}});
        }
        printJson(std::cout, json::object{{"have", json::array(m.have.begin(), m.have.end())},
                                          {"add", m.add},
                                          {"total", m.total},
                                          {"full", m.full},
                                          {"partial", m.partial},
                                          {"none", m.none},
                                          {"requirements", std::move(items)}});
        return kExitOk;
    }
    std::string have;
    for (const auto& h : m.have) have += (have.empty() ? "" : ", ") + h;
    std::cout << "Adding " << m.add << " to " << have << ": " << m.total << " assessable requirements\n"
              << "  already covered   " << m.full << '\n'
              << "  partly covered    " << m.partial << '\n'
              << "  new work          " << m.none << "\n\nWhat is left to do:\n";
    Table table({"COVERAGE", "REQUIREMENT", "TITLE", "NEAREST"});
    for (const auto& item : m.items) {
        if (item.level == CoverageLevel::Full) continue;
        table.add({std::string(toString(item.level)), item.control, item.title.substr(0, 60), item.coveredBy});
    }
    table.print(std::cout);
    return kExitOk;
}

json::object toJson(const CommonControl& c) {
    return json::object{
        {"key", c.key},
        {"title", c.title},
        {"description", c.description},
        {"origin", c.origin},
        {"hub", c.hub.empty() ? json::value(nullptr) : json::value(c.hub)},
        {"links", c.links},
        {"full_links", c.fullLinks},
        {"frameworks", json::array(c.frameworks.begin(), c.frameworks.end())},
    };
}

int cmdCommonControls(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    const std::string& action = o.ccAction;
    auto done = [&](const Result<void>& r, const std::string& what) {
        if (!r) return fail(r.error());
        if (!o.json) std::cout << what << '\n';
        return kExitOk;
    };
    if (action == "seed") {
        auto r = ws->seedCommonControls();
        if (!r) return fail(r.error());
        if (o.json) {
            printJson(std::cout, json::object{{"created", r->created},
                                              {"links_added", r->linksAdded},
                                              {"links_updated", r->linksUpdated},
                                              {"links_removed", r->linksRemoved}});
        } else {
            std::cout << "Seeded from iso27001-2022: " << r->created
                      << " common controls created; links: " << r->linksAdded << " added, " << r->linksUpdated
                      << " retyped, " << r->linksRemoved << " removed\n";
        }
        return kExitOk;
    }
    if (action == "add") return done(ws->addCommonControl(o.key, o.title, o.description), "Added " + o.key);
    if (action == "rename") return done(ws->renameCommonControl(o.key, o.title, o.newKey), "Renamed " + o.key);
    if (action == "split") {
        return done(ws->splitCommonControl(o.key, o.newKey, o.title, o.refs),
                    "Split " + std::to_string(o.refs.size()) + " requirement(s) from " + o.key + " into " + o.newKey);
    }
    if (action == "merge") return done(ws->mergeCommonControls(o.key, o.other), "Merged " + o.other + " into " + o.key);
    if (action == "link") return done(ws->linkCommonControl(o.key, o.ref), "Linked " + o.ref + " to " + o.key);
    if (action == "unlink") return done(ws->unlinkCommonControl(o.key, o.ref), "Unlinked " + o.ref + " from " + o.key);
    if (action == "show") {
        auto detail = ws->commonControl(o.key);
        if (!detail) return fail(detail.error());
        const auto& [control, links] = *detail;
        if (o.json) {
            json::object out = toJson(control);
            json::array list;
            for (const auto& l : links) {
                list.push_back(json::object{
                    {"control", l.control},
                    {"framework", l.framework},
                    {"title", l.title},
                    {"relationship", l.relationship ? json::value(toString(*l.relationship)) : json::value(nullptr)},
                    {"source", l.source}});
            }
            out["requirements"] = std::move(list);
            printJson(std::cout, out);
            return kExitOk;
        }
        std::cout << control.key << "  " << control.title << "\n  origin: " << control.origin
                  << (control.hub.empty() ? "" : " (" + control.hub + ")") << "\n";
        if (!control.description.empty()) std::cout << "\n  " << control.description << "\n";
        std::cout << "\n  Satisfies " << links.size() << " requirement(s) in " << control.frameworks.size()
                  << " framework(s):\n";
        Table table({"REQUIREMENT", "RELATION TO HUB", "VIA", "TITLE"});
        for (const auto& l : links) {
            table.add({l.control, l.relationship ? std::string(toString(*l.relationship)) : "-", l.source,
                       l.title.substr(0, 70)});
        }
        table.print(std::cout);
        return kExitOk;
    }
    // list
    auto all = ws->commonControls();
    if (!all) return fail(all.error());
    if (o.json) {
        json::array list;
        for (const auto& c : *all) list.push_back(toJson(c));
        printJson(std::cout, json::object{{"common_controls", std::move(list)}});
        return kExitOk;
    }
    if (all->empty()) {
        std::cout << "No common controls yet: `crosswalk common-controls seed` derives them from iso27001-2022.\n";
        return kExitOk;
    }
    Table table({"KEY", "ORIGIN", "SATISFIES", "LINKED", "FRAMEWORKS", "TITLE"});
    for (const auto& c : *all) {
        table.add({c.key, c.origin, std::to_string(c.fullLinks), std::to_string(c.links),
                   std::to_string(c.frameworks.size()), c.title});
    }
    table.print(std::cout);
    std::cout << "\nSATISFIES: linked requirements the control fully meets (equal to or contained in its hub "
                 "control, or linked by hand); the rest overlap only partly.\n";
    return kExitOk;
}

}  // namespace

json::array importPacks(Workspace& ws, const PluginHost& host, const Options& o) {
    json::array out;
    std::set<std::string> known;
    if (auto frameworks = ws.frameworks()) {
        for (const auto& f : *frameworks) known.insert(f.id);
    }
    // Every entry has the same fields (README, "JSON output"); what does not apply is null.
    auto entry = [](const json::value& pack, std::string_view action, const json::value& version,
                    const json::value& mappings, const std::string& note, json::array problems,
                    const std::string& file) {
        return json::object{{"pack", pack},
                            {"action", action},
                            {"version", version},
                            {"previous_version", nullptr},
                            {"mappings", mappings},
                            {"note", note},
                            {"problems", std::move(problems)},
                            {"file", file}};
    };
    auto problemsOf = [](const std::vector<Problem>& problems) {
        json::array list;
        for (const auto& p : problems) list.emplace_back(toString(p));
        return list;
    };
    auto importOne = [&](const Pack& pack, const std::string& origin, const std::string& sha,
                         const std::string& plugin) {
        for (const auto* needed : {&pack.sourceFramework, &pack.targetFramework}) {
            if (!known.contains(*needed)) {
                out.push_back(entry(json::value(pack.id), "skipped", json::value(pack.version), nullptr,
                                    "framework '" + *needed + "' is not loaded", {}, origin));
                return;
            }
        }
        auto result = ws.importPack(pack, origin, sha, plugin);
        if (!result) {
            std::cerr << "crosswalk: " << origin << ": " << result.error().message << '\n';
            out.push_back(entry(json::value(pack.id), "failed", json::value(pack.version), nullptr, "",
                                json::array{json::value(result.error().message)}, origin));
            return;
        }
        printProblems(origin, result->problems);
        json::object e = toJson(*result);
        if (!result->problems.empty()) e["mappings"] = nullptr;
        e["file"] = origin;
        out.push_back(std::move(e));
    };
    for (const auto& p : host.plugins()) {
        if (p.status != PluginStatus::Loaded || p.packsJson.empty()) continue;
        std::vector<Problem> bundle;
        const std::string origin = "plugin:" + p.id;
        for (auto& reading : readPackBundle(p.packsJson, bundle)) {
            if (!reading.pack) {
                printProblems(origin, reading.problems);
                out.push_back(entry(nullptr, "rejected", nullptr, nullptr, "", problemsOf(reading.problems), origin));
                continue;
            }
            importOne(*reading.pack, origin, reading.contentSha256, p.id);
        }
        printProblems(origin, bundle);
    }
    for (const auto& file : findPackFiles(packPath(o))) {
        auto text = readText(file);
        if (!text) {
            std::cerr << "crosswalk: " << text.error().message << '\n';
            out.push_back(entry(nullptr, "failed", nullptr, nullptr, "", json::array{json::value(text.error().message)},
                                file.string()));
            continue;
        }
        PackReading reading = readPack(*text);
        if (!reading.pack) {
            printProblems(file.string(), reading.problems);
            out.push_back(
                entry(nullptr, "rejected", nullptr, nullptr, "", problemsOf(reading.problems), file.string()));
            continue;
        }
        importOne(*reading.pack, file.string(), reading.contentSha256, "");
    }
    return out;
}

Result<void> printOverlapSummary(Workspace& ws, std::ostream& out) {
    auto graph = loadGraph(ws);
    if (!graph) return graph.error();
    auto frameworks = chooseFrameworks(*graph, {});
    if (!frameworks) return frameworks.error();
    if (frameworks->size() < 2) {
        out << "No mapping packs loaded yet: no overlap to show.\n";
        return {};
    }
    printMatrix(*frameworks, graph->overlap(*frameworks, 2), out);
    return {};
}

void addCrosswalkCommands(CLI::App& app, Options& o, Command& command) {
    auto sub = [&](const char* name, const char* help, Command fn) {
        CLI::App* s = app.add_subcommand(name, help);
        s->callback([&command, fn] { command = fn; });
        return s;
    };
    auto* importPack = sub("import-pack", "Validate a mapping pack and import it (all or nothing)", &cmdImportPack);
    importPack->add_option("file", o.packFile, "Pack JSON (sdk/schema/pack.schema.json)")->required();
    importPack->add_flag("--json", o.json, "Print JSON");

    auto* packs = sub("packs", "List mapping packs with provenance; --quality adds their figures", &cmdPacks);
    packs->add_flag("--quality", o.quality, "Relationship mix, fill rates, unmapped controls both ways, fan-in/out");
    packs->add_flag("--json", o.json, "Print JSON");

    auto* map = sub("map", "Related requirements in every framework, direct and inferred", &cmdMap);
    map->add_option("ref", o.ref, "Full reference FRAMEWORK:REF, e.g. gdpr:Art.32(1)(b)")->required();
    map->add_option("--to", o.to, "Only this framework");
    map->add_option("--depth", o.depth, "Maximum hops (1-4, default 2)");
    map->add_flag("--explain", o.explain, "Show the path behind each result");
    map->add_flag("--json", o.json, "Print JSON");

    auto* overlap =
        sub("overlap", "Asymmetric coverage matrix between frameworks, and shared requirement sets", &cmdOverlap);
    overlap->add_option("--frameworks", o.frameworks, "Comma-separated framework ids (default: all with mappings)")
        ->delimiter(',');
    overlap->add_option("--format", o.format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
    overlap->add_option("--depth", o.depth, "Maximum hops for inferred coverage (1-4, default 2)");
    overlap->add_flag("--json", o.json, "Same as --format json");

    auto* marginal = sub("marginal", "What is left to do when adding a framework to those already held", &cmdMarginal);
    marginal->add_option("--have", o.have, "Frameworks already held, comma-separated")->delimiter(',')->required();
    marginal->add_option("--add", o.add, "Framework to add")->required();
    marginal->add_option("--depth", o.depth, "Maximum hops (1-4, default 2)");
    marginal->add_flag("--json", o.json, "Print JSON");

    auto* cc = sub("common-controls",
                   "The organization's own controls: list, show, seed, add, rename, split, merge, "
                   "link, unlink",
                   &cmdCommonControls);
    cc->add_flag("--json", o.json, "Print JSON");
    auto action = [&](const char* name, const char* help) {
        CLI::App* a = cc->add_subcommand(name, help);
        a->callback([&o, name] { o.ccAction = name; });
        a->add_flag("--json", o.json, "Print JSON");
        return a;
    };
    action("list", "List common controls (the default)");
    action("show", "One common control and the requirements it satisfies")
        ->add_option("key", o.key, "Common control key, e.g. CC-A.5.15")
        ->required();
    action("seed", "Derive common controls from the hub (iso27001-2022) and link mapped requirements");
    auto* addCc = action("add", "Add a common control of your own");
    addCc->add_option("key", o.key, "New key")->required();
    addCc->add_option("--title", o.title, "Title")->required();
    addCc->add_option("--description", o.description, "Description");
    auto* rename = action("rename", "Change a common control's title and/or key");
    rename->add_option("key", o.key, "Key")->required();
    rename->add_option("--title", o.title, "New title");
    rename->add_option("--key", o.newKey, "New key");
    auto* split = action("split", "Move some requirements of a common control into a new one");
    split->add_option("key", o.key, "Key to split")->required();
    split->add_option("--into", o.newKey, "Key of the new common control")->required();
    split->add_option("--title", o.title, "Title of the new common control")->required();
    split->add_option("--move", o.refs, "Requirements to move (FRAMEWORK:REF, repeatable or comma-separated)")
        ->delimiter(',')
        ->required();
    auto* merge = action("merge", "Merge the second common control into the first");
    merge->add_option("into", o.key, "Key that stays")->required();
    merge->add_option("from", o.other, "Key merged away")->required();
    auto* link = action("link", "Link a requirement to a common control");
    link->add_option("key", o.key, "Key")->required();
    link->add_option("ref", o.ref, "Requirement FRAMEWORK:REF")->required();
    auto* unlink = action("unlink", "Unlink a requirement (seeding again will not bring it back)");
    unlink->add_option("key", o.key, "Key")->required();
    unlink->add_option("ref", o.ref, "Requirement FRAMEWORK:REF")->required();
}

Result<std::string> readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::badInput(file.string() + ": cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Error::internal(file.string() + ": read error");
    return text.str();
}

}  // namespace cw::cli
