// Internal audits, findings, corrective actions and management reviews:
// every rule, on a real workspace, with "nothing written" checks read back through the API.
#include <crosswalk/store/audit.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <sstream>

namespace cw::test {
namespace {

const Date kPlanned(2026, 3, 10);

class AuditTest : public WorkbenchTest {
protected:
    /// Everything this part stores, as text: equal before and after a refused write.
    std::string snapshot() {
        std::ostringstream out;
        auto programmes = auditProgrammes(ws());
        EXPECT_TRUE(programmes) << programmes.error().message;
        if (programmes) {
            for (const auto& p : *programmes) {
                out << "P " << p.key << '|' << p.title << '|' << p.startsOn.str() << '|' << p.endsOn.str() << '|'
                    << p.objectives << '\n';
            }
        }
        auto all = audits(ws());
        EXPECT_TRUE(all) << all.error().message;
        if (all) {
            for (const auto& a : *all) {
                out << "A " << a.key << '|' << a.programme << '|' << toString(a.kind) << '|' << a.title << '|'
                    << a.scope << '|' << a.auditor << '|' << a.plannedOn.str() << '|' << toString(a.completedOn) << '|'
                    << toString(a.status);
                for (const auto& area : a.areas) out << '|' << area;
                out << '\n';
            }
        }
        auto findings = auditFindings(ws());
        EXPECT_TRUE(findings) << findings.error().message;
        if (findings) {
            for (const auto& f : *findings) {
                out << "F " << f.key << '|' << f.audit << '|' << toString(f.type) << '|' << f.requirement << '|'
                    << f.description << '|' << f.raisedOn.str() << '|' << f.open << '|' << toString(f.closedOn) << '\n';
            }
        }
        auto actions = correctiveActions(ws());
        EXPECT_TRUE(actions) << actions.error().message;
        if (actions) {
            for (const auto& a : *actions) {
                out << "C " << a.key << '|' << a.finding << '|' << a.description << '|' << a.rootCause << '|' << a.owner
                    << '|' << toString(a.due) << '|' << toString(a.status) << '|' << toString(a.closedOn) << '\n';
            }
        }
        auto reviews = managementReviews(ws());
        EXPECT_TRUE(reviews) << reviews.error().message;
        if (reviews) {
            for (const auto& r : *reviews) {
                out << "R " << r.key << '|' << r.heldOn.str() << '|' << r.chair << '|' << r.readyForCertification;
                for (const auto& i : r.inputs) out << '|' << toString(i.input) << '=' << i.summary;
                for (const auto& d : r.decisions) out << '|' << toString(d.kind) << ':' << d.text;
                out << '\n';
            }
        }
        return out.str();
    }

    /// Expects `result` to fail with `kind`, its message to mention `mention`, and nothing to change.
    template <typename R>
    void expectRefused(const std::string& before, const R& result, ErrorKind kind, const std::string& mention) {
        ASSERT_FALSE(result) << "expected an error mentioning '" << mention << "'";
        EXPECT_EQ(result.error().kind, kind) << result.error().message;
        EXPECT_NE(result.error().message.find(mention), std::string::npos) << result.error().message;
        EXPECT_EQ(result.error().message.find('\n'), std::string::npos) << "one line: " << result.error().message;
        EXPECT_EQ(snapshot(), before);
    }

    AuditProgramme programme(const std::string& key = "AP-2026") {
        AuditProgramme p{key, "ISMS audit programme", Date(2026, 1, 1), Date(2026, 12, 31), "Cover clauses 4-10"};
        auto written = setAuditProgramme(ws(), p);
        EXPECT_TRUE(written) << written.error().message;
        return written ? *written : p;
    }

    Audit audit(const std::string& key = "", AuditKind kind = AuditKind::Internal, Date planned = kPlanned) {
        Audit a;
        a.key = key;
        a.kind = kind;
        a.title = "Internal audit";
        a.plannedOn = planned;
        a.areas = {"iso27001-2022:9.2", "iso27001-2022:A.5.15"};
        auto written = setAudit(ws(), a);
        EXPECT_TRUE(written) << written.error().message;
        return written ? *written : a;
    }

    AuditFinding finding(const std::string& auditKey, const std::string& key = "",
                         FindingType type = FindingType::MinorNonconformity) {
        AuditFinding f;
        f.key = key;
        f.audit = auditKey;
        f.type = type;
        f.requirement = "iso27001-2022:A.5.15";
        f.description = "Access reviews were not performed for two systems.";
        f.raisedOn = kPlanned.addDays(1);
        auto written = setAuditFinding(ws(), f);
        EXPECT_TRUE(written) << written.error().message;
        return written ? *written : f;
    }

    CorrectiveAction action(const std::string& findingKey, ActionStatus status = ActionStatus::Open) {
        CorrectiveAction a;
        a.finding = findingKey;
        a.description = "Add the two systems to the quarterly access review.";
        a.owner = "CISO";
        a.due = kPlanned.addDays(30);
        a.status = status;
        if (status == ActionStatus::Done || status == ActionStatus::Verified) {
            a.rootCause = "The systems were added after the review list was made.";
            a.closedOn = kPlanned.addDays(20);
        }
        auto written = setCorrectiveAction(ws(), a);
        EXPECT_TRUE(written) << written.error().message;
        return written ? *written : a;
    }

    static ManagementReview fullReview() {
        ManagementReview r;
        r.heldOn = Date(2026, 4, 20);
        r.chair = "CEO";
        r.attendees = "CISO, CTO";
        for (const ReviewInput input : kReviewInputs) {
            r.inputs.push_back({input, "Considered: " + std::string(describe(input))});
        }
        r.decisions = {{DecisionKind::Improvement, "Automate ISMS metrics.", "CISO", Date(2026, 6, 1)},
                       {DecisionKind::IsmsChange, "Add the new office to the scope.", "CTO", std::nullopt}};
        return r;
    }
};

TEST_F(AuditTest, NamesRoundTrip) {
    for (const auto k : {AuditKind::Internal, AuditKind::Stage1, AuditKind::Stage2, AuditKind::Surveillance,
                         AuditKind::Recertification}) {
        EXPECT_EQ(parseAuditKind(toString(k)), k);
    }
    for (const auto s :
         {AuditStatus::Planned, AuditStatus::InProgress, AuditStatus::Completed, AuditStatus::Cancelled}) {
        EXPECT_EQ(parseAuditStatus(toString(s)), s);
    }
    EXPECT_EQ(toString(FindingType::MajorNonconformity), "major");
    EXPECT_EQ(toString(FindingType::MinorNonconformity), "minor");
    for (const auto t : {FindingType::MajorNonconformity, FindingType::MinorNonconformity, FindingType::Observation,
                         FindingType::Opportunity}) {
        EXPECT_EQ(parseFindingType(toString(t)), t);
    }
    for (const auto s : {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Verified}) {
        EXPECT_EQ(parseActionStatus(toString(s)), s);
    }
    std::vector<std::string> codes;
    for (const ReviewInput i : kReviewInputs) {
        codes.emplace_back(toString(i));
        EXPECT_EQ(parseReviewInput(toString(i)), i);
        EXPECT_FALSE(describe(i).empty());
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"a", "b", "c", "d1", "d2", "d3", "d4", "e", "f", "g"}));
    for (const auto k :
         {DecisionKind::Improvement, DecisionKind::IsmsChange, DecisionKind::Resources, DecisionKind::Readiness}) {
        EXPECT_EQ(parseDecisionKind(toString(k)), k);
    }
    EXPECT_FALSE(parseAuditKind("stage3"));
    EXPECT_FALSE(parseFindingType("Major"));
    EXPECT_FALSE(parseReviewInput("d5"));
}

TEST_F(AuditTest, ProgrammesGetKeysFromTheirYearAndAreReplacedByKey) {
    AuditProgramme p{"", "First programme", Date(2026, 1, 1), Date(2026, 12, 31), ""};
    auto first = setAuditProgramme(ws(), p);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->key, "AP-2026");
    auto second = setAuditProgramme(ws(), p);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->key, "AP-2026-2");

    p.key = "AP-2026";
    p.title = "Renamed programme";
    p.objectives = "Every clause once a year";
    ASSERT_TRUE(setAuditProgramme(ws(), p));
    auto all = auditProgrammes(ws());
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].key, "AP-2026");
    EXPECT_EQ((*all)[0].title, "Renamed programme");
    EXPECT_EQ((*all)[0].objectives, "Every clause once a year");
    EXPECT_EQ((*all)[0].endsOn, Date(2026, 12, 31));

    ASSERT_TRUE(removeAuditProgramme(ws(), "AP-2026-2"));
    EXPECT_EQ(removeAuditProgramme(ws(), "AP-2026-2").error().kind, ErrorKind::NotFound);
}

TEST_F(AuditTest, ProgrammeRulesLeaveTheWorkspaceUnchanged) {
    programme();
    Audit a;
    a.key = "IA-2026-1";
    a.programme = "AP-2026";
    a.title = "Internal audit";
    a.plannedOn = Date(2026, 11, 1);
    ASSERT_TRUE(setAudit(ws(), a));
    const std::string before = snapshot();

    AuditProgramme p{"AP-2027", " ", Date(2027, 1, 1), Date(2027, 12, 31), ""};
    expectRefused(before, setAuditProgramme(ws(), p), ErrorKind::BadInput, "title");
    p = {"AP-2027", "Programme", Date(2027, 1, 1), Date(2026, 12, 31), ""};
    expectRefused(before, setAuditProgramme(ws(), p), ErrorKind::BadInput, "before starts_on");
    p = {"AP 2027", "Programme", Date(2027, 1, 1), Date(2027, 12, 31), ""};
    expectRefused(before, setAuditProgramme(ws(), p), ErrorKind::BadInput, "'AP 2027'");
    // Narrowing the period would leave IA-2026-1 (November) outside it.
    p = {"AP-2026", "Programme", Date(2026, 1, 1), Date(2026, 6, 30), ""};
    expectRefused(before, setAuditProgramme(ws(), p), ErrorKind::BadInput, "IA-2026-1");
}

TEST_F(AuditTest, AuditsGetKeysByKindAndYear) {
    EXPECT_EQ(audit().key, "IA-2026-1");
    EXPECT_EQ(audit().key, "IA-2026-2");
    EXPECT_EQ(audit("", AuditKind::Internal, Date(2027, 2, 1)).key, "IA-2027-1");
    EXPECT_EQ(audit("", AuditKind::Stage1, Date(2026, 9, 1)).key, "S1-2026");
    EXPECT_EQ(audit("", AuditKind::Stage1, Date(2026, 9, 20)).key, "S1-2026-2");
    EXPECT_EQ(audit("", AuditKind::Stage2, Date(2026, 11, 1)).key, "S2-2026");
    EXPECT_EQ(audit("", AuditKind::Surveillance, Date(2027, 11, 1)).key, "SA-2027-1");
    EXPECT_EQ(audit("", AuditKind::Surveillance, Date(2027, 12, 1)).key, "SA-2027-2");
    EXPECT_EQ(audit("", AuditKind::Recertification, Date(2029, 8, 1)).key, "RA-2029");
    // Numbers follow the highest in use: a gap below it is never filled.
    ASSERT_TRUE(removeAudit(ws(), "IA-2026-2"));
    EXPECT_EQ(audit().key, "IA-2026-2");
    ASSERT_TRUE(removeAudit(ws(), "IA-2026-1"));
    EXPECT_EQ(audit().key, "IA-2026-3");
}

TEST_F(AuditTest, AuditRoundTripsEveryField) {
    programme();
    Audit a;
    a.key = "IA-2026-1";
    a.programme = "AP-2026";
    a.kind = AuditKind::Internal;
    a.title = "Full ISMS audit";
    a.scope = "Clauses 4-10";
    a.areas = {"iso27001-2022:9.2", "iso27001-2022:A.5.15", "iso27001-2022:9.2", "soc2-2017:CC6.1"};
    a.auditor = "Harbor Assurance";
    a.plannedOn = kPlanned;
    a.completedOn = kPlanned.addDays(3);
    a.status = AuditStatus::Completed;
    auto written = setAudit(ws(), a);
    ASSERT_TRUE(written) << written.error().message;
    auto all = audits(ws());
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), 1u);
    const Audit& back = all->front();
    EXPECT_EQ(back.key, "IA-2026-1");
    EXPECT_EQ(back.programme, "AP-2026");
    EXPECT_EQ(back.title, "Full ISMS audit");
    EXPECT_EQ(back.scope, "Clauses 4-10");
    EXPECT_EQ(back.areas, (std::vector<std::string>{"iso27001-2022:9.2", "iso27001-2022:A.5.15", "soc2-2017:CC6.1"}));
    EXPECT_EQ(back.auditor, "Harbor Assurance");
    EXPECT_EQ(back.plannedOn, kPlanned);
    EXPECT_EQ(back.completedOn, kPlanned.addDays(3));
    EXPECT_EQ(back.status, AuditStatus::Completed);

    // Replacing by key: the programme can be dropped, the status reopened.
    a.programme.clear();
    a.status = AuditStatus::InProgress;
    a.completedOn.reset();
    ASSERT_TRUE(setAudit(ws(), a));
    all = audits(ws());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().programme, "");
    EXPECT_EQ(all->front().status, AuditStatus::InProgress);
    EXPECT_FALSE(all->front().completedOn);
}

TEST_F(AuditTest, AuditRulesLeaveTheWorkspaceUnchanged) {
    programme();
    const Audit existing = audit("IA-2026-1");
    finding(existing.key, "F-01");
    const std::string before = snapshot();

    Audit a;
    a.key = "IA-2026-9";
    a.title = "Audit";
    a.plannedOn = kPlanned;
    auto with = [&](auto change) {
        Audit copy = a;
        change(copy);
        return setAudit(ws(), copy);
    };
    expectRefused(before, with([](Audit& x) { x.programme = "AP-1999"; }), ErrorKind::NotFound, "AP-1999");
    expectRefused(before, with([](Audit& x) {
                      x.areas = {"iso27001-2022:A.5.15", "iso27001-2022:A.9.99"};
                  }),
                  ErrorKind::NotFound, "iso27001-2022:A.9.99");
    expectRefused(before, with([](Audit& x) { x.areas = {"A.5.15"}; }), ErrorKind::BadInput, "A.5.15");
    expectRefused(before, with([](Audit& x) { x.title = ""; }), ErrorKind::BadInput, "title");
    expectRefused(before, with([](Audit& x) { x.status = AuditStatus::Completed; }), ErrorKind::BadInput,
                  "completed_on");
    expectRefused(before, with([](Audit& x) { x.completedOn = kPlanned.addDays(2); }), ErrorKind::BadInput,
                  "status is planned");
    expectRefused(before, with([](Audit& x) {
                      x.status = AuditStatus::Completed;
                      x.completedOn = kPlanned.addDays(-1);
                  }),
                  ErrorKind::BadInput, "before planned_on");
    expectRefused(before, with([](Audit& x) {
                      x.programme = "AP-2026";
                      x.plannedOn = Date(2027, 1, 5);
                  }),
                  ErrorKind::BadInput, "outside programme AP-2026");
    expectRefused(before, with([](Audit& x) { x.key = "IA/1"; }), ErrorKind::BadInput, "IA/1");
    // F-01 was raised the day after the planned date: the audit cannot move after it.
    Audit moved = existing;
    moved.plannedOn = kPlanned.addDays(5);
    expectRefused(before, setAudit(ws(), moved), ErrorKind::BadInput, "F-01");
    EXPECT_EQ(removeAudit(ws(), "IA-1999-1").error().kind, ErrorKind::NotFound);
    EXPECT_EQ(snapshot(), before);
}

TEST_F(AuditTest, RemovingAnAuditRemovesItsFindingsAndActions) {
    const Audit a = audit();
    const Audit other = audit();
    const AuditFinding f = finding(a.key);
    action(f.key);
    finding(other.key);
    ASSERT_TRUE(removeAudit(ws(), a.key));
    auto findings = auditFindings(ws());
    ASSERT_TRUE(findings);
    ASSERT_EQ(findings->size(), 1u);
    EXPECT_EQ(findings->front().audit, other.key);
    auto actions = correctiveActions(ws());
    ASSERT_TRUE(actions);
    EXPECT_TRUE(actions->empty());
}

TEST_F(AuditTest, FindingsRoundTripAndFilterByAudit) {
    const Audit a = audit();
    const Audit b = audit();
    EXPECT_EQ(finding(a.key).key, "F-01");
    EXPECT_EQ(finding(a.key, "", FindingType::Observation).key, "F-02");
    AuditFinding f = finding(b.key, "", FindingType::MajorNonconformity);
    EXPECT_EQ(f.key, "F-03");
    f.requirement.clear();
    f.open = false;
    f.closedOn = kPlanned.addDays(9);
    ASSERT_TRUE(setAuditFinding(ws(), f));

    auto ofA = auditFindings(ws(), a.key);
    ASSERT_TRUE(ofA) << ofA.error().message;
    ASSERT_EQ(ofA->size(), 2u);
    EXPECT_EQ((*ofA)[0].requirement, "iso27001-2022:A.5.15");
    EXPECT_EQ((*ofA)[0].type, FindingType::MinorNonconformity);
    EXPECT_EQ((*ofA)[1].type, FindingType::Observation);
    auto ofB = auditFindings(ws(), b.key);
    ASSERT_TRUE(ofB);
    ASSERT_EQ(ofB->size(), 1u);
    EXPECT_EQ(ofB->front().type, FindingType::MajorNonconformity);
    EXPECT_EQ(ofB->front().requirement, "");
    EXPECT_FALSE(ofB->front().open);
    EXPECT_EQ(ofB->front().closedOn, kPlanned.addDays(9));
    EXPECT_EQ(auditFindings(ws(), "IA-1999-1").error().kind, ErrorKind::NotFound);
    EXPECT_EQ(auditFindings(ws())->size(), 3u);
}

TEST_F(AuditTest, FindingRulesLeaveTheWorkspaceUnchanged) {
    const Audit a = audit();
    const std::string before = snapshot();
    AuditFinding f;
    f.audit = a.key;
    f.type = FindingType::MinorNonconformity;
    f.description = "Something was found.";
    f.raisedOn = kPlanned;
    auto with = [&](auto change) {
        AuditFinding copy = f;
        change(copy);
        return setAuditFinding(ws(), copy);
    };
    expectRefused(before, with([](AuditFinding& x) { x.audit = "IA-1999-1"; }), ErrorKind::NotFound, "IA-1999-1");
    expectRefused(before, with([](AuditFinding& x) { x.requirement = "iso27001-2022:A.42"; }), ErrorKind::NotFound,
                  "iso27001-2022:A.42");
    expectRefused(before, with([](AuditFinding& x) { x.requirement = "nonsense"; }), ErrorKind::BadInput, "nonsense");
    expectRefused(before, with([](AuditFinding& x) { x.description = "  "; }), ErrorKind::BadInput, "description");
    expectRefused(before, with([](AuditFinding& x) { x.raisedOn = kPlanned.addDays(-1); }), ErrorKind::BadInput,
                  "before audit");
    expectRefused(before, with([](AuditFinding& x) { x.open = false; }), ErrorKind::BadInput, "closed_on");
    expectRefused(before, with([](AuditFinding& x) {
                      x.open = false;
                      x.closedOn = kPlanned.addDays(-1);
                  }),
                  ErrorKind::BadInput, "before raised_on");
    expectRefused(before, with([](AuditFinding& x) { x.closedOn = kPlanned.addDays(3); }), ErrorKind::BadInput,
                  "open finding");
}

TEST_F(AuditTest, AFindingClosesOnlyOnceItsActionsAreDone) {
    const Audit a = audit();
    AuditFinding f = finding(a.key);
    CorrectiveAction ca = action(f.key);
    const std::string before = snapshot();

    f.open = false;
    f.closedOn = kPlanned.addDays(25);
    expectRefused(before, setAuditFinding(ws(), f), ErrorKind::BadInput, ca.key + " is open");

    ca.status = ActionStatus::Done;
    ca.rootCause = "No owner for the review list.";
    ca.closedOn = kPlanned.addDays(20);
    ASSERT_TRUE(setCorrectiveAction(ws(), ca));
    const std::string afterAction = snapshot();
    // Closed before its action was: out of order.
    AuditFinding early = f;
    early.closedOn = kPlanned.addDays(15);
    expectRefused(afterAction, setAuditFinding(ws(), early), ErrorKind::BadInput, ca.key);

    auto closed = setAuditFinding(ws(), f);
    ASSERT_TRUE(closed) << closed.error().message;
    auto back = auditFindings(ws(), a.key);
    ASSERT_TRUE(back);
    EXPECT_FALSE(back->front().open);
    EXPECT_EQ(back->front().closedOn, kPlanned.addDays(25));
}

TEST_F(AuditTest, CorrectiveActionsRoundTripWithKeysAndFilter) {
    const Audit a = audit();
    const AuditFinding f1 = finding(a.key);
    const AuditFinding f2 = finding(a.key);
    EXPECT_EQ(action(f1.key).key, "CA-01");
    EXPECT_EQ(action(f2.key, ActionStatus::InProgress).key, "CA-02");
    const CorrectiveAction done = action(f1.key, ActionStatus::Verified);
    EXPECT_EQ(done.key, "CA-03");

    auto ofF1 = correctiveActions(ws(), f1.key);
    ASSERT_TRUE(ofF1) << ofF1.error().message;
    ASSERT_EQ(ofF1->size(), 2u);
    EXPECT_EQ((*ofF1)[1].key, "CA-03");
    EXPECT_EQ((*ofF1)[1].status, ActionStatus::Verified);
    EXPECT_EQ((*ofF1)[1].rootCause, "The systems were added after the review list was made.");
    EXPECT_EQ((*ofF1)[1].closedOn, kPlanned.addDays(20));
    EXPECT_EQ((*ofF1)[1].due, kPlanned.addDays(30));
    EXPECT_EQ((*ofF1)[1].owner, "CISO");
    EXPECT_EQ(correctiveActions(ws(), f2.key)->front().status, ActionStatus::InProgress);
    EXPECT_EQ(correctiveActions(ws(), "F-99").error().kind, ErrorKind::NotFound);
    EXPECT_EQ(correctiveActions(ws())->size(), 3u);
    ASSERT_TRUE(removeCorrectiveAction(ws(), "CA-03"));
    EXPECT_EQ(action(f2.key).key, "CA-03");  // the highest left is CA-02
    EXPECT_EQ(removeCorrectiveAction(ws(), "CA-77").error().kind, ErrorKind::NotFound);
}

TEST_F(AuditTest, CorrectiveActionRulesLeaveTheWorkspaceUnchanged) {
    const Audit a = audit();
    const AuditFinding open = finding(a.key);
    AuditFinding closed = finding(a.key);
    closed.open = false;
    closed.closedOn = kPlanned.addDays(10);
    ASSERT_TRUE(setAuditFinding(ws(), closed));
    const std::string before = snapshot();

    CorrectiveAction ca;
    ca.finding = open.key;
    ca.description = "Fix it.";
    auto with = [&](auto change) {
        CorrectiveAction copy = ca;
        change(copy);
        return setCorrectiveAction(ws(), copy);
    };
    expectRefused(before, with([](CorrectiveAction& x) { x.finding = "F-99"; }), ErrorKind::NotFound, "F-99");
    expectRefused(before, with([](CorrectiveAction& x) { x.description = ""; }), ErrorKind::BadInput, "description");
    expectRefused(before, with([](CorrectiveAction& x) {
                      x.status = ActionStatus::Done;
                      x.closedOn = kPlanned.addDays(5);
                  }),
                  ErrorKind::BadInput, "root_cause");
    expectRefused(before, with([](CorrectiveAction& x) {
                      x.status = ActionStatus::Verified;
                      x.rootCause = "No owner.";
                  }),
                  ErrorKind::BadInput, "closed_on");
    expectRefused(before, with([](CorrectiveAction& x) { x.closedOn = kPlanned.addDays(5); }), ErrorKind::BadInput,
                  "status is open");
    expectRefused(before, with([](CorrectiveAction& x) {
                      x.status = ActionStatus::Done;
                      x.rootCause = "No owner.";
                      x.closedOn = kPlanned.addDays(-3);
                  }),
                  ErrorKind::BadInput, "was raised");
    const std::string closedKey = closed.key;
    expectRefused(before, with([&](CorrectiveAction& x) { x.finding = closedKey; }), ErrorKind::BadInput, "is closed");
    expectRefused(before, with([&](CorrectiveAction& x) {
                      x.finding = closedKey;
                      x.status = ActionStatus::Done;
                      x.rootCause = "No owner.";
                      x.closedOn = kPlanned.addDays(12);
                  }),
                  ErrorKind::BadInput, "after finding");
}

TEST_F(AuditTest, ReviewInputsCompleteOrMissing) {
    ManagementReview full = fullReview();
    EXPECT_TRUE(full.missingInputs().empty());
    EXPECT_TRUE(full.hasRequiredOutputs());
    auto written = setManagementReview(ws(), full);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(written->key, "MR-2026-1");

    ManagementReview partial = fullReview();
    std::erase_if(partial.inputs, [](const ReviewInputEntry& e) {
        return e.input == ReviewInput::InterestedPartiesFeedback || e.input == ReviewInput::MonitoringResults;
    });
    partial.decisions = {{DecisionKind::Improvement, "Automate metrics.", "", std::nullopt}};
    ASSERT_TRUE(setManagementReview(ws(), partial));

    auto all = managementReviews(ws());
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].key, "MR-2026-1");
    EXPECT_TRUE((*all)[0].missingInputs().empty());
    EXPECT_EQ((*all)[0].inputs.size(), 10u);
    EXPECT_EQ((*all)[0].decisions.size(), 2u);
    EXPECT_EQ((*all)[0].decisions[0].due, Date(2026, 6, 1));
    EXPECT_EQ((*all)[0].chair, "CEO");
    EXPECT_TRUE((*all)[0].hasRequiredOutputs());
    EXPECT_EQ((*all)[1].key, "MR-2026-2");
    EXPECT_EQ((*all)[1].missingInputs(),
              (std::vector<ReviewInput>{ReviewInput::MonitoringResults, ReviewInput::InterestedPartiesFeedback}));
    EXPECT_FALSE((*all)[1].hasRequiredOutputs());  // no ISMS-change decision
}

TEST_F(AuditTest, ReadyForCertificationNeedsAReadinessDecision) {
    ManagementReview r = fullReview();
    r.key = "MR-2026-1";
    r.readyForCertification = true;
    const std::string before = snapshot();
    expectRefused(before, setManagementReview(ws(), r), ErrorKind::BadInput, "readiness decision");

    r.decisions.push_back({DecisionKind::Readiness, "The ISMS is ready for Stage 1.", "CEO", std::nullopt});
    ASSERT_TRUE(setManagementReview(ws(), r));
    auto all = managementReviews(ws());
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 1u);
    EXPECT_TRUE(all->front().readyForCertification);
    EXPECT_EQ(all->front().decisions.back().kind, DecisionKind::Readiness);
}

TEST_F(AuditTest, ReviewRulesLeaveTheWorkspaceUnchanged) {
    ASSERT_TRUE(setManagementReview(ws(), fullReview()));
    const std::string before = snapshot();
    auto with = [&](auto change) {
        ManagementReview copy = fullReview();
        copy.key = "MR-2026-1";
        change(copy);
        return setManagementReview(ws(), copy);
    };
    expectRefused(before, with([](ManagementReview& r) {
                      r.inputs.push_back({ReviewInput::AuditResults, "again"});
                  }),
                  ErrorKind::BadInput, "d3");
    expectRefused(before, with([](ManagementReview& r) { r.inputs[7].summary = " "; }), ErrorKind::BadInput, "input e");
    expectRefused(before, with([](ManagementReview& r) { r.decisions[0].text = ""; }), ErrorKind::BadInput,
                  "improvement");
    expectRefused(before, with([](ManagementReview& r) { r.decisions[0].due = Date(2026, 4, 1); }), ErrorKind::BadInput,
                  "before the review was held");
    expectRefused(before, with([](ManagementReview& r) { r.key = "MR 1"; }), ErrorKind::BadInput, "MR 1");
}

TEST_F(AuditTest, ReplacingAReviewReplacesItsInputsAndDecisions) {
    ManagementReview r = fullReview();
    auto written = setManagementReview(ws(), r);
    ASSERT_TRUE(written);
    r.key = written->key;
    r.inputs.resize(3);
    r.decisions = {{DecisionKind::Resources, "Hire a second engineer.", "CEO", std::nullopt}};
    ASSERT_TRUE(setManagementReview(ws(), r));
    auto all = managementReviews(ws());
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().inputs.size(), 3u);
    EXPECT_EQ(all->front().missingInputs().size(), 7u);
    ASSERT_EQ(all->front().decisions.size(), 1u);
    EXPECT_EQ(all->front().decisions[0].kind, DecisionKind::Resources);
    ASSERT_TRUE(removeManagementReview(ws(), r.key));
    EXPECT_TRUE(managementReviews(ws())->empty());
    EXPECT_EQ(removeManagementReview(ws(), r.key).error().kind, ErrorKind::NotFound);
}

TEST_F(AuditTest, CliAddsAndListsWithJson) {
    auto p = cliJson("programmes add --title 'ISMS programme' --from 2026-01-01 --to 2026-12-31 --json");
    EXPECT_EQ(p.at("key"), "AP-2026");
    auto a = cliJson(
        "audits add --programme AP-2026 --title 'Full audit' --planned 2026-03-10 --area iso27001-2022:9.2 "
        "--area iso27001-2022:A.5.15 --auditor Harbor --json");
    EXPECT_EQ(a.at("key"), "IA-2026-1");
    auto f = cliJson(
        "findings add --audit IA-2026-1 --type minor --requirement iso27001-2022:A.5.15 "
        "--description 'Reviews missed' --raised 2026-03-11 --json");
    EXPECT_EQ(f.at("key"), "F-01");
    auto ca = cliJson("actions add --finding F-01 --description 'Add systems' --owner CISO --due 2026-04-10 --json");
    EXPECT_EQ(ca.at("key"), "CA-01");
    auto set = cliJson("actions set CA-01 --status done --root-cause 'No owner' --closed 2026-03-20 --json");
    EXPECT_EQ(set.at("status"), "done");
    auto closed = cliJson("findings close F-01 --on 2026-03-25 --json");
    EXPECT_EQ(closed.at("open"), false);
    auto completed = cliJson("audits set IA-2026-1 --completed 2026-03-12 --json");
    EXPECT_EQ(completed.at("status"), "completed");

    auto audits = cliJson("audits --json").at("audits").as_array();
    ASSERT_EQ(audits.size(), 1u);
    const auto& entry = audits[0].as_object();
    for (const char* field : {"key", "programme", "kind", "title", "scope", "areas", "auditor", "planned_on",
                              "completed_on", "status", "findings", "open_findings"}) {
        EXPECT_TRUE(entry.contains(field)) << field;
    }
    EXPECT_EQ(entry.at("programme"), "AP-2026");
    EXPECT_EQ(entry.at("areas").as_array().size(), 2u);
    EXPECT_EQ(entry.at("completed_on"), "2026-03-12");
    EXPECT_EQ(entry.at("findings"), 1);
    EXPECT_EQ(entry.at("open_findings"), 0);

    auto findings = cliJson("findings list --audit IA-2026-1 --json").at("findings").as_array();
    ASSERT_EQ(findings.size(), 1u);
    for (const char* field :
         {"key", "audit", "type", "requirement", "description", "raised_on", "open", "closed_on", "actions"}) {
        EXPECT_TRUE(findings[0].as_object().contains(field)) << field;
    }
    EXPECT_EQ(findings[0].at("closed_on"), "2026-03-25");
    EXPECT_TRUE(cliJson("findings --open --json").at("findings").as_array().empty());

    auto actions = cliJson("actions --finding F-01 --json").at("actions").as_array();
    ASSERT_EQ(actions.size(), 1u);
    for (const char* field : {"key", "finding", "description", "root_cause", "owner", "due", "status", "closed_on"}) {
        EXPECT_TRUE(actions[0].as_object().contains(field)) << field;
    }
    EXPECT_EQ(actions[0].at("root_cause"), "No owner");
    EXPECT_EQ(cliJson("programmes --json").at("programmes").as_array().size(), 1u);
}

TEST_F(AuditTest, CliReviewsShowEveryInputAndWhatIsMissing) {
    const auto r =
        cli("reviews add --held 2026-04-20 --chair CEO --input a='No earlier actions' --input d3='Two minor findings' "
            "--decision improvement='Automate metrics' --decision isms-change='Extend scope' "
            "--decision readiness='Ready for Stage 1' --ready --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto show = cliJson("reviews show MR-2026-1 --json");
    const auto& inputs = show.at("inputs").as_array();
    ASSERT_EQ(inputs.size(), 10u);
    EXPECT_EQ(inputs[0].at("input"), "a");
    EXPECT_EQ(inputs[0].at("summary"), "No earlier actions");
    EXPECT_TRUE(inputs[1].at("summary").is_null());
    EXPECT_EQ(inputs[5].at("input"), "d3");
    EXPECT_EQ(show.at("missing_inputs").as_array().size(), 8u);
    EXPECT_EQ(show.at("decisions").as_array().size(), 3u);
    EXPECT_EQ(show.at("ready_for_certification"), true);
    EXPECT_EQ(show.at("has_required_outputs"), true);

    const auto text = cli("reviews show MR-2026-1");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("MISSING"), std::string::npos);
    EXPECT_NE(text.out.find("No earlier actions"), std::string::npos);
    EXPECT_EQ(cliJson("reviews --json").at("reviews").as_array().size(), 1u);
}

TEST_F(AuditTest, CliRefusesBadInputWithExitTwoAndWritesNothing) {
    ASSERT_EQ(cli("audits add --title A --planned 2026-03-10").exitCode, 0);
    const std::string before = snapshot();
    const struct {
        const char* args;
        const char* mention;
    } cases[] = {
        {"audits add --title B --planned 2026-02-30", "--planned"},
        {"audits add --title B --planned 2026-03-10 --area iso27001-2022:A.99", "iso27001-2022:A.99"},
        {"audits add --title B --planned 2026-03-10 --kind stage3", "--kind: 'stage3' is not one of internal, stage1"},
        {"audits set IA-2026-1 --status done", "--status: 'done' is not one of planned, in-progress"},
        {"audits add --key IA-2026-1 --title B --planned 2026-03-10", "already exists"},
        {"audits set IA-2026-9 --title B", "IA-2026-9"},
        {"findings add --audit IA-2026-1 --type minor --description D --raised 26-03-11", "--raised"},
        {"findings add --audit IA-2026-1 --type severe --description D --raised 2026-03-11", "--type"},
        {"findings add --audit IA-2026-1 --type minor --description D --raised 2026-03-01", "before audit"},
        {"actions add --finding F-09 --description D", "F-09"},
        {"actions set CA-09 --status done", "CA-09"},
        {"findings close F-09 --on 2026-03-20", "F-09"},
        {"programmes remove AP-1999", "AP-1999"},
        {"reviews add --held 2026-04-20 --input z=nothing", "--input: 'z' is not one of a, b, c"},
        {"reviews add --held 2026-04-20 --input nothing", "--input: 'nothing' is not CODE=SUMMARY"},
        {"reviews add --held 2026-04-20 --decision vote=yes", "--decision: 'vote' is not one of improvement"},
        {"reviews show MR-2026-9", "MR-2026-9"},
        {"reviews add --held 2026-04-20 --ready", "readiness decision"},
        {"programmes add --title P --from 2026-12-31 --to 2026-01-01", "before starts_on"},
    };
    for (const auto& c : cases) {
        const auto r = cli(c.args);
        expectOneLineError(r, c.args, c.mention);
    }
    EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace cw::test
