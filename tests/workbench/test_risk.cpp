// The risk register (host/store/src/risk.cpp): the configurable matrix, risks scored on it,
// treatment with Annex A controls, residual risk and acceptance, and `crosswalk risks`.
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <sstream>

namespace cw::test {
namespace {

class RiskTest : public WorkbenchTest {
protected:
    void SetUp() override {
        WorkbenchTest::SetUp();
        for (const char* key : {"AST-01", "AST-02"}) {
            Asset asset;
            asset.key = key;
            asset.name = std::string("Asset ") + key;
            asset.classification = Classification::Confidential;
            auto r = setAsset(ws(), asset);
            ASSERT_TRUE(r) << r.error().message;
        }
    }

    static Risk sample(const std::string& key = {}) {
        Risk r;
        r.key = key;
        r.title = "Ransomware encrypts production workloads";
        r.assets = {"AST-01"};
        r.threat = "Ransomware operators";
        r.vulnerability = "Unpatched base images";
        r.owner = "Luis Romero (CTO)";
        r.likelihood = 4;
        r.impact = 5;
        r.treatment = Treatment::Modify;
        r.controls = {"A.8.8", "A.8.7"};
        r.residualLikelihood = 2;
        r.residualImpact = 4;
        return r;
    }

    std::vector<std::string> keys() {
        std::vector<std::string> out;
        auto all = risks(ws());
        EXPECT_TRUE(all) << all.error().message;
        if (all) {
            for (const auto& r : *all) out.push_back(r.key);
        }
        return out;
    }

    /// Expects `r` refused as BadInput with `needle` in a one-line message, and the register unchanged.
    void expectRefused(const Risk& r, const std::string& needle) {
        const auto before = risks(ws());
        ASSERT_TRUE(before) << before.error().message;
        auto result = setRisk(ws(), r);
        ASSERT_FALSE(result) << "accepted; expected: " << needle;
        EXPECT_EQ(result.error().kind, ErrorKind::BadInput) << result.error().message;
        EXPECT_NE(result.error().message.find(needle), std::string::npos) << result.error().message;
        EXPECT_EQ(result.error().message.find('\n'), std::string::npos);
        const auto after = risks(ws());
        ASSERT_TRUE(after) << after.error().message;
        ASSERT_EQ(after->size(), before->size());
        for (std::size_t i = 0; i < after->size(); ++i) {
            EXPECT_EQ((*after)[i].key, (*before)[i].key);
            EXPECT_EQ((*after)[i].likelihood, (*before)[i].likelihood);
            EXPECT_EQ((*after)[i].controls, (*before)[i].controls);
            EXPECT_EQ((*after)[i].assets, (*before)[i].assets);
            EXPECT_EQ((*after)[i].acceptedOn, (*before)[i].acceptedOn);
        }
    }

    /// The matrix and every risk as text, read back through the API.
    std::string snapshot() {
        std::ostringstream out;
        auto m = riskMatrix(ws());
        EXPECT_TRUE(m) << m.error().message;
        if (m) {
            out << m->likelihoodLevels << 'x' << m->impactLevels << '|' << m->mediumFrom << '|' << m->highFrom << '|'
                << m->acceptableUpTo;
            for (const auto& n : m->likelihoodNames) out << '|' << n;
            for (const auto& n : m->impactNames) out << '|' << n;
            out << '\n';
        }
        auto all = risks(ws());
        EXPECT_TRUE(all) << all.error().message;
        if (!all) return out.str();
        for (const auto& r : *all) {
            out << r.key << '|' << r.title << '|' << r.threat << '|' << r.vulnerability << '|' << r.owner << '|'
                << r.likelihood << 'x' << r.impact << '|' << (r.treatment ? toString(*r.treatment) : "-") << '|'
                << r.residualLikelihood.value_or(0) << 'x' << r.residualImpact.value_or(0) << '|' << r.acceptedBy << '|'
                << toString(r.acceptedOn) << '|' << r.notes;
            for (const auto& a : r.assets) out << "|asset " << a;
            for (const auto& c : r.controls) out << "|control " << c;
            out << '\n';
        }
        return out.str();
    }

    /// A refused command: exit 2, one line on stderr naming `needle`, the register unchanged.
    void expectCliRefused(const std::string& args, const std::string& needle) {
        const std::string before = snapshot();
        const RunResult r = cli(args);
        expectOneLineError(r, args, needle);
        EXPECT_EQ(snapshot(), before) << args;
    }

    void expectMatrixRefused(const RiskMatrix& m, const std::string& needle) {
        const auto before = riskMatrix(ws());
        ASSERT_TRUE(before) << before.error().message;
        auto result = setRiskMatrix(ws(), m);
        ASSERT_FALSE(result) << "accepted; expected: " << needle;
        EXPECT_EQ(result.error().kind, ErrorKind::BadInput) << result.error().message;
        EXPECT_NE(result.error().message.find(needle), std::string::npos) << result.error().message;
        const auto after = riskMatrix(ws());
        ASSERT_TRUE(after) << after.error().message;
        EXPECT_EQ(after->likelihoodLevels, before->likelihoodLevels);
        EXPECT_EQ(after->impactLevels, before->impactLevels);
        EXPECT_EQ(after->likelihoodNames, before->likelihoodNames);
        EXPECT_EQ(after->mediumFrom, before->mediumFrom);
        EXPECT_EQ(after->highFrom, before->highFrom);
        EXPECT_EQ(after->acceptableUpTo, before->acceptableUpTo);
    }
};

// ---- the matrix -----------------------------------------------------------------------

TEST_F(RiskTest, TheMatrixDefaultsUntilSetAndReadsBackWhatWasSet) {
    auto defaults = riskMatrix(ws());
    ASSERT_TRUE(defaults) << defaults.error().message;
    EXPECT_EQ(defaults->likelihoodLevels, 5);
    EXPECT_EQ(defaults->impactLevels, 5);
    EXPECT_EQ(defaults->likelihoodNames.size(), 5u);
    EXPECT_EQ(defaults->mediumFrom, 5);
    EXPECT_EQ(defaults->highFrom, 12);
    EXPECT_EQ(defaults->acceptableUpTo, 4);

    RiskMatrix m;
    m.likelihoodLevels = 3;
    m.impactLevels = 4;
    m.likelihoodNames = {"low", "medium", "high"};
    m.impactNames = {"minor", "moderate", "major", "critical"};
    m.mediumFrom = 3;
    m.highFrom = 8;
    m.acceptableUpTo = 2;
    ASSERT_TRUE(setRiskMatrix(ws(), m));
    auto back = riskMatrix(ws());
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->likelihoodLevels, 3);
    EXPECT_EQ(back->impactLevels, 4);
    EXPECT_EQ(back->likelihoodNames, m.likelihoodNames);
    EXPECT_EQ(back->impactNames, m.impactNames);
    EXPECT_EQ(back->mediumFrom, 3);
    EXPECT_EQ(back->highFrom, 8);
    EXPECT_EQ(back->acceptableUpTo, 2);
}

TEST_F(RiskTest, LevelsFollowTheThresholds) {
    RiskMatrix m;
    EXPECT_EQ(m.level(4), RiskLevel::Low);
    EXPECT_EQ(m.level(5), RiskLevel::Medium);
    EXPECT_EQ(m.level(11), RiskLevel::Medium);
    EXPECT_EQ(m.level(12), RiskLevel::High);
    EXPECT_EQ(m.level(25), RiskLevel::High);
    EXPECT_EQ(toString(RiskLevel::Medium), "medium");
    for (const Treatment t : {Treatment::Modify, Treatment::Retain, Treatment::Avoid, Treatment::Share}) {
        EXPECT_EQ(parseTreatment(toString(t)), t);
    }
    EXPECT_FALSE(parseTreatment("transfer").has_value());
    Risk r;
    r.likelihood = 3;
    r.impact = 4;
    EXPECT_EQ(r.score(), 12);
    EXPECT_FALSE(r.residualScore().has_value());
    r.residualLikelihood = 2;
    EXPECT_FALSE(r.residualScore().has_value());
    r.residualImpact = 2;
    EXPECT_EQ(r.residualScore(), 4);
}

TEST_F(RiskTest, AnInconsistentMatrixIsRefused) {
    RiskMatrix names;
    names.likelihoodNames = {"rare", "possible", "likely"};
    expectMatrixRefused(names, "likelihood names: 3 given for 5 levels");
    RiskMatrix emptyName;
    emptyName.impactNames[2] = "";
    expectMatrixRefused(emptyName, "impact level name is empty");
    RiskMatrix twice;
    twice.impactNames[1] = "negligible";
    expectMatrixRefused(twice, "'negligible' is used twice");
    RiskMatrix tooSmall;
    tooSmall.likelihoodLevels = 1;
    tooSmall.likelihoodNames = {"only"};
    expectMatrixRefused(tooSmall, "likelihood levels must be between 2 and 10, not 1");
    RiskMatrix order;
    order.mediumFrom = 13;
    expectMatrixRefused(order, "expected 1 ≤ medium-from ≤ high-from ≤ 25");
    RiskMatrix beyond;
    beyond.highFrom = 26;
    expectMatrixRefused(beyond, "high-from 26");
    RiskMatrix acceptance;
    acceptance.acceptableUpTo = 12;
    expectMatrixRefused(acceptance, "acceptable-up-to must be at least 0 and below high-from (12), not 12");
}

TEST_F(RiskTest, TheMatrixCannotShrinkUnderARecordedRiskOrItsAcceptance) {
    Risk severe = sample("R-01");  // likelihood 4, impact 5
    ASSERT_TRUE(setRisk(ws(), severe));
    RiskMatrix smaller;
    smaller.impactLevels = 4;
    smaller.impactNames = {"minor", "moderate", "major", "severe"};
    smaller.highFrom = 10;
    expectMatrixRefused(smaller, "risk 'R-01' is scored likelihood 4, impact 5");

    Risk accepted = sample("R-02");
    accepted.residualLikelihood = 2;
    accepted.residualImpact = 2;  // 4, within the default criteria
    accepted.acceptedBy = accepted.owner;
    accepted.acceptedOn = Date(2026, 5, 1);
    ASSERT_TRUE(setRisk(ws(), accepted));
    RiskMatrix stricter;
    stricter.acceptableUpTo = 3;
    expectMatrixRefused(stricter, "risk 'R-02' was accepted at score 4, above the new acceptance criteria (up to 3)");
    stricter.acceptableUpTo = 4;
    stricter.highFrom = 15;
    EXPECT_TRUE(setRiskMatrix(ws(), stricter));
}

// ---- risks ----------------------------------------------------------------------------

TEST_F(RiskTest, ARiskIsStoredWithAssetsAndControlsAndKeysAreNumbered) {
    Risk first = sample();
    first.assets = {"AST-02", "AST-01"};
    first.controls = {"A.8.8", "iso27001-2022:A.5.15", "A.8.8"};
    auto saved = setRisk(ws(), first);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->key, "R-01");
    EXPECT_EQ(saved->assets, (std::vector<std::string>{"AST-01", "AST-02"}));
    EXPECT_EQ(saved->controls, (std::vector<std::string>{"A.5.15", "A.8.8"}));  // Annex A order, local refs
    EXPECT_EQ(saved->treatment, Treatment::Modify);
    EXPECT_EQ(saved->residualScore(), 8);
    EXPECT_EQ(saved->threat, "Ransomware operators");
    EXPECT_EQ(setRisk(ws(), sample())->key, "R-02");
    ASSERT_TRUE(setRisk(ws(), sample("R-17")));
    ASSERT_TRUE(setRisk(ws(), sample("R-supplier")));
    EXPECT_EQ(setRisk(ws(), sample())->key, "R-18");

    // Replacing by key replaces the lists too.
    Risk changed = *risk(ws(), "R-01");
    changed.assets = {"AST-02"};
    changed.controls = {"A.8.13"};
    changed.treatment = Treatment::Share;
    changed.notes = "cyber insurance";
    ASSERT_TRUE(setRisk(ws(), changed));
    const Risk back = *risk(ws(), "R-01");
    EXPECT_EQ(back.assets, (std::vector<std::string>{"AST-02"}));
    EXPECT_EQ(back.controls, (std::vector<std::string>{"A.8.13"}));
    EXPECT_EQ(back.treatment, Treatment::Share);
    EXPECT_EQ(back.notes, "cyber insurance");
    EXPECT_EQ(keys(), (std::vector<std::string>{"R-01", "R-02", "R-17", "R-18", "R-supplier"}));

    ASSERT_TRUE(removeRisk(ws(), "R-02"));
    auto gone = risk(ws(), "R-02");
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().kind, ErrorKind::NotFound);
    auto again = removeRisk(ws(), "R-02");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::NotFound);
    EXPECT_NE(again.error().message.find("'R-02'"), std::string::npos);
}

TEST_F(RiskTest, ScoresOutsideTheMatrixAreRefused) {
    ASSERT_TRUE(setRisk(ws(), sample("R-01")));
    Risk r = sample("R-02");
    r.likelihood = 6;
    expectRefused(r, "likelihood 6 is outside the matrix (1–5)");
    r = sample("R-02");
    r.impact = 0;
    expectRefused(r, "impact 0 is outside the matrix (1–5)");
    r = sample("R-02");
    r.residualImpact = 6;
    expectRefused(r, "residual impact 6 is outside the matrix");

    // On a 3 × 3 matrix, 4 is outside.
    RiskMatrix small;
    small.likelihoodLevels = 3;
    small.impactLevels = 3;
    small.likelihoodNames = {"low", "medium", "high"};
    small.impactNames = {"low", "medium", "high"};
    small.mediumFrom = 3;
    small.highFrom = 6;
    small.acceptableUpTo = 2;
    ASSERT_TRUE(removeRisk(ws(), "R-01"));
    ASSERT_TRUE(setRiskMatrix(ws(), small));
    r = sample("R-03");
    r.likelihood = 3;
    r.impact = 4;
    r.residualLikelihood.reset();
    r.residualImpact.reset();
    expectRefused(r, "impact 4 is outside the matrix (1–3)");
    r.impact = 3;
    EXPECT_TRUE(setRisk(ws(), r));
}

TEST_F(RiskTest, UnknownAssetsAndControlsThatAreNotAnnexAAreRefused) {
    Risk r = sample("R-01");
    r.assets = {"AST-01", "AST-99"};
    expectRefused(r, "risk 'R-01': unknown asset 'AST-99'");
    r = sample("R-01");
    r.controls = {"A.5.15", "A.99.1"};
    expectRefused(r, "'A.99.1' is not an Annex A control of iso27001-2022");
    r.controls = {"6.1.2"};  // a clause requirement, not Annex A
    expectRefused(r, "'6.1.2' is not an Annex A control");
    r.controls = {"A.5"};  // a theme heading
    expectRefused(r, "'A.5' is not an Annex A control");
    r.controls = {"soc2-2017:CC6.1"};
    expectRefused(r, "control 'soc2-2017:CC6.1' is not an Annex A control of iso27001-2022");
    r.controls = {"iso27001-2013:A.9.1.1"};
    expectRefused(r, "'iso27001-2013:A.9.1.1' is not an Annex A control of iso27001-2022");
    EXPECT_TRUE(keys().empty());

    // A risk without a key names itself as new.
    Risk unnamed = sample();
    unnamed.assets = {"AST-404"};
    expectRefused(unnamed, "the new risk: unknown asset 'AST-404'");
}

TEST_F(RiskTest, ResidualAboveInherentAndModifyWithoutControlsAreRefused) {
    Risk r = sample("R-01");
    r.residualLikelihood = 5;
    expectRefused(r, "residual likelihood 5 is above the inherent likelihood 4");
    r = sample("R-01");
    r.likelihood = 2;
    r.impact = 3;
    r.residualLikelihood = 1;
    r.residualImpact = 4;  // score 4 < 6, but impact rose
    expectRefused(r, "residual impact 4 is above the inherent impact 3");
    r = sample("R-01");
    r.residualImpact.reset();
    expectRefused(r, "give both residual likelihood and residual impact, or neither");
    r = sample("R-01");
    r.controls.clear();
    expectRefused(r, "treatment 'modify' needs the Annex A controls chosen");
    r.treatment = Treatment::Avoid;
    EXPECT_TRUE(setRisk(ws(), r));
    Risk untitled = sample("R-02");
    untitled.title.clear();
    expectRefused(untitled, "needs a title");
}

TEST_F(RiskTest, OnlyTheOwnerAcceptsADatedRiskWithinTheCriteria) {
    Risk r = sample("R-01");
    r.residualLikelihood = 2;
    r.residualImpact = 2;  // 4: acceptable under the default criteria
    r.acceptedBy = r.owner;
    expectRefused(r, "acceptance by 'Luis Romero (CTO)' needs a date");
    r.acceptedBy.clear();
    r.acceptedOn = Date(2026, 5, 1);
    expectRefused(r, "an acceptance date needs who accepted");
    r.acceptedBy = "Dana Okafor (CISO)";
    expectRefused(r, "accepted by 'Dana Okafor (CISO)', but only the risk owner 'Luis Romero (CTO)' can accept it");
    Risk ownerless = r;
    ownerless.owner.clear();
    expectRefused(ownerless, "only the risk owner can accept a risk; set the owner first");
    Risk high = sample("R-01");  // residual 2 × 4 = 8
    high.acceptedBy = high.owner;
    high.acceptedOn = Date(2026, 5, 1);
    expectRefused(high, "residual score 8 is above the risk acceptance criteria (scores up to 4 may be accepted)");
    Risk untreated = sample("R-01");
    untreated.treatment = Treatment::Retain;
    untreated.controls.clear();
    untreated.residualLikelihood.reset();
    untreated.residualImpact.reset();
    untreated.acceptedBy = untreated.owner;
    untreated.acceptedOn = Date(2026, 5, 1);
    expectRefused(untreated, "inherent score 20 is above the risk acceptance criteria");
    EXPECT_TRUE(keys().empty());

    r.acceptedBy = r.owner;
    auto accepted = setRisk(ws(), r);
    ASSERT_TRUE(accepted) << accepted.error().message;
    EXPECT_EQ(accepted->acceptedBy, "Luis Romero (CTO)");
    EXPECT_EQ(accepted->acceptedOn, Date(2026, 5, 1));
    // A low inherent risk retained without treatment may be accepted as it is.
    Risk low = sample("R-02");
    low.likelihood = 1;
    low.impact = 2;
    low.treatment = Treatment::Retain;
    low.controls.clear();
    low.residualLikelihood.reset();
    low.residualImpact.reset();
    low.acceptedBy = low.owner;
    low.acceptedOn = Date(2026, 5, 2);
    EXPECT_TRUE(setRisk(ws(), low));
}

// ---- the CLI --------------------------------------------------------------------------

TEST_F(RiskTest, CliAddsListsAndShowsRisksWithJson) {
    RunResult r =
        cli("risks add --title 'Lost laptop' --asset AST-01 --threat Theft --owner IT --likelihood likely --impact 3 "
            "--treatment modify --control A.8.1 --control iso27001-2022:A.8.24 --residual-likelihood 1 "
            "--residual-impact 3 --accepted-by IT --accepted-on 2026-05-01");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Added R-01"), std::string::npos) << r.out;
    ASSERT_EQ(cli("risks add --key R-07 --title 'Regional outage' --likelihood 2 --impact 4").exitCode, 0);

    const json::value list = cliJson("risks --json");
    EXPECT_EQ(list.at("matrix").at("likelihood_levels"), 5);
    EXPECT_EQ(list.at("matrix").at("acceptable_up_to"), 4);
    const auto& risksJson = list.at("risks").as_array();
    ASSERT_EQ(risksJson.size(), 2u);
    const json::object& first = risksJson[0].as_object();
    for (const char* field : {"key",
                              "title",
                              "assets",
                              "threat",
                              "vulnerability",
                              "owner",
                              "likelihood",
                              "impact",
                              "score",
                              "level",
                              "treatment",
                              "controls",
                              "residual_likelihood",
                              "residual_impact",
                              "residual_score",
                              "residual_level",
                              "within_acceptance_criteria",
                              "accepted",
                              "accepted_by",
                              "accepted_on",
                              "notes"}) {
        EXPECT_TRUE(first.contains(field)) << field;
    }
    EXPECT_EQ(first.at("likelihood"), 4);  // "likely" on the default matrix
    EXPECT_EQ(first.at("score"), 12);
    EXPECT_EQ(first.at("level"), "high");
    EXPECT_EQ(first.at("controls"), (json::array{"A.8.1", "A.8.24"}));
    EXPECT_EQ(first.at("residual_score"), 3);
    EXPECT_EQ(first.at("residual_level"), "low");
    EXPECT_EQ(first.at("accepted"), true);
    EXPECT_EQ(first.at("accepted_on"), "2026-05-01");
    EXPECT_EQ(risksJson[1].at("treatment"), nullptr);
    EXPECT_EQ(risksJson[1].at("residual_score"), nullptr);
    EXPECT_EQ(cliJson("risks list --json"), list);
    EXPECT_EQ(cliJson("risks show R-07 --json").at("level"), "medium");

    // set changes only what is given; "" clears.
    ASSERT_EQ(cli("risks set R-01 --accepted-by '' --accepted-on '' --notes 'reopened'").exitCode, 0);
    const json::value changed = cliJson("risks show R-01 --json");
    EXPECT_EQ(changed.at("accepted"), false);
    EXPECT_EQ(changed.at("notes"), "reopened");
    EXPECT_EQ(changed.at("threat"), "Theft");
    EXPECT_EQ(changed.at("controls"), (json::array{"A.8.1", "A.8.24"}));

    const RunResult text = cli("risks");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("4×3=12 H"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("1×3=3 L"), std::string::npos) << text.out;
    ASSERT_EQ(cli("risks remove R-07").exitCode, 0);
    EXPECT_EQ(cliJson("risks --json").at("risks").as_array().size(), 1u);
}

TEST_F(RiskTest, CliMatrixCountsRisksPerCellInherentAndResidual) {
    ASSERT_EQ(cli("risks add --title A --likelihood 4 --impact 5 --treatment modify --control A.8.7 "
                  "--residual-likelihood 2 --residual-impact 4")
                  .exitCode,
              0);
    ASSERT_EQ(cli("risks add --title B --likelihood 4 --impact 5").exitCode, 0);
    const json::value m = cliJson("risks matrix --json");
    EXPECT_EQ(m.at("high_from"), 12);
    const auto& cells = m.at("cells").as_array();
    ASSERT_EQ(cells.size(), 25u);
    int inherent = 0;
    int residual = 0;
    for (const auto& cell : cells) {
        const auto l = cell.at("likelihood").as_int64();
        const auto i = cell.at("impact").as_int64();
        EXPECT_EQ(cell.at("score").as_int64(), l * i);
        inherent += static_cast<int>(cell.at("inherent").as_int64());
        residual += static_cast<int>(cell.at("residual").as_int64());
        if (l == 4 && i == 5) {
            EXPECT_EQ(cell.at("inherent"), 2);
            EXPECT_EQ(cell.at("inherent_risks"), (json::array{"R-01", "R-02"}));
            EXPECT_EQ(cell.at("level"), "high");
        }
        if (l == 2 && i == 4) {
            EXPECT_EQ(cell.at("residual"), 1);
            EXPECT_EQ(cell.at("level"), "medium");
        }
        if (l == 1 && i == 4) {
            EXPECT_EQ(cell.at("acceptable"), true);
        }
        if (l == 1 && i == 5) {
            EXPECT_EQ(cell.at("acceptable"), false);
        }
    }
    EXPECT_EQ(inherent, 2);
    EXPECT_EQ(residual, 1);

    // The text heat map: likelihood from high to low, a level letter and a count per cell.
    const RunResult text = cli("risks matrix");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    const auto top = text.out.find("5 almost certain");
    const auto bottom = text.out.find("1 rare");
    ASSERT_NE(top, std::string::npos) << text.out;
    ASSERT_NE(bottom, std::string::npos);
    EXPECT_LT(top, bottom);
    const auto likely = text.out.find("4 likely");
    ASSERT_NE(likely, std::string::npos);
    const std::string row = text.out.substr(likely, text.out.find('\n', likely) - likely);
    EXPECT_NE(row.find("H 2"), std::string::npos) << row;

    // matrix set: names alone set the level count.
    ASSERT_EQ(cli("risks matrix set --likelihood-names low,medium,high,very-high --high-from 10").exitCode, 0);
    const json::value after = cliJson("risks matrix --json");
    EXPECT_EQ(after.at("likelihood_levels"), 4);
    EXPECT_EQ(after.at("likelihood_names"), (json::array{"low", "medium", "high", "very-high"}));
    EXPECT_EQ(after.at("cells").as_array().size(), 20u);
}

TEST_F(RiskTest, CliBadInputExitsTwoAndWritesNothing) {
    const RunResult r = cli("risks add --title X --likelihood 2 --impact 2 --treatment modify --control A.99.9");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err,
              "crosswalk: the new risk: 'A.99.9' is not an Annex A control of iso27001-2022 (expected e.g. "
              "A.5.15)\n");
    expectCliRefused("risks add --title X --likelihood sometimes --impact 2",
                     "--likelihood: 'sometimes' is neither a level number nor one of rare");
    expectCliRefused("risks add --title X --likelihood 2 --impact 2 --treatment transfer",
                     "--treatment: 'transfer' is not one of modify, retain, avoid, share");
    expectCliRefused("risks add --title X --likelihood 2 --impact 2 --accepted-on 2026-13-01 --accepted-by A --owner A",
                     "--accepted-on: '2026-13-01'");
    expectCliRefused("risks add --title X --likelihood 2 --impact 2 --asset AST-99", "unknown asset 'AST-99'");
    EXPECT_TRUE(cliJson("risks --json").at("risks").as_array().empty());

    ASSERT_EQ(cli("risks add --key R-01 --title X --likelihood 5 --impact 5").exitCode, 0);
    expectCliRefused("risks add --key R-01 --title Y --likelihood 1 --impact 1", "risk 'R-01' already exists");
    expectCliRefused("risks set R-01 --residual-likelihood 5 --residual-impact 9",
                     "risk 'R-01': residual impact 9 is outside the matrix");
    expectCliRefused("risks set R-01 --impact 0", "risk 'R-01': impact 0 is outside the matrix");
    expectCliRefused("risks matrix set --likelihood-levels 4", "--likelihood-levels 4 needs --likelihood-names");
    expectCliRefused("risks matrix set --likelihood-names a,b,c,d --high-from 10",
                     "risk 'R-01' is scored likelihood 5");
    expectCliRefused("risks show R-404", "unknown risk 'R-404'");
    expectCliRefused("risks set R-404 --title Z", "unknown risk 'R-404'");
    expectCliRefused("risks remove R-404", "unknown risk 'R-404'");
    EXPECT_EQ(cliJson("risks remove R-01 --json").at("removed"), "R-01");
}

}  // namespace
}  // namespace cw::test
