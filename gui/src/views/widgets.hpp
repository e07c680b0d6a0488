// Small drawing helpers the workbench views share: stacked bars, level badges,
// a section's load error, date text.
#pragma once

#include "palette.hpp"

#include <crosswalk/model/date.hpp>
#include <crosswalk/store/implementation.hpp>

#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace cw::gui::widgets {

/// One part of a stacked bar.
struct Segment {
    std::int64_t count = 0;
    ImVec4 colour;
    const char* name = "";
};

/// A horizontal bar split by `segments` (left to right), labelled inside where they fit,
/// with a tooltip of counts and shares. Logs "N name" per segment for the tests.
inline void stackedBar(const char* id, const std::vector<Segment>& segments, float width, float height) {
    std::int64_t total = 0;
    for (const auto& s : segments) total += s.count;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(50, 54, 62, 255), 3.0f);
    float x = origin.x;
    for (const auto& s : segments) {
        if (total <= 0 || s.count <= 0) continue;
        const float w = width * static_cast<float>(s.count) / static_cast<float>(total);
        draw->AddRectFilled(ImVec2(x, origin.y), ImVec2(x + w, origin.y + height), ImGui::GetColorU32(s.colour));
        char label[64];
        std::snprintf(label, sizeof label, "%lld", static_cast<long long>(s.count));
        const ImVec2 size = ImGui::CalcTextSize(label);
        if (size.x + 6.0f < w) {
            draw->AddText(ImVec2(x + (w - size.x) * 0.5f, origin.y + (height - size.y) * 0.5f),
                          palette::textOn(s.colour), label);
        }
        x += w;
    }
    for (const auto& s : segments) ImGui::LogText("%lld %s  ", static_cast<long long>(s.count), s.name);
    if (hovered && total > 0) {
        ImGui::BeginTooltip();
        for (const auto& s : segments) {
            ImGui::TextColored(s.colour, "%-12s %5lld  (%.0f%%)", s.name, static_cast<long long>(s.count),
                               100.0 * static_cast<double>(s.count) / static_cast<double>(total));
        }
        ImGui::EndTooltip();
    }
}

/// A small rounded badge in `colour` with `text` on it (severity, finding type, level).
inline void badge(const char* text, const ImVec4& colour) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float padX = ImGui::GetFontSize() * 0.35f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 box(size.x + padX * 2.0f, ImGui::GetTextLineHeight());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), ImGui::GetColorU32(colour), 3.0f);
    draw->AddText(ImVec2(p.x + padX, p.y), palette::textOn(colour), text);
    ImGui::Dummy(box);
    ImGui::LogText("%s ", text);
}

/// Shown in place of a section that could not be read (the workspace may predate it).
inline void sectionError(const std::string& error) {
    if (error.empty()) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::kNone, "Could not read everything: %s", error.c_str());
    ImGui::PopTextWrapPos();
}

inline std::string dateText(const std::optional<Date>& date) {
    return date ? date->str() : std::string("-");
}

/// "in 12 days", "today", "3 days ago".
inline std::string relativeDays(int days) {
    if (days == 0) return "today";
    char text[48];
    if (days > 0) {
        std::snprintf(text, sizeof text, "in %d day%s", days, days == 1 ? "" : "s");
    } else {
        std::snprintf(text, sizeof text, "%d day%s ago", -days, days == -1 ? "" : "s");
    }
    return text;
}

/// Text that wraps inside a table cell or panel.
inline void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

/// "a, b, c".
inline std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

/// The one colour per implementation status, in every view.
inline ImVec4 statusColour(ImplementationStatus s) {
    switch (s) {
        case ImplementationStatus::Implemented:
            return palette::kFull;
        case ImplementationStatus::Partial:
            return palette::kPartial;
        case ImplementationStatus::Planned:
            return palette::kPlanned;
        case ImplementationStatus::NotApplicable:
            return palette::kMuted;
        case ImplementationStatus::NotStarted:
            break;
    }
    return palette::kNotStarted;
}

}  // namespace cw::gui::widgets
