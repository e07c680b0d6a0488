// The organization profile and scope: the profile, scope items, assets, targets and
// applicability. All SQL for organization, scope_items, assets, targets and applicability.
#include <crosswalk/store/organization.hpp>

#include "database.hpp"
#include "repository.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace cw {
namespace {

namespace json = boost::json;

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
    return Error::notFound(inQuotes(framework) + " is not a target framework (targets: " +
                           (ids->empty() ? std::string("none") : joined(*ids)) + ")");
}

}  // namespace

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

Result<std::string> frameworkPlugin(Workspace& ws, std::string_view framework) {
    auto& db = db::connection(ws);
    if (auto known = db::requireFramework(db, framework); !known) return known.error();
    auto f = db.cached("SELECT coalesce(plugin_id, '') FROM frameworks WHERE id = ?1");
    if (!f) return f.error();
    (*f)->bindAll(framework);
    std::string pluginId;
    if (auto r = (*f)->each([&] { pluginId = (*f)->text(0); }); !r) return r.error();
    return pluginId;
}

Result<std::vector<ScopingNode>> scopingNodes(Workspace& ws, std::string_view framework) {
    auto& db = db::connection(ws);
    auto s = db.cached(
        "SELECT id, ref, coalesce(parent_id, 0), assessable FROM controls WHERE framework_id = ?1 ORDER BY position");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    std::vector<ScopingNode> out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            out.push_back({q.integer(0), q.text(1), q.integer(2), q.integer(3) != 0});
        });
        !r) {
        return r.error();
    }
    return out;
}

Result<Target> saveTarget(Workspace& ws, std::string_view framework, const boost::json::object& answers,
                          const Scoping& scoping, const std::vector<ScopingNode>& nodes, std::string_view fallback) {
    auto& db = db::connection(ws);
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
    for (const auto& node : nodes) {
        if (!node.assessable) continue;
        const auto d = scoping.decisions.find(node.id);
        const bool applies = d == scoping.decisions.end() || d->second.applies;
        const std::string reason = d == scoping.decisions.end() ? std::string(fallback) : d->second.reason;
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
