// The workspace repository: opening and migrating the file, and all SQL text for plugins,
// frameworks and controls (packs and mappings: packs.cpp).
#include <crosswalk/model/version.hpp>
#include <crosswalk/store/workspace.hpp>

#include "database.hpp"
#include "migrations.hpp"
#include "repository.hpp"
#include "workspace_impl.hpp"

#include <boost/json.hpp>

#include <system_error>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace cw {

namespace {

json::object parseAttributes(const std::string& text) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) return {};
    return std::move(v.as_object());
}

// Depth of every control from the catalog's parent links (validated acyclic).
std::vector<int> depths(const Framework& f) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < f.controls.size(); ++i) index.emplace(f.controls[i].ref, i);
    std::vector<int> depth(f.controls.size(), -1);
    for (std::size_t i = 0; i < f.controls.size(); ++i) {
        std::vector<std::size_t> chain;
        std::size_t j = i;
        while (depth[j] < 0) {
            chain.push_back(j);
            const auto parent = index.find(f.controls[j].parent);
            if (f.controls[j].parent.empty() || parent == index.end()) break;
            j = parent->second;
        }
        // The walk stopped at a node of known depth (not in the chain) or at a root (last in the chain).
        int base = (!chain.empty() && chain.back() == j) ? 0 : depth[j] + 1;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) depth[*it] = base++;
    }
    return depth;
}

constexpr std::string_view kControlColumns =
    "c.ref, coalesce(p.ref, ''), c.title, c.description, c.kind, c.assessable, c.depth, c.attributes, c.framework_id";
constexpr std::string_view kControlFrom = " FROM controls c LEFT JOIN controls p ON p.id = c.parent_id ";

ControlRow readControl(const db::Statement& s, int first = 0) {
    ControlRow row;
    row.ref = s.text(first + 0);
    row.parent = s.text(first + 1);
    row.title = s.text(first + 2);
    row.description = s.text(first + 3);
    row.kind = s.text(first + 4);
    row.assessable = s.integer(first + 5) != 0;
    row.depth = static_cast<int>(s.integer(first + 6));
    row.attributes = parseAttributes(s.text(first + 7));
    row.framework = s.text(first + 8);
    return row;
}

constexpr std::string_view kFrameworkSelect =
    "SELECT f.id, f.name, f.version, f.publisher, f.kind, coalesce(f.published, ''), f.source, f.licence, f.url, "
    "f.description, coalesce(f.plugin_id, ''), count(c.id), coalesce(sum(c.assessable), 0) "
    "FROM frameworks f LEFT JOIN controls c ON c.framework_id = f.id ";

FrameworkSummary readFramework(const db::Statement& s) {
    FrameworkSummary f;
    f.id = s.text(0);
    f.name = s.text(1);
    f.version = s.text(2);
    f.publisher = s.text(3);
    f.kind = parseFrameworkKind(s.text(4)).value_or(FrameworkKind::Other);
    f.published = s.text(5);
    f.source = s.text(6);
    f.licence = s.text(7);
    f.url = s.text(8);
    f.description = s.text(9);
    f.pluginId = s.text(10);
    f.controls = s.integer(11);
    f.assessable = s.integer(12);
    return f;
}

}  // namespace

Workspace::Workspace(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

const fs::path& Workspace::path() const noexcept {
    return m_impl->path;
}
bool Workspace::created() const noexcept {
    return m_impl->created;
}
int Workspace::schemaVersion() const noexcept {
    return m_impl->schemaVersion;
}

Result<Workspace> Workspace::open(const fs::path& file, OpenMode mode) {
    std::error_code ec;
    const bool exists = fs::exists(file, ec);
    if (!exists && mode == OpenMode::MustExist) {
        return Error::notFound(file.string() + ": no workspace here; create one with `crosswalk --db " + file.string() +
                               " init`");
    }
    if (exists && mode == OpenMode::MustExist && fs::is_regular_file(file, ec) && fs::file_size(file, ec) == 0) {
        // An empty file would silently become a workspace; read commands must not create one.
        return Error::badInput(file.string() +
                               ": empty file, not a Crosswalk workspace; create one with "
                               "`crosswalk --db " +
                               file.string() + " init`");
    }
    if (!exists && file.has_parent_path()) {
        fs::create_directories(file.parent_path(), ec);
        if (ec) return Error::badInput(file.parent_path().string() + ": cannot create folder: " + ec.message());
    }
    auto db = db::Database::open(file, exists ? db::Database::OpenMode::MustExist : db::Database::OpenMode::Create);
    if (!db) return db.error();
    auto version = db::migrate(**db);
    if (!version) return version.error();
    auto impl = std::make_unique<Impl>();
    impl->db = std::move(*db);
    impl->path = file;
    impl->created = !exists;
    impl->schemaVersion = *version;
    return Workspace(std::move(impl));
}

Result<SyncResult> Workspace::syncCatalog(const CatalogSource& source) {
    if (source.catalog == nullptr) return Error::internal(source.id + ": no catalog to sync");
    return m_impl->sync(source);
}

Result<SyncResult> Workspace::Impl::sync(const CatalogSource& plugin) {
    SyncResult result;
    result.pluginId = plugin.id;
    result.version = plugin.version;
    result.frameworks = plugin.catalog->frameworks.size();

    auto tx = db::Transaction::begin(*db);
    if (!tx) return tx.error();

    auto held = db::heldVersion(*db, "SELECT version, catalog_sha256 FROM plugins WHERE id = ?1", plugin.id);
    if (!held) return held.error();
    if (*held) result.previousVersion = (*held)->first;
    auto decision = decideUpgrade(*held, plugin.version, plugin.catalogSha256, "catalog");
    result.action = decision.action;
    result.note = std::move(decision.note);
    if (result.action == SyncAction::Skipped) return result;
    if (result.action == SyncAction::Unchanged) {
        // The catalog is the same; keep where it came from current (a rebuilt or moved file).
        auto touch =
            db->cached("UPDATE plugins SET file = ?2, sha256 = ?3 WHERE id = ?1 AND (file <> ?2 OR sha256 <> ?3)");
        if (!touch) return touch.error();
        (*touch)->bindAll(plugin.id, plugin.file.string(), plugin.sha256);
        if (auto r = (*touch)->run(); !r) return r.error();
        if (db->changes() > 0) {
            if (auto r = tx->commit(); !r) return r.error();
        }
        return result;
    }

    auto upsert = db->cached(
        "INSERT INTO plugins(id, name, version, publisher, licence, file, sha256, catalog_sha256, abi_major, "
        "abi_minor, loaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, strftime('%Y-%m-%dT%H:%M:%SZ','now')) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, version = excluded.version, "
        "publisher = excluded.publisher, licence = excluded.licence, file = excluded.file, sha256 = excluded.sha256, "
        "catalog_sha256 = excluded.catalog_sha256, abi_major = excluded.abi_major, abi_minor = excluded.abi_minor, "
        "loaded_at = excluded.loaded_at");
    if (!upsert) return upsert.error();
    (*upsert)->bindAll(plugin.id, plugin.name, plugin.version, plugin.publisher, plugin.licence, plugin.file.string(),
                       plugin.sha256, plugin.catalogSha256, plugin.abiMajor, plugin.abiMinor);
    if (auto r = (*upsert)->run(); !r) return r.error();

    std::unordered_set<std::string> kept;
    for (std::size_t i = 0; i < plugin.catalog->frameworks.size(); ++i) {
        const Framework& f = plugin.catalog->frameworks[i];
        if (auto r = syncFramework(plugin, f, i, result); !r) return r.error();
        kept.insert(f.id);
    }

    // Frameworks the new version no longer ships go, with what refers to them.
    json::array keptIds;
    for (const auto& id : kept) keptIds.emplace_back(id);
    auto drop =
        db->cached("DELETE FROM frameworks WHERE plugin_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))");
    if (!drop) return drop.error();
    (*drop)->bindAll(plugin.id, json::serialize(keptIds));
    if (auto r = (*drop)->run(); !r) return r.error();

    if (auto r = tx->commit(); !r) return r.error();
    return result;
}

Result<void> Workspace::Impl::syncFramework(const CatalogSource& plugin, const Framework& f, std::size_t position,
                                            SyncResult& result) {
    auto owner = db->cached("SELECT coalesce(plugin_id, '') FROM frameworks WHERE id = ?1");
    if (!owner) return owner.error();
    (*owner)->bindAll(f.id);
    auto row = (*owner)->step();
    if (!row) return row.error();
    if (*row) {
        const std::string by = (*owner)->text(0);
        (*owner)->reset();
        if (by != plugin.id) {
            return Error::badInput(plugin.file.string() + ": framework '" + f.id + "' is already provided by plugin '" +
                                   by + "'");
        }
    } else {
        (*owner)->reset();
    }

    auto upsert = db->cached(
        "INSERT INTO frameworks(id, plugin_id, name, version, publisher, kind, published, source, licence, url, "
        "description, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, ''), ?8, ?9, ?10, ?11, ?12) "
        "ON CONFLICT(id) DO UPDATE SET plugin_id = excluded.plugin_id, name = excluded.name, "
        "version = excluded.version, publisher = excluded.publisher, kind = excluded.kind, "
        "published = excluded.published, source = excluded.source, licence = excluded.licence, url = excluded.url, "
        "description = excluded.description, position = excluded.position");
    if (!upsert) return upsert.error();
    (*upsert)->bindAll(f.id, plugin.id, f.name, f.version, f.publisher, toString(f.kind), f.published, f.source,
                       f.licence, f.url, f.description, position);
    if (auto r = (*upsert)->run(); !r) return r.error();

    // Existing rows by ref: updated in place so their ids (and what refers to them) survive.
    std::unordered_map<std::string, std::int64_t> existing;
    {
        auto list = db->cached("SELECT ref, id FROM controls WHERE framework_id = ?1");
        if (!list) return list.error();
        (*list)->bindAll(f.id);
        if (auto done = (*list)->each([&] { existing.emplace((*list)->text(0), (*list)->integer(1)); }); !done) {
            return done.error();
        }
    }

    auto insert = db->cached(
        "INSERT INTO controls(framework_id, ref, title, description, kind, assessable, depth, position, attributes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    auto update = db->cached(
        "UPDATE controls SET title = ?2, description = ?3, kind = ?4, assessable = ?5, depth = ?6, position = ?7, "
        "attributes = ?8, parent_id = NULL WHERE id = ?1");
    auto setParent = db->cached("UPDATE controls SET parent_id = ?2 WHERE id = ?1");
    auto remove = db->cached("DELETE FROM controls WHERE id = ?1");
    if (!insert) return insert.error();
    if (!update) return update.error();
    if (!setParent) return setParent.error();
    if (!remove) return remove.error();

    const std::vector<int> depth = depths(f);
    std::unordered_map<std::string_view, std::int64_t> ids;
    for (std::size_t i = 0; i < f.controls.size(); ++i) {
        const Control& c = f.controls[i];
        const std::string attributes = json::serialize(c.attributes);
        if (const auto it = existing.find(c.ref); it != existing.end()) {
            (*update)->bindAll(it->second, c.title, c.description, c.kind, c.assessable, depth[i], i, attributes);
            if (auto r = (*update)->run(); !r) return r.error();
            ids.emplace(c.ref, it->second);
            existing.erase(it);
            ++result.controlsUpdated;
        } else {
            (*insert)->bindAll(f.id, c.ref, c.title, c.description, c.kind, c.assessable, depth[i], i, attributes);
            if (auto r = (*insert)->run(); !r) return r.error();
            ids.emplace(c.ref, db->lastInsertRowid());
            ++result.controlsAdded;
        }
    }
    for (const Control& c : f.controls) {
        if (c.parent.empty()) continue;
        (*setParent)->bindAll(ids.at(c.ref), ids.at(c.parent));
        if (auto r = (*setParent)->run(); !r) return r.error();
    }
    // What is left in `existing` are refs the new catalog no longer has.
    for (const auto& [ref, id] : existing) {
        (*remove)->bindAll(id);
        if (auto r = (*remove)->run(); !r) return r.error();
        ++result.controlsRemoved;
    }
    return {};
}

Result<std::vector<WorkspacePlugin>> Workspace::plugins() {
    auto s = m_impl->db->cached(
        "SELECT id, name, version, publisher, licence, file, sha256, catalog_sha256, abi_major, abi_minor, loaded_at "
        "FROM plugins ORDER BY id");
    if (!s) return s.error();
    std::vector<WorkspacePlugin> out;
    if (auto done = (*s)->each([&] {
            WorkspacePlugin p;
            p.id = (*s)->text(0);
            p.name = (*s)->text(1);
            p.version = (*s)->text(2);
            p.publisher = (*s)->text(3);
            p.licence = (*s)->text(4);
            p.file = (*s)->text(5);
            p.sha256 = (*s)->text(6);
            p.catalogSha256 = (*s)->text(7);
            p.abiMajor = static_cast<std::uint32_t>((*s)->integer(8));
            p.abiMinor = static_cast<std::uint32_t>((*s)->integer(9));
            p.loadedAt = (*s)->text(10);
            out.push_back(std::move(p));
        });
        !done) {
        return done.error();
    }
    return out;
}

Result<std::vector<FrameworkSummary>> Workspace::frameworks() {
    auto s = m_impl->db->cached(std::string(kFrameworkSelect) + "GROUP BY f.id ORDER BY f.position, f.id");
    if (!s) return s.error();
    std::vector<FrameworkSummary> out;
    if (auto done = (*s)->each([&] { out.push_back(readFramework(**s)); }); !done) {
        return done.error();
    }
    return out;
}

Result<std::vector<std::string>> Workspace::Impl::knownFrameworks() {
    auto s = db->cached("SELECT id FROM frameworks ORDER BY id");
    if (!s) return s.error();
    std::vector<std::string> ids;
    if (auto done = (*s)->each([&] { ids.push_back((*s)->text(0)); }); !done) {
        return done.error();
    }
    return ids;
}

Result<FrameworkSummary> Workspace::Impl::framework(std::string_view id) {
    auto s = db->cached(std::string(kFrameworkSelect) + "WHERE f.id = ?1 GROUP BY f.id");
    if (!s) return s.error();
    (*s)->bindAll(id);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) {
        (*s)->reset();
        auto known = knownFrameworks();
        std::string list;
        if (known) {
            for (const auto& k : *known) list += (list.empty() ? "" : ", ") + k;
        }
        return Error::notFound(
            "unknown framework '" + std::string(id) + "'" +
            (list.empty() ? std::string(" (the workspace has none; run `crosswalk init`)") : " (known: " + list + ")"));
    }
    FrameworkSummary f = readFramework(**s);
    (*s)->reset();
    return f;
}

Result<std::vector<ControlRow>> Workspace::controls(std::string_view frameworkId) {
    if (auto f = m_impl->framework(frameworkId); !f) return f.error();
    auto s = m_impl->db->cached("SELECT " + std::string(kControlColumns) + std::string(kControlFrom) +
                                "WHERE c.framework_id = ?1 ORDER BY c.position");
    if (!s) return s.error();
    (*s)->bindAll(frameworkId);
    std::vector<ControlRow> out;
    if (auto done = (*s)->each([&] { out.push_back(readControl(**s)); }); !done) {
        return done.error();
    }
    return out;
}

Result<ControlDetail> Workspace::control(std::string_view fullRef) {
    const auto split = splitFullRef(fullRef);
    if (!split) {
        return Error::badInput("'" + std::string(fullRef) +
                               "' is not a full reference; expected FRAMEWORK:REF, e.g. iso27001-2022:A.5.15");
    }
    const auto [frameworkId, ref] = *split;
    ControlDetail detail;
    auto framework = m_impl->framework(frameworkId);
    if (!framework) return framework.error();
    detail.framework = std::move(*framework);

    auto& db = *m_impl->db;
    auto one = db.cached("SELECT " + std::string(kControlColumns) + ", c.id" + std::string(kControlFrom) +
                         "WHERE c.framework_id = ?1 AND c.ref = ?2");
    if (!one) return one.error();
    (*one)->bindAll(frameworkId, ref);
    auto row = (*one)->step();
    if (!row) return row.error();
    if (!*row) {
        (*one)->reset();
        std::string hint;
        auto near = db.cached("SELECT ref FROM controls WHERE framework_id = ?1 AND lower(ref) = lower(?2) LIMIT 1");
        if (near) {
            (*near)->bindAll(frameworkId, ref);
            if (auto r = (*near)->step(); r && *r) hint = "; did you mean '" + (*near)->text(0) + "'?";
            (*near)->reset();
        }
        return Error::notFound("unknown control '" + std::string(fullRef) + "': framework '" +
                               std::string(frameworkId) + "' has no ref '" + std::string(ref) + "'" + hint);
    }
    detail.control = readControl(**one);
    const std::int64_t id = (*one)->integer(9);
    (*one)->reset();

    auto ancestors = db.cached(
        "WITH RECURSIVE up(id, level) AS (SELECT parent_id, 1 FROM controls WHERE id = ?1 AND parent_id IS NOT NULL "
        "UNION ALL SELECT c.parent_id, up.level + 1 FROM controls c JOIN up ON c.id = up.id "
        "WHERE c.parent_id IS NOT NULL) "
        "SELECT " +
        std::string(kControlColumns) + std::string(kControlFrom) + "JOIN up ON up.id = c.id ORDER BY up.level DESC");
    if (!ancestors) return ancestors.error();
    (*ancestors)->bindAll(id);
    if (auto done = (*ancestors)->each([&] { detail.ancestors.push_back(readControl(**ancestors)); }); !done) {
        return done.error();
    }

    auto children = db.cached("SELECT " + std::string(kControlColumns) + std::string(kControlFrom) +
                              "WHERE c.parent_id = ?1 ORDER BY c.position");
    if (!children) return children.error();
    (*children)->bindAll(id);
    if (auto done = (*children)->each([&] { detail.children.push_back(readControl(**children)); }); !done) {
        return done.error();
    }

    auto mappings = db.cached(
        "SELECT m.pack_id, s.framework_id || ':' || s.ref, t.framework_id || ':' || t.ref, s.title, t.title, "
        "m.relationship, m.rationale, m.strength, m.confidence, m.coverage, m.qualifiers, m.note "
        "FROM mappings m JOIN controls s ON s.id = m.source_control_id JOIN controls t ON t.id = m.target_control_id "
        "WHERE m.source_control_id = ?1 OR m.target_control_id = ?1 ORDER BY t.framework_id, t.position, s.position");
    if (!mappings) return mappings.error();
    (*mappings)->bindAll(id);
    if (auto done = (*mappings)->each([&] {
            const auto& s = **mappings;
            MappingRow m;
            m.packId = s.text(0);
            m.source = s.text(1);
            m.target = s.text(2);
            m.sourceTitle = s.text(3);
            m.targetTitle = s.text(4);
            m.relationship = parseRelationship(s.text(5)).value_or(Relationship::IntersectsWith);
            if (!s.isNull(6)) m.rationale = parseRationale(s.text(6));
            if (auto v = s.optionalInteger(7)) m.strength = static_cast<int>(*v);
            m.confidence = s.optionalReal(8);
            m.coverage = s.optionalReal(9);
            boost::system::error_code ec;
            json::value q = json::parse(s.text(10), ec);
            if (!ec && q.is_array()) {
                for (const auto& item : q.as_array()) {
                    if (item.is_string()) m.qualifiers.emplace_back(item.get_string());
                }
            }
            m.note = s.text(11);
            detail.mappings.push_back(std::move(m));
        });
        !done) {
        return done.error();
    }
    return detail;
}

Result<void> Workspace::transaction(const std::function<Result<void>()>& body) {
    auto tx = db::Transaction::begin(*m_impl->db);
    if (!tx) return tx.error();
    if (auto r = body(); !r) return r.error();
    return tx->commit();
}

}  // namespace cw
