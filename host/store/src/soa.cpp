// The Statement of Applicability (ISO 27001 6.1.3 d). All SQL for soa_rows. A row stores
// only the decision and its words (applicable, justification, other drivers, business need,
// state, edited); risks, framework drivers, status and evidence are read live, so the SoA
// never disagrees with the risk register, the crosswalk or the evidence library.
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/soa.hpp>

#include <crosswalk/analysis/soa_draft.hpp>

#include "database.hpp"
#include "repository.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cw {
namespace {

using db::AnnexControl;

struct Stored {
    std::optional<bool> applicable;
    std::string justification;
    std::string otherDrivers;
    std::string businessNeed;
    SoaState state = SoaState::Draft;
    bool edited = false;
};

Result<std::vector<AnnexControl>> annexControls(db::Database& db) {
    auto s = db.cached(
        "SELECT id, ref, title, coalesce(json_extract(attributes, '$.theme'), '') FROM controls "
        "WHERE framework_id = ?1 AND assessable = 1 AND ref LIKE 'A.%' ORDER BY position");
    if (!s) return s.error();
    (*s)->bindAll(kHubFramework);
    std::vector<AnnexControl> out;
    auto r = (*s)->each([&] { out.push_back({(*s)->integer(0), (*s)->text(1), (*s)->text(2), (*s)->text(3)}); });
    if (!r) return r.error();
    return out;
}

Result<std::map<std::int64_t, Stored>> storedRows(db::Database& db) {
    auto s = db.cached(
        "SELECT control_id, applicable, justification, other_drivers, business_need, state, edited FROM soa_rows");
    if (!s) return s.error();
    std::map<std::int64_t, Stored> out;
    auto r = (*s)->each([&] {
        Stored row;
        if (!(*s)->isNull(1)) row.applicable = (*s)->integer(1) != 0;
        row.justification = (*s)->text(2);
        row.otherDrivers = (*s)->text(3);
        row.businessNeed = (*s)->text(4);
        row.state = (*s)->text(5) == "final" ? SoaState::Final : SoaState::Draft;
        row.edited = (*s)->integer(6) != 0;
        out.emplace((*s)->integer(0), std::move(row));
    });
    if (!r) return r.error();
    return out;
}

// Annex A control id → keys of the risks whose treatment chose it, by key.
Result<std::map<std::int64_t, std::vector<std::string>>> treatmentRisks(db::Database& db) {
    auto s =
        db.cached("SELECT rc.control_id, r.key FROM risk_controls rc JOIN risks r ON r.id = rc.risk_id ORDER BY r.key");
    if (!s) return s.error();
    std::map<std::int64_t, std::vector<std::string>> out;
    auto r = (*s)->each([&] { out[(*s)->integer(0)].push_back((*s)->text(1)); });
    if (!r) return r.error();
    return out;
}

// Annex A control id → the applicable requirements of the other target frameworks linked to a
// common control standing for it (seeded from it, or holding it as a hub after a merge), in
// target order, then catalog order.
Result<std::map<std::int64_t, std::vector<SoaDriver>>> frameworkDrivers(db::Database& db) {
    auto s = db.cached(
        "WITH hubs(hub_id, cc_id) AS (SELECT hub_control_id, common_control_id FROM common_control_hubs "
        "  UNION SELECT hub_control_id, id FROM common_controls WHERE hub_control_id IS NOT NULL) "
        "SELECT DISTINCT h.id, r.framework_id, r.ref, t.position, r.position FROM hubs "
        "JOIN controls h ON h.id = hubs.hub_id "
        "JOIN common_control_links l ON l.common_control_id = hubs.cc_id "
        "JOIN controls r ON r.id = l.control_id "
        "JOIN targets t ON t.framework_id = r.framework_id "
        "LEFT JOIN applicability a ON a.control_id = r.id "
        "WHERE h.framework_id = ?1 AND r.framework_id <> ?1 AND r.assessable = 1 AND coalesce(a.applies, 1) = 1 "
        "ORDER BY h.id, t.position, r.position");
    if (!s) return s.error();
    (*s)->bindAll(kHubFramework);
    std::map<std::int64_t, std::vector<SoaDriver>> out;
    auto r = (*s)->each([&] { out[(*s)->integer(0)].push_back({(*s)->text(1), (*s)->text(2)}); });
    if (!r) return r.error();
    return out;
}

// The ISO target's scoping decision for each Annex A control it excludes (none when ISO
// is not a target).
Result<std::map<std::int64_t, std::string>> scopedOut(db::Database& db) {
    auto s = db.cached("SELECT control_id, reason FROM applicability WHERE framework_id = ?1 AND applies = 0");
    if (!s) return s.error();
    (*s)->bindAll(kHubFramework);
    std::map<std::int64_t, std::string> out;
    auto r = (*s)->each([&] { out.emplace((*s)->integer(0), (*s)->text(1)); });
    if (!r) return r.error();
    return out;
}

// "Treats risks. Required for SOC 2 CC6.1, CC6.6; HIPAA 164.312(d)."

// The Annex A control a ref names: "A.5.15" or "iso27001-2022:A.5.15".
Result<AnnexControl> findAnnexControl(db::Database& db, std::string_view ref) {
    auto found = db::lookupAnnexControl(db, ref);
    if (!found) return found.error();
    switch (found->outcome) {
        case db::AnnexLookup::Outcome::Found:
            return found->control;
        case db::AnnexLookup::Outcome::OtherFramework:
            return Error::badInput(std::string(ref) +
                                   ": the Statement of Applicability lists the Annex A controls of " +
                                   std::string(kHubFramework) + " only");
        case db::AnnexLookup::Outcome::Unknown:
            return Error::notFound("unknown Annex A control " + inQuotes(ref) + " (expected A.5.1 to A.8.34)");
        case db::AnnexLookup::Outcome::NotAnnex:
            break;
    }
    return Error::badInput(inQuotes(ref) + " is not an Annex A control; the Statement of Applicability has one row " +
                           "per Annex A control (A.5.1 to A.8.34)");
}

// The common control whose status stands for an Annex A control, or "" when there is none.
Result<std::string> commonControlFor(db::Database& db, std::int64_t annexId) {
    auto s = db.cached(
        "SELECT cc.key FROM common_controls cc WHERE cc.id IN "
        "(SELECT common_control_id FROM common_control_hubs WHERE hub_control_id = ?1) "
        "OR cc.hub_control_id = ?1 "
        "ORDER BY cc.id IN (SELECT common_control_id FROM common_control_hubs WHERE hub_control_id = ?1) DESC, cc.key "
        "LIMIT 1");
    if (!s) return s.error();
    (*s)->bindAll(annexId);
    auto row = (*s)->step();
    if (!row) return row.error();
    std::string key = *row ? (*s)->text(0) : std::string();
    (*s)->reset();
    return key;
}

Result<void> writeRow(db::Database& db, std::int64_t id, const Stored& row) {
    auto s = db.cached(
        "INSERT INTO soa_rows(control_id, applicable, justification, other_drivers, business_need, state, edited, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " +
        std::string(db::kNowSql) +
        ") ON CONFLICT(control_id) DO UPDATE SET applicable = excluded.applicable, "
        "justification = excluded.justification, other_drivers = excluded.other_drivers, "
        "business_need = excluded.business_need, state = excluded.state, edited = excluded.edited, "
        "updated_at = excluded.updated_at");
    if (!s) return s.error();
    std::optional<std::int64_t> applicable;
    if (row.applicable) applicable = *row.applicable ? 1 : 0;
    (*s)->bindAll(id, applicable, row.justification, row.otherDrivers, row.businessNeed, toString(row.state),
                  row.edited);
    return (*s)->run();
}

constexpr std::string_view kEditsKey = "soa_edits";

Result<std::size_t> editCount(db::Database& db) {
    auto s = db.cached("SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(kEditsKey);
    auto row = (*s)->step();
    if (!row) return row.error();
    const std::int64_t n = *row ? (*s)->integer(0) : 0;
    (*s)->reset();
    return static_cast<std::size_t>(std::max<std::int64_t>(n, 0));
}

Result<void> countEdit(db::Database& db) {
    auto s = db.cached(
        "INSERT INTO settings(key, value) VALUES (?1, '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)");
    if (!s) return s.error();
    (*s)->bindAll(kEditsKey);
    return (*s)->run();
}

}  // namespace

Result<SoaDraftResult> draftSoa(Workspace& ws) {
    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto controls = annexControls(db);
    if (!controls) return controls.error();
    if (controls->empty()) {
        return Error::badInput("the workspace has no Annex A controls of " + std::string(kHubFramework) +
                               "; run `crosswalk init` with the iso27001 plugin first");
    }
    auto stored = storedRows(db);
    if (!stored) return stored.error();
    auto risks = treatmentRisks(db);
    if (!risks) return risks.error();
    auto drivers = frameworkDrivers(db);
    if (!drivers) return drivers.error();
    auto excluded = scopedOut(db);
    if (!excluded) return excluded.error();

    static const std::vector<std::string> kNoRisks;
    static const std::vector<SoaDriver> kNoDrivers;
    SoaDraftResult result;
    for (const auto& control : *controls) {
        const auto existing = stored->find(control.id);
        if (existing != stored->end() && existing->second.edited) {
            ++result.kept;
            continue;
        }
        const auto out = excluded->find(control.id);
        const auto r = risks->find(control.id);
        const auto d = drivers->find(control.id);
        SoaDraftDecision decision =
            draftSoaRow(out != excluded->end() ? std::optional(out->second) : std::nullopt,
                        r != risks->end() ? r->second : kNoRisks, d != drivers->end() ? d->second : kNoDrivers);
        Stored wanted;
        wanted.applicable = decision.applicable;
        wanted.justification = std::move(decision.justification);
        if (existing == stored->end()) {
            ++result.created;
        } else if (existing->second.applicable == wanted.applicable &&
                   existing->second.justification == wanted.justification &&
                   existing->second.state == SoaState::Draft) {
            ++result.unchanged;
            continue;  // a no-op draft writes nothing
        } else {
            ++result.refreshed;
            // Drafting never sets the words a person writes; an unedited row has none, keep them anyway.
            wanted.otherDrivers = existing->second.otherDrivers;
            wanted.businessNeed = existing->second.businessNeed;
        }
        if (auto w = writeRow(db, control.id, wanted); !w) return w.error();
    }
    if (auto c = tx->commit(); !c) return c.error();
    return result;
}

Result<std::vector<SoaRow>> soa(Workspace& ws) {
    auto& db = db::connection(ws);
    auto controls = annexControls(db);
    if (!controls) return controls.error();
    auto stored = storedRows(db);
    if (!stored) return stored.error();
    std::vector<SoaRow> rows;
    if (stored->empty()) return rows;
    auto risks = treatmentRisks(db);
    if (!risks) return risks.error();
    auto drivers = frameworkDrivers(db);
    if (!drivers) return drivers.error();
    auto statuses = requirementStatuses(ws, kHubFramework);
    if (!statuses) return statuses.error();
    std::map<std::string, ImplementationStatus, std::less<>> statusByRef;
    for (const auto& s : *statuses) statusByRef.emplace(s.ref, s.status);
    auto reaching = requirementEvidence(ws, kHubFramework);
    if (!reaching) return reaching.error();
    std::map<std::string, std::set<std::string>, std::less<>> evidenceByRef;
    for (const auto& e : *reaching) {
        if (e.inScope) evidenceByRef[e.ref].insert(e.evidence);
    }

    for (const auto& control : *controls) {
        const auto found = stored->find(control.id);
        if (found == stored->end()) continue;
        const Stored& s = found->second;
        SoaRow row;
        row.ref = control.ref;
        row.title = control.title;
        row.theme = control.theme;
        row.applicable = s.applicable;
        row.justification = s.justification;
        row.otherDrivers = s.otherDrivers;
        row.businessNeed = s.businessNeed;
        row.state = s.state;
        row.edited = s.edited;
        if (const auto r = risks->find(control.id); r != risks->end()) row.risks = r->second;
        if (const auto d = drivers->find(control.id); d != drivers->end()) {
            for (const auto& driver : d->second) row.frameworkDrivers.push_back(driver.framework + ":" + driver.ref);
        }
        if (const auto st = statusByRef.find(control.ref); st != statusByRef.end()) row.status = st->second;
        if (const auto e = evidenceByRef.find(control.ref); e != evidenceByRef.end()) {
            row.evidence.assign(e->second.begin(), e->second.end());
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<SoaRow> editSoa(Workspace& ws, const SoaEdit& edit) {
    auto& db = db::connection(ws);
    auto control = findAnnexControl(db, edit.ref);
    if (!control) return control.error();
    const bool rowEdit = edit.applicable || edit.justification || edit.otherDrivers || edit.businessNeed || edit.state;
    if (!rowEdit && !edit.status) {
        return Error::badInput(control->ref +
                               ": nothing to change; give applicable, justification, other drivers, business need, "
                               "state or status");
    }

    auto stored = storedRows(db);
    if (!stored) return stored.error();
    Stored row;
    if (const auto found = stored->find(control->id); found != stored->end()) row = found->second;
    if (edit.applicable) row.applicable = *edit.applicable;
    if (edit.justification) row.justification = trim(*edit.justification);
    if (edit.otherDrivers) row.otherDrivers = trim(*edit.otherDrivers);
    if (edit.businessNeed) row.businessNeed = trim(*edit.businessNeed);
    if (edit.state) row.state = *edit.state;
    if (rowEdit) row.edited = true;

    // The rules of a final row (the schema's CHECK says the same; this says it in words).
    if (row.state == SoaState::Final) {
        if (!row.applicable) {
            return Error::badInput(control->ref +
                                   ": cannot be final while undecided; say whether it is applicable (--applicable "
                                   "yes|no) with a justification");
        }
        if (row.justification.empty()) {
            return Error::badInput(control->ref +
                                   (*row.applicable
                                        ? ": cannot be final without a justification (why the control is included)"
                                        : ": an exclusion cannot be final without its reason (the justification)"));
        }
    }
    std::string statusReason = trim(edit.statusReason);
    if (edit.status && *edit.status == ImplementationStatus::NotApplicable && statusReason.empty()) {
        statusReason = row.justification;
        if (statusReason.empty()) {
            return Error::badInput(control->ref + ": status not-applicable needs a reason (or a justification)");
        }
    }

    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (rowEdit) {
        if (auto w = writeRow(db, control->id, row); !w) return w.error();
        if (auto c = countEdit(db); !c) return c.error();
    }
    if (edit.status) {
        auto key = commonControlFor(db, control->id);
        if (!key) return key.error();
        StatusEntry entry;
        entry.subject = key->empty() ? std::string(kHubFramework) + ":" + control->ref : *key;
        entry.requirement = key->empty();
        // Keep who owns it and by when; only the status (and its reason) change here.
        auto recorded = implementationStatuses(ws);
        if (!recorded) return recorded.error();
        for (const auto& e : *recorded) {
            if (e.subject == entry.subject) {
                entry.owner = e.owner;
                entry.due = e.due;
                entry.note = e.note;
            }
        }
        entry.status = *edit.status;
        entry.reason = *edit.status == ImplementationStatus::NotApplicable ? statusReason : std::string();
        auto set = setImplementationStatus(ws, entry);
        if (!set) return Error{set.error().kind, control->ref + ": " + set.error().message};
    }
    if (auto c = tx->commit(); !c) return c.error();

    auto rows = soa(ws);
    if (!rows) return rows.error();
    for (auto& r : *rows) {
        if (r.ref == control->ref) return std::move(r);
    }
    // A status-only edit on a row never drafted: show the control with its status.
    SoaRow shown;
    shown.ref = control->ref;
    shown.title = control->title;
    shown.theme = control->theme;
    if (edit.status) shown.status = *edit.status;
    return shown;
}

Result<SoaSummary> soaSummary(Workspace& ws) {
    auto& db = db::connection(ws);
    SoaSummary summary;
    auto s = db.cached(
        "SELECT count(*), coalesce(sum(applicable = 1), 0), coalesce(sum(applicable = 0), 0), "
        "coalesce(sum(applicable IS NULL), 0), coalesce(sum(state = 'final'), 0), substr(max(updated_at), 1, 10) "
        "FROM soa_rows");
    if (!s) return s.error();
    auto row = (*s)->step();
    if (!row) return row.error();
    summary.rows = static_cast<std::size_t>((*s)->integer(0));
    summary.applicable = static_cast<std::size_t>((*s)->integer(1));
    summary.excluded = static_cast<std::size_t>((*s)->integer(2));
    summary.undecided = static_cast<std::size_t>((*s)->integer(3));
    summary.final = static_cast<std::size_t>((*s)->integer(4));
    const std::string last = (*s)->isNull(5) ? std::string() : (*s)->text(5);
    (*s)->reset();
    if (!last.empty()) {
        auto day = Date::parse(last, "soa_rows.updated_at");
        if (!day) return Error::internal(db.path().string() + ": " + day.error().message);
        summary.lastChanged = *day;
    }
    auto edits = editCount(db);
    if (!edits) return edits.error();
    summary.edits = *edits;
    return summary;
}

}  // namespace cw
