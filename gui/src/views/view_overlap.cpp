#include "view_overlap.hpp"

#include "../text.hpp"
#include "palette.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GImGui->LogEnabled: the text log wants every cell, the screen only the visible ones
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace cw::gui {

namespace {

void stackedBar(const std::int64_t (&counts)[3], float height) {
    // counts: full, partial, none
    const ImVec4 colours[3] = {palette::kFull, palette::kPartial, palette::kNone};
    const char* names[3] = {"full", "partial", "none"};
    const std::int64_t total = counts[0] + counts[1] + counts[2];
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("##stacked", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(50, 54, 62, 255), 3.0f);
    float x = origin.x;
    for (int i = 0; i < 3 && total > 0; ++i) {
        const float w = width * static_cast<float>(counts[i]) / static_cast<float>(total);
        if (w <= 0.0f) continue;
        draw->AddRectFilled(ImVec2(x, origin.y), ImVec2(x + w, origin.y + height), ImGui::GetColorU32(colours[i]));
        char label[64];
        std::snprintf(label, sizeof label, "%lld %s", static_cast<long long>(counts[i]), names[i]);
        const ImVec2 size = ImGui::CalcTextSize(label);
        if (size.x + 8.0f < w) {
            draw->AddText(ImVec2(x + (w - size.x) * 0.5f, origin.y + (height - size.y) * 0.5f),
                          palette::textOn(colours[i]), label);
        }
        ImGui::LogText("%s  ", label);
        x += w;
    }
    ImGui::LogText("\n");
    if (hovered && total > 0) {
        ImGui::BeginTooltip();
        for (int i = 0; i < 3; ++i) {
            ImGui::TextColored(colours[i], "%-8s %5lld  (%s)", names[i], static_cast<long long>(counts[i]),
                               text::percent(double(counts[i]) / double(total)).c_str());
        }
        ImGui::EndTooltip();
    }
}

/// A requirement list (cell rows or what is left), clipped.
void requirementTable(Context& context, const char* id, const std::vector<const MarginalItem*>& rows,
                      const char* coveredByHeader) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4.5f);
    ImGui::TableSetupColumn("Requirement", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn(coveredByHeader, ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const MarginalItem& r = *rows[static_cast<std::size_t>(i)];
            ImGui::PushID(r.control.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string_view level = toString(r.level);
            ImGui::TextColored(palette::level(r.level), "%.*s", static_cast<int>(level.size()), level.data());
            ImGui::TableNextColumn();
            if (ImGui::Selectable(r.control.c_str(), context.selectedControl == r.control)) {
                context.selectControl(r.control);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.title.c_str());
            ImGui::TableNextColumn();
            if (r.coveredBy.empty()) {
                ImGui::TextDisabled("-");
            } else if (ImGui::Selectable(r.coveredBy.c_str(), false)) {
                context.selectControl(r.coveredBy);
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace

OverlapView::OverlapView() : View("Overlap", "overlap", {.openByDefault = true, .defaultSize = ImVec2(1100, 760)}) {}

std::string OverlapView::cellText(const Coverage& cell) {
    if (cell.total == 0) return "n/a";
    return text::percent(cell.fullShare()) + "/" + text::percent(cell.anyShare());
}

void OverlapView::selectCell(int from, int to) {
    m_from = from;
    m_to = to;
    m_cellDirty = true;
}

void OverlapView::setMarginal(std::vector<std::string> have, std::string add) {
    m_have = std::move(have);
    m_add = std::move(add);
    m_marginalDirty = true;
}

void OverlapView::refresh(Context& context) {
    if (m_generation == context.facade.generation() && m_depth == context.depth && m_matrix != nullptr) return;
    const bool newWorkspace = m_generation != context.facade.generation();
    m_generation = context.facade.generation();
    m_depth = context.depth;
    m_matrix = &context.facade.overlap(m_depth);
    m_shared = context.facade.sharedSets(m_matrix->frameworks);
    const int n = static_cast<int>(m_matrix->frameworks.size());
    if (newWorkspace || m_from >= n || m_to >= n) {
        // Start on the hub's row at the framework it covers the most requirements of, so the
        // panel under the map is not empty.
        m_from = m_to = -1;
        std::int64_t best = -1;
        for (int j = 1; j < n && n > 0; ++j) {
            const Coverage& c = m_matrix->cells[0][static_cast<std::size_t>(j)];
            if (c.total > 0 && c.full + c.partial > best) {
                best = c.full + c.partial;
                m_from = 0;
                m_to = j;
            }
        }
        if (newWorkspace && n >= 2) {
            m_have = {m_matrix->frameworks[0]};
            m_add = m_matrix->frameworks[1];
        }
    }
    m_cellDirty = true;
    m_marginalDirty = true;
}

void OverlapView::drawContent(Context& context) {
    refresh(context);
    if (m_matrix->frameworks.size() < 2) {
        ImGui::TextDisabled("Fewer than two frameworks have mappings: nothing to compare yet.");
        return;
    }
    if (ImGui::BeginTabBar("overlap_tabs")) {
        const auto flagsFor = [&](Tab tab) {
            return m_tabRequested && m_requestTab == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        };
        if (ImGui::BeginTabItem("Coverage matrix", nullptr, flagsFor(Tab::Coverage))) {
            drawCoverage(context);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Shared requirement sets", nullptr, flagsFor(Tab::SharedSets))) {
            drawSharedSets();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Marginal cost", nullptr, flagsFor(Tab::Marginal))) {
            drawMarginal(context);
            ImGui::EndTabItem();
        }
        m_tabRequested = false;
        ImGui::EndTabBar();
    }
}

void OverlapView::drawCoverage(Context& context) {
    ImGui::TextUnformatted("How much of each column framework's assessable requirements the row framework covers");
    ImGui::SameLine();
    ImGui::TextDisabled("(depth %d, direct and inferred)", m_depth);
    const bool copy = ImGui::SmallButton("Copy as text") && !context.captureText;
    ImGui::SameLine();
    ImGui::TextDisabled("Hover a cell for counts, click it to list its requirements.");
    if (copy) ImGui::LogToClipboard();
    drawHeatMap();
    if (copy) ImGui::LogFinish();
    drawLegend();
    ImGui::Separator();
    drawCellRequirements(context);
}

void OverlapView::drawHeatMap() {
    const auto& names = m_matrix->frameworks;
    const std::size_t n = names.size();
    const float font = ImGui::GetFontSize();
    const float pad = font * 0.5f;
    float rowLabel = 0.0f;
    float longest = 0.0f;
    for (const auto& f : names) longest = std::max(longest, ImGui::CalcTextSize(f.c_str()).x);
    rowLabel = longest + pad * 2.0f + ImGui::CalcTextSize("covers ").x;
    const float minCell = std::max(ImGui::CalcTextSize("100%/100%").x + pad * 2.0f, (longest + pad) * 0.5f);
    const float avail = ImGui::GetContentRegionAvail().x - rowLabel;
    const float cellW = std::clamp(avail / static_cast<float>(n), minCell, minCell * 1.7f);
    const float cellH = font * 2.3f;
    bool stagger = false;
    for (const auto& f : names) stagger = stagger || ImGui::CalcTextSize(f.c_str()).x > cellW - pad * 0.5f;
    const float headerH = font * (stagger ? 2.6f : 1.5f);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 gridOrigin(origin.x + rowLabel, origin.y + headerH);
    const ImVec2 size(rowLabel + cellW * static_cast<float>(n), headerH + cellH * static_cast<float>(n));
    ImGui::InvisibleButton("##heatmap", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // Only the cells inside the visible part of the window are drawn: a 200 x 200 matrix
    // would otherwise cost 40,000 rectangles and labels per frame. The text log (tests,
    // "Copy as text") still gets every cell.
    const bool logging = ImGui::GetCurrentContext()->LogEnabled;
    const ImVec2 clipMin = draw->GetClipRectMin();
    const ImVec2 clipMax = draw->GetClipRectMax();
    const auto firstVisible = [](float from, float start, float step) {
        return std::max(0, static_cast<int>(std::floor((from - start) / step)));
    };
    const auto lastVisible = [&](float to, float start, float step) {
        return std::min(static_cast<int>(n) - 1, static_cast<int>(std::floor((to - start) / step)));
    };
    const int col0 = firstVisible(clipMin.x, gridOrigin.x, cellW);
    const int col1 = lastVisible(clipMax.x, gridOrigin.x, cellW);
    const int row0 = firstVisible(clipMin.y, gridOrigin.y, cellH);
    const int row1 = lastVisible(clipMax.y, gridOrigin.y, cellH);
    const auto colVisible = [&](std::size_t j) { return static_cast<int>(j) >= col0 && static_cast<int>(j) <= col1; };
    const bool headerVisible = origin.y + headerH >= clipMin.y && origin.y <= clipMax.y;
    const bool labelsVisible = origin.x + rowLabel >= clipMin.x && origin.x <= clipMax.x;

    // Column headers: the framework being covered.
    ImGui::LogText("%-*s", 18, "covers ->");
    for (std::size_t j = 0; j < n; ++j) {
        if (headerVisible && colVisible(j)) {
            const ImVec2 text = ImGui::CalcTextSize(names[j].c_str());
            const float cx = gridOrigin.x + cellW * (static_cast<float>(j) + 0.5f);
            const float y = origin.y + (stagger && j % 2 == 1 ? font * 1.2f : 0.0f);
            draw->AddText(ImVec2(cx - text.x * 0.5f, y), ImGui::GetColorU32(ImGuiCol_Text), names[j].c_str());
        }
        if (logging) ImGui::LogText(" %15s", names[j].c_str());
    }
    ImGui::LogText("\n");

    int hoverRow = -1;
    int hoverCol = -1;
    if (hovered) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const int col = static_cast<int>(std::floor((mouse.x - gridOrigin.x) / cellW));
        const int row = static_cast<int>(std::floor((mouse.y - gridOrigin.y) / cellH));
        if (col >= 0 && row >= 0 && col < static_cast<int>(n) && row < static_cast<int>(n)) {
            hoverRow = row;
            hoverCol = col;
        }
    }
    const float strip = std::max(3.0f, font * 0.28f);
    const std::size_t rowFirst = logging ? 0u : static_cast<std::size_t>(std::max(0, row0));
    const std::size_t rowEnd = logging ? n : static_cast<std::size_t>(std::max(row0, row1 + 1));
    const std::size_t colFirst = logging ? 0u : static_cast<std::size_t>(std::max(0, col0));
    const std::size_t colEnd = logging ? n : static_cast<std::size_t>(std::max(col0, col1 + 1));
    for (std::size_t i = rowFirst; i < rowEnd; ++i) {
        const float y0 = gridOrigin.y + cellH * static_cast<float>(i);
        const bool rowVisible = static_cast<int>(i) >= row0 && static_cast<int>(i) <= row1;
        if (rowVisible && labelsVisible) {
            const ImVec2 label = ImGui::CalcTextSize(names[i].c_str());
            draw->AddText(ImVec2(origin.x + rowLabel - pad - label.x, y0 + (cellH - label.y) * 0.5f),
                          ImGui::GetColorU32(ImGuiCol_Text), names[i].c_str());
        }
        ImGui::LogText("%-18s", names[i].c_str());
        for (std::size_t j = colFirst; j < colEnd; ++j) {
            const bool visible = rowVisible && colVisible(j);
            const ImVec2 a(gridOrigin.x + cellW * static_cast<float>(j), y0);
            const ImVec2 b(a.x + cellW - 2.0f, a.y + cellH - 2.0f);
            if (i == j) {
                if (visible) {
                    draw->AddRectFilled(a, b, IM_COL32(38, 41, 48, 255), 2.0f);
                    draw->AddLine(ImVec2(a.x + pad, b.y - pad), ImVec2(b.x - pad, a.y + pad),
                                  IM_COL32(70, 74, 84, 255));
                }
                ImGui::LogText(" %15s", "-");
                continue;
            }
            const Coverage& cell = m_matrix->cells[i][j];
            const std::string text = cellText(cell);
            ImGui::LogText(" %15s", text.c_str());
            if (!visible) continue;
            const ImVec4 fill = cell.total > 0 ? palette::ramp(cell.fullShare()) : ImVec4(0.2f, 0.21f, 0.24f, 1.0f);
            draw->AddRectFilled(a, b, ImGui::GetColorU32(fill), 2.0f);
            // The strip along the bottom: at-least-partial share.
            if (cell.total > 0) {
                const ImVec2 s0(a.x + 3.0f, b.y - strip - 3.0f);
                const ImVec2 s1(b.x - 3.0f, b.y - 3.0f);
                draw->AddRectFilled(s0, s1, IM_COL32(0, 0, 0, 110), 1.0f);
                const float w = (s1.x - s0.x) * static_cast<float>(cell.anyShare());
                if (w > 0.5f)
                    draw->AddRectFilled(s0, ImVec2(s0.x + w, s1.y), ImGui::GetColorU32(palette::kPartial), 1.0f);
            }
            const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
            draw->AddText(ImVec2(a.x + (cellW - 2.0f - ts.x) * 0.5f, a.y + (cellH - strip - 6.0f - ts.y) * 0.5f),
                          palette::textOn(fill), text.c_str());
            const bool selected = static_cast<int>(i) == m_from && static_cast<int>(j) == m_to;
            if (selected) draw->AddRect(a, b, IM_COL32(255, 255, 255, 255), 2.0f, 0, 2.5f);
            if (static_cast<int>(i) == hoverRow && static_cast<int>(j) == hoverCol && !selected) {
                draw->AddRect(a, b, IM_COL32(255, 255, 255, 150), 2.0f, 0, 1.5f);
            }
        }
        ImGui::LogText("\n");
    }

    if (hoverRow >= 0 && hoverRow != hoverCol) {
        const auto r = static_cast<std::size_t>(hoverRow);
        const auto c = static_cast<std::size_t>(hoverCol);
        const Coverage& cell = m_matrix->cells[r][c];
        ImGui::BeginTooltip();
        ImGui::Text("%s covers %s", names[r].c_str(), names[c].c_str());
        ImGui::Separator();
        ImGui::TextColored(palette::kFull, "full      %4lld  (direct %lld)", static_cast<long long>(cell.full),
                           static_cast<long long>(cell.directFull));
        ImGui::TextColored(palette::kPartial, "partial   %4lld  (direct %lld)", static_cast<long long>(cell.partial),
                           static_cast<long long>(cell.directPartial));
        ImGui::TextColored(palette::kNone, "none      %4lld  (%lld possibly related)",
                           static_cast<long long>(cell.none), static_cast<long long>(cell.possiblyRelated));
        ImGui::Text("of %lld assessable requirements of %s", static_cast<long long>(cell.total), names[c].c_str());
        ImGui::EndTooltip();
        if (clicked) selectCell(hoverRow, hoverCol);
    }
}

void OverlapView::drawLegend() {
    const float font = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::TextDisabled("Cell colour: full coverage");
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = font * 14.0f;
    const float h = font * 0.9f;
    constexpr int kSteps = 28;
    for (int k = 0; k < kSteps; ++k) {
        const float x0 = p.x + w * static_cast<float>(k) / kSteps;
        const float x1 = p.x + w * static_cast<float>(k + 1) / kSteps;
        draw->AddRectFilled(ImVec2(x0, p.y + font * 0.1f), ImVec2(x1 + 0.5f, p.y + font * 0.1f + h),
                            ImGui::GetColorU32(palette::ramp(static_cast<double>(k) / (kSteps - 1))));
    }
    ImGui::Dummy(ImVec2(w, font));
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::TextDisabled("0%% .. 100%%");
    ImGui::SameLine(0.0f, font * 1.5f);
    const ImVec2 s = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(ImVec2(s.x, s.y + font * 0.35f), ImVec2(s.x + font * 2.0f, s.y + font * 0.7f),
                        ImGui::GetColorU32(palette::kPartial), 1.0f);
    ImGui::Dummy(ImVec2(font * 2.0f, font));
    ImGui::SameLine();
    ImGui::TextDisabled("strip: at least partial");
    ImGui::SameLine(0.0f, font * 1.5f);
    ImGui::TextDisabled("Text: full %% / at-least-partial %%  (full = equal or superset-of)");
}

void OverlapView::drawCellRequirements(Context& context) {
    const int n = static_cast<int>(m_matrix->frameworks.size());
    if (m_from < 0 || m_to < 0 || m_from >= n || m_to >= n || m_from == m_to) {
        ImGui::TextDisabled("Click a cell to list the requirements behind it.");
        return;
    }
    const std::string& from = m_matrix->frameworks[static_cast<std::size_t>(m_from)];
    const std::string& to = m_matrix->frameworks[static_cast<std::size_t>(m_to)];
    if (m_cellDirty) {
        m_cellRows = context.facade.cellRequirements(from, to, m_depth);
        m_cellDirty = false;
    }
    const Coverage& cell = m_matrix->cells[static_cast<std::size_t>(m_from)][static_cast<std::size_t>(m_to)];
    ImGui::Text("%s covers %s:", from.c_str(), to.c_str());
    ImGui::SameLine();
    const char* names[3] = {"none", "partial", "full"};
    const std::int64_t counts[3] = {cell.none, cell.partial, cell.full};
    for (int k = 2; k >= 0; --k) {
        ImGui::PushID(k);
        ImGui::PushStyleColor(ImGuiCol_Text, palette::level(static_cast<CoverageLevel>(k)));
        char label[48];
        std::snprintf(label, sizeof label, "%lld %s", static_cast<long long>(counts[k]), names[k]);
        ImGui::Checkbox(label, &m_showLevel[k]);
        ImGui::PopStyleColor();
        ImGui::PopID();
        ImGui::SameLine();
    }
    ImGui::TextDisabled("of %lld assessable", static_cast<long long>(cell.total));
    std::vector<const MarginalItem*> rows;
    rows.reserve(m_cellRows.size());
    for (const auto& r : m_cellRows) {
        if (m_showLevel[static_cast<int>(r.level)]) rows.push_back(&r);
    }
    requirementTable(context, "cell_requirements", rows, ("Covered by (" + from + ")").c_str());
}

void OverlapView::drawSharedSets() {
    ImGui::TextWrapped(
        "Requirements of %s grouped by the exact set of frameworks directly mapped to them. "
        "Longer sets first: the requirements at the top serve the most frameworks at once.",
        Facade::hub().c_str());
    if (m_shared.empty()) {
        ImGui::TextDisabled("No shared sets.");
        return;
    }
    std::int64_t most = 1;
    for (const auto& s : m_shared) most = std::max(most, s.requirements);
    const float font = ImGui::GetFontSize();
    if (!ImGui::BeginTable("shared_sets", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Frameworks", ImGuiTableColumnFlags_WidthFixed, font * 2.5f);
    ImGui::TableSetupColumn("Requirements", ImGuiTableColumnFlags_WidthFixed, font * 18.0f);
    ImGui::TableSetupColumn("Set (besides the hub)", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_shared.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SharedSet& s = m_shared[static_cast<std::size_t>(i)];
            std::string names;
            for (const auto& f : s.frameworks) {
                if (f != Facade::hub()) names += (names.empty() ? "" : " + ") + f;
            }
            if (names.empty()) names = "(only the hub: no mapping)";
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", s.frameworks.size());
            ImGui::TableNextColumn();
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float full = ImGui::GetContentRegionAvail().x - font * 2.5f;
            const float w = std::max(2.0f, full * static_cast<float>(s.requirements) / static_cast<float>(most));
            const ImVec4 colour = palette::ramp(0.25 + 0.75 * static_cast<double>(s.frameworks.size()) /
                                                           static_cast<double>(m_matrix->frameworks.size()));
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2.0f), ImVec2(p.x + w, p.y + font),
                                                      ImGui::GetColorU32(colour), 2.0f);
            ImGui::Dummy(ImVec2(w, font));
            ImGui::SameLine();
            ImGui::Text("%lld", static_cast<long long>(s.requirements));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(names.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void OverlapView::drawMarginal(Context& context) {
    const auto& names = m_matrix->frameworks;
    const float font = ImGui::GetFontSize();
    ImGui::TextWrapped(
        "What is left to do for a framework when those already held are in place: each of its "
        "assessable requirements is covered fully, partially or not at all by the best held control.");
    if (ImGui::BeginChild("have", ImVec2(font * 16.0f, 0.0f), true)) {
        ImGui::TextDisabled("Already held");
        for (const auto& f : names) {
            if (f == m_add) continue;
            bool held = std::ranges::find(m_have, f) != m_have.end();
            ImGui::PushID(f.c_str());
            if (ImGui::Checkbox(f.c_str(), &held)) {
                if (held) {
                    m_have.push_back(f);
                } else {
                    std::erase(m_have, f);
                }
                m_marginalDirty = true;
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (ImGui::BeginChild("result", ImVec2(0.0f, 0.0f), false)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Add");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(font * 14.0f);
        if (ImGui::BeginCombo("##add", m_add.c_str())) {
            for (const auto& f : names) {
                ImGui::PushID(f.c_str());
                if (ImGui::Selectable(f.c_str(), f == m_add)) {
                    m_add = f;
                    std::erase(m_have, f);
                    m_marginalDirty = true;
                }
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        if (m_marginalDirty) {
            m_marginal = context.facade.marginal(m_have, m_add, m_depth);
            m_marginalDirty = false;
        }
        ImGui::SameLine();
        if (m_have.empty()) {
            ImGui::TextDisabled("holding nothing yet: everything is left");
        } else {
            ImGui::TextDisabled("holding %zu framework%s", m_have.size(), m_have.size() == 1 ? "" : "s");
        }
        const std::int64_t counts[3] = {m_marginal.full, m_marginal.partial, m_marginal.none};
        stackedBar(counts, font * 1.6f);
        ImGui::Text("%lld of %lld assessable requirements of %s still need work (%lld partial, %lld none).",
                    static_cast<long long>(m_marginal.partial + m_marginal.none),
                    static_cast<long long>(m_marginal.total), m_add.c_str(), static_cast<long long>(m_marginal.partial),
                    static_cast<long long>(m_marginal.none));
        ImGui::Checkbox("Show fully covered too", &m_showCovered);
        std::vector<const MarginalItem*> rows;
        for (const auto& item : m_marginal.items) {
            if (m_showCovered || item.level != CoverageLevel::Full) rows.push_back(&item);
        }
        requirementTable(context, "left", rows, "Best held control");
    }
    ImGui::EndChild();
}

}  // namespace cw::gui
