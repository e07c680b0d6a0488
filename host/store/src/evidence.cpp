// The evidence library: items, their links to common controls and requirements, their
// per-framework scope, and what each reaches. All SQL for evidence, evidence_links and
// evidence_scope.
#include <crosswalk/io/hash.hpp>
#include <crosswalk/store/evidence.hpp>

#include "database.hpp"
#include "repository.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <regex>
#include <system_error>

namespace cw {
namespace {

namespace fs = std::filesystem;

// How messages name an item; one being added without a key has none yet.
std::string itemName(std::string_view key) {
    return key.empty() ? std::string("the new evidence item") : "evidence " + inQuotes(key);
}

// A location must say how to reach the item: "https://…", "file:///…", "s3://…", "jira:SEC-1" …
Result<void> checkUri(std::string_view key, std::string_view uri) {
    static const std::regex kUri("^[A-Za-z][A-Za-z0-9+.-]*:[^\\s].*$");
    if (uri.empty()) {
        return Error::badInput(itemName(key) + " needs a location URI or a file to hash");
    }
    if (!std::regex_match(uri.begin(), uri.end(), kUri)) {
        return Error::badInput(itemName(key) + ": location " + inQuotes(uri) +
                               " is not a URI; expected a scheme such as https:, file:, s3: or jira:");
    }
    return {};
}

// The checks every add and update shares; nothing here needs the database.
Result<void> checkFields(const EvidenceItem& item) {
    if (blank(item.title)) return Error::badInput(itemName(item.key) + " needs a title");
    if (item.validUntil && item.collectedOn && *item.validUntil < *item.collectedOn) {
        return Error::badInput(itemName(item.key) + ": valid-until " + item.validUntil->str() +
                               " is before collected-on " + item.collectedOn->str());
    }
    if (item.reviewDays && *item.reviewDays <= 0) {
        return Error::badInput(itemName(item.key) + ": review-days must be a positive number of days, not " +
                               std::to_string(*item.reviewDays));
    }
    if (item.reviewDays && !item.collectedOn) {
        return Error::badInput(itemName(item.key) +
                               ": a review cadence counts from the collection date; give collected-on too");
    }
    return {};
}

// Hashes a file for an item; a file that cannot be read is the user's mistake.
Result<std::string> hashFile(std::string_view key, const fs::path& file) {
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (ec || !fs::exists(status)) {
        return Error::badInput(itemName(key) + ": cannot read file " + inQuotes(file.string()) +
                               " for hashing: no such file");
    }
    if (!fs::is_regular_file(status)) {
        return Error::badInput(itemName(key) + ": " + inQuotes(file.string()) +
                               " is not a regular file; cannot hash it");
    }
    auto digest = sha256File(file);
    if (!digest) {
        return Error::badInput(itemName(key) + ": cannot read file " + inQuotes(file.string()) +
                               " for hashing: " + digest.error().message);
    }
    return *digest;
}

std::optional<std::string> textOrNull(const db::Statement& s, int column) {
    if (s.isNull(column)) return std::nullopt;
    return s.text(column);
}

Result<std::int64_t> evidenceId(db::Database& db, std::string_view key) {
    auto id = db::findId(db, "SELECT id FROM evidence WHERE key = ?1", key);
    if (!id) return id.error();
    if (!*id) return Error::notFound("unknown evidence item " + inQuotes(key));
    return **id;
}

// Reads items with their links, scope and reach: four queries whatever the library's size.
// `only` restricts everything to one item.
Result<std::vector<EvidenceItem>> load(db::Database& db, std::optional<std::int64_t> only) {
    std::vector<EvidenceItem> items;
    std::map<std::int64_t, std::size_t> index;
    db::DateColumns dates(db);

    auto s = db.cached(
        "SELECT id, key, title, kind, location, sha256, owner, collected_on, valid_until, review_days, description "
        "FROM evidence WHERE ?1 IS NULL OR id = ?1 ORDER BY key");
    if (!s) return s.error();
    (*s)->bindAll(only);
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            EvidenceItem item;
            item.key = q.text(1);
            item.title = q.text(2);
            item.kind = parseEvidenceKind(q.text(3)).value_or(EvidenceKind::Record);
            item.location = q.text(4);
            item.sha256 = textOrNull(q, 5).value_or("");
            item.owner = q.text(6);
            item.collectedOn = dates.optional(q, 7, "evidence.collected_on of " + item.key);
            item.validUntil = dates.optional(q, 8, "evidence.valid_until of " + item.key);
            if (auto days = q.optionalInteger(9)) item.reviewDays = static_cast<int>(*days);
            item.description = q.text(10);
            index.emplace(q.integer(0), items.size());
            items.push_back(std::move(item));
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();

    auto links = db.cached(
        "SELECT l.evidence_id, coalesce(cc.key, c.framework_id || ':' || c.ref) AS subject FROM evidence_links l "
        "LEFT JOIN common_controls cc ON cc.id = l.common_control_id LEFT JOIN controls c ON c.id = l.control_id "
        "WHERE ?1 IS NULL OR l.evidence_id = ?1 ORDER BY subject");
    if (!links) return links.error();
    (*links)->bindAll(only);
    if (auto r = (*links)->each([&] {
            const auto it = index.find((*links)->integer(0));
            if (it != index.end()) items[it->second].links.push_back((*links)->text(1));
        });
        !r) {
        return r.error();
    }

    std::map<std::pair<std::int64_t, std::string>, bool> validity;
    auto scope = db.cached(
        "SELECT evidence_id, framework_id, valid, note FROM evidence_scope WHERE ?1 IS NULL OR evidence_id = ?1 "
        "ORDER BY framework_id");
    if (!scope) return scope.error();
    (*scope)->bindAll(only);
    if (auto r = (*scope)->each([&] {
            const auto& q = **scope;
            const auto it = index.find(q.integer(0));
            if (it == index.end()) return;
            items[it->second].scope.push_back({q.text(1), q.integer(2) == 1, q.text(3)});
            validity[{q.integer(0), q.text(1)}] = q.integer(2) == 1;
        });
        !r) {
        return r.error();
    }

    // What each item reaches, per framework: its direct requirement links and every
    // requirement of its common controls; only assessable requirements; with targets set,
    // only target frameworks and requirements their scoping did not rule out.
    auto reach = db.cached(
        "WITH reach(evidence_id, control_id) AS ("
        "  SELECT evidence_id, control_id FROM evidence_links "
        "  WHERE control_id IS NOT NULL AND (?1 IS NULL OR evidence_id = ?1) "
        "  UNION "
        "  SELECT l.evidence_id, x.control_id FROM evidence_links l "
        "  JOIN common_control_links x ON x.common_control_id = l.common_control_id "
        "  WHERE ?1 IS NULL OR l.evidence_id = ?1) "
        "SELECT r.evidence_id, c.framework_id, count(DISTINCT c.id) FROM reach r JOIN controls c ON c.id = "
        "r.control_id "
        "WHERE c.assessable = 1 AND (NOT EXISTS (SELECT 1 FROM targets) OR ("
        "  EXISTS (SELECT 1 FROM targets t WHERE t.framework_id = c.framework_id) "
        "  AND coalesce((SELECT a.applies FROM applicability a WHERE a.control_id = c.id), 1) = 1)) "
        "GROUP BY r.evidence_id, c.framework_id ORDER BY c.framework_id");
    if (!reach) return reach.error();
    (*reach)->bindAll(only);
    if (auto r = (*reach)->each([&] {
            const auto& q = **reach;
            const auto it = index.find(q.integer(0));
            if (it == index.end()) return;
            EvidenceItem& item = items[it->second];
            const std::string framework = q.text(1);
            const auto decided = validity.find({q.integer(0), framework});
            if (decided != validity.end() && !decided->second) {
                item.scopedOut.push_back(framework);
            } else {
                item.frameworks.push_back(framework);
                item.requirements += static_cast<std::size_t>(q.integer(2));
            }
        });
        !r) {
        return r.error();
    }
    return items;
}

Result<void> insertLink(db::Database& db, std::int64_t item, const db::Subject& subject) {
    auto s = db.cached(
        "INSERT OR IGNORE INTO evidence_links(evidence_id, common_control_id, control_id) VALUES (?1, ?2, ?3)");
    if (!s) return s.error();
    (*s)->bindAll(item, subject.commonControl, subject.control);
    return (*s)->run();
}

}  // namespace

Result<EvidenceItem> addEvidence(Workspace& ws, EvidenceItem item, const std::filesystem::path& file) {
    auto& db = db::connection(ws);
    if (!item.key.empty()) {
        if (auto r = db::checkKey("evidence", item.key); !r) return r.error();
    }
    if (auto r = checkFields(item); !r) return r.error();
    if (!item.sha256.empty()) {
        return Error::badInput(itemName(item.key) +
                               ": the SHA-256 is computed from the file; give the file, not a digest");
    }
    // Hashed before the transaction begins: a large file must not hold the workspace's write lock.
    if (!file.empty()) {
        if (!item.location.empty()) {
            return Error::badInput(itemName(item.key) + ": give a file or a location URI, not both");
        }
        auto digest = hashFile(item.key, file);
        if (!digest) return digest.error();
        std::error_code ec;
        const fs::path absolute = fs::absolute(file, ec);
        item.location = (ec ? file : absolute).lexically_normal().string();
        item.sha256 = *digest;
    } else if (auto r = checkUri(item.key, item.location); !r) {
        return r.error();
    }
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (item.key.empty()) {
        auto key = db::nextNumberedKey(db, "evidence", "EV-", 3);
        if (!key) return key.error();
        item.key = *key;
    } else if (auto exists = db::findId(db, "SELECT id FROM evidence WHERE key = ?1", item.key); !exists) {
        return exists.error();
    } else if (*exists) {
        return Error::badInput(itemName(item.key) + " already exists");
    }

    auto s = db.cached(
        "INSERT INTO evidence(key, title, kind, location, sha256, owner, collected_on, valid_until, review_days, "
        "description, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, " +
        std::string(db::kNowSql) + ")");
    if (!s) return s.error();
    const std::optional<std::string> sha = item.sha256.empty() ? std::nullopt : std::optional(item.sha256);
    (*s)->bindAll(item.key, item.title, toString(item.kind), item.location, sha, item.owner,
                  db::dateText(item.collectedOn), db::dateText(item.validUntil), item.reviewDays, item.description);
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return evidenceItem(ws, item.key);
}

Result<EvidenceItem> updateEvidence(Workspace& ws, const EvidenceItem& item) {
    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto id = evidenceId(db, item.key);
    if (!id) return id.error();
    if (auto r = checkFields(item); !r) return r.error();
    auto current = load(db, *id);
    if (!current) return current.error();
    const EvidenceItem& stored = current->front();
    // The location stays unless a different one is given; a new location is a URI, and
    // the digest of the file the item used to be goes with it.
    std::string location = stored.location;
    std::optional<std::string> sha = stored.sha256.empty() ? std::nullopt : std::optional<std::string>(stored.sha256);
    if (!item.location.empty() && item.location != stored.location) {
        if (auto r = checkUri(item.key, item.location); !r) return r.error();
        location = item.location;
        sha.reset();
    }
    auto s = db.cached(
        "UPDATE evidence SET title = ?2, kind = ?3, location = ?4, sha256 = ?5, owner = ?6, collected_on = ?7, "
        "valid_until = ?8, review_days = ?9, description = ?10 WHERE id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(*id, item.title, toString(item.kind), location, sha, item.owner, db::dateText(item.collectedOn),
                  db::dateText(item.validUntil), item.reviewDays, item.description);
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return evidenceItem(ws, item.key);
}

Result<bool> rehashEvidence(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto s = db.cached("SELECT id, location, sha256 FROM evidence WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) return Error::notFound("unknown evidence item " + inQuotes(key));
    const std::int64_t id = (*s)->integer(0);
    const std::string location = (*s)->text(1);
    const auto previous = textOrNull(**s, 2);
    (*s)->reset();
    if (!previous) {
        return Error::badInput("evidence " + inQuotes(key) + " is a URI (" + location +
                               "), not a hashed file; nothing to rehash");
    }
    auto digest = hashFile(key, location);
    if (!digest) return digest.error();
    if (*digest == *previous) return false;
    auto update = db.cached("UPDATE evidence SET sha256 = ?2 WHERE id = ?1");
    if (!update) return update.error();
    (*update)->bindAll(id, *digest);
    if (auto r = (*update)->run(); !r) return r.error();
    return true;
}

Result<void> removeEvidence(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto id = evidenceId(db, key);
    if (!id) return id.error();
    // Links and scope go with it (ON DELETE CASCADE).
    auto s = db.cached("DELETE FROM evidence WHERE id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(*id);
    return (*s)->run();
}

Result<void> linkEvidence(Workspace& ws, std::string_view key, std::string_view subject) {
    auto& db = db::connection(ws);
    auto id = evidenceId(db, key);
    if (!id) return id.error();
    auto resolved = db::resolveSubject(db, subject, "link to");
    if (!resolved) return resolved.error();
    return insertLink(db, *id, *resolved);
}

Result<void> unlinkEvidence(Workspace& ws, std::string_view key, std::string_view subject) {
    auto& db = db::connection(ws);
    auto id = evidenceId(db, key);
    if (!id) return id.error();
    auto resolved = db::resolveSubject(db, subject, "link to");
    if (!resolved) return resolved.error();
    auto s =
        db.cached("DELETE FROM evidence_links WHERE evidence_id = ?1 AND (common_control_id = ?2 OR control_id = ?3)");
    if (!s) return s.error();
    (*s)->bindAll(*id, resolved->commonControl, resolved->control);
    if (auto r = (*s)->run(); !r) return r;
    if (db.changes() == 0) {
        return Error::badInput(inQuotes(subject) + " is not linked to evidence " + inQuotes(key));
    }
    return {};
}

Result<void> setEvidenceScope(Workspace& ws, std::string_view key, const EvidenceScope& scope) {
    auto& db = db::connection(ws);
    auto id = evidenceId(db, key);
    if (!id) return id.error();
    if (auto known = db::requireFramework(db, scope.framework); !known) return known.error();
    auto s = db.cached(
        "INSERT INTO evidence_scope(evidence_id, framework_id, valid, note) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(evidence_id, framework_id) DO UPDATE SET valid = excluded.valid, note = excluded.note");
    if (!s) return s.error();
    (*s)->bindAll(*id, scope.framework, scope.valid, scope.note);
    return (*s)->run();
}

Result<std::vector<EvidenceItem>> evidenceLibrary(Workspace& ws) {
    return load(db::connection(ws), std::nullopt);
}

Result<EvidenceItem> evidenceItem(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto id = evidenceId(db, key);
    if (!id) return id.error();
    auto items = load(db, *id);
    if (!items) return items.error();
    if (items->empty()) return Error::notFound("unknown evidence item " + inQuotes(key));
    return std::move(items->front());
}

Result<std::vector<RequirementEvidence>> requirementEvidence(Workspace& ws, std::string_view framework) {
    auto& db = db::connection(ws);
    if (auto known = db::requireFramework(db, framework); !known) return known.error();
    auto s = db.cached(
        // The framework's requirements drive both branches (index on controls by framework, then
        // the links by control), so the cost follows this framework's reach, not the whole library's.
        "WITH reqs AS (SELECT id, ref, position FROM controls WHERE framework_id = ?1 AND assessable = 1), "
        "pairs(control_id, evidence_id, via) AS ("
        "  SELECT l.control_id, l.evidence_id, NULL FROM reqs r JOIN evidence_links l ON l.control_id = r.id "
        "  UNION "
        "  SELECT x.control_id, l.evidence_id, cc.key FROM reqs r "
        "  JOIN common_control_links x ON x.control_id = r.id "
        "  JOIN evidence_links l ON l.common_control_id = x.common_control_id "
        "  JOIN common_controls cc ON cc.id = x.common_control_id) "
        "SELECT c.ref, e.key, NOT EXISTS (SELECT 1 FROM evidence_scope s WHERE s.evidence_id = e.id "
        "  AND s.framework_id = ?1 AND s.valid = 0), p.via "
        "FROM pairs p JOIN reqs c ON c.id = p.control_id JOIN evidence e ON e.id = p.evidence_id "
        "ORDER BY c.position, e.key, p.via IS NOT NULL, p.via");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    std::vector<RequirementEvidence> out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            out.push_back({q.text(0), q.text(1), q.integer(2) == 1, q.isNull(3) ? "direct" : q.text(3)});
        });
        !r) {
        return r.error();
    }
    return out;
}

}  // namespace cw
