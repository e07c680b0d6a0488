// GuiViews ImGui tests: no window, no GL. Each view is drawn for a few frames on a
// workspace made by the real `crosswalk init`; the assertions read what it drew
// (ImGui's text log) and its view-model, and check that every ID, window, style,
// tree and table stack is balanced after each frame.
#include "app.hpp"
#include "facade.hpp"
#include "png.hpp"
#include "style.hpp"
#include "views/view_catalog.hpp"
#include "views/view_control.hpp"
#include "views/view_file_dialog.hpp"
#include "views/view_frameworks.hpp"
#include "views/view_overlap.hpp"
#include "views/view_search.hpp"

#include "gui_fixture.hpp"
#include "test_support.hpp"

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/store/workspace.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <set>

namespace cw::gui {
namespace {

using test::Demo;
using test::GuiViews;
using test::kEnterKey;
namespace fs = std::filesystem;
using cw::test::ScratchDir;

TEST_F(GuiViews, OverlapCellMatchesTheGraphAndTheHeatMapDrawsIt) {
    App app(options());
    capturing(app);
    ASSERT_TRUE(app.facade().isOpen());
    auto& overlap = viewOf<OverlapView>(app, "overlap");
    const std::string text = frames(3, [&] { overlap.draw(app.context()); });

    const OverlapMatrix& m = app.facade().overlap(2);
    const int iso = indexOf(m.frameworks, "iso27001-2022");
    const int soc2 = indexOf(m.frameworks, "soc2-2017");
    ASSERT_EQ(iso, 0) << "the hub comes first";
    ASSERT_GE(soc2, 0);
    const auto expected = graph().overlap(m.frameworks, 2);
    const Coverage& c = expected[static_cast<std::size_t>(iso)][static_cast<std::size_t>(soc2)];
    const Coverage& cell = m.cells[static_cast<std::size_t>(iso)][static_cast<std::size_t>(soc2)];
    EXPECT_EQ(cell.total, c.total);
    EXPECT_EQ(cell.full, c.full);
    EXPECT_EQ(cell.partial, c.partial);
    EXPECT_EQ(cell.none, c.none);
    EXPECT_EQ(cell.directFull, c.directFull);
    EXPECT_EQ(cell.possiblyRelated, c.possiblyRelated);
    EXPECT_GT(cell.total, 0);

    // The heat map's log holds one line per row: the row framework, then each cell's text.
    char want[32];
    std::snprintf(want, sizeof want, "%.0f%%/%.0f%%", c.fullShare() * 100.0, c.anyShare() * 100.0);
    EXPECT_EQ(OverlapView::cellText(cell), want);
    std::string isoRow;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string line = text.substr(pos, end - pos);
        if (isoRow.empty() && line.rfind("iso27001-2022 ", 0) == 0) isoRow = line;
        pos = end + 1;
    }
    ASSERT_FALSE(isoRow.empty()) << text;
    // Cells are right-aligned in 16 characters: column soc2 is field number soc2 (0 = label).
    const std::size_t at = 18 + static_cast<std::size_t>(soc2) * 16;
    ASSERT_GE(isoRow.size(), at + 16) << isoRow;
    std::string field = isoRow.substr(at, 16);
    field.erase(0, field.find_first_not_of(' '));
    EXPECT_EQ(field, want) << isoRow;
    EXPECT_NE(text.find("covers ->"), std::string::npos);
}

TEST_F(GuiViews, ClickedCellListsTheRequirementsBehindIt) {
    App app(options());
    capturing(app);
    auto& overlap = viewOf<OverlapView>(app, "overlap");
    const OverlapMatrix& m = app.facade().overlap(2);
    const int iso = indexOf(m.frameworks, "iso27001-2022");
    const int pci = indexOf(m.frameworks, "pci-dss-4.0.1");
    overlap.selectCell(iso, pci);
    const std::string text = frames(2, [&] { overlap.draw(app.context()); });
    const Coverage& cell = m.cells[static_cast<std::size_t>(iso)][static_cast<std::size_t>(pci)];
    const auto& rows = overlap.cellRows();
    ASSERT_EQ(static_cast<std::int64_t>(rows.size()), cell.total);
    std::int64_t full = 0;
    std::int64_t partial = 0;
    for (const auto& r : rows) {
        full += r.level == CoverageLevel::Full ? 1 : 0;
        partial += r.level == CoverageLevel::Partial ? 1 : 0;
        EXPECT_EQ(r.control.rfind("pci-dss-4.0.1:", 0), 0u);
        if (r.level != CoverageLevel::None) {
            EXPECT_EQ(r.coveredBy.rfind("iso27001-2022:", 0), 0u) << r.control;
        }
    }
    EXPECT_EQ(full, cell.full);
    EXPECT_EQ(partial, cell.partial);
    EXPECT_NE(text.find("iso27001-2022 covers pci-dss-4.0.1:"), std::string::npos);
    EXPECT_NE(text.find(rows.front().control), std::string::npos) << "the first row is drawn";
}

TEST_F(GuiViews, SharedSetsAndMarginalCostMatchTheGraph) {
    App app(options());
    capturing(app);
    auto& overlap = viewOf<OverlapView>(app, "overlap");
    const OverlapMatrix& m = app.facade().overlap(2);
    const CrosswalkGraph g = graph();

    overlap.setTab(OverlapView::Tab::SharedSets);
    std::string text = frames(3, [&] { overlap.draw(app.context()); });
    const auto sets = g.sharedSets("iso27001-2022", m.frameworks);
    ASSERT_EQ(overlap.sharedSets().size(), sets.size());
    ASSERT_FALSE(sets.empty());
    EXPECT_EQ(overlap.sharedSets().front().requirements, sets.front().requirements);
    EXPECT_NE(text.find("Set (besides the hub)"), std::string::npos);

    overlap.setTab(OverlapView::Tab::Marginal);
    overlap.setMarginal({"iso27001-2022", "soc2-2017"}, "pci-dss-4.0.1");
    text = frames(3, [&] { overlap.draw(app.context()); });
    const Marginal want = g.marginal({"iso27001-2022", "soc2-2017"}, "pci-dss-4.0.1", 2);
    const Marginal& got = overlap.marginal();
    EXPECT_EQ(got.total, want.total);
    EXPECT_EQ(got.full, want.full);
    EXPECT_EQ(got.partial, want.partial);
    EXPECT_EQ(got.none, want.none);
    EXPECT_NE(text.find(std::to_string(want.full) + " full"), std::string::npos) << text;
    EXPECT_NE(text.find(std::to_string(want.partial + want.none) + " of " + std::to_string(want.total)),
              std::string::npos);
}

TEST_F(GuiViews, CatalogShowsEveryControlOfIso27001AndFilters) {
    App app(options());
    capturing(app);
    auto& catalog = viewOf<CatalogView>(app, "catalog");
    catalog.selectFramework("iso27001-2022");
    catalog.setTreeMode(false);
    std::string text = frames(2, [&] { catalog.draw(app.context()); });
    const FrameworkInfo* iso = app.facade().framework("iso27001-2022");
    ASSERT_NE(iso, nullptr);
    EXPECT_EQ(static_cast<std::int64_t>(catalog.rowCount()), iso->controls);
    EXPECT_EQ(catalog.rowCount(), 139u);
    EXPECT_NE(text.find("139 of 139"), std::string::npos);

    catalog.setAssessableOnly(true);
    frames(2, [&] { catalog.draw(app.context()); });
    EXPECT_EQ(static_cast<std::int64_t>(catalog.rowCount()), iso->assessable);

    catalog.setAssessableOnly(false);
    catalog.setFilter("secure authentication");
    text = frames(2, [&] { catalog.draw(app.context()); });
    EXPECT_EQ(catalog.rowCount(), 1u);
    EXPECT_NE(text.find("A.8.5"), std::string::npos);

    // Tree mode keeps the ancestors of a match and opens them.
    catalog.setTreeMode(true);
    text = frames(2, [&] { catalog.draw(app.context()); });
    EXPECT_NE(text.find("A.8.5  Secure authentication"), std::string::npos) << text;
    EXPECT_NE(text.find("A.8  "), std::string::npos) << text;

    // Attribute filter: ISO's Annex A theme.
    catalog.setFilter({});
    catalog.setAttributeFilter("theme", "technological");
    frames(2, [&] { catalog.draw(app.context()); });
    const auto controls = app.facade().controls("iso27001-2022");
    ASSERT_TRUE(controls.has_value());
    std::size_t technological = 0;
    for (const auto& c : **controls) {
        for (const auto& [k, v] : c.attributes) technological += (k == "theme" && v == "technological") ? 1u : 0u;
    }
    EXPECT_GT(technological, 0u);
    EXPECT_EQ(catalog.rowCount(), technological);
}

TEST_F(GuiViews, CrosswalkOfPci842ListsIsoA85) {
    App app(options());
    capturing(app);
    auto& control = viewOf<ControlView>(app, "control");
    app.context().selectControl("pci-dss-4.0.1:8.4.2");
    const std::string text = frames(3, [&] { control.draw(app.context()); });
    ASSERT_TRUE(control.control().has_value());
    EXPECT_EQ(control.control()->title, "MFA for all access into the CDE");
    const auto& related = control.related();
    const auto it = std::find_if(related.begin(), related.end(),
                                 [](const Related& r) { return r.control == "iso27001-2022:A.8.5"; });
    ASSERT_NE(it, related.end());
    EXPECT_EQ(it->relationship, Relationship::SubsetOf);
    EXPECT_TRUE(it->direct);
    EXPECT_NE(text.find("iso27001-2022:A.8.5"), std::string::npos) << text;
    EXPECT_NE(text.find("Secure authentication"), std::string::npos);
    EXPECT_NE(text.find("Possibly related"), std::string::npos) << "listed apart";
}

TEST_F(GuiViews, InferredRelationsCarryTheirPath) {
    App app(options());
    capturing(app);
    auto& control = viewOf<ControlView>(app, "control");
    app.context().selectControl("iso27001-2022:A.8.5");
    const std::string text = frames(3, [&] { control.draw(app.context()); });
    bool sawInferred = false;
    for (const auto& r : control.related()) {
        if (r.direct || !r.relationship) continue;
        sawInferred = true;
        ASSERT_GE(r.path.size(), 2u) << r.control;
        EXPECT_EQ(r.path.front().from, "iso27001-2022:A.8.5");
        EXPECT_EQ(r.path.back().to, r.control);
    }
    EXPECT_TRUE(sawInferred);
    EXPECT_NE(text.find("hop 1"), std::string::npos) << "the first inferred path is explained";
}

TEST_F(GuiViews, FrameworksViewShowsCountsPluginsAndPacks) {
    App app(options());
    capturing(app);
    auto& view = viewOf<FrameworksView>(app, "frameworks");
    std::string text = frames(2, [&] { view.draw(app.context()); });
    EXPECT_NE(text.find("iso27001-2022"), std::string::npos);
    EXPECT_NE(text.find("139 (123)"), std::string::npos) << text;
    EXPECT_EQ(app.facade().packs().size(), 13u);
    EXPECT_GE(app.facade().plugins().size(), 9u);
}

TEST_F(GuiViews, SearchFindsRefsAndTitlesAcrossFrameworks) {
    App app(options());
    capturing(app);
    const auto hits = app.facade().search("8.4.2", 50);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().fullRef, "pci-dss-4.0.1:8.4.2");
    std::set<std::string> frameworks;
    for (const auto& h : app.facade().search("authentication", 500)) frameworks.insert(h.framework);
    EXPECT_GE(frameworks.size(), 3u);
}

TEST_F(GuiViews, CtrlFFocusesTheSearchAndEnterOpensTheFirstHit) {
    App app(options());
    capturing(app);
    ImGuiIO& io = ImGui::GetIO();
    frames(2, [&] { app.frame(); });
    EXPECT_FALSE(io.WantTextInput);
    io.KeyCtrl = true;
    io.KeysDown['F'] = true;
    frame([&] { app.frame(); });
    io.KeyCtrl = false;
    io.KeysDown['F'] = false;
    frames(2, [&] { app.frame(); });  // the focus request lands, then the box reports it wants text
    EXPECT_TRUE(io.WantTextInput) << "Ctrl+F focuses the search box";
    io.AddInputCharactersUTF8("pci-dss-4.0.1:8.4.2");
    frames(2, [&] { app.frame(); });
    EXPECT_EQ(app.searchQuery(), "pci-dss-4.0.1:8.4.2");
    ASSERT_TRUE(app.view("search")->isOpen());
    const auto& hits = viewOf<SearchView>(app, "search").hits();
    ASSERT_FALSE(hits.empty());
    io.KeysDown[kEnterKey] = true;
    frame([&] { app.frame(); });
    io.KeysDown[kEnterKey] = false;
    frame([&] { app.frame(); });
    EXPECT_EQ(app.context().selectedControl, "pci-dss-4.0.1:8.4.2");
}

TEST_F(GuiViews, FileDialogListsWorkspaces) {
    App app(options());
    capturing(app);
    auto& dialog = viewOf<FileDialogView>(app, "file_dialog");
    dialog.setOpen(true);
    dialog.setDirectory(Demo::get().dir());
    const std::string text = frames(2, [&] { dialog.draw(app.context()); });
    bool found = false;
    for (const auto& e : dialog.entries()) found = found || (e.name == "w.db" && !e.directory);
    EXPECT_TRUE(found);
    EXPECT_NE(text.find("w.db"), std::string::npos);
}

TEST_F(GuiViews, BadWorkspaceIsANoticeNotAModal) {
    ScratchDir scratch;
    AppOptions o = options();
    o.db = scratch / "missing.db";
    App app(o);
    capturing(app);
    EXPECT_FALSE(app.facade().isOpen());
    ASSERT_FALSE(app.notices().items().empty());
    EXPECT_EQ(app.notices().items().front().level, Notices::Level::Error);
    const std::string text = frames(3, [&] { app.frame(); });
    EXPECT_EQ(ImGui::GetCurrentContext()->OpenPopupStack.Size, 0);
    EXPECT_TRUE(app.view("file_dialog")->isOpen()) << "offers to open another";
    EXPECT_NE(app.notices().items().front().text.find("missing.db"), std::string::npos);
    EXPECT_NE(text.find("Open workspace"), std::string::npos) << text;
}

TEST_F(GuiViews, SettingsPersistWorkspaceViewsAndScale) {
    ScratchDir scratch;
    {
        AppOptions o = options();
        o.persist = true;
        o.configDir = scratch.path();
        o.scale = 1.5f;
        App app(o);
        app.view("frameworks")->setOpen(false);
        frames(2, [&] { app.frame(); });
        app.saveSettings();
    }
    std::string error;
    const Settings s = loadSettings(scratch / "gui.json", error);
    EXPECT_TRUE(error.empty()) << error;
    EXPECT_EQ(fs::path(s.lastWorkspace), fs::absolute(Demo::get().db()).lexically_normal());
    EXPECT_FLOAT_EQ(s.scale, 1.5f);
    EXPECT_EQ(std::count(s.openViews.begin(), s.openViews.end(), "frameworks"), 0);
    EXPECT_EQ(std::count(s.openViews.begin(), s.openViews.end(), "overlap"), 1);
    EXPECT_TRUE(fs::exists(scratch / "imgui.ini"));

    AppOptions again;
    again.configDir = scratch.path();
    App app(again);  // no --db: the last workspace
    EXPECT_TRUE(app.facade().isOpen());
    EXPECT_FALSE(app.view("frameworks")->isOpen());
    EXPECT_FLOAT_EQ(app.scale(), 1.5f);
}

TEST_F(GuiViews, WholeShellStaysBalancedAndFast) {
    App app(options());
    capturing(app);
    for (const auto& v : app.views()) v->setOpen(true);
    app.context().selectControl("iso27001-2022:A.5.15");
    frames(3, [&] { app.frame(); });  // first frames compute and cache
    constexpr int kFrames = 60;
    const auto start = std::chrono::steady_clock::now();
    frames(kFrames, [&] { app.frame(); });
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kFrames;
    RecordProperty("frame_ms", std::to_string(ms));
    std::cout << "[ frame    ] all views open, demo workspace: " << ms << " ms per frame (CPU, no GL)\n";
    EXPECT_LT(ms, 50.0);
}

TEST(GuiPng, WritesWhatItIsGiven) {
    ScratchDir scratch;
    Image image;
    image.width = 4;
    image.height = 2;
    for (int i = 0; i < 8; ++i) {
        image.rgb.push_back(static_cast<std::uint8_t>(i * 30));
        image.rgb.push_back(static_cast<std::uint8_t>(255 - i * 30));
        image.rgb.push_back(7);
    }
    std::string error;
    ASSERT_TRUE(writePng(scratch / "x.png", image, error)) << error;
    int w = 0;
    int h = 0;
    int channels = 0;
    unsigned char* pixels = stbi_load((scratch / "x.png").c_str(), &w, &h, &channels, 3);
    ASSERT_NE(pixels, nullptr);
    EXPECT_EQ(w, 4);
    EXPECT_EQ(h, 2);
    EXPECT_TRUE(std::equal(image.rgb.begin(), image.rgb.end(), pixels));
    stbi_image_free(pixels);
    EXPECT_FALSE(writePng(scratch / "y.png", Image{}, error));
}

}  // namespace
}  // namespace cw::gui
