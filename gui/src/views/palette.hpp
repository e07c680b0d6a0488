// Colours shared by the views: coverage levels, relationships, the heat-map ramp.
#pragma once

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/model/model.hpp>

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

namespace cw::gui::palette {

inline const ImVec4 kFull{0.38f, 0.78f, 0.42f, 1.0f};
inline const ImVec4 kPartial{0.96f, 0.73f, 0.30f, 1.0f};
inline const ImVec4 kNone{0.88f, 0.40f, 0.36f, 1.0f};
inline const ImVec4 kMuted{0.52f, 0.54f, 0.58f, 1.0f};
inline const ImVec4 kAccent{0.45f, 0.72f, 1.0f, 1.0f};

inline ImVec4 level(CoverageLevel l) {
    return l == CoverageLevel::Full ? kFull : l == CoverageLevel::Partial ? kPartial : kNone;
}

inline ImVec4 relationship(Relationship r) {
    switch (r) {
        case Relationship::Equal:
            return kFull;
        case Relationship::SupersetOf:
            return ImVec4(0.55f, 0.85f, 0.55f, 1.0f);
        case Relationship::SubsetOf:
            return kPartial;
        case Relationship::IntersectsWith:
            return ImVec4(0.85f, 0.62f, 0.90f, 1.0f);
        case Relationship::NoRelationship:
            break;
    }
    return kMuted;
}

/// Viridis, sampled at five stops: perceptually even and readable for colour-blind eyes.
inline ImVec4 ramp(double t) {
    static const ImVec4 kStops[] = {{0.267f, 0.005f, 0.329f, 1.0f},
                                    {0.230f, 0.322f, 0.546f, 1.0f},
                                    {0.128f, 0.567f, 0.551f, 1.0f},
                                    {0.369f, 0.789f, 0.383f, 1.0f},
                                    {0.993f, 0.906f, 0.144f, 1.0f}};
    const float x = static_cast<float>(std::clamp(t, 0.0, 1.0)) * 4.0f;
    const int i = std::min(static_cast<int>(x), 3);
    const float f = x - static_cast<float>(i);
    const ImVec4& a = kStops[i];
    const ImVec4& b = kStops[i + 1];
    return {a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f, 1.0f};
}

/// Black or white, whichever reads better on `background`.
inline ImU32 textOn(const ImVec4& background) {
    const float luminance = 0.2126f * background.x + 0.7152f * background.y + 0.0722f * background.z;
    return luminance > 0.5f ? IM_COL32(20, 20, 24, 255) : IM_COL32(245, 245, 248, 255);
}

/// A fixed colour per known framework (chips, timeline lanes), a stable hashed one otherwise.
inline ImVec4 framework(std::string_view id) {
    if (id.starts_with("iso27001")) return {0.36f, 0.60f, 0.95f, 1.0f};
    if (id.starts_with("soc2")) return {0.62f, 0.48f, 0.92f, 1.0f};
    if (id == "hipaa") return {0.25f, 0.75f, 0.70f, 1.0f};
    if (id.starts_with("pci-dss")) return {0.95f, 0.58f, 0.28f, 1.0f};
    if (id == "gdpr") return {0.90f, 0.42f, 0.62f, 1.0f};
    if (id.starts_with("nist-csf")) return {0.55f, 0.75f, 0.32f, 1.0f};
    if (id.starts_with("nist-sp800-53")) return {0.80f, 0.72f, 0.30f, 1.0f};
    std::uint32_t h = 2166136261u;  // FNV-1a: the same colour in every run
    for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return ramp(0.15 + 0.8 * static_cast<double>(h % 1000u) / 1000.0);
}

/// The short name a chip shows.
inline std::string frameworkShort(std::string_view id) {
    if (id.starts_with("iso27001")) return "ISO 27001";
    if (id.starts_with("soc2")) return "SOC 2";
    if (id == "hipaa") return "HIPAA";
    if (id.starts_with("pci-dss")) return "PCI DSS";
    if (id == "gdpr") return "GDPR";
    if (id.starts_with("nist-csf")) return "NIST CSF";
    if (id.starts_with("nist-sp800-53")) return "800-53";
    return std::string(id);
}

/// A framework chip: rounded, in the framework's colour, laid out like a small button.
/// Also logs the full id, so headless tests read which frameworks a row shows.
inline void chip(std::string_view id) {
    const std::string text = frameworkShort(id);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float padX = ImGui::GetFontSize() * 0.35f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 box(size.x + padX * 2.0f, ImGui::GetTextLineHeight());
    const ImVec4 colour = framework(id);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), ImGui::GetColorU32(colour), box.y * 0.5f);
    draw->AddText(ImVec2(p.x + padX, p.y), textOn(colour), text.c_str());
    ImGui::Dummy(box);
    ImGui::LogText("[%.*s] ", static_cast<int>(id.size()), id.data());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(id.size()), id.data());
}

/// Chips in a row; with `wrap`, continued on the next line when the space is used up
/// (table rows keep one line so the list clipper sees equal row heights).
template <typename Range>
inline void chips(const Range& ids, bool wrap = true) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& id : ids) {
        if (!first) {
            const float next = ImGui::CalcTextSize(frameworkShort(id).c_str()).x + ImGui::GetFontSize() * 0.7f;
            ImGui::SameLine(0.0f, ImGui::GetFontSize() * 0.25f);
            if (wrap && ImGui::GetCursorScreenPos().x + next > right) ImGui::NewLine();
        }
        first = false;
        chip(id);
    }
}

inline const ImVec4 kHigh{0.86f, 0.30f, 0.28f, 1.0f};
inline const ImVec4 kMedium{0.95f, 0.66f, 0.22f, 1.0f};
inline const ImVec4 kLow{0.36f, 0.72f, 0.40f, 1.0f};
inline const ImVec4 kInfo{0.45f, 0.65f, 0.90f, 1.0f};
inline const ImVec4 kPlanned{0.40f, 0.60f, 0.92f, 1.0f};
inline const ImVec4 kNotStarted{0.42f, 0.44f, 0.50f, 1.0f};

}  // namespace cw::gui::palette
