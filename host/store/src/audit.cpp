// Internal audits (9.2), findings and corrective actions (10.2), management reviews (9.3).
// All SQL for audit_programmes, audits, audit_findings, corrective_actions,
// management_reviews, review_inputs and review_decisions.
#include <crosswalk/store/audit.hpp>

#include "database.hpp"
#include "repository.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cw {
namespace {

using db::checkKey;
using db::dateText;
using db::freeKey;
using db::nextNumberedKey;

Error withContext(const Error& e, const std::string& context) {
    return Error{e.kind, context + ": " + e.message};
}

// ---------------------------------------------------------------- programmes

Result<std::optional<AuditProgramme>> findProgramme(db::Database& db, std::string_view key) {
    auto s = db.cached("SELECT key, title, starts_on, ends_on, objectives FROM audit_programmes WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    db::DateColumns dates(db);
    std::optional<AuditProgramme> out;
    if (auto r = (*s)->each([&] {
            out = AuditProgramme{(*s)->text(0), (*s)->text(1), dates.required(**s, 2, "audit_programmes.starts_on"),
                                 dates.required(**s, 3, "audit_programmes.ends_on"), (*s)->text(4)};
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

// ---------------------------------------------------------------- audits

constexpr const char* kAuditColumns =
    "SELECT a.key, COALESCE(p.key, ''), a.kind, a.title, a.scope, a.areas, a.auditor, a.planned_on, "
    "a.completed_on, a.status FROM audits a LEFT JOIN audit_programmes p ON p.id = a.programme_id ";

Result<std::vector<Audit>> readAudits(db::Database& db, std::string_view where, std::string_view key) {
    auto s = db.cached(std::string(kAuditColumns) + std::string(where) + " ORDER BY a.planned_on, a.key");
    if (!s) return s.error();
    if (!key.empty()) (*s)->bindAll(key);
    db::DateColumns dates(db);
    std::vector<Audit> out;
    if (auto r = (*s)->each([&] {
            Audit a;
            a.key = (*s)->text(0);
            a.programme = (*s)->text(1);
            a.kind = parseAuditKind((*s)->text(2)).value_or(AuditKind::Internal);
            a.title = (*s)->text(3);
            a.scope = (*s)->text(4);
            a.areas = db::fromJsonArray((*s)->text(5));
            a.auditor = (*s)->text(6);
            a.plannedOn = dates.required(**s, 7, "audits.planned_on");
            a.completedOn = dates.optional(**s, 8, "audits.completed_on");
            a.status = parseAuditStatus((*s)->text(9)).value_or(AuditStatus::Planned);
            out.push_back(std::move(a));
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

Result<std::optional<Audit>> findAudit(db::Database& db, std::string_view key) {
    auto found = readAudits(db, "WHERE a.key = ?1", key);
    if (!found) return found.error();
    if (found->empty()) return std::optional<Audit>();
    return std::optional<Audit>(found->front());
}

std::string auditKeyBase(AuditKind kind, int year) {
    const std::string y = std::to_string(year);
    switch (kind) {
        case AuditKind::Internal:
            return "IA-" + y + "-";
        case AuditKind::Stage1:
            return "S1-" + y;
        case AuditKind::Stage2:
            return "S2-" + y;
        case AuditKind::Surveillance:
            return "SA-" + y + "-";
        case AuditKind::Recertification:
            return "RA-" + y;
    }
    return "IA-" + y + "-";
}

// ---------------------------------------------------------------- findings

constexpr const char* kFindingColumns =
    "SELECT f.key, a.key, f.type, COALESCE(c.framework_id || ':' || c.ref, ''), f.description, f.raised_on, "
    "f.open, f.closed_on FROM audit_findings f JOIN audits a ON a.id = f.audit_id "
    "LEFT JOIN controls c ON c.id = f.control_id ";

Result<std::vector<AuditFinding>> readFindings(db::Database& db, std::string_view where, std::string_view key) {
    auto s = db.cached(std::string(kFindingColumns) + std::string(where) + " ORDER BY f.raised_on, f.key");
    if (!s) return s.error();
    if (!key.empty()) (*s)->bindAll(key);
    db::DateColumns dates(db);
    std::vector<AuditFinding> out;
    if (auto r = (*s)->each([&] {
            AuditFinding f;
            f.key = (*s)->text(0);
            f.audit = (*s)->text(1);
            f.type = parseFindingType((*s)->text(2)).value_or(FindingType::Observation);
            f.requirement = (*s)->text(3);
            f.description = (*s)->text(4);
            f.raisedOn = dates.required(**s, 5, "audit_findings.raised_on");
            f.open = (*s)->integer(6) != 0;
            f.closedOn = dates.optional(**s, 7, "audit_findings.closed_on");
            out.push_back(std::move(f));
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

Result<std::optional<AuditFinding>> findFinding(db::Database& db, std::string_view key) {
    auto found = readFindings(db, "WHERE f.key = ?1", key);
    if (!found) return found.error();
    if (found->empty()) return std::optional<AuditFinding>();
    return std::optional<AuditFinding>(found->front());
}

// ---------------------------------------------------------------- corrective actions

constexpr const char* kActionColumns =
    "SELECT x.key, f.key, x.description, x.root_cause, x.owner, x.due, x.status, x.closed_on "
    "FROM corrective_actions x JOIN audit_findings f ON f.id = x.finding_id ";

Result<std::vector<CorrectiveAction>> readActions(db::Database& db, std::string_view where, std::string_view key) {
    auto s = db.cached(std::string(kActionColumns) + std::string(where) + " ORDER BY x.key");
    if (!s) return s.error();
    if (!key.empty()) (*s)->bindAll(key);
    db::DateColumns dates(db);
    std::vector<CorrectiveAction> out;
    if (auto r = (*s)->each([&] {
            CorrectiveAction a;
            a.key = (*s)->text(0);
            a.finding = (*s)->text(1);
            a.description = (*s)->text(2);
            a.rootCause = (*s)->text(3);
            a.owner = (*s)->text(4);
            a.due = dates.optional(**s, 5, "corrective_actions.due");
            a.status = parseActionStatus((*s)->text(6)).value_or(ActionStatus::Open);
            a.closedOn = dates.optional(**s, 7, "corrective_actions.closed_on");
            out.push_back(std::move(a));
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

bool isClosedStatus(ActionStatus s) {
    return s == ActionStatus::Done || s == ActionStatus::Verified;
}

}  // namespace

// ---------------------------------------------------------------- names

// ---------------------------------------------------------------- programmes

Result<std::vector<AuditProgramme>> auditProgrammes(Workspace& ws) {
    auto& db = db::connection(ws);
    auto s =
        db.cached("SELECT key, title, starts_on, ends_on, objectives FROM audit_programmes ORDER BY starts_on, key");
    if (!s) return s.error();
    db::DateColumns dates(db);
    std::vector<AuditProgramme> out;
    if (auto r = (*s)->each([&] {
            out.push_back(AuditProgramme{(*s)->text(0), (*s)->text(1),
                                         dates.required(**s, 2, "audit_programmes.starts_on"),
                                         dates.required(**s, 3, "audit_programmes.ends_on"), (*s)->text(4)});
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

Result<AuditProgramme> setAuditProgramme(Workspace& ws, const AuditProgramme& programme) {
    auto& db = db::connection(ws);
    AuditProgramme p = programme;
    const std::string name = p.key.empty() ? std::string("new audit programme") : "audit programme " + p.key;
    if (!p.key.empty()) {
        if (auto r = checkKey("audit programme", p.key); !r) return r.error();
    }
    if (blank(p.title)) return Error::badInput(name + ": title is empty");
    if (p.endsOn < p.startsOn) {
        return Error::badInput(name + ": ends_on " + p.endsOn.str() + " is before starts_on " + p.startsOn.str());
    }
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (p.key.empty()) {
        auto key = freeKey(db, "audit_programmes", "AP-" + std::to_string(p.startsOn.year()));
        if (!key) return key.error();
        p.key = *key;
    } else {
        // A narrower period must still hold the programme's audits.
        auto outside = db.cached(
            "SELECT a.key, a.planned_on FROM audits a JOIN audit_programmes p ON p.id = a.programme_id "
            "WHERE p.key = ?1 AND (a.planned_on < ?2 OR a.planned_on > ?3) ORDER BY a.planned_on LIMIT 1");
        if (!outside) return outside.error();
        (*outside)->bindAll(p.key, p.startsOn.str(), p.endsOn.str());
        std::string audit;
        std::string planned;
        if (auto r = (*outside)->each([&] {
                audit = (*outside)->text(0);
                planned = (*outside)->text(1);
            });
            !r) {
            return r.error();
        }
        if (!audit.empty()) {
            return Error::badInput(name + ": audit " + audit + " planned on " + planned + " would fall outside " +
                                   p.startsOn.str() + " to " + p.endsOn.str());
        }
    }
    auto s = db.cached(
        "INSERT INTO audit_programmes(key, title, starts_on, ends_on, objectives) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(key) DO UPDATE SET title = excluded.title, starts_on = excluded.starts_on, "
        "ends_on = excluded.ends_on, objectives = excluded.objectives");
    if (!s) return s.error();
    (*s)->bindAll(p.key, p.title, p.startsOn.str(), p.endsOn.str(), p.objectives);
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return p;
}

Result<void> removeAuditProgramme(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM audit_programmes WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r.error();
    if (db.changes() == 0) return Error::notFound("unknown audit programme '" + std::string(key) + "'");
    return {};
}

// ---------------------------------------------------------------- audits

Result<std::vector<Audit>> audits(Workspace& ws) {
    return readAudits(db::connection(ws), "", {});
}

Result<Audit> setAudit(Workspace& ws, Audit audit) {
    auto& db = db::connection(ws);
    auto& impl = detail::WorkspaceAccess::impl(ws);
    const std::string name = audit.key.empty() ? std::string("new audit") : "audit " + audit.key;
    if (!audit.key.empty()) {
        if (auto r = checkKey("audit", audit.key); !r) return r.error();
    }
    if (blank(audit.title)) return Error::badInput(name + ": title is empty");
    if (audit.status == AuditStatus::Completed && !audit.completedOn) {
        return Error::badInput(name + ": a completed audit needs completed_on (the date it was completed)");
    }
    if (audit.completedOn && audit.status != AuditStatus::Completed) {
        return Error::badInput(name + ": completed_on " + audit.completedOn->str() + " is set but the status is " +
                               std::string(toString(audit.status)) + ", not completed");
    }
    if (audit.completedOn && *audit.completedOn < audit.plannedOn) {
        return Error::badInput(name + ": completed_on " + audit.completedOn->str() + " is before planned_on " +
                               audit.plannedOn.str() + " (move planned_on if the audit was brought forward)");
    }

    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();

    std::optional<std::int64_t> programmeId;
    if (!audit.programme.empty()) {
        auto programme = findProgramme(db, audit.programme);
        if (!programme) return programme.error();
        if (!*programme) return Error::notFound(name + ": unknown audit programme '" + audit.programme + "'");
        if (audit.plannedOn < (*programme)->startsOn || audit.plannedOn > (*programme)->endsOn) {
            return Error::badInput(name + ": planned_on " + audit.plannedOn.str() + " is outside programme " +
                                   audit.programme + " (" + (*programme)->startsOn.str() + " to " +
                                   (*programme)->endsOn.str() + ")");
        }
        auto id = db::findId(db, "SELECT id FROM audit_programmes WHERE key = ?1", audit.programme);
        if (!id) return id.error();
        programmeId = *id;
    }
    std::vector<std::string> areas;
    for (const auto& area : audit.areas) {
        if (auto id = impl.controlId(area); !id) return withContext(id.error(), name + ": area");
        // The same clause twice adds nothing; keep the first.
        if (std::find(areas.begin(), areas.end(), area) == areas.end()) areas.push_back(area);
    }
    audit.areas = std::move(areas);

    if (audit.key.empty()) {
        const std::string base = auditKeyBase(audit.kind, audit.plannedOn.year());
        auto key = base.back() == '-' ? nextNumberedKey(db, "audits", base, 1) : freeKey(db, "audits", base);
        if (!key) return key.error();
        audit.key = *key;
    } else {
        // Findings are raised during the audit: a later planned date would leave them before it.
        auto early = db.cached(
            "SELECT f.key, f.raised_on FROM audit_findings f JOIN audits a ON a.id = f.audit_id "
            "WHERE a.key = ?1 AND f.raised_on < ?2 ORDER BY f.raised_on LIMIT 1");
        if (!early) return early.error();
        (*early)->bindAll(audit.key, audit.plannedOn.str());
        std::string finding;
        std::string raised;
        if (auto r = (*early)->each([&] {
                finding = (*early)->text(0);
                raised = (*early)->text(1);
            });
            !r) {
            return r.error();
        }
        if (!finding.empty()) {
            return Error::badInput(name + ": planned_on " + audit.plannedOn.str() + " is after finding " + finding +
                                   " raised on " + raised);
        }
    }

    auto s = db.cached(
        "INSERT INTO audits(key, programme_id, kind, title, scope, areas, auditor, planned_on, completed_on, status) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
        "ON CONFLICT(key) DO UPDATE SET programme_id = excluded.programme_id, kind = excluded.kind, "
        "title = excluded.title, scope = excluded.scope, areas = excluded.areas, auditor = excluded.auditor, "
        "planned_on = excluded.planned_on, completed_on = excluded.completed_on, status = excluded.status");
    if (!s) return s.error();
    (*s)->bindAll(audit.key, programmeId, toString(audit.kind), audit.title, audit.scope, db::toJsonArray(audit.areas),
                  audit.auditor, audit.plannedOn.str(), dateText(audit.completedOn), toString(audit.status));
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return audit;
}

Result<void> removeAudit(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    // Findings and their corrective actions go with the audit (ON DELETE CASCADE).
    auto s = db.cached("DELETE FROM audits WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r.error();
    if (db.changes() == 0) return Error::notFound("unknown audit '" + std::string(key) + "'");
    return {};
}

// ---------------------------------------------------------------- findings

Result<std::vector<AuditFinding>> auditFindings(Workspace& ws, std::string_view audit) {
    auto& db = db::connection(ws);
    if (audit.empty()) return readFindings(db, "", {});
    auto found = findAudit(db, audit);
    if (!found) return found.error();
    if (!*found) return Error::notFound("unknown audit '" + std::string(audit) + "'");
    return readFindings(db, "WHERE a.key = ?1", audit);
}

Result<AuditFinding> setAuditFinding(Workspace& ws, AuditFinding finding) {
    auto& db = db::connection(ws);
    auto& impl = detail::WorkspaceAccess::impl(ws);
    const std::string name = finding.key.empty() ? std::string("new finding") : "finding " + finding.key;
    if (!finding.key.empty()) {
        if (auto r = checkKey("finding", finding.key); !r) return r.error();
    }
    if (blank(finding.description)) return Error::badInput(name + ": description is empty");
    if (!finding.open && !finding.closedOn) {
        return Error::badInput(name + ": a closed finding needs closed_on (the date it was closed)");
    }
    if (finding.open && finding.closedOn) {
        return Error::badInput(name + ": closed_on " + finding.closedOn->str() + " is set on an open finding");
    }
    if (finding.closedOn && *finding.closedOn < finding.raisedOn) {
        return Error::badInput(name + ": closed_on " + finding.closedOn->str() + " is before raised_on " +
                               finding.raisedOn.str());
    }

    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto audit = findAudit(db, finding.audit);
    if (!audit) return audit.error();
    if (!*audit) return Error::notFound(name + ": unknown audit '" + finding.audit + "'");
    if (finding.raisedOn < (*audit)->plannedOn) {
        return Error::badInput(name + ": raised_on " + finding.raisedOn.str() + " is before audit " + finding.audit +
                               " (planned on " + (*audit)->plannedOn.str() + ")");
    }
    std::optional<std::int64_t> controlId;
    if (!finding.requirement.empty()) {
        auto id = impl.controlId(finding.requirement);
        if (!id) return withContext(id.error(), name + ": requirement");
        controlId = *id;
    }
    if (finding.key.empty()) {
        auto key = nextNumberedKey(db, "audit_findings", "F-", 2);
        if (!key) return key.error();
        finding.key = *key;
    } else {
        auto actions = readActions(db, "WHERE f.key = ?1", finding.key);
        if (!actions) return actions.error();
        for (const auto& a : *actions) {
            if (a.closedOn && *a.closedOn < finding.raisedOn) {
                return Error::badInput(name + ": raised_on " + finding.raisedOn.str() + " is after corrective action " +
                                       a.key + " was closed (" + a.closedOn->str() + ")");
            }
            if (finding.open) continue;
            // A nonconformity is closed once its corrective actions are done (10.2).
            if (!isClosedStatus(a.status)) {
                return Error::badInput(name + ": cannot close while corrective action " + a.key + " is " +
                                       std::string(toString(a.status)));
            }
            if (a.closedOn && *finding.closedOn < *a.closedOn) {
                return Error::badInput(name + ": closed_on " + finding.closedOn->str() +
                                       " is before corrective action " + a.key + " was closed (" + a.closedOn->str() +
                                       ")");
            }
        }
    }
    auto auditId = db::findId(db, "SELECT id FROM audits WHERE key = ?1", finding.audit);
    if (!auditId) return auditId.error();
    auto s = db.cached(
        "INSERT INTO audit_findings(key, audit_id, type, control_id, description, raised_on, open, closed_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
        "ON CONFLICT(key) DO UPDATE SET audit_id = excluded.audit_id, type = excluded.type, "
        "control_id = excluded.control_id, description = excluded.description, raised_on = excluded.raised_on, "
        "open = excluded.open, closed_on = excluded.closed_on");
    if (!s) return s.error();
    (*s)->bindAll(finding.key, **auditId, toString(finding.type), controlId, finding.description,
                  finding.raisedOn.str(), finding.open, dateText(finding.closedOn));
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return finding;
}

Result<void> removeAuditFinding(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM audit_findings WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r.error();
    if (db.changes() == 0) return Error::notFound("unknown finding '" + std::string(key) + "'");
    return {};
}

// ---------------------------------------------------------------- corrective actions

Result<std::vector<CorrectiveAction>> correctiveActions(Workspace& ws, std::string_view finding) {
    auto& db = db::connection(ws);
    if (finding.empty()) return readActions(db, "", {});
    auto found = findFinding(db, finding);
    if (!found) return found.error();
    if (!*found) return Error::notFound("unknown finding '" + std::string(finding) + "'");
    return readActions(db, "WHERE f.key = ?1", finding);
}

Result<CorrectiveAction> setCorrectiveAction(Workspace& ws, CorrectiveAction action) {
    auto& db = db::connection(ws);
    const std::string name =
        action.key.empty() ? std::string("new corrective action") : "corrective action " + action.key;
    if (!action.key.empty()) {
        if (auto r = checkKey("corrective action", action.key); !r) return r.error();
    }
    if (blank(action.description)) return Error::badInput(name + ": description is empty");
    if (isClosedStatus(action.status)) {
        if (blank(action.rootCause)) {
            return Error::badInput(name + ": status " + std::string(toString(action.status)) +
                                   " needs root_cause (why the nonconformity happened)");
        }
        if (!action.closedOn) {
            return Error::badInput(name + ": status " + std::string(toString(action.status)) +
                                   " needs closed_on (the date it was closed)");
        }
    } else if (action.closedOn) {
        return Error::badInput(name + ": closed_on " + action.closedOn->str() + " is set but the status is " +
                               std::string(toString(action.status)));
    }

    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto finding = findFinding(db, action.finding);
    if (!finding) return finding.error();
    if (!*finding) return Error::notFound(name + ": unknown finding '" + action.finding + "'");
    if (action.closedOn && *action.closedOn < (*finding)->raisedOn) {
        return Error::badInput(name + ": closed_on " + action.closedOn->str() + " is before finding " + action.finding +
                               " was raised (" + (*finding)->raisedOn.str() + ")");
    }
    if (!(*finding)->open) {
        if (!isClosedStatus(action.status)) {
            return Error::badInput(name + ": finding " + action.finding + " is closed; an action on it must be done " +
                                   "or verified (reopen the finding first)");
        }
        if (action.closedOn && (*finding)->closedOn && *(*finding)->closedOn < *action.closedOn) {
            return Error::badInput(name + ": closed_on " + action.closedOn->str() + " is after finding " +
                                   action.finding + " was closed (" + (*finding)->closedOn->str() + ")");
        }
    }
    if (action.key.empty()) {
        auto key = nextNumberedKey(db, "corrective_actions", "CA-", 2);
        if (!key) return key.error();
        action.key = *key;
    }
    auto findingId = db::findId(db, "SELECT id FROM audit_findings WHERE key = ?1", action.finding);
    if (!findingId) return findingId.error();
    auto s = db.cached(
        "INSERT INTO corrective_actions(key, finding_id, description, root_cause, owner, due, status, closed_on) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
        "ON CONFLICT(key) DO UPDATE SET finding_id = excluded.finding_id, description = excluded.description, "
        "root_cause = excluded.root_cause, owner = excluded.owner, due = excluded.due, status = excluded.status, "
        "closed_on = excluded.closed_on");
    if (!s) return s.error();
    (*s)->bindAll(action.key, **findingId, action.description, action.rootCause, action.owner, dateText(action.due),
                  toString(action.status), dateText(action.closedOn));
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return action;
}

Result<void> removeCorrectiveAction(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM corrective_actions WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r.error();
    if (db.changes() == 0) return Error::notFound("unknown corrective action '" + std::string(key) + "'");
    return {};
}

// ---------------------------------------------------------------- management reviews

Result<std::vector<ManagementReview>> managementReviews(Workspace& ws) {
    auto& db = db::connection(ws);
    auto s = db.cached(
        "SELECT id, key, held_on, chair, attendees, notes, ready_for_certification FROM management_reviews "
        "ORDER BY held_on, key");
    if (!s) return s.error();
    db::DateColumns dates(db);
    std::vector<ManagementReview> out;
    std::map<std::int64_t, std::size_t> index;
    if (auto r = (*s)->each([&] {
            ManagementReview m;
            index[(*s)->integer(0)] = out.size();
            m.key = (*s)->text(1);
            m.heldOn = dates.required(**s, 2, "management_reviews.held_on");
            m.chair = (*s)->text(3);
            m.attendees = (*s)->text(4);
            m.notes = (*s)->text(5);
            m.readyForCertification = (*s)->integer(6) != 0;
            out.push_back(std::move(m));
        });
        !r) {
        return r.error();
    }
    auto inputs = db.cached("SELECT review_id, input, summary FROM review_inputs");
    if (!inputs) return inputs.error();
    if (auto r = (*inputs)->each([&] {
            const auto input = parseReviewInput((*inputs)->text(1));
            const auto at = index.find((*inputs)->integer(0));
            if (input && at != index.end()) out[at->second].inputs.push_back({*input, (*inputs)->text(2)});
        });
        !r) {
        return r.error();
    }
    for (auto& m : out) {
        std::sort(m.inputs.begin(), m.inputs.end(),
                  [](const ReviewInputEntry& a, const ReviewInputEntry& b) { return a.input < b.input; });
    }
    auto decisions = db.cached("SELECT review_id, kind, text, owner, due FROM review_decisions ORDER BY id");
    if (!decisions) return decisions.error();
    if (auto r = (*decisions)->each([&] {
            const auto kind = parseDecisionKind((*decisions)->text(1));
            const auto at = index.find((*decisions)->integer(0));
            if (kind && at != index.end()) {
                out[at->second].decisions.push_back({*kind, (*decisions)->text(2), (*decisions)->text(3),
                                                     dates.optional(**decisions, 4, "review_decisions.due")});
            }
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

Result<ManagementReview> setManagementReview(Workspace& ws, ManagementReview review) {
    auto& db = db::connection(ws);
    const std::string name =
        review.key.empty() ? std::string("new management review") : "management review " + review.key;
    if (!review.key.empty()) {
        if (auto r = checkKey("management review", review.key); !r) return r.error();
    }
    std::set<ReviewInput> seen;
    for (const auto& entry : review.inputs) {
        if (!seen.insert(entry.input).second) {
            return Error::badInput(name + ": input " + std::string(toString(entry.input)) + " is given twice");
        }
        if (blank(entry.summary)) {
            return Error::badInput(name + ": input " + std::string(toString(entry.input)) + " (" +
                                   std::string(describe(entry.input)) + ") has an empty summary");
        }
    }
    for (std::size_t i = 0; i < review.decisions.size(); ++i) {
        const ReviewDecision& d = review.decisions[i];
        // Named by position and kind: the text itself may span lines, and an error is one line.
        const std::string which = "decision " + std::to_string(i + 1) + " (" + std::string(toString(d.kind)) + ")";
        if (blank(d.text)) return Error::badInput(name + ": " + which + " has no text");
        if (d.due && *d.due < review.heldOn) {
            return Error::badInput(name + ": " + which + " is due " + d.due->str() + ", before the review was held (" +
                                   review.heldOn.str() + ")");
        }
    }
    const bool readinessDecided =
        std::any_of(review.decisions.begin(), review.decisions.end(),
                    [](const ReviewDecision& d) { return d.kind == DecisionKind::Readiness; });
    if (review.readyForCertification && !readinessDecided) {
        return Error::badInput(name + ": ready for certification needs a readiness decision recording it");
    }

    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (review.key.empty()) {
        auto key = nextNumberedKey(db, "management_reviews", "MR-" + std::to_string(review.heldOn.year()) + "-", 1);
        if (!key) return key.error();
        review.key = *key;
    }
    auto s = db.cached(
        "INSERT INTO management_reviews(key, held_on, chair, attendees, notes, ready_for_certification) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT(key) DO UPDATE SET held_on = excluded.held_on, chair = excluded.chair, "
        "attendees = excluded.attendees, notes = excluded.notes, "
        "ready_for_certification = excluded.ready_for_certification");
    if (!s) return s.error();
    (*s)->bindAll(review.key, review.heldOn.str(), review.chair, review.attendees, review.notes,
                  review.readyForCertification);
    if (auto r = (*s)->run(); !r) return r.error();
    auto id = db::findId(db, "SELECT id FROM management_reviews WHERE key = ?1", review.key);
    if (!id) return id.error();
    const std::int64_t reviewId = **id;
    for (const char* sql :
         {"DELETE FROM review_inputs WHERE review_id = ?1", "DELETE FROM review_decisions WHERE review_id = ?1"}) {
        auto del = db.cached(sql);
        if (!del) return del.error();
        (*del)->bindAll(reviewId);
        if (auto r = (*del)->run(); !r) return r.error();
    }
    auto addInput = db.cached("INSERT INTO review_inputs(review_id, input, summary) VALUES (?1, ?2, ?3)");
    if (!addInput) return addInput.error();
    for (const auto& entry : review.inputs) {
        (*addInput)->bindAll(reviewId, toString(entry.input), entry.summary);
        if (auto r = (*addInput)->run(); !r) return r.error();
    }
    auto addDecision =
        db.cached("INSERT INTO review_decisions(review_id, kind, text, owner, due) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!addDecision) return addDecision.error();
    for (const auto& d : review.decisions) {
        (*addDecision)->bindAll(reviewId, toString(d.kind), d.text, d.owner, dateText(d.due));
        if (auto r = (*addDecision)->run(); !r) return r.error();
    }
    if (auto r = tx->commit(); !r) return r.error();
    std::sort(review.inputs.begin(), review.inputs.end(),
              [](const ReviewInputEntry& a, const ReviewInputEntry& b) { return a.input < b.input; });
    return review;
}

Result<void> removeManagementReview(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM management_reviews WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r.error();
    if (db.changes() == 0) return Error::notFound("unknown management review '" + std::string(key) + "'");
    return {};
}

}  // namespace cw
