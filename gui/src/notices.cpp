#include "notices.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace cw::gui {

namespace {
constexpr double kInfoSeconds = 5.0;
constexpr double kErrorSeconds = 12.0;
constexpr std::size_t kMaxShown = 5;
}  // namespace

void Notices::post(Level level, std::string text) {
    m_items.push_back({level, std::move(text), -1.0});
    while (m_items.size() > kMaxShown) m_items.pop_front();
}

void Notices::draw() {
    const double now = ImGui::GetTime();
    std::erase_if(m_items, [&](const Notice& n) {
        const double life = n.level == Level::Error ? kErrorSeconds : kInfoSeconds;
        return n.postedAt >= 0.0 && now - n.postedAt > life;
    });
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float pad = ImGui::GetFontSize();
    float y = viewport->WorkPos.y + pad * 0.5f;
    int index = 0;
    for (auto it = m_items.begin(); it != m_items.end(); ++index) {
        Notice& n = *it;
        if (n.postedAt < 0.0) n.postedAt = now;
        char name[32];
        std::snprintf(name, sizeof name, "##notice%d", index);
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - pad * 0.5f, y), ImGuiCond_Always,
                                ImVec2(1.0f, 0.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(pad * 28.0f, pad * 10.0f));
        ImGui::SetNextWindowBgAlpha(0.92f);
        const bool error = n.level == Level::Error;
        ImGui::PushStyleColor(ImGuiCol_Border,
                              error ? ImVec4(0.90f, 0.35f, 0.30f, 1.0f) : ImVec4(0.35f, 0.65f, 0.90f, 1.0f));
        bool dismiss = false;
        if (ImGui::Begin(name, nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                             ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove)) {
            ImGui::PushTextWrapPos(pad * 27.0f);
            ImGui::TextColored(error ? ImVec4(1.0f, 0.55f, 0.50f, 1.0f) : ImVec4(0.55f, 0.80f, 1.0f, 1.0f), "%s",
                               error ? "Error" : "Note");
            ImGui::TextUnformatted(n.text.c_str());
            ImGui::PopTextWrapPos();
            dismiss = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
            y += ImGui::GetWindowHeight() + pad * 0.4f;
        }
        ImGui::End();
        ImGui::PopStyleColor();
        it = dismiss ? m_items.erase(it) : it + 1;
    }
}

}  // namespace cw::gui
