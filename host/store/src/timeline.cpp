// The certification timeline as recorded: all SQL for milestones, cycles and settings; reads
// evidence and evidence_links for the items that can go stale before an audit.
#include <crosswalk/store/timeline.hpp>

#include "database.hpp"
#include "repository.hpp"

#include <charconv>

namespace cw {
namespace {

using db::dateText;

constexpr std::array<std::string_view, 6> kCycleKeyPrefixes = {"SOC2-T1-", "SOC2-T2-OBS-", "SOC2-T2-RPT-",
                                                               "PCI-",     "HIPAA-RA-",    "CYCLE-"};
constexpr const char* kBufferKey = "remediation_buffer_days";
constexpr const char* kYearsKey = "certificate_years";
constexpr const char* kSoonStaleKey = "soon_stale_days";

constexpr int kMaxRecurMonths = 120;

std::size_t indexOf(Step s) {
    return static_cast<std::size_t>(s);
}

std::string stepName(Step s) {
    return std::string(toString(s));
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

Result<std::vector<ExpiringEvidence>> readExpiringEvidence(db::Database& db) {
    auto s = db.cached(
        "SELECT e.key, e.title, e.valid_until, e.collected_on, e.review_days FROM evidence e "
        "WHERE EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM evidence_scope x WHERE x.evidence_id = e.id AND x.framework_id = ?1 "
        "AND x.valid = 0) ORDER BY e.key");
    if (!s) return s.error();
    (*s)->bindAll(kHubFramework);
    db::DateColumns dates(db);
    std::vector<ExpiringEvidence> out;
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

}  // namespace

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
    if (blank(cycle.title)) {
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

Result<std::vector<ExpiringEvidence>> expiringEvidence(Workspace& ws) {
    return readExpiringEvidence(db::connection(ws));
}

}  // namespace cw
