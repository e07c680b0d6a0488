// The organization suite: profile, scope items, assets, targets with the real plugins'
// scoping rules, applicability, and the CLI over them.
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/workbench/init.hpp>
#include <crosswalk/workbench/targets.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace cw::test {
namespace {

class OrganizationTest : public WorkbenchTest {
protected:
    std::map<std::string, Applicability> applicabilityOf(std::string_view framework) {
        std::map<std::string, Applicability> out;
        auto rows = applicability(ws(), framework);
        EXPECT_TRUE(rows) << rows.error().message;
        if (rows) {
            for (auto& r : *rows) out.emplace(r.ref, std::move(r));
        }
        return out;
    }

    std::vector<std::string> targetIds() {
        std::vector<std::string> out;
        auto list = targets(ws());
        EXPECT_TRUE(list) << list.error().message;
        if (list) {
            for (const auto& t : *list) out.push_back(t.framework);
        }
        return out;
    }

    std::vector<std::string> assetKeys() {
        std::vector<std::string> out;
        auto list = assets(ws());
        EXPECT_TRUE(list) << list.error().message;
        if (list) {
            for (const auto& a : *list) out.push_back(a.key);
        }
        return out;
    }

    Result<Target> isoTarget(json::object exclusions) {
        return setTarget(ws(), host(), "iso27001-2022", json::object{{"exclusions", std::move(exclusions)}});
    }
};

// Everything this part stores, read back through the API: a failed operation must leave it
// exactly as it was. (The file's digest would not do: writes sit in the WAL.)
std::string organizationState(Workspace& ws) {
    std::ostringstream out;
    auto profile = organizationProfile(ws);
    if (!profile) return "error: " + profile.error().message;
    out << profile->name << '|' << profile->sector << '|' << profile->scopeStatement << '|' << profile->description
        << '\n';
    for (const auto& i : *scopeItems(ws))
        out << toString(i.kind) << '|' << i.name << '|' << i.inScope << '|' << i.note << '\n';
    for (const auto& a : *assets(ws)) {
        out << a.key << '|' << a.name << '|' << a.type << '|' << toString(a.classification) << '|' << a.owner << '|'
            << a.inScope << '|' << a.description << '\n';
    }
    for (const auto& t : *targets(ws)) {
        out << t.framework << '|' << json::serialize(t.answers) << '|' << t.notes.size() << '|' << t.addedAt << '\n';
        for (const auto& r : *applicability(ws, t.framework))
            out << r.ref << '|' << r.applies << '|' << r.reason << '\n';
    }
    return out.str();
}

std::size_t countApplying(const std::map<std::string, Applicability>& rows, bool applies) {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [&](const auto& r) { return r.second.applies == applies; }));
}

// One line on stderr, naming what was wrong.
void expectOneLineError(const RunResult& r, const std::string& needle) {
    cw::test::expectOneLineError(r, "", needle);
}

// ------------------------------------------------------------------ profile and scope

TEST_F(OrganizationTest, ProfileRoundTripsAndNeedsAName) {
    auto empty = organizationProfile(ws());
    ASSERT_TRUE(empty) << empty.error().message;
    EXPECT_TRUE(empty->name.empty());

    const OrganizationProfile profile{"Acme Health", "Health technology", "The Acme platform and its support",
                                      "Fictional"};
    ASSERT_TRUE(setOrganizationProfile(ws(), profile));
    auto back = organizationProfile(ws());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->name, "Acme Health");
    EXPECT_EQ(back->sector, "Health technology");
    EXPECT_EQ(back->scopeStatement, "The Acme platform and its support");
    EXPECT_EQ(back->description, "Fictional");

    auto blankName = setOrganizationProfile(ws(), {"  ", "Other", "", ""});
    ASSERT_FALSE(blankName);
    EXPECT_EQ(blankName.error().kind, ErrorKind::BadInput);
    EXPECT_NE(blankName.error().message.find("name"), std::string::npos) << blankName.error().message;
    EXPECT_EQ(organizationProfile(ws())->sector, "Health technology");  // unchanged
}

TEST_F(OrganizationTest, ScopeItemsOutOfScopeNeedANote) {
    ASSERT_TRUE(setScopeItem(ws(), {ScopeKind::Site, "Boston office", true, ""}));
    ASSERT_TRUE(setScopeItem(ws(), {ScopeKind::Process, "Payroll", true, ""}));
    ASSERT_TRUE(setScopeItem(ws(), {ScopeKind::System, "Marketing site", false, "agency-hosted, no customer data"}));

    auto noNote = setScopeItem(ws(), {ScopeKind::System, "Legacy CRM", false, " "});
    ASSERT_FALSE(noNote);
    EXPECT_EQ(noNote.error().kind, ErrorKind::BadInput);
    EXPECT_NE(noNote.error().message.find("'Legacy CRM' needs a note"), std::string::npos) << noNote.error().message;
    // Taking an in-scope item out without a reason is refused the same way, and changes nothing.
    ASSERT_FALSE(setScopeItem(ws(), {ScopeKind::Site, "Boston office", false, ""}));

    auto items = scopeItems(ws());
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 3u);
    // Sites, then systems, then processes.
    EXPECT_EQ((*items)[0].name, "Boston office");
    EXPECT_TRUE((*items)[0].inScope);
    EXPECT_EQ((*items)[1].name, "Marketing site");
    EXPECT_FALSE((*items)[1].inScope);
    EXPECT_EQ((*items)[1].note, "agency-hosted, no customer data");
    EXPECT_EQ((*items)[2].kind, ScopeKind::Process);

    // Same kind and name replaces.
    ASSERT_TRUE(setScopeItem(ws(), {ScopeKind::System, "Marketing site", true, ""}));
    items = scopeItems(ws());
    ASSERT_EQ(items->size(), 3u);
    EXPECT_TRUE((*items)[1].inScope);

    ASSERT_TRUE(removeScopeItem(ws(), ScopeKind::Process, "Payroll"));
    auto again = removeScopeItem(ws(), ScopeKind::Process, "Payroll");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(scopeItems(ws())->size(), 2u);
    EXPECT_FALSE(parseScopeKind("planet"));
    EXPECT_EQ(parseScopeKind("process"), ScopeKind::Process);
}

// ------------------------------------------------------------------ assets

TEST_F(OrganizationTest, AssetsGetAutomaticKeysAndAreReplacedByKey) {
    Asset db;
    db.name = "Patient database";
    db.type = "information";
    db.classification = Classification::Restricted;
    db.owner = "CTO";
    auto first = setAsset(ws(), db);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->key, "AST-01");
    Asset laptops;
    laptops.name = "Laptops";
    EXPECT_EQ(setAsset(ws(), laptops)->key, "AST-02");
    Asset manual;
    manual.key = "AST-07";
    manual.name = "Office Wi-Fi";
    manual.inScope = false;
    ASSERT_TRUE(setAsset(ws(), manual));
    Asset vendor;
    vendor.key = "VENDOR.crm_1";
    vendor.name = "CRM (SaaS)";
    ASSERT_TRUE(setAsset(ws(), vendor));
    // The next automatic key follows the highest AST number in use.
    EXPECT_EQ(setAsset(ws(), laptops)->key, "AST-08");
    EXPECT_EQ(assetKeys(), (std::vector<std::string>{"AST-01", "AST-02", "AST-07", "VENDOR.crm_1", "AST-08"}));

    // Setting an existing key replaces that asset.
    db.key = "AST-01";
    db.classification = Classification::Confidential;
    db.description = "PHI of monitored patients";
    ASSERT_TRUE(setAsset(ws(), db));
    auto all = assets(ws());
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 5u);
    EXPECT_EQ(all->front().classification, Classification::Confidential);
    EXPECT_EQ(all->front().description, "PHI of monitored patients");
    EXPECT_EQ(all->front().owner, "CTO");
    EXPECT_FALSE((*all)[2].inScope);

    ASSERT_TRUE(removeAsset(ws(), "AST-02"));
    auto unknown = removeAsset(ws(), "AST-02");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknown.error().message.find("AST-02"), std::string::npos);
    EXPECT_EQ(assetKeys().size(), 4u);
}

TEST_F(OrganizationTest, BadAssetsAreRefusedAndChangeNothing) {
    Asset a;
    a.name = "Laptops";
    ASSERT_TRUE(setAsset(ws(), a));
    const std::string before = organizationState(ws());
    std::vector<std::string> badKeys = {"has space", "semi;colon", "ÄST-1", "a:b"};
    badKeys.emplace_back(65, 'K');  // too long
    for (const std::string& key : badKeys) {
        Asset bad;
        bad.key = key;
        bad.name = "Asset with a bad key";
        auto r = setAsset(ws(), bad);
        ASSERT_FALSE(r) << key;
        EXPECT_EQ(r.error().kind, ErrorKind::BadInput);
        EXPECT_NE(r.error().message.find("invalid asset key"), std::string::npos) << r.error().message;
    }
    Asset nameless;
    nameless.key = "AST-01";
    nameless.name = "";
    auto r = setAsset(ws(), nameless);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::BadInput);
    EXPECT_NE(r.error().message.find("'AST-01' needs a name"), std::string::npos) << r.error().message;
    EXPECT_EQ(assetKeys(), (std::vector<std::string>{"AST-01"}));
    EXPECT_EQ(assets(ws())->front().name, "Laptops");
    EXPECT_EQ(organizationState(ws()), before);
}

TEST_F(OrganizationTest, AnAssetARiskUsesCannotBeRemoved) {
    Asset a;
    a.name = "Patient database";
    ASSERT_TRUE(setAsset(ws(), a));
    Risk risk;
    risk.key = "R-01";
    risk.title = "Patient data leaks";
    risk.assets = {"AST-01"};
    risk.likelihood = 3;
    risk.impact = 4;
    auto saved = setRisk(ws(), risk);
    ASSERT_TRUE(saved) << saved.error().message;
    auto removed = removeAsset(ws(), "AST-01");
    ASSERT_FALSE(removed);
    EXPECT_EQ(removed.error().kind, ErrorKind::BadInput);
    EXPECT_NE(removed.error().message.find("used by risk R-01"), std::string::npos) << removed.error().message;
    EXPECT_EQ(assetKeys(), (std::vector<std::string>{"AST-01"}));
}

// ------------------------------------------------------------------ targets

TEST_F(OrganizationTest, IsoExclusionsTakeAnnexAControlsOutWithTheirReason) {
    auto target = isoTarget(
        {{"A.7.12", "no cabling of our own: fully remote, cloud-hosted"}, {"A.8.30", "no outsourced development"}});
    ASSERT_TRUE(target) << target.error().message;
    EXPECT_EQ(target->framework, "iso27001-2022");
    EXPECT_EQ(target->applicable, 121u);
    EXPECT_EQ(target->notApplicable, 2u);
    EXPECT_FALSE(target->notes.empty());
    EXPECT_FALSE(target->addedAt.empty());
    EXPECT_EQ(json::serialize(target->answers["exclusions"].at("A.8.30")), "\"no outsourced development\"");

    const auto rows = applicabilityOf("iso27001-2022");
    ASSERT_EQ(rows.size(), 123u);
    const auto annexA =
        std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.first.starts_with("A."); });
    EXPECT_EQ(annexA, 93);
    EXPECT_FALSE(rows.at("A.7.12").applies);
    EXPECT_EQ(rows.at("A.7.12").reason, "no cabling of our own: fully remote, cloud-hosted");
    EXPECT_EQ(rows.at("A.7.12").title, "Cabling security");
    EXPECT_TRUE(rows.at("A.5.15").applies);
    // Clauses 4-10 are not listed by the rule: they apply, and the reason says why.
    EXPECT_TRUE(rows.at("6.1.3").applies);
    EXPECT_EQ(rows.at("6.1.3").reason, "not addressed by the scoping rule: applies");
    EXPECT_EQ(countApplying(rows, false), 2u);
}

TEST_F(OrganizationTest, ApplicabilityComesInCatalogOrder) {
    ASSERT_TRUE(isoTarget({}));
    auto rows = applicability(ws(), "iso27001-2022");
    ASSERT_TRUE(rows);
    auto catalog = ws().controls("iso27001-2022");
    ASSERT_TRUE(catalog);
    std::vector<std::string> expected;
    for (const auto& c : *catalog) {
        if (c.assessable) expected.push_back(c.ref);
    }
    std::vector<std::string> got;
    for (const auto& r : *rows) got.push_back(r.ref);
    EXPECT_EQ(got, expected);
}

TEST_F(OrganizationTest, Soc2CategoriesDecideTheOptionalCriteria) {
    auto target = setTarget(
        ws(), host(), "soc2-2017",
        json::object{{"categories", json::array{"availability", "confidentiality"}}, {"report_type", "type2"}});
    ASSERT_TRUE(target) << target.error().message;
    const auto rows = applicabilityOf("soc2-2017");
    ASSERT_EQ(rows.size(), 61u);
    EXPECT_TRUE(rows.at("CC6.1").applies);
    EXPECT_EQ(rows.at("CC6.1").reason, "not addressed by the scoping rule: applies");
    EXPECT_TRUE(rows.at("A1.2").applies);
    EXPECT_TRUE(rows.at("C1.1").applies);
    EXPECT_FALSE(rows.at("PI1.1").applies);
    EXPECT_NE(rows.at("PI1.1").reason.find("Processing Integrity"), std::string::npos) << rows.at("PI1.1").reason;
    EXPECT_FALSE(rows.at("P1.1").applies);
    EXPECT_EQ(target->applicable, 33u + 3u + 2u);
    EXPECT_EQ(target->applicable + target->notApplicable, 61u);
    // The rule also lists points of focus, which are not assessable and hold no requirement:
    // they are not recorded, and a note says so.
    const bool noted = std::any_of(target->notes.begin(), target->notes.end(), [](const std::string& n) {
        return n.starts_with("Not recorded:") && n.find("POF") != std::string::npos;
    });
    EXPECT_TRUE(noted);
}

TEST_F(OrganizationTest, HipaaBusinessAssociateLeavesCoveredEntityDutiesOut) {
    auto target = setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "business-associate"}});
    ASSERT_TRUE(target) << target.error().message;
    const auto rows = applicabilityOf("hipaa");
    EXPECT_EQ(rows.size(), 154u);
    EXPECT_TRUE(rows.at("164.308(a)(1)(ii)(A)").applies);  // risk analysis binds business associates too
    EXPECT_FALSE(rows.at("164.530(j)").applies);
    EXPECT_NE(rows.at("164.530(j)").reason.find("business associate"), std::string::npos)
        << rows.at("164.530(j)").reason;
    EXPECT_FALSE(rows.at("164.314(b)(1)").applies);  // group health plans only
    EXPECT_EQ(target->notApplicable, countApplying(rows, false));
    EXPECT_GT(target->notApplicable, 0u);

    // A covered entity keeps them.
    ASSERT_TRUE(setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "covered-entity"}}));
    EXPECT_TRUE(applicabilityOf("hipaa").at("164.530(j)").applies);
}

TEST_F(OrganizationTest, ABadAnswerIsRefusedAndChangesNothing) {
    ASSERT_TRUE(setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "business-associate"}}));
    ASSERT_TRUE(isoTarget({{"A.7.12", "no cabling"}}));
    const auto targetsBefore = targets(ws());
    ASSERT_TRUE(targetsBefore);
    const auto hipaaBefore = applicabilityOf("hipaa");
    const std::string before = organizationState(ws());

    auto bad = setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "dentist"}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, ErrorKind::BadInput);
    EXPECT_TRUE(bad.error().message.starts_with("scoping hipaa: ")) << bad.error().message;
    EXPECT_NE(bad.error().message.find("entity_type"), std::string::npos) << bad.error().message;

    // An exclusion of a clause, and a new target with bad answers, are refused the same way.
    auto clause = isoTarget({{"6.1.3", "we do not do risk treatment"}});
    ASSERT_FALSE(clause);
    EXPECT_EQ(clause.error().kind, ErrorKind::BadInput);
    EXPECT_TRUE(clause.error().message.starts_with("scoping iso27001-2022")) << clause.error().message;
    auto soc2 = setTarget(ws(), host(), "soc2-2017", json::object{{"categories", "all"}});
    ASSERT_FALSE(soc2);
    EXPECT_EQ(soc2.error().kind, ErrorKind::BadInput);

    auto targetsAfter = targets(ws());
    ASSERT_TRUE(targetsAfter);
    ASSERT_EQ(targetsAfter->size(), targetsBefore->size());
    for (std::size_t i = 0; i < targetsAfter->size(); ++i) {
        EXPECT_EQ((*targetsAfter)[i].framework, (*targetsBefore)[i].framework);
        EXPECT_EQ((*targetsAfter)[i].answers, (*targetsBefore)[i].answers);
        EXPECT_EQ((*targetsAfter)[i].applicable, (*targetsBefore)[i].applicable);
    }
    const auto hipaaAfter = applicabilityOf("hipaa");
    ASSERT_EQ(hipaaAfter.size(), hipaaBefore.size());
    for (const auto& [ref, row] : hipaaBefore) {
        EXPECT_EQ(hipaaAfter.at(ref).applies, row.applies) << ref;
        EXPECT_EQ(hipaaAfter.at(ref).reason, row.reason) << ref;
    }
    EXPECT_FALSE(applicabilityOf("iso27001-2022").at("A.7.12").applies);
    EXPECT_EQ(organizationState(ws()), before);
}

TEST_F(OrganizationTest, SettingATargetAgainReplacesItsAnswersInPlace) {
    ASSERT_TRUE(isoTarget({{"A.7.12", "no cabling"}}));
    ASSERT_TRUE(setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "business-associate"}}));
    const std::string addedAt = targets(ws())->front().addedAt;
    auto again = isoTarget({{"A.8.30", "no outsourced development"}});
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(targetIds(), (std::vector<std::string>{"iso27001-2022", "hipaa"}));
    EXPECT_EQ(again->addedAt, addedAt);
    const auto rows = applicabilityOf("iso27001-2022");
    EXPECT_TRUE(rows.at("A.7.12").applies);
    EXPECT_FALSE(rows.at("A.8.30").applies);
    EXPECT_FALSE(again->answers.at("exclusions").as_object().contains("A.7.12"));
}

TEST_F(OrganizationTest, RemovingATargetDropsItsApplicability) {
    ASSERT_TRUE(isoTarget({{"A.7.12", "no cabling"}}));
    ASSERT_TRUE(setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "covered-entity"}}));
    ASSERT_TRUE(removeTarget(ws(), "iso27001-2022"));
    EXPECT_EQ(targetIds(), (std::vector<std::string>{"hipaa"}));
    auto gone = applicability(ws(), "iso27001-2022");
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().kind, ErrorKind::NotFound);
    EXPECT_NE(gone.error().message.find("targets: hipaa"), std::string::npos) << gone.error().message;
    auto twice = removeTarget(ws(), "iso27001-2022");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().kind, ErrorKind::NotFound);
    // Added again, it goes to the end of the list.
    ASSERT_TRUE(isoTarget({}));
    EXPECT_EQ(targetIds(), (std::vector<std::string>{"hipaa", "iso27001-2022"}));
    EXPECT_TRUE(applicabilityOf("iso27001-2022").at("A.7.12").applies);
}

TEST_F(OrganizationTest, UnknownFrameworkIsNotFound) {
    auto r = setTarget(ws(), host(), "iso9001", {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::NotFound);
    EXPECT_NE(r.error().message.find("'iso9001'"), std::string::npos);
    EXPECT_NE(r.error().message.find("iso27001-2022"), std::string::npos) << r.error().message;
    EXPECT_TRUE(targetIds().empty());
}

TEST_F(OrganizationTest, WithoutItsPluginAFrameworkAppliesWholeAndAnswersAreRefused) {
    const PluginHost none;
    auto withAnswers = setTarget(ws(), none, "gdpr", json::object{{"role", "processor"}});
    ASSERT_FALSE(withAnswers);
    EXPECT_EQ(withAnswers.error().kind, ErrorKind::BadInput);
    EXPECT_NE(withAnswers.error().message.find("plugin 'gdpr' is not loaded"), std::string::npos)
        << withAnswers.error().message;
    EXPECT_TRUE(targetIds().empty());

    auto whole = setTarget(ws(), none, "gdpr", {});
    ASSERT_TRUE(whole) << whole.error().message;
    EXPECT_EQ(whole->notApplicable, 0u);
    const auto rows = applicabilityOf("gdpr");
    EXPECT_EQ(whole->applicable, rows.size());
    EXPECT_EQ(rows.begin()->second.reason, "plugin 'gdpr' is not loaded, so its scoping rule did not run: applies");
    ASSERT_EQ(whole->notes.size(), 1u);
    EXPECT_NE(whole->notes.front().find("The whole framework applies"), std::string::npos);
}

TEST_F(OrganizationTest, TheRuleSeesTheProfileAndItsOutputIsChecked) {
    // The test plugin echoes the size of its input in its reason and misbehaves on request.
    PluginHost testHost;
    const PluginInfo& good = testHost.load(testPlugin("cw_test_good"));
    ASSERT_EQ(good.status, PluginStatus::Loaded) << "build the cw_test_good test plugin";
    ASSERT_TRUE(syncPlugin(ws(), good));

    ASSERT_TRUE(setTarget(ws(), testHost, "test-good", {}));
    const std::string bare = applicabilityOf("test-good").at("T2").reason;
    ASSERT_TRUE(setOrganizationProfile(ws(), {"A rather long organization name, Inc.", "Testing", "", ""}));
    ASSERT_TRUE(setScopeItem(ws(), {ScopeKind::Site, "Lisbon", true, ""}));
    ASSERT_TRUE(setTarget(ws(), testHost, "test-good", {}));
    const auto rows = applicabilityOf("test-good");
    EXPECT_NE(rows.at("T2").reason, bare);  // a longer input: the profile reached the rule
    EXPECT_FALSE(rows.at("T2").applies);
    EXPECT_EQ(rows.at("T1.1").reason, "not addressed by the scoping rule: applies");

    const std::string before = organizationState(ws());
    auto refused = setTarget(ws(), testHost, "test-good", json::object{{"fail", true}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(refused.error().message, "scoping test-good (plugin cw-test-good): answers.fail is not allowed");
    auto invalid = setTarget(ws(), testHost, "test-good", json::object{{"badoutput", true}});
    ASSERT_FALSE(invalid);
    EXPECT_NE(invalid.error().message.find("output is invalid"), std::string::npos) << invalid.error().message;
    // Scoping output about another framework is the plugin's fault.
    auto other = setTarget(ws(), testHost, "test-good-annex", {});
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().kind, ErrorKind::Internal);
    EXPECT_NE(other.error().message.find("plugin 'cw-test-good'"), std::string::npos) << other.error().message;
    EXPECT_EQ(targetIds(), (std::vector<std::string>{"test-good"}));
    EXPECT_EQ(organizationState(ws()), before);
}

// ------------------------------------------------------------------ CLI

TEST_F(OrganizationTest, CliProfileScopeAndAssets) {
    auto set = cliJson("profile set --name 'Acme Health' --sector SaaS --scope-statement 'The platform' --json");
    EXPECT_EQ(set.at("name"), "Acme Health");
    // Options not given keep their values.
    cliJson("profile set --description Fictional --json");
    auto scope = cliJson("scope add system 'Marketing site' --out --note 'agency hosted' --json");
    EXPECT_EQ(scope.at("in_scope"), false);
    cliJson("scope add site Boston --json");
    auto list = cliJson("scope list --json");
    ASSERT_EQ(list.at("scope").as_array().size(), 2u);
    const auto& site = list.at("scope").at(0).as_object();
    EXPECT_EQ(site.at("kind"), "site");
    EXPECT_EQ(site.at("name"), "Boston");
    EXPECT_EQ(site.at("in_scope"), true);
    EXPECT_EQ(site.at("note"), "");

    auto asset = cliJson(
        "assets add --name 'Patient DB' --type information --classification restricted --owner CTO "
        "--json");
    EXPECT_EQ(asset.at("key"), "AST-01");
    cliJson("assets add --name Laptops --out-of-scope --json");
    auto assetList = cliJson("assets --json");
    ASSERT_EQ(assetList.at("assets").as_array().size(), 2u);
    const auto& a = assetList.at("assets").at(0).as_object();
    for (const char* field : {"key", "name", "type", "classification", "owner", "in_scope", "description"}) {
        EXPECT_TRUE(a.contains(field)) << field;
    }
    EXPECT_EQ(a.at("classification"), "restricted");
    EXPECT_EQ(assetList.at("assets").at(1).at("in_scope"), false);
    EXPECT_EQ(cliJson("assets remove AST-02 --json").at("removed"), "AST-02");

    auto profile = cliJson("profile --json");
    EXPECT_EQ(profile.at("organization").at("name"), "Acme Health");
    EXPECT_EQ(profile.at("organization").at("sector"), "SaaS");
    EXPECT_EQ(profile.at("organization").at("scope_statement"), "The platform");
    EXPECT_EQ(profile.at("organization").at("description"), "Fictional");
    EXPECT_EQ(profile.at("scope").as_array().size(), 2u);
    EXPECT_EQ(profile.at("assets"), 1);
    EXPECT_EQ(profile.at("assets_in_scope"), 1);
    EXPECT_TRUE(profile.at("targets").as_array().empty());
    EXPECT_EQ(cliJson("scope remove site Boston --json").at("removed").at("name"), "Boston");

    const std::string before = organizationState(ws());
    expectOneLineError(cli("scope add system Legacy --out"), "'Legacy' needs a note");
    expectOneLineError(cli("scope add planet Mars"), "kind: 'planet' is not one of site, system, process");
    expectOneLineError(cli("assets add --name X --classification secret"),
                       "--classification: 'secret' is not one of public, internal, confidential, restricted");
    expectOneLineError(cli("assets add --key 'a b' --name X"), "invalid asset key 'a b'");
    expectOneLineError(cli("assets remove AST-09"), "unknown asset 'AST-09'");
    expectOneLineError(cli("profile set --name ' '"), "the organization profile needs a name");
    EXPECT_EQ(organizationState(ws()), before);
}

TEST_F(OrganizationTest, CliTargetsAndApplicability) {
    auto soc2 =
        cliJson("targets add soc2-2017 --answer 'categories=[\"availability\"]' --answer report_type=type1 --json");
    EXPECT_EQ(soc2.at("framework"), "soc2-2017");
    EXPECT_EQ(soc2.at("answers").at("report_type"), "type1");
    EXPECT_EQ(soc2.at("applicable"), 36);
    EXPECT_TRUE(soc2.at("notes").is_array());
    EXPECT_TRUE(soc2.at("added_at").is_string());
    // '/' nests, --answers merges over --answer, and values read as JSON scalars where they can.
    auto iso = cliJson(
        "targets add iso27001-2022 --answer 'exclusions/A.7.12=no cabling of our own' "
        "--answers '{\"exclusions\": {\"A.8.30\": \"no outsourced development\"}}' --json");
    EXPECT_EQ(iso.at("not_applicable"), 2);
    auto pci = cliJson(
        "targets add pci-dss-4.0.1 --answer entity_type=merchant --answer "
        "multi_tenant_service_provider=false --answer pos_poi_ssl_early_tls=false --answer "
        "designated_entity=false --json");
    EXPECT_EQ(pci.at("answers").at("designated_entity"), false);

    const fs::path answers = dir() / "hipaa.json";
    std::ofstream(answers) << "{\"entity_type\": \"covered-entity\"}";
    auto hipaa = cliJson("targets add hipaa --answers-file " + shellQuote(answers.string()) +
                         " --answer entity_type=business-associate --json");
    EXPECT_EQ(hipaa.at("answers").at("entity_type"), "business-associate");  // --answer wins over the file

    auto list = cliJson("targets --json");
    ASSERT_EQ(list.at("targets").as_array().size(), 4u);
    EXPECT_EQ(list.at("targets").at(0).at("framework"), "soc2-2017");
    for (const char* field : {"framework", "answers", "notes", "added_at", "applicable", "not_applicable"}) {
        EXPECT_TRUE(list.at("targets").at(1).as_object().contains(field)) << field;
    }

    auto rows = cliJson("applicability iso27001-2022 --not-applicable --json");
    EXPECT_EQ(rows.at("framework"), "iso27001-2022");
    EXPECT_EQ(rows.at("applicable"), 121);
    EXPECT_EQ(rows.at("not_applicable"), 2);
    ASSERT_EQ(rows.at("requirements").as_array().size(), 2u);
    const auto& first = rows.at("requirements").at(0).as_object();
    EXPECT_EQ(first.at("ref"), "A.7.12");
    EXPECT_EQ(first.at("title"), "Cabling security");
    EXPECT_EQ(first.at("applicable"), false);
    EXPECT_EQ(first.at("reason"), "no cabling of our own");
    EXPECT_EQ(cliJson("applicability iso27001-2022 --json").at("requirements").as_array().size(), 123u);

    EXPECT_EQ(cliJson("targets remove pci-dss-4.0.1 --json").at("removed"), "pci-dss-4.0.1");

    const std::string before = organizationState(ws());
    expectOneLineError(cli("targets add hipaa --answer entity_type=dentist"), "scoping hipaa: answers.entity_type");
    expectOneLineError(cli("targets add gdpr --answers '{\"role\": '"), "--answers: invalid JSON at line 1, column");
    expectOneLineError(cli("targets add gdpr --answers '[1]'"), "--answers: the answers must be a JSON object");
    expectOneLineError(cli("targets add gdpr --answer role"), "--answer: 'role' is not KEY=VALUE");
    expectOneLineError(cli("targets add gdpr --answer 'a//b=1'"), "--answer: 'a//b=1' has an empty name in KEY");
    expectOneLineError(cli("targets add gdpr --answer 'x={oops'"), "--answer x: invalid JSON");
    expectOneLineError(cli("targets add gdpr --answers-file /nonexistent/answers.json"),
                       "/nonexistent/answers.json: cannot open");
    std::ofstream(dir() / "bad.json") << "{\n  \"role\": processor\n}";
    expectOneLineError(cli("targets add gdpr --answers-file " + shellQuote((dir() / "bad.json").string())),
                       "bad.json: invalid JSON at line 2");
    expectOneLineError(cli("targets add iso9001"), "unknown framework 'iso9001'");
    expectOneLineError(cli("applicability gdpr"), "'gdpr' is not a target framework");
    expectOneLineError(cli("targets remove gdpr"), "'gdpr' is not a target framework");
    EXPECT_EQ(organizationState(ws()), before);
}

TEST_F(OrganizationTest, CliHelpListsTheWorkbenchCommandsUnderTheirSteps) {
    const RunResult help = cli("--help");
    ASSERT_EQ(help.exitCode, 0) << help.err;
    const std::vector<std::pair<std::string, std::vector<std::string>>> groups = {
        {"Organization and scope:", {"profile", "scope", "assets", "targets", "applicability", "status"}},
        {"Evidence and risks:", {"evidence", "risks"}},
        {"Audits, reviews and timeline:",
         {"programmes", "audits", "findings", "actions", "reviews", "timeline", "cycles"}},
        {"Statement of Applicability and readiness:", {"soa", "gaps", "remediation", "readiness"}},
    };
    std::size_t from = 0;
    for (const auto& [heading, commands] : groups) {
        const auto at = help.out.find("\n" + heading + "\n", from);
        ASSERT_NE(at, std::string::npos) << heading << "\n" << help.out;
        const auto end = help.out.find("\n\n", at + 1);
        const std::string section = help.out.substr(at, end - at);
        for (const auto& command : commands) {
            EXPECT_NE(section.find("\n  " + command + " "), std::string::npos) << command << " under " << heading;
        }
        from = at + 1;
    }
    // Sub-actions keep the plain heading.
    const RunResult evidence = cli("evidence --help");
    ASSERT_EQ(evidence.exitCode, 0) << evidence.err;
    EXPECT_NE(evidence.out.find("Subcommands:\n  list "), std::string::npos) << evidence.out;
}

}  // namespace
}  // namespace cw::test
