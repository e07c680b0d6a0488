// GUI frame time: the shell with every view open, drawn headless as the
// GuiViews tests do it (an ImGui context with a built font atlas, NewFrame, frame,
// Render; no window, no GL), so the figures are CPU time per frame. The first frame
// builds the facade's caches and is reported apart, as first_frame_ms.
//
//   gui/frame_demo        every view on the demo workspace (`crosswalk demo`)
//   gui/frame_synthetic   every view on the benchmark's synthetic workspace
//   gui/overlap_200       the overlap view alone on a 200-framework synthetic workspace:
//                         a 200 x 200 heat map, of which a window shows a corner
#include "bench_gui.hpp"

#include "app.hpp"
#include "style.hpp"
#include "synthetic.hpp"

#include <crosswalk/workbench/init.hpp>

#include <benchmark/benchmark.h>
#include <imgui.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

namespace cw::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

GuiBenchSetup g_setup;

double millis(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

/// The day the demo is built around and the GUI judges it at: the figures do not move
/// with the calendar.
constexpr const char* kDemoToday = "2026-06-15";

void removeWorkspaceFile(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix, ec);
}

/// The demo workspace, made the way a user makes it: the real CLI's `demo` (the built
/// plugins, the shipped packs, the demo organization). Made once per run.
cw::Result<fs::path> demoWorkspace() {
    static std::optional<cw::Result<fs::path>> made;
    if (made) return *made;
    const fs::path file = g_setup.workdir / "gui-demo.cwdb";
    removeWorkspaceFile(file);
    const std::string command = "env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH " + shellQuote(CW_BENCH_CLI) +
                                " --db " + shellQuote(file.string()) + " demo --today " + kDemoToday + " >/dev/null";
    if (std::system(command.c_str()) != 0) {
        made = cw::Result<fs::path>(cw::Error::internal("crosswalk demo failed: " + command));
    } else {
        made = cw::Result<fs::path>(file);
    }
    return *made;
}

/// 200 synthetic frameworks with a few controls each: enough for a 200 x 200 overlap
/// matrix without the full synthetic workspace's million mappings.
cw::Result<fs::path> heatMapWorkspace() {
    static std::optional<cw::Result<fs::path>> made;
    if (made) return *made;
    const fs::path file = g_setup.workdir / "gui-heatmap-200.cwdb";
    removeWorkspaceFile(file);
    made = [&]() -> cw::Result<fs::path> {
        cw::bench::SyntheticSpec spec;
        spec.name = "heatmap-200";
        spec.frameworks = 200;
        spec.controlsPerFramework = 12;
        spec.mappings = 6000;
        const auto data = cw::bench::generate(spec);
        auto ws = cw::Workspace::open(file, cw::Workspace::OpenMode::CreateIfMissing);
        if (!ws) return ws.error();
        for (const auto& plugin : data.plugins) {
            if (auto r = syncPlugin(*ws, plugin); !r) return r.error();
        }
        for (const auto& pack : data.packs) {
            if (auto r = ws->importPack(pack, cw::bench::packOrigin(pack), cw::bench::packSha256(pack)); !r) {
                return r.error();
            }
        }
        return file;
    }();
    return *made;
}

/// An ImGui context with a built font atlas and nothing else, as in the GuiViews tests.
class HeadlessImGui {
public:
    HeadlessImGui() : m_context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1600.0f, 1000.0f);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        // As the OpenGL3 backend declares (GL >= 3.2): draw lists past 64k vertices are
        // split with VtxOffset rather than asserting on 16-bit indices.
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        cw::gui::buildFonts(1.0f);
        cw::gui::applyStyle(1.0f);
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(m_context); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

private:
    ImGuiContext* m_context;
};

void drawFrame(cw::gui::App& app) {
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
}

/// `preferred` when the workspace has it, else the first control of the first
/// framework that is not the hub: something for the control view to show.
std::string controlToSelect(cw::gui::Facade& facade, const std::string& preferred) {
    if (!preferred.empty() && facade.control(preferred)) return preferred;
    for (const auto& f : facade.frameworks()) {
        if (f.id == cw::gui::Facade::hub()) continue;
        const auto controls = facade.controls(f.id);
        if (controls && !(*controls)->empty()) return f.id + ":" + (*controls)->front().ref;
    }
    return {};
}

/// Which views a case opens: all of them, or one alone.
void frames(benchmark::State& state, const cw::Result<fs::path>& file, const std::string& preferred,
            const std::string& only = {}) {
    if (!file) {
        state.SkipWithError(file.error().message.c_str());
        return;
    }
    HeadlessImGui imgui;
    cw::gui::AppOptions options;
    options.db = *file;
    options.persist = false;
    options.today = cw::Date::parse(kDemoToday).value();
    options.plugins = {fs::path(CW_BENCH_PLUGIN_DIR)};
    auto app = std::make_unique<cw::gui::App>(options);
    if (!app->facade().isOpen()) {
        std::string why = "the GUI could not open " + file->string();
        for (const auto& n : app->notices().items()) why += "; " + n.text;
        state.SkipWithError(why.c_str());
        return;
    }
    for (const auto& v : app->views()) v->setOpen(only.empty() || v->id() == only);
    const std::string control = controlToSelect(app->facade(), preferred);
    if (!control.empty()) app->context().selectControl(control);

    // The first frame computes and caches (controls, overlap, ...); the second still
    // settles window sizes. Neither is in the per-frame figure.
    const auto start = Clock::now();
    drawFrame(*app);
    const auto first = Clock::now();
    drawFrame(*app);
    const auto second = Clock::now();

    for (auto _ : state) drawFrame(*app);

    state.counters["first_frame_ms"] = millis(start, first);
    state.counters["second_frame_ms"] = millis(first, second);
    state.counters["frameworks"] = double(app->facade().frameworks().size());
    state.counters["views"] = double(app->views().size());
    if (const ImDrawData* drawn = ImGui::GetDrawData(); drawn != nullptr) {
        state.counters["vertices"] = double(drawn->TotalVtxCount);
    }
    state.SetLabel(control.empty() ? "no control selected" : control);
    app.reset();  // before the ImGui context goes
}

void frameDemo(benchmark::State& state) {
    frames(state, demoWorkspace(), "iso27001-2022:A.5.15");
}

void frameSynthetic(benchmark::State& state) {
    const auto file =
        g_setup.synthetic ? g_setup.synthetic() : cw::Result<fs::path>(cw::Error::internal("no synthetic"));
    frames(state, file, "");
}

void overlap200(benchmark::State& state) {
    frames(state, heatMapWorkspace(), "", "overlap");
}

}  // namespace

void registerGuiBenchmarks(GuiBenchSetup setup) {
    g_setup = std::move(setup);
    benchmark::RegisterBenchmark("gui/frame_demo", frameDemo)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("gui/frame_synthetic", frameSynthetic)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("gui/overlap_200", overlap200)->Unit(benchmark::kMillisecond);
}

}  // namespace cw::bench
