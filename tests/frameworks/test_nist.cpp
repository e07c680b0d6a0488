// NIST CSF 2.0 (6 Functions, 22 Categories, 106 Subcategories; scoping by
// Function) and NIST SP 800-53 Rev. 5 (20 families, controls and enhancements,
// SP 800-53B baselines; scoping by baseline with tailoring).
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

// ================================ CSF 2.0 ========================================

class NistCsf : public test::FrameworkTest<NistCsf> {
public:
    static constexpr const char* kPluginFile = "nist_csf";
    static constexpr const char* kPluginId = "nist-csf-2.0";
    static constexpr const char* kFrameworkId = "nist-csf-2.0";
};

// CSWP 29 Appendix A: each Category's Subcategory numbers (gaps are CSF 1.1 items withdrawn or moved).
const std::vector<std::pair<std::string, std::vector<int>>> kCsfCategories = {
    {"GV.OC", {1, 2, 3, 4, 5}},
    {"GV.RM", {1, 2, 3, 4, 5, 6, 7}},
    {"GV.RR", {1, 2, 3, 4}},
    {"GV.PO", {1, 2}},
    {"GV.OV", {1, 2, 3}},
    {"GV.SC", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
    {"ID.AM", {1, 2, 3, 4, 5, 7, 8}},
    {"ID.RA", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
    {"ID.IM", {1, 2, 3, 4}},
    {"PR.AA", {1, 2, 3, 4, 5, 6}},
    {"PR.AT", {1, 2}},
    {"PR.DS", {1, 2, 10, 11}},
    {"PR.PS", {1, 2, 3, 4, 5, 6}},
    {"PR.IR", {1, 2, 3, 4}},
    {"DE.CM", {1, 2, 3, 6, 9}},
    {"DE.AE", {2, 3, 4, 6, 7, 8}},
    {"RS.MA", {1, 2, 3, 4, 5}},
    {"RS.AN", {3, 6, 7, 8}},
    {"RS.CO", {2, 3}},
    {"RS.MI", {1, 2}},
    {"RC.RP", {1, 2, 3, 4, 5, 6}},
    {"RC.CO", {3, 4}},
};

std::string subcategory(const std::string& category, int n) {
    return category + "-" + (n < 10 ? "0" : "") + std::to_string(n);
}

std::vector<std::string> csfSubcategories(const std::set<std::string>& functions = {}) {
    std::vector<std::string> out;
    for (const auto& [category, numbers] : kCsfCategories) {
        if (!functions.empty() && !functions.contains(category.substr(0, 2))) continue;
        for (const int n : numbers) out.push_back(subcategory(category, n));
    }
    return out;
}

TEST_F(NistCsf, PluginDescribesTheFramework) {
    EXPECT_EQ(fw().framework().kind, FrameworkKind::Framework);
    EXPECT_EQ(fw().framework().version, "2.0");
    EXPECT_EQ(fw().framework().published, "2024-02-26");
    EXPECT_EQ(fw().framework().publisher, "NIST");
}

TEST_F(NistCsf, RefsAreUniqueAndWellFormed) {
    expectWellFormedRefs(R"((GV|ID|PR|DE|RS|RC)(\.[A-Z]{2}(-[0-9]{2}(\.Ex[1-9][0-9]?)?)?)?)");
}

TEST_F(NistCsf, SixFunctions) {
    EXPECT_EQ(fw().topLevel(), (std::vector<std::string>{"GV", "ID", "PR", "DE", "RS", "RC"}));
    EXPECT_EQ(fw().refs("function"), fw().topLevel());
    const std::map<std::string, std::string> titles = {{"GV", "Govern"}, {"ID", "Identify"}, {"PR", "Protect"},
                                                       {"DE", "Detect"}, {"RS", "Respond"},  {"RC", "Recover"}};
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
}

TEST_F(NistCsf, TwentyTwoCategories) {
    std::vector<std::string> categories;
    for (const auto& [category, numbers] : kCsfCategories) categories.push_back(category);
    EXPECT_EQ(fw().refs("category"), categories);
    for (const auto& category : categories) EXPECT_EQ(fw().at(category).parent, category.substr(0, 2)) << category;
    const std::map<std::string, std::string> titles = {
        {"GV.OC", "Organizational Context"},
        {"GV.SC", "Cybersecurity Supply Chain Risk Management"},
        {"ID.IM", "Improvement"},
        {"PR.AA", "Identity Management, Authentication, and Access Control"},
        {"PR.PS", "Platform Security"},
        {"PR.IR", "Technology Infrastructure Resilience"},
        {"DE.AE", "Adverse Event Analysis"},
        {"RS.CO", "Incident Response Reporting and Communication"},
        {"RC.RP", "Incident Recovery Plan Execution"}};
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
}

TEST_F(NistCsf, OneHundredSixSubcategories) {
    EXPECT_EQ(fw().refs("subcategory"), csfSubcategories());
    EXPECT_EQ(fw().count("subcategory"), 106u);
    EXPECT_EQ(fw().assessableRefs(), csfSubcategories());
    const std::map<std::string, std::size_t> perFunction = {{"GV", 31}, {"ID", 21}, {"PR", 22},
                                                            {"DE", 11}, {"RS", 13}, {"RC", 8}};
    for (const auto& [function, n] : perFunction) {
        EXPECT_EQ(fw().withAttribute("function", function, "subcategory").size(), n) << function;
    }
    for (const auto& [category, numbers] : kCsfCategories) {
        EXPECT_EQ(fw().withAttribute("category", category, "subcategory").size(), numbers.size()) << category;
    }
    // Withdrawn CSF 1.1 Subcategories are not carried over.
    for (const auto& ref : {"ID.AM-06", "PR.DS-03", "DE.CM-04", "RS.CO-01", "ID.BE-01", "PR.AC-01"}) {
        EXPECT_FALSE(fw().has(ref)) << ref;
    }
    EXPECT_EQ(fw().at("GV.OC-01").title,
              "The organizational mission is understood and informs cybersecurity risk management");
    EXPECT_EQ(fw().at("PR.AA-01").parent, "PR.AA");
}

TEST_F(NistCsf, ImplementationExamplesAreNotAssessable) {
    for (const auto& ref : fw().refs("implementation-example")) {
        const Control& example = fw().at(ref);
        EXPECT_FALSE(example.assessable) << ref;
        EXPECT_EQ(fw().at(example.parent).kind, "subcategory") << ref;
        EXPECT_TRUE(ref.starts_with(example.parent + ".Ex")) << ref;
    }
    EXPECT_EQ(fw().at("GV.OC-01.Ex1").parent, "GV.OC-01");
}

TEST_F(NistCsf, EveryFunctionInScopeByDefault) {
    const auto out = scope(json::object{});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs(), csfSubcategories());
    EXPECT_EQ(out.applying(), 106u);
    EXPECT_EQ(out.reason("GV.OC-01"), "Function GV (Govern) is in the scope of the organization's CSF profile");
    EXPECT_FALSE(contains(out.allNotes(), "GOVERN is excluded"));
}

TEST_F(NistCsf, FunctionFiltering) {
    const auto out =
        scope(json::object{{"functions", json::array{"GV", "ID", "PR"}}, {"organizational_profile", "target"}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.rows.size(), 106u);
    EXPECT_EQ(out.refs(true), csfSubcategories({"GV", "ID", "PR"}));
    EXPECT_EQ(out.refs(false), csfSubcategories({"DE", "RS", "RC"}));
    EXPECT_EQ(out.applying(), 74u);
    EXPECT_EQ(out.reason("DE.CM-01"), "Function DE (Detect) is excluded by answers.functions");
    EXPECT_TRUE(contains(out.allNotes(), "Target Profile"));

    const auto withoutGovern =
        scope(json::object{{"functions", json::array{"PR", "DE"}}, {"organizational_profile", "current"}});
    EXPECT_EQ(withoutGovern.applying(), 33u);
    EXPECT_EQ(withoutGovern.applies("GV.OC-01"), false);
    EXPECT_TRUE(contains(withoutGovern.allNotes(), "GOVERN is excluded"));
    EXPECT_TRUE(contains(withoutGovern.allNotes(), "Current Profile"));
}

TEST_F(NistCsf, ScopeRejectsWrongAnswers) {
    EXPECT_TRUE(contains(scopeError(json::object{{"functions", json::array{}}}),
                         "answers.functions must be a non-empty array of CSF Function ids"));
    EXPECT_TRUE(contains(scopeError(json::object{{"functions", "GV"}}), "answers.functions"));
    EXPECT_TRUE(contains(scopeError(json::object{{"functions", json::array{"GV", "XX"}}}),
                         "answers.functions contains \"XX\"; allowed values are \"GV\", \"ID\", \"PR\", \"DE\", "
                         "\"RS\", \"RC\""));
    EXPECT_TRUE(contains(scopeError(json::object{{"functions", json::array{"Govern"}}}), "answers.functions"));
    EXPECT_TRUE(contains(scopeError(json::object{{"organizational_profile", "future"}}),
                         "answers.organizational_profile must be \"current\" or \"target\""));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"nist-csf-2.0"})"), "answers must be an object"));
}

TEST_F(NistCsf, ReadinessFindsUnaddressedSubcategoriesAndGovernGaps) {
    json::array controls;
    for (const auto& ref : csfSubcategories({"GV", "ID"})) {
        if (ref == "GV.SC-10" || ref == "ID.RA-10") continue;  // never assessed
        controls.push_back(entry(ref, ref == "GV.OC-01" || ref == "GV.RR-02" ? "not-started" : "partial"));
    }
    controls.push_back(entry("ID.AM-08", "not-started"));  // not-started outside GOVERN: no govern-gap
    const json::object answers{{"functions", json::array{"GV", "ID"}}};
    const auto out = readiness(json::object{{"controls", controls}, {"answers", answers}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("nist-csf-2.0.subcategory-unaddressed"), (std::set<std::string>{"GV.SC-10", "ID.RA-10"}));
    EXPECT_EQ(out.find("nist-csf-2.0.subcategory-unaddressed", "GV.SC-10")->severity, "minor");
    EXPECT_EQ(out.refs("nist-csf-2.0.govern-gap"), (std::set<std::string>{"GV.OC-01", "GV.RR-02"}));
    EXPECT_EQ(out.find("nist-csf-2.0.govern-gap", "GV.OC-01")->severity, "major");
    EXPECT_EQ(out.findings.size(), 4u) << out.dump();

    // Without answers every Function is in scope: PR, DE, RS and RC subcategories are unaddressed too.
    const auto all = readiness(json::object{{"controls", controls}});
    EXPECT_EQ(all.count("nist-csf-2.0.subcategory-unaddressed"), 2u + 22u + 11u + 13u + 8u);
    EXPECT_EQ(all.count("nist-csf-2.0.govern-gap"), 2u);
}

TEST_F(NistCsf, ReadinessRejectsMalformedInput) {
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{entry("GV.OC-01", "done")}}}),
                         "needs a string ref and a status of not-started"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{}},
                                                     {"answers", json::object{{"functions", json::array{"ZZ"}}}}}),
                         "answers.functions contains \"ZZ\""));
    EXPECT_TRUE(contains(readinessError(json::object{}), "controls must be an array"));
}

// ============================== SP 800-53 Rev. 5 ====================================

class NistSp80053 : public test::FrameworkTest<NistSp80053> {
public:
    static constexpr const char* kPluginFile = "nist_sp800_53";
    static constexpr const char* kPluginId = "nist-sp800-53r5";
    static constexpr const char* kFrameworkId = "nist-sp800-53r5";
};

const std::vector<std::pair<std::string, std::string>> kFamilies = {
    {"AC", "Access Control"},
    {"AT", "Awareness and Training"},
    {"AU", "Audit and Accountability"},
    {"CA", "Assessment, Authorization, and Monitoring"},
    {"CM", "Configuration Management"},
    {"CP", "Contingency Planning"},
    {"IA", "Identification and Authentication"},
    {"IR", "Incident Response"},
    {"MA", "Maintenance"},
    {"MP", "Media Protection"},
    {"PE", "Physical and Environmental Protection"},
    {"PL", "Planning"},
    {"PM", "Program Management"},
    {"PS", "Personnel Security"},
    {"PT", "Personally Identifiable Information Processing and Transparency"},
    {"RA", "Risk Assessment"},
    {"SA", "System and Services Acquisition"},
    {"SC", "System and Communications Protection"},
    {"SI", "System and Information Integrity"},
    {"SR", "Supply Chain Risk Management"}};

json::object baseline(std::string_view level) {
    return json::object{{"baseline", level}};
}

TEST_F(NistSp80053, PluginDescribesTheCatalog) {
    EXPECT_EQ(fw().framework().kind, FrameworkKind::Catalog);
    EXPECT_EQ(fw().framework().published, "2020-09-23");
    EXPECT_EQ(fw().framework().publisher, "NIST");
}

TEST_F(NistSp80053, RefsAreUniqueAndWellFormed) {
    expectWellFormedRefs(R"([A-Z]{2}(-[1-9][0-9]?(\([1-9][0-9]?\))?)?)");
    for (const auto& ref : fw().refs("control")) {
        EXPECT_EQ(fw().at(ref).parent, ref.substr(0, 2)) << ref;
        EXPECT_EQ(test::attrString(fw().at(ref), "family"), ref.substr(0, 2)) << ref;
    }
    for (const auto& ref : fw().refs("enhancement")) {
        EXPECT_EQ(fw().at(ref).parent, ref.substr(0, ref.find('('))) << ref;
        EXPECT_EQ(fw().at(fw().at(ref).parent).kind, "control") << ref;
    }
}

TEST_F(NistSp80053, TwentyFamilies) {
    std::vector<std::string> refs;
    for (const auto& [ref, title] : kFamilies) {
        refs.push_back(ref);
        EXPECT_EQ(fw().at(ref).title, title) << ref;
    }
    EXPECT_EQ(fw().topLevel(), refs);
    EXPECT_EQ(fw().refs("family"), refs);
}

TEST_F(NistSp80053, EnhancementsBelongToTheirControl) {
    const Control& ac2 = fw().at("AC-2");
    EXPECT_EQ(ac2.kind, "control");
    EXPECT_EQ(ac2.title, "Account Management");
    const Control& enhancement = fw().at("AC-2(1)");
    EXPECT_EQ(enhancement.kind, "enhancement");
    EXPECT_EQ(enhancement.parent, "AC-2");
    EXPECT_EQ(enhancement.title, "Account Management | Automated System Account Management");
    EXPECT_TRUE(enhancement.assessable);
    const auto children = fw().children("AC-2");
    EXPECT_EQ(children.size(), 13u);  // AC-2(1) to AC-2(13)
    EXPECT_EQ(children.front(), "AC-2(1)");
    EXPECT_EQ(children.back(), "AC-2(13)");
    EXPECT_EQ(fw().children("PM").size(), 32u);  // PM-1 to PM-32
}

TEST_F(NistSp80053, WithdrawnItems) {
    const Control& ac13 = fw().at("AC-13");
    EXPECT_EQ(test::attrBool(ac13, "withdrawn"), true);
    EXPECT_FALSE(ac13.assessable);
    EXPECT_EQ(test::attrStrings(ac13, "superseded_by"), (std::vector<std::string>{"AC-2", "AU-6"}));
    EXPECT_EQ(test::attrStrings(fw().at("SA-12"), "superseded_by"), std::vector<std::string>{"SR"});
    EXPECT_EQ(test::attrBool(fw().at("AC-2"), "withdrawn"), false);
    for (const auto& ref : fw().withFlag("withdrawn", true)) EXPECT_FALSE(fw().at(ref).assessable) << ref;
}

TEST_F(NistSp80053, Sp80053BBaselines) {
    EXPECT_EQ(fw().withListed("baseline", "low").size(), 149u);
    EXPECT_EQ(fw().withListed("baseline", "moderate").size(), 287u);
    EXPECT_EQ(fw().withListed("baseline", "high").size(), 370u);
    EXPECT_EQ(fw().withListed("baseline", "privacy").size(), 96u);
    EXPECT_EQ(test::attrStrings(fw().at("AC-2"), "baseline"), (std::vector<std::string>{"low", "moderate", "high"}));
    EXPECT_EQ(test::attrStrings(fw().at("AC-2(1)"), "baseline"), (std::vector<std::string>{"moderate", "high"}));
    EXPECT_EQ(test::attrStrings(fw().at("AC-1"), "baseline"),
              (std::vector<std::string>{"low", "moderate", "high", "privacy"}));
    EXPECT_EQ(test::attrStrings(fw().at("PM-1"), "baseline"), std::vector<std::string>{});
    // Every item of a lower baseline is in the higher ones.
    for (const auto& ref : fw().withListed("baseline", "low")) {
        const auto b = test::attrStrings(fw().at(ref), "baseline");
        EXPECT_NE(std::find(b.begin(), b.end(), "moderate"), b.end()) << ref;
        EXPECT_NE(std::find(b.begin(), b.end(), "high"), b.end()) << ref;
    }
}

TEST_F(NistSp80053, LowVersusModerateBaseline) {
    const auto low = scope(baseline("low"));
    ASSERT_TRUE(low.ok);
    EXPECT_EQ(low.rows.size(), fw().count("control") + fw().count("enhancement"));  // every item listed
    EXPECT_EQ(low.applying(), 149u + 32u);  // LOW plus the 32 Program Management controls
    EXPECT_EQ(low.applies("AC-2"), true);
    EXPECT_EQ(low.reason("AC-2"), "allocated to the SP 800-53B low baseline");
    EXPECT_EQ(low.applies("AC-2(1)"), false);
    EXPECT_TRUE(contains(low.reason("AC-2(1)"), "not allocated to the SP 800-53B low baseline"));
    EXPECT_EQ(low.applies("AC-6"), false);
    EXPECT_EQ(low.applies("PM-1"), true);
    EXPECT_TRUE(contains(low.reason("PM-1"), "Program Management control"));
    EXPECT_EQ(low.applies("AC-13"), false);
    EXPECT_EQ(low.reason("AC-13"), "withdrawn from SP 800-53 Rev. 5: Incorporated into AC-2 and AU-6");
    EXPECT_FALSE(low.applies("AC").has_value());  // families are not listed
    EXPECT_TRUE(contains(low.allNotes(), "181 of 1189 controls and enhancements apply"));
    EXPECT_TRUE(contains(low.allNotes(), "privacy baseline is not selected"));

    const auto moderate = scope(baseline("moderate"));
    EXPECT_EQ(moderate.applying(), 287u + 32u);
    EXPECT_EQ(moderate.applies("AC-2(1)"), true);
    EXPECT_EQ(moderate.applies("AC-6"), true);
    EXPECT_EQ(moderate.applies("AC-6(3)"), false);  // high only

    EXPECT_EQ(scope(baseline("high")).applying(), 370u + 32u);

    const auto privacy = scope(json::object{{"baseline", "moderate"}, {"privacy", true}});
    EXPECT_EQ(privacy.applying(), 350u);
    EXPECT_EQ(privacy.applies("PT-2"), true);
    EXPECT_EQ(privacy.reason("AC-1"), "allocated to the SP 800-53B moderate and privacy baselines");
    EXPECT_EQ(moderate.applies("PT-2"), false);
}

TEST_F(NistSp80053, Tailoring) {
    const auto out = scope(json::object{{"baseline", "moderate"},
                                        {"tailored_out", json::object{{"AC-18", "no wireless networks"}}},
                                        {"tailored_in", json::array{"AC-6(3)"}}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.applies("AC-18"), false);
    EXPECT_EQ(out.reason("AC-18"), "tailored out by the organization: no wireless networks");
    EXPECT_EQ(out.applies("AC-18(1)"), false);  // moderate, but its base control is gone
    EXPECT_TRUE(contains(out.reason("AC-18(1)"), "its base control AC-18 does not apply"));
    EXPECT_EQ(out.applies("AC-6(3)"), true);
    EXPECT_EQ(out.reason("AC-6(3)"), "added by the organization while tailoring (not in the selected baselines)");
    EXPECT_EQ(out.applying(), 319u - 3u + 1u);  // AC-18, AC-18(1), AC-18(3) out; AC-6(3) in
}

TEST_F(NistSp80053, ScopeRejectsWrongAnswers) {
    EXPECT_TRUE(contains(scopeError(json::object{}), "answers.baseline must be \"low\", \"moderate\" or \"high\""));
    EXPECT_TRUE(contains(scopeError(baseline("medium")), "answers.baseline must be"));
    EXPECT_TRUE(contains(scopeError(json::object{{"baseline", "low"}, {"privacy", "yes"}}),
                         "answers.privacy must be true or false"));
    EXPECT_TRUE(contains(scopeError(json::object{{"baseline", "low"}, {"tailored_out", json::object{{"AC-18", ""}}}}),
                         "answers.tailored_out[\"AC-18\"] must be a non-empty reason"));
    EXPECT_TRUE(contains(scopeError(json::object{{"baseline", "low"}, {"tailored_out", json::object{{"AC-99", "x"}}}}),
                         "answers.tailored_out names \"AC-99\", which is not a control or enhancement"));
    EXPECT_TRUE(contains(scopeError(json::object{{"baseline", "low"}, {"tailored_in", json::array{"AC-13"}}}),
                         "answers.tailored_in names AC-13, which is withdrawn"));
    EXPECT_TRUE(contains(scopeError(json::object{{"baseline", "low"},
                                                 {"tailored_out", json::object{{"AC-18", "no wireless"}}},
                                                 {"tailored_in", json::array{"AC-18"}}}),
                         "both tailored_in and tailored_out"));
    EXPECT_TRUE(contains(scopeError(json::object{{"baseline", "low"}, {"tailored_in", json::array{"AC-6(3)"}}}),
                         "answers.tailored_in names AC-6(3) but its base control AC-6 does not apply"));
    EXPECT_TRUE(contains(scopeError(json::object{{"baseline", "low"}, {"tailored_in", "AC-6"}}),
                         "answers.tailored_in must be an array"));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"nist-sp800-53r5"})"), "answers must be an object"));
}

TEST_F(NistSp80053, Readiness) {
    const json::array controls{entry("AC-13", "implemented"),
                               entry("SA-12", "planned"),
                               entry("CP-10(3)", "not-applicable"),
                               entry("AC-2", "not-applicable"),
                               entry("AC-2(1)", "not-applicable", "no automated account management tooling"),
                               entry("AC-18", "not-applicable", " "),
                               entry("AC-3", "implemented")};
    const auto out = readiness(json::object{{"controls", controls}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("nist-sp800-53r5.withdrawn-control-used"),
              (std::set<std::string>{"AC-13", "CP-10(3)", "SA-12"}));
    const auto* ac13 = out.find("nist-sp800-53r5.withdrawn-control-used", "AC-13");
    EXPECT_EQ(ac13->severity, "info");
    EXPECT_TRUE(contains(ac13->message, "record the status on AC-2, AU-6 instead"));
    EXPECT_TRUE(contains(out.find("nist-sp800-53r5.withdrawn-control-used", "SA-12")->message,
                         "record the status on SR instead"));
    EXPECT_TRUE(
        contains(out.find("nist-sp800-53r5.withdrawn-control-used", "CP-10(3)")->message, "drop its status entry"));
    EXPECT_EQ(out.refs("nist-sp800-53r5.not-applicable-without-reason"), (std::set<std::string>{"AC-18", "AC-2"}));
    EXPECT_EQ(out.find("nist-sp800-53r5.not-applicable-without-reason", "AC-2")->severity, "major");
    EXPECT_EQ(out.findings.size(), 5u) << out.dump();

    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{entry("AC-2", "done")}}}),
                         "needs a string ref and a status of not-started"));
    EXPECT_TRUE(contains(readinessError(json::object{}), "controls must be an array"));
}

}  // namespace
}  // namespace cw
