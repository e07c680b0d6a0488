// The organization profile and scope: the profile, scope items, assets, targets and
// applicability. All SQL for organization, scope_items, assets, targets and applicability.
#include <crosswalk/core/organization.hpp>

#include "database.hpp"
#include "workbench_util.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace cw {
namespace {

namespace json = boost::json;
using db::blank;
using db::joined;

constexpr std::string_view kNotAddressed = "not addressed by the scoping rule: applies";

Result<std::vector<std::string>> column(db::Database& db, std::string_view query, std::string_view param = {}) {
    auto s = db.cached(query);
    if (!s) return s.error();
    if (!param.empty()) (*s)->bindAll(param);
    std::vector<std::string> out;
    if (auto r = (*s)->each([&] { out.push_back((*s)->text(0)); }); !r) return r.error();
    return out;
}

Result<json::value> parseStored(const std::string& text, std::string_view what) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec) return Error::internal("stored " + std::string(what) + " is not valid JSON: " + ec.message());
    return v;
}

// The profile as the scoping rules see it (rules.schema.json scopeInput.profile).
Result<json::object> profileForRules(Workspace& ws) {
    auto profile = organizationProfile(ws);
    if (!profile) return profile.error();
    auto items = scopeItems(ws);
    if (!items) return items.error();
    auto all = assets(ws);
    if (!all) return all.error();
    json::array sites;
    json::array systems;
    json::array processes;
    json::array outOfScope;
    for (const auto& item : *items) {
        if (!item.inScope) {
            outOfScope.push_back(json::object{{"kind", toString(item.kind)}, {"name", item.name}, {"note", item.note}});
            continue;
        }
        (item.kind == ScopeKind::Site     ? sites
         : item.kind == ScopeKind::System ? systems
                                          : processes)
            .emplace_back(item.name);
    }
    json::array assetList;
    for (const auto& a : *all) {
        assetList.push_back(json::object{{"key", a.key},
                                         {"name", a.name},
                                         {"type", a.type},
                                         {"classification", toString(a.classification)},
                                         {"in_scope", a.inScope}});
    }
    return json::object{{"name", profile->name},
                        {"sector", profile->sector},
                        {"scope_statement", profile->scopeStatement},
                        {"description", profile->description},
                        {"sites", std::move(sites)},
                        {"systems", std::move(systems)},
                        {"processes", std::move(processes)},
                        {"out_of_scope", std::move(outOfScope)},
                        {"assets", std::move(assetList)}};
}

struct CatalogNode {
    std::int64_t id = 0;
    std::string ref;
    std::int64_t parent = 0;  // 0 at top level
    bool assessable = false;
};

struct Decision {
    bool applies = true;
    std::string reason;
};

// What the scoping rule says, resolved onto the framework's assessable requirements.
struct Scoping {
    std::map<std::int64_t, Decision> decisions;  // by control id
    std::vector<std::string> notes;
};

Result<std::vector<CatalogNode>> catalogNodes(db::Database& db, std::string_view framework) {
    auto s = db.cached(
        "SELECT id, ref, coalesce(parent_id, 0), assessable FROM controls WHERE framework_id = ?1 ORDER BY position");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    std::vector<CatalogNode> out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            out.push_back({q.integer(0), q.text(1), q.integer(2), q.integer(3) != 0});
        });
        !r) {
        return r.error();
    }
    return out;
}

// Reads a rule's output (already checked against rules.schema.json by the host). A listed
// assessable requirement gets the rule's decision. A listed node (a grouping, or a requirement
// with requirements under it: a HIPAA standard, an SP 800-53 control with its enhancements)
// passes its decision to the assessable requirements under it that the rule does not list
// itself, the nearest listed ancestor deciding when they nest (the more specific word wins,
// whatever the order of the list). A listed grouping with no assessable requirement under it
// (a SOC 2 point of focus) is left out, with a note.
Result<Scoping> readScoping(const std::string& output, std::string_view framework, std::string_view plugin,
                            const std::vector<CatalogNode>& nodes) {
    const std::string who = "plugin '" + std::string(plugin) + "'";
    boost::system::error_code ec;
    const json::value root = json::parse(output, ec);
    if (ec || !root.is_object()) return Error::internal(who + ": scoping output is not a JSON object");
    const json::object& out = root.get_object();
    if (const auto* f = out.if_contains("framework"); f == nullptr || !f->is_string() || f->get_string() != framework) {
        return Error::internal(who + ": scoping output is about another framework, not '" + std::string(framework) +
                               "'");
    }
    std::map<std::string, std::size_t, std::less<>> byRef;
    std::map<std::int64_t, std::vector<std::size_t>> children;
    std::map<std::int64_t, std::size_t> byId;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        byRef.emplace(nodes[i].ref, i);
        byId.emplace(nodes[i].id, i);
        if (nodes[i].parent != 0) children[nodes[i].parent].push_back(i);
    }
    const auto depthOf = [&](std::size_t index) {
        std::size_t depth = 0;
        for (auto at = byId.find(nodes[index].parent); at != byId.end(); at = byId.find(nodes[at->second].parent)) {
            ++depth;
        }
        return depth;
    };
    Scoping result;
    // Requirement id → the decision passed down and the depth of the grouping it came from.
    std::map<std::int64_t, std::pair<std::size_t, Decision>> inherited;
    std::vector<std::string> ignored;
    for (const auto& item : out.at("requirements").as_array()) {
        const json::object& r = item.as_object();
        const std::string ref(r.at("ref").as_string());
        const auto found = byRef.find(ref);
        if (found == byRef.end()) {
            return Error::internal(who + ": scoping output names '" + ref + "', which is not a control of '" +
                                   std::string(framework) + "'");
        }
        const CatalogNode& node = nodes[found->second];
        Decision decision{r.at("applies").as_bool(), std::string(r.at("reason").as_string())};
        if (node.assessable) result.decisions.emplace(node.id, decision);  // the first word on a ref stands
        const std::size_t depth = depthOf(found->second);
        std::vector<std::size_t> stack = {found->second};
        std::size_t reached = 0;
        while (!stack.empty()) {
            const std::size_t at = stack.back();
            stack.pop_back();
            if (const auto kids = children.find(nodes[at].id); kids != children.end()) {
                stack.insert(stack.end(), kids->second.begin(), kids->second.end());
            }
            if (at == found->second || !nodes[at].assessable) continue;
            ++reached;
            Decision passed{decision.applies, decision.reason + " (through " + ref + ")"};
            const auto [slot, added] = inherited.try_emplace(nodes[at].id, depth, passed);
            if (!added && slot->second.first < depth) slot->second = {depth, std::move(passed)};
        }
        if (reached == 0 && !node.assessable) ignored.push_back(ref);
    }
    for (auto& [id, passed] : inherited) result.decisions.emplace(id, std::move(passed.second));
    if (const auto* notes = out.if_contains("notes"); notes != nullptr && notes->is_array()) {
        for (const auto& n : notes->as_array()) result.notes.emplace_back(n.as_string());
    }
    if (!ignored.empty()) {
        result.notes.push_back("Not recorded: " + std::to_string(ignored.size()) +
                               " ref(s) the rule listed are not assessable and hold no assessable requirement (" +
                               joined(ignored, ", ", 5) + "); the requirements above them decide.");
    }
    return result;
}

// "scoping hipaa: …" or "scoping iso27001-2022 (plugin iso27001): …", with the plugin's own
// message rather than the host's wrapper when the rule itself refused the answers.
Error scopingError(const Error& error, std::string_view framework, std::string_view plugin) {
    std::string prefix = "scoping " + std::string(framework);
    if (plugin != framework) prefix += " (plugin " + std::string(plugin) + ")";
    std::string message = error.message;
    constexpr std::string_view kFailed = "scope failed: ";
    if (const auto at = message.find(kFailed); at != std::string::npos) message = message.substr(at + kFailed.size());
    return Error{error.kind == ErrorKind::Internal ? ErrorKind::Internal : ErrorKind::BadInput,
                 prefix + ": " + message};
}

Result<bool> isTarget(db::Database& db, std::string_view framework) {
    auto s = db.cached("SELECT 1 FROM targets WHERE framework_id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    auto row = (*s)->step();
    if (!row) return row.error();
    (*s)->reset();
    return *row;
}

// NotFound listing the targets (or the error that kept us from listing them).
Error notATarget(db::Database& db, std::string_view framework) {
    auto ids = column(db, "SELECT framework_id FROM targets ORDER BY position");
    if (!ids) return ids.error();
    return Error::notFound("'" + std::string(framework) + "' is not a target framework (targets: " +
                           (ids->empty() ? std::string("none") : joined(*ids)) + ")");
}

}  // namespace

std::string_view toString(ScopeKind kind) noexcept {
    switch (kind) {
        case ScopeKind::Site:
            return "site";
        case ScopeKind::System:
            return "system";
        case ScopeKind::Process:
            return "process";
    }
    return "system";
}

std::optional<ScopeKind> parseScopeKind(std::string_view text) noexcept {
    if (text == "site") return ScopeKind::Site;
    if (text == "system") return ScopeKind::System;
    if (text == "process") return ScopeKind::Process;
    return std::nullopt;
}

std::string_view toString(Classification c) noexcept {
    switch (c) {
        case Classification::Public:
            return "public";
        case Classification::Internal:
            return "internal";
        case Classification::Confidential:
            return "confidential";
        case Classification::Restricted:
            return "restricted";
    }
    return "internal";
}

std::optional<Classification> parseClassification(std::string_view text) noexcept {
    if (text == "public") return Classification::Public;
    if (text == "internal") return Classification::Internal;
    if (text == "confidential") return Classification::Confidential;
    if (text == "restricted") return Classification::Restricted;
    return std::nullopt;
}

Result<OrganizationProfile> organizationProfile(Workspace& ws) {
    auto s =
        db::connection(ws).cached("SELECT name, sector, scope_statement, description FROM organization WHERE id = 1");
    if (!s) return s.error();
    OrganizationProfile out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            out = {q.text(0), q.text(1), q.text(2), q.text(3)};
        });
        !r) {
        return r.error();
    }
    return out;
}

Result<void> setOrganizationProfile(Workspace& ws, const OrganizationProfile& profile) {
    if (blank(profile.name)) return Error::badInput("the organization profile needs a name");
    auto s = db::connection(ws).cached(
        "INSERT INTO organization(id, name, sector, scope_statement, description, updated_at) "
        "VALUES (1, ?1, ?2, ?3, ?4, " +
        std::string(db::kNowSql) +
        ") ON CONFLICT(id) DO UPDATE SET name = excluded.name, sector = excluded.sector, "
        "scope_statement = excluded.scope_statement, description = excluded.description, "
        "updated_at = excluded.updated_at");
    if (!s) return s.error();
    (*s)->bindAll(profile.name, profile.sector, profile.scopeStatement, profile.description);
    return (*s)->run();
}

Result<std::vector<ScopeItem>> scopeItems(Workspace& ws) {
    auto s = db::connection(ws).cached(
        "SELECT kind, name, in_scope, note FROM scope_items "
        "ORDER BY CASE kind WHEN 'site' THEN 0 WHEN 'system' THEN 1 ELSE 2 END, id");
    if (!s) return s.error();
    std::vector<ScopeItem> out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            out.push_back(
                {parseScopeKind(q.text(0)).value_or(ScopeKind::System), q.text(1), q.integer(2) != 0, q.text(3)});
        });
        !r) {
        return r.error();
    }
    return out;
}

Result<void> setScopeItem(Workspace& ws, const ScopeItem& item) {
    const std::string what = std::string(toString(item.kind));
    if (blank(item.name)) return Error::badInput("a " + what + " in the scope list needs a name");
    if (!item.inScope && blank(item.note)) {
        return Error::badInput("out-of-scope " + what + " '" + item.name + "' needs a note saying why it is excluded");
    }
    auto s = db::connection(ws).cached(
        "INSERT INTO scope_items(kind, name, in_scope, note) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(kind, name) DO UPDATE SET in_scope = excluded.in_scope, note = excluded.note");
    if (!s) return s.error();
    (*s)->bindAll(toString(item.kind), item.name, item.inScope, item.note);
    return (*s)->run();
}

Result<void> removeScopeItem(Workspace& ws, ScopeKind kind, std::string_view name) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM scope_items WHERE kind = ?1 AND name = ?2");
    if (!s) return s.error();
    (*s)->bindAll(toString(kind), name);
    if (auto r = (*s)->run(); !r) return r;
    if (db.changes() == 0) {
        return Error::notFound("no " + std::string(toString(kind)) + " '" + std::string(name) + "' in the scope list");
    }
    return {};
}

Result<std::vector<Asset>> assets(Workspace& ws) {
    auto s = db::connection(ws).cached(
        "SELECT key, name, type, classification, owner, in_scope, description FROM assets ORDER BY id");
    if (!s) return s.error();
    std::vector<Asset> out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            out.push_back({q.text(0), q.text(1), q.text(2),
                           parseClassification(q.text(3)).value_or(Classification::Internal), q.text(4),
                           q.integer(5) != 0, q.text(6)});
        });
        !r) {
        return r.error();
    }
    return out;
}

Result<Asset> setAsset(Workspace& ws, Asset asset) {
    auto& db = db::connection(ws);
    if (!asset.key.empty()) {
        if (auto r = db::checkKey("asset", asset.key); !r) return r.error();
    }
    if (blank(asset.name)) {
        return Error::badInput("asset " + (asset.key.empty() ? std::string() : "'" + asset.key + "' ") +
                               "needs a name");
    }
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (asset.key.empty()) {
        auto key = db::nextNumberedKey(db, "assets", "AST-", 2);
        if (!key) return key.error();
        asset.key = std::move(*key);
    }
    // An upsert keeps the row id, so the risks that refer to the asset keep referring to it.
    auto s = db.cached(
        "INSERT INTO assets(key, name, type, classification, owner, in_scope, description) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(key) DO UPDATE SET name = excluded.name, "
        "type = excluded.type, classification = excluded.classification, owner = excluded.owner, "
        "in_scope = excluded.in_scope, description = excluded.description");
    if (!s) return s.error();
    (*s)->bindAll(asset.key, asset.name, asset.type, toString(asset.classification), asset.owner, asset.inScope,
                  asset.description);
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return asset;
}

Result<void> removeAsset(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto users = column(db,
                        "SELECT r.key FROM risk_assets ra JOIN risks r ON r.id = ra.risk_id "
                        "JOIN assets a ON a.id = ra.asset_id WHERE a.key = ?1 ORDER BY r.key",
                        key);
    if (!users) return users.error();
    if (!users->empty()) {
        return Error::badInput("asset '" + std::string(key) + "' is used by risk " + joined(*users) +
                               "; take it out of those risks first");
    }
    auto s = db.cached("DELETE FROM assets WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r;
    if (db.changes() == 0) return Error::notFound("unknown asset '" + std::string(key) + "'");
    return tx->commit();
}

Result<Target> setTarget(Workspace& ws, const PluginHost& host, std::string_view framework,
                         const boost::json::object& answers) {
    auto& db = db::connection(ws);
    if (auto known = db::requireFramework(db, framework); !known) return known.error();
    auto f = db.cached("SELECT coalesce(plugin_id, '') FROM frameworks WHERE id = ?1");
    if (!f) return f.error();
    (*f)->bindAll(framework);
    std::string pluginId;
    if (auto r = (*f)->each([&] { pluginId = (*f)->text(0); }); !r) return r.error();

    auto nodes = catalogNodes(db, framework);
    if (!nodes) return nodes.error();

    // Without a rule to run, the whole framework applies; answers nobody can check are refused
    // rather than stored as if they had been applied.
    const PluginInfo* plugin = pluginId.empty() ? nullptr : host.find(pluginId);
    std::string noRule;
    if (pluginId.empty()) {
        noRule = "the framework comes from no plugin, so no scoping rule";
    } else if (plugin == nullptr) {
        noRule = "plugin '" + pluginId + "' is not loaded, so its scoping rule did not run";
    } else if (!plugin->hasScope) {
        noRule = "plugin '" + pluginId + "' has no scoping rule";
    }
    Scoping scoping;
    if (!noRule.empty()) {
        if (!answers.empty()) {
            return Error::badInput("scoping " + std::string(framework) + ": " + noRule +
                                   " to check the answers; give no answers, or load the plugin");
        }
        scoping.notes.push_back("The whole framework applies: " + noRule + ".");
    } else {
        auto profile = profileForRules(ws);
        if (!profile) return profile.error();
        const std::string input = json::serialize(
            json::object{{"framework", framework}, {"profile", std::move(*profile)}, {"answers", answers}});
        auto output = host.scope(pluginId, input);
        if (!output) return scopingError(output.error(), framework, pluginId);
        auto read = readScoping(*output, framework, pluginId, *nodes);
        if (!read) return read.error();
        scoping = std::move(*read);
    }
    const std::string fallback = noRule.empty() ? std::string(kNotAddressed) : noRule + ": applies";

    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    // Setting a target again keeps its place in the list and the day it was first added.
    auto upsert = db.cached(
        "INSERT INTO targets(framework_id, answers, notes, position, added_at) "
        "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM targets), " +
        std::string(db::kNowSql) +
        ") ON CONFLICT(framework_id) DO UPDATE SET answers = excluded.answers, notes = excluded.notes");
    if (!upsert) return upsert.error();
    (*upsert)->bindAll(framework, json::serialize(answers), db::toJsonArray(scoping.notes));
    if (auto r = (*upsert)->run(); !r) return r.error();
    auto clear = db.cached("DELETE FROM applicability WHERE framework_id = ?1");
    if (!clear) return clear.error();
    (*clear)->bindAll(framework);
    if (auto r = (*clear)->run(); !r) return r.error();
    auto insert =
        db.cached("INSERT INTO applicability(control_id, framework_id, applies, reason) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return insert.error();
    for (const auto& node : *nodes) {
        if (!node.assessable) continue;
        const auto d = scoping.decisions.find(node.id);
        const bool applies = d == scoping.decisions.end() || d->second.applies;
        const std::string& reason = d == scoping.decisions.end() ? fallback : d->second.reason;
        (*insert)->bindAll(node.id, framework, applies, reason);
        if (auto r = (*insert)->run(); !r) return r.error();
    }
    if (auto r = tx->commit(); !r) return r.error();

    auto all = targets(ws);
    if (!all) return all.error();
    for (auto& t : *all) {
        if (t.framework == framework) return std::move(t);
    }
    return Error::internal("target '" + std::string(framework) + "' vanished after it was written");
}

Result<void> removeTarget(Workspace& ws, std::string_view framework) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM targets WHERE framework_id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    if (auto r = (*s)->run(); !r) return r;
    if (db.changes() == 0) return notATarget(db, framework);
    return {};
}

Result<std::vector<Target>> targets(Workspace& ws) {
    auto s = db::connection(ws).cached(
        "SELECT t.framework_id, t.answers, t.notes, t.added_at, "
        "(SELECT count(*) FROM applicability a WHERE a.framework_id = t.framework_id AND a.applies = 1), "
        "(SELECT count(*) FROM applicability a WHERE a.framework_id = t.framework_id AND a.applies = 0) "
        "FROM targets t ORDER BY t.position");
    if (!s) return s.error();
    std::vector<Target> out;
    std::optional<Error> bad;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            Target t;
            t.framework = q.text(0);
            auto answers = parseStored(q.text(1), "answers of target '" + t.framework + "'");
            auto notes = parseStored(q.text(2), "notes of target '" + t.framework + "'");
            if (!answers || !notes) {
                bad = answers ? notes.error() : answers.error();
                return;
            }
            if (answers->is_object()) t.answers = answers->get_object();
            if (notes->is_array()) {
                for (const auto& n : notes->get_array()) {
                    if (n.is_string()) t.notes.emplace_back(n.get_string());
                }
            }
            t.addedAt = q.text(3);
            t.applicable = static_cast<std::size_t>(q.integer(4));
            t.notApplicable = static_cast<std::size_t>(q.integer(5));
            out.push_back(std::move(t));
        });
        !r) {
        return r.error();
    }
    if (bad) return *bad;
    return out;
}

Result<std::vector<Applicability>> applicability(Workspace& ws, std::string_view framework) {
    auto& db = db::connection(ws);
    auto target = isTarget(db, framework);
    if (!target) return target.error();
    if (!*target) return notATarget(db, framework);
    // A requirement a plugin update added after scoping has no row yet: it applies until the
    // target is set again.
    auto s = db.cached(
        "SELECT c.ref, c.title, coalesce(a.applies, 1), "
        "coalesce(a.reason, 'added to the catalog after scoping: applies until the target is set again') "
        "FROM controls c LEFT JOIN applicability a ON a.control_id = c.id "
        "WHERE c.framework_id = ?1 AND c.assessable = 1 ORDER BY c.position");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    std::vector<Applicability> out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            out.push_back({std::string(framework), q.text(0), q.text(1), q.integer(2) != 0, q.text(3)});
        });
        !r) {
        return r.error();
    }
    return out;
}

}  // namespace cw
