// ISO/IEC 27001:2022: the published structure (clauses 4-10 with their 30
// requirements, Annex A with 93 controls in four themes), the exclusion scoping
// rule and the Stage 1 readiness checks. Also the CLI over all seven plugins.
#include "framework_fixture.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cw {
namespace {

namespace json = boost::json;
using test::contains;
using test::entry;

class Iso27001 : public test::FrameworkTest<Iso27001> {
public:
    static constexpr const char* kPluginFile = "iso27001";
    static constexpr const char* kPluginId = "iso27001-2022";
    static constexpr const char* kFrameworkId = "iso27001-2022";

protected:
    // Every Annex A control with one status, as a readiness "controls" array.
    static json::array allAnnexA(std::string_view status) {
        json::array controls;
        for (const auto& ref : fw().refs("control")) {
            json::object e = entry(ref, status);
            e["evidence"] = 1;
            controls.push_back(std::move(e));
        }
        return controls;
    }
};

// The 30 clause requirements of ISO/IEC 27001:2022, as printed.
const std::vector<std::string> kClauseRequirements = {"4.1",   "4.2",   "4.3",   "4.4",   "5.1",  "5.2", "5.3", "6.1.1",
                                                      "6.1.2", "6.1.3", "6.2",   "6.3",   "7.1",  "7.2", "7.3", "7.4",
                                                      "7.5.1", "7.5.2", "7.5.3", "8.1",   "8.2",  "8.3", "9.1", "9.2.1",
                                                      "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2"};

// The controls ISO/IEC 27002:2022 introduced (not in the 2013 Annex A).
const std::vector<std::string> kNewIn2022 = {"A.5.7",  "A.5.23", "A.5.30", "A.7.4",  "A.8.9", "A.8.10",
                                             "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28"};

std::vector<std::string> numbered(const std::string& prefix, int count) {
    std::vector<std::string> out;
    for (int i = 1; i <= count; ++i) out.push_back(prefix + std::to_string(i));
    return out;
}

TEST_F(Iso27001, PluginDescribesTheStandard) {
    const Framework& f = fw().framework();
    EXPECT_EQ(f.kind, FrameworkKind::Standard);
    EXPECT_EQ(f.version, "2022");
    EXPECT_EQ(f.published, "2022-10-25");  // third edition
    EXPECT_TRUE(contains(f.publisher, "ISO"));
    EXPECT_TRUE(plugin().hasScope);
    EXPECT_TRUE(plugin().hasReadiness);
    EXPECT_EQ(plugin().frameworks.size(), 1u);
}

TEST_F(Iso27001, RefsAreUniqueAndWellFormed) {
    expectWellFormedRefs(R"((4|5|6|7|8|9|10)(\.[1-9](\.[1-9])?)?|A(\.[5-8](\.[1-9][0-9]?)?)?)");
}

TEST_F(Iso27001, TopLevelIsClausesFourToTenThenAnnexA) {
    EXPECT_EQ(fw().topLevel(), (std::vector<std::string>{"4", "5", "6", "7", "8", "9", "10", "A"}));
    const std::map<std::string, std::string> titles = {{"4", "Context of the organization"},
                                                       {"5", "Leadership"},
                                                       {"6", "Planning"},
                                                       {"7", "Support"},
                                                       {"8", "Operation"},
                                                       {"9", "Performance evaluation"},
                                                       {"10", "Improvement"},
                                                       {"A", "Information security controls reference"}};
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
    for (const auto& clause : {"4", "5", "6", "7", "8", "9", "10"}) EXPECT_EQ(fw().at(clause).kind, "clause");
    EXPECT_EQ(fw().at("A").kind, "annex");
}

TEST_F(Iso27001, ThirtyClauseRequirements) {
    EXPECT_EQ(fw().refs("requirement"), kClauseRequirements);
    for (const auto& ref : kClauseRequirements) EXPECT_TRUE(fw().at(ref).assessable) << ref;
    // The groupings that hold requirements but are not requirements themselves.
    EXPECT_EQ(fw().refs("subclause"), (std::vector<std::string>{"6.1", "7.5", "9.2", "9.3"}));
    EXPECT_EQ(fw().children("6.1"), (std::vector<std::string>{"6.1.1", "6.1.2", "6.1.3"}));
    EXPECT_EQ(fw().children("9.3"), (std::vector<std::string>{"9.3.1", "9.3.2", "9.3.3"}));
    EXPECT_EQ(fw().children("10"), (std::vector<std::string>{"10.1", "10.2"}));
    // Titles as printed in the 2022 edition (10.1 and 10.2 swapped places since 2013).
    EXPECT_EQ(fw().at("6.1.2").title, "Information security risk assessment");
    EXPECT_EQ(fw().at("6.1.3").title, "Information security risk treatment");
    EXPECT_EQ(fw().at("6.3").title, "Planning of changes");
    EXPECT_EQ(fw().at("7.5.2").title, "Creating and updating");
    EXPECT_EQ(fw().at("9.2.2").title, "Internal audit programme");
    EXPECT_EQ(fw().at("9.3.2").title, "Management review inputs");
    EXPECT_EQ(fw().at("10.1").title, "Continual improvement");
    EXPECT_EQ(fw().at("10.2").title, "Nonconformity and corrective action");
}

TEST_F(Iso27001, MandatoryDocumentedInformation) {
    EXPECT_EQ(fw().withFlag("mandatory_documented_information"),
              (std::vector<std::string>{"4.3", "5.2", "6.1.2", "6.1.3", "6.2", "7.2", "8.1", "8.2", "8.3", "9.1",
                                        "9.2.2", "9.3.3", "10.2"}));
    std::size_t items = 0;
    for (const auto& ref : kClauseRequirements)
        items += test::attrStrings(fw().at(ref), "documented_information").size();
    EXPECT_EQ(items, 16u);
    const auto soa = test::attrStrings(fw().at("6.1.3"), "documented_information");
    EXPECT_NE(std::find(soa.begin(), soa.end(), "Statement of Applicability"), soa.end());
}

TEST_F(Iso27001, NinetyThreeAnnexAControlsInFourThemes) {
    EXPECT_EQ(fw().count("control"), 93u);
    EXPECT_EQ(fw().children("A"), (std::vector<std::string>{"A.5", "A.6", "A.7", "A.8"}));
    EXPECT_EQ(fw().at("A.5").title, "Organizational controls");
    EXPECT_EQ(fw().at("A.6").title, "People controls");
    EXPECT_EQ(fw().at("A.7").title, "Physical controls");
    EXPECT_EQ(fw().at("A.8").title, "Technological controls");
    EXPECT_EQ(fw().children("A.5"), numbered("A.5.", 37));
    EXPECT_EQ(fw().children("A.6"), numbered("A.6.", 8));
    EXPECT_EQ(fw().children("A.7"), numbered("A.7.", 14));
    EXPECT_EQ(fw().children("A.8"), numbered("A.8.", 34));
    EXPECT_EQ(fw().withAttribute("theme", "organizational").size(), 37u);
    EXPECT_EQ(fw().withAttribute("theme", "people").size(), 8u);
    EXPECT_EQ(fw().withAttribute("theme", "physical").size(), 14u);
    EXPECT_EQ(fw().withAttribute("theme", "technological").size(), 34u);
    for (const auto& ref : fw().refs("control")) EXPECT_TRUE(fw().at(ref).assessable) << ref;
    for (const auto& ref : {"A", "A.5", "A.6", "A.7", "A.8", "4", "6.1"}) EXPECT_FALSE(fw().at(ref).assessable) << ref;
    EXPECT_EQ(fw().assessableRefs().size(), 123u);  // 30 + 93
}

TEST_F(Iso27001, AnnexAControlTitles) {
    const std::map<std::string, std::string> titles = {
        {"A.5.1", "Policies for information security"},
        {"A.5.7", "Threat intelligence"},
        {"A.5.15", "Access control"},
        {"A.5.23", "Information security for use of cloud services"},
        {"A.5.30", "ICT readiness for business continuity"},
        {"A.5.37", "Documented operating procedures"},
        {"A.6.1", "Screening"},
        {"A.6.8", "Information security event reporting"},
        {"A.7.4", "Physical security monitoring"},
        {"A.7.14", "Secure disposal or re-use of equipment"},
        {"A.8.9", "Configuration management"},
        {"A.8.12", "Data leakage prevention"},
        {"A.8.16", "Monitoring activities"},
        {"A.8.23", "Web filtering"},
        {"A.8.28", "Secure coding"},
        {"A.8.34", "Protection of information systems during audit testing"},
    };
    for (const auto& [ref, title] : titles) EXPECT_EQ(fw().at(ref).title, title) << ref;
}

TEST_F(Iso27001, ElevenControlsNewIn2022) {
    EXPECT_EQ(fw().withFlag("new_in_2022", true), kNewIn2022);
    EXPECT_EQ(fw().withFlag("new_in_2022", false).size(), 82u);
}

TEST_F(Iso27001, ControlTypesFrom27002) {
    using V = std::vector<std::string>;
    EXPECT_EQ(test::attrStrings(fw().at("A.5.7"), "control_type"), (V{"preventive", "detective", "corrective"}));
    EXPECT_EQ(test::attrStrings(fw().at("A.8.7"), "control_type"), (V{"preventive", "detective", "corrective"}));
    EXPECT_EQ(test::attrStrings(fw().at("A.8.15"), "control_type"), V{"detective"});
    EXPECT_EQ(test::attrStrings(fw().at("A.8.13"), "control_type"), V{"corrective"});
    EXPECT_EQ(test::attrStrings(fw().at("A.5.26"), "control_type"), V{"corrective"});
    EXPECT_EQ(test::attrStrings(fw().at("A.7.4"), "control_type"), (V{"preventive", "detective"}));
    EXPECT_EQ(test::attrStrings(fw().at("A.5.15"), "control_type"), V{"preventive"});
}

// --- scoping ---------------------------------------------------------------------

TEST_F(Iso27001, ScopeWithoutExclusionsListsAllAnnexAApplying) {
    const auto out = scope(json::object{{"exclusions", json::object{}}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs(), fw().refs("control"));
    EXPECT_EQ(out.applying(), 93u);
    EXPECT_TRUE(contains(out.reason("A.5.15"), "Statement of Applicability"));
    EXPECT_FALSE(out.applies("4.1").has_value());  // clauses are never listed: they always apply
    EXPECT_TRUE(contains(out.allNotes(), "Clauses 4 to 10 (30 requirements"));
    EXPECT_TRUE(contains(out.allNotes(), "0 of 93 Annex A controls excluded"));
}

TEST_F(Iso27001, ScopeExcludesAnnexAControlsWithTheirJustification) {
    // A fully remote SaaS company without own premises.
    const auto out = scope(json::object{
        {"exclusions", json::object{{"A.7.4", "fully remote, no own premises"}, {"A.7.12", "  no own cabling  "}}}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.rows.size(), 93u);
    EXPECT_EQ(out.applies("A.7.4"), false);
    EXPECT_EQ(out.reason("A.7.4"), "fully remote, no own premises");
    EXPECT_EQ(out.applies("A.7.12"), false);
    EXPECT_EQ(out.reason("A.7.12"), "no own cabling");  // trimmed
    EXPECT_EQ(out.applies("A.7.1"), true);
    EXPECT_EQ(out.refs(false), (std::vector<std::string>{"A.7.4", "A.7.12"}));
    EXPECT_TRUE(contains(out.allNotes(), "2 of 93 Annex A controls excluded"));
}

TEST_F(Iso27001, ScopeRejectsWrongExclusions) {
    EXPECT_TRUE(contains(scopeError(json::object{}), "answers.exclusions is required"));
    EXPECT_TRUE(contains(scopeError(json::object{{"exclusions", json::array{"A.7.4"}}}), "answers.exclusions"));
    // Clauses cannot be excluded.
    EXPECT_TRUE(contains(scopeError(json::object{{"exclusions", json::object{{"6.1.3", "small company"}}}}),
                         "answers.exclusions: 6.1.3 belongs to clauses 4 to 10"));
    // A theme and a 2013 ref are not Annex A controls of 2022.
    EXPECT_TRUE(contains(scopeError(json::object{{"exclusions", json::object{{"A.7", "remote"}}}}),
                         "answers.exclusions: \"A.7\" is not an Annex A control"));
    EXPECT_TRUE(contains(scopeError(json::object{{"exclusions", json::object{{"A.11.1.1", "remote"}}}}),
                         "\"A.11.1.1\" is not an Annex A control"));
    // Every exclusion needs a justification.
    EXPECT_TRUE(contains(scopeError(json::object{{"exclusions", json::object{{"A.7.4", ""}}}}),
                         "answers.exclusions.A.7.4: the justification must be a non-empty string"));
    EXPECT_TRUE(
        contains(scopeError(json::object{{"exclusions", json::object{{"A.7.4", "   "}}}}), "answers.exclusions.A.7.4"));
    EXPECT_TRUE(
        contains(scopeError(json::object{{"exclusions", json::object{{"A.7.4", true}}}}), "answers.exclusions.A.7.4"));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"iso27001-2022"})"), "answers must be an object"));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"soc2-2017","answers":{"exclusions":{}}})"),
                         "framework must be \"iso27001-2022\""));
}

// --- readiness -------------------------------------------------------------------

TEST_F(Iso27001, ReadinessCleanSnapshotHasNoFindings) {
    json::array controls = allAnnexA("implemented");
    for (const auto& ref : kClauseRequirements) controls.push_back(entry(ref, "implemented"));
    const auto out = readiness(json::object{{"controls", controls}});
    ASSERT_TRUE(out.ok);
    EXPECT_TRUE(out.findings.empty()) << out.dump();
}

TEST_F(Iso27001, ReadinessFlagsUndecidedAndUnjustifiedAnnexAControls) {
    json::array controls;
    for (const auto& ref : fw().refs("control")) {
        if (ref == "A.8.11" || ref == "A.8.12") continue;  // never decided
        if (ref == "A.7.4") {
            controls.push_back(entry(ref, "not-applicable"));  // excluded, no reason
        } else if (ref == "A.7.12") {
            controls.push_back(entry(ref, "not-applicable", "   "));  // blank reason
        } else if (ref == "A.7.2") {
            controls.push_back(entry(ref, "not-applicable", "co-working space run by the landlord"));
        } else if (ref == "A.8.15") {
            json::object e = entry(ref, "implemented");
            e["evidence"] = 0;  // claimed, nothing attached
            controls.push_back(std::move(e));
        } else if (ref == "A.8.16") {
            controls.push_back(json::object{{"ref", ref}});  // listed without a status
        } else {
            controls.push_back(entry(ref, "partial"));
        }
    }
    const auto out = readiness(json::object{{"controls", controls}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("iso27001-2022.annex-a-undecided"), (std::set<std::string>{"A.8.11", "A.8.12", "A.8.16"}));
    EXPECT_EQ(out.refs("iso27001-2022.exclusion-without-justification"), (std::set<std::string>{"A.7.12", "A.7.4"}));
    EXPECT_EQ(out.refs("iso27001-2022.implemented-without-evidence"), (std::set<std::string>{"A.8.15"}));
    EXPECT_EQ(out.findings.size(), 6u) << out.dump();
    const auto* undecided = out.find("iso27001-2022.annex-a-undecided", "A.8.11");
    ASSERT_NE(undecided, nullptr);
    EXPECT_EQ(undecided->severity, "major");
    EXPECT_TRUE(contains(undecided->message, "A.8.11 Data masking"));
    EXPECT_EQ(out.find("iso27001-2022.exclusion-without-justification", "A.7.4")->severity, "major");
    EXPECT_EQ(out.find("iso27001-2022.implemented-without-evidence", "A.8.15")->severity, "minor");
}

TEST_F(Iso27001, ReadinessBlocksExcludedClauses) {
    json::array controls = allAnnexA("implemented");
    controls.push_back(entry("6.1.3", "not-applicable", "we only have a few risks"));
    controls.push_back(entry("9.2.2", "not-applicable"));
    json::object planned = entry("9.3.3", "implemented");
    planned["evidence"] = 0;
    controls.push_back(planned);
    const auto out = readiness(json::object{{"controls", controls}});
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.refs("iso27001-2022.clause-excluded"), (std::set<std::string>{"6.1.3", "9.2.2"}));
    EXPECT_EQ(out.find("iso27001-2022.clause-excluded", "6.1.3")->severity, "blocker");
    EXPECT_TRUE(contains(out.find("iso27001-2022.clause-excluded", "6.1.3")->message, "always apply"));
    EXPECT_NE(out.find("iso27001-2022.implemented-without-evidence", "9.3.3"), nullptr);
    EXPECT_EQ(out.findings.size(), 3u) << out.dump();
}

TEST_F(Iso27001, ReadinessRejectsMalformedInput) {
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{entry("A.5.1", "done")}}}),
                         "controls[0].status must be one of"));
    json::object negative = entry("A.5.1", "implemented");
    negative["evidence"] = -1;
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{negative}}}),
                         "controls[0].evidence must be a non-negative integer"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{json::object{{"ref", 5}}}}}),
                         "controls[0].ref must be a string"));
    EXPECT_TRUE(contains(readinessError(json::object{}), "controls must be an array"));
}

// --- the CLI over all seven framework plugins ---------------------------------------

class CliFrameworks : public ::testing::Test {
protected:
    test::RunResult crosswalk(const std::string& args) {
        return test::run("env -u CROSSWALK_PLUGIN_PATH " + test::shellQuote(CW_CLI) + " --db " +
                         test::shellQuote((m_dir / "w.db").string()) + " --no-default-plugins --plugins " +
                         test::shellQuote(test::buildPluginDir().string()) + " " + args);
    }
    test::ScratchDir m_dir;
};

TEST_F(CliFrameworks, InitLoadsAllSevenAndCommandsShowTheirStructure) {
    const std::map<std::string, std::pair<std::int64_t, std::int64_t>> expected = {
        // framework id: all nodes, assessable nodes
        {"iso27001-2022", {139, 123}},    {"soc2-2017", {376, 61}}, {"hipaa", {187, 154}},
        {"pci-dss-4.0.1", {373, 280}},    {"gdpr", {889, 184}},     {"nist-csf-2.0", {497, 106}},
        {"nist-sp800-53r5", {1209, 1007}}};

    const auto init = crosswalk("init --json");
    ASSERT_EQ(init.exitCode, 0) << init.err;
    const json::value initJson = json::parse(init.out);
    EXPECT_TRUE(initJson.at("created").as_bool());
    std::set<std::string> loaded;
    for (const auto& p : initJson.at("plugins").as_array()) {
        EXPECT_EQ(p.at("status").as_string(), "loaded") << json::serialize(p);
        loaded.insert(std::string(p.at("id").as_string()));
    }
    for (const auto& id :
         {"iso27001-2022", "soc2-2017", "hipaa", "pci-dss-4.0.1", "gdpr", "nist-csf-2.0", "nist-sp800-53r5"}) {
        EXPECT_TRUE(loaded.contains(id)) << id;
    }
    EXPECT_TRUE(init.err.empty()) << init.err;

    const auto frameworks = crosswalk("frameworks --json");
    ASSERT_EQ(frameworks.exitCode, 0) << frameworks.err;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> counts;
    const json::value frameworksJson = json::parse(frameworks.out);
    for (const auto& f : frameworksJson.at("frameworks").as_array()) {
        const std::string id(f.at("id").as_string());
        if (expected.contains(id)) counts[id] = {f.at("controls").as_int64(), f.at("assessable").as_int64()};
    }
    EXPECT_EQ(counts, expected);

    const auto show = crosswalk("show 'hipaa:164.308(a)(1)(ii)(A)'");
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_TRUE(contains(show.out, "hipaa:164.308(a)(1)(ii)(A)  Risk analysis\n"));
    EXPECT_TRUE(contains(show.out, "Designation: required\n"));
    EXPECT_TRUE(contains(show.out, "Parent:      164.308(a)(1)  Security management process\n"));
    EXPECT_TRUE(contains(show.out, "Path:        security-rule > 164.308 > 164.308(a)(1) > 164.308(a)(1)(ii)(A)"));

    const auto tree = crosswalk("controls iso27001-2022 --tree");
    ASSERT_EQ(tree.exitCode, 0) << tree.err;
    EXPECT_EQ(std::count(tree.out.begin(), tree.out.end(), '\n'), 139);
    for (const auto* line :
         {"4  Context of the organization  ·\n", "├─ 4.1  Understanding the organization and its context\n",
          "│  └─ 6.1.3  Information security risk treatment\n", "└─ 10.2  Nonconformity and corrective action\n",
          "A  Information security controls reference  ·\n", "├─ A.5  Organizational controls  ·\n",
          "├─ A.6  People controls  ·\n", "├─ A.7  Physical controls  ·\n", "└─ A.8  Technological controls  ·\n",
          "│  ├─ A.5.1  Policies for information security\n",
          "   └─ A.8.34  Protection of information systems during audit testing\n"}) {
        EXPECT_TRUE(contains(tree.out, line));
    }
}

TEST_F(CliFrameworks, ShowOfAnUnknownRefFailsWithOneLine) {
    ASSERT_EQ(crosswalk("init").exitCode, 0);
    const auto show = crosswalk("show 'hipaa:164.308(a)(9)'");
    EXPECT_EQ(show.exitCode, 2);
    EXPECT_TRUE(contains(show.err, "164.308(a)(9)"));
    EXPECT_EQ(std::count(show.err.begin(), show.err.end(), '\n'), 1) << show.err;
}

}  // namespace
}  // namespace cw
