// The organization commands: profile, scope, assets, targets, applicability, status.
#include "cli/workbench_cli.hpp"

#include <crosswalk/io/json.hpp>
#include <crosswalk/model/date.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/workbench/targets.hpp>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

namespace cw::cli {
namespace {

namespace json = boost::json;

struct OrgOptions {
    std::string action;  ///< the sub-action of the command that runs ("set", "add", "list" …)
    // profile set
    std::string name;
    std::string sector;
    std::string scopeStatement;
    std::string description;
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
    GivenOptions given;
};
OrgOptions g_org;

constexpr const char* kScopeKinds = "site, system, process";
constexpr const char* kClassifications = "public, internal, confidential, restricted";

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
                        {"kind", e.requirement ? "requirement" : "common-control"},
                        {"status", toString(e.status)},
                        {"reason", e.reason},
                        {"owner", e.owner},
                        {"due", jsonDate(e.due)},
                        {"note", e.note},
                        {"updated_at", e.updatedAt}};
}

// Overloads do not convert to a function object; these name one of each.
const auto scopeJson = [](const ScopeItem& item) { return toJson(item); };
const auto targetJson = [](const Target& t) { return toJson(t); };
const auto statusJson = [](const RequirementStatus& r) { return cli::toJson(r); };

const std::vector<std::string> kScopeHeader{"KIND", "NAME", "SCOPE", "NOTE"};

std::vector<std::string> scopeRow(const ScopeItem& item) {
    return {std::string(toString(item.kind)), item.name, item.inScope ? "in" : "out", item.note};
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
        if (g_org.given("--name")) next.name = g_org.name;
        if (g_org.given("--sector")) next.sector = g_org.sector;
        if (g_org.given("--scope-statement")) next.scopeStatement = g_org.scopeStatement;
        if (g_org.given("--description")) next.description = g_org.description;
        if (next.name.empty()) {
            return fail(Error::badInput("profile set: --name is required while the organization has no name"));
        }
        if (auto r = setOrganizationProfile(*ws, next); !r) return fail(r.error());
        return printDone(o, toJson(next), "Profile of " + next.name + " saved");
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
        printJson(std::cout, json::object{{"organization", profile->name.empty() ? json::value(nullptr)
                                                                                 : json::value(toJson(*profile))},
                                          {"scope", jsonList(*items, scopeJson)},
                                          {"assets", all->size()},
                                          {"assets_in_scope", inScope},
                                          {"targets", jsonList(*list, targetJson)}});
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
        Table table(kScopeHeader);
        for (const auto& item : *items) table.add(scopeRow(item));
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

int cmdScope(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (g_org.action == "add" || g_org.action == "remove") {
        auto kind = choice(parseScopeKind(g_org.kind), g_org.kind, "kind", kScopeKinds);
        if (!kind) return fail(kind.error());
        if (g_org.action == "remove") {
            if (auto r = removeScopeItem(*ws, *kind, g_org.itemName); !r) return fail(r.error());
            return printDone(o, json::object{{"removed", json::object{{"kind", g_org.kind}, {"name", g_org.itemName}}}},
                             "Removed " + g_org.kind + " '" + g_org.itemName + "' from the scope list");
        }
        const ScopeItem item{*kind, g_org.itemName, !g_org.out, g_org.note};
        if (auto r = setScopeItem(*ws, item); !r) return fail(r.error());
        return printDone(
            o, toJson(item),
            "Scope: " + g_org.kind + " '" + item.name + "' " + (item.inScope ? "in scope" : "out of scope"));
    }
    auto items = scopeItems(*ws);
    if (!items) return fail(items.error());
    return printList(o, "scope", *items, scopeJson, kScopeHeader, scopeRow,
                     "No sites, systems or processes yet: crosswalk scope add KIND NAME [--out --note WHY]");
}

// ---------------------------------------------------------------- assets

int cmdAssets(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (g_org.action == "add") {
        const auto classification = choice(parseClassification(g_org.classification), g_org.classification,
                                           "--classification", kClassifications);
        if (!classification) return fail(classification.error());
        Asset asset{g_org.key,         g_org.assetName,       g_org.type, *classification, g_org.owner,
                    !g_org.outOfScope, g_org.assetDescription};
        auto saved = setAsset(*ws, std::move(asset));
        if (!saved) return fail(saved.error());
        return printDone(o, toJson(*saved), "Asset " + saved->key + " " + saved->name + " saved");
    }
    if (g_org.action == "remove") {
        if (auto r = removeAsset(*ws, g_org.key); !r) return fail(r.error());
        return printDone(o, json::object{{"removed", g_org.key}}, "Removed asset " + g_org.key);
    }
    auto all = assets(*ws);
    if (!all) return fail(all.error());
    return printList(
        o, "assets", *all, [](const Asset& a) { return toJson(a); },
        {"KEY", "NAME", "TYPE", "CLASSIFICATION", "OWNER", "SCOPE"},
        [](const Asset& a) -> std::vector<std::string> {
            return {a.key, a.name, a.type, std::string(toString(a.classification)), a.owner, a.inScope ? "in" : "out"};
        },
        "No assets yet: crosswalk assets add --name NAME [--type T] [--classification C]");
}

// ---------------------------------------------------------------- targets

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
    auto split = keyValue(pair, "--answer");
    if (!split) return split.error();
    const auto& [key, text] = *split;
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
        if (path.back().empty())
            return Error::badInput("--answer: '" + pair + "' has an empty name in KEY '" + key + "'");
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
        auto text = readText(g_org.answersFile);
        if (!text) return Error{text.error().kind, "--answers-file " + text.error().message};
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
        return printDone(o, json::object{{"removed", g_org.framework}}, "Removed target " + g_org.framework);
    }
    auto list = targets(*ws);
    if (!list) return fail(list.error());
    return printList(
        o, "targets", *list, targetJson, {"TARGET", "APPLICABLE", "NOT APPLICABLE", "ANSWERS", "ADDED"},
        [](const Target& t) -> std::vector<std::string> {
            return {t.framework, std::to_string(t.applicable), std::to_string(t.notApplicable),
                    clip(json::serialize(t.answers), 60), t.addedAt};
        },
        "No target frameworks yet: crosswalk targets add FRAMEWORK --answer KEY=VALUE");
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
        // "applicable" as in `status show` and the SoA; the counts are the target's.
        const auto rowJson = [](const Applicability& r) {
            return json::object{{"ref", r.ref}, {"title", r.title}, {"applicable", r.applies}, {"reason", r.reason}};
        };
        printJson(std::cout, json::object{{"framework", g_org.framework},
                                          {"applicable", applicable},
                                          {"not_applicable", rows->size() - (g_org.notApplicable ? 0 : applicable)},
                                          {"requirements", jsonList(*rows, rowJson)}});
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
        const auto status =
            choice(parseImplementationStatus(g_org.status), g_org.status, "status", kImplementationStatuses);
        if (!status) return fail(status.error());
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
        return printDone(o, toJson(*saved), saved->subject + ": " + std::string(toString(saved->status)));
    }
    if (g_org.action == "clear") {
        if (auto r = clearImplementationStatus(*ws, g_org.subject); !r) return fail(r.error());
        return printDone(o, json::object{{"cleared", g_org.subject}}, "Cleared the status of " + g_org.subject);
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
            printJson(std::cout, json::object{{"framework", g_org.framework},
                                              {"summary",
                                               json::object{
                                                   {"not_started", counts[ImplementationStatus::NotStarted]},
                                                   {"planned", counts[ImplementationStatus::Planned]},
                                                   {"partial", counts[ImplementationStatus::Partial]},
                                                   {"implemented", counts[ImplementationStatus::Implemented]},
                                                   {"not_applicable", counts[ImplementationStatus::NotApplicable]},
                                               }},
                                              {"requirements", jsonList(*rows, statusJson)}});
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
    return printList(
        o, "statuses", *all, [](const StatusEntry& e) { return toJson(e); },
        {"SUBJECT", "STATUS", "OWNER", "DUE", "REASON / NOTE"},
        [](const StatusEntry& e) -> std::vector<std::string> {
            const std::string text = e.reason.empty() ? e.note : e.note.empty() ? e.reason : e.reason + "; " + e.note;
            return {e.subject, std::string(toString(e.status)), e.owner, toString(e.due), clip(text, 70)};
        },
        "No status recorded yet: crosswalk status set SUBJECT STATUS [--owner O] [--due YYYY-MM-DD]");
}

}  // namespace

void addOrganizationCommands(CLI::App& app, Options& o, Command& command) {
    Commands c(app, o, command, "Organization and scope");
    auto& g = g_org;

    auto* profile = c.add("profile", "The organization profile with its scope, asset count and targets", &cmdProfile);
    auto* set = c.action(profile, "set", "Set the profile (options not given keep their values)", g.action);
    g.given.track(set->add_option("--name", g.name, "Organization name (required the first time)"));
    g.given.track(set->add_option("--sector", g.sector, "Sector, e.g. \"Health technology (SaaS)\""));
    g.given.track(set->add_option("--scope-statement", g.scopeStatement, "The ISMS scope statement (ISO 27001 4.3)"));
    g.given.track(set->add_option("--description", g.description, "Description"));

    auto* scope = c.add("scope", "Sites, systems and processes in and out of scope (list, add, remove)", &cmdScope);
    c.action(scope, "list", "List the scope items (the default)", g.action);
    auto* scopeAdd = c.action(scope, "add", "Add or replace a site, system or process", g.action);
    scopeAdd->add_option("kind", g.kind, kScopeKinds)->required();
    scopeAdd->add_option("name", g.itemName, "Name")->required();
    scopeAdd->add_flag("--out", g.out, "Out of scope (needs --note)");
    scopeAdd->add_option("--note", g.note, "Why (required with --out)");
    auto* scopeRemove = c.action(scope, "remove", "Remove a site, system or process from the list", g.action);
    scopeRemove->add_option("kind", g.kind, kScopeKinds)->required();
    scopeRemove->add_option("name", g.itemName, "Name")->required();

    auto* assetsCmd = c.add("assets", "The asset inventory (list, add, remove)", &cmdAssets);
    c.action(assetsCmd, "list", "List assets (the default)", g.action);
    auto* assetAdd = c.action(assetsCmd, "add", "Add an asset, or replace the one with --key", g.action);
    assetAdd->add_option("--key", g.key, "Key (default: the next free AST-NN)");
    assetAdd->add_option("--name", g.assetName, "Name")->required();
    assetAdd->add_option("--type", g.type, "information, software, hardware, service, people, site …");
    assetAdd->add_option("--classification", g.classification, std::string(kClassifications) + " (default: internal)");
    assetAdd->add_option("--owner", g.owner, "Owner");
    assetAdd->add_flag("--out-of-scope", g.outOfScope, "The asset is outside the ISMS scope");
    assetAdd->add_option("--description", g.assetDescription, "Description");
    auto* assetRemove = c.action(assetsCmd, "remove", "Remove an asset (refused while a risk refers to it)", g.action);
    assetRemove->add_option("key", g.key, "Asset key")->required();

    auto* targetsCmd =
        c.add("targets", "Target frameworks with their scoping answers (list, add, remove)", &cmdTargets);
    c.action(targetsCmd, "list", "List the targets (the default)", g.action);
    auto* targetAdd = c.action(targetsCmd, "add",
                               "Make a framework a target: its plugin's scoping rule records which requirements "
                               "apply (again: replaces the answers)",
                               g.action);
    targetAdd->add_option("framework", g.framework, "Framework id, e.g. hipaa")->required();
    targetAdd
        ->add_option("--answer", g.answerPairs,
                     "KEY=VALUE (repeatable); VALUE true/false/null/numbers and text starting with [ { \" are "
                     "JSON, anything else a string; '/' in KEY nests: exclusions/A.7.4=REASON")
        ->allow_extra_args(false);
    targetAdd->add_option("--answers", g.answersText, "A JSON object of answers (merged last, so it wins)");
    targetAdd->add_option("--answers-file", g.answersFile, "A file holding a JSON object of answers (merged first)");
    auto* targetRemove =
        c.action(targetsCmd, "remove", "Stop targeting a framework (drops its applicability)", g.action);
    targetRemove->add_option("framework", g.framework, "Framework id")->required();

    auto* applicable =
        c.add("applicability", "Which requirements of a target framework apply, and why", &cmdApplicability);
    applicable->add_option("framework", g.framework, "Target framework id")->required();
    applicable->add_flag("--not-applicable", g.notApplicable, "Only the requirements that do not apply");

    auto* status = c.add("status", "Implementation status (list, set, clear, show)", &cmdStatus);
    c.action(status, "list", "Every recorded status (the default)", g.action);
    auto* statusSet = c.action(status, "set", "Record the status of a common control or a requirement", g.action);
    statusSet->add_option("subject", g.subject, "Common control key (CC-A.5.15) or requirement FRAMEWORK:REF")
        ->required();
    statusSet->add_option("status", g.status, kImplementationStatuses)->required();
    statusSet->add_option("--owner", g.owner, "Owner");
    statusSet->add_option("--due", g.due, "Due date (YYYY-MM-DD)");
    statusSet->add_option("--reason", g.reason, "Why (required for not-applicable)");
    statusSet->add_option("--note", g.statusNote, "Note");
    auto* statusClear =
        c.action(status, "clear", "Remove a recorded status (it falls back to what is carried)", g.action);
    statusClear->add_option("subject", g.subject, "Common control key or requirement FRAMEWORK:REF")->required();
    auto* statusShow =
        c.action(status, "show", "The status that reaches each requirement of a framework, and how", g.action);
    statusShow->add_option("framework", g.framework, "Framework id")->required();
    statusShow->add_flag("--open", g.open, "Only applicable requirements not yet implemented");
}

}  // namespace cw::cli
