// `crosswalk init`: create the workspace if needed, sync every plugin found, import every
// mapping pack, seed the common controls, and show what the workspace now holds.
#include "cli/commands/init.hpp"

#include "cli/commands/commands.hpp"
#include "cli/mappings.hpp"
#include "cli/output.hpp"

#include <crosswalk/workbench/init.hpp>

#include <crosswalk/io/paths.hpp>

#include <boost/json.hpp>

#include <iostream>
#include <map>
#include <set>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace cw::cli {
namespace {

/// Prints the coverage matrix of the frameworks that have mappings (the `init` summary).
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

class InitCommand {
public:
    explicit InitCommand(CommandLine& cli) : m_global(cli.global()) {
        cli.add("init",
                "Create the workspace if needed, load every plugin and mapping pack found, seed common controls",
                [this] { return run(); })
            ->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::CreateIfMissing);
        if (!ws) return fail(ws.error());
        PluginHost host;
        host.loadAll(searchPath(m_global), progressPrinter());

        // A plugin the workspace refuses (say, a framework another plugin owns) is
        // reported and skipped like any bad plugin; the others still load.
        json::array pluginsJson;
        std::map<const PluginInfo*, SyncResult> synced;
        std::map<const PluginInfo*, std::string> refused;
        for (const auto& p : host.plugins()) {
            json::object entry = toJson(p);
            entry["sync"] = nullptr;
            if (p.status == PluginStatus::Loaded) {
                auto result = syncPlugin(*ws, p);
                if (result) {
                    entry["sync"] = toJson(*result);
                    synced.emplace(&p, *result);
                } else if (result.error().kind == ErrorKind::Internal) {
                    return fail(result.error());
                } else {
                    refused.emplace(&p, result.error().message);
                    entry["status"] = "rejected";
                    entry["problems"] = json::array{json::value(result.error().message)};
                }
            }
            pluginsJson.push_back(std::move(entry));
        }
        json::array packsJson = importPacks(*ws, host, m_global);
        auto seeded = ws->seedCommonControls();
        if (!seeded) return fail(seeded.error());
        auto frameworks = ws->frameworks();
        if (!frameworks) return fail(frameworks.error());

        if (m_json) {
            json::array frameworksJson;
            for (const auto& f : *frameworks) frameworksJson.push_back(toJson(f));
            printJson(std::cout, json::object{
                                     {"workspace", ws->path().string()},
                                     {"created", ws->created()},
                                     {"schema_version", ws->schemaVersion()},
                                     {"plugins", std::move(pluginsJson)},
                                     {"packs", std::move(packsJson)},
                                     {"common_controls",
                                      json::object{{"created", seeded->created}, {"links_added", seeded->linksAdded}}},
                                     {"frameworks", std::move(frameworksJson)},
                                 });
        } else {
            std::cout << "Workspace " << ws->path().string() << (ws->created() ? " (created)" : "") << "\n\n";
            Table table({"PLUGIN", "VERSION", "STATUS", "CONTROLS", "WORKSPACE"});
            std::size_t rejected = 0;
            for (const auto& p : host.plugins()) {
                const auto refusal = refused.find(&p);
                if (p.status == PluginStatus::Rejected || refusal != refused.end()) {
                    ++rejected;
                    const std::string reason = refusal != refused.end() ? refusal->second
                                               : p.problems.empty()     ? std::string()
                                                                        : p.problems.front();
                    table.add({p.id.empty() ? p.file.filename().string() : p.id, p.version, "rejected", "-", reason});
                    continue;
                }
                const SyncResult& sync = synced.at(&p);
                std::string what(toString(sync.action));
                if (!sync.previousVersion.empty() && sync.previousVersion != sync.version) {
                    what += " from " + sync.previousVersion;
                }
                if (!sync.note.empty()) what += " (" + sync.note + ")";
                table.add({p.id, p.version, "loaded", std::to_string(controlCount(p)), what});
            }
            std::cout << "Plugins: " << host.plugins().size() - rejected << " loaded, " << rejected << " rejected\n";
            if (!table.empty()) table.print(std::cout);
            if (!packsJson.empty()) {
                std::cout << "\n";
                Table packs({"PACK", "VERSION", "MAPPINGS", "WORKSPACE"});
                for (const auto& entry : packsJson) {
                    const auto& e = entry.as_object();
                    std::string what(e.at("action").as_string());
                    if (const auto* note = e.if_contains("note");
                        note && note->is_string() && !note->as_string().empty()) {
                        what += " (" + std::string(note->as_string()) + ")";
                    }
                    const auto text = [](const json::value& v) {
                        return v.is_string() ? std::string(v.as_string())
                               : v.is_null() ? std::string("-")
                                             : json::serialize(v);
                    };
                    packs.add({e.at("pack").is_string()
                                   ? text(e.at("pack"))
                                   : fs::path(std::string(e.at("file").as_string())).filename().string(),
                               text(e.at("version")), text(e.at("mappings")), what});
                }
                std::cout << "Mapping packs: " << packsJson.size() << "\n";
                packs.print(std::cout);
            }
            if (seeded->created + seeded->linksAdded + seeded->linksUpdated + seeded->linksRemoved > 0) {
                std::cout << "\nCommon controls: " << seeded->created << " created from iso27001-2022, "
                          << seeded->linksAdded << " requirement links added, " << seeded->linksUpdated << " retyped, "
                          << seeded->linksRemoved << " removed\n";
            }
            std::cout << '\n';
            printFrameworks(*frameworks, std::cout);
            std::cout << '\n';
            if (auto r = printOverlapSummary(*ws, std::cout); !r) return fail(r.error());
        }
        for (const auto& p : host.plugins()) {
            if (p.status == PluginStatus::Rejected) printRejected(p, std::cerr);
        }
        for (const auto& [p, reason] : refused)
            std::cerr << "crosswalk: " << p->file.string() << ": " << reason << '\n';
        if (host.plugins().empty()) {
            std::cerr << "crosswalk: no plugins found; searched:";
            for (const auto& dir : searchPath(m_global)) std::cerr << ' ' << dir.string();
            std::cerr << '\n';
        }
        return kExitOk;
    }

    const GlobalOptions& m_global;
    bool m_json = false;
};

}  // namespace

json::array importPacks(Workspace& ws, const PluginHost& host, const GlobalOptions& global) {
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
    for (const auto& file : findPackFiles(packPath(global))) {
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

void addInit(CommandLine& cli) {
    cli.own<InitCommand>();
}

}  // namespace cw::cli
