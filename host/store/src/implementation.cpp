// Implementation status: recorded on common controls or requirements, and read back with
// what the links carry to every requirement (the rule: analysis/carrying). All SQL for the implementation table.
#include <crosswalk/store/implementation.hpp>

#include <crosswalk/analysis/carrying.hpp>

#include "database.hpp"
#include "repository.hpp"

namespace cw {
namespace {

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

}  // namespace

Result<StatusEntry> setImplementationStatus(Workspace& ws, StatusEntry entry) {
    auto& db = db::connection(ws);
    auto subject = db::resolveSubject(db, entry.subject, "record the status on");
    if (!subject) return subject.error();
    if (entry.status == ImplementationStatus::NotApplicable && blank(entry.reason)) {
        return Error::badInput(inQuotes(entry.subject) + " cannot be not-applicable without a reason saying why");
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
    if (db.changes() == 0) return Error::notFound("no status recorded for " + inQuotes(subject));
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
    CarryInput input;
    input.framework = std::string(framework);
    input.target = isTarget->has_value();

    // Two queries for the whole framework (SP 800-53 has over a thousand requirements): every
    // link with the linked control's status, then the requirements with their applicability and
    // direct status. The carrying rule (analysis/carrying.hpp) decides from them.
    auto s = db.cached(
        "SELECT l.control_id, cc.key, l.relationship, l.source, i.status, i.owner, i.due, i.reason "
        "FROM common_control_links l JOIN controls c ON c.id = l.control_id "
        "JOIN common_controls cc ON cc.id = l.common_control_id "
        "LEFT JOIN implementation i ON i.common_control_id = cc.id "
        "WHERE c.framework_id = ?1 AND c.assessable = 1 ORDER BY l.control_id, cc.key");
    if (!s) return s.error();
    (*s)->bindAll(framework);
    db::DateColumns dates(db);
    if (auto r = (*s)->each([&] {
            const auto& q = **s;
            CarryLink link{q.integer(0), q.text(1), q.text(3), q.isNull(2) ? std::string() : q.text(2), std::nullopt};
            if (!q.isNull(4)) {
                link.status = RecordedStatus{
                    parseImplementationStatus(q.text(4)).value_or(ImplementationStatus::NotStarted), q.text(5),
                    dates.optional(q, 6, "implementation.due of " + link.commonControl), q.text(7)};
            }
            input.links.push_back(std::move(link));
        });
        !r) {
        return r.error();
    }

    auto q = db.cached(
        "SELECT c.id, c.ref, c.title, a.applies, a.reason, i.status, i.owner, i.due, i.reason "
        "FROM controls c LEFT JOIN applicability a ON a.control_id = c.id "
        "LEFT JOIN implementation i ON i.control_id = c.id "
        "WHERE c.framework_id = ?1 AND c.assessable = 1 ORDER BY c.position");
    if (!q) return q.error();
    (*q)->bindAll(framework);
    if (auto r = (*q)->each([&] {
            const auto& row = **q;
            CarryRequirement req{row.integer(0), row.text(1), row.text(2), std::nullopt, {}, std::nullopt};
            if (!row.isNull(3)) {
                req.applies = row.integer(3) != 0;
                req.applicabilityReason = row.isNull(4) ? std::string() : row.text(4);
            }
            if (!row.isNull(5)) {
                req.direct = RecordedStatus{
                    parseImplementationStatus(row.text(5)).value_or(ImplementationStatus::NotStarted), row.text(6),
                    dates.optional(row, 7, "implementation.due of " + std::string(framework) + ":" + req.ref),
                    row.text(8)};
            }
            input.requirements.push_back(std::move(req));
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return carryStatuses(input);
}

}  // namespace cw
