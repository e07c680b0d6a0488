// Shared by the headless GUI suites: an ImGui context with a built font atlas and no
// window, frames whose drawn text is read back through ImGui's log, balanced-stack
// checks, and the workspaces the views are drawn on (made by the real CLI, once per
// test binary): the one `crosswalk init` makes, and the demo organization.
#pragma once

#include "app.hpp"
#include "facade.hpp"
#include "style.hpp"

#include "test_support.hpp"

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/model/date.hpp>
#include <crosswalk/store/workspace.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cw::gui::test {

namespace fs = std::filesystem;
using cw::test::ScratchDir;

inline constexpr int kKeyBase = 300;  // io.KeysDown slots for ImGuiKey_* (letters keep their ASCII codes)
inline constexpr int kEnterKey = kKeyBase + ImGuiKey_Enter;

/// One workspace for the whole suite, made the way a user makes it (`crosswalk init`).
class Demo {
public:
    static Demo& get() {
        static Demo demo;
        return demo;
    }
    [[nodiscard]] fs::path db() const { return m_dir / "w.db"; }
    [[nodiscard]] const fs::path& dir() const { return m_dir.path(); }

private:
    Demo() {
        const auto r =
            cw::test::run("env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH " + cw::test::shellQuote(CW_CLI) +
                          " --db " + cw::test::shellQuote(db().string()) + " init >/dev/null");
        if (r.exitCode != 0) ADD_FAILURE() << "crosswalk init failed: " << r.err;
    }
    ScratchDir m_dir;
};

/// The day the demo is built around and judged at: what the views show does not move
/// with the calendar.
inline constexpr const char* kDemoToday = "2026-06-15";
inline Date demoToday() {
    return Date::parse(kDemoToday).value();
}

/// The demo organization (`crosswalk demo --today 2026-06-15`), made once per test binary
/// with the build's plugins and the source tree's packs. Tests that edit copy it first.
class DemoWorkspace {
public:
    static DemoWorkspace& get() {
        static DemoWorkspace demo;
        return demo;
    }
    [[nodiscard]] fs::path db() const { return m_dir / "demo.db"; }
    /// A private copy for a test that writes.
    [[nodiscard]] fs::path copyTo(const ScratchDir& dir) const {
        const fs::path file = dir / "demo.db";
        fs::copy_file(db(), file);
        return file;
    }

private:
    DemoWorkspace() {
        const auto r =
            cw::test::run("env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH " + cw::test::shellQuote(CW_CLI) +
                          " --db " + cw::test::shellQuote(db().string()) + " --no-default-plugins --plugins " +
                          cw::test::shellQuote(cw::test::buildPluginDir().string()) + " --packs " +
                          cw::test::shellQuote((cw::test::sourceDir() / "mappings").string()) + " demo --today " +
                          kDemoToday + " >/dev/null");
        if (r.exitCode != 0) ADD_FAILURE() << "crosswalk demo failed: " << r.err;
    }
    ScratchDir m_dir;
};

/// An ImGui context with a built font atlas and nothing else.
class GuiViews : public ::testing::Test {
protected:
    void SetUp() override {
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1600.0f, 1000.0f);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.SetClipboardTextFn = &GuiViews::collect;
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = kKeyBase + k;
        buildFonts(1.0f);
        applyStyle(1.0f);
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ASSERT_NE(pixels, nullptr);
        ASSERT_TRUE(fs::exists(Demo::get().db()));
    }
    void TearDown() override { ImGui::DestroyContext(m_context); }

    /// Runs one frame around `body`; returns the text the views drew (ImGui's log of each
    /// view window, handed over through the clipboard callback when the window ends).
    static std::string frame(const std::function<void()>& body) {
        s_text.clear();
        ImGui::NewFrame();
        body();
        expectBalanced();
        ImGui::Render();
        return s_text;
    }
    static void collect(void*, const char* text) { s_text += text; }
    static inline std::string s_text;

    static std::string frames(int n, const std::function<void()>& body) {
        std::string last;
        for (int i = 0; i < n; ++i) last = frame(body);
        return last;
    }

    /// Every Begin/Push/Tree/Table the views opened is closed again.
    static void expectBalanced() {
        const ImGuiContext& g = *ImGui::GetCurrentContext();
        EXPECT_EQ(g.CurrentWindowStack.Size, 1);  // only ImGui's implicit "Debug" window
        ASSERT_NE(g.CurrentWindow, nullptr);
        EXPECT_EQ(g.CurrentWindow->IDStack.Size, 1);
        EXPECT_EQ(g.CurrentWindow->DC.TreeDepth, 0);
        EXPECT_EQ(g.ColorStack.Size, 0);
        EXPECT_EQ(g.StyleVarStack.Size, 0);
        EXPECT_EQ(g.FontStack.Size, 0);
        EXPECT_EQ(g.GroupStack.Size, 0);
        EXPECT_EQ(g.BeginPopupStack.Size, 0);
        EXPECT_EQ(g.CurrentTable, nullptr);
    }

    static AppOptions options() {
        AppOptions o;
        o.db = Demo::get().db();
        o.persist = false;
        return o;
    }
    /// The demo workspace judged at kDemoToday, the build's plugins for readiness checks.
    static AppOptions demoOptions(const fs::path& db = DemoWorkspace::get().db()) {
        AppOptions o;
        o.db = db;
        o.persist = false;
        o.today = demoToday();
        o.plugins = {cw::test::buildPluginDir()};
        return o;
    }
    static App& capturing(App& app) {
        app.context().captureText = true;
        return app;
    }

    template <typename T>
    static T& viewOf(App& app, std::string_view id) {
        auto* v = dynamic_cast<T*>(app.view(id));
        if (v == nullptr) throw std::runtime_error("no view " + std::string(id));
        return *v;
    }

    /// The graph the CLI would build, to compare the facade against.
    static CrosswalkGraph graph() {
        auto ws = Workspace::open(Demo::get().db(), Workspace::OpenMode::MustExist);
        EXPECT_TRUE(ws.has_value());
        return CrosswalkGraph(ws->graph().value());
    }

    static int indexOf(const std::vector<std::string>& v, const std::string& s) {
        const auto it = std::find(v.begin(), v.end(), s);
        return it == v.end() ? -1 : static_cast<int>(it - v.begin());
    }

    /// The lines of a frame's text that contain `needle`.
    static std::vector<std::string> linesWith(const std::string& text, std::string_view needle) {
        std::vector<std::string> out;
        for (std::size_t pos = 0; pos < text.size();) {
            const std::size_t end = std::min(text.find('\n', pos), text.size());
            const std::string line = text.substr(pos, end - pos);
            if (line.find(needle) != std::string::npos) out.push_back(line);
            pos = end + 1;
        }
        return out;
    }

private:
    ImGuiContext* m_context = nullptr;
};

}  // namespace cw::gui::test
