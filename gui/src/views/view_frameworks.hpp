#pragma once

#include "../view.hpp"

namespace cw::gui {

/// Frameworks with counts and provenance, the plugins that brought them, the mapping packs.
class FrameworksView final : public View {
public:
    FrameworksView() : View("Frameworks & plugins", "frameworks", true) {}
    void draw(Context& context) override;
};

}  // namespace cw::gui
