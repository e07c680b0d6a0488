// PCI DSS v4.0.1: six goals, twelve principal requirements with their official
// titles, Appendices A1-A3, well-formed requirement numbers; scoping for a
// merchant vs a service provider (and the appendices' conditions and the
// 31 March 2025 deadline); the readiness checks.
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

class PciDss : public test::FrameworkTest<PciDss> {
public:
    static constexpr const char* kPluginFile = "pci_dss";
    static constexpr const char* kPluginId = "pci-dss-4.0.1";
    static constexpr const char* kFrameworkId = "pci-dss-4.0.1";
};

// "Additional requirement for service providers only" in PCI DSS v4.0.1, outside the appendices.
const std::vector<std::string> kServiceProviderOnly = {
    "3.6.1.1",  "3.7.9",  "8.2.3",  "8.3.10",   "8.3.10.1", "10.7.1", "11.4.6", "11.4.7",
    "11.5.1.1", "12.4.1", "12.4.2", "12.4.2.1", "12.5.2.1", "12.5.3", "12.9.1", "12.9.2"};

// An e-commerce merchant: no terminals on SSL, not designated, no issuing, defined approach only.
const json::object kMerchant{{"entity_type", "merchant"},
                             {"multi_tenant_service_provider", false},
                             {"pos_poi_ssl_early_tls", false},
                             {"designated_entity", false}};

// A payment gateway hosting several merchants' environments.
const json::object kMultiTenantProvider{{"entity_type", "service-provider"},
                                        {"multi_tenant_service_provider", true},
                                        {"pos_poi_ssl_early_tls", false},
                                        {"designated_entity", false}};

json::object with(json::object answers, std::string_view key, json::value value) {
    answers[key] = std::move(value);
    return answers;
}

json::object without(json::object answers, std::string_view key) {
    answers.erase(key);
    return answers;
}

TEST_F(PciDss, PluginDescribesTheStandard) {
    EXPECT_EQ(fw().framework().kind, FrameworkKind::Standard);
    EXPECT_EQ(fw().framework().version, "4.0.1");
    EXPECT_EQ(fw().framework().publisher, "PCI Security Standards Council");
    EXPECT_TRUE(plugin().hasScope);
    EXPECT_TRUE(plugin().hasReadiness);
}

TEST_F(PciDss, RefsAreUniqueAndWellFormed) {
    expectWellFormedRefs(R"(G[1-6]|[1-9]|1[0-2]|A|A[1-3]|([1-9]|1[0-2]|A[1-3])\.[1-9][0-9]?(\.[1-9][0-9]?){0,3})");
    // Every requirement is numbered x.y.z (or deeper) and hangs under the number it extends.
    const auto requirements = fw().refs("requirement");
    EXPECT_EQ(test::notMatching(requirements, R"(([1-9]|1[0-2]|A[1-3])\.[1-9][0-9]?(\.[1-9][0-9]?){1,3})"),
              std::vector<std::string>{});
    for (const auto& ref : requirements) {
        EXPECT_EQ(fw().at(ref).parent, ref.substr(0, ref.rfind('.'))) << ref;
        EXPECT_TRUE(fw().at(ref).assessable) << ref;
    }
    for (const auto& ref : fw().refs("section")) {
        EXPECT_EQ(fw().at(ref).parent, ref.substr(0, ref.find('.'))) << ref;
        EXPECT_FALSE(fw().at(ref).assessable) << ref;
    }
    EXPECT_EQ(fw().assessableRefs(), requirements);
}

TEST_F(PciDss, SixGoalsAndTwelvePrincipalRequirements) {
    EXPECT_EQ(fw().topLevel(), (std::vector<std::string>{"G1", "G2", "G3", "G4", "G5", "G6", "A"}));
    const std::map<std::string, std::string> goals = {{"G1", "Build and Maintain a Secure Network and Systems"},
                                                      {"G2", "Protect Account Data"},
                                                      {"G3", "Maintain a Vulnerability Management Program"},
                                                      {"G4", "Implement Strong Access Control Measures"},
                                                      {"G5", "Regularly Monitor and Test Networks"},
                                                      {"G6", "Maintain an Information Security Policy"}};
    for (const auto& [ref, title] : goals) EXPECT_EQ(fw().at(ref).title, title) << ref;
    EXPECT_EQ(fw().children("G1"), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(fw().children("G2"), (std::vector<std::string>{"3", "4"}));
    EXPECT_EQ(fw().children("G3"), (std::vector<std::string>{"5", "6"}));
    EXPECT_EQ(fw().children("G4"), (std::vector<std::string>{"7", "8", "9"}));
    EXPECT_EQ(fw().children("G5"), (std::vector<std::string>{"10", "11"}));
    EXPECT_EQ(fw().children("G6"), (std::vector<std::string>{"12"}));

    const std::map<std::string, std::string> principal = {
        {"1", "Install and Maintain Network Security Controls"},
        {"2", "Apply Secure Configurations to All System Components"},
        {"3", "Protect Stored Account Data"},
        {"4", "Protect Cardholder Data with Strong Cryptography During Transmission Over Open, Public Networks"},
        {"5", "Protect All Systems and Networks from Malicious Software"},
        {"6", "Develop and Maintain Secure Systems and Software"},
        {"7", "Restrict Access to System Components and Cardholder Data by Business Need to Know"},
        {"8", "Identify Users and Authenticate Access to System Components"},
        {"9", "Restrict Physical Access to Cardholder Data"},
        {"10", "Log and Monitor All Access to System Components and Cardholder Data"},
        {"11", "Test Security of Systems and Networks Regularly"},
        {"12", "Support Information Security with Organizational Policies and Programs"}};
    EXPECT_EQ(fw().refs("principal-requirement"),
              (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}));
    for (const auto& [ref, title] : principal) EXPECT_EQ(fw().at(ref).title, title) << ref;
}

TEST_F(PciDss, SectionsPerPrincipalRequirement) {
    // 1.1-1.5, 2.1-2.3, 3.1-3.7, ... 12.1-12.10: 63 sections in the body.
    const std::map<std::string, int> sections = {{"1", 5}, {"2", 3}, {"3", 7}, {"4", 2},  {"5", 4},  {"6", 5},
                                                 {"7", 3}, {"8", 6}, {"9", 5}, {"10", 7}, {"11", 6}, {"12", 10}};
    for (const auto& [ref, n] : sections) {
        std::vector<std::string> expected;
        for (int i = 1; i <= n; ++i) expected.push_back(ref + "." + std::to_string(i));
        EXPECT_EQ(fw().children(ref), expected) << ref;
    }
    EXPECT_EQ(fw().at("8.4").title, "Multi-factor authentication (MFA) is implemented to secure access into the CDE");
    EXPECT_EQ(fw().at("12.10").title,
              "Suspected and confirmed security incidents that could impact the CDE are responded to immediately");
}

TEST_F(PciDss, AppendicesA1ToA3) {
    EXPECT_EQ(fw().children("A"), (std::vector<std::string>{"A1", "A2", "A3"}));
    EXPECT_EQ(fw().at("A1").title, "Additional PCI DSS Requirements for Multi-Tenant Service Providers");
    EXPECT_EQ(fw().at("A2").title,
              "Additional PCI DSS Requirements for Entities Using SSL/Early TLS for Card-Present POS POI Terminal "
              "Connections");
    EXPECT_EQ(fw().at("A3").title, "Designated Entities Supplemental Validation (DESV)");
    EXPECT_EQ(fw().children("A1"), (std::vector<std::string>{"A1.1", "A1.2"}));
    EXPECT_EQ(fw().children("A2"), (std::vector<std::string>{"A2.1"}));
    EXPECT_EQ(fw().children("A3"), (std::vector<std::string>{"A3.1", "A3.2", "A3.3", "A3.4", "A3.5"}));
    EXPECT_EQ(fw().children("A1.1"), (std::vector<std::string>{"A1.1.1", "A1.1.2", "A1.1.3", "A1.1.4"}));
    EXPECT_EQ(fw().children("A2.1"), (std::vector<std::string>{"A2.1.1", "A2.1.2", "A2.1.3"}));
}

TEST_F(PciDss, KeyRequirementsPresent) {
    const Control& mfa = fw().at("8.4.2");
    EXPECT_EQ(mfa.parent, "8.4");
    EXPECT_EQ(mfa.kind, "requirement");
    EXPECT_EQ(test::attrBool(mfa, "future_dated"), true);
    EXPECT_EQ(test::attrString(mfa, "best_practice_until"), "2025-03-31");
    EXPECT_EQ(test::attrStrings(mfa, "applies_to"), (std::vector<std::string>{"merchant", "service-provider"}));
    for (const auto& ref : {"1.1.1", "3.5.1.1", "6.4.3", "9.5.1.2.1", "11.6.1", "12.10.7", "A3.5.1"}) {
        EXPECT_TRUE(fw().has(ref)) << ref;
    }
    // v3.2.1 numbering is gone (6.6 web application firewalls, 12.11 quarterly reviews, 1.3.7 private IPs).
    for (const auto& ref : {"6.6.1", "12.11.1", "1.3.7"}) EXPECT_FALSE(fw().has(ref)) << ref;
}

TEST_F(PciDss, ServiceProviderOnlyRequirements) {
    std::vector<std::string> expected = kServiceProviderOnly;
    for (const auto& ref : fw().refs("requirement")) {
        if (ref.starts_with("A1.")) expected.push_back(ref);
    }
    expected.insert(expected.end(), {"A2.1.2", "A2.1.3"});
    std::vector<std::string> actual = fw().withFlag("service_provider_only", true);
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    EXPECT_EQ(actual, expected);
    EXPECT_EQ(actual.size(), 25u);
    for (const auto& ref : actual) {
        EXPECT_EQ(test::attrStrings(fw().at(ref), "applies_to"), std::vector<std::string>{"service-provider"}) << ref;
    }
}

TEST_F(PciDss, FutureDatedRequirements) {
    const auto futureDated = fw().withFlag("future_dated", true);
    EXPECT_EQ(futureDated.size(), 51u);  // the 51 new requirements best practice until 31 March 2025
    for (const auto& ref :
         {"3.4.2", "5.4.1", "6.4.3", "8.3.6", "8.4.2", "8.5.1", "10.7.2", "11.6.1", "12.3.1", "12.6.3.1", "A1.1.4"}) {
        EXPECT_NE(std::find(futureDated.begin(), futureDated.end(), ref), futureDated.end()) << ref;
    }
    for (const auto& ref : {"1.1.1", "8.4.1", "12.9.2", "A3.1.1"}) {
        EXPECT_EQ(std::find(futureDated.begin(), futureDated.end(), ref), futureDated.end()) << ref;
    }
    EXPECT_EQ(test::attrString(fw().at("6.4.1"), "superseded_by"), "6.4.2");
    EXPECT_EQ(test::attrString(fw().at("10.7.1"), "superseded_by"), "10.7.2");
}

// --- scoping ---------------------------------------------------------------------

TEST_F(PciDss, MerchantIsNotBoundByServiceProviderRequirements) {
    const auto out = scope(kMerchant);
    ASSERT_TRUE(out.ok);
    for (const auto& ref : kServiceProviderOnly) {
        EXPECT_EQ(out.applies(ref), false) << ref;
    }
    EXPECT_EQ(out.reason("12.9.2"), "applies only to service providers, and the entity is a merchant");
    EXPECT_EQ(out.reason("8.3.10"), "applies only to service providers, and the entity is a merchant");
    EXPECT_TRUE(contains(out.reason("11.4.7"), "multi-tenant service providers"));
    // Appendices and special cases do not apply to this merchant.
    for (const auto& ref : {"A1.1.1", "A1.2.3", "A2.1.1", "A3.1.1", "A3.5.1", "3.3.3", "12.3.2"}) {
        EXPECT_EQ(out.applies(ref), false) << ref;
    }
    EXPECT_TRUE(contains(out.reason("A2.1.1"), "pos_poi_ssl_early_tls is false"));
    EXPECT_TRUE(contains(out.reason("A3.2.1"), "designated_entity is false"));
    EXPECT_TRUE(contains(out.reason("3.3.3"), "issuing_services is false"));
    EXPECT_TRUE(contains(out.reason("12.3.2"), "customized_approach is false"));
    // No date given: assessed after 31 March 2025, so future-dated requirements are mandatory.
    EXPECT_EQ(out.applies("8.4.2"), true);
    EXPECT_TRUE(contains(out.reason("8.4.2"), "mandatory since 1 April 2025"));
    EXPECT_EQ(out.applies("6.4.1"), false);
    EXPECT_TRUE(contains(out.reason("6.4.1"), "superseded by 6.4.2"));
    EXPECT_EQ(out.applies("10.7.3"), true);
    // Requirements that apply to everyone are not listed.
    for (const auto& ref : {"1.1.1", "8.4.1", "12.10.1"}) EXPECT_FALSE(out.applies(ref).has_value()) << ref;
    EXPECT_EQ(out.rows.size(), 89u);
    EXPECT_TRUE(contains(out.allNotes(), "No assessment_date given"));
}

TEST_F(PciDss, BeforeTheDeadlineFutureDatedRequirementsAreBestPractice) {
    const auto out = scope(with(kMerchant, "assessment_date", "2025-03-31"));
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.applies("8.4.2"), false);
    EXPECT_EQ(out.reason("8.4.2"), "best practice until 31 March 2025 (assessment date 2025-03-31)");
    EXPECT_EQ(out.applies("6.4.1"), true);  // still in force until 6.4.2 takes over
    EXPECT_EQ(out.applies("3.2.1"), true);  // only bullets were added in v4.0
    EXPECT_TRUE(contains(out.reason("3.2.1"), "only the elements added in v4.0 are best practice"));
    EXPECT_EQ(out.applies("10.7.3"), false);  // best practice for merchants until the deadline
    EXPECT_TRUE(contains(out.reason("10.7.3"), "best practice for merchants"));

    const auto after = scope(with(kMerchant, "assessment_date", "2025-04-01"));
    EXPECT_EQ(after.applies("8.4.2"), true);
    EXPECT_EQ(after.applies("6.4.1"), false);
}

TEST_F(PciDss, MultiTenantServiceProvider) {
    const auto out = scope(with(kMultiTenantProvider, "assessment_date", "2024-12-01"));
    ASSERT_TRUE(out.ok);
    for (const auto& ref : {"12.9.1", "12.9.2", "8.3.10", "3.7.9", "A1.1.2", "A1.2.1", "10.7.1"}) {
        EXPECT_EQ(out.applies(ref), true) << ref;
    }
    EXPECT_TRUE(contains(out.reason("12.9.2"), "service-provider-only requirement; the entity is a service provider"));
    EXPECT_TRUE(contains(out.reason("A1.1.2"), "multi-tenant service provider"));
    // Future-dated requirements of a service provider are still best practice in December 2024 ...
    EXPECT_EQ(out.applies("A1.1.1"), false);
    EXPECT_EQ(out.applies("11.4.7"), false);
    EXPECT_EQ(out.applies("8.3.10.1"), false);
    // ... except 10.7.3, already mandatory for service providers under v3.2.1.
    EXPECT_EQ(out.applies("10.7.3"), true);
    EXPECT_TRUE(contains(out.reason("10.7.3"), "already mandatory for service providers"));
    EXPECT_EQ(out.applies("A2.1.2"), false);

    // A single-tenant provider is not bound by Appendix A1.
    const auto single = scope(with(kMultiTenantProvider, "multi_tenant_service_provider", false));
    EXPECT_EQ(single.applies("A1.1.2"), false);
    EXPECT_TRUE(contains(single.reason("A1.1.2"), "multi_tenant_service_provider is false"));
    EXPECT_EQ(single.applies("12.9.2"), true);
}

TEST_F(PciDss, EveryConditionHolds) {
    // A processor that is also a merchant, with SSL terminals, designated by its acquirer, issuing, customized
    // approach.
    json::object answers{{"entity_type", "both"},          {"multi_tenant_service_provider", true},
                         {"pos_poi_ssl_early_tls", true},  {"designated_entity", true},
                         {"issuing_services", true},       {"customized_approach", true},
                         {"assessment_date", "2025-06-30"}};
    const auto out = scope(answers);
    ASSERT_TRUE(out.ok);
    for (const auto& ref : {"A1.1.1", "A2.1.1", "A2.1.2", "A3.1.1", "A3.3.1", "3.3.3", "12.3.2", "12.9.2", "8.4.2"}) {
        EXPECT_EQ(out.applies(ref), true) << ref;
    }
    EXPECT_TRUE(contains(out.reason("A2.1.2"), "both a merchant and a service provider"));
    EXPECT_TRUE(contains(out.reason("A3.1.1"), "designated for supplemental validation"));
    EXPECT_TRUE(contains(out.reason("3.3.3"), "issuing services"));
    EXPECT_TRUE(contains(out.reason("12.3.2"), "customized approach"));
    EXPECT_EQ(out.refs(false), (std::vector<std::string>{"6.4.1", "10.7.1"}));  // superseded only
}

TEST_F(PciDss, ScopeRejectsWrongAnswers) {
    EXPECT_TRUE(contains(scopeError(without(kMerchant, "entity_type")),
                         "answers.entity_type is required and must be \"merchant\", \"service-provider\" or \"both\""));
    EXPECT_TRUE(contains(scopeError(with(kMerchant, "entity_type", "acquirer")), "answers.entity_type"));
    for (const auto* key : {"multi_tenant_service_provider", "pos_poi_ssl_early_tls", "designated_entity"}) {
        EXPECT_TRUE(contains(scopeError(without(kMerchant, key)),
                             "answers." + std::string(key) + " is required and must be true or false"));
        EXPECT_TRUE(contains(scopeError(with(kMerchant, key, "no")), "answers." + std::string(key)));
    }
    // A merchant cannot be a multi-tenant service provider.
    EXPECT_TRUE(contains(scopeError(with(kMerchant, "multi_tenant_service_provider", true)),
                         "only a service provider can be multi-tenant"));
    EXPECT_TRUE(contains(scopeError(with(kMerchant, "assessment_date", "2025-02-30")),
                         "answers.assessment_date must be a calendar date in the form YYYY-MM-DD"));
    EXPECT_TRUE(contains(scopeError(with(kMerchant, "assessment_date", "31/03/2025")), "answers.assessment_date"));
    EXPECT_TRUE(contains(scopeError(with(kMerchant, "issuing_services", "yes")), "answers.issuing_services"));
    EXPECT_TRUE(contains(scopeError(with(kMerchant, "customized_approach", 1)), "answers.customized_approach"));
    EXPECT_TRUE(contains(scopeErrorText(R"({"framework":"pci-dss-4.0.1"})"), "answers must be an object"));
    EXPECT_TRUE(contains(scopeErrorText("[1,2]"), "input must be a JSON object"));
}

// --- readiness -------------------------------------------------------------------

TEST_F(PciDss, MerchantReadiness) {
    json::object evidenced = entry("1.1.2", "implemented");
    evidenced["evidence"] = 2;
    const json::array controls{
        entry("8.4.2", "not-started"),     entry("1.2.1", "partial"),
        entry("12.9.2", "not-applicable"),  // scoping already rules it out
        entry("8.3.10", "not-started"),     // service provider only: not judged
        entry("11.3.2", "not-applicable"), entry("11.2.1", "not-applicable", "no wireless anywhere near the CDE"),
        entry("1.1.1", "implemented"),     evidenced,
        entry("G1", "implemented"),  // a goal, not a requirement: skipped
        entry("6.4.1", "planned")};  // superseded by 6.4.2
    const auto out = readiness(json::object{{"controls", controls}, {"answers", kMerchant}});
    ASSERT_TRUE(out.ok);
    const auto* mfa = out.find("pci-dss-4.0.1.future-dated-not-ready", "8.4.2");
    ASSERT_NE(mfa, nullptr) << out.dump();
    EXPECT_EQ(mfa->severity, "blocker");
    EXPECT_TRUE(contains(mfa->message, "mandatory since 1 April 2025"));
    const auto* partial = out.find("pci-dss-4.0.1.requirement-not-in-place", "1.2.1");
    ASSERT_NE(partial, nullptr);
    EXPECT_EQ(partial->severity, "major");
    EXPECT_TRUE(contains(partial->message, "only partly implemented (status partial)"));
    EXPECT_EQ(out.refs("pci-dss-4.0.1.not-applicable-without-reason"), (std::set<std::string>{"11.3.2"}));
    EXPECT_EQ(out.find("pci-dss-4.0.1.not-applicable-without-reason", "11.3.2")->severity, "major");
    EXPECT_EQ(out.refs("pci-dss-4.0.1.implemented-without-evidence"), (std::set<std::string>{"1.1.1"}));
    EXPECT_EQ(out.find("pci-dss-4.0.1.implemented-without-evidence", "1.1.1")->severity, "minor");
    EXPECT_EQ(out.findings.size(), 4u) << out.dump();
}

TEST_F(PciDss, BeforeTheDeadlineAFutureDatedGapIsInformational) {
    const auto out = readiness(json::object{
        {"controls", json::array{entry("8.4.2", "planned"), entry("3.2.1", "partial"), entry("6.4.1", "planned")}},
        {"answers", with(kMerchant, "assessment_date", "2025-01-15")}});
    ASSERT_TRUE(out.ok);
    const auto* mfa = out.find("pci-dss-4.0.1.future-dated-not-ready", "8.4.2");
    ASSERT_NE(mfa, nullptr) << out.dump();
    EXPECT_EQ(mfa->severity, "info");
    EXPECT_TRUE(contains(mfa->message, "best practice until 31 March 2025"));
    // 3.2.1 was already mandatory (only bullets were added) and 6.4.1 is still in force.
    EXPECT_NE(out.find("pci-dss-4.0.1.requirement-not-in-place", "3.2.1"), nullptr);
    EXPECT_NE(out.find("pci-dss-4.0.1.requirement-not-in-place", "6.4.1"), nullptr);
    EXPECT_EQ(out.findings.size(), 3u) << out.dump();
}

TEST_F(PciDss, WithoutAnswersEveryListedRequirementIsJudged) {
    const auto out = readiness(
        json::object{{"controls", json::array{entry("12.9.2", "not-started"), entry("6.4.1", "not-started"),
                                              entry("6.4.3", "partial"), entry("A1.1.1", "not-applicable")}}});
    ASSERT_TRUE(out.ok);
    EXPECT_NE(out.find("pci-dss-4.0.1.requirement-not-in-place", "12.9.2"), nullptr) << out.dump();
    EXPECT_EQ(out.find("pci-dss-4.0.1.future-dated-not-ready", "6.4.3")->severity, "blocker");
    EXPECT_NE(out.find("pci-dss-4.0.1.not-applicable-without-reason", "A1.1.1"), nullptr);
    EXPECT_EQ(out.findings.size(), 3u) << out.dump();  // 6.4.1 is judged as superseded

    // With the service provider's answers, its own requirements are judged too.
    const auto provider =
        readiness(json::object{{"controls", json::array{entry("12.9.2", "planned"), entry("A1.1.2", "not-applicable")}},
                               {"answers", kMultiTenantProvider}});
    EXPECT_NE(provider.find("pci-dss-4.0.1.requirement-not-in-place", "12.9.2"), nullptr) << provider.dump();
    EXPECT_NE(provider.find("pci-dss-4.0.1.not-applicable-without-reason", "A1.1.2"), nullptr);
}

TEST_F(PciDss, ReadinessRejectsMalformedInput) {
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{entry("8.4.2", "done")}}}),
                         "control 8.4.2: status must be"));
    EXPECT_TRUE(contains(readinessError(json::object{{"controls", json::array{json::object{{"ref", "8.4.2"}}}}}),
                         "each control needs a string ref and a string status"));
    EXPECT_TRUE(contains(
        readinessError(json::object{{"controls", json::array{}}, {"answers", without(kMerchant, "designated_entity")}}),
        "answers.designated_entity"));
    EXPECT_TRUE(contains(readinessError(json::object{}), "controls must be an array"));
}

}  // namespace
}  // namespace cw
