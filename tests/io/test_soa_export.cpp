// The SoA renderers and writer on hand-built rows, with no workspace: CSV quoting, Markdown
// escaping, the title block, an XLSX read back by openpyxl, and the FILE.tmp rename.
#include <crosswalk/io/soa_export.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace cw {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using test::readFile;
using test::run;
using test::RunResult;
using test::ScratchDir;
using test::shellQuote;
using test::writeFile;

// python3 with openpyxl: the distribution's interpreter when there is one (a pyenv or venv
// python3 earlier on PATH may lack the package scripts/setup installs).
std::string python() {
    return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

// What every writer must escape, in one justification.
constexpr const char* kAwkward = "Policies, \"approved\" by the board\nreviewed | yearly";

SoaDocument document() {
    SoaDocument doc;
    SoaRow policies;
    policies.ref = "A.5.1";
    policies.title = "Policies for information security";
    policies.theme = "organizational";
    policies.applicable = true;
    policies.justification = kAwkward;
    policies.risks = {"R-01", "R-02"};
    policies.frameworkDrivers = {"soc2-2017:CC1.1"};
    policies.status = ImplementationStatus::Implemented;
    policies.evidence = {"EV-1"};
    policies.state = SoaState::Final;
    SoaRow monitoring;
    monitoring.ref = "A.7.4";
    monitoring.title = "Physical security monitoring";
    monitoring.theme = "physical";
    monitoring.applicable = false;
    monitoring.justification = "No premises";
    SoaRow undecided;
    undecided.ref = "A.8.1";
    undecided.title = "User end point devices";
    undecided.theme = "technological";
    doc.rows = {policies, monitoring, undecided};
    doc.organization = "Example | Health, Inc.";
    doc.scope = "The ISMS covers the Example platform.";
    doc.exportedOn = Date(2026, 6, 15);
    doc.summary.rows = 3;
    doc.summary.applicable = 1;
    doc.summary.excluded = 1;
    doc.summary.undecided = 1;
    doc.summary.final = 1;
    doc.summary.edits = 4;
    return doc;
}

TEST(SoaCsv, QuotesCommasQuotesAndLineBreaksAndEndsLinesWithCrlf) {
    const std::string csv = renderSoaCsv(document().rows);
    EXPECT_EQ(csv,
              "Control,Title,Theme,Applicable,Justification,Risks,Framework drivers,Other drivers,Business "
              "need,Status,Evidence,State\r\n"
              "A.5.1,Policies for information security,organizational,Yes,"
              "\"Policies, \"\"approved\"\" by the board\nreviewed | yearly\",\"R-01, R-02\",soc2-2017:CC1.1,,,"
              "implemented,EV-1,final\r\n"
              "A.7.4,Physical security monitoring,physical,No,No premises,,,,,not-started,,draft\r\n"
              "A.8.1,User end point devices,technological,Undecided,,,,,,not-started,,draft\r\n");
}

TEST(SoaMarkdown, HasTheTitleBlockAndEscapesPipesAndLineBreaks) {
    const std::string md = renderSoaMarkdown(document());
    EXPECT_TRUE(
        md.starts_with("# Statement of Applicability — Example \\| Health, Inc.\n\n"
                       "- **Organization:** Example \\| Health, Inc.\n"
                       "- **Scope:** The ISMS covers the Example platform.\n"
                       "- **Date:** 2026-06-15\n"
                       "- **Version:** 4\n"
                       "- **Controls:** 3 Annex A controls: 1 applicable, 1 excluded, 1 undecided; 1 final\n\n"
                       "| Control | Title | Theme | Applicable | Justification |"))
        << md;
    EXPECT_NE(md.find("\n|---|---|---|---|---|---|---|---|---|---|---|---|\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| A.5.1 | Policies for information security | organizational | Yes | "
                      "Policies, \"approved\" by the board<br>reviewed \\| yearly | R-01, R-02 |"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("| A.8.1 | User end point devices | technological | Undecided |"), std::string::npos) << md;
}

TEST(SoaMarkdown, WithoutAProfileOrAnExportDateFallsBackToTheLastChange) {
    SoaDocument doc = document();
    doc.organization.clear();
    doc.scope.clear();
    doc.exportedOn.reset();
    doc.summary.lastChanged = Date(2026, 6, 10);
    const std::string md = renderSoaMarkdown(doc);
    EXPECT_TRUE(
        md.starts_with("# Statement of Applicability\n\n"
                       "- **Organization:** —\n"
                       "- **Scope:** —\n"
                       "- **Date:** 2026-06-10 (last change)\n"))
        << md;
}

TEST(SoaWrite, CsvAndMarkdownFilesHoldWhatIsRendered) {
    ScratchDir dir;
    const SoaDocument doc = document();
    ASSERT_TRUE(writeSoa(ExportFormat::Csv, dir / "soa.csv", doc));
    ASSERT_TRUE(writeSoa(ExportFormat::Markdown, dir / "soa.md", doc));
    EXPECT_EQ(readFile(dir / "soa.csv"), renderSoaCsv(doc.rows));
    EXPECT_EQ(readFile(dir / "soa.md"), renderSoaMarkdown(doc));
    EXPECT_FALSE(fs::exists(dir / "soa.csv.tmp"));
    EXPECT_FALSE(fs::exists(dir / "soa.md.tmp"));
}

TEST(SoaWrite, XlsxReadBackByOpenpyxlHasTheTitleBlockAndTheRows) {
    ScratchDir dir;
    const fs::path file = dir / "soa.xlsx";
    auto r = writeSoa(ExportFormat::Xlsx, file, document());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_FALSE(fs::exists(file.string() + ".tmp"));

    const std::string script = R"PY(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
cells = [[c for c in row] for row in ws.iter_rows(values_only=True)]
header = next(i for i, row in enumerate(cells) if row[0] == "Control")
print(json.dumps({
    "sheets": wb.sheetnames,
    "title": cells[0][0],
    "organization": cells[1][1],
    "scope": cells[2][1],
    "date": cells[3][1],
    "version": cells[4][1],
    "controls": cells[5][1],
    "header": list(cells[header]),
    "rows": [[v for v in row] for row in cells[header + 1:] if row[0] is not None],
    "freeze": ws.freeze_panes,
    "filter": ws.auto_filter.ref,
}))
)PY";
    const fs::path scriptFile = dir / "read_soa.py";
    writeFile(scriptFile, script);
    const RunResult out = run(python() + " " + shellQuote(scriptFile.string()) + " " + shellQuote(file.string()));
    ASSERT_EQ(out.exitCode, 0) << out.err;
    const json::object v = json::parse(out.out).as_object();
    EXPECT_EQ(v.at("sheets"), (json::array{"Statement of Applicability"}));
    EXPECT_EQ(v.at("title").as_string(), "Statement of Applicability — Example | Health, Inc.");
    EXPECT_EQ(v.at("organization").as_string(), "Example | Health, Inc.");
    EXPECT_EQ(v.at("scope").as_string(), "The ISMS covers the Example platform.");
    EXPECT_EQ(v.at("date").as_string(), "2026-06-15");
    EXPECT_EQ(v.at("version").to_number<int>(), 4);
    EXPECT_EQ(v.at("controls").as_string(), "3 Annex A controls: 1 applicable, 1 excluded, 1 undecided; 1 final");
    json::array expectedHeader;
    for (const auto& c : kSoaColumns) expectedHeader.emplace_back(c);
    EXPECT_EQ(v.at("header").as_array(), expectedHeader);
    const auto& rows = v.at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0],
              (json::array{"A.5.1", "Policies for information security", "organizational", "Yes", kAwkward,
                           "R-01, R-02", "soc2-2017:CC1.1", nullptr, nullptr, "implemented", "EV-1", "final"}));
    EXPECT_EQ(rows[1].as_array()[3].as_string(), "No");
    EXPECT_EQ(rows[2].as_array()[3].as_string(), "Undecided");
    EXPECT_EQ(v.at("freeze").as_string(), "B9");
    EXPECT_EQ(v.at("filter").as_string(), "A8:L11");
}

TEST(SoaWrite, AFailedWriteLeavesAnExistingFileUntouchedAndNoTemporaryFile) {
    ScratchDir dir;
    for (const auto format : {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Markdown}) {
        // The temporary file cannot be made (a folder stands in its place), so nothing is renamed.
        const fs::path file = dir / ("soa." + std::string(toString(format)));
        writeFile(file, "previous export");
        fs::create_directory(file.string() + ".tmp");
        auto r = writeSoa(format, file, document());
        ASSERT_FALSE(r) << toString(format);
        EXPECT_EQ(r.error().kind, ErrorKind::BadInput) << r.error().message;
        EXPECT_TRUE(r.error().message.starts_with(file.string() + ": cannot write: ")) << r.error().message;
        EXPECT_EQ(readFile(file), "previous export") << toString(format);
    }
}

TEST(SoaWrite, AMissingFolderLeavesNoFileBehind) {
    ScratchDir dir;
    const fs::path missing = dir / "no-such-folder" / "soa.csv";
    auto r = writeSoa(ExportFormat::Csv, missing, document());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::BadInput);
    EXPECT_FALSE(fs::exists(missing));
    EXPECT_FALSE(fs::exists(missing.string() + ".tmp"));
}

TEST(SoaWrite, AnEmptyFileNameIsRefused) {
    auto r = writeSoa(ExportFormat::Csv, fs::path(), document());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(r.error().message, "no file to export the Statement of Applicability to");
}

}  // namespace
}  // namespace cw
