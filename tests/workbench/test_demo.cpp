// The demo workspace (host/workbench/src/demo.cpp, data in host/workbench/data/demo.json): what it holds, and that the
// findings planted in it are exactly what readiness, the timeline and the evidence library report.
#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/timeline.hpp>
#include <crosswalk/workbench/demo.hpp>
#include <crosswalk/workbench/readiness.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <memory>
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
    auto profile = organizationProfile(*ws);  // nothing was written
    ASSERT_TRUE(profile) << profile.error().message;
    EXPECT_TRUE(profile->name.empty());
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

// What the demo promises, through the real binary: `crosswalk demo`, then readiness at both
// stages, the SoA as XLSX (read back by openpyxl), shared evidence and the timeline.
class DemoCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<ScratchDir>();
        s_demo = std::make_unique<RunResult>(crosswalk("demo --today " + kToday.str()));
    }
    static void TearDownTestSuite() {
        s_demo.reset();
        s_dir.reset();
    }
    void SetUp() override { ASSERT_EQ(s_demo->exitCode, 0) << s_demo->err; }

    static RunResult crosswalk(const std::string& args) {
        return run(cliPrefix(s_dir->path() / "demo.db") + " " + args);
    }
    static json::value parse(const std::string& args) {
        const RunResult r = crosswalk(args);
        EXPECT_EQ(r.exitCode, 0) << args << ": " << r.err;
        boost::system::error_code ec;
        json::value v = json::parse(r.out, ec);
        EXPECT_FALSE(ec) << args << " printed no JSON: " << r.out.substr(0, 300);
        return v;
    }
    static std::set<std::string> crosswalkFindings(const json::value& readiness) {
        std::set<std::string> out;
        for (const auto& f : readiness.at("findings").as_array()) {
            const auto& o = f.as_object();
            if (o.at("source").as_string() == "crosswalk") {
                out.insert(std::string(o.at("check").as_string()) + " " + std::string(o.at("subject").as_string()));
            }
        }
        return out;
    }

    static inline std::unique_ptr<ScratchDir> s_dir;
    static inline std::unique_ptr<RunResult> s_demo;
};

TEST_F(DemoCli, SaysWhatItBuiltAndWhatToTryNext) {
    EXPECT_NE(s_demo->out.find("Meridian Health Labs, Inc."), std::string::npos) << s_demo->out;
    EXPECT_NE(s_demo->out.find("readiness --stage 1"), std::string::npos) << s_demo->out;
    // A second demo in the same file is refused, one line, exit 2.
    const RunResult again = crosswalk("demo");
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_NE(again.err.find("already holds organization"), std::string::npos) << again.err;
    EXPECT_EQ(std::count(again.err.begin(), again.err.end(), '\n'), 1) << again.err;
}

TEST_F(DemoCli, ReadinessAtBothStagesPrintsThePlantedFindings) {
    const json::value one = parse("readiness --stage 1 --json --at " + kToday.str());
    EXPECT_EQ(crosswalkFindings(one), (std::set<std::string>{
                                          "stage1.soa-without-justification A.5.6",
                                          "stage1.exclusion-without-reason A.7.6",
                                          "stage1.treatment-control-not-in-soa A.8.11",
                                          "stage1.asset-not-in-risk-assessment AST-08",
                                          "stage1.missing-documented-information 6.2: information security objectives",
                                      }));
    const json::value two = parse("readiness --stage 2 --json --at " + kToday.str());
    const auto stage2 = crosswalkFindings(two);
    EXPECT_EQ(stage2.size(), 4u) << joinedSet(stage2);
    EXPECT_TRUE(stage2.contains("stage2.open-minor-nonconformity F-01")) << joinedSet(stage2);

    // The text form: one line per finding and the summary.
    const RunResult text = crosswalk("readiness --stage 1 --at " + kToday.str());
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("stage1.asset-not-in-risk-assessment"), std::string::npos);
    EXPECT_NE(text.out.find("Summary:"), std::string::npos);
}

TEST_F(DemoCli, SoaExportsAsXlsxWith93Rows) {
    const fs::path xlsx = s_dir->path() / "soa.xlsx";
    const RunResult r = crosswalk("soa --format xlsx -o " + shellQuote(xlsx.string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const std::string script =
        "import sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
        "rows = [r for r in ws.iter_rows(values_only=True)]\n"
        "h = next(i for i, r in enumerate(rows) if r[0] == 'Control')\n"
        "data = [r for r in rows[h + 1:] if r[0]]\n"
        "print(len(data), data[0][0], data[-1][0], sum(1 for r in data if r[3] == 'No'))\n";
    const RunResult read = run(python + " -c " + shellQuote(script) + " " + shellQuote(xlsx.string()));
    ASSERT_EQ(read.exitCode, 0) << read.err;
    // 93 rows from A.5.1 to A.8.34; excluded: A.7.12, A.8.30 (scoping), A.7.6, A.8.11 (edited).
    EXPECT_EQ(read.out, "93 A.5.1 A.8.34 4\n");
}

TEST_F(DemoCli, SharedEvidenceListsItemsServingTwoOrMoreFrameworks) {
    const json::value v = parse("evidence --shared --json --at " + kToday.str());
    const auto& items = v.at("evidence").as_array();
    EXPECT_GE(items.size(), 10u);
    for (const auto& item : items) {
        EXPECT_GE(item.at("frameworks").as_array().size(), 2u) << json::serialize(item);
        EXPECT_EQ(item.at("reuse").as_int64(), static_cast<std::int64_t>(item.at("frameworks").as_array().size()));
    }
    const RunResult text = crosswalk("evidence --shared --at " + kToday.str());
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("EV-115"), std::string::npos) << text.out;
}

TEST_F(DemoCli, TimelinePrintsTheCycleWithSurveillanceDates) {
    const json::value v = parse("timeline --json --today " + kToday.str());
    const auto& cert = v.at("certificate").as_object();
    EXPECT_EQ(cert.at("issued").as_string(), kToday.addDays(90).str());
    EXPECT_EQ(cert.at("surveillance1_due").as_string(), kToday.addDays(90).addMonths(12).str());
    EXPECT_EQ(cert.at("surveillance2_due").as_string(), kToday.addDays(90).addMonths(24).str());
    EXPECT_EQ(cert.at("expires").as_string(), kToday.addDays(90).addMonths(36).str());
    EXPECT_EQ(v.at("steps").as_array().size(), 11u);
    const RunResult text = crosswalk("timeline --today " + kToday.str());
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("Surveillance audit 1"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find(kToday.addDays(90).addMonths(12).str()), std::string::npos) << text.out;
}

}  // namespace
}  // namespace cw::test
