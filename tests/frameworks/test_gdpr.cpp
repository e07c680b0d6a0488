// GDPR (Regulation (EU) 2016/679): 99 articles in 11 chapters and 15 sections,
// whom each provision binds, scoping by role (a processor-only organization is
// not bound by controller-only provisions), territory, DPO and DPIA triggers,
// and the readiness checks.
#include "framework_fixture.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace cw {
namespace {

namespace json = boost::json;
using test::contains;
using test::entry;

class Gdpr : public test::FrameworkTest<Gdpr> {
public:
    static constexpr const char* kPluginFile = "gdpr";
    static constexpr const char* kPluginId = "gdpr";
    static constexpr const char* kFrameworkId = "gdpr";

protected:
    static std::string binds(std::string_view ref) { return test::attrString(fw().at(ref), "binds"); }
};

struct Range {
    std::string parent;
    int first;
    int last;
};

// Where each article sits in the published Regulation.
const std::vector<Range> kArticlePlacement = {{"Chapter.1", 1, 4},
                                              {"Chapter.2", 5, 11},
                                              {"Chapter.3.Section.1", 12, 12},
                                              {"Chapter.3.Section.2", 13, 15},
                                              {"Chapter.3.Section.3", 16, 20},
                                              {"Chapter.3.Section.4", 21, 22},
                                              {"Chapter.3.Section.5", 23, 23},
                                              {"Chapter.4.Section.1", 24, 31},
                                              {"Chapter.4.Section.2", 32, 34},
                                              {"Chapter.4.Section.3", 35, 36},
                                              {"Chapter.4.Section.4", 37, 39},
                                              {"Chapter.4.Section.5", 40, 43},
                                              {"Chapter.5", 44, 50},
                                              {"Chapter.6.Section.1", 51, 54},
                                              {"Chapter.6.Section.2", 55, 59},
                                              {"Chapter.7.Section.1", 60, 62},
                                              {"Chapter.7.Section.2", 63, 67},
                                              {"Chapter.7.Section.3", 68, 76},
                                              {"Chapter.8", 77, 84},
                                              {"Chapter.9", 85, 91},
                                              {"Chapter.10", 92, 93},
                                              {"Chapter.11", 94, 99}};

int articleOf(const std::string& ref) {
    return std::stoi(ref.substr(4));
}

json::object answers(std::string_view role, bool established = true) {
    return json::object{{"role", role},
                        {"established_in_eu", established},
                        {"dpo_triggers", json::object{}},
                        {"dpia_triggers", json::object{}}};
}

json::object with(json::object object, std::string_view key, json::value value) {
    object[key] = std::move(value);
    return object;
}

json::object without(json::object object, std::string_view key) {
    object.erase(key);
    return object;
}

TEST_F(Gdpr, PluginDescribesTheRegulation) {
    EXPECT_EQ(fw().framework().kind, FrameworkKind::Regulation);
    EXPECT_EQ(fw().framework().published, "2016-04-27");
    EXPECT_TRUE(plugin().hasScope);
    EXPECT_TRUE(plugin().hasReadiness);
}

TEST_F(Gdpr, RefsAreUniqueAndWellFormed) {
    expectWellFormedRefs(
        R"(Chapter\.([1-9]|1[01])(\.Section\.[1-5])?|Art\.[1-9][0-9]?(\([1-9][0-9]?\))?(\([a-z]\))?(-sub[2-9])?)");
}

TEST_F(Gdpr, ElevenChapters) {
    std::vector<std::string> chapters;
    for (int i = 1; i <= 11; ++i) chapters.push_back("Chapter." + std::to_string(i));
    EXPECT_EQ(fw().topLevel(), chapters);
    EXPECT_EQ(fw().refs("chapter"), chapters);
    const std::map<std::string, std::string> titles = {
        {"Chapter.1", "General provisions"},
        {"Chapter.2", "Principles"},
        {"Chapter.3", "Rights of the data subject"},
        {"Chapter.4", "Controller and processor"},
        {"Chapter.5", "Transfers of personal data to third countries or international organisations"},
        {"Chapter.6", "Independent supervisory authorities"},
        {"Chapter.7", "Cooperation and consistency"},
        {"Chapter.8", "Remedies, liability and penalties"},
        {"Chapter.9", "Provisions relating to specific processing situations"},
        {"Chapter.10", "Delegated acts and implementing acts"},
        {"Chapter.11", "Final provisions"}};
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
}

TEST_F(Gdpr, FifteenSections) {
    EXPECT_EQ(fw().count("section"), 15u);
    EXPECT_EQ(fw().children("Chapter.3"),
              (std::vector<std::string>{"Chapter.3.Section.1", "Chapter.3.Section.2", "Chapter.3.Section.3",
                                        "Chapter.3.Section.4", "Chapter.3.Section.5"}));
    const std::map<std::string, std::string> titles = {
        {"Chapter.3.Section.3", "Rectification and erasure"},
        {"Chapter.4.Section.1", "General obligations"},
        {"Chapter.4.Section.2", "Security of personal data"},
        {"Chapter.4.Section.3", "Data protection impact assessment and prior consultation"},
        {"Chapter.4.Section.4", "Data protection officer"},
        {"Chapter.4.Section.5", "Codes of conduct and certification"},
        {"Chapter.6.Section.2", "Competence, tasks and powers"},
        {"Chapter.7.Section.3", "European data protection board"}};
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
    for (const auto& chapter :
         {"Chapter.1", "Chapter.2", "Chapter.5", "Chapter.8", "Chapter.9", "Chapter.10", "Chapter.11"}) {
        for (const auto& child : fw().children(chapter)) EXPECT_EQ(fw().at(child).kind, "article") << child;
    }
}

TEST_F(Gdpr, NinetyNineArticlesInPlace) {
    std::vector<std::string> articles;
    for (int i = 1; i <= 99; ++i) articles.push_back("Art." + std::to_string(i));
    EXPECT_EQ(fw().refs("article"), articles);
    for (const Range& range : kArticlePlacement) {
        std::vector<std::string> expected;
        for (int i = range.first; i <= range.last; ++i) expected.push_back("Art." + std::to_string(i));
        std::vector<std::string> actual;
        for (const auto& child : fw().children(range.parent)) {
            if (fw().at(child).kind == "article") actual.push_back(child);
        }
        EXPECT_EQ(actual, expected) << range.parent;
        const long long chapter = std::stoll(range.parent.substr(8));
        for (const auto& ref : expected) EXPECT_EQ(test::attrInt(fw().at(ref), "chapter"), chapter) << ref;
    }
    const std::map<std::string, std::string> titles = {
        {"Art.1", "Subject-matter and objectives"},
        {"Art.5", "Principles relating to processing of personal data"},
        {"Art.6", "Lawfulness of processing"},
        {"Art.17", "Right to erasure (‘right to be forgotten’)"},
        {"Art.25", "Data protection by design and by default"},
        {"Art.28", "Processor"},
        {"Art.30", "Records of processing activities"},
        {"Art.32", "Security of processing"},
        {"Art.33", "Notification of a personal data breach to the supervisory authority"},
        {"Art.34", "Communication of a personal data breach to the data subject"},
        {"Art.35", "Data protection impact assessment"},
        {"Art.37", "Designation of the data protection officer"},
        {"Art.44", "General principle for transfers"},
        {"Art.83", "General conditions for imposing administrative fines"},
        {"Art.99", "Entry into force and application"}};
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
}

TEST_F(Gdpr, ParagraphsAndPoints) {
    const Control& point = fw().at("Art.32(1)(b)");
    EXPECT_EQ(point.kind, "point");
    EXPECT_EQ(point.parent, "Art.32(1)");
    EXPECT_EQ(fw().at("Art.32(1)").parent, "Art.32");
    EXPECT_TRUE(point.assessable);
    EXPECT_TRUE(contains(point.description, "confidentiality, integrity, availability and resilience"));
    EXPECT_EQ(fw().children("Art.32(1)"),
              (std::vector<std::string>{"Art.32(1)(a)", "Art.32(1)(b)", "Art.32(1)(c)", "Art.32(1)(d)"}));
    EXPECT_EQ(fw().children("Art.32"), (std::vector<std::string>{"Art.32(1)", "Art.32(2)", "Art.32(3)", "Art.32(4)"}));
    EXPECT_EQ(fw().children("Art.30(1)").size(), 7u);  // points (a) to (g)
    EXPECT_EQ(fw().children("Art.30(2)").size(), 4u);  // points (a) to (d)
    EXPECT_EQ(fw().children("Art.33").size(), 5u);
    // Article 4: 26 definitions.
    std::vector<std::string> definitions;
    for (int i = 1; i <= 26; ++i) definitions.push_back("Art.4(" + std::to_string(i) + ")");
    EXPECT_EQ(fw().children("Art.4"), definitions);
    EXPECT_EQ(fw().refs("definition"), definitions);
    EXPECT_EQ(fw().at("Art.4(7)").title, "Definition of ‘controller’");
    for (const auto& ref : definitions) EXPECT_FALSE(fw().at(ref).assessable) << ref;
}

TEST_F(Gdpr, WhomEachProvisionBinds) {
    EXPECT_EQ(binds("Art.28(3)"), "both");  // the contract binds both parties
    EXPECT_EQ(binds("Art.30(1)"), "controller");
    EXPECT_EQ(binds("Art.30(2)"), "processor");
    EXPECT_EQ(binds("Art.33(1)"), "controller");
    EXPECT_EQ(binds("Art.33(2)"), "processor");
    EXPECT_EQ(binds("Art.33"), "both");  // summary of its paragraphs
    EXPECT_EQ(binds("Art.32(1)(b)"), "both");
    EXPECT_EQ(binds("Art.35(1)"), "controller");
    EXPECT_EQ(binds("Art.37(1)"), "both");
    EXPECT_EQ(binds("Art.28(3)-sub2"), "processor");  // the processor informs the controller of unlawful instructions
    EXPECT_EQ(binds("Art.34(1)"), "controller");
    EXPECT_EQ(binds("Art.51(1)"), "member-state");  // Member States provide for supervisory authorities
    EXPECT_EQ(binds("Art.84(1)"), "member-state");
    EXPECT_EQ(binds("Art.83(1)"), "authority");  // supervisory authorities impose the fines
    EXPECT_EQ(binds("Art.57(1)"), "authority");
    for (const auto& ref : fw().assessableRefs()) {
        const std::string who = binds(ref);
        EXPECT_TRUE(who == "controller" || who == "processor" || who == "both") << ref << " binds " << who;
    }
    // Data subject rights are Articles 12 to 22 (Art.83(5)(b)); Art.34 is a breach duty.
    const std::regex rights(R"(Art\.(1[2-9]|2[0-2])(\(.*)?)");
    for (const auto& control : fw().controls()) {
        if (control.kind == "chapter" || control.kind == "section") continue;
        EXPECT_EQ(test::attrBool(control, "data_subject_right"), std::regex_match(control.ref, rights)) << control.ref;
    }
}

// --- scoping ---------------------------------------------------------------------

TEST_F(Gdpr, ProcessorOnlyIsNotBoundByControllerProvisions) {
    // An EU payroll SaaS processing employee data for its customers, nothing on its own account.
    const auto out = scope(answers("processor"));
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.applies("Art.30(1)"), false);
    EXPECT_EQ(out.reason("Art.30(1)"), "Art.30(1) binds controllers; the organization acts only as processor");
    EXPECT_EQ(out.applies("Art.30(2)"), true);
    EXPECT_EQ(out.reason("Art.30(2)"), "Art.30(2) binds processors; the organization acts only as processor");
    EXPECT_EQ(out.applies("Art.33(1)"), false);
    EXPECT_EQ(out.applies("Art.33(2)"), true);
    EXPECT_EQ(out.applies("Art.35(1)"), false);
    EXPECT_EQ(out.applies("Art.34(1)"), false);
    EXPECT_EQ(out.applies("Art.15(1)"), false);  // access requests are the controller's to answer
    EXPECT_EQ(out.applies("Art.28(3)-sub2"), true);
    // Provisions binding both apply unconditionally and are not listed.
    EXPECT_FALSE(out.applies("Art.28(3)").has_value());
    EXPECT_FALSE(out.applies("Art.32(1)(b)").has_value());
    // Every controller-only node is listed and does not apply; every processor-only one applies.
    for (const auto& ref : fw().assessableRefs()) {
        const std::string who = binds(ref);
        if (who == "controller") {
            EXPECT_EQ(out.applies(ref), false) << ref;
        }
        if (who == "processor") {
            EXPECT_EQ(out.applies(ref), true) << ref;
        }
    }
    EXPECT_TRUE(contains(out.allNotes(), "acts only as processor"));
    EXPECT_FALSE(contains(out.allNotes(), "Art.35(1) still requires"));  // DPIAs are the controller's
}

TEST_F(Gdpr, ControllerOnlyIsNotBoundByProcessorProvisions) {
    const auto out = scope(answers("controller"));
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.applies("Art.30(1)"), true);
    EXPECT_EQ(out.reason("Art.30(1)"), "Art.30(1) binds controllers; the organization acts only as controller");
    EXPECT_EQ(out.applies("Art.30(2)"), false);
    EXPECT_EQ(out.reason("Art.30(2)"), "Art.30(2) binds processors; the organization acts only as controller");
    EXPECT_EQ(out.applies("Art.33(1)"), true);
    EXPECT_EQ(out.applies("Art.33(2)"), false);
    EXPECT_EQ(out.applies("Art.28(3)-sub2"), false);
    EXPECT_TRUE(contains(out.allNotes(), "Art.35(1) still requires a DPIA"));
    EXPECT_TRUE(contains(out.allNotes(), "Art.30(5)"));

    const auto both = scope(answers("both"));
    EXPECT_EQ(both.applies("Art.30(1)"), true);
    EXPECT_EQ(both.applies("Art.30(2)"), true);
    EXPECT_TRUE(contains(both.reason("Art.30(2)"), "acts as both controller and processor"));
    // Acting in both roles, only the trigger-dependent articles (27, 35-39) can drop out.
    for (const auto& row : both.rows) {
        const int article = articleOf(row.ref);
        const bool triggered = article == 27 || (article >= 35 && article <= 39);
        if (!triggered) {
            EXPECT_TRUE(row.applies) << row.ref;
        }
    }
}

TEST_F(Gdpr, TerritorialScopeAndTheArticle27Representative) {
    // A US SaaS selling to people in the EU must appoint a representative.
    const auto us = scope(with(answers("controller", false), "targets_eu_data_subjects", true));
    ASSERT_TRUE(us.ok);
    for (const auto& ref : {"Art.27(1)", "Art.27(3)", "Art.27(4)"}) EXPECT_EQ(us.applies(ref), true) << ref;
    EXPECT_TRUE(contains(us.reason("Art.27(1)"), "no Art.27(2) exemption holds"));

    const auto exempt =
        scope(with(with(answers("controller", false), "targets_eu_data_subjects", true), "art27_exempt", true));
    EXPECT_EQ(exempt.applies("Art.27(1)"), false);
    EXPECT_TRUE(contains(exempt.reason("Art.27(1)"), "exempt under Art.27(2)"));

    const auto notTargeting = scope(with(answers("processor", false), "targets_eu_data_subjects", false));
    EXPECT_EQ(notTargeting.applies("Art.27(1)"), false);
    EXPECT_TRUE(contains(notTargeting.reason("Art.27(1)"), "neither offers goods or services"));
    EXPECT_TRUE(contains(notTargeting.allNotes(), "Art.3(3)"));

    const auto eu = scope(answers("controller"));
    EXPECT_EQ(eu.applies("Art.27(1)"), false);
    EXPECT_TRUE(contains(eu.reason("Art.27(1)"), "established in the EU"));
}

TEST_F(Gdpr, DpiaTriggers) {
    // A health app processing health data at scale.
    const auto health =
        scope(with(answers("controller"), "dpia_triggers", json::object{{"large_scale_special_categories", true}}));
    ASSERT_TRUE(health.ok);
    for (const auto& ref : {"Art.35(1)", "Art.35(2)", "Art.35(7)(a)", "Art.35(9)", "Art.36(1)", "Art.36(3)(e)"}) {
        EXPECT_EQ(health.applies(ref), true) << ref;
    }
    EXPECT_EQ(health.reason("Art.35(1)"),
              "a DPIA is required: Art.35(3)(b) large-scale special categories or criminal data");
    EXPECT_TRUE(contains(health.reason("Art.36(1)"), "prior consultation"));

    const auto listed =
        scope(with(answers("controller"), "dpia_triggers",
                   json::object{{"listed_by_authority", true}, {"systematic_extensive_evaluation", false}}));
    EXPECT_EQ(listed.reason("Art.35(1)"), "a DPIA is required: Art.35(4) on the supervisory authority's list");

    const auto none = scope(answers("controller"));
    EXPECT_EQ(none.applies("Art.35(1)"), false);
    EXPECT_TRUE(contains(none.reason("Art.35(1)"), "no DPIA trigger"));
    EXPECT_EQ(none.applies("Art.36(1)"), false);

    // Role exclusion wins over triggers: a processor carries out no DPIA of its own.
    const auto processor =
        scope(with(answers("processor"), "dpia_triggers", json::object{{"large_scale_public_monitoring", true}}));
    EXPECT_EQ(processor.applies("Art.35(1)"), false);
    EXPECT_TRUE(contains(processor.reason("Art.35(1)"), "binds controllers"));
}

TEST_F(Gdpr, DpoTriggers) {
    const auto authority = scope(with(answers("controller"), "dpo_triggers", json::object{{"public_authority", true}}));
    ASSERT_TRUE(authority.ok);
    for (const auto& ref : {"Art.37(1)", "Art.37(7)", "Art.38(1)", "Art.38(6)", "Art.39(1)(a)", "Art.39(2)"}) {
        EXPECT_EQ(authority.applies(ref), true) << ref;
    }
    EXPECT_EQ(authority.reason("Art.37(1)"),
              "a data protection officer must be designated: Art.37(1)(a) public authority or body");

    // The DPO duty binds processors too.
    const auto monitoring =
        scope(with(answers("processor"), "dpo_triggers", json::object{{"large_scale_systematic_monitoring", true}}));
    EXPECT_EQ(monitoring.applies("Art.37(1)"), true);
    EXPECT_TRUE(contains(monitoring.reason("Art.37(1)"), "Art.37(1)(b)"));

    const auto none = scope(answers("processor"));
    EXPECT_EQ(none.applies("Art.37(1)"), false);
    EXPECT_EQ(none.applies("Art.39(1)(b)"), false);
    EXPECT_TRUE(contains(none.reason("Art.37(1)"), "not required: no Art.37(1) trigger holds"));
    EXPECT_TRUE(contains(none.allNotes(), "voluntarily designated DPO"));
}

TEST_F(Gdpr, EveryTriggerIsNamedInTheReason) {
    // A public hospital: every DPO and DPIA trigger holds.
    json::object hospital = answers("controller");
    hospital["dpo_triggers"] = json::object{{"public_authority", true},
                                            {"large_scale_systematic_monitoring", true},
                                            {"large_scale_special_categories", true}};
    hospital["dpia_triggers"] = json::object{{"systematic_extensive_evaluation", true},
                                             {"large_scale_special_categories", true},
                                             {"large_scale_public_monitoring", true},
                                             {"listed_by_authority", true}};
    const auto out = scope(hospital);
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.reason("Art.37(1)"),
              "a data protection officer must be designated: Art.37(1)(a) public authority or body; Art.37(1)(b) "
              "large-scale regular and systematic monitoring; Art.37(1)(c) large-scale special categories or "
              "criminal data");
    EXPECT_EQ(out.reason("Art.35(1)"),
              "a DPIA is required: Art.35(3)(a) systematic and extensive evaluation; Art.35(3)(b) large-scale special "
              "categories or criminal data; Art.35(3)(c) large-scale monitoring of a public area; Art.35(4) on the "
              "supervisory authority's list");
    // Nothing of Articles 35 to 39 drops out; only processor-only provisions and Art.27 (established in the EU) do.
    for (const auto& ref : out.refs(false)) {
        EXPECT_TRUE(binds(ref) == "processor" || articleOf(ref) == 27) << ref;
    }
    EXPECT_FALSE(contains(out.allNotes(), "voluntarily designated DPO"));
}

TEST_F(Gdpr, ScopeRejectsWrongAnswers) {
    EXPECT_TRUE(contains(scopeError(without(answers("processor"), "role")),
                         "answers.role must be one of \"controller\", \"processor\", \"both\""));
    EXPECT_TRUE(contains(scopeError(answers("joint-controller")), "answers.role must be one of"));
    EXPECT_TRUE(contains(scopeError(without(answers("processor"), "established_in_eu")),
                         "answers.established_in_eu must be true or false"));
    EXPECT_TRUE(
        contains(scopeError(answers("processor", false)), "answers.targets_eu_data_subjects must be true or false"));
    EXPECT_TRUE(contains(scopeError(with(answers("processor"), "targets_eu_data_subjects", "yes")),
                         "answers.targets_eu_data_subjects"));
    EXPECT_TRUE(contains(scopeError(with(answers("controller"), "art27_exempt", "no")),
                         "answers.art27_exempt must be true or false"));
    EXPECT_TRUE(contains(scopeError(without(answers("processor"), "dpo_triggers")),
                         "answers.dpo_triggers must be an object with booleans public_authority, "
                         "large_scale_systematic_monitoring, large_scale_special_categories"));
    EXPECT_TRUE(contains(scopeError(without(answers("processor"), "dpia_triggers")), "answers.dpia_triggers"));
    EXPECT_TRUE(contains(scopeError(with(answers("controller"), "dpia_triggers", json::object{{"large_scale", true}})),
                         "answers.dpia_triggers.large_scale is not a known trigger"));
    EXPECT_TRUE(contains(scopeError(with(answers("controller"), "dpo_triggers", json::object{{"public_authority", 1}})),
                         "answers.dpo_triggers.public_authority must be true or false"));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"gdpr"})"), "scope input needs an \"answers\" object"));
}

// --- readiness -------------------------------------------------------------------

TEST_F(Gdpr, ProcessorReadiness) {
    const json::array controls{entry("Art.30(2)", "planned"),     entry("Art.30(1)", "planned"),
                               entry("Art.33(2)", "partial"),     entry("Art.33(1)", "not-started"),
                               entry("Art.28(3)", "not-started"), entry("Art.32(1)(b)", "implemented")};
    const auto out = readiness(json::object{{"controls", controls}, {"role", "processor"}, {"dpia_required", true}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("gdpr.records-of-processing-missing"), (std::set<std::string>{"Art.30(2)"}));
    EXPECT_EQ(out.refs("gdpr.breach-procedure-missing"), (std::set<std::string>{"Art.33(2)"}));
    EXPECT_EQ(out.refs("gdpr.processor-contract-missing"), (std::set<std::string>{"Art.28(3)"}));
    EXPECT_EQ(out.count("gdpr.dpia-missing"), 0u);  // a processor-only organization carries out no DPIA
    EXPECT_EQ(out.findings.size(), 3u) << out.dump();
    const auto* records = out.find("gdpr.records-of-processing-missing", "Art.30(2)");
    EXPECT_EQ(records->severity, "major");
    EXPECT_TRUE(contains(records->message, "Art.30(2) (record of processing carried out for controllers) is planned"));
}

TEST_F(Gdpr, ControllerReadiness) {
    const json::array controls{entry("Art.30(1)", "not-started"), entry("Art.30(2)", "not-started"),
                               entry("Art.33(1)", "partial"),     entry("Art.33(5)", "planned"),
                               entry("Art.34(1)", "not-started"), entry("Art.33(2)", "planned"),
                               entry("Art.28(3)", "implemented")};
    const auto out = readiness(json::object{
        {"controls", controls}, {"answers", json::object{{"role", "controller"}}}, {"dpia_required", true}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("gdpr.records-of-processing-missing"), (std::set<std::string>{"Art.30(1)"}));
    EXPECT_EQ(out.refs("gdpr.breach-procedure-missing"),
              (std::set<std::string>{"Art.33(1)", "Art.33(5)", "Art.34(1)"}));
    EXPECT_EQ(out.count("gdpr.processor-contract-missing"), 0u);
    const auto* dpia = out.find("gdpr.dpia-missing", "Art.35(1)");
    ASSERT_NE(dpia, nullptr) << out.dump();
    EXPECT_EQ(dpia->severity, "blocker");
    EXPECT_TRUE(contains(dpia->message, "Art.35(1) has no implementation status"));
    EXPECT_EQ(out.findings.size(), 5u) << out.dump();
}

TEST_F(Gdpr, DpiaCheck) {
    const auto dpia = [&](const json::array& controls, bool required) {
        return readiness(json::object{{"controls", controls}, {"role", "both"}, {"dpia_required", required}});
    };
    const auto notApplicable = dpia(json::array{entry("Art.35(1)", "not-applicable", "low risk")}, true);
    ASSERT_NE(notApplicable.find("gdpr.dpia-missing", "Art.35(1)"), nullptr);
    EXPECT_TRUE(contains(notApplicable.find("gdpr.dpia-missing", "Art.35(1)")->message, "is marked not applicable"));
    const auto planned = dpia(json::array{entry("Art.35(1)", "planned")}, true);
    EXPECT_TRUE(contains(planned.find("gdpr.dpia-missing", "Art.35(1)")->message, "is planned"));
    EXPECT_EQ(dpia(json::array{entry("Art.35(1)", "implemented")}, true).count("gdpr.dpia-missing"), 0u);
    EXPECT_EQ(dpia(json::array{}, false).count("gdpr.dpia-missing"), 0u);
    // Without a role the DPIA is checked too.
    EXPECT_EQ(readiness(json::object{{"controls", json::array{}}, {"dpia_required", true}}).count("gdpr.dpia-missing"),
              1u);
}

TEST_F(Gdpr, WithoutARoleBothSidesAreChecked) {
    const auto out =
        readiness(json::object{{"controls", json::array{entry("Art.30(1)", "partial"), entry("Art.30(2)", "partial"),
                                                        entry("Art.33(2)", "not-started")}}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("gdpr.records-of-processing-missing"), (std::set<std::string>{"Art.30(1)", "Art.30(2)"}));
    EXPECT_EQ(out.refs("gdpr.breach-procedure-missing"), (std::set<std::string>{"Art.33(2)"}));
    EXPECT_EQ(out.findings.size(), 3u) << out.dump();
}

TEST_F(Gdpr, NotApplicableNeedsAReason) {
    const auto out = readiness(json::object{
        {"controls", json::array{entry("Art.37(1)", "not-applicable"), entry("Art.27(1)", "not-applicable", "  "),
                                 entry("Art.20(1)", "not-applicable",
                                       "no processing by automated means on "
                                       "consent or contract")}},
        {"role", "controller"}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("gdpr.not-applicable-without-reason"), (std::set<std::string>{"Art.27(1)", "Art.37(1)"}));
    EXPECT_EQ(out.find("gdpr.not-applicable-without-reason", "Art.37(1)")->severity, "major");
    EXPECT_EQ(out.findings.size(), 2u) << out.dump();
}

TEST_F(Gdpr, ReadinessRejectsMalformedInput) {
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{}}, {"role", "sub-processor"}}),
                         "role must be one of \"controller\", \"processor\", \"both\""));
    EXPECT_TRUE(
        contains(readinessError(json::object{{"controls", json::array{}}, {"answers", json::object{{"role", 3}}}}),
                 "answers.role must be one of"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{entry("Art.30(1)", "done")}}}),
                         "control Art.30(1): status must be one of"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{}}, {"dpia_required", "yes"}}),
                         "dpia_required must be true or false"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{json::object{{"status", "planned"}}}}}),
                         "every control needs a string \"ref\""));
    EXPECT_TRUE(contains(readinessError(json::object{}), "needs a \"controls\" array"));
}

}  // namespace
}  // namespace cw
