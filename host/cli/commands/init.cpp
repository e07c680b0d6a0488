// `crosswalk init`: create the workspace if needed, sync every plugin found, import every
// mapping pack, seed the common controls, and show what the workspace now holds.
#include "cli/commands/commands.hpp"
#include "cli/mappings.hpp"
#include "cli/output.hpp"

#include <crosswalk/workbench/init.hpp>

#include <boost/json.hpp>

#include <iostream>
#include <optional>
#include <string>

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

/// A pack as `init --json` lists it: every entry has the same fields (README, "JSON output");
/// what does not apply is null.
json::object packJson(const PackInit& pack) {
    json::array problems;
    for (const auto& p : pack.problems) problems.emplace_back(p);
    const auto textOrNull = [](const std::optional<std::string>& s) {
        return s ? json::value(*s) : json::value(nullptr);
    };
    return json::object{
        {"pack", textOrNull(pack.packId)},
        {"action", toString(pack.action)},
        {"version", textOrNull(pack.version)},
        {"previous_version", pack.previousVersion.empty() ? json::value(nullptr) : json::value(pack.previousVersion)},
        {"mappings", pack.mappings ? json::value(*pack.mappings) : json::value(nullptr)},
        {"note", pack.note},
        {"problems", std::move(problems)},
        {"file", pack.origin},
    };
}

/// The plugins table of `init`, with how many loaded and how many were rejected or refused.
void printPlugins(const InitReport& report, std::ostream& out) {
    Table table({"PLUGIN", "VERSION", "STATUS", "CONTROLS", "WORKSPACE"});
    std::size_t rejected = 0;
    for (const auto& entry : report.plugins) {
        const PluginInfo& p = *entry.plugin;
        if (entry.rejected()) {
            ++rejected;
            const std::string reason = !entry.refusal.empty() ? entry.refusal
                                       : p.problems.empty()   ? std::string()
                                                              : p.problems.front();
            table.add({p.id.empty() ? p.file.filename().string() : p.id, p.version, "rejected", "-", reason});
            continue;
        }
        const SyncResult& sync = *entry.sync;
        std::string what(toString(sync.action));
        if (!sync.previousVersion.empty() && sync.previousVersion != sync.version) {
            what += " from " + sync.previousVersion;
        }
        if (!sync.note.empty()) what += " (" + sync.note + ")";
        table.add({p.id, p.version, "loaded", std::to_string(controlCount(p)), what});
    }
    out << "Plugins: " << report.plugins.size() - rejected << " loaded, " << rejected << " rejected\n";
    if (!table.empty()) table.print(out);
}

/// The mapping packs table of `init`.
void printPacks(const InitReport& report, std::ostream& out) {
    Table table({"PACK", "VERSION", "MAPPINGS", "WORKSPACE"});
    for (const auto& pack : report.packs) {
        std::string what(toString(pack.action));
        if (!pack.note.empty()) what += " (" + pack.note + ")";
        table.add({pack.packId ? *pack.packId : fs::path(pack.origin).filename().string(), pack.version.value_or("-"),
                   pack.mappings ? std::to_string(*pack.mappings) : "-", what});
    }
    out << "Mapping packs: " << report.packs.size() << "\n";
    table.print(out);
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
        auto report = initWorkspace(*ws, host, packPath(m_global));
        if (!report) return fail(report.error());
        for (const auto& line : report->importProblems) std::cerr << "crosswalk: " << line << '\n';
        auto frameworks = ws->frameworks();
        if (!frameworks) return fail(frameworks.error());

        if (m_json) {
            json::array pluginsJson;
            for (const auto& p : report->plugins) {
                json::object entry = toJson(*p.plugin);
                entry["sync"] = p.sync ? json::value(toJson(*p.sync)) : json::value(nullptr);
                if (!p.refusal.empty()) {
                    entry["status"] = "rejected";
                    entry["problems"] = json::array{json::value(p.refusal)};
                }
                pluginsJson.push_back(std::move(entry));
            }
            json::array packsJson;
            for (const auto& pack : report->packs) packsJson.push_back(packJson(pack));
            json::array frameworksJson;
            for (const auto& f : *frameworks) frameworksJson.push_back(toJson(f));
            const SeedResult& seeded = report->seeded;
            printJson(std::cout, json::object{
                                     {"workspace", ws->path().string()},
                                     {"created", ws->created()},
                                     {"schema_version", ws->schemaVersion()},
                                     {"plugins", std::move(pluginsJson)},
                                     {"packs", std::move(packsJson)},
                                     {"common_controls",
                                      json::object{{"created", seeded.created}, {"links_added", seeded.linksAdded}}},
                                     {"frameworks", std::move(frameworksJson)},
                                 });
        } else {
            std::cout << "Workspace " << ws->path().string() << (ws->created() ? " (created)" : "") << "\n\n";
            printPlugins(*report, std::cout);
            if (!report->packs.empty()) {
                std::cout << "\n";
                printPacks(*report, std::cout);
            }
            const SeedResult& seeded = report->seeded;
            if (seeded.created + seeded.linksAdded + seeded.linksUpdated + seeded.linksRemoved > 0) {
                std::cout << "\nCommon controls: " << seeded.created << " created from iso27001-2022, "
                          << seeded.linksAdded << " requirement links added, " << seeded.linksUpdated << " retyped, "
                          << seeded.linksRemoved << " removed\n";
            }
            std::cout << '\n';
            printFrameworks(*frameworks, std::cout);
            std::cout << '\n';
            if (auto r = printOverlapSummary(*ws, std::cout); !r) return fail(r.error());
        }
        for (const auto& p : host.plugins()) {
            if (p.status == PluginStatus::Rejected) printRejected(p, std::cerr);
        }
        for (const auto& p : report->plugins) {
            if (!p.refusal.empty()) std::cerr << "crosswalk: " << p.plugin->file.string() << ": " << p.refusal << '\n';
        }
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

void addInit(CommandLine& cli) {
    cli.own<InitCommand>();
}

}  // namespace cw::cli
