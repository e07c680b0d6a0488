// The Statement of Applicability: drafting from scoping, risk treatment and the crosswalk;
// editing with its rules; export to XLSX (read back by openpyxl), CSV and Markdown.
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/workbench/soa_export.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <set>

namespace cw::test {
namespace {

const Date kToday(2026, 6, 15);

// python3 with openpyxl: the distribution's interpreter when there is one (a pyenv or venv
// python3 earlier on PATH may lack the package scripts/setup installs).
std::string python() {
    return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

class SoaTest : public WorkbenchTest {
protected:
    std::vector<SoaRow> rows() {
        auto r = soa(ws());
        EXPECT_TRUE(r) << r.error().message;
        return r ? *r : std::vector<SoaRow>{};
    }

    SoaRow row(const std::string& ref) {
        for (auto& r : rows()) {
            if (r.ref == ref) return r;
        }
        ADD_FAILURE() << "no SoA row " << ref;
        return {};
    }

    void draft() {
        auto d = draftSoa(ws());
        ASSERT_TRUE(d) << d.error().message;
    }

    void targetIso(const json::object& exclusions = {}) {
        auto t = setTarget(ws(), host(), "iso27001-2022", json::object{{"exclusions", exclusions}});
        ASSERT_TRUE(t) << t.error().message;
    }

    void addRisk(const std::string& key, const std::vector<std::string>& controls) {
        Asset asset;
        asset.key = "AST-" + key;
        asset.name = "Asset for " + key;
        auto a = setAsset(ws(), asset);
        ASSERT_TRUE(a) << a.error().message;
        Risk risk;
        risk.key = key;
        risk.title = "Risk " + key;
        risk.assets = {asset.key};
        risk.owner = "CISO";
        risk.likelihood = 3;
        risk.impact = 3;
        risk.treatment = Treatment::Modify;
        risk.controls = controls;
        auto r = setRisk(ws(), risk);
        ASSERT_TRUE(r) << r.error().message;
    }

    /// Everything stored about the SoA, as text: compared before and after a refused edit.
    std::string snapshot() {
        std::string out;
        for (const auto& r : rows()) {
            out += r.ref + "|" + (r.applicable ? (*r.applicable ? "1" : "0") : "-") + "|" + r.justification + "|" +
                   r.otherDrivers + "|" + r.businessNeed + "|" + std::string(toString(r.state)) + "|" +
                   (r.edited ? "e" : "") + "|" + std::string(toString(r.status)) + "\n";
        }
        auto summary = soaSummary(ws());
        if (summary) out += "edits " + std::to_string(summary->edits) + "\n";
        auto statuses = implementationStatuses(ws());
        if (statuses) {
            for (const auto& s : *statuses) out += s.subject + " " + std::string(toString(s.status)) + s.reason + "\n";
        }
        return out;
    }

    Result<SoaRow> edit(const std::string& ref, std::optional<bool> applicable, std::optional<std::string> text,
                        std::optional<SoaState> state = std::nullopt) {
        SoaEdit e;
        e.ref = ref;
        e.applicable = applicable;
        e.justification = std::move(text);
        e.state = state;
        return editSoa(ws(), e);
    }
};

TEST_F(SoaTest, DraftCreatesOneRowPerAnnexAControlInOrder) {
    EXPECT_TRUE(rows().empty()) << "no rows before drafting";
    auto d = draftSoa(ws());
    ASSERT_TRUE(d) << d.error().message;
    EXPECT_EQ(d->created, 93u);
    EXPECT_EQ(d->refreshed + d->kept + d->unchanged, 0u);
    const auto all = rows();
    ASSERT_EQ(all.size(), 93u);
    EXPECT_EQ(all.front().ref, "A.5.1");
    EXPECT_EQ(all.back().ref, "A.8.34");
    const SoaRow& accessControl = row("A.5.15");
    EXPECT_EQ(accessControl.title, "Access control");
    EXPECT_EQ(accessControl.theme, "organizational");
    // Nothing drives a decision yet: no target, no risk.
    for (const auto& r : all) {
        EXPECT_FALSE(r.applicable.has_value()) << r.ref;
        EXPECT_TRUE(r.justification.empty()) << r.ref;
        EXPECT_EQ(r.state, SoaState::Draft);
        EXPECT_FALSE(r.edited);
    }

    // Drafting again is a no-op.
    auto again = draftSoa(ws());
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->created, 0u);
    EXPECT_EQ(again->refreshed, 0u);
    EXPECT_EQ(again->unchanged, 93u);
    EXPECT_EQ(rows().size(), 93u);
}

TEST_F(SoaTest, ExclusionFromIsoScopingDraftsANotApplicableRowWithTheReason) {
    const std::string reason = "No cabling of our own: serviced offices only.";
    targetIso(json::object{{"A.7.12", reason}});
    draft();
    const SoaRow excluded = row("A.7.12");
    ASSERT_TRUE(excluded.applicable.has_value());
    EXPECT_FALSE(*excluded.applicable);
    EXPECT_EQ(excluded.justification, reason);
    // Another control: ISO's own scoping does not make it applicable by itself.
    EXPECT_FALSE(row("A.7.11").applicable.has_value());
}

TEST_F(SoaTest, RiskTreatmentAndOtherTargetsJustifyInclusion) {
    addRisk("R-01", {"A.8.24"});
    addRisk("R-02", {"A.8.24", "A.5.9"});
    draft();
    SoaRow crypto = row("A.8.24");
    ASSERT_TRUE(crypto.applicable.has_value());
    EXPECT_TRUE(*crypto.applicable);
    EXPECT_EQ(crypto.justification, "Treats risks R-01, R-02.");
    EXPECT_EQ(crypto.risks, (std::vector<std::string>{"R-01", "R-02"}));
    EXPECT_EQ(row("A.5.9").justification, "Treats risk R-02.");

    // A second target framework: its applicable requirements linked through common controls.
    auto soc2 = setTarget(ws(), host(), "soc2-2017", json::object{{"categories", json::array{}}});
    ASSERT_TRUE(soc2) << soc2.error().message;
    auto redraft = draftSoa(ws());
    ASSERT_TRUE(redraft) << redraft.error().message;
    EXPECT_GT(redraft->refreshed, 0u);
    auto applicable = applicability(ws(), "soc2-2017");
    ASSERT_TRUE(applicable) << applicable.error().message;
    std::set<std::string> applies;
    for (const auto& a : *applicable) {
        if (a.applies) applies.insert("soc2-2017:" + a.ref);
    }
    std::size_t driven = 0;
    for (const auto& r : rows()) {
        for (const auto& d : r.frameworkDrivers) {
            EXPECT_TRUE(applies.contains(d)) << r.ref << " is driven by " << d << ", which does not apply";
        }
        if (r.frameworkDrivers.empty()) continue;
        ++driven;
        EXPECT_EQ(r.applicable, std::optional<bool>(true)) << r.ref;
        EXPECT_NE(r.justification.find("Required for SOC 2 "), std::string::npos) << r.justification;
    }
    EXPECT_GT(driven, 10u);
    crypto = row("A.8.24");
    EXPECT_TRUE(crypto.justification.starts_with("Treats risks R-01, R-02. Required for SOC 2 "))
        << crypto.justification;
}

TEST_F(SoaTest, EditsSurviveRedraftingAndDraftsFollowTheData) {
    draft();
    auto edited = edit("A.5.1", false, "Covered by the group policy of our parent company.");
    ASSERT_TRUE(edited) << edited.error().message;
    EXPECT_TRUE(edited->edited);
    addRisk("R-01", {"A.5.1", "A.5.2"});

    auto d = draftSoa(ws());
    ASSERT_TRUE(d) << d.error().message;
    EXPECT_EQ(d->kept, 1u);
    EXPECT_EQ(d->refreshed, 1u);  // A.5.2, now chosen by R-01
    EXPECT_EQ(d->unchanged, 91u);
    const SoaRow kept = row("A.5.1");
    EXPECT_EQ(kept.applicable, std::optional<bool>(false));
    EXPECT_EQ(kept.justification, "Covered by the group policy of our parent company.");
    EXPECT_EQ(kept.risks, std::vector<std::string>{"R-01"}) << "risks are read live, even on an edited row";
    EXPECT_EQ(row("A.5.2").applicable, std::optional<bool>(true));
    EXPECT_EQ(row("A.5.2").justification, "Treats risk R-01.");
}

TEST_F(SoaTest, FinalWithoutJustificationIsRefusedAndChangesNothing) {
    draft();
    const std::string before = snapshot();

    auto exclusion = edit("A.5.1", false, "", SoaState::Final);
    ASSERT_FALSE(exclusion);
    EXPECT_EQ(exclusion.error().kind, ErrorKind::BadInput);
    EXPECT_NE(exclusion.error().message.find("A.5.1"), std::string::npos) << exclusion.error().message;
    EXPECT_NE(exclusion.error().message.find("reason"), std::string::npos) << exclusion.error().message;

    auto inclusion = edit("A.5.2", true, std::nullopt, SoaState::Final);
    ASSERT_FALSE(inclusion);
    EXPECT_EQ(inclusion.error().kind, ErrorKind::BadInput);
    EXPECT_NE(inclusion.error().message.find("justification"), std::string::npos) << inclusion.error().message;

    auto undecided = edit("A.5.3", std::nullopt, "Some words", SoaState::Final);
    ASSERT_FALSE(undecided);
    EXPECT_NE(undecided.error().message.find("undecided"), std::string::npos) << undecided.error().message;

    // Not applicable as a status needs a reason: none given, no justification to fall back on.
    SoaEdit status;
    status.ref = "A.5.4";
    status.applicable = false;
    status.status = ImplementationStatus::NotApplicable;
    auto noReason = editSoa(ws(), status);
    ASSERT_FALSE(noReason);
    EXPECT_EQ(noReason.error().kind, ErrorKind::BadInput);

    EXPECT_EQ(snapshot(), before);

    // With its reason the same exclusion is saved as final.
    auto ok = edit("A.5.1", false, "Not relevant: no such activity.", SoaState::Final);
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->state, SoaState::Final);
    // Clearing the reason of a final row is refused too.
    auto cleared = edit("A.5.1", std::nullopt, "");
    ASSERT_FALSE(cleared);
    EXPECT_EQ(row("A.5.1").justification, "Not relevant: no such activity.");
}

TEST_F(SoaTest, UnknownOrWrongRefsAreRefused) {
    draft();
    const std::string before = snapshot();
    auto unknown = edit("A.9.99", true, "x");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknown.error().message.find("A.9.99"), std::string::npos);

    auto clause = edit("6.1.3", true, "x");
    ASSERT_FALSE(clause);
    EXPECT_EQ(clause.error().kind, ErrorKind::BadInput);
    EXPECT_NE(clause.error().message.find("not an Annex A control"), std::string::npos) << clause.error().message;

    auto other = edit("soc2-2017:CC6.1", true, "x");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().kind, ErrorKind::BadInput);

    auto nothing = edit("A.5.1", std::nullopt, std::nullopt);
    ASSERT_FALSE(nothing);
    EXPECT_EQ(nothing.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(snapshot(), before);

    // The full ref form is accepted.
    auto full = edit("iso27001-2022:A.5.15", true, "Needed everywhere.");
    ASSERT_TRUE(full) << full.error().message;
    EXPECT_EQ(full->ref, "A.5.15");
}

TEST_F(SoaTest, StatusEditSetsTheCommonControlAndKeepsItsOwner) {
    draft();
    StatusEntry owned;
    owned.subject = "CC-A.5.15";
    owned.status = ImplementationStatus::Planned;
    owned.owner = "Dana (CISO)";
    owned.due = Date(2026, 9, 1);
    ASSERT_TRUE(setImplementationStatus(ws(), owned));

    SoaEdit e;
    e.ref = "A.5.15";
    e.status = ImplementationStatus::Implemented;
    auto edited = editSoa(ws(), e);
    ASSERT_TRUE(edited) << edited.error().message;
    EXPECT_EQ(edited->status, ImplementationStatus::Implemented);
    EXPECT_FALSE(edited->edited) << "a status-only edit leaves the row to drafting";
    auto statuses = implementationStatuses(ws());
    ASSERT_TRUE(statuses);
    const auto entry =
        std::find_if(statuses->begin(), statuses->end(), [](const StatusEntry& s) { return s.subject == "CC-A.5.15"; });
    ASSERT_NE(entry, statuses->end());
    EXPECT_EQ(entry->status, ImplementationStatus::Implemented);
    EXPECT_EQ(entry->owner, "Dana (CISO)");
    EXPECT_EQ(entry->due, std::optional<Date>(Date(2026, 9, 1)));

    // Not applicable: the justification serves as the status reason.
    SoaEdit exclude;
    exclude.ref = "A.7.12";
    exclude.applicable = false;
    exclude.justification = "No cabling of our own.";
    exclude.status = ImplementationStatus::NotApplicable;
    auto excluded = editSoa(ws(), exclude);
    ASSERT_TRUE(excluded) << excluded.error().message;
    EXPECT_EQ(excluded->status, ImplementationStatus::NotApplicable);
    EXPECT_TRUE(excluded->edited);
}

TEST_F(SoaTest, EvidenceReachingTheControlIsListed) {
    draft();
    EvidenceItem item;
    item.key = "EV-001";
    item.title = "Encryption configuration";
    item.kind = EvidenceKind::Configuration;
    item.location = "https://example.test/encryption.json";
    item.collectedOn = kToday;
    ASSERT_TRUE(addEvidence(ws(), item));
    ASSERT_TRUE(linkEvidence(ws(), "EV-001", "CC-A.8.24"));
    EXPECT_EQ(row("A.8.24").evidence, std::vector<std::string>{"EV-001"});
    ASSERT_TRUE(setEvidenceScope(ws(), "EV-001", {"iso27001-2022", false, "lab only"}));
    EXPECT_TRUE(row("A.8.24").evidence.empty()) << "evidence scoped out of ISO does not count";
}

TEST(SoaWithoutIso, DraftingIsRefusedAndWritesNothing) {
    ScratchDir scratch;
    auto empty = Workspace::open(scratch / "empty.db", Workspace::OpenMode::CreateIfMissing);
    ASSERT_TRUE(empty) << empty.error().message;
    auto d = draftSoa(*empty);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().kind, ErrorKind::BadInput);
    EXPECT_NE(d.error().message.find("iso27001-2022"), std::string::npos) << d.error().message;
    auto rows = soa(*empty);
    ASSERT_TRUE(rows) << rows.error().message;
    EXPECT_TRUE(rows->empty());
}

// ---- export --------------------------------------------------------------------------------

class SoaExportTest : public SoaTest {
protected:
    void SetUp() override {
        SoaTest::SetUp();
        OrganizationProfile profile;
        profile.name = "Example Health, Inc.";
        profile.scopeStatement = "The ISMS covers the Example platform.";
        ASSERT_TRUE(setOrganizationProfile(ws(), profile));
        addRisk("R-01", {"A.5.15"});
        draft();
        // A justification with everything a CSV or Markdown writer must escape.
        auto e = edit("A.5.1", true, "Policies, \"approved\" by the board\nreviewed | yearly");
        ASSERT_TRUE(e) << e.error().message;
    }
};

TEST_F(SoaExportTest, XlsxReadBackByOpenpyxlHasTitleBlockHeaderAnd93Rows) {
    const fs::path file = dir() / "soa.xlsx";
    auto r = exportSoa(ws(), ExportFormat::Xlsx, file, kToday);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_TRUE(fs::exists(file));
    EXPECT_FALSE(fs::exists(file.string() + ".tmp"));

    const std::string script = R"PY(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
cells = [[c for c in row] for row in ws.iter_rows(values_only=True)]
header = next(i for i, row in enumerate(cells) if row[0] == "Control")
data = [row for row in cells[header + 1:] if row[0] is not None]
by_ref = {row[0]: row for row in data}
print(json.dumps({
    "sheets": wb.sheetnames,
    "title": cells[0][0],
    "organization": cells[1][1],
    "scope": cells[2][1],
    "date": cells[3][1],
    "version": cells[4][1],
    "header_row": header + 1,
    "header": list(cells[header]),
    "rows": len(data),
    "first": data[0][0],
    "last": data[-1][0],
    "a515": [str(v) if v is not None else None for v in by_ref["A.5.15"]],
    "a51_justification": by_ref["A.5.1"][4],
    "freeze": ws.freeze_panes,
    "filter": ws.auto_filter.ref,
}))
)PY";
    const fs::path scriptFile = dir() / "read_soa.py";
    writeFile(scriptFile, script);
    const RunResult out = run(python() + " " + shellQuote(scriptFile.string()) + " " + shellQuote(file.string()));
    ASSERT_EQ(out.exitCode, 0) << out.err;
    const json::object v = json::parse(out.out).as_object();
    EXPECT_EQ(v.at("sheets").as_array().size(), 1u);
    EXPECT_EQ(v.at("sheets").as_array()[0].as_string(), "Statement of Applicability");
    EXPECT_NE(std::string(v.at("title").as_string()).find("Example Health, Inc."), std::string::npos);
    EXPECT_EQ(v.at("organization").as_string(), "Example Health, Inc.");
    EXPECT_EQ(v.at("scope").as_string(), "The ISMS covers the Example platform.");
    EXPECT_EQ(v.at("date").as_string(), "2026-06-15");
    EXPECT_EQ(v.at("version").to_number<int>(), 1);  // one edit so far
    json::array expectedHeader;
    for (const auto& c : kSoaColumns) expectedHeader.emplace_back(c);
    EXPECT_EQ(v.at("header").as_array(), expectedHeader);
    EXPECT_EQ(v.at("rows").to_number<int>(), 93);
    EXPECT_EQ(v.at("first").as_string(), "A.5.1");
    EXPECT_EQ(v.at("last").as_string(), "A.8.34");
    const auto& a515 = v.at("a515").as_array();
    EXPECT_EQ(a515[1].as_string(), "Access control");
    EXPECT_EQ(a515[2].as_string(), "organizational");
    EXPECT_EQ(a515[3].as_string(), "Yes");
    EXPECT_EQ(a515[4].as_string(), "Treats risk R-01.");
    EXPECT_EQ(a515[5].as_string(), "R-01");
    EXPECT_EQ(a515[9].as_string(), "not-started");
    EXPECT_EQ(a515[11].as_string(), "draft");
    EXPECT_EQ(v.at("a51_justification").as_string(), "Policies, \"approved\" by the board\nreviewed | yearly");
    const int header = v.at("header_row").to_number<int>();
    EXPECT_EQ(v.at("freeze").as_string(), "B" + std::to_string(header + 1));
    EXPECT_EQ(v.at("filter").as_string(), "A" + std::to_string(header) + ":L" + std::to_string(header + 93));
}

TEST_F(SoaExportTest, CsvParsesBackPerRfc4180) {
    const fs::path file = dir() / "soa.csv";
    auto r = exportSoa(ws(), ExportFormat::Csv, file, kToday);
    ASSERT_TRUE(r) << r.error().message;
    const std::string text = readFile(file);
    EXPECT_TRUE(
        text.starts_with("Control,Title,Theme,Applicable,Justification,Risks,Framework drivers,"
                         "Other drivers,Business need,Status,Evidence,State\r\n"));
    EXPECT_NE(text.find("\"Policies, \"\"approved\"\" by the board\nreviewed | yearly\""), std::string::npos);

    // An independent reader: Python's csv module.
    const std::string script = R"PY(
import csv, json, sys
with open(sys.argv[1], newline="") as f:
    rows = list(csv.reader(f))
print(json.dumps({"rows": len(rows), "widths": sorted({len(r) for r in rows}),
                  "a51": next(r for r in rows if r[0] == "A.5.1")}))
)PY";
    const fs::path scriptFile = dir() / "read_csv.py";
    writeFile(scriptFile, script);
    const RunResult out = run(python() + " " + shellQuote(scriptFile.string()) + " " + shellQuote(file.string()));
    ASSERT_EQ(out.exitCode, 0) << out.err;
    const json::object v = json::parse(out.out).as_object();
    EXPECT_EQ(v.at("rows").to_number<int>(), 94);  // header + 93
    EXPECT_EQ(v.at("widths").as_array(), (json::array{12}));
    const auto& a51 = v.at("a51").as_array();
    EXPECT_EQ(a51[3].as_string(), "Yes");
    EXPECT_EQ(a51[4].as_string(), "Policies, \"approved\" by the board\nreviewed | yearly");
}

TEST_F(SoaExportTest, MarkdownIsAPipeTableWithEscapedCells) {
    const fs::path file = dir() / "soa.md";
    auto r = exportSoa(ws(), ExportFormat::Markdown, file, kToday);
    ASSERT_TRUE(r) << r.error().message;
    const std::string text = readFile(file);
    EXPECT_TRUE(text.starts_with("# Statement of Applicability — Example Health, Inc.\n")) << text.substr(0, 80);
    EXPECT_NE(text.find("- **Date:** 2026-06-15"), std::string::npos);
    std::size_t tableRows = 0;
    std::size_t start = 0;
    std::string a51;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (line.starts_with("| A.")) {
            ++tableRows;
            if (line.starts_with("| A.5.1 |")) a51 = line;
        }
        start = end == std::string::npos ? text.size() : end + 1;
    }
    EXPECT_EQ(tableRows, 93u);
    EXPECT_NE(a51.find("Policies, \"approved\" by the board<br>reviewed \\| yearly"), std::string::npos) << a51;
    EXPECT_NE(text.find("| Control | Title | Theme | Applicable |"), std::string::npos);
}

TEST_F(SoaExportTest, AFailedExportLeavesNoFile) {
    const fs::path missing = dir() / "no-such-folder" / "soa.xlsx";
    for (const auto format : {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Markdown}) {
        auto r = exportSoa(ws(), format, missing, kToday);
        ASSERT_FALSE(r) << toString(format);
        EXPECT_EQ(r.error().kind, ErrorKind::BadInput) << r.error().message;
        EXPECT_NE(r.error().message.find(missing.string()), std::string::npos) << r.error().message;
        EXPECT_FALSE(fs::exists(missing));
        EXPECT_FALSE(fs::exists(missing.string() + ".tmp"));
    }
}

TEST_F(SoaTest, ExportWithoutRowsIsRefusedAndLeavesAnExistingFileAlone) {
    const fs::path file = dir() / "soa.xlsx";
    writeFile(file, "previous export");
    auto r = exportSoa(ws(), ExportFormat::Xlsx, file, kToday);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::BadInput);
    EXPECT_NE(r.error().message.find("soa draft"), std::string::npos) << r.error().message;
    EXPECT_EQ(readFile(file), "previous export");
    EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
}

// ---- CLI -----------------------------------------------------------------------------------

TEST_F(SoaTest, CliDraftsSetsListsAndExports) {
    const json::value drafted = cliJson("soa draft --json");
    EXPECT_EQ(drafted.at("created").to_number<int>(), 93);
    EXPECT_EQ(drafted.at("summary").at("rows").to_number<int>(), 93);

    const json::value set = cliJson(
        "soa set A.7.4 --applicable no --justification 'No physical monitoring needed: no premises' "
        "--final --json");
    EXPECT_EQ(set.at("ref").as_string(), "A.7.4");
    EXPECT_EQ(set.at("applicable"), json::value(false));
    EXPECT_EQ(set.at("state").as_string(), "final");
    EXPECT_EQ(set.at("edited"), json::value(true));

    // Refused edits: exit 2, one line naming the row or option, and the SoA and statuses unchanged.
    const std::string before = snapshot();
    const struct {
        const char* args;
        const char* mention;
    } cases[] = {
        {"soa set A.7.5 --applicable no --final", "A.7.5: "},
        {"soa set A.9.1 --applicable yes", "unknown Annex A control 'A.9.1'"},
        {"soa set A.7.5 --status done", "--status: 'done' is not one of not-started, planned"},
        {"soa set A.7.5 --status not-applicable", "A.7.5"},
        {"soa set A.7.5 --applicable maybe", "--applicable"},
    };
    for (const auto& c : cases) {
        const RunResult r = cli(c.args);
        expectOneLineError(r, c.args, c.mention);
    }
    EXPECT_EQ(snapshot(), before);

    const json::value listed = cliJson("soa --json");
    const auto& rowsJson = listed.at("rows").as_array();
    ASSERT_EQ(rowsJson.size(), 93u);
    for (const char* field : {"ref", "title", "theme", "applicable", "justification", "risks", "framework_drivers",
                              "other_drivers", "business_need", "status", "evidence", "state", "edited"}) {
        EXPECT_TRUE(rowsJson[0].as_object().contains(field)) << field;
    }
    EXPECT_EQ(listed.at("summary").at("excluded").to_number<int>(), 1);
    EXPECT_EQ(listed.at("summary").at("edits").to_number<int>(), 1);

    const fs::path xlsx = dir() / "soa.xlsx";
    const json::value exported =
        cliJson("soa --format xlsx -o " + shellQuote(xlsx.string()) + " --today 2026-06-15 --json");
    EXPECT_EQ(exported.at("rows").to_number<int>(), 93);
    EXPECT_EQ(exported.at("format"), "xlsx");
    EXPECT_EQ(exported.at("today"), "2026-06-15");
    EXPECT_TRUE(fs::exists(xlsx));
    const RunResult noFile = cli("soa --format xlsx");
    EXPECT_EQ(noFile.exitCode, 2);
    EXPECT_NE(noFile.err.find("-o FILE"), std::string::npos) << noFile.err;

    const RunResult csv = cli("soa --format csv");
    EXPECT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 94);

    const RunResult table = cli("soa");
    EXPECT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.out.find("A.7.4"), std::string::npos);
    EXPECT_NE(table.out.find("93 rows: 0 applicable, 1 excluded, 92 undecided; 1 final"), std::string::npos)
        << table.out;
}

}  // namespace
}  // namespace cw::test
