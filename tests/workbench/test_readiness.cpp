// Gap analysis, the remediation plan and Stage 1 / Stage 2 readiness: each rule with a case
// that finds it and one that does not, the plugins' own checks, and the CLI.
#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/timeline.hpp>
#include <crosswalk/workbench/readiness.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <list>
#include <sstream>

namespace cw::test {
namespace {

const Date kToday(2026, 6, 15);
constexpr const char* kIso = "iso27001-2022";

class ReadinessTest : public WorkbenchTest {
protected:
    void targetIso(const json::object& exclusions = {}) {
        auto t = setTarget(ws(), host(), kIso, json::object{{"exclusions", exclusions}});
        ASSERT_TRUE(t) << t.error().message;
    }
    void targetSoc2(const std::string& reportType = "type1") {
        auto t = setTarget(ws(), host(), "soc2-2017",
                           json::object{{"categories", json::array{}}, {"report_type", reportType}});
        ASSERT_TRUE(t) << t.error().message;
    }

    void status(const std::string& subject, ImplementationStatus s, const std::string& reason = {}) {
        StatusEntry e;
        e.subject = subject;
        e.status = s;
        e.reason = reason;
        auto r = setImplementationStatus(ws(), e);
        ASSERT_TRUE(r) << subject << ": " << r.error().message;
    }

    void evidence(const std::string& key, const std::string& title, EvidenceKind kind,
                  const std::vector<std::string>& links, Date collected = kToday.addDays(-10), int validDays = 90) {
        EvidenceItem item;
        item.key = key;
        item.title = title;
        item.kind = kind;
        item.location = "https://evidence.example/" + key;
        item.collectedOn = collected;
        item.validUntil = collected.addDays(validDays);
        auto r = addEvidence(ws(), item);
        ASSERT_TRUE(r) << key << ": " << r.error().message;
        for (const auto& link : links) {
            auto l = linkEvidence(ws(), key, link);
            ASSERT_TRUE(l) << key << " → " << link << ": " << l.error().message;
        }
    }

    void draft() {
        auto d = draftSoa(ws());
        ASSERT_TRUE(d) << d.error().message;
    }

    void editRow(const std::string& ref, std::optional<bool> applicable, const std::string& justification) {
        SoaEdit e;
        e.ref = ref;
        e.applicable = applicable;
        e.justification = justification;
        auto r = editSoa(ws(), e);
        ASSERT_TRUE(r) << ref << ": " << r.error().message;
    }

    void asset(const std::string& key, bool inScope = true) {
        Asset a;
        a.key = key;
        a.name = "Asset " + key;
        a.inScope = inScope;
        auto r = setAsset(ws(), a);
        ASSERT_TRUE(r) << r.error().message;
    }

    void risk(const std::string& key, const std::vector<std::string>& assets,
              const std::vector<std::string>& controls) {
        Risk r;
        r.key = key;
        r.title = "Risk " + key;
        r.assets = assets;
        r.owner = "CISO";
        r.likelihood = 3;
        r.impact = 4;
        r.treatment = Treatment::Modify;
        r.controls = controls;
        auto set = setRisk(ws(), r);
        ASSERT_TRUE(set) << set.error().message;
    }

    std::vector<ReadinessFinding> stage1(const PluginHost* plugins = nullptr, Date today = kToday) {
        auto f = stage1Readiness(ws(), plugins, today);
        EXPECT_TRUE(f) << f.error().message;
        return f ? *f : std::vector<ReadinessFinding>{};
    }
    std::vector<ReadinessFinding> stage2(const PluginHost* plugins = nullptr, Date at = kToday) {
        auto f = stage2Readiness(ws(), plugins, at);
        EXPECT_TRUE(f) << f.error().message;
        return f ? *f : std::vector<ReadinessFinding>{};
    }

    static const ReadinessFinding* find(const std::vector<ReadinessFinding>& findings, const std::string& check,
                                        const std::string& subject) {
        const auto it = std::find_if(findings.begin(), findings.end(), [&](const ReadinessFinding& f) {
            return f.check == check && f.subject == subject;
        });
        return it == findings.end() ? nullptr : &*it;
    }
    /// For a temporary (find(stage2(), …)): kept alive until the test ends.
    const ReadinessFinding* find(std::vector<ReadinessFinding>&& findings, const std::string& check,
                                 const std::string& subject) {
        return find(m_kept.emplace_back(std::move(findings)), check, subject);
    }
    std::list<std::vector<ReadinessFinding>> m_kept;
    static std::size_t count(const std::vector<ReadinessFinding>& findings, const std::string& check) {
        return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                      [&](const ReadinessFinding& f) { return f.check == check; }));
    }
};

// ---- gaps ----------------------------------------------------------------------------------

TEST_F(ReadinessTest, GapsCountEachStatusOverTheApplicableRequirements) {
    auto none = gapAnalysis(ws(), kToday);
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_TRUE(none->empty()) << "no targets, no framework named";
    auto nothingToDo = remediationPlan(ws());
    ASSERT_TRUE(nothingToDo) << nothingToDo.error().message;
    EXPECT_TRUE(nothingToDo->empty()) << "no targets: nothing advances one";

    targetIso(json::object{{"A.7.12", "No cabling of our own."}});
    status("CC-A.5.1", ImplementationStatus::Implemented);
    status("CC-A.5.2", ImplementationStatus::Partial);
    status("CC-A.5.3", ImplementationStatus::Planned);
    status("CC-A.5.4", ImplementationStatus::Implemented);
    evidence("EV-001", "Policy acknowledgement records", EvidenceKind::Record, {"CC-A.5.1"}, kToday.addDays(-10), 30);

    auto gaps = gapAnalysis(ws(), kToday);
    ASSERT_TRUE(gaps) << gaps.error().message;
    ASSERT_EQ(gaps->size(), 1u);
    const FrameworkGap& g = gaps->front();
    EXPECT_EQ(g.framework, kIso);
    EXPECT_EQ(g.applicable, 122u);  // 30 clause requirements + 93 Annex A controls, one excluded
    EXPECT_EQ(g.notApplicable, 1u);
    EXPECT_EQ(g.implemented, 2u);
    EXPECT_EQ(g.partial, 1u);
    EXPECT_EQ(g.planned, 1u);
    EXPECT_EQ(g.notStarted, 118u);
    EXPECT_EQ(g.implementedWithEvidence, 1u);  // A.5.1; A.5.4 has none
    EXPECT_EQ(g.open.size(), 120u);
    EXPECT_EQ(g.open.front().ref, "4.1");
    EXPECT_DOUBLE_EQ(g.progress(), 2.0 / 122.0);

    // Three weeks later the record has expired; scoped out of ISO it never counted.
    auto later = gapAnalysis(ws(), kToday.addDays(21), kIso);
    ASSERT_TRUE(later);
    EXPECT_EQ(later->front().implementedWithEvidence, 0u);
    ASSERT_TRUE(setEvidenceScope(ws(), "EV-001", {kIso, false, "other business unit"}));
    EXPECT_EQ(gapAnalysis(ws(), kToday, kIso)->front().implementedWithEvidence, 0u);

    // A framework that is not a target: all of it applies.
    auto pci = gapAnalysis(ws(), kToday, "pci-dss-4.0.1");
    ASSERT_TRUE(pci) << pci.error().message;
    EXPECT_EQ(pci->front().notApplicable, 0u);
    EXPECT_GT(pci->front().applicable, 200u);

    auto unknown = gapAnalysis(ws(), kToday, "no-such-framework");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
}

// ---- remediation ---------------------------------------------------------------------------

class RemediationTest : public ReadinessTest {
protected:
    // Every seeded common control implemented, so only the controls a test adds can be open.
    void implementEverySeededControl() {
        auto all = ws().commonControls();
        ASSERT_TRUE(all) << all.error().message;
        for (const auto& cc : *all) status(cc.key, ImplementationStatus::Implemented);
    }
    void own(const std::string& key, const std::vector<std::string>& requirements) {
        ASSERT_TRUE(ws().addCommonControl(key, "Own control " + key, ""));
        for (const auto& r : requirements) {
            auto l = ws().linkCommonControl(key, r);
            ASSERT_TRUE(l) << r << ": " << l.error().message;
        }
    }
};

TEST_F(RemediationTest, RanksByFrameworksAdvancedThenRequirementsThenKey) {
    targetIso();
    targetSoc2();
    implementEverySeededControl();
    // Open requirements: recorded directly as planned (a direct status wins over carried ones).
    for (const char* ref : {"iso27001-2022:A.5.1", "iso27001-2022:A.5.2", "iso27001-2022:A.5.3", "iso27001-2022:A.5.4",
                            "iso27001-2022:A.5.5", "soc2-2017:CC6.1", "soc2-2017:CC6.2", "soc2-2017:CC6.3",
                            "soc2-2017:CC6.4", "soc2-2017:CC6.5"}) {
        status(ref, ImplementationStatus::Planned);
    }
    own("X-1", {"iso27001-2022:A.5.1", "soc2-2017:CC6.1"});                             // 2 frameworks
    own("X-2", {"iso27001-2022:A.5.2", "iso27001-2022:A.5.3", "iso27001-2022:A.5.4"});  // 1, 3 requirements
    own("X-3", {"soc2-2017:CC6.2", "soc2-2017:CC6.3"});                                 // 1, 2
    own("X-8", {"soc2-2017:CC6.4", "soc2-2017:CC6.5"});                                 // 1, 2: after X-3 by key
    own("X-4", {"iso27001-2022:A.5.5", "iso27001-2022:A.6.1"});  // A.6.1 is implemented: 1 counts
    own("X-0", {"iso27001-2022:A.6.1"});                         // nothing open
    own("X-5", {"iso27001-2022:A.5.5"});
    status("X-5", ImplementationStatus::Implemented);  // done already
    own("X-6", {"iso27001-2022:A.5.5"});
    status("X-6", ImplementationStatus::NotApplicable, "handled by the parent company");
    own("X-7", {"hipaa:164.312(d)"});  // HIPAA is not a target

    auto plan = remediationPlan(ws());
    ASSERT_TRUE(plan) << plan.error().message;
    std::vector<std::string> keys;
    for (const auto& a : *plan) keys.push_back(a.commonControl);
    EXPECT_EQ(keys, (std::vector<std::string>{"X-1", "X-2", "X-3", "X-8", "X-4"}));
    ASSERT_EQ(plan->size(), 5u);
    const RemediationAction& first = plan->front();
    EXPECT_EQ(first.frameworks, (std::vector<std::string>{kIso, "soc2-2017"}));
    EXPECT_EQ(first.requirements, 2u);
    EXPECT_EQ(first.wouldImplement, 2u);  // manual links are full links
    EXPECT_EQ(first.status, ImplementationStatus::NotStarted);
    EXPECT_EQ(first.title, "Own control X-1");
    EXPECT_EQ((*plan)[4].requirements, 1u);
}

TEST_F(RemediationTest, OnlyFullLinksCountAsWouldImplement) {
    targetIso();
    targetSoc2();
    implementEverySeededControl();
    status("CC-A.5.15", ImplementationStatus::Planned);
    auto detail = ws().commonControl("CC-A.5.15");
    ASSERT_TRUE(detail);
    // Its partial links (intersects-with, superset-of) to SOC 2 stay open at best partial.
    std::size_t partialLinks = 0;
    for (const auto& link : detail->second) {
        if (link.framework == "soc2-2017" && link.relationship &&
            (*link.relationship == Relationship::IntersectsWith || *link.relationship == Relationship::SupersetOf)) {
            ++partialLinks;
        }
    }
    ASSERT_GT(partialLinks, 0u) << "the shipped pack links A.5.15 to SOC 2 loosely";

    auto plan = remediationPlan(ws());
    ASSERT_TRUE(plan) << plan.error().message;
    const auto action = std::find_if(plan->begin(), plan->end(),
                                     [](const RemediationAction& a) { return a.commonControl == "CC-A.5.15"; });
    ASSERT_NE(action, plan->end());
    EXPECT_EQ(action->status, ImplementationStatus::Planned);
    EXPECT_GE(action->wouldImplement, 1u);  // its own Annex A control, through the hub link
    EXPECT_LT(action->wouldImplement, action->requirements);
    EXPECT_NE(std::find(action->frameworks.begin(), action->frameworks.end(), "soc2-2017"), action->frameworks.end());
    // Nothing else is open: every other common control is implemented.
    EXPECT_EQ(plan->size(), 1u);
}

// ---- Stage 1 -------------------------------------------------------------------------------

TEST_F(ReadinessTest, StageOneWithoutAnSoaSaysSoOnce) {
    const auto before = stage1();
    ASSERT_NE(find(before, "stage1.no-soa", "SoA"), nullptr);
    EXPECT_EQ(before.front().severity, Severity::Blocker) << "sorted by severity";
    EXPECT_EQ(count(before, "stage1.soa-undecided"), 0u);
    draft();
    EXPECT_EQ(count(stage1(), "stage1.no-soa"), 0u);
}

TEST_F(ReadinessTest, StageOneFlagsUndecidedUnjustifiedAndUnexplainedRows) {
    draft();
    editRow("A.5.1", true, "Policies are the base of the ISMS.");
    editRow("A.5.2", true, "");
    editRow("A.5.3", false, "");
    editRow("A.5.4", false, "No management layer of our own.");
    const auto findings = stage1();
    EXPECT_EQ(find(findings, "stage1.soa-undecided", "A.5.1"), nullptr);
    ASSERT_NE(find(findings, "stage1.soa-undecided", "A.5.5"), nullptr);
    EXPECT_EQ(find(findings, "stage1.soa-undecided", "A.5.5")->severity, Severity::Major);
    EXPECT_EQ(count(findings, "stage1.soa-undecided"), 89u);

    EXPECT_EQ(find(findings, "stage1.soa-without-justification", "A.5.1"), nullptr);
    const auto* unjustified = find(findings, "stage1.soa-without-justification", "A.5.2");
    ASSERT_NE(unjustified, nullptr);
    EXPECT_EQ(unjustified->source, "crosswalk");
    EXPECT_EQ(count(findings, "stage1.soa-without-justification"), 1u);

    EXPECT_EQ(find(findings, "stage1.exclusion-without-reason", "A.5.4"), nullptr);
    ASSERT_NE(find(findings, "stage1.exclusion-without-reason", "A.5.3"), nullptr);
    EXPECT_EQ(count(findings, "stage1.exclusion-without-reason"), 1u);
    EXPECT_EQ(find(findings, "stage1.soa-without-justification", "A.5.3"), nullptr) << "one finding per row";
}

TEST_F(ReadinessTest, StageOneFindsInScopeAssetsNoRiskNames) {
    asset("AST-01");
    asset("AST-02");
    asset("AST-03", false);  // out of scope: not expected in the risk assessment
    risk("R-01", {"AST-01"}, {"A.8.24"});
    draft();
    const auto findings = stage1();
    EXPECT_EQ(find(findings, "stage1.asset-not-in-risk-assessment", "AST-01"), nullptr);
    ASSERT_NE(find(findings, "stage1.asset-not-in-risk-assessment", "AST-02"), nullptr);
    EXPECT_EQ(find(findings, "stage1.asset-not-in-risk-assessment", "AST-03"), nullptr);
    EXPECT_EQ(count(findings, "stage1.asset-not-in-risk-assessment"), 1u);
}

TEST_F(ReadinessTest, StageOneFindsTreatmentControlsTheSoaExcludes) {
    asset("AST-01");
    risk("R-01", {"AST-01"}, {"A.8.24", "A.8.11"});
    risk("R-02", {"AST-01"}, {"A.8.11"});
    draft();  // both chosen controls drafted as applicable
    EXPECT_EQ(count(stage1(), "stage1.treatment-control-not-in-soa"), 0u);

    editRow("A.8.11", false, "Test data is synthetic.");
    const auto findings = stage1();
    const auto* excluded = find(findings, "stage1.treatment-control-not-in-soa", "A.8.11");
    ASSERT_NE(excluded, nullptr);
    EXPECT_NE(excluded->message.find("R-01, R-02"), std::string::npos) << excluded->message;
    EXPECT_NE(excluded->message.find("excluded"), std::string::npos) << excluded->message;
    EXPECT_EQ(find(findings, "stage1.treatment-control-not-in-soa", "A.8.24"), nullptr);
    EXPECT_EQ(count(findings, "stage1.treatment-control-not-in-soa"), 1u);
}

TEST_F(ReadinessTest, StageOneChecksEachItemOfMandatoryDocumentedInformation) {
    draft();
    const auto none = stage1();
    // Every item of clauses 4-10 is missing in a fresh workspace.
    EXPECT_EQ(count(none, "stage1.missing-documented-information"), 16u);
    ASSERT_NE(find(none, "stage1.missing-documented-information", "6.2: information security objectives"), nullptr);
    ASSERT_NE(find(none, "stage1.missing-documented-information", "6.1.3: Statement of Applicability"), nullptr);

    evidence("EV-001", "Information Security Objectives 2026", EvidenceKind::Policy, {"iso27001-2022:6.2"});
    // Two items under 6.1.3: each needs a document naming it (the alias "SoA" counts).
    evidence("EV-002", "Risk treatment process", EvidenceKind::Procedure, {"iso27001-2022:6.1.3"});
    // A log is not documented information, even when its title says so.
    evidence("EV-003", "ISMS scope statement", EvidenceKind::Log, {"iso27001-2022:4.3"});
    // Expired: does not count, and the finding says so.
    evidence("EV-004", "Information security policy", EvidenceKind::Policy, {"iso27001-2022:5.2"}, kToday.addDays(-400),
             365);
    auto findings = stage1();
    EXPECT_EQ(find(findings, "stage1.missing-documented-information", "6.2: information security objectives"), nullptr);
    EXPECT_EQ(find(findings, "stage1.missing-documented-information", "6.1.3: risk treatment process"), nullptr);
    ASSERT_NE(find(findings, "stage1.missing-documented-information", "6.1.3: Statement of Applicability"), nullptr);
    ASSERT_NE(find(findings, "stage1.missing-documented-information", "4.3: ISMS scope"), nullptr);
    const auto* expired = find(findings, "stage1.missing-documented-information", "5.2: information security policy");
    ASSERT_NE(expired, nullptr);
    EXPECT_NE(expired->message.find("EV-004 expired"), std::string::npos) << expired->message;

    evidence("EV-005", "SoA export, approved", EvidenceKind::Record, {"CC-6.1.3"});  // through the common control
    findings = stage1();
    EXPECT_EQ(find(findings, "stage1.missing-documented-information", "6.1.3: Statement of Applicability"), nullptr);
    EXPECT_EQ(count(findings, "stage1.missing-documented-information"), 13u);
}

TEST_F(ReadinessTest, StageOneRunsThePluginsChecksUnderTheirIds) {
    targetIso();
    auto hipaa = setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "business-associate"}});
    ASSERT_TRUE(hipaa) << hipaa.error().message;
    draft();
    editRow("A.5.3", false, "");

    auto withPlugins = stage1(&host());
    ASSERT_NE(find(withPlugins, "hipaa.risk-analysis-missing", "164.308(a)(1)(ii)(A)"), nullptr);
    EXPECT_EQ(find(withPlugins, "hipaa.risk-analysis-missing", "164.308(a)(1)(ii)(A)")->source, "hipaa");
    const auto* exclusion = find(withPlugins, "iso27001-2022.exclusion-without-justification", "A.5.3");
    ASSERT_NE(exclusion, nullptr) << "the SoA's exclusion reaches the iso27001 plugin";
    EXPECT_EQ(exclusion->source, "iso27001-2022");
    EXPECT_EQ(find(withPlugins, "iso27001-2022.exclusion-without-justification", "A.5.4"), nullptr);
    for (std::size_t i = 1; i < withPlugins.size(); ++i) {
        EXPECT_LE(withPlugins[i - 1].severity, withPlugins[i].severity) << "sorted by severity";
    }

    status("hipaa:164.308(a)(1)(ii)(A)", ImplementationStatus::Implemented);
    EXPECT_EQ(find(stage1(&host()), "hipaa.risk-analysis-missing", "164.308(a)(1)(ii)(A)"), nullptr);

    // Without a plugin host only Crosswalk's own checks run.
    for (const auto& f : stage1(nullptr)) EXPECT_EQ(f.source, "crosswalk") << f.check;
}

TEST_F(ReadinessTest, TheSoc2PluginSeesTheObservationPeriod) {
    targetSoc2("type2");
    const auto tooShort = [&] { return count(stage2(&host()), "soc2-2017.observation-period-too-short"); };
    EXPECT_EQ(tooShort(), 0u) << "no observation period recorded";
    Cycle cycle;
    cycle.key = "SOC2-OBS";
    cycle.framework = "soc2-2017";
    cycle.kind = CycleKind::Soc2Type2Observation;
    cycle.title = "Type 2 observation";
    cycle.startsOn = kToday.addDays(-30);
    cycle.endsOn = kToday.addDays(30);
    auto c = setCycle(ws(), cycle);
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(tooShort(), 1u);
    cycle.endsOn = kToday.addDays(300);
    ASSERT_TRUE(setCycle(ws(), cycle));
    EXPECT_EQ(tooShort(), 0u);
}

// ---- Stage 2 -------------------------------------------------------------------------------

TEST_F(ReadinessTest, StageTwoNeedsCurrentOperationalEvidenceInScope) {
    draft();
    SoaEdit e;
    e.ref = "A.8.16";
    e.applicable = true;
    e.justification = "Monitoring is essential.";
    e.status = ImplementationStatus::Implemented;
    ASSERT_TRUE(editSoa(ws(), e));
    editRow("A.8.15", true, "Logging is essential.");  // applicable, not implemented: not judged
    const std::string check = "stage2.implemented-without-operational-evidence";

    auto findings = stage2();
    ASSERT_NE(find(findings, check, "A.8.16"), nullptr);
    EXPECT_EQ(find(findings, check, "A.8.16")->severity, Severity::Blocker);
    EXPECT_EQ(find(findings, check, "A.8.15"), nullptr);
    EXPECT_EQ(count(findings, check), 1u);

    evidence("EV-001", "Monitoring policy", EvidenceKind::Policy, {"CC-A.8.16"});
    const auto* policyOnly = find(stage2(), check, "A.8.16");
    ASSERT_NE(policyOnly, nullptr);
    EXPECT_NE(policyOnly->message.find("documentation only: EV-001 (policy)"), std::string::npos)
        << policyOnly->message;

    evidence("EV-002", "Alert triage log", EvidenceKind::Log, {"CC-A.8.16"}, kToday.addDays(-20), 60);
    EXPECT_EQ(find(stage2(), check, "A.8.16"), nullptr);
    // At a Stage 2 date after it expires, the log no longer counts.
    const auto* stale = find(stage2(nullptr, kToday.addDays(60)), check, "A.8.16");
    ASSERT_NE(stale, nullptr);
    EXPECT_NE(stale->message.find("stale: EV-002 expired " + kToday.addDays(40).str()), std::string::npos)
        << stale->message;
    // Scoped out of ISO, it does not count either.
    ASSERT_TRUE(setEvidenceScope(ws(), "EV-002", {kIso, false, "lab environment"}));
    const auto* scoped = find(stage2(), check, "A.8.16");
    ASSERT_NE(scoped, nullptr);
    EXPECT_NE(scoped->message.find("scoped out of iso27001-2022: EV-002"), std::string::npos) << scoped->message;
}

TEST_F(ReadinessTest, StageTwoNeedsAnInternalAuditWithinTwelveMonths) {
    draft();
    const auto* none = find(stage2(), "stage2.no-internal-audit", "9.2");
    ASSERT_NE(none, nullptr);
    EXPECT_EQ(none->severity, Severity::Blocker);

    Audit old;
    old.key = "IA-OLD";
    old.kind = AuditKind::Internal;
    old.title = "Last year's internal audit";
    old.plannedOn = kToday.addMonths(-13);
    old.completedOn = kToday.addMonths(-13).addDays(2);
    old.status = AuditStatus::Completed;
    ASSERT_TRUE(setAudit(ws(), old));
    const auto* stillNone = find(stage2(), "stage2.no-internal-audit", "9.2");
    ASSERT_NE(stillNone, nullptr);
    EXPECT_NE(stillNone->message.find(old.completedOn->str()), std::string::npos) << stillNone->message;

    Audit planned = old;
    planned.key = "IA-NEW";
    planned.plannedOn = kToday.addDays(-40);
    planned.completedOn.reset();
    planned.status = AuditStatus::Planned;
    ASSERT_TRUE(setAudit(ws(), planned));
    EXPECT_NE(find(stage2(), "stage2.no-internal-audit", "9.2"), nullptr) << "planned is not done";

    planned.completedOn = kToday.addDays(-38);
    planned.status = AuditStatus::Completed;
    ASSERT_TRUE(setAudit(ws(), planned));
    EXPECT_EQ(find(stage2(), "stage2.no-internal-audit", "9.2"), nullptr);
}

TEST_F(ReadinessTest, StageTwoReportsOpenNonconformities) {
    draft();
    Audit audit;
    audit.key = "IA-1";
    audit.kind = AuditKind::Internal;
    audit.title = "Internal audit";
    audit.plannedOn = kToday.addDays(-40);
    audit.completedOn = kToday.addDays(-38);
    audit.status = AuditStatus::Completed;
    ASSERT_TRUE(setAudit(ws(), audit));
    const auto raise = [&](const std::string& key, FindingType type, bool open) {
        AuditFinding f;
        f.key = key;
        f.audit = "IA-1";
        f.type = type;
        f.description = "Finding " + key;
        f.raisedOn = kToday.addDays(-39);
        f.open = open;
        if (!open) f.closedOn = kToday.addDays(-10);
        auto r = setAuditFinding(ws(), f);
        ASSERT_TRUE(r) << r.error().message;
    };
    raise("F-01", FindingType::MajorNonconformity, true);
    raise("F-02", FindingType::MinorNonconformity, true);
    raise("F-03", FindingType::MajorNonconformity, false);
    raise("F-04", FindingType::Observation, true);
    CorrectiveAction action;
    action.key = "CA-01";
    action.finding = "F-02";
    action.description = "Fix it";
    action.owner = "CTO";
    action.due = kToday.addDays(20);
    action.status = ActionStatus::InProgress;
    ASSERT_TRUE(setCorrectiveAction(ws(), action));

    const auto findings = stage2();
    const auto* major = find(findings, "stage2.open-major-nonconformity", "F-01");
    ASSERT_NE(major, nullptr);
    EXPECT_EQ(major->severity, Severity::Blocker);
    EXPECT_NE(major->message.find("no corrective action recorded"), std::string::npos) << major->message;
    const auto* minor = find(findings, "stage2.open-minor-nonconformity", "F-02");
    ASSERT_NE(minor, nullptr);
    EXPECT_EQ(minor->severity, Severity::Major);
    EXPECT_NE(minor->message.find("CA-01 in-progress, due " + kToday.addDays(20).str()), std::string::npos)
        << minor->message;
    EXPECT_EQ(count(findings, "stage2.open-major-nonconformity"), 1u);  // F-03 is closed
    EXPECT_EQ(count(findings, "stage2.open-minor-nonconformity"), 1u);  // F-04 is an observation
}

TEST_F(ReadinessTest, StageTwoNeedsACompleteManagementReviewAndTheReadinessDecision) {
    draft();
    const auto* none = find(stage2(), "stage2.no-management-review", "9.3");
    ASSERT_NE(none, nullptr);
    EXPECT_EQ(none->severity, Severity::Blocker);

    ManagementReview review;
    review.key = "MR-1";
    review.heldOn = kToday.addDays(-20);
    review.chair = "CEO";
    for (const ReviewInput input : kReviewInputs) {
        if (input != ReviewInput::InterestedPartiesFeedback) review.inputs.push_back({input, "Discussed."});
    }
    review.decisions = {{DecisionKind::Resources, "Hire an engineer.", "CEO", std::nullopt}};
    ASSERT_TRUE(setManagementReview(ws(), review));
    auto findings = stage2();
    EXPECT_EQ(find(findings, "stage2.no-management-review", "9.3"), nullptr);
    EXPECT_EQ(count(findings, "stage2.review-input-missing"), 1u);
    const auto* input = find(findings, "stage2.review-input-missing", "MR-1");
    ASSERT_NE(input, nullptr);
    EXPECT_NE(input->message.find("9.3.2 e) "), std::string::npos) << input->message;
    const auto* outputs = find(findings, "stage2.review-outputs-missing", "MR-1");
    ASSERT_NE(outputs, nullptr);
    EXPECT_NE(outputs->message.find("continual improvement nor on changes to the ISMS"), std::string::npos)
        << outputs->message;
    ASSERT_NE(find(findings, "stage2.no-readiness-decision", "MR-1"), nullptr);

    review.inputs.push_back({ReviewInput::InterestedPartiesFeedback, "Customer survey."});
    review.decisions = {{DecisionKind::Improvement, "Automate metrics.", "CISO", std::nullopt},
                        {DecisionKind::IsmsChange, "Add the new office.", "CISO", std::nullopt},
                        {DecisionKind::Readiness, "Ready for Stage 2.", "CEO", std::nullopt}};
    review.readyForCertification = true;
    ASSERT_TRUE(setManagementReview(ws(), review));
    findings = stage2();
    for (const char* check : {"stage2.no-management-review", "stage2.review-input-missing",
                              "stage2.review-outputs-missing", "stage2.no-readiness-decision"}) {
        EXPECT_EQ(count(findings, check), 0u) << check;
    }
    // Judged at a Stage 2 date more than 12 months later, the review is too old.
    EXPECT_NE(find(stage2(nullptr, kToday.addMonths(13)), "stage2.no-management-review", "9.3"), nullptr);
}

TEST_F(ReadinessTest, StageTwoWithoutAnSoaAndWithPlugins) {
    EXPECT_NE(find(stage2(), "stage2.no-soa", "SoA"), nullptr);
    targetIso();
    draft();
    const auto findings = stage2(&host());
    EXPECT_EQ(count(findings, "stage2.no-soa"), 0u);
    EXPECT_GT(count(findings, "iso27001-2022.annex-a-undecided"), 0u) << "undecided rows reach the plugin as such";
}

// ---- CLI -----------------------------------------------------------------------------------

TEST_F(ReadinessTest, CliGapsRemediationAndReadiness) {
    targetIso();
    targetSoc2();
    status("CC-A.5.1", ImplementationStatus::Implemented);
    draft();

    const json::value gaps = cliJson("gaps --json --today 2026-06-15");
    EXPECT_EQ(gaps.at("today").as_string(), "2026-06-15");
    const auto& list = gaps.at("frameworks").as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("framework").as_string(), kIso);
    for (const char* field : {"applicable", "not_applicable", "implemented", "partial", "planned", "not_started",
                              "implemented_with_evidence", "progress", "open"}) {
        EXPECT_TRUE(list[0].as_object().contains(field)) << field;
    }
    EXPECT_EQ(list[0].at("implemented").to_number<int>(), 1);
    // An open requirement reads as in `status show`: same fields, same values.
    const auto& open = list[0].at("open").as_array();
    ASSERT_FALSE(open.empty());
    const auto shown = cliJson("status show iso27001-2022 --json").at("requirements").as_array();
    const auto same = std::find_if(shown.begin(), shown.end(),
                                   [&](const json::value& r) { return r.at("ref") == open[0].at("ref"); });
    ASSERT_NE(same, shown.end());
    EXPECT_EQ(*same, open[0]);
    const RunResult text = cli("gaps");
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("[----------] 0%"), std::string::npos) << text.out;
    const RunResult one = cli("gaps iso27001-2022");
    EXPECT_NE(one.out.find("Open (122):"), std::string::npos) << one.out;
    const RunResult badDate = cli("gaps --today 2026-02-30");
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_NE(badDate.err.find("--today"), std::string::npos) << badDate.err;

    const json::value plan = cliJson("remediation --json --limit 3");
    EXPECT_EQ(plan.at("actions").as_array().size(), 3u);
    EXPECT_GT(plan.at("total").to_number<int>(), 3);
    const auto& top = plan.at("actions").as_array()[0].as_object();
    for (const char* field : {"rank", "common_control", "title", "status", "owner", "due", "frameworks", "requirements",
                              "would_implement"}) {
        EXPECT_TRUE(top.contains(field)) << field;
    }
    EXPECT_EQ(top.at("frameworks").as_array().size(), 2u);

    const json::value s1 = cliJson("readiness --stage 1 --json --at 2026-06-15");
    EXPECT_EQ(s1.at("stage").to_number<int>(), 1);
    EXPECT_EQ(s1.at("today"), "2026-06-15");
    EXPECT_GT(s1.at("summary").at("major").to_number<int>(), 0);
    bool pluginFinding = false;
    for (const auto& f : s1.at("findings").as_array()) {
        for (const char* field : {"check", "severity", "subject", "message", "source"}) {
            EXPECT_TRUE(f.as_object().contains(field)) << field;
        }
        pluginFinding = pluginFinding || f.at("source").as_string() == "soc2-2017";
    }
    EXPECT_TRUE(pluginFinding) << "the soc2 plugin's checks run from the CLI too";

    const RunResult s2 = cli("readiness --stage 2 --at 2026-06-15");
    EXPECT_EQ(s2.exitCode, 0) << s2.err;
    // One line per finding: SEVERITY CHECK SUBJECT MESSAGE.
    std::istringstream lines(s2.out);
    std::string line;
    bool auditLine = false;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string severity, check, subject;
        fields >> severity >> check >> subject;
        auditLine = auditLine || (severity == "BLOCKER" && check == "stage2.no-internal-audit" && subject == "9.2");
    }
    EXPECT_TRUE(auditLine) << s2.out;
    EXPECT_NE(s2.out.find("Summary: "), std::string::npos);
    const RunResult badStage = cli("readiness --stage 3");
    EXPECT_EQ(badStage.exitCode, 2);
    EXPECT_TRUE(badStage.err.starts_with("crosswalk: --stage: 3 not in {1,2}")) << badStage.err;
    const RunResult badLimit = cli("remediation --limit -1");
    EXPECT_EQ(badLimit.exitCode, 2);
    EXPECT_EQ(badLimit.err, "crosswalk: --limit: must be 0 (all) or more, not -1\n");
}

}  // namespace
}  // namespace cw::test
