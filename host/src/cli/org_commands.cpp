// The organization commands: profile, scope, assets, targets, applicability, status.
#include "cli/common.hpp"
#include "cli/output.hpp"

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/implementation.hpp>
#include <crosswalk/core/json.hpp>
#include <crosswalk/core/organization.hpp>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

namespace cw::cli {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct OrgOptions {
    std::string action;  ///< the sub-action of the command that runs ("set", "add", "list" …)
    // profile set
    std::string name;
    std::string sector;
    std::string scopeStatement;
    std::string description;
    CLI::Option* nameOpt = nullptr;
    CLI::Option* sectorOpt = nullptr;
    CLI::Option* scopeStatementOpt = nullptr;
    CLI::Option* descriptionOpt = nullptr;
    // scope
    std::string kind;
    std::string itemName;
    bool out = false;
    std::string note;
    // assets
    std::string key;
    std::string assetName;
    std::string type;
    std::string classification = "internal";
    std::string owner;
    bool outOfScope = false;
    std::string assetDescription;
    // targets, applicability, status show
    std::string framework;
    std::vector<std::string> answerPairs;
    std::string answersText;
    std::string answersFile;
    bool notApplicable = false;
    // status
    std::string subject;
    std::string status;
    std::string due;
    std::string reason;
    std::string statusNote;
    bool open = false;
};
OrgOptions g_org;

Result<Workspace> openWorkspace(const Options& o) {
    return Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
}

// Cuts text for a table cell at a code point boundary.
std::string clip(const std::string& text, std::size_t max) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (points++ == max) return text.substr(0, i) + "…";
    }
    return text;
}

json::value orNull(const std::string& text) {
    return text.empty() ? json::value(nullptr) : json::value(text);
}

json::object toJson(const OrganizationProfile& p) {
    return json::object{
        {"name", p.name}, {"sector", p.sector}, {"scope_statement", p.scopeStatement}, {"description", p.description}};
}

json::object toJson(const ScopeItem& item) {
    return json::object{
        {"kind", toString(item.kind)}, {"name", item.name}, {"in_scope", item.inScope}, {"note", item.note}};
}

json::object toJson(const Asset& a) {
    return json::object{{"key", a.key},
                        {"name", a.name},
                        {"type", a.type},
                        {"classification", toString(a.classification)},
                        {"owner", a.owner},
                        {"in_scope", a.inScope},
                        {"description", a.description}};
}

json::object toJson(const Target& t) {
    return json::object{{"framework", t.framework},
                        {"answers", t.answers},
                        {"notes", json::array(t.notes.begin(), t.notes.end())},
                        {"added_at", t.addedAt},
                        {"applicable", t.applicable},
                        {"not_applicable", t.notApplicable}};
}

json::object toJson(const StatusEntry& e) {
    return json::object{{"subject", e.subject},
                        {"requirement", e.requirement},
                        {"status", toString(e.status)},
                        {"reason", e.reason},
                        {"owner", e.owner},
                        {"due", orNull(toString(e.due))},
                        {"note", e.note},
                        {"updated_at", e.updatedAt}};
}

json::object toJson(const RequirementStatus& r) {
    return json::object{{"ref", r.ref},
                        {"title", r.title},
                        {"applicable", r.applicable},
                        {"applicability_reason", r.applicabilityReason},
                        {"status", toString(r.status)},
                        {"via", r.via},
                        {"reason", r.reason},
                        {"common_controls", json::array(r.commonControls.begin(), r.commonControls.end())},
                        {"owner", r.owner},
                        {"due", orNull(toString(r.due))}};
}

// Prints `value` as JSON or `line` as text; the shape of every mutating command's output.
int done(const Options& o, const json::value& value, const std::string& line) {
    if (o.json) {
        printJson(std::cout, value);
    } else {
        std::cout << line << '\n';
    }
    return kExitOk;
}

// ---------------------------------------------------------------- profile

int cmdProfile(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto profile = organizationProfile(*ws);
    if (!profile) return fail(profile.error());
    if (g_org.action == "set") {
        // Options not given keep their current values, so one field can be changed alone.
        OrganizationProfile next = *profile;
        if (g_org.nameOpt->count() > 0) next.name = g_org.name;
        if (g_org.sectorOpt->count() > 0) next.sector = g_org.sector;
        if (g_org.scopeStatementOpt->count() > 0) next.scopeStatement = g_org.scopeStatement;
        if (g_org.descriptionOpt->count() > 0) next.description = g_org.description;
        if (next.name.empty()) {
            return fail(Error::badInput("profile set: --name is required while the organization has no name"));
        }
        if (auto r = setOrganizationProfile(*ws, next); !r) return fail(r.error());
        return done(o, toJson(next), "Profile of " + next.name + " saved");
    }
    auto items = scopeItems(*ws);
    if (!items) return fail(items.error());
    auto all = assets(*ws);
    if (!all) return fail(all.error());
    auto list = targets(*ws);
    if (!list) return fail(list.error());
    const auto inScope =
        static_cast<std::size_t>(std::count_if(all->begin(), all->end(), [](const Asset& a) { return a.inScope; }));
    if (o.json) {
        json::array scope;
        for (const auto& item : *items) scope.push_back(toJson(item));
        json::array targetList;
        for (const auto& t : *list) targetList.push_back(toJson(t));
        printJson(std::cout, json::object{{"organization", profile->name.empty() ? json::value(nullptr)
                                                                                 : json::value(toJson(*profile))},
                                          {"scope", std::move(scope)},
                                          {"assets", all->size()},
                                          {"assets_in_scope", inScope},
                                          {"targets", std::move(targetList)}});
        return kExitOk;
    }
    if (profile->name.empty()) {
        std::cout << "No organization profile yet: crosswalk profile set --name NAME [--sector S] "
                     "[--scope-statement TEXT]\n";
    } else {
        std::cout << profile->name << '\n';
        if (!profile->sector.empty()) std::cout << "  Sector:      " << profile->sector << '\n';
        if (!profile->description.empty()) std::cout << "  Description: " << profile->description << '\n';
        std::cout << "  Scope:       "
                  << (profile->scopeStatement.empty() ? "(no scope statement yet)" : profile->scopeStatement) << '\n';
    }
    if (!items->empty()) {
        std::cout << '\n';
        Table table({"KIND", "NAME", "SCOPE", "NOTE"});
        for (const auto& item : *items) {
            table.add({std::string(toString(item.kind)), item.name, item.inScope ? "in" : "out", item.note});
        }
        table.print(std::cout);
    }
    std::cout << "\nAssets: " << all->size() << " (" << inScope << " in scope)\n";
    if (list->empty()) {
        std::cout << "Targets: none yet (crosswalk targets add FRAMEWORK --answer KEY=VALUE)\n";
    } else {
        std::cout << "\n";
        Table table({"TARGET", "APPLICABLE", "NOT APPLICABLE", "ADDED"});
        for (const auto& t : *list) {
            table.add({t.framework, std::to_string(t.applicable), std::to_string(t.notApplicable), t.addedAt});
        }
        table.print(std::cout);
    }
    return kExitOk;
}

// ---------------------------------------------------------------- scope

Result<ScopeKind> kindArgument() {
    const auto kind = parseScopeKind(g_org.kind);
    if (!kind) return Error::badInput("unknown scope kind '" + g_org.kind + "' (expected site, system or process)");
    return *kind;
}

int cmdScope(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (g_org.action == "add" || g_org.action == "remove") {
        auto kind = kindArgument();
        if (!kind) return fail(kind.error());
        if (g_org.action == "remove") {
            if (auto r = removeScopeItem(*ws, *kind, g_org.itemName); !r) return fail(r.error());
            return done(o, json::object{{"removed", json::object{{"kind", g_org.kind}, {"name", g_org.itemName}}}},
                        "Removed " + g_org.kind + " '" + g_org.itemName + "' from the scope list");
        }
        const ScopeItem item{*kind, g_org.itemName, !g_org.out, g_org.note};
        if (auto r = setScopeItem(*ws, item); !r) return fail(r.error());
        return done(o, toJson(item),
                    "Scope: " + g_org.kind + " '" + item.name + "' " + (item.inScope ? "in scope" : "out of scope"));
    }
    auto items = scopeItems(*ws);
    if (!items) return fail(items.error());
    if (o.json) {
        json::array list;
        for (const auto& item : *items) list.push_back(toJson(item));
        printJson(std::cout, json::object{{"scope", std::move(list)}});
        return kExitOk;
    }
    if (items->empty()) {
        std::cout << "No sites, systems or processes yet: crosswalk scope add KIND NAME [--out --note WHY]\n";
        return kExitOk;
    }
    Table table({"KIND", "NAME", "SCOPE", "NOTE"});
    for (const auto& item : *items) {
        table.add({std::string(toString(item.kind)), item.name, item.inScope ? "in" : "out", item.note});
    }
    table.print(std::cout);
    return kExitOk;
}

// ---------------------------------------------------------------- assets

int cmdAssets(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (g_org.action == "add") {
        const auto classification = parseClassification(g_org.classification);
        if (!classification) {
            return fail(Error::badInput("unknown --classification '" + g_org.classification +
                                        "' (expected public, internal, confidential or restricted)"));
        }
        Asset asset{g_org.key,         g_org.assetName,       g_org.type, *classification, g_org.owner,
                    !g_org.outOfScope, g_org.assetDescription};
        auto saved = setAsset(*ws, std::move(asset));
        if (!saved) return fail(saved.error());
        return done(o, toJson(*saved), "Asset " + saved->key + " " + saved->name + " saved");
    }
    if (g_org.action == "remove") {
        if (auto r = removeAsset(*ws, g_org.key); !r) return fail(r.error());
        return done(o, json::object{{"removed", g_org.key}}, "Removed asset " + g_org.key);
    }
    auto all = assets(*ws);
    if (!all) return fail(all.error());
    if (o.json) {
        json::array list;
        for (const auto& a : *all) list.push_back(toJson(a));
        printJson(std::cout, json::object{{"assets", std::move(list)}});
        return kExitOk;
    }
    if (all->empty()) {
        std::cout << "No assets yet: crosswalk assets add --name NAME [--type T] [--classification C]\n";
        return kExitOk;
    }
    Table table({"KEY", "NAME", "TYPE", "CLASSIFICATION", "OWNER", "SCOPE"});
    for (const auto& a : *all) {
        table.add({a.key, a.name, a.type, std::string(toString(a.classification)), a.owner, a.inScope ? "in" : "out"});
    }
    table.print(std::cout);
    return kExitOk;
}

// ---------------------------------------------------------------- targets

Result<std::string> readFile(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::badInput("--answers-file " + file + ": cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Error::internal("--answers-file " + file + ": read error");
    return text.str();
}

// Objects merge key by key (recursively); anything else is replaced.
void merge(json::object& into, const json::object& from) {
    for (const auto& [key, value] : from) {
        auto* existing = into.if_contains(key);
        if (existing != nullptr && existing->is_object() && value.is_object()) {
            merge(existing->get_object(), value.get_object());
        } else {
            into[key] = value;
        }
    }
}

// KEY=VALUE. VALUE is JSON when it reads as true, false, null, a number, or starts with
// '[', '{' or '"'; otherwise it is a string. '/' in KEY nests: exclusions/A.7.4=reason.
Result<json::object> answerPair(const std::string& pair) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
        return Error::badInput("--answer '" + pair + "': expected KEY=VALUE");
    }
    const std::string key = pair.substr(0, eq);
    const std::string text = pair.substr(eq + 1);
    json::value value;
    const bool explicitJson = !text.empty() && (text[0] == '[' || text[0] == '{' || text[0] == '"');
    boost::system::error_code ec;
    json::value parsed = json::parse(text, ec);
    if (!ec && (explicitJson || !parsed.is_string())) {
        value = std::move(parsed);
    } else if (explicitJson) {
        auto strict = parseJson(text, "--answer " + key);
        if (!strict) return strict.error();
        value = std::move(*strict);
    } else {
        value = json::string(text);
    }
    std::vector<std::string> path;
    for (std::size_t start = 0;;) {
        const auto slash = key.find('/', start);
        path.push_back(key.substr(start, slash - start));
        if (path.back().empty()) return Error::badInput("--answer '" + pair + "': empty name in KEY '" + key + "'");
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) value = json::object{{*it, std::move(value)}};
    return std::move(value.get_object());
}

// --answers-file, then each --answer, then --answers: later ones win, objects merge.
Result<json::object> collectAnswers() {
    json::object answers;
    auto addObject = [&](const std::string& text, const std::string& origin) -> Result<void> {
        auto parsed = parseJson(text, origin);
        if (!parsed) return parsed.error();
        if (!parsed->is_object()) return Error::badInput(origin + ": the answers must be a JSON object");
        merge(answers, parsed->get_object());
        return {};
    };
    if (!g_org.answersFile.empty()) {
        auto text = readFile(g_org.answersFile);
        if (!text) return text.error();
        if (auto r = addObject(*text, "--answers-file " + g_org.answersFile); !r) return r.error();
    }
    for (const auto& pair : g_org.answerPairs) {
        auto one = answerPair(pair);
        if (!one) return one.error();
        merge(answers, *one);
    }
    if (!g_org.answersText.empty()) {
        if (auto r = addObject(g_org.answersText, "--answers"); !r) return r.error();
    }
    return answers;
}

void printTarget(const Target& t) {
    std::cout << "Target " << t.framework << ": " << t.applicable << " requirement(s) apply, " << t.notApplicable
              << " do not (crosswalk applicability " << t.framework << ")\n";
    for (const auto& n : t.notes) std::cout << "  - " << n << '\n';
}

int cmdTargets(const Options& o) {
    if (g_org.action == "add") {
        auto answers = collectAnswers();
        if (!answers) return fail(answers.error());
        auto ws = openWorkspace(o);
        if (!ws) return fail(ws.error());
        PluginHost host;
        host.loadAll(searchPath(o));
        auto target = setTarget(*ws, host, g_org.framework, *answers);
        if (!target) return fail(target.error());
        if (o.json) {
            printJson(std::cout, toJson(*target));
        } else {
            printTarget(*target);
        }
        return kExitOk;
    }
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (g_org.action == "remove") {
        if (auto r = removeTarget(*ws, g_org.framework); !r) return fail(r.error());
        return done(o, json::object{{"removed", g_org.framework}}, "Removed target " + g_org.framework);
    }
    auto list = targets(*ws);
    if (!list) return fail(list.error());
    if (o.json) {
        json::array out;
        for (const auto& t : *list) out.push_back(toJson(t));
        printJson(std::cout, json::object{{"targets", std::move(out)}});
        return kExitOk;
    }
    if (list->empty()) {
        std::cout << "No target frameworks yet: crosswalk targets add FRAMEWORK --answer KEY=VALUE\n";
        return kExitOk;
    }
    Table table({"TARGET", "APPLICABLE", "NOT APPLICABLE", "ANSWERS", "ADDED"});
    for (const auto& t : *list) {
        table.add({t.framework, std::to_string(t.applicable), std::to_string(t.notApplicable),
                   clip(json::serialize(t.answers), 60), t.addedAt});
    }
    table.print(std::cout);
    return kExitOk;
}

int cmdApplicability(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto rows = applicability(*ws, g_org.framework);
    if (!rows) return fail(rows.error());
    const auto applicable =
        static_cast<std::size_t>(std::count_if(rows->begin(), rows->end(), [](const auto& r) { return r.applies; }));
    if (g_org.notApplicable) std::erase_if(*rows, [](const Applicability& r) { return r.applies; });
    if (o.json) {
        json::array list;
        for (const auto& r : *rows) {
            list.push_back(
                json::object{{"ref", r.ref}, {"title", r.title}, {"applies", r.applies}, {"reason", r.reason}});
        }
        printJson(std::cout, json::object{{"framework", g_org.framework},
                                          {"applicable", applicable},
                                          {"not_applicable", rows->size() - (g_org.notApplicable ? 0 : applicable)},
                                          {"requirements", std::move(list)}});
        return kExitOk;
    }
    Table table({"REF", "APPLIES", "TITLE", "REASON"});
    for (const auto& r : *rows) table.add({r.ref, r.applies ? "yes" : "no", clip(r.title, 50), r.reason});
    table.print(std::cout);
    std::cout << '\n'
              << g_org.framework << ": " << applicable << " requirement(s) apply, "
              << (g_org.notApplicable ? rows->size() : rows->size() - applicable) << " do not\n";
    return kExitOk;
}

// ---------------------------------------------------------------- status

int cmdStatus(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (g_org.action == "set") {
        const auto status = parseImplementationStatus(g_org.status);
        if (!status) {
            return fail(Error::badInput("unknown status '" + g_org.status +
                                        "' (expected not-started, planned, partial, implemented or not-applicable)"));
        }
        auto due = parseOptionalDate(g_org.due, "--due");
        if (!due) return fail(due.error());
        StatusEntry entry;
        entry.subject = g_org.subject;
        entry.status = *status;
        entry.owner = g_org.owner;
        entry.due = *due;
        entry.reason = g_org.reason;
        entry.note = g_org.statusNote;
        auto saved = setImplementationStatus(*ws, entry);
        if (!saved) return fail(saved.error());
        return done(o, toJson(*saved), saved->subject + ": " + std::string(toString(saved->status)));
    }
    if (g_org.action == "clear") {
        if (auto r = clearImplementationStatus(*ws, g_org.subject); !r) return fail(r.error());
        return done(o, json::object{{"cleared", g_org.subject}}, "Cleared the status of " + g_org.subject);
    }
    if (g_org.action == "show") {
        auto rows = requirementStatuses(*ws, g_org.framework);
        if (!rows) return fail(rows.error());
        std::map<ImplementationStatus, std::size_t> counts;
        for (const auto& r : *rows) ++counts[r.status];
        // Open: applicable requirements not yet implemented.
        if (g_org.open) {
            std::erase_if(*rows, [](const RequirementStatus& r) {
                return !r.applicable || r.status == ImplementationStatus::Implemented ||
                       r.status == ImplementationStatus::NotApplicable;
            });
        }
        if (o.json) {
            json::array list;
            for (const auto& r : *rows) list.push_back(toJson(r));
            printJson(std::cout, json::object{{"framework", g_org.framework},
                                              {"summary",
                                               json::object{
                                                   {"not_started", counts[ImplementationStatus::NotStarted]},
                                                   {"planned", counts[ImplementationStatus::Planned]},
                                                   {"partial", counts[ImplementationStatus::Partial]},
                                                   {"implemented", counts[ImplementationStatus::Implemented]},
                                                   {"not_applicable", counts[ImplementationStatus::NotApplicable]},
                                               }},
                                              {"requirements", std::move(list)}});
            return kExitOk;
        }
        Table table({"REF", "STATUS", "VIA", "OWNER", "DUE", "TITLE"});
        for (const auto& r : *rows) {
            table.add({r.ref, std::string(toString(r.status)), r.via.empty() ? "-" : r.via, r.owner, toString(r.due),
                       clip(r.title, 50)});
        }
        table.print(std::cout);
        std::cout << '\n'
                  << g_org.framework << ": " << counts[ImplementationStatus::Implemented] << " implemented, "
                  << counts[ImplementationStatus::Partial] << " partial, " << counts[ImplementationStatus::Planned]
                  << " planned, " << counts[ImplementationStatus::NotStarted] << " not started, "
                  << counts[ImplementationStatus::NotApplicable] << " not applicable\n";
        return kExitOk;
    }
    auto all = implementationStatuses(*ws);
    if (!all) return fail(all.error());
    if (o.json) {
        json::array list;
        for (const auto& e : *all) list.push_back(toJson(e));
        printJson(std::cout, json::object{{"statuses", std::move(list)}});
        return kExitOk;
    }
    if (all->empty()) {
        std::cout << "No status recorded yet: crosswalk status set SUBJECT STATUS [--owner O] [--due YYYY-MM-DD]\n";
        return kExitOk;
    }
    Table table({"SUBJECT", "STATUS", "OWNER", "DUE", "REASON / NOTE"});
    for (const auto& e : *all) {
        const std::string text = e.reason.empty() ? e.note : e.note.empty() ? e.reason : e.reason + "; " + e.note;
        table.add({e.subject, std::string(toString(e.status)), e.owner, toString(e.due), clip(text, 70)});
    }
    table.print(std::cout);
    return kExitOk;
}

}  // namespace

void addOrganizationCommands(CLI::App& app, Options& o, Command& command) {
    auto sub = [&](CLI::App& parent, const char* name, const char* help, Command fn) {
        CLI::App* s = parent.add_subcommand(name, help);
        s->callback([&command, fn] { command = fn; });
        s->add_flag("--json", o.json, "Print JSON");
        return s;
    };
    // An action of a command: records which one ran; the command's own callback runs the code.
    auto action = [&](CLI::App* parent, const char* name, const char* help) {
        CLI::App* a = parent->add_subcommand(name, help);
        a->callback([name] { g_org.action = name; });
        a->add_flag("--json", o.json, "Print JSON");
        return a;
    };

    auto* profile = sub(app, "profile", "The organization profile, its scope, asset count and targets", &cmdProfile);
    auto* set = action(profile, "set", "Set the profile (options not given keep their values)");
    g_org.nameOpt = set->add_option("--name", g_org.name, "Organization name (required the first time)");
    g_org.sectorOpt = set->add_option("--sector", g_org.sector, "Sector, e.g. \"Health technology (SaaS)\"");
    g_org.scopeStatementOpt =
        set->add_option("--scope-statement", g_org.scopeStatement, "The ISMS scope statement (ISO 27001 4.3)");
    g_org.descriptionOpt = set->add_option("--description", g_org.description, "Description");

    auto* scope = sub(app, "scope", "Sites, systems and processes in and out of scope (list, add, remove)", &cmdScope);
    action(scope, "list", "List the scope items (the default)");
    auto* scopeAdd = action(scope, "add", "Add or replace a site, system or process");
    scopeAdd->add_option("kind", g_org.kind, "site, system or process")->required();
    scopeAdd->add_option("name", g_org.itemName, "Name")->required();
    scopeAdd->add_flag("--out", g_org.out, "Out of scope (needs --note)");
    scopeAdd->add_option("--note", g_org.note, "Why (required with --out)");
    auto* scopeRemove = action(scope, "remove", "Remove a site, system or process from the list");
    scopeRemove->add_option("kind", g_org.kind, "site, system or process")->required();
    scopeRemove->add_option("name", g_org.itemName, "Name")->required();

    auto* assetsCmd = sub(app, "assets", "The asset inventory (list, add, remove)", &cmdAssets);
    action(assetsCmd, "list", "List assets (the default)");
    auto* assetAdd = action(assetsCmd, "add", "Add an asset, or replace the one with --key");
    assetAdd->add_option("--key", g_org.key, "Key (default: the next free AST-NN)");
    assetAdd->add_option("--name", g_org.assetName, "Name")->required();
    assetAdd->add_option("--type", g_org.type, "information, software, hardware, service, people, site …");
    assetAdd->add_option("--classification", g_org.classification,
                         "public, internal (default), confidential or restricted");
    assetAdd->add_option("--owner", g_org.owner, "Owner");
    assetAdd->add_flag("--out-of-scope", g_org.outOfScope, "The asset is outside the ISMS scope");
    assetAdd->add_option("--description", g_org.assetDescription, "Description");
    auto* assetRemove = action(assetsCmd, "remove", "Remove an asset (refused while a risk refers to it)");
    assetRemove->add_option("key", g_org.key, "Asset key")->required();

    auto* targetsCmd =
        sub(app, "targets", "Target frameworks with their scoping answers (list, add, remove)", &cmdTargets);
    action(targetsCmd, "list", "List the targets (the default)");
    auto* targetAdd = action(targetsCmd, "add",
                             "Make a framework a target: run its plugin's scoping rule and record which requirements "
                             "apply (again: replaces the answers)");
    targetAdd->add_option("framework", g_org.framework, "Framework id, e.g. hipaa")->required();
    targetAdd
        ->add_option("--answer", g_org.answerPairs,
                     "KEY=VALUE (repeatable); VALUE true/false/null/numbers and text starting with [ { \" are "
                     "JSON, anything else a string; '/' in KEY nests: exclusions/A.7.4=REASON")
        ->allow_extra_args(false);
    targetAdd->add_option("--answers", g_org.answersText, "A JSON object of answers (merged last, so it wins)");
    targetAdd->add_option("--answers-file", g_org.answersFile,
                          "A file holding a JSON object of answers (merged first)");
    auto* targetRemove = action(targetsCmd, "remove", "Stop targeting a framework (drops its applicability)");
    targetRemove->add_option("framework", g_org.framework, "Framework id")->required();

    auto* applicable =
        sub(app, "applicability", "Which requirements of a target framework apply, and why", &cmdApplicability);
    applicable->add_option("framework", g_org.framework, "Target framework id")->required();
    applicable->add_flag("--not-applicable", g_org.notApplicable, "Only the requirements that do not apply");

    auto* status = sub(app, "status", "Implementation status (list, set, clear, show)", &cmdStatus);
    action(status, "list", "Every recorded status (the default)");
    auto* statusSet = action(status, "set", "Record the status of a common control or a requirement");
    statusSet->add_option("subject", g_org.subject, "Common control key (CC-A.5.15) or requirement FRAMEWORK:REF")
        ->required();
    statusSet->add_option("status", g_org.status, "not-started, planned, partial, implemented or not-applicable")
        ->required();
    statusSet->add_option("--owner", g_org.owner, "Owner");
    statusSet->add_option("--due", g_org.due, "Due date YYYY-MM-DD");
    statusSet->add_option("--reason", g_org.reason, "Why (required for not-applicable)");
    statusSet->add_option("--note", g_org.statusNote, "Note");
    auto* statusClear = action(status, "clear", "Remove a recorded status (it falls back to what is carried)");
    statusClear->add_option("subject", g_org.subject, "Common control key or requirement FRAMEWORK:REF")->required();
    auto* statusShow = action(status, "show", "The status that reaches each requirement of a framework, and how");
    statusShow->add_option("framework", g_org.framework, "Framework id")->required();
    statusShow->add_flag("--open", g_org.open, "Only applicable requirements not yet implemented");
}

}  // namespace cw::cli
