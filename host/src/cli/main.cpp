// `crosswalk`: the command line over libcrosswalk. Thin: parse, call, print.
#include "cli/common.hpp"
#include "cli/output.hpp"

#include <crosswalk/io/paths.hpp>
#include <crosswalk/model/version.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/init.hpp>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace cw::cli {
namespace {

// Progress on stderr, only for a person watching a terminal.
PluginProgress progressPrinter() {
    if (isatty(STDERR_FILENO) == 0) return {};
    return [](std::size_t index, std::size_t total, const PluginInfo& info) {
        std::cerr << "\r\033[Kloading plugins " << index << "/" << total << ": " << info.file.filename().string()
                  << std::flush;
        if (index == total) std::cerr << "\r\033[K" << std::flush;
    };
}

void printRejected(const PluginInfo& p, std::ostream& out) {
    for (const auto& problem : p.problems) out << "crosswalk: " << p.file.string() << ": " << problem << '\n';
}

void printFrameworks(const std::vector<FrameworkSummary>& frameworks, std::ostream& out) {
    Table table({"FRAMEWORK", "NAME", "VERSION", "KIND", "CONTROLS", "ASSESSABLE", "PLUGIN"});
    for (const auto& f : frameworks) {
        table.add({f.id, f.name, f.version, std::string(toString(f.kind)), std::to_string(f.controls),
                   std::to_string(f.assessable), f.pluginId});
    }
    if (table.empty()) {
        out << "No frameworks in this workspace. Load plugins with `crosswalk init`.\n";
    } else {
        table.print(out);
    }
}

int cmdInit(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::CreateIfMissing);
    if (!ws) return fail(ws.error());
    PluginHost host;
    host.loadAll(searchPath(o), progressPrinter());

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
    json::array packsJson = importPacks(*ws, host, o);
    auto seeded = ws->seedCommonControls();
    if (!seeded) return fail(seeded.error());
    auto frameworks = ws->frameworks();
    if (!frameworks) return fail(frameworks.error());

    if (o.json) {
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
                if (const auto* note = e.if_contains("note"); note && note->is_string() && !note->as_string().empty()) {
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
    for (const auto& [p, reason] : refused) std::cerr << "crosswalk: " << p->file.string() << ": " << reason << '\n';
    if (host.plugins().empty()) {
        std::cerr << "crosswalk: no plugins found; searched:";
        for (const auto& dir : searchPath(o)) std::cerr << ' ' << dir.string();
        std::cerr << '\n';
    }
    return kExitOk;
}

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

int cmdPlugins(const Options& o) {
    PluginHost host;
    host.loadAll(searchPath(o), progressPrinter());

    // What the workspace holds, if there is one; this command never creates it.
    std::map<std::string, std::string> inWorkspace;
    bool haveWorkspace = false;
    if (fs::exists(workspacePath(o))) {
        auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
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

    if (o.json) {
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
        for (const auto& dir : searchPath(o)) searched.emplace_back(dir.string());
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

int cmdFrameworks(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto frameworks = ws->frameworks();
    if (!frameworks) return fail(frameworks.error());
    if (o.json) {
        json::array list;
        for (const auto& f : *frameworks) list.push_back(toJson(f));
        printJson(std::cout, json::object{{"frameworks", std::move(list)}});
    } else {
        printFrameworks(*frameworks, std::cout);
    }
    return kExitOk;
}

// Nests a flat, catalog-ordered list by parent for `controls --tree --json`.
json::array nest(const std::vector<ControlRow>& rows) {
    std::map<std::string, std::vector<std::size_t>> children;
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].parent.empty()) {
            roots.push_back(i);
        } else {
            children[rows[i].parent].push_back(i);
        }
    }
    std::function<json::object(std::size_t)> build = [&](std::size_t i) {
        json::object node = toJson(rows[i]);
        json::array kids;
        if (auto it = children.find(rows[i].ref); it != children.end()) {
            for (const std::size_t k : it->second) kids.push_back(build(k));
        }
        node["children"] = std::move(kids);
        return node;
    };
    json::array out;
    for (const std::size_t r : roots) out.push_back(build(r));
    return out;
}

int cmdControls(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto rows = ws->controls(o.framework);
    if (!rows) return fail(rows.error());
    if (o.assessableOnly) std::erase_if(*rows, [](const ControlRow& c) { return !c.assessable; });

    if (o.json) {
        json::array list;
        if (o.tree && !o.assessableOnly) {
            list = nest(*rows);
        } else {
            for (const auto& c : *rows) list.push_back(toJson(c));
        }
        printJson(std::cout, json::object{{"framework", o.framework}, {"controls", std::move(list)}});
        return kExitOk;
    }
    if (o.tree) {
        // Box-drawing tree: a node is the last of its siblings when no later
        // row at its depth comes before the next row above its depth.
        const auto& r = *rows;
        std::vector<bool> lastAtDepth;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const auto depth = static_cast<std::size_t>(r[i].depth);
            bool last = true;
            for (std::size_t j = i + 1; j < r.size(); ++j) {
                if (static_cast<std::size_t>(r[j].depth) < depth) break;
                if (static_cast<std::size_t>(r[j].depth) == depth) {
                    last = false;
                    break;
                }
            }
            lastAtDepth.resize(depth + 1);
            lastAtDepth[depth] = last;
            std::string prefix;
            for (std::size_t d = 1; d < depth; ++d) prefix += lastAtDepth[d] ? "   " : "│  ";
            if (depth > 0) prefix += last ? "└─ " : "├─ ";
            std::cout << prefix << r[i].ref << "  " << r[i].title << (r[i].assessable ? "" : "  ·") << '\n';
        }
        return kExitOk;
    }
    Table table({"REF", "KIND", "ASSESSABLE", "TITLE"});
    for (const auto& c : *rows) table.add({c.ref, c.kind, c.assessable ? "yes" : "", c.title});
    table.print(std::cout);
    return kExitOk;
}

int cmdShow(const Options& o) {
    auto ws = Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
    if (!ws) return fail(ws.error());
    auto detail = ws->control(o.ref);
    if (!detail) return fail(detail.error());
    const auto& c = detail->control;
    if (o.json) {
        json::object out = toJson(c);
        json::array ancestors;
        for (const auto& a : detail->ancestors) ancestors.push_back(toJson(a));
        json::array children;
        for (const auto& k : detail->children) children.push_back(toJson(k));
        json::array mappings;
        for (const auto& m : detail->mappings) mappings.push_back(toJson(m));
        out["framework_name"] = detail->framework.name;
        out["ancestors"] = std::move(ancestors);
        out["children"] = std::move(children);
        out["mappings"] = std::move(mappings);
        printJson(std::cout, out);
        return kExitOk;
    }
    std::cout << c.fullRef() << "  " << c.title << '\n';
    std::cout << "  Framework:   " << detail->framework.name << " (" << detail->framework.id << ")\n";
    std::cout << "  Kind:        " << c.kind << (c.assessable ? ", assessable" : ", not assessable") << '\n';
    for (const auto& [key, value] : c.attributes) {
        std::string label(key);
        std::replace(label.begin(), label.end(), '_', ' ');
        if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
        std::cout << "  " << label << ":" << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ')
                  << attributeText(value) << '\n';
    }
    if (!detail->ancestors.empty()) {
        const auto& parent = detail->ancestors.back();
        std::cout << "  Parent:      " << parent.ref << "  " << parent.title << '\n';
        std::string path;
        for (const auto& a : detail->ancestors) path += a.ref + " > ";
        std::cout << "  Path:        " << path << c.ref << '\n';
    }
    if (!c.description.empty()) std::cout << "\n  " << c.description << '\n';
    if (!detail->children.empty()) {
        std::cout << "\n  Children:\n";
        for (const auto& k : detail->children) std::cout << "    " << k.ref << "  " << k.title << '\n';
    }
    if (!detail->mappings.empty()) {
        std::cout << "\n  Mappings:\n";
        for (const auto& m : detail->mappings) {
            const bool outgoing = m.source == c.fullRef();
            std::cout << "    " << (outgoing ? "→ " + m.target : "← " + m.source) << "  " << toString(m.relationship)
                      << "  " << (outgoing ? m.targetTitle : m.sourceTitle) << "  [" << m.packId << "]\n";
        }
    }
    return kExitOk;
}

int cmdVerifyPlugin(const Options& o) {
    const fs::path file(o.pluginFile);
    std::error_code ec;
    if (!fs::exists(file, ec)) return fail(Error::badInput(file.string() + ": no such file"));
    PluginHost host;
    const PluginInfo& p = host.load(file);
    if (o.json) {
        printJson(std::cout, toJson(p));
    } else if (p.status == PluginStatus::Loaded) {
        std::size_t assessable = 0;
        for (const auto& f : p.catalog.frameworks) {
            for (const auto& c : f.controls) assessable += c.assessable ? 1 : 0;
        }
        std::cout << file.string() << ": OK — " << p.id << " " << p.version << " (ABI " << p.abiMajor << "."
                  << p.abiMinor << "), " << p.catalog.frameworks.size() << " framework(s), " << controlCount(p)
                  << " controls, " << assessable << " assessable" << (p.hasScope ? ", scoping rule" : "")
                  << (p.hasReadiness ? ", readiness checks" : "") << (p.hasPacks ? ", mapping packs" : "") << '\n';
    }
    if (p.status == PluginStatus::Rejected) {
        printRejected(p, std::cerr);
        return kExitBadInput;
    }
    return kExitOk;
}

int run(int argc, char** argv) {
    CLI::App app{"Crosswalk: typed crosswalks between security and privacy frameworks", "crosswalk"};
    app.require_subcommand(1);
    // Global options may also follow the subcommand: `crosswalk demo --db demo.db`.
    app.fallthrough();
    app.set_version_flag("--version", "crosswalk " + std::string(crosswalkVersion()));
    Options o;
    app.add_option("--db", o.db, "Workspace file (default: $XDG_DATA_HOME/crosswalk/workspace.db)");
    app.add_option("--plugins", o.pluginDirs, "Extra plugin folder or file (repeatable; searched first)");
    app.add_flag("--no-default-plugins", o.noDefaultPlugins,
                 "Search only --plugins/--packs and $CROSSWALK_PLUGIN_PATH/$CROSSWALK_PACK_PATH, not the built-in "
                 "folders");

    app.add_option("--packs", o.packDirs, "Extra mapping-pack folder or file (repeatable; searched first)");
    Command command = nullptr;
    auto sub = [&](const char* name, const char* help, int (*fn)(const Options&)) {
        CLI::App* s = app.add_subcommand(name, help);
        s->callback([&command, fn] { command = fn; });
        return s;
    };
    auto* init =
        sub("init", "Create the workspace if needed, load every plugin and mapping pack found, seed common controls",
            &cmdInit);
    init->add_flag("--json", o.json, "Print JSON");
    auto* plugins = sub("plugins", "List plugins found, loaded or rejected (with reasons)", &cmdPlugins);
    plugins->add_flag("--json", o.json, "Print JSON");
    auto* frameworks = sub("frameworks", "List the workspace's frameworks with their control counts", &cmdFrameworks);
    frameworks->add_flag("--json", o.json, "Print JSON");
    auto* controls = sub("controls", "List a framework's controls", &cmdControls);
    controls->add_option("framework", o.framework, "Framework id, e.g. iso27001-2022")->required();
    controls->add_flag("--tree", o.tree, "Show the hierarchy");
    controls->add_flag("--assessable", o.assessableOnly, "Only assessable controls");
    controls->add_flag("--json", o.json, "Print JSON");
    auto* show = sub("show", "Show one control: title, attributes, parent, children, mappings", &cmdShow);
    show->add_option("ref", o.ref, "Full reference FRAMEWORK:REF, e.g. iso27001-2022:A.5.15")->required();
    show->add_flag("--json", o.json, "Print JSON");
    auto* verify = sub("verify-plugin", "Load one plugin file and report every problem", &cmdVerifyPlugin);
    verify->add_option("file", o.pluginFile, "Plugin shared library")->required();
    verify->add_flag("--json", o.json, "Print JSON");
    addCrosswalkCommands(app, o, command);
    addOrganizationCommands(app, o, command);
    addEvidenceCommands(app, o, command);
    addAuditCommands(app, o, command);
    addSoaCommands(app, o, command);
    addDemoCommand(app, o, command);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "crosswalk: " << e.what() << " (see crosswalk --help)\n";
        return kExitBadInput;
    }
    return command != nullptr ? command(o) : kExitBadInput;
}

}  // namespace
}  // namespace cw::cli

int main(int argc, char** argv) {
    try {
        return cw::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "crosswalk: internal error: " << e.what() << '\n';
        return 1;
    }
}
