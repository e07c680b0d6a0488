// `crosswalk plugins`: the plugins found, loaded or rejected, and how each compares with the workspace.
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <crosswalk/model/version.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <iostream>
#include <map>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace cw::cli {
namespace {

template <typename StateFn>
void printPluginTable(const PluginHost& host, const StateFn& state) {
    Table table({"PLUGIN", "VERSION", "STATUS", "FRAMEWORKS", "CONTROLS", "WORKSPACE", "FILE"});
    for (const auto& p : host.plugins()) {
        std::string frameworks;
        for (const auto& f : p.catalog.frameworks) frameworks += (frameworks.empty() ? "" : ",") + f.id;
        const bool ok = p.status == PluginStatus::Loaded;
        table.add({p.id.empty() ? "?" : p.id, p.version.empty() ? "?" : p.version, std::string(toString(p.status)),
                   ok ? frameworks : "-", ok ? std::to_string(controlCount(p)) : "-", state(p), p.file.string()});
    }
    if (table.empty()) {
        std::cout << "No plugins found.\n";
    } else {
        table.print(std::cout);
    }
}

class PluginsCommand {
public:
    explicit PluginsCommand(CommandLine& cli) : m_global(cli.global()) {
        cli.add("plugins", "List plugins found, loaded or rejected (with reasons)", [this] { return run(); })
            ->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        PluginHost host;
        host.loadAll(searchPath(m_global), progressPrinter());

        // What the workspace holds, if there is one; this command never creates it.
        std::map<std::string, std::string> inWorkspace;
        bool haveWorkspace = false;
        if (fs::exists(workspacePath(m_global))) {
            auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
            if (!ws) return fail(ws.error());
            auto plugins = ws->plugins();
            if (!plugins) return fail(plugins.error());
            for (const auto& p : *plugins) inWorkspace.emplace(p.id, p.version);
            haveWorkspace = true;
        }
        auto state = [&](const PluginInfo& p) -> std::string {
            if (!haveWorkspace) return "no workspace";
            const auto it = inWorkspace.find(p.id);
            if (p.status != PluginStatus::Loaded || it == inWorkspace.end()) return "absent";
            const int order = compareVersions(p.version, it->second);
            return order == 0 ? "current" : order > 0 ? "outdated" : "newer";
        };

        if (m_json) {
            json::array list;
            for (const auto& p : host.plugins()) {
                json::object entry = toJson(p);
                const auto it = inWorkspace.find(p.id);
                entry["workspace_version"] =
                    (p.status == PluginStatus::Loaded && it != inWorkspace.end()) ? json::value(it->second) : nullptr;
                entry["workspace_state"] = state(p);
                list.push_back(std::move(entry));
            }
            json::array searched;
            for (const auto& dir : searchPath(m_global)) searched.emplace_back(dir.string());
            printJson(std::cout, json::object{{"plugins", std::move(list)}, {"search_path", std::move(searched)}});
        } else {
            printPluginTable(host, state);
        }
        // Rejections also go to stderr, one line each, so they are seen even when stdout is piped.
        for (const auto& p : host.plugins()) {
            if (p.status == PluginStatus::Rejected) printRejected(p, std::cerr);
        }
        return kExitOk;
    }

    const GlobalOptions& m_global;
    bool m_json = false;
};

}  // namespace

void addPlugins(CommandLine& cli) {
    cli.own<PluginsCommand>();
}

}  // namespace cw::cli
