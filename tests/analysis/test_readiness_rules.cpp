// The gap, remediation and Stage 1 / Stage 2 readiness rules on hand-made inputs (DESIGN.md §5).
// Each check gets a case that finds it and a near miss that does not. No SQLite, no plugins.
#include <crosswalk/analysis/readiness_rules.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace cw {
namespace {

namespace json = boost::json;

const Date kToday(2026, 6, 15);

ControlRow control(std::string ref, std::string title, bool assessable = true) {
    ControlRow c;
    c.framework = std::string(kHubFramework);
    c.ref = std::move(ref);
    c.title = std::move(title);
    c.assessable = assessable;
    return c;
}

ControlRow clause(std::string ref, std::string title, const std::vector<std::string>& documents) {
    ControlRow c = control(std::move(ref), std::move(title));
    json::array listed;
    for (const auto& d : documents) listed.emplace_back(d);
    c.attributes["documented_information"] = std::move(listed);
    return c;
}

SoaRow row(std::string ref, std::string title, std::optional<bool> applicable, std::string justification) {
    SoaRow r;
    r.ref = std::move(ref);
    r.title = std::move(title);
    r.applicable = applicable;
    r.justification = std::move(justification);
    return r;
}

EvidenceItem item(std::string key, std::string title, EvidenceKind kind, std::optional<Date> validUntil) {
    EvidenceItem e;
    e.key = std::move(key);
    e.title = std::move(title);
    e.kind = kind;
    e.validUntil = validUntil;
    return e;
}

RequirementEvidence reach(std::string ref, std::string evidence, bool inScope = true, std::string via = "direct") {
    return {std::move(ref), std::move(evidence), inScope, std::move(via)};
}

// Copies, so that a check on the findings of a call is safe to keep.
std::vector<ReadinessFinding> with(const std::vector<ReadinessFinding>& findings, const std::string& check) {
    std::vector<ReadinessFinding> out;
    for (const auto& f : findings) {
        if (f.check == check) out.push_back(f);
    }
    return out;
}

std::vector<std::string> checks(const std::vector<ReadinessFinding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.check);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Stage 1
// ---------------------------------------------------------------------------------------------

// Every Annex A control decided and justified, every in-scope asset assessed, every treatment
// control applicable, every mandatory document present: no finding.
ReadinessInput cleanStage1() {
    ReadinessInput in;
    in.isoControls = {
        control("6", "Planning", false),
        clause("6.2", "Information security objectives", {"information security objectives"}),
        clause("9.2", "Internal audit", {"audit programme", "audit results"}),
        control("A.5", "Organizational controls", false),
        control("A.5.1", "Policies for information security"),
        control("A.5.15", "Access control"),
    };
    in.soa = {row("A.5.1", "Policies for information security", true, "policy set approved by the board"),
              row("A.5.15", "Access control", true, "R-01")};
    in.assets = {{"AST-01", "Customer database", "information", Classification::Confidential, "cto", true, ""},
                 {"AST-02", "Office printer", "hardware", Classification::Internal, "it", false, ""}};
    Risk r;
    r.key = "R-01";
    r.assets = {"AST-01"};
    r.controls = {"A.5.15"};
    in.risks = {r};
    in.evidence = {item("EV-1", "Objectives 2026", EvidenceKind::Policy, Date(2027, 1, 1)),
                   item("EV-2", "Audit programme 2026", EvidenceKind::Procedure, Date(2027, 1, 1)),
                   item("EV-3", "Internal audit results Q1", EvidenceKind::Report, Date(2027, 1, 1))};
    in.isoReach = {reach("6.2", "EV-1"), reach("9.2", "EV-2"), reach("9.2", "EV-3", true, "CC-9.2")};
    return in;
}

TEST(Stage1, CleanInputFindsNothing) {
    EXPECT_EQ(checks(stage1Findings(cleanStage1(), kToday)), std::vector<std::string>{});
}

TEST(Stage1, NoSoaIsABlockerAndSkipsTheRowChecks) {
    ReadinessInput in = cleanStage1();
    in.soa.clear();
    in.risks.front().controls = {"A.9.9"};
    const auto found = stage1Findings(in, kToday);
    ASSERT_EQ(checks(found), std::vector<std::string>{"stage1.no-soa"});
    EXPECT_EQ(found[0].severity, Severity::Blocker);
    EXPECT_EQ(found[0].subject, "SoA");
    EXPECT_EQ(found[0].source, "crosswalk");

    in.soa = {row("A.5.1", "Policies for information security", true, "approved")};
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.no-soa").empty());
}

TEST(Stage1, UndecidedOrMissingRowIsReported) {
    ReadinessInput in = cleanStage1();
    in.soa[0].applicable = std::nullopt;
    auto found = with(stage1Findings(in, kToday), "stage1.soa-undecided");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "A.5.1");
    EXPECT_EQ(found[0].severity, Severity::Major);
    EXPECT_EQ(found[0].message,
              "A.5.1 Policies for information security: the Statement of Applicability does not say whether it "
              "applies; decide it, with a justification");

    in.soa.erase(in.soa.begin());
    found = with(stage1Findings(in, kToday), "stage1.soa-undecided");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "A.5.1");
}

TEST(Stage1, DecidedRowIsNotUndecided) {
    ReadinessInput in = cleanStage1();
    in.soa[0].applicable = false;
    in.soa[0].justification = "no policies of our own: the group's apply";
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.soa-undecided").empty());
}

TEST(Stage1, UndecidedTreatmentControlIsReportedOnceAsTreatmentControl) {
    ReadinessInput in = cleanStage1();
    in.soa[1].applicable = std::nullopt;
    const auto found = stage1Findings(in, kToday);
    EXPECT_TRUE(with(found, "stage1.soa-undecided").empty());
    const auto treatment = with(found, "stage1.treatment-control-not-in-soa");
    ASSERT_EQ(treatment.size(), 1u);
    EXPECT_EQ(treatment[0].message,
              "A.5.15 was chosen to treat risk R-01 but is undecided in the Statement of Applicability (6.1.3 c: "
              "compare the treatment controls with Annex A)");
}

TEST(Stage1, IncludedWithoutJustification) {
    ReadinessInput in = cleanStage1();
    in.soa[0].justification.clear();
    const auto found = with(stage1Findings(in, kToday), "stage1.soa-without-justification");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "A.5.1");
    EXPECT_EQ(found[0].message,
              "A.5.1 Policies for information security is included in the Statement of Applicability without a "
              "justification (the risks, requirements or business need it answers)");

    in.soa[0].justification = "x";
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.soa-without-justification").empty());
}

TEST(Stage1, ExclusionWithoutReason) {
    ReadinessInput in = cleanStage1();
    in.soa[0].applicable = false;
    in.soa[0].justification.clear();
    const auto found = stage1Findings(in, kToday);
    EXPECT_TRUE(with(found, "stage1.soa-without-justification").empty());
    const auto excluded = with(found, "stage1.exclusion-without-reason");
    ASSERT_EQ(excluded.size(), 1u);
    EXPECT_EQ(excluded[0].subject, "A.5.1");
    EXPECT_EQ(excluded[0].message,
              "A.5.1 Policies for information security is excluded from the Statement of Applicability without a "
              "reason");

    in.soa[0].justification = "covered by the group policy";
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.exclusion-without-reason").empty());
}

TEST(Stage1, HeadingsAndClausesAreNotSoaRows) {
    ReadinessInput in = cleanStage1();
    // "A.5" is a heading and "6.2" a clause: neither needs a row.
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.soa-undecided").empty());
    in.isoControls.push_back(control("A.8.1", "User endpoint devices"));
    const auto found = with(stage1Findings(in, kToday), "stage1.soa-undecided");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "A.8.1");
}

TEST(Stage1, InScopeAssetNamedByNoRisk) {
    ReadinessInput in = cleanStage1();
    in.assets.push_back({"AST-03", "Payroll service", "service", Classification::Restricted, "hr", true, ""});
    auto found = with(stage1Findings(in, kToday), "stage1.asset-not-in-risk-assessment");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "AST-03");
    EXPECT_EQ(found[0].message,
              "AST-03 Payroll service is in scope but no risk in the register names it; assess its risks (6.1.2)");

    // Out of scope (AST-02 in the clean input) or named by a risk: nothing to report.
    in.assets.back().inScope = false;
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.asset-not-in-risk-assessment").empty());
    in.assets.back().inScope = true;
    in.risks.front().assets.push_back("AST-03");
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.asset-not-in-risk-assessment").empty());
}

TEST(Stage1, TreatmentControlExcludedOrAbsent) {
    ReadinessInput in = cleanStage1();
    Risk second;
    second.key = "R-02";
    second.assets = {"AST-01"};
    second.controls = {"iso27001-2022:A.5.15"};  // full refs count as the local one
    in.risks.push_back(second);
    in.soa[1].applicable = false;
    auto found = with(stage1Findings(in, kToday), "stage1.treatment-control-not-in-soa");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "A.5.15");
    EXPECT_EQ(found[0].message,
              "A.5.15 was chosen to treat risks R-01, R-02 but is excluded in the Statement of Applicability "
              "(6.1.3 c: compare the treatment controls with Annex A)");

    in.soa.pop_back();
    found = with(stage1Findings(in, kToday), "stage1.treatment-control-not-in-soa");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("but has no row in the Statement of Applicability"), std::string::npos);
}

TEST(Stage1, TreatmentControlApplicableIsFine) {
    ReadinessInput in = cleanStage1();
    in.risks.front().controls = {"iso27001-2022:A.5.15", "A.5.1"};
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.treatment-control-not-in-soa").empty());
}

TEST(Stage1, MissingDocumentNamesTheClauseAndItem) {
    ReadinessInput in = cleanStage1();
    in.isoReach.pop_back();  // EV-3, the audit results
    const auto found = with(stage1Findings(in, kToday), "stage1.missing-documented-information");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "9.2: audit results");
    EXPECT_EQ(found[0].message,
              "9.2 Internal audit: no document for the mandatory documented information \"audit results\"; link a "
              "policy, procedure, record or report whose title names it to iso27001-2022:9.2");
}

TEST(Stage1, DocumentExpiredTheDayBeforeIsNamedAsStale) {
    ReadinessInput in = cleanStage1();
    in.evidence[2].validUntil = kToday.addDays(-1);
    const auto found = with(stage1Findings(in, kToday), "stage1.missing-documented-information");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message,
              "9.2 Internal audit: no document for the mandatory documented information \"audit results\" that is "
              "still valid (EV-3 expired 2026-06-14)");
}

TEST(Stage1, DocumentValidThroughTodayCounts) {
    ReadinessInput in = cleanStage1();
    in.evidence[2].validUntil = kToday;
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.missing-documented-information").empty());
}

TEST(Stage1, DocumentScopedOutOfIsoDoesNotCount) {
    ReadinessInput in = cleanStage1();
    in.isoReach[2].inScope = false;
    const auto found = with(stage1Findings(in, kToday), "stage1.missing-documented-information");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "9.2: audit results");
}

TEST(Stage1, OperationalKindsAreNotDocuments) {
    ReadinessInput in = cleanStage1();
    in.evidence[2].kind = EvidenceKind::Log;
    EXPECT_EQ(with(stage1Findings(in, kToday), "stage1.missing-documented-information").size(), 1u);
    in.evidence[2].kind = EvidenceKind::Record;
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.missing-documented-information").empty());
}

TEST(Stage1, TitleMustNameTheItemAsWholeWords) {
    ReadinessInput in = cleanStage1();
    in.evidence[2].title = "Internal AUDIT-results, Q1";  // case and punctuation do not matter
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.missing-documented-information").empty());
    in.evidence[2].title = "Internal audit resultsheet";
    EXPECT_EQ(with(stage1Findings(in, kToday), "stage1.missing-documented-information").size(), 1u);
}

TEST(Stage1, AuditProgramIsAnAliasOfAuditProgramme) {
    ReadinessInput in = cleanStage1();
    in.evidence[1].title = "Audit program 2026";
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.missing-documented-information").empty());
    in.evidence[1].title = "Audit plan 2026";
    const auto found = with(stage1Findings(in, kToday), "stage1.missing-documented-information");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "9.2: audit programme");
}

TEST(Stage1, SingleItemClauseIsCoveredByAnyDocumentFiledUnderIt) {
    ReadinessInput in = cleanStage1();
    in.evidence[0].title = "Goals for the year";
    EXPECT_TRUE(with(stage1Findings(in, kToday), "stage1.missing-documented-information").empty());
    in.isoReach.erase(in.isoReach.begin());
    const auto found = with(stage1Findings(in, kToday), "stage1.missing-documented-information");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "6.2: information security objectives");
}

TEST(Stage1, BlockersComeFirst) {
    ReadinessInput in = cleanStage1();
    in.soa.clear();
    in.assets.push_back({"AST-03", "Payroll service", "service", Classification::Restricted, "hr", true, ""});
    in.isoReach.clear();
    const auto found = stage1Findings(in, kToday);
    ASSERT_EQ(found.size(), 5u);
    EXPECT_EQ(found[0].check, "stage1.no-soa");
    EXPECT_EQ(found[1].check, "stage1.asset-not-in-risk-assessment");
    // Then the clauses in catalog order, their items in listed order.
    EXPECT_EQ(found[2].subject, "6.2: information security objectives");
    EXPECT_EQ(found[3].subject, "9.2: audit programme");
    EXPECT_EQ(found[4].subject, "9.2: audit results");
}

// ---------------------------------------------------------------------------------------------
// Stage 2
// ---------------------------------------------------------------------------------------------

ManagementReview completeReview(std::string key, Date heldOn) {
    ManagementReview r;
    r.key = std::move(key);
    r.heldOn = heldOn;
    for (const ReviewInput input : kReviewInputs) r.inputs.push_back({input, "discussed"});
    r.decisions = {{DecisionKind::Improvement, "automate access reviews", "ciso", std::nullopt},
                   {DecisionKind::IsmsChange, "add the payroll service to the scope", "ciso", std::nullopt}};
    r.readyForCertification = true;
    return r;
}

// One implemented control with current operational evidence, an internal audit and a complete
// management review within the year, no open nonconformity: no finding.
ReadinessInput cleanStage2() {
    ReadinessInput in;
    SoaRow ac = row("A.5.15", "Access control", true, "R-01");
    ac.status = ImplementationStatus::Implemented;
    SoaRow partial = row("A.5.1", "Policies for information security", true, "approved");
    partial.status = ImplementationStatus::Partial;
    in.soa = {partial, ac};
    in.evidence = {item("EV-10", "Access review log", EvidenceKind::Log, Date(2026, 12, 31))};
    in.isoReach = {reach("A.5.15", "EV-10")};
    Audit audit;
    audit.key = "IA-1";
    audit.kind = AuditKind::Internal;
    audit.status = AuditStatus::Completed;
    audit.plannedOn = Date(2026, 3, 1);
    audit.completedOn = Date(2026, 3, 2);
    in.audits = {audit};
    AuditFinding observation;
    observation.key = "F-0";
    observation.audit = "IA-1";
    observation.type = FindingType::Observation;
    observation.description = "access reviews are late";
    in.findings = {observation};
    in.reviews = {completeReview("MR-1", Date(2026, 4, 1))};
    return in;
}

TEST(Stage2, CleanInputFindsNothing) {
    EXPECT_EQ(checks(stage2Findings(cleanStage2(), kToday)), std::vector<std::string>{});
}

TEST(Stage2, NoSoa) {
    ReadinessInput in = cleanStage2();
    in.soa.clear();
    const auto found = stage2Findings(in, kToday);
    ASSERT_EQ(checks(found), std::vector<std::string>{"stage2.no-soa"});
    EXPECT_EQ(found[0].severity, Severity::Blocker);
    EXPECT_EQ(found[0].subject, "SoA");
}

TEST(Stage2, EvidenceExpiredTheDayBeforeIsStale) {
    ReadinessInput in = cleanStage2();
    in.evidence[0].validUntil = kToday.addDays(-1);
    const auto found = with(stage2Findings(in, kToday), "stage2.implemented-without-operational-evidence");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "A.5.15");
    EXPECT_EQ(found[0].severity, Severity::Blocker);
    EXPECT_EQ(found[0].message,
              "A.5.15 Access control is marked implemented but no operational evidence (record, log, configuration, "
              "screenshot, report or ticket) in the ISO scope is current on 2026-06-15; stale: EV-10 expired "
              "2026-06-14");
}

TEST(Stage2, EvidenceValidThroughTheDayIsCurrent) {
    ReadinessInput in = cleanStage2();
    in.evidence[0].validUntil = kToday;
    EXPECT_TRUE(with(stage2Findings(in, kToday), "stage2.implemented-without-operational-evidence").empty());
}

TEST(Stage2, DocumentationOnlyAndScopedOutItemsAreNamed) {
    ReadinessInput in = cleanStage2();
    in.evidence.push_back(item("EV-11", "Access control policy", EvidenceKind::Policy, std::nullopt));
    in.evidence.push_back(item("EV-12", "Badge reader export", EvidenceKind::Record, Date(2026, 12, 31)));
    in.isoReach = {reach("A.5.15", "EV-11", true, "CC-A.5.15"), reach("A.5.15", "EV-12", false)};
    const auto found = with(stage2Findings(in, kToday), "stage2.implemented-without-operational-evidence");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("; documentation only: EV-11 (policy); scoped out of iso27001-2022: EV-12"),
              std::string::npos)
        << found[0].message;
}

TEST(Stage2, OnlyApplicableImplementedRowsNeedEvidence) {
    ReadinessInput in = cleanStage2();
    in.isoReach.clear();
    EXPECT_EQ(with(stage2Findings(in, kToday), "stage2.implemented-without-operational-evidence").size(), 1u);
    in.soa[1].status = ImplementationStatus::Partial;
    EXPECT_TRUE(with(stage2Findings(in, kToday), "stage2.implemented-without-operational-evidence").empty());
    in.soa[1].status = ImplementationStatus::Implemented;
    in.soa[1].applicable = false;
    EXPECT_TRUE(with(stage2Findings(in, kToday), "stage2.implemented-without-operational-evidence").empty());
}

TEST(Stage2, InternalAuditTwelveMonthsAndOneDayBeforeIsTooOld) {
    ReadinessInput in = cleanStage2();
    in.audits[0].completedOn = Date(2025, 6, 14);
    const auto found = with(stage2Findings(in, kToday), "stage2.no-internal-audit");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "9.2");
    EXPECT_EQ(found[0].severity, Severity::Blocker);
    EXPECT_EQ(found[0].message,
              "no internal audit completed between 2025-06-15 and 2026-06-15 (the last one was completed on "
              "2025-06-14); Stage 2 expects one in the cycle (9.2)");
}

TEST(Stage2, InternalAuditExactlyTwelveMonthsBeforeCounts) {
    ReadinessInput in = cleanStage2();
    in.audits[0].completedOn = Date(2025, 6, 15);
    EXPECT_TRUE(with(stage2Findings(in, kToday), "stage2.no-internal-audit").empty());
}

TEST(Stage2, OnlyCompletedInternalAuditsUpToTheDateCount) {
    ReadinessInput in = cleanStage2();
    in.audits[0].kind = AuditKind::Stage1;
    auto found = with(stage2Findings(in, kToday), "stage2.no-internal-audit");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message,
              "no internal audit completed between 2025-06-15 and 2026-06-15; Stage 2 expects one in the cycle (9.2)");
    in.audits[0].kind = AuditKind::Internal;
    in.audits[0].status = AuditStatus::InProgress;
    EXPECT_EQ(with(stage2Findings(in, kToday), "stage2.no-internal-audit").size(), 1u);
    in.audits[0].status = AuditStatus::Completed;
    in.audits[0].completedOn = kToday.addDays(1);
    EXPECT_EQ(with(stage2Findings(in, kToday), "stage2.no-internal-audit").size(), 1u);
    in.audits[0].completedOn = kToday;
    EXPECT_TRUE(with(stage2Findings(in, kToday), "stage2.no-internal-audit").empty());
}

AuditFinding nonconformity(std::string key, FindingType type) {
    AuditFinding f;
    f.key = std::move(key);
    f.audit = "IA-1";
    f.type = type;
    f.requirement = "iso27001-2022:A.5.15";
    f.description = "leavers keep access for weeks";
    f.raisedOn = Date(2026, 3, 2);
    return f;
}

TEST(Stage2, OpenMajorNonconformityWithItsActions) {
    ReadinessInput in = cleanStage2();
    in.findings.push_back(nonconformity("F-1", FindingType::MajorNonconformity));
    CorrectiveAction fix;
    fix.key = "CA-1";
    fix.finding = "F-1";
    fix.status = ActionStatus::InProgress;
    fix.due = Date(2026, 7, 1);
    CorrectiveAction other;
    other.key = "CA-2";
    other.finding = "F-9";
    CorrectiveAction check;
    check.key = "CA-3";
    check.finding = "F-1";
    in.actions = {fix, other, check};
    const auto found = with(stage2Findings(in, kToday), "stage2.open-major-nonconformity");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "F-1");
    EXPECT_EQ(found[0].severity, Severity::Blocker);
    EXPECT_EQ(found[0].message,
              "major nonconformity from IA-1 against iso27001-2022:A.5.15 is open: leavers keep access for weeks "
              "(corrective actions: CA-1 in-progress, due 2026-07-01; CA-3 open)");
}

TEST(Stage2, ClosedMajorNonconformityIsFine) {
    ReadinessInput in = cleanStage2();
    in.findings.push_back(nonconformity("F-1", FindingType::MajorNonconformity));
    in.findings.back().open = false;
    in.findings.back().closedOn = Date(2026, 5, 1);
    EXPECT_TRUE(with(stage2Findings(in, kToday), "stage2.open-major-nonconformity").empty());
}

TEST(Stage2, OpenMinorNonconformityWithoutActions) {
    ReadinessInput in = cleanStage2();
    in.findings.push_back(nonconformity("F-2", FindingType::MinorNonconformity));
    in.findings.back().requirement.clear();
    const auto found = with(stage2Findings(in, kToday), "stage2.open-minor-nonconformity");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "F-2");
    EXPECT_EQ(found[0].severity, Severity::Major);
    EXPECT_EQ(found[0].message,
              "minor nonconformity from IA-1 is open: leavers keep access for weeks (no corrective action recorded)");
}

TEST(Stage2, OpenObservationOrOpportunityIsNotANonconformity) {
    ReadinessInput in = cleanStage2();  // holds an open observation already
    in.findings.push_back(nonconformity("F-3", FindingType::Opportunity));
    const auto found = stage2Findings(in, kToday);
    EXPECT_TRUE(with(found, "stage2.open-minor-nonconformity").empty());
    EXPECT_TRUE(with(found, "stage2.open-major-nonconformity").empty());
}

TEST(Stage2, ReviewTwelveMonthsAndOneDayBeforeIsTooOld) {
    ReadinessInput in = cleanStage2();
    in.reviews = {completeReview("MR-0", Date(2025, 6, 14)), completeReview("MR-9", kToday.addDays(1))};
    const auto found = stage2Findings(in, kToday);
    const auto missing = with(found, "stage2.no-management-review");
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].subject, "9.3");
    EXPECT_EQ(missing[0].message,
              "no management review held between 2025-06-15 and 2026-06-15; Stage 2 expects one with every 9.3.2 "
              "input and its 9.3.3 decisions");
    EXPECT_EQ(checks(found), std::vector<std::string>{"stage2.no-management-review"});
}

TEST(Stage2, ReviewExactlyTwelveMonthsBeforeCounts) {
    ReadinessInput in = cleanStage2();
    in.reviews = {completeReview("MR-0", Date(2025, 6, 15))};
    EXPECT_TRUE(with(stage2Findings(in, kToday), "stage2.no-management-review").empty());
}

TEST(Stage2, ReviewInputMissingOnePerInput) {
    ReadinessInput in = cleanStage2();
    auto& inputs = in.reviews[0].inputs;
    inputs.erase(std::remove_if(inputs.begin(), inputs.end(),
                                [](const ReviewInputEntry& e) { return e.input == ReviewInput::AuditResults; }),
                 inputs.end());
    inputs[0].summary = "  ";  // blank counts as not recorded
    const auto found = with(stage2Findings(in, kToday), "stage2.review-input-missing");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].subject, "MR-1");
    EXPECT_EQ(found[0].message,
              "MR-1 (held 2026-04-01) does not record 9.3.2 a) status of actions from previous management reviews");
    EXPECT_EQ(found[1].message, "MR-1 (held 2026-04-01) does not record 9.3.2 d3) audit results");
}

TEST(Stage2, OnlyTheLatestReviewInTheYearIsRead) {
    ReadinessInput in = cleanStage2();
    ManagementReview earlier = completeReview("MR-0", Date(2025, 9, 1));
    earlier.inputs.clear();
    earlier.decisions.clear();
    earlier.readyForCertification = false;
    in.reviews.insert(in.reviews.begin(), earlier);
    EXPECT_EQ(checks(stage2Findings(in, kToday)), std::vector<std::string>{});

    std::swap(in.reviews[0].key, in.reviews[1].key);
    std::swap(in.reviews[0].heldOn, in.reviews[1].heldOn);
    const auto found = stage2Findings(in, kToday);
    EXPECT_EQ(with(found, "stage2.review-input-missing").size(), kReviewInputs.size());
    EXPECT_EQ(with(found, "stage2.review-input-missing").front().subject, "MR-1");
}

TEST(Stage2, ReviewOutputsMissing) {
    ReadinessInput in = cleanStage2();
    in.reviews[0].decisions.pop_back();  // the ISMS change
    auto found = with(stage2Findings(in, kToday), "stage2.review-outputs-missing");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "MR-1");
    EXPECT_EQ(found[0].message, "MR-1 (held 2026-04-01) records no 9.3.3 decision on changes to the ISMS");

    in.reviews[0].decisions = {{DecisionKind::Resources, "one more engineer", "cfo", std::nullopt}};
    found = with(stage2Findings(in, kToday), "stage2.review-outputs-missing");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message,
              "MR-1 (held 2026-04-01) records no 9.3.3 decision on continual improvement nor on changes to the ISMS");
}

TEST(Stage2, NoReadinessDecision) {
    ReadinessInput in = cleanStage2();
    in.reviews[0].readyForCertification = false;
    const auto found = with(stage2Findings(in, kToday), "stage2.no-readiness-decision");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].subject, "MR-1");
    EXPECT_EQ(found[0].severity, Severity::Major);
    EXPECT_EQ(found[0].message,
              "MR-1 (held 2026-04-01) does not record top management's decision that the organization is ready for "
              "certification");
}

TEST(Stage2, BlockersComeFirstInCheckOrder) {
    ReadinessInput in = cleanStage2();
    in.reviews[0].readyForCertification = false;
    in.findings.push_back(nonconformity("F-2", FindingType::MinorNonconformity));
    in.findings.push_back(nonconformity("F-1", FindingType::MajorNonconformity));
    in.audits.clear();
    EXPECT_EQ(checks(stage2Findings(in, kToday)),
              (std::vector<std::string>{"stage2.no-internal-audit", "stage2.open-major-nonconformity",
                                        "stage2.open-minor-nonconformity", "stage2.no-readiness-decision"}));
}

// ---------------------------------------------------------------------------------------------
// Gaps, the evidence count, the remediation plan
// ---------------------------------------------------------------------------------------------

RequirementStatus status(std::string framework, std::string ref, ImplementationStatus s, bool applicable = true) {
    RequirementStatus r;
    r.framework = std::move(framework);
    r.ref = std::move(ref);
    r.status = s;
    r.applicable = applicable;
    return r;
}

TEST(Evidence, CountsDistinctInScopeCurrentItemsPerRequirement) {
    const std::vector<EvidenceItem> library = {item("EV-1", "a", EvidenceKind::Log, kToday),
                                               item("EV-2", "b", EvidenceKind::Log, kToday.addDays(-1)),
                                               item("EV-3", "c", EvidenceKind::Log, std::nullopt)};
    const std::vector<RequirementEvidence> rows = {
        reach("CC6.1", "EV-1"),        reach("CC6.1", "EV-1", true, "CC-A.5.15"),  // one item, two routes
        reach("CC6.1", "EV-3"),        reach("CC6.2", "EV-2"),                     // stale
        reach("CC6.3", "EV-3", false),                                             // scoped out
        reach("CC6.4", "EV-unknown")};
    const auto counts = currentEvidence(rows, library, kToday);
    EXPECT_EQ(counts.size(), 1u);
    ASSERT_TRUE(counts.contains("CC6.1"));
    EXPECT_EQ(counts.at("CC6.1"), 2u);
}

TEST(Gaps, CountsByStatusAndEvidence) {
    ReadinessInput in;
    in.evidence = {item("EV-1", "current", EvidenceKind::Log, kToday),
                   item("EV-2", "stale", EvidenceKind::Log, kToday.addDays(-1))};
    FrameworkInput soc2{"soc2-2017",
                        {status("soc2-2017", "CC1.1", ImplementationStatus::Implemented),
                         status("soc2-2017", "CC1.2", ImplementationStatus::Implemented),
                         status("soc2-2017", "CC1.3", ImplementationStatus::Implemented),
                         status("soc2-2017", "CC1.4", ImplementationStatus::Implemented),
                         status("soc2-2017", "CC2.1", ImplementationStatus::Partial),
                         status("soc2-2017", "CC2.2", ImplementationStatus::Planned),
                         status("soc2-2017", "CC2.3", ImplementationStatus::NotStarted),
                         status("soc2-2017", "CC3.1", ImplementationStatus::NotApplicable),
                         status("soc2-2017", "CC3.2", ImplementationStatus::Implemented, false)},
                        {reach("CC1.1", "EV-1"), reach("CC1.2", "EV-2"), reach("CC1.3", "EV-1", false),
                         reach("CC2.1", "EV-1"), reach("CC3.2", "EV-1")}};
    in.frameworks = {soc2, FrameworkInput{"hipaa", {}, {}}};

    const auto gaps = gapRules(in, kToday);
    ASSERT_EQ(gaps.size(), 2u);
    const FrameworkGap& g = gaps[0];
    EXPECT_EQ(g.framework, "soc2-2017");
    EXPECT_EQ(g.applicable, 7u);
    EXPECT_EQ(g.notApplicable, 2u);
    EXPECT_EQ(g.implemented, 4u);
    EXPECT_EQ(g.partial, 1u);
    EXPECT_EQ(g.planned, 1u);
    EXPECT_EQ(g.notStarted, 1u);
    // CC1.1 only: CC1.2's item is stale, CC1.3's scoped out, CC1.4 has none.
    EXPECT_EQ(g.implementedWithEvidence, 1u);
    ASSERT_EQ(g.open.size(), 3u);
    EXPECT_EQ(g.open[0].ref, "CC2.1");
    EXPECT_EQ(g.open[1].ref, "CC2.2");
    EXPECT_EQ(g.open[2].ref, "CC2.3");
    EXPECT_DOUBLE_EQ(g.progress(), 4.0 / 7.0);

    EXPECT_EQ(gaps[1].framework, "hipaa");
    EXPECT_EQ(gaps[1].applicable, 0u);
    EXPECT_DOUBLE_EQ(gaps[1].progress(), 0.0);
}

TEST(Gaps, EvidenceValidThroughTheDayCountsTheDayAfterNot) {
    ReadinessInput in;
    in.evidence = {item("EV-1", "current", EvidenceKind::Log, kToday)};
    in.frameworks = {{"soc2-2017", {status("soc2-2017", "CC1.1", ImplementationStatus::Implemented)}, {}}};
    in.frameworks[0].reach = {reach("CC1.1", "EV-1")};
    EXPECT_EQ(gapRules(in, kToday)[0].implementedWithEvidence, 1u);
    EXPECT_EQ(gapRules(in, kToday.addDays(1))[0].implementedWithEvidence, 0u);
}

RequirementStatus openRequirement(std::string framework, std::string ref, std::vector<std::string> controls,
                                  std::vector<std::string> full = {}) {
    RequirementStatus r = status(std::move(framework), std::move(ref), ImplementationStatus::NotStarted);
    r.commonControls = std::move(controls);
    r.fullCommonControls = std::move(full);
    return r;
}

CommonControl common(std::string key, std::string title) {
    CommonControl c;
    c.key = std::move(key);
    c.title = std::move(title);
    return c;
}

TEST(Remediation, RankedByFrameworksThenRequirementsThenKey) {
    ReadinessInput in;
    RequirementStatus done = openRequirement("soc2-2017", "CC1.1", {"CC-DONE-REQ"});
    done.status = ImplementationStatus::Implemented;
    RequirementStatus outOfScope = openRequirement("soc2-2017", "CC1.2", {"CC-OUT"});
    outOfScope.applicable = false;
    RequirementStatus na = openRequirement("soc2-2017", "CC1.3", {"CC-OUT"});
    na.status = ImplementationStatus::NotApplicable;
    in.frameworks = {{"soc2-2017",
                      {openRequirement("soc2-2017", "CC6.1", {"CC-WIDE", "CC-DEEP"}, {"CC-WIDE"}),
                       openRequirement("soc2-2017", "CC6.2", {"CC-DEEP"}),
                       openRequirement("soc2-2017", "CC6.3", {"CC-DEEP"}, {"CC-DEEP"}),
                       openRequirement("soc2-2017", "CC7.1", {"CC-B", "CC-A"}),
                       openRequirement("soc2-2017", "CC7.2", {"CC-SKIP", "CC-NA"}), done, outOfScope, na},
                      {}},
                     {"hipaa", {openRequirement("hipaa", "164.308", {"CC-WIDE"})}, {}}};
    StatusEntry implemented{"CC-SKIP", false, ImplementationStatus::Implemented, "", "", std::nullopt, "", ""};
    StatusEntry notApplicable{"CC-NA", false, ImplementationStatus::NotApplicable, "no such systems", "", {}, "", ""};
    StatusEntry planned{"CC-DEEP", false, ImplementationStatus::Planned, "", "ciso", Date(2026, 9, 1), "", ""};
    // A status recorded on a requirement is not a common control's own status.
    StatusEntry onRequirement{"CC-A", true, ImplementationStatus::Implemented, "", "", std::nullopt, "", ""};
    in.recorded = {implemented, notApplicable, planned, onRequirement};
    in.commonControls = {common("CC-A", "A"),        common("CC-B", "B"),        common("CC-DEEP", "Deep"),
                         common("CC-DONE-REQ", "D"), common("CC-NA", "NA"),      common("CC-OUT", "Out"),
                         common("CC-SKIP", "Skip"),  common("CC-UNLINKED", "U"), common("CC-WIDE", "Wide")};

    const auto plan = remediationRules(in);
    std::vector<std::string> keys;
    for (const auto& a : plan) keys.push_back(a.commonControl);
    EXPECT_EQ(keys, (std::vector<std::string>{"CC-WIDE", "CC-DEEP", "CC-A", "CC-B"}));

    ASSERT_EQ(plan.size(), 4u);
    EXPECT_EQ(plan[0].frameworks, (std::vector<std::string>{"soc2-2017", "hipaa"}));
    EXPECT_EQ(plan[0].requirements, 2u);
    EXPECT_EQ(plan[0].wouldImplement, 1u);
    EXPECT_EQ(plan[0].title, "Wide");
    EXPECT_EQ(plan[0].status, ImplementationStatus::NotStarted);
    EXPECT_EQ(plan[1].frameworks, std::vector<std::string>{"soc2-2017"});
    EXPECT_EQ(plan[1].requirements, 3u);
    EXPECT_EQ(plan[1].wouldImplement, 1u);
    EXPECT_EQ(plan[1].status, ImplementationStatus::Planned);
    EXPECT_EQ(plan[1].owner, "ciso");
    EXPECT_EQ(plan[1].due, Date(2026, 9, 1));
    EXPECT_EQ(plan[2].requirements, 1u);
    EXPECT_EQ(plan[2].status, ImplementationStatus::NotStarted);
}

TEST(Remediation, NothingOpenNothingToDo) {
    ReadinessInput in;
    RequirementStatus done = openRequirement("soc2-2017", "CC1.1", {"CC-A"});
    done.status = ImplementationStatus::Implemented;
    in.frameworks = {{"soc2-2017", {done}, {}}};
    in.commonControls = {common("CC-A", "A")};
    EXPECT_TRUE(remediationRules(in).empty());
}

TEST(Severity, NamesRoundTrip) {
    for (const Severity s : {Severity::Blocker, Severity::Major, Severity::Minor, Severity::Info}) {
        EXPECT_EQ(parseSeverity(toString(s)), s);
    }
    EXPECT_EQ(parseSeverity("Blocker"), std::nullopt);
    EXPECT_EQ(parseSeverity(""), std::nullopt);
}

}  // namespace
}  // namespace cw
