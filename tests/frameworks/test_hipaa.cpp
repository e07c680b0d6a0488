// HIPAA: the Security Rule checked against the regulation's own matrix
// (Appendix A to Subpart C of 45 CFR Part 164, plus the designations written in
// 164.314 and 164.316), the Breach Notification and Privacy Rule structure,
// scoping by entity type and the readiness checks.
#include "framework_fixture.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cw {
namespace {

namespace json = boost::json;
using test::contains;
using test::entry;

class Hipaa : public test::FrameworkTest<Hipaa> {
public:
    static constexpr const char* kPluginFile = "hipaa";
    static constexpr const char* kPluginId = "hipaa";
    static constexpr const char* kFrameworkId = "hipaa";
};

// One row of the Security Rule matrix. designation: 'R' required, 'A' addressable,
// '-' for a standard that has implementation specifications of its own.
struct Row {
    const char* ref;
    const char* parent;
    const char* title;
    char designation;
};

// Appendix A to Subpart C of Part 164 — Security Standards: Matrix, with each
// implementation specification under its own citation.
const std::vector<Row> kAppendixA = {
    // Administrative safeguards (164.308)
    {"164.308(a)(1)", "164.308", "Security management process", '-'},
    {"164.308(a)(1)(ii)(A)", "164.308(a)(1)", "Risk analysis", 'R'},
    {"164.308(a)(1)(ii)(B)", "164.308(a)(1)", "Risk management", 'R'},
    {"164.308(a)(1)(ii)(C)", "164.308(a)(1)", "Sanction policy", 'R'},
    {"164.308(a)(1)(ii)(D)", "164.308(a)(1)", "Information system activity review", 'R'},
    {"164.308(a)(2)", "164.308", "Assigned security responsibility", 'R'},
    {"164.308(a)(3)", "164.308", "Workforce security", '-'},
    {"164.308(a)(3)(ii)(A)", "164.308(a)(3)", "Authorization and/or supervision", 'A'},
    {"164.308(a)(3)(ii)(B)", "164.308(a)(3)", "Workforce clearance procedure", 'A'},
    {"164.308(a)(3)(ii)(C)", "164.308(a)(3)", "Termination procedures", 'A'},
    {"164.308(a)(4)", "164.308", "Information access management", '-'},
    {"164.308(a)(4)(ii)(A)", "164.308(a)(4)", "Isolating health care clearinghouse functions", 'R'},
    {"164.308(a)(4)(ii)(B)", "164.308(a)(4)", "Access authorization", 'A'},
    {"164.308(a)(4)(ii)(C)", "164.308(a)(4)", "Access establishment and modification", 'A'},
    {"164.308(a)(5)", "164.308", "Security awareness and training", '-'},
    {"164.308(a)(5)(ii)(A)", "164.308(a)(5)", "Security reminders", 'A'},
    {"164.308(a)(5)(ii)(B)", "164.308(a)(5)", "Protection from malicious software", 'A'},
    {"164.308(a)(5)(ii)(C)", "164.308(a)(5)", "Log-in monitoring", 'A'},
    {"164.308(a)(5)(ii)(D)", "164.308(a)(5)", "Password management", 'A'},
    {"164.308(a)(6)", "164.308", "Security incident procedures", '-'},
    {"164.308(a)(6)(ii)", "164.308(a)(6)", "Response and reporting", 'R'},
    {"164.308(a)(7)", "164.308", "Contingency plan", '-'},
    {"164.308(a)(7)(ii)(A)", "164.308(a)(7)", "Data backup plan", 'R'},
    {"164.308(a)(7)(ii)(B)", "164.308(a)(7)", "Disaster recovery plan", 'R'},
    {"164.308(a)(7)(ii)(C)", "164.308(a)(7)", "Emergency mode operation plan", 'R'},
    {"164.308(a)(7)(ii)(D)", "164.308(a)(7)", "Testing and revision procedures", 'A'},
    {"164.308(a)(7)(ii)(E)", "164.308(a)(7)", "Applications and data criticality analysis", 'A'},
    {"164.308(a)(8)", "164.308", "Evaluation", 'R'},
    {"164.308(b)(1)", "164.308", "Business associate contracts and other arrangements", '-'},
    {"164.308(b)(3)", "164.308(b)(1)", "Written contract or other arrangement", 'R'},
    // Physical safeguards (164.310)
    {"164.310(a)(1)", "164.310", "Facility access controls", '-'},
    {"164.310(a)(2)(i)", "164.310(a)(1)", "Contingency operations", 'A'},
    {"164.310(a)(2)(ii)", "164.310(a)(1)", "Facility security plan", 'A'},
    {"164.310(a)(2)(iii)", "164.310(a)(1)", "Access control and validation procedures", 'A'},
    {"164.310(a)(2)(iv)", "164.310(a)(1)", "Maintenance records", 'A'},
    {"164.310(b)", "164.310", "Workstation use", 'R'},
    {"164.310(c)", "164.310", "Workstation security", 'R'},
    {"164.310(d)(1)", "164.310", "Device and media controls", '-'},
    {"164.310(d)(2)(i)", "164.310(d)(1)", "Disposal", 'R'},
    {"164.310(d)(2)(ii)", "164.310(d)(1)", "Media re-use", 'R'},
    {"164.310(d)(2)(iii)", "164.310(d)(1)", "Accountability", 'A'},
    {"164.310(d)(2)(iv)", "164.310(d)(1)", "Data backup and storage", 'A'},
    // Technical safeguards (164.312)
    {"164.312(a)(1)", "164.312", "Access control", '-'},
    {"164.312(a)(2)(i)", "164.312(a)(1)", "Unique user identification", 'R'},
    {"164.312(a)(2)(ii)", "164.312(a)(1)", "Emergency access procedure", 'R'},
    {"164.312(a)(2)(iii)", "164.312(a)(1)", "Automatic logoff", 'A'},
    {"164.312(a)(2)(iv)", "164.312(a)(1)", "Encryption and decryption", 'A'},
    {"164.312(b)", "164.312", "Audit controls", 'R'},
    {"164.312(c)(1)", "164.312", "Integrity", '-'},
    {"164.312(c)(2)", "164.312(c)(1)", "Mechanism to authenticate electronic protected health information", 'A'},
    {"164.312(d)", "164.312", "Person or entity authentication", 'R'},
    {"164.312(e)(1)", "164.312", "Transmission security", '-'},
    {"164.312(e)(2)(i)", "164.312(e)(1)", "Integrity controls", 'A'},
    {"164.312(e)(2)(ii)", "164.312(e)(1)", "Encryption", 'A'},
};

// 164.314 and 164.316 are not in Appendix A; the regulation marks their specifications "(Required)".
const std::vector<Row> kOrganizationalAndDocumentation = {
    {"164.314(a)(1)", "164.314", "Business associate contracts or other arrangements", '-'},
    {"164.314(a)(2)(i)(A)", "164.314(a)(1)", nullptr, 'R'},
    {"164.314(a)(2)(i)(B)", "164.314(a)(1)", nullptr, 'R'},
    {"164.314(a)(2)(i)(C)", "164.314(a)(1)", nullptr, 'R'},
    {"164.314(a)(2)(ii)", "164.314(a)(1)", "Other arrangements", 'R'},
    {"164.314(a)(2)(iii)", "164.314(a)(1)", "Business associate contracts with subcontractors", 'R'},
    {"164.314(b)(1)", "164.314", "Requirements for group health plans", '-'},
    {"164.314(b)(2)(i)", "164.314(b)(1)", nullptr, 'R'},
    {"164.314(b)(2)(ii)", "164.314(b)(1)", nullptr, 'R'},
    {"164.314(b)(2)(iii)", "164.314(b)(1)", nullptr, 'R'},
    {"164.314(b)(2)(iv)", "164.314(b)(1)", nullptr, 'R'},
    {"164.316(a)", "164.316", "Policies and procedures", 'R'},
    {"164.316(b)(1)", "164.316", "Documentation", '-'},
    {"164.316(b)(2)(i)", "164.316(b)(1)", "Time limit", 'R'},
    {"164.316(b)(2)(ii)", "164.316(b)(1)", "Availability", 'R'},
    {"164.316(b)(2)(iii)", "164.316(b)(1)", "Updates", 'R'},
};

void expectRows(const test::FrameworkIndex& fw, const std::vector<Row>& rows) {
    for (const Row& row : rows) {
        SCOPED_TRACE(row.ref);
        const Control& c = fw.at(row.ref);
        EXPECT_EQ(c.parent, row.parent);
        if (row.title != nullptr) {
            EXPECT_EQ(c.title, row.title);
        }
        EXPECT_TRUE(c.assessable);
        EXPECT_EQ(test::attrString(c, "rule"), "security");
        switch (row.designation) {
            case 'R':
                EXPECT_EQ(test::attrString(c, "designation"), "required");
                break;
            case 'A':
                EXPECT_EQ(test::attrString(c, "designation"), "addressable");
                break;
            default:
                EXPECT_EQ(c.kind, "standard");
                EXPECT_EQ(test::attrString(c, "designation"), "");  // its specifications carry it
                EXPECT_FALSE(fw.children(row.ref).empty());
        }
        if (row.designation != '-') {
            // A standard without specifications is itself the requirement (Appendix A marks it R).
            const bool standard = fw.at(row.parent).kind == "section";
            EXPECT_EQ(c.kind, standard ? "standard" : "implementation-specification");
            if (standard) {
                EXPECT_TRUE(fw.children(row.ref).empty());
            }
        }
    }
}

std::vector<std::string> refsOf(const std::vector<Row>& rows, char designation) {
    std::vector<std::string> out;
    for (const Row& row : rows) {
        if (row.designation == designation) out.emplace_back(row.ref);
    }
    return out;
}

TEST_F(Hipaa, PluginDescribesTheRegulation) {
    EXPECT_EQ(fw().framework().kind, FrameworkKind::Regulation);
    EXPECT_EQ(fw().framework().publisher, "U.S. Department of Health and Human Services");
    EXPECT_TRUE(plugin().hasScope);
    EXPECT_TRUE(plugin().hasReadiness);
}

TEST_F(Hipaa, RefsAreUniqueAndWellFormedCitations) {
    expectWellFormedRefs(
        R"((security|breach-notification|privacy)-rule|164\.[1-5][0-9]{2}(\([a-z]\)(\([1-9]\)(\((i|ii|iii|iv|v)\)(\([A-E]\))?)?)?)?)");
}

TEST_F(Hipaa, ThreeRulesAtTheTop) {
    EXPECT_EQ(fw().topLevel(), (std::vector<std::string>{"security-rule", "breach-notification-rule", "privacy-rule"}));
    EXPECT_EQ(fw().children("security-rule"),
              (std::vector<std::string>{"164.306", "164.308", "164.310", "164.312", "164.314", "164.316"}));
    EXPECT_EQ(fw().at("164.308").title, "Administrative safeguards");
    EXPECT_EQ(fw().at("164.310").title, "Physical safeguards");
    EXPECT_EQ(fw().at("164.312").title, "Technical safeguards");
    EXPECT_EQ(fw().at("164.314").title, "Organizational requirements");
}

TEST_F(Hipaa, SecurityRuleMatchesAppendixA) {
    expectRows(fw(), kAppendixA);
    // Appendix A: 14 required and 22 addressable specifications, 6 standards without specifications.
    std::size_t required = 0;
    std::size_t addressable = 0;
    std::size_t bare = 0;
    for (const Row& row : kAppendixA) {
        const Control& c = fw().at(row.ref);
        if (c.kind == "implementation-specification") {
            required += row.designation == 'R' ? 1 : 0;
            addressable += row.designation == 'A' ? 1 : 0;
        } else if (row.designation == 'R') {
            ++bare;
        }
    }
    EXPECT_EQ(required, 14u);
    EXPECT_EQ(addressable, 22u);
    EXPECT_EQ(bare, 6u);

    // Nothing in 164.308-164.312 beyond the matrix.
    std::set<std::string> matrix;
    for (const Row& row : kAppendixA) matrix.insert(row.ref);
    for (const auto& ref : fw().refs()) {
        if (ref.starts_with("164.308(") || ref.starts_with("164.310(") || ref.starts_with("164.312(")) {
            EXPECT_TRUE(matrix.contains(ref)) << ref << " is not in Appendix A";
        }
    }
}

TEST_F(Hipaa, OrganizationalAndDocumentationRequirementsAreRequired) {
    expectRows(fw(), kOrganizationalAndDocumentation);
    // Every designation in the catalog is one of the two the regulation uses, and only on the Security Rule.
    std::vector<Row> all = kAppendixA;
    all.insert(all.end(), kOrganizationalAndDocumentation.begin(), kOrganizationalAndDocumentation.end());
    EXPECT_EQ(fw().withAttribute("designation", "required"), refsOf(all, 'R'));
    EXPECT_EQ(fw().withAttribute("designation", "addressable"), refsOf(all, 'A'));
}

TEST_F(Hipaa, ConditionalSecurityRequirements) {
    EXPECT_EQ(test::attrString(fw().at("164.308(a)(4)(ii)(A)"), "condition"), "clearinghouse-in-larger-organization");
    EXPECT_EQ(fw().withAttribute("condition", "group-health-plan"),
              (std::vector<std::string>{"164.314(b)(1)", "164.314(b)(2)(i)", "164.314(b)(2)(ii)", "164.314(b)(2)(iii)",
                                        "164.314(b)(2)(iv)", "164.504(f)"}));
    EXPECT_EQ(test::attrString(fw().at("164.314(a)(2)(ii)"), "condition"), "other-arrangement");
    EXPECT_EQ(test::attrString(fw().at("164.314(a)(2)(iii)"), "condition"), "subcontractors");
    EXPECT_EQ(test::attrString(fw().at("164.308(a)(5)(ii)(C)"), "safeguard"), "administrative");
    EXPECT_EQ(test::attrString(fw().at("164.310(d)(2)(iv)"), "safeguard"), "physical");
    EXPECT_EQ(test::attrString(fw().at("164.312(e)(2)(ii)"), "safeguard"), "technical");
}

TEST_F(Hipaa, BreachNotificationRule) {
    EXPECT_EQ(fw().children("breach-notification-rule"),
              (std::vector<std::string>{"164.400", "164.402", "164.404", "164.406", "164.408", "164.410", "164.412",
                                        "164.414"}));
    const std::map<std::string, std::string> titles = {{"164.400", "Applicability"},
                                                       {"164.402", "Definitions"},
                                                       {"164.404", "Notification to individuals"},
                                                       {"164.406", "Notification to the media"},
                                                       {"164.408", "Notification to the Secretary"},
                                                       {"164.410", "Notification by a business associate"},
                                                       {"164.412", "Law enforcement delay"},
                                                       {"164.414", "Burden of proof"}};
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
    for (const auto& ref : fw().refs()) {
        if (ref.starts_with("164.4")) {
            EXPECT_EQ(test::attrString(fw().at(ref), "rule"), "breach-notification") << ref;
        }
    }
    // Who notifies whom.
    EXPECT_EQ(test::attrStrings(fw().at("164.404(a)"), "applies_to"), std::vector<std::string>{"covered-entity"});
    EXPECT_EQ(test::attrStrings(fw().at("164.410(a)"), "applies_to"), std::vector<std::string>{"business-associate"});
    EXPECT_EQ(fw().at("164.404(b)").parent, "164.404(a)");
    EXPECT_EQ(fw().at("164.404(b)").title, "Timeliness of notification");
    EXPECT_EQ(fw().at("164.408(b)").title, "Breaches involving 500 or more individuals");
}

TEST_F(Hipaa, PrivacyRuleStandards) {
    EXPECT_EQ(fw().children("privacy-rule"),
              (std::vector<std::string>{"164.502", "164.504", "164.506", "164.508", "164.510", "164.512", "164.514",
                                        "164.520", "164.522", "164.524", "164.526", "164.528", "164.530"}));
    const std::map<std::string, std::string> standards = {
        {"164.502(a)", "Permitted and required uses and disclosures"},
        {"164.502(b)", "Minimum necessary"},
        {"164.502(e)", "Disclosures to business associates"},
        {"164.502(g)", "Personal representatives"},
        {"164.504(e)", "Business associate contracts"},
        {"164.504(f)", "Requirements for group health plans"},
        {"164.508(a)", "Authorizations for uses and disclosures"},
        {"164.510(a)", "Use and disclosure for facility directories"},
        {"164.512(f)", "Disclosures for law enforcement purposes"},
        {"164.512(i)", "Uses and disclosures for research purposes"},
        {"164.514(a)", "De-identification of protected health information"},
        {"164.514(d)", "Minimum necessary requirements"},
        {"164.514(e)", "Limited data set"},
        {"164.520(a)", "Notice of privacy practices"},
        {"164.522(b)", "Confidential communications requirements"},
        {"164.524(a)", "Access to protected health information"},
        {"164.526(a)", "Right to amend"},
        {"164.528(a)", "Right to an accounting of disclosures of protected health information"},
        {"164.530(a)", "Personnel designations"},
        {"164.530(b)", "Training"},
        {"164.530(c)", "Safeguards"},
        {"164.530(d)", "Complaints to the covered entity"},
        {"164.530(e)", "Sanctions"},
        {"164.530(f)", "Mitigation"},
        {"164.530(g)", "Refraining from intimidating or retaliatory acts"},
        {"164.530(h)", "Waiver of rights"},
        {"164.530(i)", "Policies and procedures"},
        {"164.530(j)", "Documentation"},
    };
    for (const auto& [ref, title] : standards) {
        EXPECT_EQ(fw().at(ref).title, title) << ref;
        EXPECT_EQ(fw().at(ref).kind, "standard") << ref;
        EXPECT_EQ(test::attrString(fw().at(ref), "rule"), "privacy") << ref;
        EXPECT_TRUE(fw().at(ref).assessable) << ref;
    }
    EXPECT_EQ(fw().children("164.512").size(), 12u);  // (a) to (l)
    EXPECT_EQ(fw().at("164.530(j)(2)").title, "Retention period");
    EXPECT_EQ(fw().at("164.530(j)(2)").parent, "164.530(j)");
    EXPECT_EQ(fw().at("164.524(b)").parent, "164.524(a)");
    // Privacy Rule nodes carry no Security Rule designation.
    for (const auto& ref : fw().refs()) {
        if (ref.starts_with("164.5")) {
            EXPECT_EQ(test::attrString(fw().at(ref), "designation"), "") << ref;
        }
    }
}

// --- scoping ---------------------------------------------------------------------

// A health-tech SaaS hosting ePHI for hospitals: a business associate.
const json::object kBusinessAssociate{{"entity_type", "business-associate"}, {"handles_ephi", true}};

TEST_F(Hipaa, HealthTechSaasBusinessAssociate) {
    const auto out = scope(kBusinessAssociate);
    ASSERT_TRUE(out.ok);
    // The whole Security Rule binds it.
    for (const auto& ref : {"164.308(a)(1)(ii)(A)", "164.312(a)(2)(iv)", "164.314(a)(2)(i)(B)", "164.314(a)(2)(iii)",
                            "164.316(b)(2)(i)", "164.306(a)"}) {
        EXPECT_EQ(out.applies(ref), true) << ref;
    }
    EXPECT_TRUE(contains(out.reason("164.308(a)(1)(ii)(A)"), "binds business associates"));
    // It notifies the covered entity (164.410), not individuals, media or the Secretary.
    EXPECT_EQ(out.applies("164.410(a)"), true);
    EXPECT_EQ(out.reason("164.410(a)"),
              "164.410(a) binds business associates; the organization is a business associate");
    for (const auto& ref : {"164.404(a)", "164.404(b)", "164.406(a)", "164.408(a)"}) {
        EXPECT_EQ(out.applies(ref), false) << ref;
        EXPECT_TRUE(contains(out.reason(ref), "notifies the covered entity under 164.410")) << ref;
    }
    // Covered-entity duties of the Privacy Rule reach it only through the BAA.
    for (const auto& ref : {"164.520(a)", "164.524(a)", "164.526(a)", "164.528(a)", "164.530(a)", "164.530(j)(2)",
                            "164.506(a)", "164.508(a)", "164.512(f)", "164.502(g)"}) {
        EXPECT_EQ(out.applies(ref), false) << ref;
    }
    EXPECT_TRUE(contains(out.reason("164.524(a)"), "only as its BAA requires"));
    // Not a group health plan nor a clearinghouse.
    EXPECT_EQ(out.applies("164.314(b)(1)"), false);
    EXPECT_EQ(out.applies("164.504(f)"), false);
    EXPECT_TRUE(contains(out.reason("164.314(b)(2)(i)"), "answers.group_health_plan is false"));
    EXPECT_EQ(out.applies("164.308(a)(4)(ii)(A)"), false);
    EXPECT_TRUE(contains(out.reason("164.308(a)(4)(ii)(A)"), "answers.clearinghouse_in_larger_org is false"));
    // Duties shared by both are not listed: they apply whatever the answers.
    for (const auto& ref : {"164.502(a)", "164.502(b)", "164.502(e)", "164.504(e)", "164.514(d)", "164.412(a)"}) {
        EXPECT_FALSE(out.applies(ref).has_value()) << ref;
    }
    // By rule: Security Rule applies except the two conditions; every listed CE-only node does not.
    for (const auto& row : out.rows) {
        const Control& c = fw().at(row.ref);
        const std::string rule = test::attrString(c, "rule");
        if (rule == "security") {
            const bool conditional = !test::attrString(c, "condition").empty() &&
                                     test::attrString(c, "condition") != "other-arrangement" &&
                                     test::attrString(c, "condition") != "subcontractors";
            EXPECT_EQ(row.applies, !conditional) << row.ref;
        } else {
            EXPECT_EQ(row.applies, row.ref.starts_with("164.410")) << row.ref;
        }
    }
    EXPECT_TRUE(contains(out.allNotes(), "business associate agreement"));
}

TEST_F(Hipaa, HospitalCoveredEntity) {
    const auto out = scope(json::object{{"entity_type", "covered-entity"}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.applies("164.404(a)"), true);
    EXPECT_EQ(out.applies("164.408(b)"), true);
    EXPECT_EQ(out.applies("164.524(b)"), true);
    EXPECT_EQ(out.applies("164.530(j)(2)"), true);
    EXPECT_TRUE(contains(out.reason("164.530(j)(2)"), "binds covered entities; the organization is a covered entity"));
    EXPECT_EQ(out.applies("164.410(a)"), false);
    EXPECT_TRUE(contains(out.reason("164.410(a)"), "binds business associates"));
    EXPECT_EQ(out.applies("164.308(a)(1)(ii)(A)"), true);  // handles_ephi defaults to true
    EXPECT_TRUE(contains(out.reason("164.308(a)(1)(ii)(A)"), "binds covered entities"));
    EXPECT_EQ(out.applies("164.314(b)(1)"), false);  // group_health_plan defaults to false
    EXPECT_EQ(out.applies("164.308(a)(4)(ii)(A)"), false);
}

TEST_F(Hipaa, GroupHealthPlanAndClearinghouse) {
    const auto plan = scope(json::object{{"entity_type", "covered-entity"}, {"group_health_plan", true}});
    for (const auto& ref : {"164.314(b)(1)", "164.314(b)(2)(iv)", "164.504(f)"}) {
        EXPECT_EQ(plan.applies(ref), true) << ref;
        EXPECT_TRUE(contains(plan.reason(ref), "group health plan")) << ref;
    }
    EXPECT_EQ(plan.applies("164.308(a)(4)(ii)(A)"), false);

    const auto clearinghouse =
        scope(json::object{{"entity_type", "covered-entity"}, {"clearinghouse_in_larger_org", true}});
    EXPECT_EQ(clearinghouse.applies("164.308(a)(4)(ii)(A)"), true);
    EXPECT_TRUE(contains(clearinghouse.reason("164.308(a)(4)(ii)(A)"), "clearinghouse"));
    EXPECT_EQ(clearinghouse.applies("164.314(b)(1)"), false);

    // A business associate cannot be the group health plan: the duty stays with the plan.
    const auto ba = scope(json::object{{"entity_type", "business-associate"}, {"group_health_plan", true}});
    EXPECT_EQ(ba.applies("164.314(b)(1)"), false);
    EXPECT_TRUE(contains(ba.reason("164.314(b)(1)"), "group health plans, which are covered entities"));
}

TEST_F(Hipaa, WithoutEphiTheSecurityRuleIsOutOfScope) {
    // A paper-records clinic.
    const auto out = scope(json::object{{"entity_type", "covered-entity"}, {"handles_ephi", false}});
    ASSERT_TRUE(out.ok);
    std::size_t security = 0;
    for (const auto& row : out.rows) {
        if (test::attrString(fw().at(row.ref), "rule") != "security") continue;
        ++security;
        EXPECT_FALSE(row.applies) << row.ref;
        EXPECT_TRUE(contains(row.reason, "answers.handles_ephi is false")) << row.ref;
    }
    // Every assessable Security Rule node: 164.306(a) and (e), then the 22 standards and 48
    // implementation specifications of 164.308-164.316.
    EXPECT_EQ(security, 72u);
    EXPECT_EQ(out.applies("164.404(a)"), true);  // breach notification covers PHI in any form
    EXPECT_TRUE(contains(out.allNotes(), "Without ePHI the Security Rule does not apply"));
}

TEST_F(Hipaa, HybridEntityIsACoveredEntityForItsHealthCareComponents) {
    const auto out = scope(json::object{{"entity_type", "hybrid-entity"}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.applies("164.524(a)"), true);
    EXPECT_TRUE(contains(out.reason("164.524(a)"), "164.105(a)"));
    EXPECT_EQ(out.applies("164.410(a)"), false);
    EXPECT_TRUE(contains(out.reason("164.308(a)(1)(ii)(A)"), "hybrid entity"));
    EXPECT_TRUE(contains(out.allNotes(), "hybrid entity is treated as a covered entity"));
}

TEST_F(Hipaa, ScopeRejectsWrongAnswers) {
    const std::string allowed =
        "answers.entity_type must be \"covered-entity\", \"business-associate\" or "
        "\"hybrid-entity\"";
    EXPECT_TRUE(contains(scopeError(json::object{}), allowed));
    EXPECT_TRUE(contains(scopeError(json::object{{"entity_type", "vendor"}}), allowed));
    EXPECT_TRUE(contains(scopeError(json::object{{"entity_type", "covered-entity"}, {"handles_ephi", "yes"}}),
                         "answers.handles_ephi must be true or false"));
    EXPECT_TRUE(contains(scopeError(json::object{{"entity_type", "covered-entity"}, {"group_health_plan", 1}}),
                         "answers.group_health_plan must be true or false"));
    EXPECT_TRUE(
        contains(scopeError(json::object{{"entity_type", "covered-entity"}, {"clearinghouse_in_larger_org", "no"}}),
                 "answers.clearinghouse_in_larger_org must be true or false"));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"hipaa"})"), "answers must be an object with entity_type"));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"gdpr","answers":{"entity_type":"covered-entity"}})"),
                         "framework must be \"hipaa\""));
}

// --- readiness -------------------------------------------------------------------

TEST_F(Hipaa, RiskAnalysisIsABlocker) {
    const auto planned = readiness(json::object{{"controls", json::array{entry("164.308(a)(1)(ii)(A)", "planned")}},
                                                {"answers", kBusinessAssociate}});
    const auto* finding = planned.find("hipaa.risk-analysis-missing", "164.308(a)(1)(ii)(A)");
    ASSERT_NE(finding, nullptr) << planned.dump();
    EXPECT_EQ(finding->severity, "blocker");
    EXPECT_TRUE(contains(finding->message, "Risk analysis"));
    EXPECT_TRUE(contains(finding->message, "is planned"));

    const auto absent = readiness(json::object{{"controls", json::array{}}, {"answers", kBusinessAssociate}});
    ASSERT_NE(absent.find("hipaa.risk-analysis-missing", "164.308(a)(1)(ii)(A)"), nullptr);
    EXPECT_TRUE(contains(absent.find("hipaa.risk-analysis-missing", "164.308(a)(1)(ii)(A)")->message,
                         "no risk analysis on file"));

    const auto done = readiness(json::object{{"controls", json::array{entry("164.308(a)(1)(ii)(A)", "implemented")}},
                                             {"answers", kBusinessAssociate}});
    EXPECT_EQ(done.count("hipaa.risk-analysis-missing"), 0u);
}

TEST_F(Hipaa, RequiredSpecificationsCannotBeSkipped) {
    json::array controls{entry("164.308(a)(1)(ii)(A)", "implemented"), entry("164.312(b)", "partial"),
                         entry("164.310(d)(2)(i)", "not-applicable", "we shred nothing"),
                         entry("164.314(a)(2)(iii)", "not-applicable", "no subcontractors touch ePHI"),
                         entry("164.314(a)(2)(ii)", "not-applicable")};
    const auto out = readiness(json::object{{"controls", controls}, {"answers", kBusinessAssociate}});
    ASSERT_TRUE(out.ok);
    const auto* partial = out.find("hipaa.required-not-implemented", "164.312(b)");
    ASSERT_NE(partial, nullptr) << out.dump();
    EXPECT_EQ(partial->severity, "major");
    EXPECT_EQ(partial->message, "164.312(b) (Audit controls) is required and is partial");
    // Required means required: not-applicable is refused (164.306(d)(2)).
    ASSERT_NE(out.find("hipaa.required-not-implemented", "164.310(d)(2)(i)"), nullptr);
    EXPECT_TRUE(contains(out.find("hipaa.required-not-implemented", "164.310(d)(2)(i)")->message,
                         "cannot be marked not applicable (164.306(d)(2))"));
    // ... except a conditional one whose condition does not hold, with a reason.
    EXPECT_EQ(out.find("hipaa.required-not-implemented", "164.314(a)(2)(iii)"), nullptr);
    ASSERT_NE(out.find("hipaa.required-not-implemented", "164.314(a)(2)(ii)"), nullptr);
    EXPECT_TRUE(contains(out.find("hipaa.required-not-implemented", "164.314(a)(2)(ii)")->message, "without a reason"));

    // The required requirements with no status, in one finding: 33 required in the Security Rule,
    // less the risk analysis (listed), 164.312(b) and 164.310(d)(2)(i) (listed), the clearinghouse
    // spec and the four group health plan specs (out of scope), 164.314(a)(2)(ii)/(iii) (listed).
    std::vector<test::Finding> unlisted;
    for (const auto& f : out.withCheck("hipaa.required-not-implemented")) {
        if (f.ref.empty()) unlisted.push_back(f);
    }
    ASSERT_EQ(unlisted.size(), 1u) << out.dump();
    EXPECT_TRUE(contains(unlisted[0].message, "23 required Security Rule requirements have no status recorded: "));
    EXPECT_TRUE(contains(unlisted[0].message, "164.308(a)(1)(ii)(B), "));
    EXPECT_TRUE(contains(unlisted[0].message, "164.316(b)(2)(iii)"));
    EXPECT_FALSE(contains(unlisted[0].message, "164.314(b)(2)(i)"));
    EXPECT_FALSE(contains(unlisted[0].message, "164.308(a)(4)(ii)(A)"));
    EXPECT_FALSE(contains(unlisted[0].message, "164.312(b),"));
    EXPECT_EQ(out.findings.size(), 4u) << out.dump();
}

TEST_F(Hipaa, AnsweredConditionsDecideConditionalSpecifications) {
    // A self-insured employer's group health plan: 164.314(b) is in scope and cannot be waved away.
    const json::object plan{{"entity_type", "covered-entity"}, {"group_health_plan", true}};
    const auto out = readiness(
        json::object{{"controls", json::array{entry("164.314(b)(2)(i)", "not-applicable", "plan sponsor handles it")}},
                     {"answers", plan}});
    ASSERT_NE(out.find("hipaa.required-not-implemented", "164.314(b)(2)(i)"), nullptr) << out.dump();
    EXPECT_TRUE(contains(out.find("hipaa.required-not-implemented", "164.314(b)(2)(i)")->message,
                         "applies per the scoping answers"));
    std::string unlisted;
    for (const auto& f : out.withCheck("hipaa.required-not-implemented")) {
        if (f.ref.empty()) unlisted = f.message;
    }
    // 33 - risk analysis - clearinghouse - 164.314(a)(2)(ii)/(iii) - 164.314(b)(2)(i) (listed) = 28.
    EXPECT_TRUE(contains(unlisted, "28 required Security Rule requirements have no status recorded"));
    EXPECT_TRUE(contains(unlisted, "164.314(b)(2)(ii)"));

    // Without answers a conditional spec may simply not apply: a reason is enough.
    const auto noAnswers = readiness(json::object{
        {"controls", json::array{entry("164.314(b)(2)(i)", "not-applicable", "not a group health plan")}}});
    EXPECT_EQ(noAnswers.find("hipaa.required-not-implemented", "164.314(b)(2)(i)"), nullptr) << noAnswers.dump();
    const auto noReason =
        readiness(json::object{{"controls", json::array{entry("164.308(a)(4)(ii)(A)", "not-applicable")}}});
    ASSERT_NE(noReason.find("hipaa.required-not-implemented", "164.308(a)(4)(ii)(A)"), nullptr);
    EXPECT_TRUE(contains(noReason.find("hipaa.required-not-implemented", "164.308(a)(4)(ii)(A)")->message,
                         "or pass the scoping answers"));
}

TEST_F(Hipaa, AddressableSpecificationsNeedADocumentedDecision) {
    json::object both = entry("164.312(a)(2)(iv)", "not-applicable", "ePHI never at rest outside the managed DB");
    both["alternative"] = "database-level TDE and full-disk encryption on hosts";
    json::object reasonOnly = entry("164.312(e)(2)(ii)", "planned", "legacy HL7 feed");
    json::object alternativeOnly = entry("164.310(a)(2)(ii)", "not-started");
    alternativeOnly["alternative"] = "cloud provider's facility controls (SOC 2 report)";
    json::object blank = entry("164.312(a)(2)(iii)", "partial", "  ");
    const json::array controls{both,
                               reasonOnly,
                               alternativeOnly,
                               blank,
                               entry("164.308(a)(5)(ii)(A)", "not-started"),
                               entry("164.308(a)(5)(ii)(D)", "implemented")};
    const auto out = readiness(json::object{{"controls", controls}, {"answers", kBusinessAssociate}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("hipaa.addressable-without-documentation"),
              (std::set<std::string>{"164.308(a)(5)(ii)(A)", "164.310(a)(2)(ii)", "164.312(a)(2)(iii)",
                                     "164.312(e)(2)(ii)"}));
    const auto* f = out.find("hipaa.addressable-without-documentation", "164.312(e)(2)(ii)");
    EXPECT_EQ(f->severity, "major");
    EXPECT_TRUE(contains(f->message, "missing \"alternative\""));
    EXPECT_TRUE(contains(f->message, "164.306(d)(3)(ii)(B)"));
    EXPECT_TRUE(contains(out.find("hipaa.addressable-without-documentation", "164.310(a)(2)(ii)")->message,
                         "missing \"reason\""));
    EXPECT_TRUE(contains(out.find("hipaa.addressable-without-documentation", "164.308(a)(5)(ii)(A)")->message,
                         "missing \"reason\" and \"alternative\""));
    EXPECT_TRUE(contains(out.find("hipaa.addressable-without-documentation", "164.312(a)(2)(iii)")->message,
                         "missing \"reason\" and \"alternative\""));
    // Addressable is never escalated to "required": the only such finding is the summary of unlisted ones.
    EXPECT_EQ(out.refs("hipaa.required-not-implemented"), (std::set<std::string>{""}));
}

TEST_F(Hipaa, DocumentationRetentionIsSixYears) {
    const auto retention = [&](const json::value& years, const json::value& answers) {
        json::object input{{"controls", json::array{entry("164.308(a)(1)(ii)(A)", "implemented")}},
                           {"documentation_retention_years", years}};
        if (!answers.is_null()) input["answers"] = answers;
        return readiness(input).refs("hipaa.documentation-retention");
    };
    const json::object coveredEntity{{"entity_type", "covered-entity"}};
    EXPECT_EQ(retention(3, coveredEntity), (std::set<std::string>{"164.316(b)(2)(i)", "164.530(j)(2)"}));
    EXPECT_EQ(retention(5.5, nullptr), (std::set<std::string>{"164.316(b)(2)(i)", "164.530(j)(2)"}));
    EXPECT_EQ(retention(3, kBusinessAssociate), (std::set<std::string>{"164.316(b)(2)(i)"}));
    EXPECT_EQ(retention(6, coveredEntity), (std::set<std::string>{}));
    EXPECT_EQ(retention(10, kBusinessAssociate), (std::set<std::string>{}));
    // Without ePHI only the Privacy Rule's retention is left.
    EXPECT_EQ(retention(2, json::object{{"entity_type", "covered-entity"}, {"handles_ephi", false}}),
              (std::set<std::string>{"164.530(j)(2)"}));

    const auto out = readiness(json::object{
        {"controls", json::array{}}, {"documentation_retention_years", 4}, {"answers", kBusinessAssociate}});
    const auto* f = out.find("hipaa.documentation-retention", "164.316(b)(2)(i)");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, "major");
    EXPECT_TRUE(contains(f->message, "documentation is kept 4 years; 164.316(b)(2)(i) requires 6 years"));

    EXPECT_TRUE(
        contains(readinessError(json::object{{"controls", json::array{}}, {"documentation_retention_years", "six"}}),
                 "documentation_retention_years must be a number"));
}

TEST_F(Hipaa, PaperOnlyClinicHasNoSecurityFindings) {
    const auto out =
        readiness(json::object{{"controls", json::array{}},
                               {"answers", json::object{{"entity_type", "covered-entity"}, {"handles_ephi", false}}}});
    ASSERT_TRUE(out.ok);
    EXPECT_TRUE(out.findings.empty()) << out.dump();
}

TEST_F(Hipaa, UnknownRefsAreReported) {
    const auto out = readiness(json::object{{"controls", json::array{entry("164.308(a)(9)", "implemented"),
                                                                     entry("164.308(a)(1)(ii)(A)", "implemented")}}});
    const auto* f = out.find("hipaa.unknown-ref", "164.308(a)(9)");
    ASSERT_NE(f, nullptr) << out.dump();
    EXPECT_EQ(f->severity, "info");
    EXPECT_EQ(f->message, "164.308(a)(9) is not a requirement of the hipaa catalog");
}

TEST_F(Hipaa, ReadinessRejectsMalformedInput) {
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{entry("164.312(b)", "done")}}}),
                         "controls[0].status must be"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{json::object{{"status", "planned"}}}}}),
                         "controls[0].ref must be a string"));
    EXPECT_TRUE(contains(
        readinessError(json::object{{"controls", json::array{}}, {"answers", json::object{{"entity_type", "clinic"}}}}),
        "answers.entity_type must be"));
    EXPECT_TRUE(contains(readinessError(json::object{}), "controls must be an array"));
}

}  // namespace
}  // namespace cw
