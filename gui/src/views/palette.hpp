// Colours shared by the views: coverage levels, relationships, the heat-map ramp.
#pragma once

#include "../facade.hpp"

#include <imgui.h>

#include <algorithm>
#include <string_view>

namespace cw::gui::palette {

inline const ImVec4 kFull{0.38f, 0.78f, 0.42f, 1.0f};
inline const ImVec4 kPartial{0.96f, 0.73f, 0.30f, 1.0f};
inline const ImVec4 kNone{0.88f, 0.40f, 0.36f, 1.0f};
inline const ImVec4 kMuted{0.52f, 0.54f, 0.58f, 1.0f};
inline const ImVec4 kAccent{0.45f, 0.72f, 1.0f, 1.0f};

inline ImVec4 level(Level l) {
    return l == Level::Full ? kFull : l == Level::Partial ? kPartial : kNone;
}

inline ImVec4 relationship(std::string_view r) {
    if (r == "equal") return kFull;
    if (r == "superset-of") return ImVec4(0.55f, 0.85f, 0.55f, 1.0f);
    if (r == "subset-of") return kPartial;
    if (r == "intersects-with") return ImVec4(0.85f, 0.62f, 0.90f, 1.0f);
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

}  // namespace cw::gui::palette
