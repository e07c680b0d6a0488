// The demo workspace (host/src/core/demo.cpp): what it holds, and that the findings
// planted in it are exactly what readiness, the timeline and the evidence library report.
#include <crosswalk/core/audit.hpp>
#include <crosswalk/core/demo.hpp>
#include <crosswalk/core/evidence.hpp>
#include <crosswalk/core/organization.hpp>
#include <crosswalk/core/readiness.hpp>
#include <crosswalk/core/risk.hpp>
#include <crosswalk/core/soa.hpp>
#include <crosswalk/core/timeline.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <set>

namespace cw::test {
namespace {

const Date kToday(2026, 6, 15);

std::string joinedSet(const std::set<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

class DemoTest : public WorkbenchTest {
protected:
    void SetUp() override {
        WorkbenchTest::SetUp();
        auto summary = buildDemo(ws(), host(), kToday);
        ASSERT_TRUE(summary) << summary.error().message;
        m_summary = *summary;
    }

    /// "check subject" for the findings of one source.
    static std::set<std::string> keyed(const std::vector<ReadinessFinding>& findings, const std::string& source) {
        std::set<std::string> out;
        for (const auto& f : findings) {
            if (f.source == source) out.insert(f.check + " " + f.subject);
        }
        return out;
    }

    DemoSummary m_summary;
};

TEST_F(DemoTest, HoldsTheDemoOrganization) {
    EXPECT_EQ(m_summary.organization, "Meridian Health Labs, Inc.");
    EXPECT_EQ(m_summary.assets, 9u);
    EXPECT_EQ(m_summary.risks, 8u);
    EXPECT_EQ(m_summary.evidence, 54u);
    EXPECT_EQ(m_summary.soaRows, 93u);
    EXPECT_EQ(m_summary.audits, 1u);
    EXPECT_EQ(m_summary.findings, 4u);
    EXPECT_EQ(m_summary.reviews, 1u);

    auto t = targets(ws());
    ASSERT_TRUE(t) << t.error().message;
    std::vector<std::string> ids;
    for (const auto& target : *t) ids.push_back(target.framework);
    EXPECT_EQ(ids, (std::vector<std::string>{"iso27001-2022", "soc2-2017", "hipaa"}));
    EXPECT_EQ(assets(ws())->size(), 9u);
    EXPECT_EQ(risks(ws())->size(), 8u);
    EXPECT_EQ(evidenceLibrary(ws())->size(), 54u);
    EXPECT_EQ(soa(ws())->size(), 93u);
}

TEST_F(DemoTest, BuildingItTwiceIsRefusedAndChangesNothing) {
    const auto before = evidenceLibrary(ws())->size();
    auto again = buildDemo(ws(), host(), kToday);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::BadInput);
    EXPECT_NE(again.error().message.find("already holds organization 'Meridian Health Labs, Inc.'"), std::string::npos)
        << again.error().message;
    EXPECT_EQ(evidenceLibrary(ws())->size(), before);
}

TEST(DemoWithoutFrameworks, IsRefusedWithWhatItNeeds) {
    ScratchDir dir;
    auto ws = Workspace::open(dir / "empty.db", Workspace::OpenMode::CreateIfMissing);
    ASSERT_TRUE(ws);
    auto demo = buildDemo(*ws, frameworkPlugins(), kToday);
    ASSERT_FALSE(demo);
    EXPECT_EQ(demo.error().kind, ErrorKind::BadInput);
    EXPECT_NE(demo.error().message.find("iso27001-2022"), std::string::npos) << demo.error().message;
    EXPECT_TRUE(organizationProfile(*ws) ? organizationProfile(*ws)->name.empty() : true);
}

TEST_F(DemoTest, IsoProgressCountsWhatTheDemoSetByHand) {
    // 123 assessable ISO requirements, 2 excluded by scoping (A.7.12, A.8.30); implemented:
    // 29 of the 30 clause requirements (6.2 is partial) and 46 Annex A controls.
    auto gaps = gapAnalysis(ws(), kToday, "iso27001-2022");
    ASSERT_TRUE(gaps) << gaps.error().message;
    ASSERT_EQ(gaps->size(), 1u);
    const FrameworkGap& iso = gaps->front();
    EXPECT_EQ(iso.applicable, 121u);
    EXPECT_EQ(iso.notApplicable, 2u);
    EXPECT_EQ(iso.implemented, 75u);
    EXPECT_EQ(iso.planned, 12u);
    EXPECT_EQ(iso.notStarted, 12u);
    EXPECT_EQ(iso.partial, 121u - 75u - 12u - 12u);
}

TEST_F(DemoTest, StageOneFindsExactlyThePlantedGaps) {
    auto findings = stage1Readiness(ws(), &host(), kToday);
    ASSERT_TRUE(findings) << findings.error().message;
    const auto ours = keyed(*findings, "crosswalk");
    EXPECT_EQ(ours, (std::set<std::string>{
                        "stage1.soa-without-justification A.5.6",
                        "stage1.exclusion-without-reason A.7.6",
                        "stage1.treatment-control-not-in-soa A.8.11",
                        "stage1.asset-not-in-risk-assessment AST-08",
                        "stage1.missing-documented-information 6.2: information security objectives",
                    }));
    // The plugins' own checks run too, each under its plugin's name.
    std::set<std::string> sources;
    for (const auto& f : *findings) sources.insert(f.source);
    EXPECT_TRUE(sources.contains("iso27001-2022")) << "plugin readiness missing";
}

TEST_F(DemoTest, StageTwoFindsExactlyThePlantedGaps) {
    auto findings = stage2Readiness(ws(), &host(), kToday);
    ASSERT_TRUE(findings) << findings.error().message;
    std::set<std::string> subjects;
    for (const auto& f : *findings) {
        if (f.source == "crosswalk") subjects.insert(f.subject);
    }
    // A.8.16 (policy only), A.5.24 (its exercise report expired), F-01 (open minor
    // nonconformity), the review without input e).
    EXPECT_TRUE(subjects.contains("A.8.16")) << joinedSet(subjects);
    EXPECT_TRUE(subjects.contains("A.5.24")) << joinedSet(subjects);
    EXPECT_TRUE(subjects.contains("F-01")) << joinedSet(subjects);
    EXPECT_EQ(subjects.size(), 4u) << joinedSet(subjects);
}

TEST_F(DemoTest, TimelineWarnsAboutTheSlippedStepAndEvidenceStaleAtStageTwo) {
    auto t = timeline(ws(), kToday);
    ASSERT_TRUE(t) << t.error().message;
    ASSERT_TRUE(t->certificateIssued.has_value());
    EXPECT_EQ(*t->certificateIssued, kToday.addDays(90));
    EXPECT_EQ(t->surveillance1Due, kToday.addDays(90).addMonths(12));
    EXPECT_EQ(t->surveillance2Due, kToday.addDays(90).addMonths(24));
    EXPECT_EQ(t->certificateExpires, kToday.addDays(90).addMonths(36));
    bool slipped = false;
    bool staleAccessReview = false;
    for (const auto& w : t->warnings) {
        EXPECT_NE(w.kind, WarningKind::BufferTooShort) << w.message;
        EXPECT_NE(w.kind, WarningKind::Overdue) << w.message;
        if (w.kind == WarningKind::Slipped && w.subject == "isms-development") slipped = true;
        if (w.kind == WarningKind::EvidenceStaleAtAudit && w.subject == "EV-102") staleAccessReview = true;
    }
    EXPECT_TRUE(slipped);
    EXPECT_TRUE(staleAccessReview);
    std::set<std::string> lanes;
    for (const auto& bar : t->bars) lanes.insert(bar.lane);
    EXPECT_TRUE(lanes.contains("soc2-2017"));
    EXPECT_TRUE(lanes.contains("hipaa"));
    EXPECT_TRUE(lanes.contains("pci-dss-4.0.1"));
}

TEST_F(DemoTest, SharedEvidenceServesSeveralTargetsAndScopeIsHonoured) {
    auto library = evidenceLibrary(ws());
    ASSERT_TRUE(library) << library.error().message;
    std::size_t shared = 0;
    for (const auto& item : *library) {
        for (const auto& f : item.frameworks) {
            EXPECT_TRUE(f == "iso27001-2022" || f == "soc2-2017" || f == "hipaa") << item.key << " serves " << f;
        }
        if (item.reuse() >= 2) ++shared;
        if (item.key == "EV-118") {
            EXPECT_TRUE(std::find(item.scopedOut.begin(), item.scopedOut.end(), "hipaa") != item.scopedOut.end());
            EXPECT_TRUE(std::find(item.frameworks.begin(), item.frameworks.end(), "hipaa") == item.frameworks.end());
        }
        if (item.key == "EV-108") {
            EXPECT_EQ(item.freshness(kToday), Freshness::Stale);
        } else if (item.key == "EV-104") {
            EXPECT_EQ(item.freshness(kToday), Freshness::SoonStale);
        } else if (item.key == "EV-101") {
            EXPECT_EQ(item.freshness(kToday), Freshness::Current);
        }
    }
    EXPECT_GE(shared, 10u);
}

}  // namespace
}  // namespace cw::test
