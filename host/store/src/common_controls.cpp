// Common controls: the organization's own controls, seeded from the hub and
// then edited. All SQL for common_controls and common_control_links.
#include <crosswalk/store/workspace.hpp>

#include "database.hpp"
#include "workspace_impl.hpp"

#include <map>
#include <regex>
#include <set>

namespace cw {
namespace {

Result<void> checkKey(std::string_view key) {
    static const std::regex kKey("^[A-Za-z0-9][A-Za-z0-9._()-]{0,63}$");
    if (!std::regex_match(key.begin(), key.end(), kKey)) {
        return Error::badInput("invalid common control key '" + std::string(key) +
                               "' (letters, digits, '.', '_', '-', '(', ')'; at most 64)");
    }
    return {};
}

Result<std::int64_t> commonId(db::Database& db, std::string_view key) {
    auto s = db.cached("SELECT id FROM common_controls WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) return Error::notFound("unknown common control '" + std::string(key) + "'");
    const std::int64_t id = (*s)->integer(0);
    (*s)->reset();
    return id;
}

Result<bool> keyExists(db::Database& db, std::string_view key) {
    auto id = commonId(db, key);
    if (id) return true;
    if (id.error().kind == ErrorKind::NotFound) return false;
    return id.error();
}

std::string now() {
    return "strftime('%Y-%m-%dT%H:%M:%SZ','now')";
}

// Remembers that `control` no longer belongs to common control `common`, for every hub
// control it stands for, so seeding never derives the link again.
Result<void> rememberRemoval(db::Database& db, std::int64_t common, std::int64_t control) {
    auto s = db.cached(
        "INSERT OR IGNORE INTO common_control_removed(hub_control_id, control_id) "
        "SELECT hub_control_id, ?2 FROM common_control_hubs WHERE common_control_id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(common, control);
    return (*s)->run();
}

}  // namespace

Result<std::int64_t> Workspace::Impl::controlId(std::string_view fullRef) {
    const auto split = splitFullRef(fullRef);
    if (!split) {
        return Error::badInput("'" + std::string(fullRef) + "' is not a full reference; expected FRAMEWORK:REF");
    }
    auto s = db->cached("SELECT id FROM controls WHERE framework_id = ?1 AND ref = ?2");
    if (!s) return s.error();
    (*s)->bindAll(split->first, split->second);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) return Error::notFound("unknown control '" + std::string(fullRef) + "'");
    const std::int64_t id = (*s)->integer(0);
    (*s)->reset();
    return id;
}

Result<SeedResult> Workspace::seedCommonControls(std::string_view hub) {
    auto& db = *m_impl->db;
    SeedResult result;
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();

    // 1. One common control per assessable hub control that no common control stands for yet.
    auto create = db.cached(
        "INSERT INTO common_controls(key, title, description, origin, hub_control_id, created_at) "
        "SELECT 'CC-' || c.ref, c.title, c.description, 'hub', c.id, " +
        now() +
        " FROM controls c "
        "WHERE c.framework_id = ?1 AND c.assessable = 1 "
        "AND NOT EXISTS (SELECT 1 FROM common_control_hubs x WHERE x.hub_control_id = c.id) "
        "AND NOT EXISTS (SELECT 1 FROM common_controls cc WHERE cc.key = 'CC-' || c.ref)");
    if (!create) return create.error();
    (*create)->bindAll(hub);
    if (auto r = (*create)->run(); !r) return r.error();
    result.created = static_cast<std::size_t>(db.changes());
    auto represent = db.cached(
        "INSERT OR IGNORE INTO common_control_hubs(common_control_id, hub_control_id) "
        "SELECT cc.id, cc.hub_control_id FROM common_controls cc JOIN controls h ON h.id = cc.hub_control_id "
        "WHERE h.framework_id = ?1 AND cc.origin = 'hub' "
        "AND NOT EXISTS (SELECT 1 FROM common_control_hubs x WHERE x.hub_control_id = cc.hub_control_id)");
    if (!represent) return represent.error();
    (*represent)->bindAll(hub);
    if (auto r = (*represent)->run(); !r) return r.error();

    // 2. The derived links as they should be now: each hub control itself, and every assessable
    //    requirement mapped to it (its relation to the hub control, inverted when the hub is the
    //    source), minus what the organization removed. Strongest relation wins per pair.
    if (auto r = db.exec("DROP TABLE IF EXISTS temp.cw_wanted_links; "
                         "CREATE TEMP TABLE cw_wanted_links (common_control_id INTEGER, control_id INTEGER, "
                         "relationship TEXT, source TEXT, PRIMARY KEY (common_control_id, control_id))");
        !r) {
        return r.error();
    }
    auto wanted = db.cached(
        "INSERT OR IGNORE INTO temp.cw_wanted_links "
        "SELECT x.common_control_id, x.hub_control_id, 'equal', 'hub' FROM common_control_hubs x "
        "JOIN controls h ON h.id = x.hub_control_id WHERE h.framework_id = ?1 "
        "AND NOT EXISTS (SELECT 1 FROM common_control_removed d WHERE d.hub_control_id = h.id AND d.control_id = h.id) "
        "UNION ALL "
        "SELECT * FROM (SELECT x.common_control_id, r.id, CASE WHEN m.target_control_id = h.id THEN m.relationship "
        "  WHEN m.relationship = 'subset-of' THEN 'superset-of' WHEN m.relationship = 'superset-of' THEN 'subset-of' "
        "  ELSE m.relationship END, 'mapping' "
        "FROM common_control_hubs x JOIN controls h ON h.id = x.hub_control_id "
        "JOIN mappings m ON (m.target_control_id = h.id OR m.source_control_id = h.id) "
        "JOIN controls r ON r.id = CASE WHEN m.target_control_id = h.id THEN m.source_control_id "
        "  ELSE m.target_control_id END "
        "WHERE h.framework_id = ?1 AND r.assessable = 1 AND r.framework_id <> ?1 "
        "AND m.relationship <> 'no-relationship' "
        "AND NOT EXISTS (SELECT 1 FROM common_control_removed d WHERE d.hub_control_id = h.id AND d.control_id = r.id) "
        "ORDER BY CASE m.relationship WHEN 'equal' THEN 0 WHEN 'subset-of' THEN 1 WHEN 'superset-of' THEN 1 "
        "  ELSE 2 END)");
    if (!wanted) return wanted.error();
    (*wanted)->bindAll(hub);
    if (auto r = (*wanted)->run(); !r) return r.error();

    // 3. Bring the derived links in line, touching only what differs (a no-op seed writes nothing).
    //    Manual links are the organization's: never removed, and a manual link wins over a derived one.
    if (auto r = db.exec("DELETE FROM common_control_links WHERE source IN ('hub','mapping') AND NOT EXISTS "
                         "(SELECT 1 FROM temp.cw_wanted_links w WHERE w.common_control_id = "
                         "common_control_links.common_control_id AND w.control_id = common_control_links.control_id)");
        !r) {
        return r.error();
    }
    result.linksRemoved = static_cast<std::size_t>(db.changes());
    if (auto r = db.exec("UPDATE common_control_links SET relationship = (SELECT w.relationship FROM "
                         "temp.cw_wanted_links w WHERE w.common_control_id = common_control_links.common_control_id "
                         "AND w.control_id = common_control_links.control_id), source = (SELECT w.source FROM "
                         "temp.cw_wanted_links w WHERE w.common_control_id = common_control_links.common_control_id "
                         "AND w.control_id = common_control_links.control_id) WHERE source IN ('hub','mapping') "
                         "AND EXISTS (SELECT 1 FROM temp.cw_wanted_links w WHERE w.common_control_id = "
                         "common_control_links.common_control_id AND w.control_id = common_control_links.control_id "
                         "AND (w.relationship IS NOT common_control_links.relationship OR w.source <> "
                         "common_control_links.source))");
        !r) {
        return r.error();
    }
    result.linksUpdated = static_cast<std::size_t>(db.changes());
    if (auto r =
            db.exec("INSERT OR IGNORE INTO common_control_links(common_control_id, control_id, relationship, "
                    "source) SELECT common_control_id, control_id, relationship, source FROM temp.cw_wanted_links");
        !r) {
        return r.error();
    }
    result.linksAdded = static_cast<std::size_t>(db.changes());
    if (auto r = db.exec("DROP TABLE temp.cw_wanted_links"); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return result;
}

Result<std::vector<CommonControl>> Workspace::commonControls() {
    auto& db = *m_impl->db;
    auto s = db.cached(
        "SELECT cc.key, cc.title, cc.description, cc.origin, coalesce(h.framework_id || ':' || h.ref, ''), "
        "(SELECT count(*) FROM common_control_links l WHERE l.common_control_id = cc.id), "
        "(SELECT count(*) FROM common_control_links l WHERE l.common_control_id = cc.id AND (l.source <> 'mapping' "
        "  OR l.relationship IN ('equal', 'subset-of'))), "
        "coalesce((SELECT group_concat(f, ',') FROM (SELECT DISTINCT c.framework_id AS f FROM common_control_links l "
        "  JOIN controls c ON c.id = l.control_id WHERE l.common_control_id = cc.id ORDER BY f)), '') "
        "FROM common_controls cc LEFT JOIN controls h ON h.id = cc.hub_control_id "
        "ORDER BY coalesce(h.position, 1000000000), cc.key");
    if (!s) return s.error();
    std::vector<CommonControl> out;
    while (true) {
        auto row = (*s)->step();
        if (!row) return row.error();
        if (!*row) break;
        const auto& q = **s;
        CommonControl c{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5), q.integer(6), {}};
        std::string frameworks = q.text(7);
        for (std::size_t start = 0; start < frameworks.size();) {
            const auto comma = frameworks.find(',', start);
            c.frameworks.push_back(frameworks.substr(start, comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::pair<CommonControl, std::vector<CommonControlLink>>> Workspace::commonControl(std::string_view key) {
    auto all = commonControls();
    if (!all) return all.error();
    const auto it = std::find_if(all->begin(), all->end(), [&](const CommonControl& c) { return c.key == key; });
    if (it == all->end()) return Error::notFound("unknown common control '" + std::string(key) + "'");
    auto s = m_impl->db->cached(
        "SELECT c.framework_id || ':' || c.ref, c.framework_id, c.title, l.relationship, l.source "
        "FROM common_control_links l JOIN common_controls cc ON cc.id = l.common_control_id "
        "JOIN controls c ON c.id = l.control_id WHERE cc.key = ?1 ORDER BY c.framework_id, c.position");
    if (!s) return s.error();
    (*s)->bindAll(key);
    std::vector<CommonControlLink> links;
    if (auto done = (*s)->each([&] {
            const auto& q = **s;
            CommonControlLink link{q.text(0), q.text(1), q.text(2), std::nullopt, q.text(4)};
            if (!q.isNull(3)) link.relationship = parseRelationship(q.text(3));
            links.push_back(std::move(link));
        });
        !done) {
        return done.error();
    }
    return std::pair{*it, std::move(links)};
}

Result<void> Workspace::addCommonControl(std::string_view key, std::string_view title, std::string_view description) {
    if (auto r = checkKey(key); !r) return r;
    if (title.empty()) return Error::badInput("a common control needs a title");
    auto& db = *m_impl->db;
    auto exists = keyExists(db, key);
    if (!exists) return exists.error();
    if (*exists) return Error::badInput("common control '" + std::string(key) + "' already exists");
    auto s = db.cached(
        "INSERT INTO common_controls(key, title, description, origin, created_at) VALUES "
        "(?1, ?2, ?3, 'custom', " +
        now() + ")");
    if (!s) return s.error();
    (*s)->bindAll(key, title, description);
    return (*s)->run();
}

Result<void> Workspace::renameCommonControl(std::string_view key, std::string_view newTitle, std::string_view newKey) {
    auto& db = *m_impl->db;
    auto id = commonId(db, key);
    if (!id) return id.error();
    if (newTitle.empty() && newKey.empty()) return Error::badInput("rename needs a new title or a new key");
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (!newKey.empty() && newKey != key) {
        if (auto r = checkKey(newKey); !r) return r;
        auto exists = keyExists(db, newKey);
        if (!exists) return exists.error();
        if (*exists) return Error::badInput("common control '" + std::string(newKey) + "' already exists");
        auto s = db.cached("UPDATE common_controls SET key = ?2 WHERE id = ?1");
        if (!s) return s.error();
        (*s)->bindAll(*id, newKey);
        if (auto r = (*s)->run(); !r) return r;
    }
    if (!newTitle.empty()) {
        auto s = db.cached("UPDATE common_controls SET title = ?2 WHERE id = ?1");
        if (!s) return s.error();
        (*s)->bindAll(*id, newTitle);
        if (auto r = (*s)->run(); !r) return r;
    }
    return tx->commit();
}

Result<void> Workspace::splitCommonControl(std::string_view key, std::string_view newKey, std::string_view newTitle,
                                           const std::vector<std::string>& requirements) {
    auto& db = *m_impl->db;
    auto from = commonId(db, key);
    if (!from) return from.error();
    if (requirements.empty()) return Error::badInput("split needs at least one requirement to move");
    // Check everything before writing anything.
    std::vector<std::int64_t> controls;
    auto linked = db.cached("SELECT 1 FROM common_control_links WHERE common_control_id = ?1 AND control_id = ?2");
    if (!linked) return linked.error();
    for (const auto& ref : requirements) {
        auto id = m_impl->controlId(ref);
        if (!id) return id.error();
        (*linked)->bindAll(*from, *id);
        auto row = (*linked)->step();
        if (!row) return row.error();
        (*linked)->reset();
        if (!*row) return Error::badInput("'" + ref + "' is not linked to common control '" + std::string(key) + "'");
        controls.push_back(*id);
    }
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (auto r = addCommonControl(newKey, newTitle, ""); !r) return r;
    auto to = commonId(db, newKey);
    if (!to) return to.error();
    auto origin = db.cached("UPDATE common_controls SET origin = 'split' WHERE id = ?1");
    if (!origin) return origin.error();
    (*origin)->bindAll(*to);
    if (auto r = (*origin)->run(); !r) return r;
    // Moved links are the organization's decision from now on: manual, and remembered as
    // removed from the original so seeding does not derive them there again.
    auto move = db.cached(
        "UPDATE common_control_links SET common_control_id = ?2, source = 'manual' "
        "WHERE common_control_id = ?1 AND control_id = ?3");
    if (!move) return move.error();
    for (const std::int64_t c : controls) {
        (*move)->bindAll(*from, *to, c);
        if (auto r = (*move)->run(); !r) return r;
        if (auto r = rememberRemoval(db, *from, c); !r) return r;
    }
    return tx->commit();
}

Result<void> Workspace::mergeCommonControls(std::string_view into, std::string_view from) {
    auto& db = *m_impl->db;
    auto target = commonId(db, into);
    if (!target) return target.error();
    auto source = commonId(db, from);
    if (!source) return source.error();
    if (*target == *source) return Error::badInput("cannot merge '" + std::string(into) + "' into itself");
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    // The merged control's hub controls now belong to the one that stays, so later mappings
    // to them keep arriving there; its links move too.
    auto hubs = db.cached("UPDATE common_control_hubs SET common_control_id = ?1 WHERE common_control_id = ?2");
    auto move = db.cached(
        "INSERT OR IGNORE INTO common_control_links(common_control_id, control_id, relationship, source) "
        "SELECT ?1, control_id, relationship, source FROM common_control_links WHERE common_control_id = ?2");
    auto drop = db.cached("DELETE FROM common_controls WHERE id = ?1");
    auto mark = db.cached("UPDATE common_controls SET origin = 'merged' WHERE id = ?1 AND origin <> 'hub'");
    if (!hubs) return hubs.error();
    if (!move) return move.error();
    if (!drop) return drop.error();
    if (!mark) return mark.error();
    (*hubs)->bindAll(*target, *source);
    if (auto r = (*hubs)->run(); !r) return r;
    (*move)->bindAll(*target, *source);
    if (auto r = (*move)->run(); !r) return r;
    (*drop)->bindAll(*source);
    if (auto r = (*drop)->run(); !r) return r;
    (*mark)->bindAll(*target);
    if (auto r = (*mark)->run(); !r) return r;
    return tx->commit();
}

Result<void> Workspace::linkCommonControl(std::string_view key, std::string_view requirement) {
    auto& db = *m_impl->db;
    auto id = commonId(db, key);
    if (!id) return id.error();
    auto control = m_impl->controlId(requirement);
    if (!control) return control.error();
    auto s = db.cached(
        "INSERT OR IGNORE INTO common_control_links(common_control_id, control_id, source) "
        "VALUES (?1, ?2, 'manual')");
    if (!s) return s.error();
    (*s)->bindAll(*id, *control);
    return (*s)->run();
}

Result<void> Workspace::unlinkCommonControl(std::string_view key, std::string_view requirement) {
    auto& db = *m_impl->db;
    auto id = commonId(db, key);
    if (!id) return id.error();
    auto control = m_impl->controlId(requirement);
    if (!control) return control.error();
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto s = db.cached(
        "DELETE FROM common_control_links WHERE common_control_id = ?1 AND control_id = ?2 "
        "RETURNING source");
    if (!s) return s.error();
    (*s)->bindAll(*id, *control);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) {
        return Error::badInput("'" + std::string(requirement) + "' is not linked to '" + std::string(key) + "'");
    }
    const std::string source = (*s)->text(0);
    if (auto r = (*s)->step(); !r) return r.error();  // finish the statement
    (*s)->reset();
    if (source != "manual") {
        if (auto r = rememberRemoval(db, *id, *control); !r) return r;
    }
    return tx->commit();
}

}  // namespace cw
