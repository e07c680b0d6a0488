// Implementation status: recorded on common controls or requirements, and carried to every
// requirement through the common-control links. All SQL for the implementation table.
#include <crosswalk/core/implementation.hpp>

#include "database.hpp"
#include "workspace_impl.hpp"

#include <algorithm>
#include <map>

namespace cw {
namespace {

constexpr std::string_view kNow = "strftime('%Y-%m-%dT%H:%M:%SZ','now')";

db::Database& database(Workspace& ws) {
    return detail::WorkspaceAccess::db(ws);
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Common control keys never hold ':' (see common_controls.cpp), so a subject with one is a
// requirement and the two kinds of subject cannot be confused.
bool isRequirementRef(std::string_view subject) {
    return subject.find(':') != std::string_view::npos;
}

int progress(ImplementationStatus s) {
    return s == ImplementationStatus::NotApplicable ? -1 : static_cast<int>(s);
}

struct Subject {
    std::int64_t id = 0;
    bool requirement = false;
};

Result<Subject> resolve(Workspace& ws, std::string_view subject) {
    auto& db = database(ws);
    if (isRequirementRef(subject)) {
        auto id = detail::WorkspaceAccess::impl(ws).controlId(subject);
        if (!id) return id.error();
        auto s = db.cached("SELECT assessable FROM controls WHERE id = ?1");
        if (!s) return s.error();
        (*s)->bindAll(*id);
        auto row = (*s)->step();
        if (!row) return row.error();
        const bool assessable = *row && (*s)->integer(0) != 0;
        (*s)->reset();
        if (!assessable) {
            return Error::badInput("'" + std::string(subject) +
                                   "' is not an assessable requirement (a grouping); record the status on the "
                                   "requirements under it");
        }
        return Subject{*id, true};
    }
    auto s = db.cached("SELECT id FROM common_controls WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(subject);
    auto row = (*s)->step();
    if (!row) return row.error();
    if (!*row) {
        return Error::notFound("unknown common control '" + std::string(subject) +
                               "' (a requirement is written FRAMEWORK:REF)");
    }
    const std::int64_t id = (*s)->integer(0);
    (*s)->reset();
    return Subject{id, false};
}

Result<std::optional<Date>> storedDate(const db::Statement& q, int column, std::string_view what) {
    if (q.isNull(column)) return std::optional<Date>();
    auto d = Date::parse(q.text(column), what);
    if (!d) return Error::internal("stored " + d.error().message);
    return std::optional<Date>(*d);
}

constexpr std::string_view kStatusColumns =
    "SELECT coalesce(cc.key, c.framework_id || ':' || c.ref), i.control_id IS NOT NULL, i.status, i.reason, "
    "i.owner, i.due, i.note, i.updated_at FROM implementation i "
    "LEFT JOIN common_controls cc ON cc.id = i.common_control_id "
    "LEFT JOIN controls h ON h.id = cc.hub_control_id "
    "LEFT JOIN controls c ON c.id = i.control_id "
    "LEFT JOIN frameworks f ON f.id = c.framework_id ";

Result<std::vector<StatusEntry>> readStatuses(db::Database& db, std::string_view where,
                                              std::optional<std::int64_t> id = std::nullopt) {
    auto s = db.cached(std::string(kStatusColumns) + std::string(where) +
                       " ORDER BY i.control_id IS NOT NULL, coalesce(h.position, 1000000000), cc.key, f.position, "
                       "c.framework_id, c.position");
    if (!s) return s.error();
    if (id) (*s)->bindAll(*id);
    std::vector<StatusEntry> out;
    std::optional<Error> bad;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            StatusEntry e;
            e.subject = q.text(0);
            e.requirement = q.integer(1) != 0;
            e.status = parseImplementationStatus(q.text(2)).value_or(ImplementationStatus::NotStarted);
            e.reason = q.text(3);
            e.owner = q.text(4);
            auto due = storedDate(q, 5, "due of " + e.subject);
            if (!due) {
                bad = due.error();
                return;
            }
            e.due = *due;
            e.note = q.text(6);
            e.updatedAt = q.text(7);
            out.push_back(std::move(e));
        });
        !r) {
        return r.error();
    }
    if (bad) return *bad;
    return out;
}

// A status as a link carries it, before choosing among links.
struct Carried {
    ImplementationStatus status = ImplementationStatus::NotStarted;
    bool full = false;
    std::string via;
    std::string owner;
    std::optional<Date> due;
    std::string reason;
};

}  // namespace

std::string_view toString(ImplementationStatus status) noexcept {
    switch (status) {
        case ImplementationStatus::NotStarted:
            return "not-started";
        case ImplementationStatus::Planned:
            return "planned";
        case ImplementationStatus::Partial:
            return "partial";
        case ImplementationStatus::Implemented:
            return "implemented";
        case ImplementationStatus::NotApplicable:
            return "not-applicable";
    }
    return "not-started";
}

std::optional<ImplementationStatus> parseImplementationStatus(std::string_view text) noexcept {
    for (const auto s : {ImplementationStatus::NotStarted, ImplementationStatus::Planned, ImplementationStatus::Partial,
                         ImplementationStatus::Implemented, ImplementationStatus::NotApplicable}) {
        if (text == toString(s)) return s;
    }
    return std::nullopt;
}

Result<StatusEntry> setImplementationStatus(Workspace& ws, StatusEntry entry) {
    auto& db = database(ws);
    auto subject = resolve(ws, entry.subject);
    if (!subject) return subject.error();
    if (entry.status == ImplementationStatus::NotApplicable && blank(entry.reason)) {
        return Error::badInput("'" + entry.subject + "' cannot be not-applicable without a reason saying why");
    }
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    const std::string column = subject->requirement ? "control_id" : "common_control_id";
    auto s = db.cached("INSERT INTO implementation(" + column +
                       ", status, reason, owner, due, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " +
                       std::string(kNow) + ") ON CONFLICT(" + column +
                       ") DO UPDATE SET status = excluded.status, reason = excluded.reason, owner = excluded.owner, "
                       "due = excluded.due, note = excluded.note, updated_at = excluded.updated_at");
    if (!s) return s.error();
    const std::optional<std::string> due = entry.due ? std::optional<std::string>(entry.due->str()) : std::nullopt;
    (*s)->bindAll(subject->id, toString(entry.status), entry.reason, entry.owner, due, entry.note);
    if (auto r = (*s)->run(); !r) return r.error();
    auto stored = readStatuses(db, "WHERE i." + column + " = ?1", subject->id);
    if (!stored) return stored.error();
    if (stored->size() != 1) return Error::internal("status of '" + entry.subject + "' was not stored");
    if (auto r = tx->commit(); !r) return r.error();
    return std::move(stored->front());
}

Result<void> clearImplementationStatus(Workspace& ws, std::string_view subject) {
    auto& db = database(ws);
    auto resolved = resolve(ws, subject);
    if (!resolved) return resolved.error();
    auto s = db.cached(resolved->requirement ? "DELETE FROM implementation WHERE control_id = ?1"
                                             : "DELETE FROM implementation WHERE common_control_id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(resolved->id);
    if (auto r = (*s)->run(); !r) return r;
    if (db.changes() == 0) return Error::notFound("no status recorded for '" + std::string(subject) + "'");
    return {};
}

Result<std::vector<StatusEntry>> implementationStatuses(Workspace& ws) {
    return readStatuses(database(ws), "");
}

Result<std::vector<RequirementStatus>> requirementStatuses(Workspace& ws, std::string_view framework) {
    auto& db = database(ws);
    auto known = db.cached(
        "SELECT (SELECT count(*) FROM frameworks WHERE id = ?1), "
        "(SELECT count(*) FROM targets WHERE framework_id = ?1)");
    if (!known) return known.error();
    (*known)->bindAll(framework);
    auto row = (*known)->step();
    if (!row) return row.error();
    const bool exists = *row && (*known)->integer(0) != 0;
    const bool target = *row && (*known)->integer(1) != 0;
    (*known)->reset();
    if (!exists) return Error::notFound("unknown framework '" + std::string(framework) + "'");

    // Two queries for the whole framework (SP 800-53 has over a thousand requirements): the
    // requirements with their applicability and direct status, then every link with the
    // linked control's status. The rule is applied here.
    auto links = db.cached(
        "SELECT l.control_id, cc.key, l.relationship, l.source, i.status, i.owner, i.due, i.reason "
        "FROM common_control_links l JOIN controls c ON c.id = l.control_id "
        "JOIN common_controls cc ON cc.id = l.common_control_id "
        "LEFT JOIN implementation i ON i.common_control_id = cc.id "
        "WHERE c.framework_id = ?1 AND c.assessable = 1 ORDER BY l.control_id, cc.key");
    if (!links) return links.error();
    (*links)->bindAll(framework);
    std::map<std::int64_t, std::vector<std::string>> linkedKeys;
    std::map<std::int64_t, std::vector<Carried>> carried;
    std::optional<Error> bad;
    if (auto r = (*links)->each([&] {
            const auto& q = **links;
            const std::int64_t control = q.integer(0);
            const std::string key = q.text(1);
            linkedKeys[control].push_back(key);
            if (q.isNull(4)) return;  // nothing recorded on that common control: it carries nothing
            const std::string relationship = q.isNull(2) ? std::string() : q.text(2);
            const std::string source = q.text(3);
            // The link's relationship is the requirement's relation to the hub control: equal or
            // subset-of means the control covers the whole requirement.
            const bool full =
                source == "hub" || source == "manual" || relationship == "equal" || relationship == "subset-of";
            auto status = parseImplementationStatus(q.text(4)).value_or(ImplementationStatus::NotStarted);
            if (!full) {
                if (status == ImplementationStatus::NotApplicable) return;
                if (status == ImplementationStatus::Implemented) status = ImplementationStatus::Partial;
            }
            auto due = storedDate(q, 6, "due of " + key);
            if (!due) {
                bad = due.error();
                return;
            }
            carried[control].push_back({status, full, key + " (" + (source == "mapping" ? relationship : source) + ")",
                                        q.text(5), *due, q.text(7)});
        });
        !r) {
        return r.error();
    }
    if (bad) return *bad;

    auto s = db.cached(
        "SELECT c.id, c.ref, c.title, a.applies, a.reason, i.status, i.owner, i.due, i.reason "
        "FROM controls c LEFT JOIN applicability a ON a.control_id = c.id "
        "LEFT JOIN implementation i ON i.control_id = c.id "
        "WHERE c.framework_id = ?1 AND c.assessable = 1 ORDER BY c.position");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    std::vector<RequirementStatus> out;
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            RequirementStatus rs;
            const std::int64_t id = q.integer(0);
            rs.framework = std::string(framework);
            rs.ref = q.text(1);
            rs.title = q.text(2);
            if (target) {
                // A requirement added to the catalog after scoping applies until the target is set again.
                rs.applicable = q.isNull(3) || q.integer(3) != 0;
                rs.applicabilityReason = q.isNull(4) ? "added to the catalog after scoping: applies" : q.text(4);
            }
            if (const auto keys = linkedKeys.find(id); keys != linkedKeys.end()) rs.commonControls = keys->second;

            if (!q.isNull(5)) {  // (1) recorded on the requirement itself
                rs.status = parseImplementationStatus(q.text(5)).value_or(ImplementationStatus::NotStarted);
                rs.via = "direct";
                rs.owner = q.text(6);
                auto due = storedDate(q, 7, "due of " + rs.framework + ":" + rs.ref);
                if (!due) {
                    bad = due.error();
                    return;
                }
                rs.due = *due;
                rs.reason = q.text(8);
            } else if (!rs.applicable) {  // (2) scoped out of a target
                rs.status = ImplementationStatus::NotApplicable;
                rs.via = "scope";
                rs.reason = rs.applicabilityReason;
            } else if (const auto c = carried.find(id); c != carried.end()) {  // (3) carried
                const std::vector<Carried>& all = c->second;
                const bool allNotApplicable = std::all_of(all.begin(), all.end(), [](const Carried& x) {
                    return x.status == ImplementationStatus::NotApplicable;
                });
                const Carried* best = nullptr;
                if (allNotApplicable) {
                    // Partial links never carry not-applicable, so these are all full links.
                    best = &all.front();
                } else {
                    // Highest progress wins; on a tie a full link, then the first key, decides.
                    for (const auto& x : all) {
                        if (x.status == ImplementationStatus::NotApplicable) continue;
                        if (best == nullptr || progress(x.status) > progress(best->status) ||
                            (progress(x.status) == progress(best->status) && x.full && !best->full)) {
                            best = &x;
                        }
                    }
                }
                rs.status = best->status;
                rs.via = best->via;
                rs.owner = best->owner;
                rs.due = best->due;
                rs.reason = best->reason;
            }
            out.push_back(std::move(rs));
        });
        !r) {
        return r.error();
    }
    if (bad) return *bad;
    return out;
}

}  // namespace cw
