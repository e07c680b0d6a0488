#include "view_timeline.hpp"

#include "palette.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace cw::gui {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::chrono::year_month_day ymd(Date d) {
    return std::chrono::year_month_day{d.days()};
}

/// The first day of the month `d` falls in.
Date monthStart(Date d) {
    const auto x = ymd(d);
    return Date(static_cast<int>(x.year()), static_cast<unsigned>(x.month()), 1u);
}

std::string baseKey(const std::string& key) {
    const auto hash = key.find('#');
    return hash == std::string::npos ? key : key.substr(0, hash);
}

ImU32 withAlpha(const ImVec4& c, float alpha) {
    return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, alpha));
}

ImVec4 warningColour(WarningKind k) {
    switch (k) {
        case WarningKind::Overdue:
        case WarningKind::BufferTooShort:
        case WarningKind::CertificateExpiring:
            return palette::kHigh;
        case WarningKind::Slipped:
        case WarningKind::OutOfOrder:
            return palette::kMedium;
        case WarningKind::EvidenceStaleAtAudit:
            break;
    }
    return palette::kPartial;
}

void diamond(ImDrawList* draw, ImVec2 c, float r, ImU32 colour, bool filled) {
    const ImVec2 a(c.x, c.y - r);
    const ImVec2 b(c.x + r, c.y);
    const ImVec2 d(c.x, c.y + r);
    const ImVec2 e(c.x - r, c.y);
    if (filled) {
        draw->AddQuadFilled(a, b, d, e, colour);
    } else {
        draw->AddQuad(a, b, d, e, colour, 2.0f);
    }
}

}  // namespace

float TimelineView::xOf(Date date) const {
    if (!m_first) return m_chartX;
    return m_chartX + (static_cast<float>(m_first->daysUntil(date)) - m_scrollDays) * m_pxPerDay;
}

void TimelineView::scrollTo(Date date) {
    if (m_first) m_scrollDays = static_cast<float>(m_first->daysUntil(date));
}

void TimelineView::rebuild(const Timeline& timeline) {
    m_rows.clear();
    // Lanes: the hub's steps first, then the other frameworks in the order their cycles come.
    std::vector<std::string> lanes;
    for (const auto& bar : timeline.bars) {
        if (std::ranges::find(lanes, bar.lane) == lanes.end()) lanes.push_back(bar.lane);
    }
    std::stable_partition(lanes.begin(), lanes.end(), [](const std::string& l) { return l == Facade::hub(); });
    std::optional<Date> lo;
    std::optional<Date> hi;
    for (const auto& lane : lanes) {
        m_rows.push_back({lane, {}, palette::frameworkShort(lane) + "  (" + lane + ")", {}, true, false, true});
        bool first = false;
        for (const auto& bar : timeline.bars) {
            if (bar.lane != lane) continue;
            const std::string key = baseKey(bar.key);
            auto row = std::ranges::find_if(m_rows, [&](const Row& r) { return r.lane == lane && r.key == key; });
            if (row == m_rows.end()) {
                std::string label = bar.label;
                if (const auto hash = label.find(" #"); hash != std::string::npos) label.resize(hash);
                m_rows.push_back({lane, key, label, {}, first, false, false});
                first = false;
                row = m_rows.end() - 1;
            }
            row->bars.push_back(bar);
            lo = lo ? std::min(*lo, bar.start) : bar.start;
            hi = hi ? std::max(*hi, bar.end) : bar.end;
        }
    }
    // The library draws a finished step from its actual dates only; its planned dates go
    // beside them, so a slip shows as the solid bar running past the outline.
    for (const auto& m : timeline.milestones) {
        if (!m.plannedStart || !m.actualStart) continue;
        const std::string key(toString(m.step));
        auto row = std::ranges::find_if(m_rows, [&](const Row& r) { return r.lane == Facade::hub() && r.key == key; });
        if (row == m_rows.end()) continue;
        const bool hasPlanned = std::ranges::any_of(row->bars, [](const TimelineBar& b) { return !b.actual; });
        if (hasPlanned) continue;
        const Date end = m.plannedEnd.value_or(*m.plannedStart);
        row->bars.insert(row->bars.begin(),
                         TimelineBar{Facade::hub(), key, row->label, *m.plannedStart, end, false, false});
        lo = std::min(*lo, *m.plannedStart);
        hi = std::max(*hi, end);
    }
    for (auto& row : m_rows) {
        if (row.header) continue;
        for (const auto& w : timeline.warnings) row.warned = row.warned || baseKey(w.subject) == row.key;
    }
    lo = lo ? std::min(*lo, timeline.today) : timeline.today;
    hi = hi ? std::max(*hi, timeline.today) : timeline.today;
    // Whole months either side, so the ticks frame the bars.
    m_first = monthStart(lo->addDays(-20));
    m_days = std::max(31, m_first->daysUntil(monthStart(hi->addMonths(1)).addMonths(1)));
}

void TimelineView::drawContent(Context& context) {
    const TimelineData& data = context.facade.timeline();
    if (m_revision != context.facade.revision()) {
        m_revision = context.facade.revision();
        rebuild(data.timeline);
    }
    widgets::sectionError(data.error);
    const Timeline& t = data.timeline;
    if (m_rows.empty()) {
        if (data.error.empty())
            ImGui::TextDisabled("No milestones or cycles yet: plan them with `crosswalk timeline`.");
        return;
    }
    // Certificate facts in one line.
    ImGui::Text("Today %s", t.today.str().c_str());
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    if (t.certificateIssued) {
        ImGui::TextDisabled("certificate");
        ImGui::SameLine();
        ImGui::Text("%s .. %s", t.certificateIssued->str().c_str(), widgets::dateText(t.certificateExpires).c_str());
        ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
        ImGui::TextDisabled("surveillance");
        ImGui::SameLine();
        ImGui::Text("%s, %s", widgets::dateText(t.surveillance1Due).c_str(),
                    widgets::dateText(t.surveillance2Due).c_str());
        ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
        ImGui::TextDisabled("recertification");
        ImGui::SameLine();
        ImGui::Text("%s", widgets::dateText(t.recertificationDue).c_str());
    } else {
        ImGui::TextDisabled("no certificate date planned yet");
    }
    drawChart(t);
    drawWarnings(t);
}

void TimelineView::drawToolbar(float chartWidth) {
    const float font = ImGui::GetFontSize();
    const float fit = chartWidth / static_cast<float>(std::max(1, m_days));
    if (m_pxPerDay <= 0.0f) {
        m_pxPerDay = fit;
        m_scrollDays = 0.0f;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Zoom");
    ImGui::SameLine();
    if (ImGui::Button("-")) m_pxPerDay = std::max(fit, m_pxPerDay / 1.5f);
    ImGui::SameLine();
    if (ImGui::Button("+")) m_pxPerDay = std::min(40.0f, m_pxPerDay * 1.5f);
    ImGui::SameLine();
    if (ImGui::Button("Fit")) {
        m_pxPerDay = fit;
        m_scrollDays = 0.0f;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%.1f px/day", static_cast<double>(m_pxPerDay));
    const float visibleDays = chartWidth / m_pxPerDay;
    const float maxScroll = std::max(0.0f, static_cast<float>(m_days) - visibleDays);
    m_scrollDays = std::clamp(m_scrollDays, 0.0f, maxScroll);
    ImGui::SameLine(0.0f, font);
    ImGui::BeginDisabled(maxScroll <= 0.0f);
    ImGui::SetNextItemWidth(-1.0f);
    char shown[64] = "";
    if (m_first) {
        std::snprintf(shown, sizeof shown, "from %s", m_first->addDays(static_cast<int>(m_scrollDays)).str().c_str());
    }
    ImGui::SliderFloat("##scroll", &m_scrollDays, 0.0f, std::max(maxScroll, 1.0f), shown);
    ImGui::EndDisabled();
}

void TimelineView::drawChart(const Timeline& timeline) {
    const float font = ImGui::GetFontSize();
    float labelW = font * 8.0f;
    for (const auto& row : m_rows) labelW = std::max(labelW, ImGui::CalcTextSize(row.label.c_str()).x + font * 1.6f);
    labelW = std::min(labelW, font * 17.0f);
    const float chartWidth = std::max(font * 10.0f, ImGui::GetContentRegionAvail().x - labelW);
    drawToolbar(chartWidth);

    const float rowH = font * 1.4f;
    const float headerH = font * 2.5f;
    const float warningsH = font * 7.0f;
    const float wanted =
        headerH + rowH * static_cast<float>(m_rows.size()) + ImGui::GetStyle().WindowPadding.y * 2.0f + 2.0f;
    const float height = std::max(font * 8.0f, std::min(wanted, ImGui::GetContentRegionAvail().y - warningsH));
    if (!ImGui::BeginChild("chart", ImVec2(0.0f, height), true, ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::EndChild();
        return;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float innerW = ImGui::GetContentRegionAvail().x;
    m_chartX = origin.x + labelW;
    m_chartWidth = innerW - labelW;
    const ImVec2 size(innerW, headerH + rowH * static_cast<float>(m_rows.size()));
    ImGui::InvisibleButton("##gantt", size);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    // Pan by dragging, zoom with Ctrl+wheel around the mouse, scroll with the wheel.
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        m_scrollDays -= io.MouseDelta.x / m_pxPerDay;
    }
    if (hovered && io.MouseWheel != 0.0f) {
        if (io.KeyCtrl) {
            const float dayAtMouse = m_scrollDays + (io.MousePos.x - m_chartX) / m_pxPerDay;
            const float fit = m_chartWidth / static_cast<float>(std::max(1, m_days));
            m_pxPerDay = std::clamp(m_pxPerDay * (io.MouseWheel > 0.0f ? 1.25f : 0.8f), fit, 40.0f);
            m_scrollDays = dayAtMouse - (io.MousePos.x - m_chartX) / m_pxPerDay;
        } else {
            m_scrollDays -= io.MouseWheel * 30.0f;
        }
    }
    if (hovered && io.MouseWheelH != 0.0f) m_scrollDays -= io.MouseWheelH * 30.0f;
    m_scrollDays =
        std::clamp(m_scrollDays, 0.0f, std::max(0.0f, static_cast<float>(m_days) - m_chartWidth / m_pxPerDay));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float top = origin.y;
    const float bottom = origin.y + size.y;
    const float right = m_chartX + m_chartWidth;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);

    // Lane bands and row labels (not scrolled).
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        const float y = top + headerH + rowH * static_cast<float>(i);
        const ImVec4 laneColour = palette::framework(row.lane);
        if (row.header) {
            draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(right, y + rowH), withAlpha(laneColour, 0.10f));
        } else if (i % 2 == 1) {
            draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(right, y + rowH), IM_COL32(255, 255, 255, 8));
        }
        if (row.firstOfLane) {
            draw->AddLine(ImVec2(origin.x, y), ImVec2(right, y), IM_COL32(255, 255, 255, 40), 1.0f);
        }
        draw->AddRectFilled(ImVec2(origin.x, y + 2.0f), ImVec2(origin.x + 4.0f, y + rowH - 2.0f),
                            ImGui::GetColorU32(laneColour));
        float x = origin.x + (row.header ? font * 0.1f : font * 0.6f);
        if (row.warned) {
            draw->AddText(ImVec2(x, y + (rowH - font) * 0.5f), ImGui::GetColorU32(palette::kHigh), "!");
        }
        x += font * 0.6f;
        draw->PushClipRect(ImVec2(origin.x, y), ImVec2(m_chartX - font * 0.3f, y + rowH), true);
        draw->AddText(ImVec2(x, y + (rowH - font) * 0.5f), row.header ? ImGui::GetColorU32(laneColour) : text,
                      row.label.c_str());
        draw->PopClipRect();
        ImGui::LogText("%-14s %-34s", row.lane.c_str(), row.label.c_str());
        for (const auto& bar : row.bars) {
            ImGui::LogText(" %s %s..%s",
                           bar.actual    ? "actual"
                           : bar.derived ? "derived"
                                         : "planned",
                           bar.start.str().c_str(), bar.end.str().c_str());
        }
        ImGui::LogText("\n");
    }

    // The chart area is clipped: bars and ticks scroll under the labels' edge.
    draw->PushClipRect(ImVec2(m_chartX, top), ImVec2(right, bottom), true);
    // Month and year ticks, labels in the header.
    const Date firstShown = m_first->addDays(static_cast<int>(std::floor(m_scrollDays)));
    const Date lastShown = m_first->addDays(static_cast<int>(std::ceil(m_scrollDays + m_chartWidth / m_pxPerDay)) + 1);
    const float monthPx = m_pxPerDay * 30.4f;
    const float monthLabelW = ImGui::CalcTextSize("May").x + font * 0.4f;
    for (Date d = monthStart(firstShown); d <= lastShown; d = d.addMonths(1)) {
        const float x = xOf(d);
        const auto parts = ymd(d);
        const unsigned month = static_cast<unsigned>(parts.month());
        const bool year = month == 1;
        draw->AddLine(ImVec2(x, top + (year ? 0.0f : font * 1.2f)), ImVec2(x, bottom),
                      year ? IM_COL32(255, 255, 255, 70) : IM_COL32(255, 255, 255, 22), year ? 1.5f : 1.0f);
        if (year || d == monthStart(firstShown)) {
            char label[16];
            std::snprintf(label, sizeof label, "%d", static_cast<int>(parts.year()));
            draw->AddText(ImVec2(x + 3.0f, top), text, label);
            ImGui::LogText("[%s] ", label);
        }
        // Month names when they fit, else quarters.
        const bool show = monthPx >= monthLabelW || (monthPx * 3.0f >= monthLabelW && (month - 1) % 3 == 0);
        if (show) draw->AddText(ImVec2(x + 3.0f, top + font * 1.2f), muted, kMonths[month - 1]);
    }
    ImGui::LogText("\n");
    draw->AddLine(ImVec2(m_chartX, top + headerH - 2.0f), ImVec2(right, top + headerH - 2.0f),
                  IM_COL32(255, 255, 255, 50));

    // The certificate's validity as a faint band behind everything.
    if (timeline.certificateIssued && timeline.certificateExpires) {
        draw->AddRectFilled(ImVec2(xOf(*timeline.certificateIssued), top + headerH),
                            ImVec2(xOf(*timeline.certificateExpires), bottom),
                            withAlpha(palette::framework(Facade::hub()), 0.06f));
    }

    // Bars.
    const TimelineBar* hoverBar = nullptr;
    const ImVec2 mouse = io.MousePos;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        const float y = top + headerH + rowH * static_cast<float>(i);
        const ImVec4 colour = palette::framework(row.lane);
        // Planned first, actual over it: a slip shows as the solid bar running past the outline.
        for (int pass = 0; pass < 2; ++pass) {
            for (const auto& bar : row.bars) {
                if (bar.actual != (pass == 1)) continue;
                const float x0 = xOf(bar.start);
                const float x1 = std::max(xOf(bar.end.addDays(1)), x0 + 3.0f);
                const bool point = bar.start == bar.end;
                const float cy = y + rowH * 0.5f;
                if (point && m_pxPerDay < 3.0f) {
                    // One day is too thin for a bar: a diamond.
                    diamond(draw, ImVec2(x0, cy), rowH * 0.32f, ImGui::GetColorU32(colour), bar.actual || bar.derived);
                } else if (bar.actual) {
                    draw->AddRectFilled(ImVec2(x0, cy - rowH * 0.2f), ImVec2(x1, cy + rowH * 0.2f),
                                        ImGui::GetColorU32(colour), 2.0f);
                } else if (bar.derived) {
                    const ImVec2 a(x0, y + rowH * 0.18f);
                    const ImVec2 b(x1, y + rowH * 0.82f);
                    draw->AddRectFilled(a, b, withAlpha(colour, 0.18f), 2.0f);
                    draw->PushClipRect(a, b, true);
                    for (float sx = a.x - (b.y - a.y); sx < b.x; sx += 6.0f) {
                        draw->AddLine(ImVec2(sx, b.y), ImVec2(sx + (b.y - a.y), a.y), withAlpha(colour, 0.55f), 1.5f);
                    }
                    draw->PopClipRect();
                    draw->AddRect(a, b, withAlpha(colour, 0.9f), 2.0f);
                } else {
                    const ImVec2 a(x0, y + rowH * 0.18f);
                    const ImVec2 b(x1, y + rowH * 0.82f);
                    draw->AddRectFilled(a, b, withAlpha(colour, 0.30f), 3.0f);
                    draw->AddRect(a, b, withAlpha(colour, 0.95f), 3.0f, 0, 1.5f);
                }
                const float hx0 = point ? x0 - rowH * 0.35f : x0;
                const float hx1 = point ? x0 + rowH * 0.35f : x1;
                if (hovered && mouse.y >= y && mouse.y < y + rowH && mouse.x >= hx0 && mouse.x <= hx1) hoverBar = &bar;
            }
        }
        // The row's label again beside its first bar when the zoom leaves room.
        if (!row.bars.empty() && m_pxPerDay >= 2.0f) {
            const float x = xOf(row.bars.back().end.addDays(1)) + font * 0.4f;
            draw->AddText(ImVec2(x, y + (rowH - font) * 0.5f), muted, row.bars.back().label.c_str());
        }
    }

    // Today: a vertical marker over every lane.
    const float tx = xOf(timeline.today);
    m_todayX.reset();
    if (tx >= m_chartX && tx <= right) {
        m_todayX = tx;
        draw->AddLine(ImVec2(tx, top + font * 1.1f), ImVec2(tx, bottom), IM_COL32(235, 80, 70, 230), 2.0f);
        const std::string label = "today " + timeline.today.str();
        const ImVec2 ls = ImGui::CalcTextSize(label.c_str());
        const float lx = std::min(tx + 4.0f, right - ls.x - 2.0f);
        draw->AddRectFilled(ImVec2(lx - 2.0f, top + headerH - font - 4.0f),
                            ImVec2(lx + ls.x + 2.0f, top + headerH - 3.0f), IM_COL32(120, 30, 28, 230), 2.0f);
        draw->AddText(ImVec2(lx, top + headerH - font - 3.5f), IM_COL32(255, 235, 230, 255), label.c_str());
        ImGui::LogText("today %s at x=%.0f\n", timeline.today.str().c_str(), static_cast<double>(tx - m_chartX));
    }
    draw->PopClipRect();

    if (hoverBar != nullptr) {
        const int days = hoverBar->start.daysUntil(hoverBar->end) + 1;
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(hoverBar->label.c_str());
        ImGui::TextColored(palette::framework(hoverBar->lane), "%s", hoverBar->lane.c_str());
        ImGui::Text("%s: %s .. %s (%d day%s)",
                    hoverBar->actual    ? "actual"
                    : hoverBar->derived ? "derived"
                                        : "planned",
                    hoverBar->start.str().c_str(), hoverBar->end.str().c_str(), days, days == 1 ? "" : "s");
        const int from = timeline.today.daysUntil(hoverBar->start);
        ImGui::TextDisabled("starts %s", widgets::relativeDays(from).c_str());
        ImGui::EndTooltip();
    }
    ImGui::EndChild();

    // Legend.
    const ImVec4 iso = palette::framework(Facade::hub());
    const auto swatch = [&](const char* name, int style) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 a(p.x, p.y + font * 0.2f);
        const ImVec2 b(p.x + font * 1.8f, p.y + font * 0.95f);
        if (style == 0) {
            draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(a, b, withAlpha(iso, 0.3f), 3.0f);
            draw->AddRect(a, b, withAlpha(iso, 0.95f), 3.0f, 0, 1.5f);
        } else if (style == 1) {
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x, a.y + font * 0.15f), ImVec2(b.x, b.y - font * 0.15f),
                                                      ImGui::GetColorU32(iso), 2.0f);
        } else if (style == 2) {
            draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(a, b, withAlpha(iso, 0.18f), 2.0f);
            draw->PushClipRect(a, b, true);
            for (float sx = a.x - (b.y - a.y); sx < b.x; sx += 6.0f) {
                draw->AddLine(ImVec2(sx, b.y), ImVec2(sx + (b.y - a.y), a.y), withAlpha(iso, 0.55f), 1.5f);
            }
            draw->PopClipRect();
            draw->AddRect(a, b, withAlpha(iso, 0.9f), 2.0f);
        } else {
            ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x + font * 0.9f, a.y - 2.0f),
                                                ImVec2(a.x + font * 0.9f, b.y + 2.0f), IM_COL32(235, 80, 70, 230),
                                                2.0f);
        }
        ImGui::Dummy(ImVec2(font * 1.8f, font));
        ImGui::SameLine(0.0f, font * 0.3f);
        ImGui::TextDisabled("%s", name);
        ImGui::SameLine(0.0f, font);
    };
    swatch("planned", 0);
    swatch("actual", 1);
    swatch("derived (surveillance, recertification, repeats)", 2);
    swatch("today", 3);
    ImGui::TextDisabled("Ctrl+wheel zooms, drag or wheel pans");
}

void TimelineView::drawWarnings(const Timeline& timeline) {
    const float font = ImGui::GetFontSize();
    ImGui::Text("Warnings (%zu)", timeline.warnings.size());
    if (timeline.warnings.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(palette::kFull, "nothing slips, nothing will be stale at an audit");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("warnings", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, font * 11.0f);
    ImGui::TableSetupColumn("Subject", ImGuiTableColumnFlags_WidthFixed, font * 9.0f);
    ImGui::TableSetupColumn("Warning", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(timeline.warnings.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TimelineWarning& w = timeline.warnings[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(warningColour(w.kind), "%s", std::string(toString(w.kind)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(w.subject.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(w.message.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace cw::gui
