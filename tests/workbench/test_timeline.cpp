// The certification timeline: milestones and their order, derived
// surveillance and recertification dates, warnings at a fixed today, other frameworks'
// cycles repeated to the horizon, and the CLI.
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/timeline.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <list>
#include <set>
#include <sstream>

namespace cw::test {
namespace {

const Date kToday(2026, 6, 15);

Milestone step(Step s, std::optional<Date> plannedStart, std::optional<Date> plannedEnd,
               std::optional<Date> actualStart = std::nullopt, std::optional<Date> actualEnd = std::nullopt) {
    return Milestone{s, plannedStart, plannedEnd, actualStart, actualEnd, ""};
}

class TimelineTest : public WorkbenchTest {
protected:
    std::string snapshot() {
        std::ostringstream out;
        auto all = milestones(ws());
        EXPECT_TRUE(all) << all.error().message;
        if (all) {
            for (const auto& m : *all) {
                out << toString(m.step) << '|' << toString(m.plannedStart) << '|' << toString(m.plannedEnd) << '|'
                    << toString(m.actualStart) << '|' << toString(m.actualEnd) << '|' << m.note << '\n';
            }
        }
        auto list = cycles(ws());
        EXPECT_TRUE(list) << list.error().message;
        if (list) {
            for (const auto& c : *list) {
                out << c.key << '|' << c.framework << '|' << toString(c.kind) << '|' << c.title << '|'
                    << c.startsOn.str() << '|' << c.endsOn.str() << '|' << c.recurMonths << '\n';
            }
        }
        auto settings = timelineSettings(ws());
        EXPECT_TRUE(settings) << settings.error().message;
        if (settings) {
            out << settings->remediationBufferDays << '|' << settings->certificateYears << '|'
                << settings->soonStaleDays << '\n';
        }
        return out.str();
    }

    template <typename R>
    void expectRefused(const std::string& before, const R& result, ErrorKind kind, const std::string& mention) {
        ASSERT_FALSE(result) << "expected an error mentioning '" << mention << "'";
        EXPECT_EQ(result.error().kind, kind) << result.error().message;
        EXPECT_NE(result.error().message.find(mention), std::string::npos) << result.error().message;
        EXPECT_EQ(snapshot(), before);
    }

    void set(const Milestone& m) {
        auto r = setMilestone(ws(), m);
        ASSERT_TRUE(r) << toString(m.step) << ": " << r.error().message;
    }

    Timeline at(Date today) {
        auto t = timeline(ws(), today);
        EXPECT_TRUE(t) << t.error().message;
        return t ? *t : Timeline{};
    }

    static std::multiset<std::string> warnings(const Timeline& t) {
        std::multiset<std::string> out;
        for (const auto& w : t.warnings) out.insert(std::string(toString(w.kind)) + " " + w.subject);
        return out;
    }

    static const TimelineWarning* find(const Timeline& t, WarningKind kind, const std::string& subject) {
        for (const auto& w : t.warnings) {
            if (w.kind == kind && w.subject == subject) return &w;
        }
        return nullptr;
    }
    /// For a temporary (find(at(today), …)): kept alive until the test ends.
    const TimelineWarning* find(Timeline&& t, WarningKind kind, const std::string& subject) {
        return find(m_kept.emplace_back(std::move(t)), kind, subject);
    }
    std::list<Timeline> m_kept;

    static std::vector<TimelineBar> bars(const Timeline& t, const std::string& keyPrefix) {
        std::vector<TimelineBar> out;
        for (const auto& b : t.bars) {
            if (b.key == keyPrefix || b.key.rfind(keyPrefix + "#", 0) == 0) out.push_back(b);
        }
        return out;
    }
};

TEST_F(TimelineTest, NamesRoundTrip) {
    std::vector<std::string> names;
    for (const Step s : kSteps) {
        names.emplace_back(toString(s));
        EXPECT_EQ(parseStep(toString(s)), s);
        EXPECT_FALSE(describe(s).empty());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"gap-analysis", "isms-development", "internal-audit",
                                               "management-review", "stage1", "remediation", "stage2", "certificate",
                                               "surveillance-1", "surveillance-2", "recertification"}));
    EXPECT_EQ(parseStep("stage-2"), Step::Stage2);
    EXPECT_FALSE(parseStep("stage3"));
    for (const auto k : {CycleKind::Soc2Type1, CycleKind::Soc2Type2Observation, CycleKind::Soc2Type2Report,
                         CycleKind::PciAssessment, CycleKind::HipaaRiskAnalysis, CycleKind::Other}) {
        EXPECT_EQ(parseCycleKind(toString(k)), k);
    }
    EXPECT_EQ(toString(WarningKind::EvidenceStaleAtAudit), "evidence-stale-at-audit");
    EXPECT_EQ(toString(StepStatus::InProgress), "in-progress");
}

TEST_F(TimelineTest, SettingsHaveDefaultsRoundTripAndAreChecked) {
    auto defaults = timelineSettings(ws());
    ASSERT_TRUE(defaults) << defaults.error().message;
    EXPECT_EQ(defaults->remediationBufferDays, 30);
    EXPECT_EQ(defaults->certificateYears, 3);
    EXPECT_EQ(defaults->soonStaleDays, 30);

    ASSERT_TRUE(setTimelineSettings(ws(), TimelineSettings{45, 3, 14}));
    auto back = timelineSettings(ws());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->remediationBufferDays, 45);
    EXPECT_EQ(back->soonStaleDays, 14);

    const std::string before = snapshot();
    expectRefused(before, setTimelineSettings(ws(), TimelineSettings{-1, 3, 30}), ErrorKind::BadInput,
                  "remediation_buffer_days");
    expectRefused(before, setTimelineSettings(ws(), TimelineSettings{30, 0, 30}), ErrorKind::BadInput,
                  "certificate_years");
    expectRefused(before, setTimelineSettings(ws(), TimelineSettings{30, 11, 30}), ErrorKind::BadInput,
                  "certificate_years");
    expectRefused(before, setTimelineSettings(ws(), TimelineSettings{30, 3, 400}), ErrorKind::BadInput,
                  "soon_stale_days");
}

TEST_F(TimelineTest, MilestonesRoundTripAsElevenStepsInOrder) {
    Milestone gap = step(Step::GapAnalysis, Date(2026, 1, 5), Date(2026, 2, 1), Date(2026, 1, 6), Date(2026, 2, 3));
    gap.note = "Against ISO 27001 and SOC 2";
    set(gap);
    auto all = milestones(ws());
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), kSteps.size());
    for (std::size_t i = 0; i < kSteps.size(); ++i) EXPECT_EQ((*all)[i].step, kSteps[i]);
    const Milestone& back = all->front();
    EXPECT_EQ(back.plannedStart, Date(2026, 1, 5));
    EXPECT_EQ(back.plannedEnd, Date(2026, 2, 1));
    EXPECT_EQ(back.actualStart, Date(2026, 1, 6));
    EXPECT_EQ(back.actualEnd, Date(2026, 2, 3));
    EXPECT_EQ(back.note, "Against ISO 27001 and SOC 2");
    EXPECT_FALSE((*all)[1].hasDates());

    // No dates and no note: the step is gone again.
    set(step(Step::GapAnalysis, std::nullopt, std::nullopt));
    all = milestones(ws());
    ASSERT_TRUE(all);
    EXPECT_FALSE(all->front().hasDates());
    EXPECT_TRUE(all->front().note.empty());
}

TEST_F(TimelineTest, AnEndBeforeItsStartIsRefused) {
    set(step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3)));
    const std::string before = snapshot();
    expectRefused(before, setMilestone(ws(), step(Step::Stage2, Date(2026, 10, 5), Date(2026, 10, 1))),
                  ErrorKind::BadInput, "planned end 2026-10-01 is before its planned start 2026-10-05");
    expectRefused(
        before,
        setMilestone(ws(), step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3), Date(2026, 9, 2), Date(2026, 9, 1))),
        ErrorKind::BadInput, "actual end");
}

TEST_F(TimelineTest, StageTwoBeforeStageOneIsRefusedEitherWay) {
    set(step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3), Date(2026, 9, 1), Date(2026, 9, 3)));
    std::string before = snapshot();
    expectRefused(before, setMilestone(ws(), step(Step::Stage2, Date(2026, 8, 20), Date(2026, 8, 22))),
                  ErrorKind::BadInput, "before the planned end of stage1 (2026-09-03)");
    expectRefused(
        before,
        setMilestone(ws(), step(Step::Stage2, Date(2026, 10, 1), Date(2026, 10, 3), Date(2026, 9, 2), std::nullopt)),
        ErrorKind::BadInput, "actual start 2026-09-02");
    // A step before Stage 1 cannot end after it starts either.
    expectRefused(before, setMilestone(ws(), step(Step::ManagementReview, Date(2026, 9, 2), Date(2026, 9, 2))),
                  ErrorKind::BadInput, "stage1");

    set(step(Step::Stage2, Date(2026, 10, 1), Date(2026, 10, 3)));
    before = snapshot();
    // Moving Stage 1 to end after Stage 2 starts: the check runs from the earlier step too.
    expectRefused(before, setMilestone(ws(), step(Step::Stage1, Date(2026, 9, 28), Date(2026, 10, 5))),
                  ErrorKind::BadInput, "stage2: planned start 2026-10-01");
    // Planned is compared with planned and actual with actual: a late actual Stage 1 is not a planning error.
    set(step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3), Date(2026, 9, 1), Date(2026, 9, 10)));
}

TEST_F(TimelineTest, RemediationRunsFromStageOneEndWithoutBindingStageTwo) {
    set(step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3)));
    const std::string before = snapshot();
    expectRefused(before, setMilestone(ws(), step(Step::Remediation, Date(2026, 9, 2), Date(2026, 10, 30))),
                  ErrorKind::BadInput, "remediation");
    set(step(Step::Remediation, Date(2026, 9, 3), Date(2026, 10, 30)));
    set(step(Step::Stage2, Date(2026, 10, 15), Date(2026, 10, 17)));
    set(step(Step::Certificate, Date(2026, 11, 1), Date(2026, 11, 1)));
}

TEST_F(TimelineTest, SurveillanceAndRecertificationDerivedFromTheCertificate) {
    Timeline t = at(kToday);
    EXPECT_FALSE(t.certificateIssued);
    EXPECT_FALSE(t.surveillance1Due);

    // Without a certificate step, Stage 2's end stands in.
    set(step(Step::Stage2, Date(2027, 1, 10), Date(2027, 1, 12)));
    t = at(kToday);
    EXPECT_EQ(t.certificateIssued, Date(2027, 1, 12));

    set(step(Step::Certificate, Date(2027, 2, 15), Date(2027, 2, 15)));
    t = at(kToday);
    EXPECT_EQ(t.certificateIssued, Date(2027, 2, 15));
    EXPECT_EQ(t.surveillance1Due, Date(2028, 2, 15));
    EXPECT_EQ(t.surveillance2Due, Date(2029, 2, 15));
    EXPECT_EQ(t.recertificationDue, Date(2029, 11, 15));
    EXPECT_EQ(t.certificateExpires, Date(2030, 2, 15));

    // The actual issue date wins over the planned one.
    set(step(Step::Certificate, Date(2027, 2, 15), Date(2027, 2, 15), Date(2027, 2, 20), Date(2027, 2, 20)));
    t = at(kToday);
    EXPECT_EQ(t.certificateIssued, Date(2027, 2, 20));
    EXPECT_EQ(t.surveillance1Due, Date(2028, 2, 20));
}

TEST_F(TimelineTest, LeapDayAndMonthEndsAreClamped) {
    set(step(Step::Certificate, Date(2028, 2, 29), Date(2028, 2, 29)));
    Timeline t = at(kToday);
    EXPECT_EQ(t.surveillance1Due, Date(2029, 2, 28));
    EXPECT_EQ(t.surveillance2Due, Date(2030, 2, 28));
    EXPECT_EQ(t.recertificationDue, Date(2030, 11, 29));
    EXPECT_EQ(t.certificateExpires, Date(2031, 2, 28));

    set(step(Step::Certificate, Date(2027, 5, 31), Date(2027, 5, 31)));
    t = at(kToday);
    EXPECT_EQ(t.recertificationDue, Date(2030, 2, 28));  // 33 months after May 31
    EXPECT_EQ(t.surveillance1Due, Date(2028, 5, 31));

    // A two-year certificate has one surveillance audit before recertification.
    ASSERT_TRUE(setTimelineSettings(ws(), TimelineSettings{30, 2, 30}));
    t = at(kToday);
    EXPECT_EQ(t.surveillance1Due, Date(2028, 5, 31));
    EXPECT_FALSE(t.surveillance2Due);
    EXPECT_EQ(t.recertificationDue, Date(2029, 2, 28));
    EXPECT_EQ(t.certificateExpires, Date(2029, 5, 31));
}

TEST_F(TimelineTest, RemediationBufferShorterThanTheSettingIsWarned) {
    set(step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3)));
    set(step(Step::Stage2, Date(2026, 9, 20), Date(2026, 9, 22)));
    Timeline t = at(kToday);
    const TimelineWarning* w = find(t, WarningKind::BufferTooShort, "stage2");
    ASSERT_NE(w, nullptr);
    EXPECT_NE(w->message.find("17 days"), std::string::npos) << w->message;
    EXPECT_NE(w->message.find("30 days"), std::string::npos) << w->message;

    ASSERT_TRUE(setTimelineSettings(ws(), TimelineSettings{17, 3, 30}));
    EXPECT_EQ(find(at(kToday), WarningKind::BufferTooShort, "stage2"), nullptr);

    // Stage 1 actually ended a week late: the actual end counts.
    set(step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3), Date(2026, 9, 1), Date(2026, 9, 10)));
    w = find(at(Date(2026, 9, 12)), WarningKind::BufferTooShort, "stage2");
    ASSERT_NE(w, nullptr);
    EXPECT_NE(w->message.find("10 days"), std::string::npos) << w->message;
}

TEST_F(TimelineTest, OverdueAndSlippedStepsAtAFixedToday) {
    set(step(Step::GapAnalysis, Date(2026, 1, 1), Date(2026, 2, 1), Date(2026, 1, 1), Date(2026, 2, 6)));
    set(step(Step::IsmsDevelopment, Date(2026, 2, 6), Date(2026, 6, 1), Date(2026, 2, 6), std::nullopt));
    set(step(Step::InternalAudit, Date(2026, 6, 10), Date(2026, 6, 20)));
    set(step(Step::ManagementReview, Date(2026, 7, 1), Date(2026, 7, 1)));
    const Timeline t = at(kToday);
    EXPECT_EQ(warnings(t), (std::multiset<std::string>{"slipped gap-analysis", "overdue isms-development"}));
    EXPECT_NE(find(t, WarningKind::Slipped, "gap-analysis")->message.find("5 days"), std::string::npos);
    EXPECT_NE(find(t, WarningKind::Overdue, "isms-development")->message.find("14 days"), std::string::npos);

    EXPECT_EQ(t.milestones[0].status(kToday), StepStatus::Done);
    EXPECT_EQ(t.milestones[1].status(kToday), StepStatus::Overdue);
    EXPECT_EQ(t.milestones[2].status(kToday), StepStatus::InProgress);
    EXPECT_EQ(t.milestones[3].status(kToday), StepStatus::Planned);
    EXPECT_EQ(t.milestones[4].status(kToday), StepStatus::Unscheduled);
    // The day before its planned end, the ISMS step was not overdue yet.
    EXPECT_EQ(warnings(at(Date(2026, 5, 31))), (std::multiset<std::string>{"slipped gap-analysis"}));
}

TEST_F(TimelineTest, PlannedSurveillanceAfterItsDueDateIsWarnedAndDrawnInstead) {
    set(step(Step::Certificate, Date(2027, 2, 15), Date(2027, 2, 15)));
    set(step(Step::Surveillance1, Date(2028, 3, 1), Date(2028, 3, 2)));
    const Timeline t = at(kToday);
    EXPECT_EQ(t.surveillance1Due, Date(2028, 2, 15));  // the due date stays derived
    const TimelineWarning* w = find(t, WarningKind::OutOfOrder, "surveillance-1");
    ASSERT_NE(w, nullptr);
    EXPECT_NE(w->message.find("2028-02-15"), std::string::npos) << w->message;
    EXPECT_EQ(find(t, WarningKind::OutOfOrder, "surveillance-2"), nullptr);

    const auto s1 = bars(t, "surveillance-1");
    ASSERT_EQ(s1.size(), 1u);
    EXPECT_FALSE(s1[0].derived);
    EXPECT_EQ(s1[0].start, Date(2028, 3, 1));
    EXPECT_EQ(s1[0].end, Date(2028, 3, 2));
    const auto s2 = bars(t, "surveillance-2");
    ASSERT_EQ(s2.size(), 1u);
    EXPECT_TRUE(s2[0].derived);
    EXPECT_EQ(s2[0].start, Date(2029, 2, 15));
    EXPECT_EQ(s2[0].end, Date(2029, 2, 15));
    const auto validity = bars(t, "certificate-validity");
    ASSERT_EQ(validity.size(), 1u);
    EXPECT_EQ(validity[0].end, Date(2030, 2, 15));
    for (const auto& b : t.bars) {
        if (b.key.rfind("surveillance", 0) == 0 || b.key.rfind("certificate", 0) == 0) {
            EXPECT_EQ(b.lane, "iso27001-2022");
        }
    }
}

TEST_F(TimelineTest, MissedSurveillanceAndAnExpiringCertificate) {
    set(step(Step::Certificate, Date(2024, 1, 10), Date(2024, 1, 10), Date(2024, 1, 10), Date(2024, 1, 10)));
    Timeline t = at(kToday);
    EXPECT_EQ(warnings(t), (std::multiset<std::string>{"overdue surveillance-1", "overdue surveillance-2"}));

    set(step(Step::Surveillance1, Date(2025, 1, 6), Date(2025, 1, 7), Date(2025, 1, 6), Date(2025, 1, 7)));
    set(step(Step::Surveillance2, Date(2026, 1, 5), Date(2026, 1, 6), Date(2026, 1, 5), Date(2026, 1, 6)));
    t = at(Date(2026, 11, 1));
    EXPECT_EQ(warnings(t), (std::multiset<std::string>{"overdue recertification", "certificate-expiring certificate"}));
    EXPECT_NE(find(t, WarningKind::CertificateExpiring, "certificate")->message.find("70 days"), std::string::npos);

    set(step(Step::Recertification, Date(2026, 10, 1), Date(2026, 10, 3), Date(2026, 10, 1), Date(2026, 10, 3)));
    EXPECT_TRUE(at(Date(2026, 11, 1)).warnings.empty());
}

TEST_F(TimelineTest, EvidenceThatWillBeStaleAtAPlannedAudit) {
    set(step(Step::Stage1, Date(2026, 7, 1), Date(2026, 7, 2)));
    set(step(Step::Stage2, Date(2026, 8, 15), Date(2026, 8, 17)));
    struct Spec {
        const char* key;
        std::optional<Date> collected;
        std::optional<Date> validUntil;
        std::optional<int> reviewDays;
        bool link;
    };
    const Spec specs[] = {
        {"EV-T1", Date(2026, 1, 20), Date(2026, 7, 20), std::nullopt, true},   // stale at Stage 2 only
        {"EV-T2", Date(2026, 4, 1), std::nullopt, 80, true},                   // expires 2026-06-20: both audits
        {"EV-T3", Date(2025, 6, 1), Date(2026, 6, 1), std::nullopt, true},     // already stale today
        {"EV-T4", Date(2026, 1, 20), Date(2026, 7, 20), std::nullopt, false},  // serves nothing
        {"EV-T5", Date(2026, 1, 1), Date(2027, 1, 1), std::nullopt, true},     // current through both
        {"EV-T6", std::nullopt, std::nullopt, std::nullopt, true},             // undated
        {"EV-T7", Date(2026, 1, 20), Date(2026, 7, 20), std::nullopt, true},   // scoped out of ISO
    };
    for (const auto& s : specs) {
        EvidenceItem item;
        item.key = s.key;
        item.title = std::string("Record ") + s.key;
        item.kind = EvidenceKind::Record;
        item.location = "https://evidence.example/" + std::string(s.key);
        item.collectedOn = s.collected;
        item.validUntil = s.validUntil;
        item.reviewDays = s.reviewDays;
        auto added = addEvidence(ws(), item);
        ASSERT_TRUE(added) << s.key << ": " << added.error().message;
        if (s.link) {
            auto linked = linkEvidence(ws(), s.key, "CC-A.5.15");
            ASSERT_TRUE(linked) << s.key << ": " << linked.error().message;
        }
    }
    ASSERT_TRUE(setEvidenceScope(ws(), "EV-T7", EvidenceScope{"iso27001-2022", false, "lab network only"}));

    const Timeline t = at(kToday);
    std::multiset<std::string> stale;
    for (const auto& w : t.warnings) {
        if (w.kind != WarningKind::EvidenceStaleAtAudit) continue;
        const bool stage2 = w.message.find("Stage 2") != std::string::npos;
        stale.insert(w.subject + (stage2 ? "@stage2" : "@stage1"));
        EXPECT_NE(w.message.find("expires"), std::string::npos) << w.message;
    }
    EXPECT_EQ(stale, (std::multiset<std::string>{"EV-T1@stage2", "EV-T2@stage1", "EV-T2@stage2"}));
    EXPECT_NE(find(t, WarningKind::EvidenceStaleAtAudit, "EV-T2")->message.find("2026-06-20"), std::string::npos);

    // Once Stage 1 is behind us, only Stage 2 is checked.
    std::multiset<std::string> later;
    for (const auto& w : at(Date(2026, 7, 5)).warnings) {
        if (w.kind == WarningKind::EvidenceStaleAtAudit) later.insert(w.subject);
    }
    EXPECT_EQ(later, (std::multiset<std::string>{"EV-T1"}));
}

TEST_F(TimelineTest, CyclesRepeatUpToTheHorizon) {
    auto hipaaCycle = setCycle(ws(), Cycle{"", "hipaa", CycleKind::HipaaRiskAnalysis, "HIPAA risk analysis",
                                           Date(2026, 9, 1), Date(2026, 9, 20), 12});
    ASSERT_TRUE(hipaaCycle) << hipaaCycle.error().message;
    EXPECT_EQ(hipaaCycle->key, "HIPAA-RA-2026");
    auto once = setCycle(
        ws(), Cycle{"", "soc2-2017", CycleKind::Soc2Type1, "SOC 2 Type 1", Date(2026, 8, 1), Date(2026, 8, 1), 0});
    ASSERT_TRUE(once);
    EXPECT_EQ(once->key, "SOC2-T1-2026");
    auto monthly = setCycle(ws(), Cycle{"MONTHLY", "soc2-2017", CycleKind::Other, "Monthly access review",
                                        Date(2026, 1, 31), Date(2026, 1, 31), 1});
    ASSERT_TRUE(monthly);

    // No certificate: the horizon is today + 3 years (2029-06-15).
    Timeline t = at(kToday);
    auto hipaa = bars(t, "HIPAA-RA-2026");
    ASSERT_EQ(hipaa.size(), 3u);
    EXPECT_EQ(hipaa[0].start, Date(2026, 9, 1));
    EXPECT_FALSE(hipaa[0].derived);
    EXPECT_EQ(hipaa[1].key, "HIPAA-RA-2026#2");
    EXPECT_EQ(hipaa[1].start, Date(2027, 9, 1));
    EXPECT_EQ(hipaa[1].end, Date(2027, 9, 20));
    EXPECT_TRUE(hipaa[1].derived);
    EXPECT_EQ(hipaa[2].start, Date(2028, 9, 1));
    for (const auto& b : hipaa) EXPECT_EQ(b.lane, "hipaa");
    EXPECT_EQ(bars(t, "SOC2-T1-2026").size(), 1u);
    const auto months = bars(t, "MONTHLY");
    ASSERT_GE(months.size(), 3u);
    EXPECT_EQ(months[1].start, Date(2026, 2, 28));
    EXPECT_EQ(months[2].start, Date(2026, 3, 31));  // from the first date each time: no drift to the 28th
    EXPECT_EQ(months.back().start, Date(2029, 5, 31));

    // With a certificate, the horizon is the recertification due date (2029-11-15).
    set(step(Step::Certificate, Date(2027, 2, 15), Date(2027, 2, 15)));
    t = at(kToday);
    EXPECT_EQ(bars(t, "HIPAA-RA-2026").size(), 4u);
    EXPECT_EQ(bars(t, "MONTHLY").back().start, Date(2029, 10, 31));
    EXPECT_EQ(t.cycles.size(), 3u);
}

TEST_F(TimelineTest, CycleRulesLeaveTheWorkspaceUnchanged) {
    auto first = setCycle(ws(), Cycle{"", "soc2-2017", CycleKind::Soc2Type2Observation, "Observation period",
                                      Date(2026, 7, 1), Date(2026, 12, 31), 12});
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->key, "SOC2-T2-OBS-2026");
    auto second = setCycle(ws(), Cycle{"", "soc2-2017", CycleKind::Soc2Type2Observation, "Second period",
                                       Date(2026, 8, 1), Date(2026, 12, 31), 0});
    ASSERT_TRUE(second);
    EXPECT_EQ(second->key, "SOC2-T2-OBS-2026-2");

    const std::string before = snapshot();
    const Cycle good{"C-1", "soc2-2017", CycleKind::Other, "Cycle", Date(2026, 7, 1), Date(2026, 7, 31), 0};
    auto with = [&](auto change) {
        Cycle copy = good;
        change(copy);
        return setCycle(ws(), copy);
    };
    expectRefused(before, with([](Cycle& c) { c.framework = "sox"; }), ErrorKind::NotFound, "'sox'");
    expectRefused(before, with([](Cycle& c) { c.endsOn = Date(2026, 6, 30); }), ErrorKind::BadInput,
                  "before starts_on");
    expectRefused(before, with([](Cycle& c) { c.title = ""; }), ErrorKind::BadInput, "title");
    expectRefused(before, with([](Cycle& c) { c.recurMonths = 121; }), ErrorKind::BadInput, "recur_months");
    expectRefused(before, with([](Cycle& c) { c.recurMonths = -12; }), ErrorKind::BadInput, "recur_months");
    expectRefused(before, with([](Cycle& c) { c.key = "C 1"; }), ErrorKind::BadInput, "'C 1'");
    EXPECT_EQ(removeCycle(ws(), "C-1").error().kind, ErrorKind::NotFound);
    ASSERT_TRUE(removeCycle(ws(), "SOC2-T2-OBS-2026-2"));
    EXPECT_EQ(cycles(ws())->size(), 1u);
}

TEST_F(TimelineTest, StepBarsUseActualDatesWhenRecorded) {
    set(step(Step::GapAnalysis, Date(2026, 1, 1), Date(2026, 2, 1), Date(2026, 1, 3), Date(2026, 2, 6)));
    set(step(Step::IsmsDevelopment, Date(2026, 2, 6), Date(2026, 6, 1), Date(2026, 2, 7), std::nullopt));
    set(step(Step::Stage1, Date(2026, 9, 1), Date(2026, 9, 3)));
    const Timeline t = at(kToday);
    const auto gap = bars(t, "gap-analysis");
    ASSERT_EQ(gap.size(), 1u);
    EXPECT_TRUE(gap[0].actual);
    EXPECT_EQ(gap[0].start, Date(2026, 1, 3));
    EXPECT_EQ(gap[0].end, Date(2026, 2, 6));
    EXPECT_EQ(gap[0].lane, "iso27001-2022");
    EXPECT_EQ(gap[0].label, "Gap analysis");
    const auto isms = bars(t, "isms-development");
    ASSERT_EQ(isms.size(), 1u);
    EXPECT_EQ(isms[0].start, Date(2026, 2, 7));
    EXPECT_EQ(isms[0].end, Date(2026, 6, 1));  // still running: to its planned end
    const auto stage1 = bars(t, "stage1");
    ASSERT_EQ(stage1.size(), 1u);
    EXPECT_FALSE(stage1[0].actual);
    EXPECT_FALSE(stage1[0].derived);
    EXPECT_TRUE(bars(t, "stage2").empty());
}

TEST_F(TimelineTest, CliPrintsTheCycleAndJson) {
    ASSERT_EQ(cli("timeline set stage1 --planned-start 2026-09-01 --planned-end 2026-09-03").exitCode, 0);
    ASSERT_EQ(cli("timeline set stage2 --planned-start 2026-10-15 --planned-end 2026-10-17").exitCode, 0);
    auto cert =
        cliJson("timeline set certificate --planned-end 2026-11-02 --note 'Decision' --today 2026-06-15 --json");
    EXPECT_EQ(cert.at("step"), "certificate");
    EXPECT_EQ(cert.at("planned_end"), "2026-11-02");
    EXPECT_TRUE(cert.at("planned_start").is_null());
    EXPECT_EQ(cert.at("status"), "planned");
    auto cycle = cliJson(
        "cycles add --framework soc2-2017 --kind soc2-type2-report --title 'SOC 2 Type 2 report' --from 2026-12-01 "
        "--to 2026-12-15 --every-months 12 --json");
    EXPECT_EQ(cycle.at("key"), "SOC2-T2-RPT-2026");
    EXPECT_EQ(cycle.at("recur_months"), 12);
    EXPECT_EQ(cliJson("cycles --json").at("cycles").as_array().size(), 1u);

    auto t = cliJson("timeline --today 2026-06-15 --json");
    EXPECT_EQ(t.at("today"), "2026-06-15");
    EXPECT_EQ(t.at("settings").at("remediation_buffer_days"), 30);
    const auto& steps = t.at("steps").as_array();
    ASSERT_EQ(steps.size(), 11u);
    for (const char* field :
         {"step", "label", "planned_start", "planned_end", "actual_start", "actual_end", "note", "status", "due"}) {
        EXPECT_TRUE(steps[4].as_object().contains(field)) << field;
    }
    EXPECT_EQ(steps[4].at("step"), "stage1");
    EXPECT_EQ(steps[8].at("due"), "2027-11-02");
    const auto& certificate = t.at("certificate");
    EXPECT_EQ(certificate.at("issued"), "2026-11-02");
    EXPECT_EQ(certificate.at("expires"), "2029-11-02");
    EXPECT_EQ(certificate.at("surveillance1_due"), "2027-11-02");
    EXPECT_EQ(certificate.at("surveillance2_due"), "2028-11-02");
    EXPECT_EQ(certificate.at("recertification_due"), "2029-08-02");
    EXPECT_EQ(t.at("cycles").as_array()[0].at("next"), "2026-12-01");
    bool repeat = false;
    for (const auto& b : t.at("bars").as_array()) {
        for (const char* field : {"lane", "key", "label", "start", "end", "actual", "derived"}) {
            EXPECT_TRUE(b.as_object().contains(field)) << field;
        }
        if (b.at("key") == "SOC2-T2-RPT-2026#3") repeat = true;
    }
    EXPECT_TRUE(repeat);
    EXPECT_TRUE(t.at("warnings").as_array().empty()) << json::serialize(t.at("warnings"));

    const auto text = cli("timeline --today 2026-06-15");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    for (const char* expected : {"Gap analysis", "Stage 2 audit", "Certificate: issued 2026-11-02, expires 2029-11-02",
                                 "year 1: due 2027-11-02", "year 2: due 2028-11-02",
                                 "Recertification audit: due 2029-08-02", "SOC2-T2-RPT-2026", "Warnings: none"}) {
        EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
    }

    auto settings = cliJson("timeline settings --buffer-days 60 --json");
    EXPECT_EQ(settings.at("remediation_buffer_days"), 60);
    auto warned = cliJson("timeline --today 2026-06-15 --json");
    ASSERT_EQ(warned.at("warnings").as_array().size(), 1u);
    EXPECT_EQ(warned.at("warnings").as_array()[0].at("kind"), "buffer-too-short");

    // An empty value clears a date.
    auto cleared = cliJson("timeline set certificate --planned-end '' --json");
    EXPECT_TRUE(cleared.at("planned_end").is_null());
}

TEST_F(TimelineTest, CliRefusesBadInputWithExitTwoAndWritesNothing) {
    ASSERT_EQ(cli("timeline set stage1 --planned-start 2026-09-01 --planned-end 2026-09-03").exitCode, 0);
    const std::string before = snapshot();
    const struct {
        const char* args;
        const char* mention;
    } cases[] = {
        {"timeline set stage1 --planned-start 2026-13-01", "--planned-start"},
        {"timeline set stage2 --planned-start 2026-08-01", "stage1"},
        {"timeline set stage1 --planned-end 2026-08-01", "before its planned start"},
        {"timeline set stage9 --planned-start 2026-08-01", "stage9"},
        {"timeline --today 15/06/2026", "--today"},
        {"timeline settings --buffer-days -5", "remediation_buffer_days"},
        {"cycles add --framework sox --kind other --title X --from 2026-01-01 --to 2026-01-02", "sox"},
        {"cycles add --framework soc2-2017 --kind type3 --title X --from 2026-01-01 --to 2026-01-02", "--kind"},
        {"cycles add --framework soc2-2017 --kind other --title X --from 2026-01-01 --to 2025-01-02", "before"},
        {"cycles remove NOPE", "NOPE"},
    };
    for (const auto& c : cases) {
        const auto r = cli(c.args);
        expectOneLineError(r, c.args, c.mention);
    }
    EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace cw::test
