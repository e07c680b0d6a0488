// The workspace's packs and mappings: importing a pack, listing packs, and the mapping graph
// the analyses read. All SQL text for packs and mappings.
#include <crosswalk/io/json.hpp>
#include <crosswalk/model/version.hpp>
#include <crosswalk/store/workspace.hpp>

#include "database.hpp"
#include "repository.hpp"
#include "workspace_impl.hpp"

#include <boost/json.hpp>

#include <unordered_map>
#include <unordered_set>

namespace json = boost::json;

namespace cw {
namespace {

constexpr std::size_t kMappingColumns = 13;  // every column but pack_id, which all rows share as ?1
constexpr std::size_t kMappingBatch = 64;

// INSERT of `rows` mappings of one pack: pack_id is ?1, row r's columns ?(2 + 13r) on.
std::string mappingInsert(std::size_t rows) {
    std::string sql =
        "INSERT INTO mappings(pack_id, source_control_id, target_control_id, relationship, rationale, strength, "
        "confidence, coverage, qualifiers, note, source_document, method, author, date) VALUES ";
    std::size_t parameter = 2;
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r == 0 ? "(?1" : ", (?1";
        for (std::size_t c = 0; c < kMappingColumns; ++c) sql += ", ?" + std::to_string(parameter++);
        sql += ")";
    }
    return sql;
}

// Binds one mapping's columns (all but pack_id) from parameter `first` on.
void bindMapping(db::Statement& s, int first, const Mapping& m, const std::pair<std::int64_t, std::int64_t>& ids) {
    auto text = [&](int column, const std::optional<std::string_view>& value) {
        if (value) {
            s.bindText(first + column, *value);
        } else {
            s.bindNull(first + column);
        }
    };
    s.bindInt(first + 0, ids.first);
    s.bindInt(first + 1, ids.second);
    s.bindText(first + 2, toString(m.relationship));
    text(3, m.rationale ? std::optional(toString(*m.rationale)) : std::nullopt);
    if (m.strength) {
        s.bindInt(first + 4, *m.strength);
    } else {
        s.bindNull(first + 4);
    }
    for (const auto& [column, value] : {std::pair{5, m.confidence}, std::pair{6, m.coverage}}) {
        if (value) {
            s.bindReal(first + column, *value);
        } else {
            s.bindNull(first + column);
        }
    }
    if (m.qualifiers.empty()) {
        s.bindText(first + 7, "[]");
    } else {
        json::array qualifiers;
        for (const auto& q : m.qualifiers) qualifiers.emplace_back(q);
        s.bindText(first + 7, json::serialize(qualifiers));
    }
    s.bindText(first + 8, m.note);
    if (m.provenance) {
        s.bindText(first + 9, m.provenance->sourceDocument);
        s.bindText(first + 10, toString(m.provenance->method));
        s.bindText(first + 11, m.provenance->author);
        text(12, m.provenance->date.empty() ? std::nullopt : std::optional<std::string_view>(m.provenance->date));
    } else {
        for (int column = 9; column <= 12; ++column) s.bindNull(first + column);
    }
}

// PRAGMA temp_store = MEMORY for one scope; the previous setting comes back at the end.
// The workspace keeps no TEMP tables, so the switch discards nothing.
class MemoryTempStore {
public:
    explicit MemoryTempStore(db::Database& db) : m_db(db) {
        auto current = db.prepare("PRAGMA temp_store");
        if (!current) return;
        auto row = current->step();
        if (!row || !*row) return;
        const auto previous = current->integer(0);
        if (previous == 2) return;  // already MEMORY
        current->reset();
        if (db.exec("PRAGMA temp_store = MEMORY")) m_previous = previous;
    }
    ~MemoryTempStore() {
        if (m_previous) (void)m_db.exec("PRAGMA temp_store = " + std::to_string(*m_previous));
    }
    MemoryTempStore(const MemoryTempStore&) = delete;
    MemoryTempStore& operator=(const MemoryTempStore&) = delete;

private:
    db::Database& m_db;
    std::optional<std::int64_t> m_previous;
};

// Refs of one framework → control id.
Result<std::unordered_map<std::string, std::int64_t>> refIndex(db::Database& db, const std::string& framework) {
    auto s = db.cached("SELECT ref, id FROM controls WHERE framework_id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    std::unordered_map<std::string, std::int64_t> out;
    if (auto done = (*s)->each([&] { out.emplace((*s)->text(0), (*s)->integer(1)); }); !done) {
        return done.error();
    }
    return out;
}

}  // namespace

Result<PackImport> Workspace::importPack(const Pack& pack, const std::string& origin, const std::string& sha256,
                                         const std::string& pluginId) {
    auto& db = *m_impl->db;
    PackImport result;
    result.packId = pack.id;
    result.version = pack.version;
    result.mappings = pack.mappings.size();

    // Resolve every ref before writing anything.
    std::optional<std::unordered_map<std::string, std::int64_t>> sources;
    std::optional<std::unordered_map<std::string, std::int64_t>> targets;
    auto resolve = [&](const char* field, const std::string& framework,
                       std::optional<std::unordered_map<std::string, std::int64_t>>& index) -> Result<void> {
        auto f = m_impl->framework(framework);
        if (!f) {
            if (f.error().kind != ErrorKind::NotFound) return f.error();
            result.problems.push_back({std::string("/") + field, f.error().message});
            return {};
        }
        auto refs = refIndex(db, framework);
        if (!refs) return refs.error();
        index = std::move(*refs);
        return {};
    };
    if (auto r = resolve("source_framework", pack.sourceFramework, sources); !r) return r.error();
    if (auto r = resolve("target_framework", pack.targetFramework, targets); !r) return r.error();
    std::vector<std::pair<std::int64_t, std::int64_t>> ids(pack.mappings.size(), {0, 0});
    for (std::size_t i = 0; i < pack.mappings.size(); ++i) {
        const Mapping& m = pack.mappings[i];
        // Built only for a problem: most packs have none, and large ones have many rows.
        const auto at = [i] { return appendPointer("/mappings", i); };
        if (sources) {
            if (auto it = sources->find(m.source); it != sources->end()) {
                ids[i].first = it->second;
            } else {
                result.problems.push_back(
                    {appendPointer(at(), "source"),
                     "unknown ref '" + m.source + "' in framework '" + pack.sourceFramework + "'"});
            }
        }
        if (targets) {
            if (auto it = targets->find(m.target); it != targets->end()) {
                ids[i].second = it->second;
            } else {
                result.problems.push_back(
                    {appendPointer(at(), "target"),
                     "unknown ref '" + m.target + "' in framework '" + pack.targetFramework + "'"});
            }
        }
    }
    if (!result.problems.empty()) return result;

    // Each batch insert below keeps a statement journal (to undo just that statement on a
    // constraint failure). On the default file temp store it spills to a temp file past
    // 64 KiB, which for large packs cost more write calls than the import itself; in memory
    // it holds at most one batch's pages. Set for this import only, before BEGIN (SQLite
    // refuses the change inside a transaction); without it the import is only slower.
    MemoryTempStore tempStore(db);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto held = db::heldVersion(db, "SELECT version, coalesce(sha256, '') FROM packs WHERE id = ?1", pack.id);
    if (!held) return held.error();
    if (*held) result.previousVersion = (*held)->first;
    auto decision = decideUpgrade(*held, pack.version, sha256, "content");
    result.action = decision.action;
    result.note = std::move(decision.note);
    if (result.action == SyncAction::Skipped || result.action == SyncAction::Unchanged) return result;

    auto upsert = db.cached(
        "INSERT INTO packs(id, version, title, source_framework_id, target_framework_id, plugin_id, source_document, "
        "method, author, date, licence, description, file, sha256, imported_at, url, derived_from, notes, "
        "source_version, target_version) VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, ''), ?7, ?8, ?9, nullif(?10, ''), "
        "?11, ?12, ?13, ?14, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?15, ?16, ?17, ?18, ?19) "
        "ON CONFLICT(id) DO UPDATE SET version = excluded.version, title = excluded.title, "
        "source_framework_id = excluded.source_framework_id, target_framework_id = excluded.target_framework_id, "
        "plugin_id = excluded.plugin_id, source_document = excluded.source_document, method = excluded.method, "
        "author = excluded.author, date = excluded.date, licence = excluded.licence, "
        "description = excluded.description, file = excluded.file, sha256 = excluded.sha256, "
        "imported_at = excluded.imported_at, url = excluded.url, derived_from = excluded.derived_from, "
        "notes = excluded.notes, source_version = excluded.source_version, target_version = excluded.target_version");
    if (!upsert) return upsert.error();
    json::array derivedFrom;
    for (const auto& d : pack.provenance.derivedFrom) derivedFrom.emplace_back(d);
    (*upsert)->bindAll(pack.id, pack.version, pack.title, pack.sourceFramework, pack.targetFramework, pluginId,
                       pack.provenance.sourceDocument, toString(pack.provenance.method), pack.provenance.author,
                       pack.provenance.date, pack.licence, pack.description, origin, sha256, pack.provenance.url,
                       json::serialize(derivedFrom), pack.provenance.notes, pack.sourceVersion, pack.targetVersion);
    if (auto r = (*upsert)->run(); !r) return r.error();

    auto clear = db.cached("DELETE FROM mappings WHERE pack_id = ?1");
    if (!clear) return clear.error();
    (*clear)->bindAll(pack.id);
    if (auto r = (*clear)->run(); !r) return r.error();

    // Rows go in batches: each execution of an INSERT rebuilds the lookup tables behind
    // the schema's `IN (...)` CHECKs (relationship, rationale, method), so one statement
    // per row spent most of a large import on that. A batch that fails wrote nothing;
    // its rows are retried one by one to name the mapping at fault.
    auto one = db.cached(mappingInsert(1));
    if (!one) return one.error();
    auto batch = db.cached(mappingInsert(kMappingBatch));
    if (!batch) return batch.error();
    auto insertOne = [&](std::size_t i) -> Result<void> {
        (*one)->bindText(1, pack.id);
        bindMapping(**one, 2, pack.mappings[i], ids[i]);
        if (auto r = (*one)->run(); !r) {
            Error e = r.error();
            e.message += " (at /mappings/" + std::to_string(i) + ")";
            return e;
        }
        return {};
    };
    std::size_t next = 0;
    for (; next + kMappingBatch <= pack.mappings.size(); next += kMappingBatch) {
        (*batch)->bindText(1, pack.id);
        for (std::size_t k = 0; k < kMappingBatch; ++k) {
            bindMapping(**batch, 2 + static_cast<int>(k * kMappingColumns), pack.mappings[next + k], ids[next + k]);
        }
        if (auto r = (*batch)->run(); !r) {
            // Only a constraint failure leaves the transaction open and worth a row-by-row retry
            // to name the mapping; after I/O, full disk or out of memory, give up at once.
            if (r.error().kind != ErrorKind::BadInput) return r.error();
            for (std::size_t i = next; i < next + kMappingBatch; ++i) {
                if (auto again = insertOne(i); !again) return again.error();
            }
            return r.error();
        }
    }
    for (; next < pack.mappings.size(); ++next) {
        if (auto r = insertOne(next); !r) return r.error();
    }
    if (auto r = tx->commit(); !r) return r.error();
    return result;
}

Result<std::vector<PackRow>> Workspace::packs() {
    auto s = m_impl->db->cached(
        "SELECT p.id, p.version, p.title, p.source_framework_id, p.target_framework_id, p.source_document, p.method, "
        "p.author, coalesce(p.date, ''), p.licence, p.description, coalesce(p.file, ''), coalesce(p.sha256, ''), "
        "coalesce(p.plugin_id, ''), p.imported_at, (SELECT count(*) FROM mappings m WHERE m.pack_id = p.id), "
        "p.url, p.derived_from, p.notes, p.source_version, p.target_version FROM packs p ORDER BY p.id");
    if (!s) return s.error();
    std::vector<PackRow> out;
    if (auto done = (*s)->each([&] {
            const auto& q = **s;
            PackRow p;
            p.id = q.text(0);
            p.version = q.text(1);
            p.title = q.text(2);
            p.source = q.text(3);
            p.target = q.text(4);
            p.provenance.sourceDocument = q.text(5);
            p.provenance.method = parseMethod(q.text(6)).value_or(Method::Authored);
            p.provenance.author = q.text(7);
            p.provenance.date = q.text(8);
            p.licence = q.text(9);
            p.description = q.text(10);
            p.file = q.text(11);
            p.sha256 = q.text(12);
            p.pluginId = q.text(13);
            p.importedAt = q.text(14);
            p.mappings = q.integer(15);
            p.provenance.url = q.text(16);
            boost::system::error_code ec;
            const json::value from = json::parse(q.text(17), ec);
            if (!ec && from.is_array()) {
                for (const auto& d : from.as_array()) {
                    if (d.is_string()) p.provenance.derivedFrom.emplace_back(d.as_string());
                }
            }
            p.provenance.notes = q.text(18);
            p.sourceVersion = q.text(19);
            p.targetVersion = q.text(20);
            out.push_back(std::move(p));
        });
        !done) {
        return done.error();
    }
    return out;
}

Result<GraphData> Workspace::graph() {
    auto& db = *m_impl->db;
    GraphData data;
    auto frameworks = db.cached("SELECT id FROM frameworks ORDER BY position, id");
    if (!frameworks) return frameworks.error();
    if (auto done = (*frameworks)->each([&] { data.frameworks.push_back((*frameworks)->text(0)); }); !done) {
        return done.error();
    }
    // Control ids are dense enough to index by a map from id to position.
    std::unordered_map<std::int64_t, std::uint32_t> position;
    auto controls =
        db.cached("SELECT id, framework_id, ref, title, assessable FROM controls ORDER BY framework_id, position");
    if (!controls) return controls.error();
    if (auto done = (*controls)->each([&] {
            const auto& q = **controls;
            position.emplace(q.integer(0), static_cast<std::uint32_t>(data.controls.size()));
            data.controls.push_back({q.text(1), q.text(2), q.text(3), q.integer(4) != 0});
        });
        !done) {
        return done.error();
    }
    std::unordered_map<std::string, std::uint32_t> packIndex;
    auto mappings = db.cached(
        "SELECT m.source_control_id, m.target_control_id, m.relationship, m.confidence, m.strength, "
        "coalesce(m.method, p.method), m.pack_id FROM mappings m JOIN packs p ON p.id = m.pack_id");
    if (!mappings) return mappings.error();
    if (auto done = (*mappings)->each([&] {
            const auto& q = **mappings;
            GraphMapping m;
            m.source = position.at(q.integer(0));
            m.target = position.at(q.integer(1));
            m.relationship = parseRelationship(q.text(2)).value_or(Relationship::IntersectsWith);
            const Method method = parseMethod(q.text(5)).value_or(Method::Authored);
            m.confidence = q.optionalReal(3).value_or(defaultConfidence(method));
            if (auto strength = q.optionalInteger(4)) m.confidence *= double(*strength) / 10.0;
            const std::string pack = q.text(6);
            auto [it, inserted] = packIndex.emplace(pack, static_cast<std::uint32_t>(data.packs.size()));
            if (inserted) data.packs.push_back(pack);
            m.pack = it->second;
            data.mappings.push_back(m);
        });
        !done) {
        return done.error();
    }
    return data;
}

Result<std::vector<PackFill>> Workspace::packFills() {
    auto s = m_impl->db->cached(
        "SELECT p.id, p.source_framework_id, p.target_framework_id, count(m.rationale), count(m.strength), "
        "count(m.confidence) FROM packs p LEFT JOIN mappings m ON m.pack_id = p.id GROUP BY p.id ORDER BY p.id");
    if (!s) return s.error();
    std::vector<PackFill> out;
    if (auto done = (*s)->each([&] {
            const auto& q = **s;
            out.push_back({q.text(0), q.text(1), q.text(2), q.integer(3), q.integer(4), q.integer(5)});
        });
        !done) {
        return done.error();
    }
    return out;
}

}  // namespace cw
