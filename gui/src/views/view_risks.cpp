#include "view_risks.hpp"

#include "palette.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace cw::gui {

namespace {

using widgets::joined;
using widgets::statusColour;

ImVec4 levelColour(RiskLevel level) {
    switch (level) {
        case RiskLevel::High:
            return palette::kHigh;
        case RiskLevel::Medium:
            return palette::kMedium;
        case RiskLevel::Low:
            break;
    }
    return palette::kLow;
}

ImVec4 dimmed(const ImVec4& c) {
    // An empty cell keeps its level's hue, faint over the window background.
    return {c.x * 0.35f + 0.11f * 0.65f, c.y * 0.35f + 0.12f * 0.65f, c.z * 0.35f + 0.14f * 0.65f, 1.0f};
}

std::string nameOf(const std::vector<std::string>& names, int level) {
    const auto i = static_cast<std::size_t>(level - 1);
    return i < names.size() ? names[i] : std::to_string(level);
}

void scoreCell(const RiskMatrix& matrix, int likelihood, int impact) {
    const int score = likelihood * impact;
    const RiskLevel level = matrix.level(score);
    ImGui::TextColored(levelColour(level), "%2d", score);
    ImGui::SameLine();
    ImGui::TextDisabled("%d\xC3\x97%d %s", likelihood, impact, std::string(toString(level)).c_str());
}

}  // namespace

int RiskView::cellCount(bool residual, int likelihood, int impact) const {
    if (likelihood < 1 || impact < 1 || likelihood > m_levelsL || impact > m_levelsI) return 0;
    const auto index = static_cast<std::size_t>((likelihood - 1) * m_levelsI + (impact - 1));
    return (residual ? m_residual : m_inherent)[index];
}

void RiskView::refresh(const RiskData& data) {
    const RiskMatrix& m = data.matrix;
    m_levelsL = std::max(1, m.likelihoodLevels);
    m_levelsI = std::max(1, m.impactLevels);
    m_inherent.assign(static_cast<std::size_t>(m_levelsL * m_levelsI), 0);
    m_residual = m_inherent;
    m_noResidual = 0;
    const auto bump = [&](std::vector<int>& cells, int l, int i) {
        if (l >= 1 && i >= 1 && l <= m_levelsL && i <= m_levelsI)
            ++cells[static_cast<std::size_t>((l - 1) * m_levelsI + (i - 1))];
    };
    for (const auto& r : data.risks) {
        bump(m_inherent, r.likelihood, r.impact);
        if (r.residualLikelihood && r.residualImpact) {
            bump(m_residual, *r.residualLikelihood, *r.residualImpact);
        } else {
            ++m_noResidual;
        }
    }
    m_visible.clear();
    for (const auto& r : data.risks) {
        if (m_cell) {
            const int l = m_cell->residual ? r.residualLikelihood.value_or(0) : r.likelihood;
            const int i = m_cell->residual ? r.residualImpact.value_or(0) : r.impact;
            if (l != m_cell->likelihood || i != m_cell->impact) continue;
        }
        m_visible.push_back(&r);
    }
    m_dirty = false;
}

void RiskView::drawContent(Context& context) {
    const RiskData& data = context.facade.risks();
    if (m_revision != context.facade.revision()) {
        m_revision = context.facade.revision();
        m_dirty = true;
    }
    if (m_dirty) refresh(data);
    widgets::sectionError(data.error);

    const float spacing = ImGui::GetFontSize() * 2.0f;
    const float half = (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
    ImGui::BeginGroup();
    drawMap(data, false, half);
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, spacing);
    ImGui::BeginGroup();
    drawMap(data, true, half);
    ImGui::EndGroup();
    drawLegend(data.matrix);
    ImGui::Separator();
    drawTable(context, data);
}

void RiskView::drawMap(const RiskData& data, bool residual, float width) {
    const RiskMatrix& matrix = data.matrix;
    const float font = ImGui::GetFontSize();
    ImGui::PushID(residual ? "residual" : "inherent");
    ImGui::TextUnformatted(residual ? "Residual risk" : "Inherent risk");
    ImGui::SameLine();
    if (residual) {
        ImGui::TextDisabled("after treatment");
        if (m_noResidual > 0) {
            ImGui::SameLine();
            ImGui::TextColored(palette::kPartial, "(%d without a residual score)", m_noResidual);
        }
    } else {
        ImGui::TextDisabled("before treatment");
    }
    ImGui::LogText("%s\n", residual ? "[residual]" : "[inherent]");

    float labelW = 0.0f;
    for (int l = 1; l <= m_levelsL; ++l) {
        char text[96];
        std::snprintf(text, sizeof text, "%d %s", l, nameOf(matrix.likelihoodNames, l).c_str());
        labelW = std::max(labelW, ImGui::CalcTextSize(text).x);
    }
    labelW = std::max(labelW, ImGui::CalcTextSize("\xE2\x86\x91 likelihood").x) + font * 0.8f;
    const float cellW = std::max(font * 2.5f, (width - labelW) / static_cast<float>(m_levelsI));
    const float cellH = std::clamp(cellW * 0.55f, font * 1.9f, font * 2.6f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 grid(origin.x + labelW, origin.y);
    const float gridH = cellH * static_cast<float>(m_levelsL);
    const ImVec2 size(labelW + cellW * static_cast<float>(m_levelsI), gridH + font * 2.6f);
    ImGui::InvisibleButton("##map", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* fontPtr = ImGui::GetFont();

    int hoverL = 0;
    int hoverI = 0;
    if (hovered) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const int col = static_cast<int>(std::floor((mouse.x - grid.x) / cellW));
        const int row = static_cast<int>(std::floor((mouse.y - grid.y) / cellH));
        if (col >= 0 && row >= 0 && col < m_levelsI && row < m_levelsL) {
            hoverI = col + 1;
            hoverL = m_levelsL - row;
        }
    }
    // Rows from the most likely down, so high risk sits top right.
    for (int row = 0; row < m_levelsL; ++row) {
        const int l = m_levelsL - row;
        const float y0 = grid.y + cellH * static_cast<float>(row);
        char label[96];
        std::snprintf(label, sizeof label, "%d %s", l, nameOf(matrix.likelihoodNames, l).c_str());
        const ImVec2 ls = ImGui::CalcTextSize(label);
        draw->AddText(ImVec2(grid.x - ls.x - font * 0.4f, y0 + (cellH - ls.y) * 0.5f),
                      ImGui::GetColorU32(ImGuiCol_Text), label);
        ImGui::LogText("L%d %-16s", l, nameOf(matrix.likelihoodNames, l).c_str());
        for (int i = 1; i <= m_levelsI; ++i) {
            const ImVec2 a(grid.x + cellW * static_cast<float>(i - 1), y0);
            const ImVec2 b(a.x + cellW - 2.0f, a.y + cellH - 2.0f);
            const int count = cellCount(residual, l, i);
            const RiskLevel level = matrix.level(l * i);
            const ImVec4 colour = levelColour(level);
            const ImVec4 fill = count > 0 ? colour : dimmed(colour);
            draw->AddRectFilled(a, b, ImGui::GetColorU32(fill), 3.0f);
            char score[16];
            std::snprintf(score, sizeof score, "%d", l * i);
            draw->AddText(fontPtr, font * 0.75f, ImVec2(a.x + 4.0f, a.y + 2.0f),
                          count > 0 ? (palette::textOn(fill) & 0x99FFFFFFu) : IM_COL32(150, 150, 160, 150), score);
            if (count > 0) {
                char text[16];
                std::snprintf(text, sizeof text, "%d", count);
                const float big = font * 1.35f;
                const ImVec2 ts = fontPtr->CalcTextSizeA(big, FLT_MAX, 0.0f, text);
                draw->AddText(fontPtr, big,
                              ImVec2(a.x + (cellW - 2.0f - ts.x) * 0.5f, a.y + (cellH - 2.0f - ts.y) * 0.5f),
                              palette::textOn(fill), text);
            }
            ImGui::LogText(" %2d", count);
            const Cell here{residual, l, i};
            if (m_cell == here) {
                draw->AddRect(a, b, IM_COL32(255, 255, 255, 255), 3.0f, 0, 2.5f);
            } else if (l == hoverL && i == hoverI) {
                draw->AddRect(a, b, IM_COL32(255, 255, 255, 150), 3.0f, 0, 1.5f);
            }
        }
        ImGui::LogText("\n");
    }
    // Impact names under the columns, then the axis captions.
    const float belowY = grid.y + gridH + font * 0.2f;
    for (int i = 1; i <= m_levelsI; ++i) {
        const std::string name = std::to_string(i) + " " + nameOf(matrix.impactNames, i);
        const ImVec2 ts = ImGui::CalcTextSize(name.c_str());
        const float cx = grid.x + cellW * (static_cast<float>(i) - 0.5f);
        const float x = std::max(grid.x + cellW * static_cast<float>(i - 1), cx - ts.x * 0.5f);
        draw->PushClipRect(ImVec2(grid.x + cellW * static_cast<float>(i - 1), belowY),
                           ImVec2(grid.x + cellW * static_cast<float>(i), belowY + font * 1.2f), true);
        draw->AddText(ImVec2(x, belowY), ImGui::GetColorU32(ImGuiCol_TextDisabled), name.c_str());
        draw->PopClipRect();
    }
    const char* impact = "impact \xE2\x86\x92";
    const ImVec2 is = ImGui::CalcTextSize(impact);
    draw->AddText(ImVec2(grid.x + (cellW * static_cast<float>(m_levelsI) - is.x) * 0.5f, belowY + font * 1.25f),
                  ImGui::GetColorU32(ImGuiCol_Text), impact);
    const char* likelihood = "\xE2\x86\x91 likelihood";
    draw->AddText(ImVec2(grid.x - ImGui::CalcTextSize(likelihood).x - font * 0.4f, belowY + font * 1.25f),
                  ImGui::GetColorU32(ImGuiCol_Text), likelihood);

    if (hoverL > 0) {
        const int count = cellCount(residual, hoverL, hoverI);
        ImGui::BeginTooltip();
        ImGui::Text("%s: likelihood %d (%s) \xC3\x97 impact %d (%s)", residual ? "Residual" : "Inherent", hoverL,
                    nameOf(matrix.likelihoodNames, hoverL).c_str(), hoverI, nameOf(matrix.impactNames, hoverI).c_str());
        const RiskLevel level = matrix.level(hoverL * hoverI);
        ImGui::TextColored(levelColour(level), "score %d, %s", hoverL * hoverI, std::string(toString(level)).c_str());
        ImGui::Text("%d risk%s%s", count, count == 1 ? "" : "s", count > 0 ? ": click to list them" : "");
        ImGui::EndTooltip();
        if (clicked) {
            const Cell here{residual, hoverL, hoverI};
            selectCell(m_cell == here ? std::nullopt : std::optional<Cell>(here));
        }
    }
    ImGui::PopID();
}

void RiskView::drawLegend(const RiskMatrix& matrix) {
    const float font = ImGui::GetFontSize();
    const struct {
        RiskLevel level;
        const char* text;
    } items[] = {{RiskLevel::Low, "low"}, {RiskLevel::Medium, "medium"}, {RiskLevel::High, "high"}};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const auto& item : items) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw->AddRectFilled(ImVec2(p.x, p.y + font * 0.15f), ImVec2(p.x + font, p.y + font * 1.05f),
                            ImGui::GetColorU32(levelColour(item.level)), 2.0f);
        ImGui::Dummy(ImVec2(font, font));
        ImGui::SameLine(0.0f, font * 0.3f);
        ImGui::TextDisabled("%s", item.text);
        ImGui::SameLine(0.0f, font);
    }
    ImGui::TextDisabled(
        "score = likelihood \xC3\x97 impact; medium from %d, high from %d; residual up to %d may be "
        "accepted. Click a cell to filter the table.",
        matrix.mediumFrom, matrix.highFrom, matrix.acceptableUpTo);
}

void RiskView::drawTable(Context& context, const RiskData& data) {
    const float font = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    if (m_cell) {
        ImGui::Text("%zu risk%s with %s likelihood %d and impact %d", m_visible.size(),
                    m_visible.size() == 1 ? "" : "s", m_cell->residual ? "residual" : "inherent", m_cell->likelihood,
                    m_cell->impact);
        ImGui::SameLine();
        if (ImGui::SmallButton("Show all")) selectCell(std::nullopt);
    } else {
        ImGui::Text("%zu risks", data.risks.size());
    }
    if (data.risks.empty()) {
        ImGui::TextDisabled("No risks recorded: add them with `crosswalk risk set`.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("risks", 9, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Key", ImGuiTableColumnFlags_WidthFixed, font * 3.2f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn("Assets", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed, font * 7.0f);
    ImGui::TableSetupColumn("Treatment", ImGuiTableColumnFlags_WidthFixed, font * 4.8f);
    ImGui::TableSetupColumn("Controls", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Residual", ImGuiTableColumnFlags_WidthFixed, font * 7.0f);
    ImGui::TableSetupColumn("Accepted", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_visible.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Risk& r = *m_visible[static_cast<std::size_t>(i)];
            ImGui::PushID(r.key.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Selectable(r.key.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(font * 32.0f);
                ImGui::Text("%s  %s", r.key.c_str(), r.title.c_str());
                ImGui::TextDisabled("Threat");
                ImGui::SameLine();
                ImGui::TextUnformatted(r.threat.c_str());
                ImGui::TextDisabled("Vulnerability");
                ImGui::SameLine();
                ImGui::TextUnformatted(r.vulnerability.c_str());
                if (!r.notes.empty()) ImGui::TextUnformatted(r.notes.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(joined(r.assets).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.owner.c_str());
            ImGui::TableNextColumn();
            scoreCell(data.matrix, r.likelihood, r.impact);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.treatment ? std::string(toString(*r.treatment)).c_str() : "-");
            ImGui::TableNextColumn();
            if (r.controls.empty()) {
                ImGui::TextDisabled("-");
            } else {
                // Each control opens in the control view.
                bool first = true;
                for (const auto& c : r.controls) {
                    if (!first) ImGui::SameLine(0.0f, font * 0.4f);
                    first = false;
                    const std::string full = Facade::hub() + ":" + c;
                    ImGui::PushID(c.c_str());
                    const ImVec2 ts = ImGui::CalcTextSize(c.c_str());
                    if (ImGui::Selectable(c.c_str(), context.selectedControl == full, 0, ImVec2(ts.x, 0.0f))) {
                        context.selectControl(full);
                    }
                    ImGui::PopID();
                }
            }
            ImGui::TableNextColumn();
            if (r.residualLikelihood && r.residualImpact) {
                scoreCell(data.matrix, *r.residualLikelihood, *r.residualImpact);
            } else {
                ImGui::TextDisabled("-");
            }
            ImGui::TableNextColumn();
            if (r.acceptedOn) {
                ImGui::TextColored(palette::kFull, "%s", r.acceptedOn->str().c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("%s", r.acceptedBy.c_str());
            } else {
                ImGui::TextDisabled("not accepted");
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace cw::gui
