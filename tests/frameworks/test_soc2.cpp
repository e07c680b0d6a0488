// SOC 2 (AICPA 2017 Trust Services Criteria, revised points of focus 2022):
// the 61 criteria in five categories, scoping by the categories a report covers,
// and the readiness checks of a SOC 2 examination.
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

class Soc2 : public test::FrameworkTest<Soc2> {
public:
    static constexpr const char* kPluginFile = "soc2";
    static constexpr const char* kPluginId = "soc2-2017";
    static constexpr const char* kFrameworkId = "soc2-2017";

protected:
    // Every criterion of the given categories implemented with evidence.
    static json::array implemented(const std::set<std::string>& categories) {
        json::array controls;
        for (const auto& ref : fw().refs("criterion")) {
            if (!categories.contains(test::attrString(fw().at(ref), "category"))) continue;
            json::object e = entry(ref, "implemented");
            e["evidence"] = 2;
            controls.push_back(std::move(e));
        }
        return controls;
    }

    static json::object& entryFor(json::array& controls, std::string_view ref) {
        for (auto& c : controls) {
            if (c.at("ref").as_string() == ref) return c.as_object();
        }
        controls.push_back(entry(ref, "implemented"));
        return controls.back().as_object();
    }
};

// The criteria of the 2017 TSC, by series: CC1.1-CC1.5, CC2.1-CC2.3, ...
const std::vector<std::pair<std::string, int>> kSeries = {{"CC1", 5}, {"CC2", 3}, {"CC3", 4}, {"CC4", 2}, {"CC5", 3},
                                                          {"CC6", 8}, {"CC7", 5}, {"CC8", 1}, {"CC9", 2}};
const std::vector<std::pair<std::string, int>> kPrivacyGroups = {{"P1", 1}, {"P2", 1}, {"P3", 2}, {"P4", 3},
                                                                 {"P5", 2}, {"P6", 7}, {"P7", 1}, {"P8", 1}};

std::vector<std::string> numbered(const std::string& prefix, int count) {
    std::vector<std::string> out;
    for (int i = 1; i <= count; ++i) out.push_back(prefix + "." + std::to_string(i));
    return out;
}

std::vector<std::string> publishedCriteria() {
    std::vector<std::string> out;
    for (const auto& [series, n] : kSeries) {
        for (const auto& ref : numbered(series, n)) out.push_back(ref);
    }
    for (const auto& ref : numbered("A1", 3)) out.push_back(ref);
    for (const auto& ref : numbered("C1", 2)) out.push_back(ref);
    for (const auto& ref : numbered("PI1", 5)) out.push_back(ref);
    for (const auto& [group, n] : kPrivacyGroups) {
        for (const auto& ref : numbered(group, n)) out.push_back(ref);
    }
    return out;
}

TEST_F(Soc2, PluginDescribesTheCriteria) {
    EXPECT_EQ(fw().framework().kind, FrameworkKind::Criteria);
    EXPECT_EQ(fw().framework().publisher, "AICPA");
    EXPECT_TRUE(plugin().hasScope);
    EXPECT_TRUE(plugin().hasReadiness);
}

TEST_F(Soc2, RefsAreUniqueAndWellFormed) {
    expectWellFormedRefs(R"((CC|A|C|PI|P)|CC[1-9]|P[1-8]\.0|(CC[1-9]|A1|C1|PI1|P[1-8])\.[1-9](\.POF[1-9][0-9]?)?)");
}

TEST_F(Soc2, FiveCategoriesAtTheTop) {
    EXPECT_EQ(fw().topLevel(), (std::vector<std::string>{"CC", "A", "C", "PI", "P"}));
    for (const auto& ref : fw().topLevel()) EXPECT_EQ(fw().at(ref).kind, "category") << ref;
    EXPECT_EQ(fw().children("CC"),
              (std::vector<std::string>{"CC1", "CC2", "CC3", "CC4", "CC5", "CC6", "CC7", "CC8", "CC9"}));
    // The COSO components (CC1-CC5) and the TSC's own series (CC6-CC9).
    const std::map<std::string, std::string> series = {
        {"CC1", "Control Environment"}, {"CC2", "Communication and Information"},
        {"CC3", "Risk Assessment"},     {"CC4", "Monitoring Activities"},
        {"CC5", "Control Activities"},  {"CC6", "Logical and Physical Access Controls"},
        {"CC7", "System Operations"},   {"CC8", "Change Management"},
        {"CC9", "Risk Mitigation"}};
    for (const auto& [ref, title] : series) EXPECT_EQ(fw().at(ref).title, title) << ref;
    EXPECT_EQ(fw().children("P"),
              (std::vector<std::string>{"P1.0", "P2.0", "P3.0", "P4.0", "P5.0", "P6.0", "P7.0", "P8.0"}));
}

TEST_F(Soc2, SixtyOneCriteria) {
    EXPECT_EQ(fw().refs("criterion"), publishedCriteria());
    EXPECT_EQ(fw().assessableRefs(), publishedCriteria());  // points of focus are guidance, not criteria
    EXPECT_EQ(fw().withAttribute("category", "security", "criterion").size(), 33u);
    EXPECT_EQ(fw().withAttribute("category", "availability", "criterion").size(), 3u);
    EXPECT_EQ(fw().withAttribute("category", "confidentiality", "criterion").size(), 2u);
    EXPECT_EQ(fw().withAttribute("category", "processing-integrity", "criterion").size(), 5u);
    EXPECT_EQ(fw().withAttribute("category", "privacy", "criterion").size(), 18u);
    for (const auto& [series, n] : kSeries) EXPECT_EQ(fw().children(series), numbered(series, n)) << series;
    for (const auto& [group, n] : kPrivacyGroups) {
        EXPECT_EQ(fw().children(group + ".0"), numbered(group, n)) << group;
    }
    EXPECT_EQ(fw().children("A"), numbered("A1", 3));
    EXPECT_EQ(fw().children("C"), numbered("C1", 2));
}

TEST_F(Soc2, ProcessingIntegrityIsPiNotPp) {
    EXPECT_EQ(fw().children("PI"), (std::vector<std::string>{"PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5"}));
    for (const auto& ref : fw().refs()) EXPECT_FALSE(ref.starts_with("PP")) << ref;
}

TEST_F(Soc2, CommonCriteriaRestateTheSeventeenCosoPrinciples) {
    const std::map<std::string, long long> principles = {
        {"CC1.1", 1},  {"CC1.2", 2},  {"CC1.3", 3},  {"CC1.4", 4},  {"CC1.5", 5}, {"CC2.1", 13},
        {"CC2.2", 14}, {"CC2.3", 15}, {"CC3.1", 6},  {"CC3.2", 7},  {"CC3.3", 8}, {"CC3.4", 9},
        {"CC4.1", 16}, {"CC4.2", 17}, {"CC5.1", 10}, {"CC5.2", 11}, {"CC5.3", 12}};
    std::size_t withPrinciple = 0;
    for (const auto& ref : fw().refs("criterion")) {
        const auto principle = test::attrInt(fw().at(ref), "coso_principle");
        if (!principle) continue;
        ++withPrinciple;
        ASSERT_TRUE(principles.contains(ref)) << ref << " should have no COSO principle";
        EXPECT_EQ(*principle, principles.at(ref)) << ref;
    }
    EXPECT_EQ(withPrinciple, 17u);
}

TEST_F(Soc2, PointsOfFocusHangUnderTheirCriterion) {
    for (const auto& ref : fw().refs("point-of-focus")) {
        const Control& pof = fw().at(ref);
        EXPECT_EQ(fw().at(pof.parent).kind, "criterion") << ref;
        EXPECT_TRUE(ref.starts_with(pof.parent + ".POF")) << ref;
        EXPECT_FALSE(pof.assessable) << ref;
    }
    EXPECT_EQ(test::attrString(fw().at("CC8.1.POF15"), "pof_source"), "availability");
}

// --- scoping ---------------------------------------------------------------------

TEST_F(Soc2, SecurityOnlyReportLeavesEveryOptionalCategoryOut) {
    const auto out = scope(json::object{{"categories", json::array{}}});
    ASSERT_TRUE(out.ok);
    // 28 criteria of A, C, PI, P and the 24 category-specific points of focus in the common criteria.
    EXPECT_EQ(out.rows.size(), 52u);
    EXPECT_EQ(out.applying(), 0u);
    EXPECT_FALSE(out.applies("CC6.1").has_value());  // common criteria always apply, not listed
    EXPECT_EQ(out.reason("A1.2"), "Availability not in the report's scope");
    EXPECT_EQ(out.reason("PI1.3"), "Processing Integrity not in the report's scope");
    EXPECT_EQ(out.applies("CC6.1.POF13"), false);
    EXPECT_TRUE(contains(out.reason("CC6.1.POF13"), "only for Privacy"));
    EXPECT_TRUE(contains(out.allNotes(), "33 criteria"));

    // "security" is accepted and changes nothing.
    const auto explicitSecurity = scope(json::object{{"categories", json::array{"security"}}});
    EXPECT_EQ(explicitSecurity.refs(true), std::vector<std::string>{});
    EXPECT_EQ(explicitSecurity.rows.size(), 52u);
}

TEST_F(Soc2, AvailabilityAndPrivacyBringTheirCriteriaAndPointsOfFocus) {
    const auto out =
        scope(json::object{{"categories", json::array{"availability", "privacy"}}, {"report_type", "type2"}});
    ASSERT_TRUE(out.ok);
    for (const auto& ref : {"A1.1", "A1.2", "A1.3", "P1.1", "P4.3", "P6.7", "P8.1"}) {
        EXPECT_EQ(out.applies(ref), true) << ref;
    }
    for (const auto& ref : {"C1.1", "C1.2", "PI1.1", "PI1.5"}) EXPECT_EQ(out.applies(ref), false) << ref;
    EXPECT_EQ(out.reason("P6.6"), "Privacy is in the report's scope");
    EXPECT_EQ(out.applying(), 21u + 17u);         // 3 + 18 criteria, 1 availability + 16 privacy points of focus
    EXPECT_EQ(out.applies("CC8.1.POF15"), true);  // availability point of focus in a common criterion
    EXPECT_EQ(out.applies("CC7.4.POF12"), true);  // privacy
    EXPECT_EQ(out.applies("CC2.3.POF6"), false);  // confidentiality
    EXPECT_TRUE(contains(out.allNotes(), "Type 2 report"));

    const auto type1 = scope(json::object{{"categories", json::array{"confidentiality"}}, {"report_type", "type1"}});
    EXPECT_EQ(type1.refs(true), (std::vector<std::string>{"C1.1", "C1.2", "CC2.3.POF6", "CC6.1.POF12", "CC7.3.POF4",
                                                          "CC7.3.POF5", "CC8.1.POF16", "CC9.2.POF10", "CC9.2.POF11"}));
    EXPECT_TRUE(contains(type1.allNotes(), "Type 1 report"));
}

TEST_F(Soc2, ScopeRejectsWrongAnswers) {
    EXPECT_TRUE(contains(scopeError(json::object{}), "answers.categories must be an array"));
    EXPECT_TRUE(contains(scopeError(json::object{{"categories", "privacy"}}), "answers.categories"));
    EXPECT_TRUE(contains(scopeError(json::object{{"categories", json::array{"integrity"}}}),
                         "answers.categories has \"integrity\"; allowed values: availability, confidentiality, "
                         "processing-integrity, privacy"));
    EXPECT_TRUE(contains(scopeError(json::object{{"categories", json::array{}}, {"report_type", "type3"}}),
                         "answers.report_type must be \"type1\" or \"type2\""));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"soc2-2017"})"), "answers is missing"));
    EXPECT_TRUE(contains(scopeErrorText("not json"), "scope input is not valid JSON"));
}

// --- readiness -------------------------------------------------------------------

TEST_F(Soc2, SecurityOnlyReadiness) {
    json::array controls = implemented({"security"});
    // CC6.1 is missing altogether; CC7.2 is not started.
    controls.erase(std::find_if(controls.begin(), controls.end(),
                                [](const json::value& c) { return c.at("ref").as_string() == "CC6.1"; }));
    entryFor(controls, "CC7.2") = entry("CC7.2", "not-started");
    // The data centre is a subservice organization (carve-out) vs an unjustified exclusion.
    entryFor(controls, "CC6.4") = entry("CC6.4", "not-applicable", "carve-out: AWS");
    entryFor(controls, "CC6.5") = entry("CC6.5", "not-applicable", "we have no hardware");
    entryFor(controls, "CC8.1") = entry("CC8.1", "implemented");  // no evidence attached
    json::object zero = entry("CC9.1", "implemented");
    zero["evidence"] = 0;
    entryFor(controls, "CC9.1") = zero;
    // Listed with the upstream spelling and with the full reference.
    controls.push_back(entry("PP1.1", "not-started"));
    entryFor(controls, "CC1.1") = entry("soc2-2017:CC1.1", "not-started");

    const auto out =
        readiness(json::object{{"controls", controls}, {"answers", json::object{{"categories", json::array{}}}}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("soc2-2017.criterion-without-control"), (std::set<std::string>{"CC1.1", "CC6.1", "CC7.2"}));
    EXPECT_TRUE(contains(out.find("soc2-2017.criterion-without-control", "CC6.1")->message, "no control tracked"));
    EXPECT_TRUE(contains(out.find("soc2-2017.criterion-without-control", "CC7.2")->message, "no control started"));
    EXPECT_EQ(out.find("soc2-2017.criterion-without-control", "CC7.2")->severity, "major");
    const auto* carveOut = out.find("soc2-2017.common-criteria-excluded", "CC6.4");
    ASSERT_NE(carveOut, nullptr);
    EXPECT_EQ(carveOut->severity, "info");
    EXPECT_TRUE(contains(carveOut->message, "subservice organization AWS"));
    const auto* excluded = out.find("soc2-2017.common-criteria-excluded", "CC6.5");
    ASSERT_NE(excluded, nullptr);
    EXPECT_EQ(excluded->severity, "blocker");
    EXPECT_EQ(out.refs("soc2-2017.implemented-without-evidence"), (std::set<std::string>{"CC8.1", "CC9.1"}));
    EXPECT_EQ(out.find("soc2-2017.implemented-without-evidence", "CC8.1")->severity, "minor");
    EXPECT_EQ(out.count("soc2-2017.scope-inferred"), 0u);
    // PI1.1 (listed as PP1.1) is out of a security-only scope: nothing about it.
    EXPECT_EQ(out.findings.size(), 7u) << out.dump();
}

TEST_F(Soc2, AvailabilityAndPrivacyInScopeNeedTheirCriteria) {
    json::array controls = implemented({"security", "privacy"});
    const auto out = readiness(json::object{
        {"controls", controls}, {"answers", json::object{{"categories", json::array{"availability", "privacy"}}}}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("soc2-2017.criterion-without-control"), (std::set<std::string>{"A1.1", "A1.2", "A1.3"}));
    EXPECT_EQ(out.findings.size(), 3u) << out.dump();
}

TEST_F(Soc2, ScopeIsInferredWithoutAnswers) {
    json::array controls = implemented({"security"});
    controls.push_back(entry("A1.1", "partial"));
    controls.push_back(entry("C1.1", "not-applicable", "no confidential commitments"));
    const auto out = readiness(json::object{{"controls", controls}});
    ASSERT_TRUE(out.ok);
    const auto inferred = out.withCheck("soc2-2017.scope-inferred");
    ASSERT_EQ(inferred.size(), 1u);
    EXPECT_EQ(inferred[0].severity, "info");
    EXPECT_TRUE(inferred[0].message.ends_with("tracked criteria: Security, Availability")) << inferred[0].message;
    EXPECT_FALSE(contains(inferred[0].message, "Confidentiality"));
    EXPECT_EQ(out.refs("soc2-2017.criterion-without-control"), (std::set<std::string>{"A1.2", "A1.3"}));
}

TEST_F(Soc2, ObservationPeriodOfAType2Report) {
    const json::array controls = implemented({"security"});
    const auto period = [&](const char* start, const char* end, const char* type) {
        json::object input{{"controls", controls},
                           {"observation_period", json::object{{"start", start}, {"end", end}}}};
        if (type != nullptr) input["answers"] = json::object{{"categories", json::array{}}, {"report_type", type}};
        return input;
    };
    const auto tooShort = readiness(period("2025-01-01", "2025-03-30", "type2"));
    const auto findings = tooShort.withCheck("soc2-2017.observation-period-too-short");
    ASSERT_EQ(findings.size(), 1u) << tooShort.dump();
    EXPECT_EQ(findings[0].severity, "minor");
    EXPECT_TRUE(contains(findings[0].message, "covers 89 days"));
    // 1 January to 31 March, both days included, is three months.
    EXPECT_EQ(readiness(period("2025-01-01", "2025-03-31", "type2")).count("soc2-2017.observation-period-too-short"),
              0u);
    // 30 November + 3 months ends with February.
    EXPECT_EQ(readiness(period("2024-11-30", "2025-02-27", "type2")).count("soc2-2017.observation-period-too-short"),
              0u);
    EXPECT_EQ(readiness(period("2024-11-30", "2025-02-26", "type2")).count("soc2-2017.observation-period-too-short"),
              1u);
    // A Type 1 report has no observation period to check.
    EXPECT_EQ(readiness(period("2025-01-01", "2025-01-02", "type1")).count("soc2-2017.observation-period-too-short"),
              0u);

    EXPECT_TRUE(contains(readinessError(period("2025-03-01", "2025-01-01", "type2")),
                         "observation_period.end is before observation_period.start"));
    EXPECT_TRUE(contains(readinessError(period("2025-02-30", "2025-06-01", "type2")),
                         "observation_period.start \"2025-02-30\" is not a valid calendar date"));
    EXPECT_TRUE(contains(readinessError(period("2025-1-1", "2025-06-01", "type2")),
                         "observation_period.start \"2025-1-1\" is not a date YYYY-MM-DD"));
}

TEST_F(Soc2, ReadinessRejectsMalformedInput) {
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{entry("CC6.1", "done")}}}),
                         "controls[].status of CC6.1 must be one of"));
    json::object negative = entry("CC6.1", "implemented");
    negative["evidence"] = -3;
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{negative}}}),
                         "controls[].evidence of CC6.1 must be a non-negative integer"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{}},
                                                     {"answers", json::object{{"categories", json::array{"avail"}}}}}),
                         "answers.categories has \"avail\""));
    EXPECT_TRUE(contains(readinessError(json::object{{"framework", "hipaa"}, {"controls", json::array{}}}),
                         "framework must be \"soc2-2017\""));
}

}  // namespace
}  // namespace cw
