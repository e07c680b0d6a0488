#pragma once

#include "../view.hpp"

namespace cw::gui {

/// Frameworks with counts and provenance, the plugins that brought them, the mapping
/// packs, and the plugin files the host rejected with the reasons.
class FrameworksView final : public View {
public:
    FrameworksView()
        : View("Frameworks & plugins", "frameworks", {.openByDefault = true, .defaultSize = ImVec2(1000, 420)}) {}
    /// Brings the rejected-plugins tab to the front on the next frame.
    void showRejected() { m_showRejected = true; }

private:
    void drawContent(Context& context) override;
    bool m_showRejected = false;
};

}  // namespace cw::gui
