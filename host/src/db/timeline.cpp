// The certification timeline: milestones, settings, other frameworks' cycles, and the
// picture derived from them. All SQL for milestones, cycles and settings; reads evidence
// and evidence_links for the stale-at-audit warning.
#include <crosswalk/core/timeline.hpp>

#include "database.hpp"
#include "workbench_util.hpp"

#include <charconv>

namespace cw {
namespace {

using db::dateText;
using db::parseName;
constexpr std::string_view kHub = db::kIsoFramework;

constexpr std::array<std::string_view, 11> kStepNames = {
    "gap-analysis", "isms-development", "internal-audit", "management-review", "stage1",         "remediation",
    "stage2",       "certificate",      "surveillance-1", "surveillance-2",    "recertification"};
constexpr std::array<std::string_view, 11> kStepWords = {
    "Gap analysis",         "ISMS development",     "Internal audit",       "Management review",
    "Stage 1 audit",        "Remediation",          "Stage 2 audit",        "Certificate issued",
    "Surveillance audit 1", "Surveillance audit 2", "Recertification audit"};
constexpr std::array<std::string_view, 6> kCycleKinds = {
    "soc2-type1", "soc2-type2-observation", "soc2-type2-report", "pci-assessment", "hipaa-risk-analysis", "other"};
constexpr std::array<std::string_view, 6> kCycleKeyPrefixes = {"SOC2-T1-", "SOC2-T2-OBS-", "SOC2-T2-RPT-",
                                                               "PCI-",     "HIPAA-RA-",    "CYCLE-"};
constexpr std::array<std::string_view, 6> kWarningKinds = {
    "slipped", "overdue", "out-of-order", "buffer-too-short", "evidence-stale-at-audit", "certificate-expiring"};
constexpr std::array<std::string_view, 5> kStepStatuses = {"unscheduled", "planned", "in-progress", "done", "overdue"};

constexpr const char* kBufferKey = "remediation_buffer_days";
constexpr const char* kYearsKey = "certificate_years";
constexpr const char* kSoonStaleKey = "soon_stale_days";

// Certification bodies expect the recertification audit before expiry; three months is the usual lead.
constexpr int kRecertificationLeadMonths = 3;
constexpr int kExpiryWarningDays = 90;
constexpr int kMaxRecurMonths = 120;

std::size_t indexOf(Step s) {
    return static_cast<std::size_t>(s);
}

std::string stepName(Step s) {
    return std::string(toString(s));
}

std::string days(int n) {
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

// A step with one date of a kind is that single day.
std::optional<Date> startOf(const Milestone& m, bool actual) {
    return actual ? (m.actualStart ? m.actualStart : m.actualEnd) : (m.plannedStart ? m.plannedStart : m.plannedEnd);
}

std::optional<Date> endOf(const Milestone& m, bool actual) {
    return actual ? (m.actualEnd ? m.actualEnd : m.actualStart) : (m.plannedEnd ? m.plannedEnd : m.plannedStart);
}

// Actual when recorded, else planned.
std::optional<Date> effectiveStart(const Milestone& m) {
    auto a = startOf(m, true);
    return a ? a : startOf(m, false);
}

std::optional<Date> effectiveEnd(const Milestone& m) {
    if (m.actualEnd) return m.actualEnd;
    return endOf(m, false) ? endOf(m, false) : endOf(m, true);
}

Result<void> checkRange(std::string_view field, int value, int low, int high) {
    if (value < low || value > high) {
        return Error::badInput("timeline setting " + std::string(field) + ": " + std::to_string(value) +
                               " is outside " + std::to_string(low) + "–" + std::to_string(high));
    }
    return {};
}

Result<std::vector<Milestone>> readMilestones(db::Database& db) {
    std::vector<Milestone> out;
    for (const Step s : kSteps) out.push_back(Milestone{s, {}, {}, {}, {}, {}});
    auto s = db.cached("SELECT step, planned_start, planned_end, actual_start, actual_end, note FROM milestones");
    if (!s) return s.error();
    db::DateColumns dates(db);
    if (auto r = (*s)->each([&] {
            const std::string name = (*s)->text(0);
            const auto step = parseStep(name);
            if (!step) return;
            Milestone& m = out[indexOf(*step)];
            m.plannedStart = dates.optional(**s, 1, "milestones.planned_start of " + name);
            m.plannedEnd = dates.optional(**s, 2, "milestones.planned_end of " + name);
            m.actualStart = dates.optional(**s, 3, "milestones.actual_start of " + name);
            m.actualEnd = dates.optional(**s, 4, "milestones.actual_end of " + name);
            m.note = (*s)->text(5);
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

Result<std::vector<Cycle>> readCycles(db::Database& db) {
    auto s = db.cached(
        "SELECT key, framework_id, kind, title, starts_on, ends_on, recur_months FROM cycles ORDER BY starts_on, key");
    if (!s) return s.error();
    db::DateColumns dates(db);
    std::vector<Cycle> out;
    if (auto r = (*s)->each([&] {
            const std::string key = (*s)->text(0);
            out.push_back(Cycle{key, (*s)->text(1), parseCycleKind((*s)->text(2)).value_or(CycleKind::Other),
                                (*s)->text(3), dates.required(**s, 4, "cycles.starts_on of " + key),
                                dates.required(**s, 5, "cycles.ends_on of " + key),
                                static_cast<int>((*s)->integer(6))});
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

// Step order: each step starts no earlier than every earlier step ended (Remediation excepted
// as the earlier one), planned against planned and actual against actual. Only pairs
// involving `changed` are checked, so an old inconsistency elsewhere never blocks an edit.
Result<void> checkOrder(const std::vector<Milestone>& all, Step changed) {
    for (const bool actual : {false, true}) {
        const char* kind = actual ? "actual" : "planned";
        for (std::size_t e = 0; e < all.size(); ++e) {
            if (all[e].step == Step::Remediation) continue;
            const auto earlierEnd = endOf(all[e], actual);
            if (!earlierEnd) continue;
            for (std::size_t l = e + 1; l < all.size(); ++l) {
                if (all[e].step != changed && all[l].step != changed) continue;
                const auto laterStart = startOf(all[l], actual);
                if (laterStart && *laterStart < *earlierEnd) {
                    return Error::badInput(stepName(all[l].step) + ": " + kind + " start " + laterStart->str() +
                                           " is before the " + kind + " end of " + stepName(all[e].step) + " (" +
                                           earlierEnd->str() + "); the steps run in order");
                }
            }
        }
    }
    return {};
}

struct ExpiringItem {
    std::string key;
    std::string title;
    Date expires;
};

// Items linked to something and not scoped out of the ISO scope, with their expiry
// (valid_until, else collected_on + review_days); undated items never expire.
Result<std::vector<ExpiringItem>> expiringEvidence(db::Database& db) {
    auto s = db.cached(
        "SELECT e.key, e.title, e.valid_until, e.collected_on, e.review_days FROM evidence e "
        "WHERE EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM evidence_scope x WHERE x.evidence_id = e.id AND x.framework_id = ?1 "
        "AND x.valid = 0) ORDER BY e.key");
    if (!s) return s.error();
    (*s)->bindAll(kHub);
    db::DateColumns dates(db);
    std::vector<ExpiringItem> out;
    if (auto r = (*s)->each([&] {
            const std::string key = (*s)->text(0);
            std::optional<Date> expires = dates.optional(**s, 2, "evidence.valid_until of " + key);
            if (!expires && !(*s)->isNull(4)) {
                if (const auto collected = dates.optional(**s, 3, "evidence.collected_on of " + key)) {
                    expires = collected->addDays(static_cast<int>((*s)->integer(4)));
                }
            }
            if (expires) out.push_back({key, (*s)->text(1), *expires});
        });
        !r) {
        return r.error();
    }
    if (dates.error()) return *dates.error();
    return out;
}

void addWarning(Timeline& t, WarningKind kind, std::string subject, std::string message) {
    t.warnings.push_back(TimelineWarning{kind, std::move(subject), std::move(message)});
}

void stepWarnings(Timeline& t) {
    for (const auto& m : t.milestones) {
        const std::string name = stepName(m.step);
        if (m.plannedEnd && !m.actualEnd && *m.plannedEnd < t.today) {
            addWarning(t, WarningKind::Overdue, name,
                       name + ": planned to end " + m.plannedEnd->str() + ", not finished (" +
                           days(m.plannedEnd->daysUntil(t.today)) + " overdue)");
        }
        if (m.plannedEnd && m.actualEnd && *m.actualEnd > *m.plannedEnd) {
            addWarning(t, WarningKind::Slipped, name,
                       name + ": finished " + m.actualEnd->str() + ", " + days(m.plannedEnd->daysUntil(*m.actualEnd)) +
                           " after its planned end " + m.plannedEnd->str());
        }
    }
}

void bufferWarning(Timeline& t) {
    const Milestone& stage1 = t.milestones[indexOf(Step::Stage1)];
    const Milestone& stage2 = t.milestones[indexOf(Step::Stage2)];
    const auto end1 = stage1.actualEnd ? stage1.actualEnd : endOf(stage1, false);
    const auto start2 = startOf(stage2, true) ? startOf(stage2, true) : startOf(stage2, false);
    if (!end1 || !start2) return;
    const int gap = end1->daysUntil(*start2);
    if (gap < t.settings.remediationBufferDays) {
        addWarning(t, WarningKind::BufferTooShort, stepName(Step::Stage2),
                   "stage2: starts " + start2->str() + ", " + days(gap) + " after Stage 1 ends (" + end1->str() +
                       "); the remediation buffer is " + days(t.settings.remediationBufferDays));
    }
}

// Surveillance and recertification: due dates from the certificate, checked against what is planned or held.
void cycleWarnings(Timeline& t) {
    if (!t.certificateIssued) return;
    const struct {
        Step step;
        std::optional<Date> due;
        const char* why;
    } audits[] = {
        {Step::Surveillance1, t.surveillance1Due, "12 months after the certificate"},
        {Step::Surveillance2, t.surveillance2Due, "24 months after the certificate"},
        {Step::Recertification, t.recertificationDue, "3 months before the certificate expires"},
    };
    for (const auto& a : audits) {
        if (!a.due) continue;
        const Milestone& m = t.milestones[indexOf(a.step)];
        const std::string name = stepName(a.step);
        const auto held = effectiveStart(m);
        if (held && *held > *a.due) {
            addWarning(t, WarningKind::OutOfOrder, name,
                       name + ": " + (startOf(m, true) ? "held " : "planned ") + held->str() + ", " +
                           days(a.due->daysUntil(*held)) + " after it is due (" + a.due->str() + ", " + a.why + ")");
        }
        if (!m.hasDates() && *a.due < t.today) {
            addWarning(t, WarningKind::Overdue, name,
                       name + ": due " + a.due->str() + " (" + a.why + "), not recorded as held");
        }
    }
    const Milestone& recert = t.milestones[indexOf(Step::Recertification)];
    if (t.certificateExpires && !recert.actualEnd) {
        const int left = t.today.daysUntil(*t.certificateExpires);
        if (left < 0) {
            addWarning(t, WarningKind::CertificateExpiring, "certificate",
                       "certificate: expired " + t.certificateExpires->str() + " (" + days(-left) +
                           " ago) with no recertification recorded");
        } else if (left <= kExpiryWarningDays) {
            addWarning(t, WarningKind::CertificateExpiring, "certificate",
                       "certificate: expires " + t.certificateExpires->str() + " (in " + days(left) +
                           ") and the recertification audit is not finished");
        }
    }
}

Result<void> evidenceWarnings(db::Database& db, Timeline& t) {
    auto items = expiringEvidence(db);
    if (!items) return items.error();
    for (const Step step :
         {Step::Stage1, Step::Stage2, Step::Surveillance1, Step::Surveillance2, Step::Recertification}) {
        const Milestone& m = t.milestones[indexOf(step)];
        // A step planned with only an end date is held on that day.
        const auto planned = startOf(m, false);
        if (!planned || *planned <= t.today || m.actualEnd) continue;
        const Date on = *planned;
        for (const auto& item : *items) {
            if (item.expires < t.today || item.expires >= on) continue;
            addWarning(t, WarningKind::EvidenceStaleAtAudit, item.key,
                       item.key + " (" + item.title + ") expires " + item.expires.str() + ", before " +
                           std::string(describe(step)) + " on " + on.str() + "; renew it first");
        }
    }
    return {};
}

void addBars(Timeline& t) {
    for (const auto& m : t.milestones) {
        const auto start = effectiveStart(m);
        if (!start) continue;
        Date end = effectiveEnd(m).value_or(*start);
        if (end < *start) end = *start;
        t.bars.push_back(TimelineBar{std::string(kHub), stepName(m.step), std::string(describe(m.step)), *start, end,
                                     m.actualStart.has_value() || m.actualEnd.has_value(), false});
    }
    if (t.certificateIssued) {
        const struct {
            Step step;
            std::optional<Date> due;
        } derived[] = {{Step::Surveillance1, t.surveillance1Due},
                       {Step::Surveillance2, t.surveillance2Due},
                       {Step::Recertification, t.recertificationDue}};
        for (const auto& d : derived) {
            if (!d.due || t.milestones[indexOf(d.step)].hasDates()) continue;
            t.bars.push_back(TimelineBar{std::string(kHub), stepName(d.step), std::string(describe(d.step)) + " (due)",
                                         *d.due, *d.due, false, true});
        }
        t.bars.push_back(TimelineBar{std::string(kHub), "certificate-validity", "Certificate valid",
                                     *t.certificateIssued, *t.certificateExpires, false, true});
    }
    Date horizon = t.recertificationDue ? *t.recertificationDue : t.today.addMonths(36);
    if (horizon < t.today) horizon = t.today;
    for (const auto& c : t.cycles) {
        t.bars.push_back(TimelineBar{c.framework, c.key, c.title, c.startsOn, c.endsOn, false, false});
        if (c.recurMonths <= 0) continue;
        // From the first dates each time, so a 31st does not drift to the 28th for good.
        for (int n = 1;; ++n) {
            const Date start = c.startsOn.addMonths(n * c.recurMonths);
            if (start > horizon) break;
            t.bars.push_back(TimelineBar{c.framework, c.key + "#" + std::to_string(n + 1), c.title, start,
                                         c.endsOn.addMonths(n * c.recurMonths), false, true});
        }
    }
}

}  // namespace

std::string_view toString(Step s) noexcept {
    return kStepNames[indexOf(s)];
}

std::string_view describe(Step s) noexcept {
    return kStepWords[indexOf(s)];
}

std::optional<Step> parseStep(std::string_view text) noexcept {
    if (auto s = parseName<Step>(kStepNames, text)) return s;
    // The spellings people type as well.
    if (text == "stage-1") return Step::Stage1;
    if (text == "stage-2") return Step::Stage2;
    if (text == "surveillance1") return Step::Surveillance1;
    if (text == "surveillance2") return Step::Surveillance2;
    return std::nullopt;
}

std::string_view toString(StepStatus s) noexcept {
    return kStepStatuses[static_cast<std::size_t>(s)];
}

StepStatus Milestone::status(Date today) const {
    if (actualEnd) return StepStatus::Done;
    if (plannedEnd && *plannedEnd < today) return StepStatus::Overdue;
    if (actualStart) return StepStatus::InProgress;
    if (plannedStart && *plannedStart <= today) return StepStatus::InProgress;
    if (plannedStart || plannedEnd) return StepStatus::Planned;
    return StepStatus::Unscheduled;
}

std::string_view toString(CycleKind k) noexcept {
    return kCycleKinds[static_cast<std::size_t>(k)];
}

std::optional<CycleKind> parseCycleKind(std::string_view text) noexcept {
    return parseName<CycleKind>(kCycleKinds, text);
}

std::string_view toString(WarningKind k) noexcept {
    return kWarningKinds[static_cast<std::size_t>(k)];
}

Result<TimelineSettings> timelineSettings(Workspace& ws) {
    auto& db = db::connection(ws);
    auto s = db.cached("SELECT key, value FROM settings WHERE key IN (?1, ?2, ?3)");
    if (!s) return s.error();
    (*s)->bindAll(kBufferKey, kYearsKey, kSoonStaleKey);
    TimelineSettings out;
    std::optional<Error> bad;
    if (auto r = (*s)->each([&] {
            const std::string key = (*s)->text(0);
            const std::string text = (*s)->text(1);
            int value = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || end != text.data() + text.size()) {
                if (!bad) {
                    bad = Error::internal(db.path().string() + ": setting " + key + ": '" + text +
                                          "' is not a whole number");
                }
                return;
            }
            if (key == kBufferKey) out.remediationBufferDays = value;
            if (key == kYearsKey) out.certificateYears = value;
            if (key == kSoonStaleKey) out.soonStaleDays = value;
        });
        !r) {
        return r.error();
    }
    if (bad) return *bad;
    return out;
}

Result<void> setTimelineSettings(Workspace& ws, const TimelineSettings& settings) {
    if (auto r = checkRange(kBufferKey, settings.remediationBufferDays, 0, 365); !r) return r;
    if (auto r = checkRange(kYearsKey, settings.certificateYears, 1, 10); !r) return r;
    if (auto r = checkRange(kSoonStaleKey, settings.soonStaleDays, 0, 365); !r) return r;
    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto s = db.cached(
        "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = "
        "excluded.value");
    if (!s) return s.error();
    const std::pair<const char*, int> values[] = {{kBufferKey, settings.remediationBufferDays},
                                                  {kYearsKey, settings.certificateYears},
                                                  {kSoonStaleKey, settings.soonStaleDays}};
    for (const auto& [key, value] : values) {
        (*s)->bindAll(key, std::to_string(value));
        if (auto r = (*s)->run(); !r) return r;
    }
    return tx->commit();
}

Result<std::vector<Milestone>> milestones(Workspace& ws) {
    return readMilestones(db::connection(ws));
}

Result<Milestone> setMilestone(Workspace& ws, const Milestone& milestone) {
    const std::string name = stepName(milestone.step);
    const auto checkSpan = [&](const std::optional<Date>& start, const std::optional<Date>& end,
                               const char* kind) -> Result<void> {
        if (start && end && *end < *start) {
            return Error::badInput(name + ": " + kind + " end " + end->str() + " is before its " + kind + " start " +
                                   start->str());
        }
        return {};
    };
    if (auto r = checkSpan(milestone.plannedStart, milestone.plannedEnd, "planned"); !r) return r.error();
    if (auto r = checkSpan(milestone.actualStart, milestone.actualEnd, "actual"); !r) return r.error();

    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    auto all = readMilestones(db);
    if (!all) return all.error();
    (*all)[indexOf(milestone.step)] = milestone;
    if (auto r = checkOrder(*all, milestone.step); !r) return r.error();

    if (!milestone.hasDates() && milestone.note.empty()) {
        auto s = db.cached("DELETE FROM milestones WHERE step = ?1");
        if (!s) return s.error();
        (*s)->bindAll(name);
        if (auto r = (*s)->run(); !r) return r.error();
    } else {
        auto s = db.cached(
            "INSERT INTO milestones(step, planned_start, planned_end, actual_start, actual_end, note) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(step) DO UPDATE SET planned_start = excluded.planned_start, "
            "planned_end = excluded.planned_end, actual_start = excluded.actual_start, "
            "actual_end = excluded.actual_end, note = excluded.note");
        if (!s) return s.error();
        (*s)->bindAll(name, dateText(milestone.plannedStart), dateText(milestone.plannedEnd),
                      dateText(milestone.actualStart), dateText(milestone.actualEnd), milestone.note);
        if (auto r = (*s)->run(); !r) return r.error();
    }
    if (auto r = tx->commit(); !r) return r.error();
    return milestone;
}

Result<std::vector<Cycle>> cycles(Workspace& ws) {
    return readCycles(db::connection(ws));
}

Result<Cycle> setCycle(Workspace& ws, Cycle cycle) {
    const std::string name = cycle.key.empty() ? std::string("new cycle") : "cycle " + cycle.key;
    if (!cycle.key.empty()) {
        if (auto r = db::checkKey("cycle", cycle.key); !r) return r.error();
    }
    if (db::blank(cycle.title)) {
        return Error::badInput(name + ": title is empty");
    }
    if (cycle.endsOn < cycle.startsOn) {
        return Error::badInput(name + ": ends_on " + cycle.endsOn.str() + " is before starts_on " +
                               cycle.startsOn.str());
    }
    if (cycle.recurMonths < 0 || cycle.recurMonths > kMaxRecurMonths) {
        return Error::badInput(name + ": recur_months " + std::to_string(cycle.recurMonths) + " is outside 0–" +
                               std::to_string(kMaxRecurMonths) + " (0: once)");
    }
    auto& db = db::connection(ws);
    auto tx = db::Transaction::begin(db);
    if (!tx) return tx.error();
    if (auto known = db::requireFramework(db, cycle.framework); !known) {
        return Error{known.error().kind, name + ": " + known.error().message};
    }
    if (cycle.key.empty()) {
        auto key = db::freeKey(db, "cycles",
                               std::string(kCycleKeyPrefixes[static_cast<std::size_t>(cycle.kind)]) +
                                   std::to_string(cycle.startsOn.year()));
        if (!key) return key.error();
        cycle.key = std::move(*key);
    }
    auto s = db.cached(
        "INSERT INTO cycles(key, framework_id, kind, title, starts_on, ends_on, recur_months) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(key) DO UPDATE SET framework_id = excluded.framework_id, "
        "kind = excluded.kind, title = excluded.title, starts_on = excluded.starts_on, ends_on = excluded.ends_on, "
        "recur_months = excluded.recur_months");
    if (!s) return s.error();
    (*s)->bindAll(cycle.key, cycle.framework, toString(cycle.kind), cycle.title, cycle.startsOn.str(),
                  cycle.endsOn.str(), cycle.recurMonths);
    if (auto r = (*s)->run(); !r) return r.error();
    if (auto r = tx->commit(); !r) return r.error();
    return cycle;
}

Result<void> removeCycle(Workspace& ws, std::string_view key) {
    auto& db = db::connection(ws);
    auto s = db.cached("DELETE FROM cycles WHERE key = ?1");
    if (!s) return s.error();
    (*s)->bindAll(key);
    if (auto r = (*s)->run(); !r) return r.error();
    if (db.changes() == 0) return Error::notFound("unknown cycle '" + std::string(key) + "'");
    return {};
}

Result<Timeline> timeline(Workspace& ws, Date today) {
    auto& db = db::connection(ws);
    Timeline t;
    t.today = today;
    auto settings = timelineSettings(ws);
    if (!settings) return settings.error();
    t.settings = *settings;
    auto steps = readMilestones(db);
    if (!steps) return steps.error();
    t.milestones = std::move(*steps);
    auto all = readCycles(db);
    if (!all) return all.error();
    t.cycles = std::move(*all);

    const Milestone& certificate = t.milestones[indexOf(Step::Certificate)];
    const Milestone& stage2 = t.milestones[indexOf(Step::Stage2)];
    for (const auto& candidate :
         {endOf(certificate, true), endOf(certificate, false), endOf(stage2, true), endOf(stage2, false)}) {
        if (candidate) {
            t.certificateIssued = candidate;
            break;
        }
    }
    if (t.certificateIssued) {
        const Date issued = *t.certificateIssued;
        const int months = 12 * t.settings.certificateYears;
        t.recertificationDue = issued.addMonths(months - kRecertificationLeadMonths);
        t.certificateExpires = issued.addMonths(months);
        // A certificate shorter than three years has fewer surveillance audits before recertification.
        if (issued.addMonths(12) < *t.recertificationDue) t.surveillance1Due = issued.addMonths(12);
        if (issued.addMonths(24) < *t.recertificationDue) t.surveillance2Due = issued.addMonths(24);
    }

    stepWarnings(t);
    bufferWarning(t);
    cycleWarnings(t);
    if (auto r = evidenceWarnings(db, t); !r) return r.error();
    addBars(t);
    return t;
}

}  // namespace cw
