// Implementation status: recorded on common controls or requirements, and carried to every
// requirement through the common-control links. All SQL for the implementation table.
#include <crosswalk/store/implementation.hpp>

#include "database.hpp"
#include "workbench_util.hpp"

#include <algorithm>
#include <map>

namespace cw {
namespace {

int progress(ImplementationStatus s) {
    return s == ImplementationStatus::NotApplicable ? -1 : static_cast<int>(s);
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
    db::DateColumns dates(db);
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            StatusEntry e;
            e.subject = q.text(0);
            e.requirement = q.integer(1) != 0;
            e.status = parseImplementationStatus(q.text(2)).value_or(ImplementationStatus::NotStarted);
            e.reason = q.text(3);
            e.owner = q.text(4);
            e.due = dates.optional(q, 5, "implementation.due of " + e.subject);
            e.note = q.text(6);
            e.updatedAt = q.text(7);
            out.push_back(std::move(e));
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
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

Result<StatusEntry> setImplementationStatus(Workspace& ws, StatusEntry entry) {
    auto& db = db::connection(ws);
    auto subject = db::resolveSubject(db, entry.subject, "record the status on");
    if (!subject) return subject.error();
    if (entry.status == ImplementationStatus::NotApplicable && db::blank(entry.reason)) {
        return Error::badInput(db::inQuotes(entry.subject) + " cannot be not-applicable without a reason saying why");
    }
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    const bool requirement = subject->control.has_value();
    const std::int64_t id = requirement ? *subject->control : *subject->commonControl;
    const std::string column = requirement ? "control_id" : "common_control_id";
    auto s = db.cached("INSERT INTO implementation(" + column +
                       ", status, reason, owner, due, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " +
                       std::string(db::kNowSql) + ") ON CONFLICT(" + column +
                       ") DO UPDATE SET status = excluded.status, reason = excluded.reason, owner = excluded.owner, "
                       "due = excluded.due, note = excluded.note, updated_at = excluded.updated_at");
    if (!s) return s.error();
    (*s)->bindAll(id, toString(entry.status), entry.reason, entry.owner, db::dateText(entry.due), entry.note);
    if (auto r = (*s)->run(); !r) return r.error();
    auto stored = readStatuses(db, "WHERE i." + column + " = ?1", id);
    if (!stored) return stored.error();
    if (stored->size() != 1) return Error::internal("status of '" + entry.subject + "' was not stored");
    if (auto r = tx->commit(); !r) return r.error();
    return std::move(stored->front());
}

Result<void> clearImplementationStatus(Workspace& ws, std::string_view subject) {
    auto& db = db::connection(ws);
    auto resolved = db::resolveSubject(db, subject, "record the status on");
    if (!resolved) return resolved.error();
    auto s = db.cached(resolved->control ? "DELETE FROM implementation WHERE control_id = ?1"
                                         : "DELETE FROM implementation WHERE common_control_id = ?1");
    if (!s) return s.error();
    (*s)->bindAll(resolved->control ? *resolved->control : *resolved->commonControl);
    if (auto r = (*s)->run(); !r) return r;
    if (db.changes() == 0) return Error::notFound("no status recorded for " + db::inQuotes(subject));
    return {};
}

Result<std::vector<StatusEntry>> implementationStatuses(Workspace& ws) {
    return readStatuses(db::connection(ws), "");
}

Result<std::vector<RequirementStatus>> requirementStatuses(Workspace& ws, std::string_view framework) {
    auto& db = db::connection(ws);
    if (auto known = db::requireFramework(db, framework); !known) return known.error();
    auto isTarget = db::findId(db, "SELECT 1 FROM targets WHERE framework_id = ?1", framework);
    if (!isTarget) return isTarget.error();
    const bool target = isTarget->has_value();

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
    std::map<std::int64_t, std::vector<std::string>> fullKeys;
    std::map<std::int64_t, std::vector<Carried>> carried;
    db::DateColumns dates(db);
    if (auto r = (*links)->each([&] {
            const auto& q = **links;
            const std::int64_t control = q.integer(0);
            const std::string key = q.text(1);
            const std::string relationship = q.isNull(2) ? std::string() : q.text(2);
            const std::string source = q.text(3);
            // The link's relationship is the requirement's relation to the hub control: equal or
            // subset-of means the control covers the whole requirement.
            const bool full =
                source == "hub" || source == "manual" || relationship == "equal" || relationship == "subset-of";
            linkedKeys[control].push_back(key);
            if (full) fullKeys[control].push_back(key);
            if (q.isNull(4)) return;  // nothing recorded on that common control: it carries nothing
            auto status = parseImplementationStatus(q.text(4)).value_or(ImplementationStatus::NotStarted);
            if (!full) {
                if (status == ImplementationStatus::NotApplicable) return;
                if (status == ImplementationStatus::Implemented) status = ImplementationStatus::Partial;
            }
            carried[control].push_back({status, full, key + " (" + (source == "mapping" ? relationship : source) + ")",
                                        q.text(5), dates.optional(q, 6, "implementation.due of " + key), q.text(7)});
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();

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
                rs.applicabilityReason =
                    q.isNull(4) ? "added to the catalog after scoping: applies until the target is set again"
                                : q.text(4);
            }
            if (const auto keys = linkedKeys.find(id); keys != linkedKeys.end()) rs.commonControls = keys->second;
            if (const auto keys = fullKeys.find(id); keys != fullKeys.end()) rs.fullCommonControls = keys->second;

            if (!q.isNull(5)) {  // (1) recorded on the requirement itself
                rs.status = parseImplementationStatus(q.text(5)).value_or(ImplementationStatus::NotStarted);
                rs.via = "direct";
                rs.owner = q.text(6);
                rs.due = dates.optional(q, 7, "implementation.due of " + rs.framework + ":" + rs.ref);
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
    if (dates.error()) return *dates.error();
    return out;
}

}  // namespace cw
