// crosswalk-gui: for now a single window listing the workspace's frameworks
// (the full workbench arrives with the GUI issue). Reads only through libcrosswalk.
#include "platform.hpp"

#include <crosswalk/core/paths.hpp>
#include <crosswalk/core/workspace.hpp>

#include <imgui.h>
#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"Crosswalk desktop workbench", "crosswalk-gui"};
    std::string db;
    int frames = 0;
    float scale = 1.0f;
    app.add_option("--db", db, "Workspace file (default: $XDG_DATA_HOME/crosswalk/workspace.db)");
    app.add_option("--frames", frames, "Exit after N frames (for tests)")->check(CLI::NonNegativeNumber);
    app.add_option("--scale", scale, "Font scale (DPI)")->check(CLI::Range(0.5f, 4.0f));
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "crosswalk-gui: " << e.what() << '\n';
        return 2;
    }

    const std::filesystem::path path = db.empty() ? cw::defaultWorkspacePath() : std::filesystem::path(db);
    auto ws = cw::Workspace::open(path, cw::Workspace::OpenMode::MustExist);
    if (!ws) {
        std::cerr << "crosswalk-gui: " << ws.error().message << '\n';
        return ws.error().kind == cw::ErrorKind::Internal ? 1 : 2;
    }
    auto frameworks = ws->frameworks();
    if (!frameworks) {
        std::cerr << "crosswalk-gui: " << frameworks.error().message << '\n';
        return 1;
    }

    std::string error;
    auto platform = cw::gui::Platform::create({.fontScale = scale}, error);
    if (!platform) {
        std::cerr << "crosswalk-gui: " << error << '\n';
        return 1;
    }
    const std::string pathText = path.string();
    platform->run(
        [&] {
            const ImGuiViewport* viewport = ImGui::GetMainViewport();
            ImGui::SetNextWindowPos(viewport->WorkPos);
            ImGui::SetNextWindowSize(viewport->WorkSize);
            if (ImGui::Begin("Frameworks###frameworks", nullptr,
                             ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove)) {
                ImGui::TextUnformatted(pathText.c_str());
                ImGui::Separator();
                if (ImGui::BeginTable("frameworks", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
                    ImGui::TableSetupColumn("Framework");
                    ImGui::TableSetupColumn("Name");
                    ImGui::TableSetupColumn("Controls");
                    ImGui::TableSetupColumn("Assessable");
                    ImGui::TableHeadersRow();
                    std::int64_t most = 1;
                    for (const auto& f : *frameworks) most = std::max(most, f.assessable);
                    for (const auto& f : *frameworks) {
                        ImGui::PushID(f.id.c_str());
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(f.id.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(f.name.c_str());
                        ImGui::TableNextColumn();
                        ImGui::Text("%lld", static_cast<long long>(f.controls));
                        ImGui::TableNextColumn();
                        const std::string label = std::to_string(f.assessable);
                        ImGui::ProgressBar(static_cast<float>(f.assessable) / static_cast<float>(most),
                                           ImVec2(-1.0f, 0.0f), label.c_str());
                        ImGui::PopID();
                    }
                    ImGui::EndTable();
                }
                if (frameworks->empty()) ImGui::TextUnformatted("No frameworks yet: run `crosswalk init`.");
            }
            ImGui::End();
        },
        frames);
    return 0;
}
