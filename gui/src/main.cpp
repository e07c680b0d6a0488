// crosswalk-gui: the empty shell. Parses the command line, makes the window,
// hands frames to the App and, with --screenshot, writes the last one as PNG.
#include "app.hpp"
#include "platform.hpp"
#include "png.hpp"
#include "style.hpp"

#include <crosswalk/io/paths.hpp>

#include <imgui.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <vector>

int main(int argc, char** argv) {
    CLI::App cli{"Crosswalk desktop workbench", "crosswalk-gui"};
    std::string db;
    std::string view;
    std::string control;
    std::string screenshot;
    int frames = 0;
    float scale = 0.0f;
    std::string today;
    std::vector<std::string> plugins;
    cli.add_option("--db", db, "Workspace file (default: the last one, else $XDG_DATA_HOME/crosswalk/workspace.db)");
    cli.add_option("--view", view,
                   "Open and focus this view: frameworks, catalog, control, overlap, evidence, readiness, soa, risks, "
                   "audits, timeline, search");
    cli.add_option("--control", control, "Select this control (framework:ref) in the control view");
    cli.add_option("--screenshot", screenshot, "Render the view alone at 1280x800 and write the last frame as PNG");
    cli.add_option("--frames", frames, "Exit after N frames (default with --screenshot: 3)")
        ->check(CLI::NonNegativeNumber);
    cli.add_option("--scale", scale, "Interface scale (DPI), overrides the setting")->check(CLI::Range(0.5f, 4.0f));
    cli.add_option("--today", today,
                   "Judge freshness, readiness and the timeline at this day (YYYY-MM-DD; default: today)");
    cli.add_option("--plugins", plugins,
                   "Plugin folder or file for readiness checks (repeatable; default: the usual search path)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "crosswalk-gui: " << e.what() << '\n';
        return 2;
    }

    std::optional<cw::Date> todayDate;
    if (!today.empty()) {
        auto parsed = cw::Date::parse(today, "--today");
        if (!parsed) {
            std::cerr << "crosswalk-gui: " << parsed.error().message << '\n';
            return 2;
        }
        todayDate = *parsed;
    }
    const bool shooting = !screenshot.empty();
    if (shooting && frames == 0) frames = 3;

    cw::gui::WindowOptions window;
    if (shooting) {
        window.width = 1280;
        window.height = 800;
        window.resizable = false;
        window.ignoreMouse = true;
    }
    std::string error;
    auto platform = cw::gui::Platform::create(window, error);
    if (!platform) {
        std::cerr << "crosswalk-gui: " << error << '\n';
        return 1;
    }

    cw::gui::AppOptions options;
    if (!db.empty()) options.db = db;
    options.view = shooting && view.empty() ? "overlap" : view;
    options.control = control;
    if (scale > 0.0f) options.scale = scale;
    options.solo = shooting;
    options.persist = !shooting;  // a screenshot never reads nor rewrites the user's settings
    options.defaultWorkspace = cw::defaultWorkspacePath();
    options.today = todayDate;
    for (const auto& p : plugins) options.plugins.emplace_back(p);
    cw::gui::App app(options);
    if (shooting) {
        // Scripts want a failure they can see, not a notice in a picture.
        if (!app.facade().isOpen() || app.view(options.view) == nullptr) {
            for (const auto& n : app.notices().items()) std::cerr << "crosswalk-gui: " << n.text << '\n';
            if (app.notices().items().empty()) std::cerr << "crosswalk-gui: no workspace to show\n";
            return 2;
        }
    }
    app.setSearchKey(cw::gui::Platform::letterKey('F'));
    cw::gui::buildFonts(app.scale());
    cw::gui::applyStyle(app.scale());

    bool wrote = true;
    cw::gui::FrameLoop loop;
    loop.maxFrames = frames;
    loop.beforeFrame = [&] {
        if (!app.takeFontRebuild()) return;
        cw::gui::buildFonts(app.scale());
        cw::gui::applyStyle(app.scale());
        platform->reloadFontTexture();
    };
    loop.frame = [&] {
        app.frame();
        return !app.quitRequested();
    };
    if (shooting) {
        loop.capture = [&](const cw::gui::Image& image) {
            if (!cw::gui::writePng(screenshot, image, error)) {
                std::cerr << "crosswalk-gui: " << error << '\n';
                wrote = false;
            }
        };
    }
    platform->run(loop);
    app.saveSettings();
    return wrote ? 0 : 1;
}
