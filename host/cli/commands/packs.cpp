// `crosswalk packs`: the workspace's mapping packs with provenance, and with --quality their figures.
#include "cli/commands/commands.hpp"
#include "cli/mappings.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

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

class PacksCommand {
public:
    explicit PacksCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* packs = cli.add("packs", "List mapping packs with provenance; --quality adds their figures",
                              [this] { return run(); });
        packs->add_flag("--quality", m_quality,
                        "Relationship mix, fill rates, unmapped controls both ways, fan-in/out");
        packs->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto packs = ws->packs();
        if (!packs) return fail(packs.error());
        std::vector<PackQuality> quality;
        if (m_quality) {
            auto graph = loadGraph(*ws);
            if (!graph) return fail(graph.error());
            auto fills = ws->packFills();
            if (!fills) return fail(fills.error());
            quality = graph->quality(*fills);
        }
        if (m_json) {
            json::array list;
            for (const auto& p : *packs) {
                json::object entry = toJson(p);
                if (m_quality) {
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
        if (!m_quality) {
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

    const GlobalOptions& m_global;
    bool m_quality = false;
    bool m_json = false;
};

}  // namespace

void addPacks(CommandLine& cli) {
    cli.own<PacksCommand>();
}

}  // namespace cw::cli
