#include "view_search.hpp"

#include "palette.hpp"

#include <imgui.h>

namespace cw::gui {

namespace {
constexpr std::size_t kLimit = 500;
}

void SearchView::drawContent(Context& context) {
    if (m_query != m_shown || m_generation != context.facade.generation()) {
        m_shown = m_query;
        m_generation = context.facade.generation();
        m_hits = context.facade.search(m_shown, kLimit);
    }
    if (m_shown.empty()) {
        ImGui::TextDisabled(
            "Type in the search box (Ctrl+F): words are matched in refs and titles of every framework.");
        return;
    }
    ImGui::Text("%zu%s controls match \"%s\"", m_hits.size(), m_hits.size() >= kLimit ? "+" : "", m_shown.c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("hits", 2, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Control", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.5f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_hits.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const SearchHit& hit = m_hits[static_cast<std::size_t>(i)];
                ImGui::PushID(hit.fullRef.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ImGui::Selectable(hit.fullRef.c_str(), context.selectedControl == hit.fullRef,
                                      ImGuiSelectableFlags_SpanAllColumns)) {
                    context.selectControl(hit.fullRef);
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(hit.title.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace cw::gui
