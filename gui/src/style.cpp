#include "style.hpp"

#include <imgui.h>

#include <filesystem>

namespace cw::gui {

namespace {
constexpr float kBaseFontPixels = 16.0f;
constexpr const char* kFontCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};
}  // namespace

void buildFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.FontGlobalScale = 1.0f;
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x21FF,
                                      0x2264, 0x2265, 0x25A0, 0x25CF, 0};
    ImFont* font = nullptr;
    for (const char* file : kFontCandidates) {
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) continue;
        ImFontConfig config;
        config.OversampleH = 2;
        font = io.Fonts->AddFontFromFileTTF(file, kBaseFontPixels * scale, &config, kRanges);
        if (font != nullptr) break;
    }
    if (font == nullptr) {
        // ProggyClean is a 13 px bitmap font: scale it by whole steps so it stays sharp.
        ImFontConfig config;
        config.SizePixels = 13.0f * (scale < 1.5f ? 1.0f : scale < 2.5f ? 2.0f : 3.0f);
        io.Fonts->AddFontDefault(&config);
        io.FontGlobalScale = scale * 16.0f / config.SizePixels;
    }
    io.Fonts->Build();
}

void applyStyle(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.ScrollbarRounding = 4.0f;
    style.WindowPadding = ImVec2(10.0f, 8.0f);
    style.FramePadding = ImVec2(6.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    style.CellPadding = ImVec2(6.0f, 3.0f);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.14f, 0.17f, 0.98f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.13f, 0.14f, 0.17f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.16f, 0.24f, 0.36f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.22f, 0.36f, 0.55f, 0.55f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.46f, 0.70f, 0.80f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.19f, 0.23f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1.0f, 1.0f, 1.0f, 0.035f);
    c[ImGuiCol_Text] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.52f, 0.54f, 0.58f, 1.0f);
    style.ScaleAllSizes(scale);
}

}  // namespace cw::gui
