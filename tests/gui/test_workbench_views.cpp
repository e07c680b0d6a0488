// GuiWorkbench ImGui tests: the certification-workbench views (evidence, gaps and
// readiness, SoA editor, risk register, audits and reviews, timeline, rejected plugins)
// drawn headless on the demo workspace (`crosswalk demo --today 2026-06-15`). Each
// assertion compares what a view drew (ImGui's text log) or holds against the library's
// own answer on the same workspace, and every frame checks balanced ImGui stacks.
#include "app.hpp"
#include "facade.hpp"
#include "views/view_audits.hpp"
#include "views/view_evidence.hpp"
#include "views/view_file_dialog.hpp"
#include "views/view_frameworks.hpp"
#include "views/view_overlap.hpp"
#include "views/view_readiness.hpp"
#include "views/view_risks.hpp"
#include "views/view_soa.hpp"
#include "views/view_timeline.hpp"

#include "gui_fixture.hpp"
#include "test_support.hpp"

#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/timeline.hpp>
#include <crosswalk/workbench/readiness.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

namespace cw::gui {
namespace {

namespace fs = std::filesystem;
using cw::test::ScratchDir;
using test::demoToday;
using test::DemoWorkspace;
using test::GuiViews;

using GuiWorkbench = GuiViews;

/// The demo workspace opened beside the GUI, to ask the library the same questions.
Workspace openDemo(const fs::path& file = DemoWorkspace::get().db()) {
    auto ws = Workspace::open(file, Workspace::OpenMode::MustExist);
    if (!ws) throw std::runtime_error(ws.error().message);
    return std::move(*ws);
}

std::size_t count(const std::string& text, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size()))
        ++n;
    return n;
}

TEST_F(GuiWorkbench, NewViewsAreInTheViewMenuAndSelectableByViewId) {
    App app(demoOptions());
    for (const char* id : {"evidence", "readiness", "soa", "risks", "audits", "timeline"}) {
        View* v = app.view(id);
        ASSERT_NE(v, nullptr) << id;
        EXPECT_TRUE(v->inViewMenu()) << id;
        EXPECT_NE(app.viewIds().find(id), std::string::npos);
        EXPECT_EQ(std::string(v->windowTitle()).substr(std::string(v->windowTitle()).find("###")),
                  std::string("###") + id);
    }
    AppOptions solo = demoOptions();
    solo.view = "timeline";
    solo.solo = true;
    App shot(solo);
    for (const auto& v : shot.views()) EXPECT_EQ(v->isOpen(), v->id() == "timeline") << v->id();
}

TEST_F(GuiWorkbench, EvidenceLibraryShowsReuseFreshnessAndFrameworksMostReusedFirst) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<EvidenceView>(app, "evidence");
    const std::string text = frames(3, [&] { view.draw(app.context()); });

    Workspace ws = openDemo();
    const auto library = evidenceLibrary(ws).value();
    ASSERT_EQ(library.size(), 54u);
    ASSERT_EQ(view.visibleRows().size(), library.size());
    EXPECT_NE(text.find("54 of 54 items"), std::string::npos) << text.substr(0, 400);
    // Most reused first (the default sort), and the first row's chips are its frameworks.
    std::size_t most = 0;
    for (const auto& item : library) most = std::max(most, item.reuse());
    const EvidenceRow& first = *view.visibleRows().front();
    EXPECT_EQ(first.item.reuse(), most);
    for (std::size_t i = 1; i < view.visibleRows().size(); ++i) {
        EXPECT_GE(view.visibleRows()[i - 1]->item.reuse(), view.visibleRows()[i]->item.reuse());
    }
    const auto firstLine = linesWith(text, first.item.key + " ");
    ASSERT_FALSE(firstLine.empty());
    for (const auto& f : first.item.frameworks) EXPECT_NE(firstLine.front().find("[" + f + "]"), std::string::npos);
    // Freshness at the demo's today: EV-108 expired 2026-06-05.
    const auto ev108 = linesWith(text, "EV-108 ");
    ASSERT_FALSE(ev108.empty());
    EXPECT_NE(ev108.front().find("stale 2026-06-05"), std::string::npos) << ev108.front();
    std::size_t stale = 0;
    std::size_t soon = 0;
    for (const auto& item : library) {
        stale += item.freshness(demoToday()) == Freshness::Stale ? 1u : 0u;
        soon += item.freshness(demoToday()) == Freshness::SoonStale ? 1u : 0u;
    }
    EXPECT_NE(text.find(std::to_string(stale) + " stale"), std::string::npos);
    EXPECT_NE(text.find(std::to_string(soon) + " soon stale"), std::string::npos);
}

TEST_F(GuiWorkbench, EvidenceFiltersMatchTheLibrary) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<EvidenceView>(app, "evidence");
    Workspace ws = openDemo();
    const auto library = evidenceLibrary(ws).value();

    view.setSharedOnly(true);
    std::string text = frames(2, [&] { view.draw(app.context()); });
    const auto shared = std::count_if(library.begin(), library.end(), [](const auto& i) { return i.reuse() >= 2; });
    EXPECT_EQ(static_cast<std::ptrdiff_t>(view.visibleRows().size()), shared);
    EXPECT_GT(shared, 0);
    for (const auto* row : view.visibleRows()) EXPECT_GE(row->item.reuse(), 2u) << row->item.key;

    view.setSharedOnly(false);
    view.setFreshnessFilter(Freshness::Stale);
    frames(2, [&] { view.draw(app.context()); });
    ASSERT_EQ(view.visibleRows().size(), 1u);
    EXPECT_EQ(view.visibleRows().front()->item.key, "EV-108");

    view.setFreshnessFilter(std::nullopt);
    view.setKindFilter(EvidenceKind::Policy);
    view.setFrameworkFilter("hipaa");
    frames(2, [&] { view.draw(app.context()); });
    const auto policiesForHipaa = std::count_if(library.begin(), library.end(), [](const auto& i) {
        return i.kind == EvidenceKind::Policy && std::ranges::find(i.frameworks, "hipaa") != i.frameworks.end();
    });
    EXPECT_EQ(static_cast<std::ptrdiff_t>(view.visibleRows().size()), policiesForHipaa);
    EXPECT_GT(policiesForHipaa, 0);

    view.setKindFilter(std::nullopt);
    view.setFrameworkFilter({});
    view.setTextFilter("access review");
    text = frames(2, [&] { view.draw(app.context()); });
    ASSERT_EQ(view.visibleRows().size(), 1u);
    EXPECT_EQ(view.visibleRows().front()->item.key, "EV-102");
}

TEST_F(GuiWorkbench, SelectedEvidenceShowsLinksAndPerFrameworkScope) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<EvidenceView>(app, "evidence");
    view.select("EV-118");
    const std::string text = frames(3, [&] { view.draw(app.context()); });
    Workspace ws = openDemo();
    const EvidenceItem item = evidenceItem(ws, "EV-118").value();
    ASSERT_EQ(item.scopedOut, std::vector<std::string>{"hipaa"});
    // The scoped-out framework with its note, and every link.
    const auto hipaa = linesWith(text, "[hipaa]");
    ASSERT_FALSE(hipaa.empty()) << text;
    bool noted = false;
    for (const auto& line : hipaa) {
        noted = noted || (line.find("scoped out") != std::string::npos &&
                          line.find("office network only; the ePHI environment is in AWS") != std::string::npos);
    }
    EXPECT_TRUE(noted) << text;
    for (const auto& link : item.links) EXPECT_NE(text.find(link), std::string::npos) << link;
    EXPECT_NE(text.find("Serves " + std::to_string(item.reuse()) + " framework"), std::string::npos);
    EXPECT_NE(text.find(std::to_string(item.requirements) + " requirement"), std::string::npos);
    // PCI DSS is declared out of scope but no link reaches it: listed apart.
    EXPECT_FALSE(linesWith(text, "[pci-dss-4.0.1]").empty());
}

TEST_F(GuiWorkbench, ReadinessProgressMatchesTheGapAnalysis) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<ReadinessView>(app, "readiness");
    const std::string text = frames(3, [&] { view.draw(app.context()); });
    Workspace ws = openDemo();
    const auto gaps = gapAnalysis(ws, demoToday()).value();
    ASSERT_EQ(gaps.size(), 3u) << "ISO 27001, SOC 2 and HIPAA are the demo's targets";
    for (const auto& g : gaps) {
        const auto lines = linesWith(text, "[" + g.framework + "]");
        ASSERT_FALSE(lines.empty()) << g.framework;
        const std::string& line = lines.front();
        char percent[16];
        std::snprintf(percent, sizeof percent, "%3.0f%%", std::floor(g.progress() * 100.0));
        EXPECT_NE(line.find(percent), std::string::npos) << line;
        EXPECT_NE(line.find(std::to_string(g.implemented) + " implemented"), std::string::npos) << line;
        EXPECT_NE(line.find(std::to_string(g.partial) + " partial"), std::string::npos) << line;
        EXPECT_NE(line.find(std::to_string(g.planned) + " planned"), std::string::npos) << line;
        EXPECT_NE(line.find(std::to_string(g.notStarted) + " not started"), std::string::npos) << line;
        EXPECT_NE(line.find(std::to_string(g.implemented) + " of " + std::to_string(g.applicable) + " implemented"),
                  std::string::npos)
            << line;
    }
    // The remediation list, ranked as the library ranks it.
    const auto plan = remediationPlan(ws).value();
    ASSERT_FALSE(plan.empty());
    const auto& data = app.facade().readiness();
    ASSERT_EQ(data.remediation.size(), plan.size());
    EXPECT_EQ(data.remediation.front().commonControl, plan.front().commonControl);
    const auto top = linesWith(text, plan.front().commonControl + " ");
    ASSERT_FALSE(top.empty()) << text;
    for (const auto& f : plan.front().frameworks) EXPECT_NE(top.front().find("[" + f + "]"), std::string::npos);

    // The open requirements of one framework, each with the status that reaches it.
    view.setTab(ReadinessView::Tab::Open);
    view.setOpenFramework("hipaa");
    const std::string open = frames(3, [&] { view.draw(app.context()); });
    const auto hipaa = std::ranges::find_if(gaps, [](const FrameworkGap& g) { return g.framework == "hipaa"; });
    ASSERT_NE(hipaa, gaps.end());
    ASSERT_FALSE(hipaa->open.empty());
    EXPECT_NE(open.find(std::to_string(hipaa->open.size()) + " applicable requirements not implemented yet"),
              std::string::npos);
    const auto firstOpen = linesWith(open, hipaa->open.front().ref + " ");
    ASSERT_FALSE(firstOpen.empty()) << open;
    EXPECT_NE(firstOpen.front().find(std::string(toString(hipaa->open.front().status))), std::string::npos)
        << firstOpen.front();
}

TEST_F(GuiWorkbench, Stage1AndStage2FindingsAreGroupedBySeverityWithTheirSource) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<ReadinessView>(app, "readiness");
    view.setTab(ReadinessView::Tab::Stage1);
    std::string text = frames(3, [&] { view.draw(app.context()); });
    const auto& data = app.facade().readiness();
    EXPECT_TRUE(data.pluginChecks);
    // The planted Stage 1 gaps (demo.cpp) with their check ids.
    const auto soaLine = linesWith(text, "stage1.soa-without-justification");
    ASSERT_FALSE(soaLine.empty()) << text;
    EXPECT_NE(soaLine.front().find("A.5.6"), std::string::npos);
    EXPECT_NE(soaLine.front().find("crosswalk"), std::string::npos) << "the source is shown";
    EXPECT_FALSE(linesWith(text, "stage1.exclusion-without-reason").empty());
    EXPECT_FALSE(linesWith(text, "stage1.asset-not-in-risk-assessment").empty());
    // A plugin's own check, with the plugin as its source.
    bool plugin = false;
    for (const auto& f : data.stage1) plugin = plugin || f.source != "crosswalk";
    EXPECT_TRUE(plugin);
    // Severity groups: one header per severity present, with its count.
    std::map<Severity, std::size_t> bySeverity;
    for (const auto& f : data.stage1) ++bySeverity[f.severity];
    for (const auto& [severity, n] : bySeverity) {
        EXPECT_NE(text.find(std::string(toString(severity)) + " (" + std::to_string(n) + ")"), std::string::npos)
            << toString(severity);
    }
    Workspace ws = openDemo();
    const auto stage1 = stage1Readiness(ws, nullptr, demoToday()).value();
    EXPECT_GE(data.stage1.size(), stage1.size()) << "the plugin checks come on top of the core ones";

    // Stage 2 at today, then at the planned Stage 2 date: EV-102 is current today but stale then.
    view.setTab(ReadinessView::Tab::Stage2);
    text = frames(3, [&] { view.draw(app.context()); });
    const auto today = stage2Readiness(ws, nullptr, demoToday()).value();
    std::size_t core = 0;
    for (const auto& f : app.facade().readiness().stage2) core += f.source == "crosswalk" ? 1u : 0u;
    EXPECT_EQ(core, today.size());
    ASSERT_TRUE(app.facade().readiness().plannedStage2.has_value());
    EXPECT_EQ(app.facade().readiness().plannedStage2->str(), "2026-08-14");
    EXPECT_NE(text.find("Judged at 2026-06-15"), std::string::npos);
    app.facade().setStage2At(app.facade().readiness().plannedStage2);
    text = frames(3, [&] { view.draw(app.context()); });
    EXPECT_NE(text.find("Judged at 2026-08-14"), std::string::npos);
    const auto atStage2 = stage2Readiness(ws, nullptr, *Date::parse("2026-08-14")).value();
    core = 0;
    for (const auto& f : app.facade().readiness().stage2) core += f.source == "crosswalk" ? 1u : 0u;
    EXPECT_EQ(core, atStage2.size());
    EXPECT_GT(atStage2.size(), today.size()) << "more evidence is stale at Stage 2";
}

TEST_F(GuiWorkbench, SoaEditorShows93RowsAndTheirDecisions) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<SoaView>(app, "soa");
    std::string text = frames(3, [&] { view.draw(app.context()); });
    Workspace ws = openDemo();
    const auto rows = soa(ws).value();
    ASSERT_EQ(rows.size(), 93u);
    EXPECT_EQ(view.visibleRows().size(), 93u);
    EXPECT_NE(text.find("93 of 93 rows"), std::string::npos);
    const auto a56 = linesWith(text, "A.5.6 ");
    ASSERT_FALSE(a56.empty());
    EXPECT_NE(a56.front().find("(no justification)"), std::string::npos) << a56.front();
    view.setNeedsAttention(true);
    frames(2, [&] { view.draw(app.context()); });
    std::set<std::string> attention;
    for (const auto* r : view.visibleRows()) attention.insert(r->ref);
    EXPECT_TRUE(attention.contains("A.5.6"));
    EXPECT_TRUE(attention.contains("A.7.6"));
    const auto needing = std::count_if(rows.begin(), rows.end(),
                                       [](const SoaRow& r) { return !r.applicable || r.justification.empty(); });
    EXPECT_EQ(static_cast<std::ptrdiff_t>(attention.size()), needing);
}

TEST_F(GuiWorkbench, SoaFinalWithoutJustificationIsANoticeAndChangesNothing) {
    ScratchDir scratch;
    const fs::path db = DemoWorkspace::get().copyTo(scratch);
    App app(demoOptions(db));
    capturing(app);
    auto& view = viewOf<SoaView>(app, "soa");
    frames(2, [&] { view.draw(app.context()); });
    const auto rowOf = [&](const std::string& ref) {
        Workspace ws = openDemo(db);
        for (auto& r : soa(ws).value()) {
            if (r.ref == ref) return r;
        }
        throw std::runtime_error("no row " + ref);
    };
    const SoaRow before = rowOf("A.7.6");
    ASSERT_EQ(before.applicable, false);
    ASSERT_TRUE(before.justification.empty());

    // An exclusion saved as final without its reason: refused, shown as a notice, nothing written.
    view.select(app.context(), "A.7.6");
    view.buffer().state = SoaState::Final;
    EXPECT_FALSE(view.save(app.context()));
    ASSERT_FALSE(app.notices().items().empty());
    EXPECT_EQ(app.notices().items().back().level, Notices::Level::Error);
    EXPECT_NE(app.notices().items().back().text.find("A.7.6"), std::string::npos) << app.notices().items().back().text;
    const std::string text = frames(2, [&] { app.frame(); });
    EXPECT_EQ(ImGui::GetCurrentContext()->OpenPopupStack.Size, 0) << "a notice, not a modal";
    const SoaRow after = rowOf("A.7.6");
    EXPECT_EQ(after.state, before.state);
    EXPECT_EQ(after.edited, before.edited);
    EXPECT_EQ(after.justification, before.justification);
    EXPECT_EQ(view.buffer().state, SoaState::Final) << "the editor keeps what was typed";

    // With the reason it is saved, and the table shows it.
    view.buffer().justification = "No secure areas: the Boston office hosts no production systems.";
    EXPECT_TRUE(view.save(app.context()));
    const SoaRow saved = rowOf("A.7.6");
    EXPECT_EQ(saved.state, SoaState::Final);
    EXPECT_TRUE(saved.edited);
    EXPECT_EQ(saved.justification, "No secure areas: the Boston office hosts no production systems.");
    const std::string shown = frames(2, [&] { view.draw(app.context()); });
    const auto line = linesWith(shown, "A.7.6 ");
    ASSERT_FALSE(line.empty());
    EXPECT_NE(line.front().find("No secure areas"), std::string::npos) << line.front();
    EXPECT_NE(line.front().find("final"), std::string::npos) << line.front();
}

TEST_F(GuiWorkbench, SoaExportsThroughTheFileDialog) {
    ScratchDir scratch;
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<SoaView>(app, "soa");
    frames(2, [&] { view.draw(app.context()); });
    // CSV and Markdown straight to a path.
    ASSERT_TRUE(view.exportTo(app.context(), ExportFormat::Csv, scratch / "soa.csv"));
    const std::string csv = cw::test::readFile(scratch / "soa.csv");
    EXPECT_EQ(count(csv, "\nA."), 93u) << csv.substr(0, 600);
    ASSERT_TRUE(view.exportTo(app.context(), ExportFormat::Markdown, scratch / "soa.md"));
    EXPECT_EQ(count(cw::test::readFile(scratch / "soa.md"), "| A."), 93u);
    // XLSX through the file dialog's save mode, as "Browse..." does it.
    ASSERT_TRUE(app.context().chooseSaveFile);
    std::filesystem::path written;
    app.context().chooseSaveFile("Export the SoA as XLSX", ".xlsx", "soa.xlsx", [&](const std::filesystem::path& file) {
        written = file;
        view.exportTo(app.context(), ExportFormat::Xlsx, file);
    });
    auto& dialog = viewOf<FileDialogView>(app, "file_dialog");
    ASSERT_TRUE(dialog.isOpen());
    ASSERT_TRUE(dialog.saving());
    dialog.setDirectory(scratch.path());
    const std::string text = frames(2, [&] { dialog.draw(app.context()); });
    EXPECT_NE(text.find("Save"), std::string::npos);
    ASSERT_TRUE(dialog.confirmSave());
    EXPECT_EQ(written, scratch / "soa.xlsx");
    EXPECT_FALSE(dialog.saving()) << "back to opening workspaces";
    const std::string xlsx = cw::test::readFile(scratch / "soa.xlsx");
    ASSERT_GE(xlsx.size(), 4u);
    EXPECT_EQ(xlsx.substr(0, 2), "PK") << "an XLSX is a zip";
    // A file that cannot be written: a notice naming it.
    EXPECT_FALSE(view.exportTo(app.context(), ExportFormat::Csv, scratch / "missing-dir" / "soa.csv"));
    EXPECT_EQ(app.notices().items().back().level, Notices::Level::Error);
}

TEST_F(GuiWorkbench, RiskHeatMapCountsRisksPerCellAndFiltersTheTable) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<RiskView>(app, "risks");
    const std::string text = frames(3, [&] { view.draw(app.context()); });
    Workspace ws = openDemo();
    const auto risks = cw::risks(ws).value();
    const RiskMatrix matrix = riskMatrix(ws).value();
    ASSERT_EQ(risks.size(), 8u);
    int inherentTotal = 0;
    int residualTotal = 0;
    for (int l = 1; l <= matrix.likelihoodLevels; ++l) {
        for (int i = 1; i <= matrix.impactLevels; ++i) {
            const auto inherent = std::count_if(risks.begin(), risks.end(),
                                                [&](const Risk& r) { return r.likelihood == l && r.impact == i; });
            const auto residual = std::count_if(risks.begin(), risks.end(), [&](const Risk& r) {
                return r.residualLikelihood == l && r.residualImpact == i;
            });
            EXPECT_EQ(view.cellCount(false, l, i), inherent) << l << "x" << i;
            EXPECT_EQ(view.cellCount(true, l, i), residual) << l << "x" << i;
            inherentTotal += view.cellCount(false, l, i);
            residualTotal += view.cellCount(true, l, i);
        }
    }
    EXPECT_EQ(inherentTotal, 8);
    EXPECT_EQ(view.cellCount(false, 4, 5), 2) << "R-01 and R-02: likely x severe";
    // The drawn map: the "4 likely" row of the inherent map ends with the 2 in the severe column.
    const auto likely = linesWith(text, "L4 likely");
    ASSERT_EQ(likely.size(), 2u) << "inherent and residual";
    EXPECT_EQ(likely.front().substr(likely.front().size() - 15), "  0  0  0  0  2") << likely.front();

    view.selectCell(RiskView::Cell{false, 4, 5});
    std::string filtered = frames(2, [&] { view.draw(app.context()); });
    ASSERT_EQ(view.visibleRisks().size(), 2u);
    EXPECT_EQ(view.visibleRisks()[0]->key, "R-01");
    EXPECT_EQ(view.visibleRisks()[1]->key, "R-02");
    EXPECT_NE(filtered.find("2 risks with inherent likelihood 4 and impact 5"), std::string::npos);
    EXPECT_TRUE(linesWith(filtered, "R-03 ").empty());
    view.selectCell(RiskView::Cell{true, 2, 4});
    frames(2, [&] { view.draw(app.context()); });
    EXPECT_EQ(static_cast<int>(view.visibleRisks().size()), view.cellCount(true, 2, 4));
    view.selectCell(std::nullopt);
    frames(2, [&] { view.draw(app.context()); });
    EXPECT_EQ(view.visibleRisks().size(), 8u);
}

TEST_F(GuiWorkbench, AuditsShowFindingsActionsAndTheReviewInputs) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<AuditsView>(app, "audits");
    std::string text = frames(3, [&] { view.draw(app.context()); });
    Workspace ws = openDemo();
    const auto findings = auditFindings(ws).value();
    ASSERT_EQ(findings.size(), 4u);
    for (const auto& f : findings) {
        const auto line = linesWith(text, f.key + " ");
        ASSERT_FALSE(line.empty()) << f.key;
        EXPECT_NE(line.front().find(f.open ? "open" : "closed"), std::string::npos) << line.front();
    }
    const auto f01 = linesWith(text, "F-01 ");
    EXPECT_NE(f01.front().find("minor NC"), std::string::npos) << f01.front();
    for (const auto& a : correctiveActions(ws).value()) EXPECT_NE(text.find(a.key), std::string::npos) << a.key;

    view.setTab(AuditsView::Tab::Reviews);
    text = frames(3, [&] { view.draw(app.context()); });
    const auto reviews = managementReviews(ws).value();
    ASSERT_EQ(reviews.size(), 1u);
    const auto missing = reviews.front().missingInputs();
    ASSERT_EQ(missing.size(), 1u) << "the demo's review lacks input e)";
    EXPECT_EQ(count(text, "recorded "), kReviewInputs.size() - missing.size());
    const auto missingLines = linesWith(text, "missing ");
    bool inputE = false;
    for (const auto& line : missingLines) inputE = inputE || line.find(" e ") != std::string::npos;
    EXPECT_TRUE(inputE) << text;
    EXPECT_NE(text.find("9 of 10 inputs"), std::string::npos);
}

TEST_F(GuiWorkbench, TimelineDrawsLanesBarsAndTheTodayMarker) {
    App app(demoOptions());
    capturing(app);
    auto& view = viewOf<TimelineView>(app, "timeline");
    std::string text = frames(3, [&] { view.draw(app.context()); });
    Workspace ws = openDemo();
    const Timeline t = timeline(ws, demoToday()).value();

    // One lane per framework, the hub first; every bar of the library drawn on some row.
    std::vector<std::string> lanes;
    std::size_t bars = 0;
    for (const auto& row : view.rows()) {
        if (row.header) lanes.push_back(row.lane);
        bars += row.bars.size();
    }
    ASSERT_FALSE(lanes.empty());
    EXPECT_EQ(lanes.front(), "iso27001-2022");
    for (const char* lane : {"soc2-2017", "hipaa", "pci-dss-4.0.1"}) {
        EXPECT_NE(std::ranges::find(lanes, lane), lanes.end()) << lane;
    }
    // Every bar of the library is on its row; a finished step also shows its planned dates.
    for (const auto& bar : t.bars) {
        const bool drawn = std::ranges::any_of(view.rows(), [&](const auto& row) {
            return row.lane == bar.lane && std::ranges::any_of(row.bars, [&](const TimelineBar& b) {
                       return b.start == bar.start && b.end == bar.end && b.actual == bar.actual;
                   });
        });
        EXPECT_TRUE(drawn) << bar.lane << " " << bar.key;
    }
    EXPECT_GE(bars, t.bars.size());
    const Milestone& gapStep = t.milestones.front();
    ASSERT_EQ(gapStep.step, Step::GapAnalysis);
    ASSERT_TRUE(gapStep.plannedStart && gapStep.plannedEnd && gapStep.actualStart && gapStep.actualEnd);
    const auto gap = linesWith(text, "Gap analysis");
    ASSERT_FALSE(gap.empty()) << text;
    EXPECT_NE(gap.front().find("planned " + gapStep.plannedStart->str() + ".." + gapStep.plannedEnd->str()),
              std::string::npos)
        << gap.front();
    EXPECT_NE(gap.front().find("actual " + gapStep.actualStart->str() + ".." + gapStep.actualEnd->str()),
              std::string::npos)
        << gap.front();
    const auto surveillance = linesWith(text, "Surveillance audit 1");
    ASSERT_FALSE(surveillance.empty());
    EXPECT_NE(surveillance.front().find("derived 2027-09-13"), std::string::npos) << surveillance.front();

    // The today marker sits at today's x: after the management review, before Stage 1.
    ASSERT_TRUE(view.todayX().has_value());
    EXPECT_FLOAT_EQ(*view.todayX(), view.xOf(demoToday()));
    EXPECT_LT(view.xOf(Date::parse("2026-05-18").value()), *view.todayX());
    EXPECT_GT(view.xOf(Date::parse("2026-06-29").value()), *view.todayX());
    EXPECT_NE(text.find("today 2026-06-15"), std::string::npos);
    for (const char* year : {"[2026]", "[2027]", "[2028]", "[2029]"})
        EXPECT_NE(text.find(year), std::string::npos) << year;

    // Zoomed in and scrolled: 30 days at 4 px/day put today 120 px into the chart.
    view.setZoom(4.0f);
    view.scrollTo(demoToday().addDays(-30));
    text = frames(2, [&] { view.draw(app.context()); });
    ASSERT_TRUE(view.todayX().has_value());
    EXPECT_NEAR(*view.todayX() - view.xOf(demoToday().addDays(-30)), 120.0f, 0.01f);
    // Scrolled past today: no marker.
    view.scrollTo(demoToday().addDays(400));
    frames(2, [&] { view.draw(app.context()); });
    EXPECT_FALSE(view.todayX().has_value());

    // The warnings beneath, each with its kind.
    ASSERT_FALSE(t.warnings.empty());
    EXPECT_NE(text.find("Warnings (" + std::to_string(t.warnings.size()) + ")"), std::string::npos);
    for (const auto& w : t.warnings) EXPECT_NE(text.find(w.message), std::string::npos) << w.message;
}

TEST_F(GuiWorkbench, FrameworksViewListsRejectedPluginsWithTheirReasons) {
    AppOptions o = demoOptions();
    o.plugins = {cw::test::testPluginDir()};
    App app(o);
    capturing(app);
    auto& view = viewOf<FrameworksView>(app, "frameworks");
    view.showRejected();
    const std::string text = frames(3, [&] { view.draw(app.context()); });
    const auto& rejected = app.facade().rejectedPlugins();
    ASSERT_FALSE(rejected.empty());
    bool abi = false;
    for (const auto& r : rejected) {
        ASSERT_FALSE(r.problems.empty()) << r.file;
        EXPECT_NE(text.find(fs::path(r.file).filename().string()), std::string::npos) << r.file;
        for (const auto& p : r.problems) EXPECT_NE(text.find(p), std::string::npos) << p;
        abi = abi || r.file.find("wrong_abi_major") != std::string::npos;
    }
    EXPECT_TRUE(abi) << "the plugin built for another ABI major is among them";
    EXPECT_LT(rejected.size(), app.facade().pluginFilesSeen()) << "the good test plugins loaded";
}

TEST_F(GuiWorkbench, HeatMapDrawsOnlyTheVisibleCellsButLogsThemAll) {
    App app(demoOptions());
    auto& overlap = viewOf<OverlapView>(app, "overlap");
    const auto vertices = [&](ImVec2 size) {
        app.context().pinned = true;
        app.context().pinnedPos = ImVec2(0.0f, 0.0f);
        app.context().pinnedSize = size;
        frames(3, [&] { overlap.draw(app.context()); });
        return ImGui::GetDrawData()->TotalVtxCount;
    };
    const int large = vertices(ImVec2(1500.0f, 980.0f));
    const int small = vertices(ImVec2(420.0f, 300.0f));
    // Unclipped, the small window still drew all 81 cells (about a third of the large
    // window's vertices); clipped, it draws the few cells it shows.
    EXPECT_LT(small * 6, large) << "a small window draws a fraction of the cells: " << small << " vs " << large;
    // The log still holds every row and cell.
    capturing(app);
    const std::string text = frames(2, [&] { overlap.draw(app.context()); });
    const OverlapMatrix& m = app.facade().overlap(2);
    for (const auto& f : m.frameworks) {
        const auto row = linesWith(text, f + " ");
        ASSERT_FALSE(row.empty()) << f;
    }
    const std::string cell = OverlapView::cellText(m.cells[0][m.frameworks.size() - 1]);
    EXPECT_NE(text.find(cell), std::string::npos);
}

TEST_F(GuiWorkbench, EveryViewOnTheDemoStaysBalancedAndFast) {
    App app(demoOptions());
    capturing(app);
    for (const auto& v : app.views()) v->setOpen(true);
    app.context().selectControl("iso27001-2022:A.5.15");
    if (auto* evidence = dynamic_cast<EvidenceView*>(app.view("evidence"))) evidence->select("EV-101");
    frames(3, [&] { app.frame(); });  // the first frames read every section and load the plugins
    constexpr int kFrames = 30;
    const auto start = std::chrono::steady_clock::now();
    frames(kFrames, [&] { app.frame(); });
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kFrames;
    RecordProperty("frame_ms", std::to_string(ms));
    std::cout << "[ frame    ] all views open, demo organization: " << ms << " ms per frame (CPU, no GL)\n";
    EXPECT_LT(ms, 50.0);
    EXPECT_TRUE(app.notices().items().empty() || app.notices().items().back().level != Notices::Level::Error)
        << app.notices().items().back().text;
}

}  // namespace
}  // namespace cw::gui
