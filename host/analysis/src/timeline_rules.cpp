// The certification timeline's picture: due dates from the certificate, warnings and the
// Gantt bars, computed from the recorded steps, settings and cycles.
#include <crosswalk/analysis/timeline_rules.hpp>

#include <crosswalk/model/hub.hpp>

namespace cw {
namespace {

// Certification bodies expect the recertification audit before expiry; three months is the usual lead.
constexpr int kRecertificationLeadMonths = 3;
constexpr int kExpiryWarningDays = 90;

std::size_t indexOf(Step s) {
    return static_cast<std::size_t>(s);
}

std::string stepName(Step s) {
    return std::string(toString(s));
}

std::string days(int n) {
    return std::to_string(n) + (n == 1 ? " day" : " days");
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

void evidenceWarnings(const std::vector<ExpiringEvidence>& items, Timeline& t) {
    for (const Step step :
         {Step::Stage1, Step::Stage2, Step::Surveillance1, Step::Surveillance2, Step::Recertification}) {
        const Milestone& m = t.milestones[indexOf(step)];
        // A step planned with only an end date is held on that day.
        const auto planned = startOf(m, false);
        if (!planned || *planned <= t.today || m.actualEnd) continue;
        const Date on = *planned;
        for (const auto& item : items) {
            if (item.expires < t.today || item.expires >= on) continue;
            addWarning(t, WarningKind::EvidenceStaleAtAudit, item.key,
                       item.key + " (" + item.title + ") expires " + item.expires.str() + ", before " +
                           std::string(describe(step)) + " on " + on.str() + "; renew it first");
        }
    }
}

void addBars(Timeline& t) {
    for (const auto& m : t.milestones) {
        const auto start = effectiveStart(m);
        if (!start) continue;
        Date end = effectiveEnd(m).value_or(*start);
        if (end < *start) end = *start;
        t.bars.push_back(TimelineBar{std::string(kHubFramework), stepName(m.step), std::string(describe(m.step)),
                                     *start, end, m.actualStart.has_value() || m.actualEnd.has_value(), false});
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
            t.bars.push_back(TimelineBar{std::string(kHubFramework), stepName(d.step),
                                         std::string(describe(d.step)) + " (due)", *d.due, *d.due, false, true});
        }
        t.bars.push_back(TimelineBar{std::string(kHubFramework), "certificate-validity", "Certificate valid",
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

Timeline buildTimeline(const TimelineInput& input, Date today) {
    Timeline t;
    t.today = today;
    t.settings = input.settings;
    // One milestone per step, in step order, whatever the input holds (a step given twice: the last).
    for (const Step step : kSteps) t.milestones.push_back(Milestone{step, {}, {}, {}, {}, {}});
    for (const auto& m : input.milestones) t.milestones[indexOf(m.step)] = m;
    t.cycles = input.cycles;

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
    evidenceWarnings(input.expiring, t);
    addBars(t);
    return t;
}

}  // namespace cw
