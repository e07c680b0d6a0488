#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::gui {

/// The selected control: attributes, ancestors, children, and its crosswalk: related
/// requirements in every framework, with the path that explains each inferred one.
class ControlView final : public View {
public:
    ControlView()
        : View("Control & crosswalk", "control",
               {.openByDefault = true, .defaultSize = ImVec2(820, 720), .needsWorkspace = false}) {}

    [[nodiscard]] const std::optional<ControlInfo>& control() const { return m_control; }
    [[nodiscard]] const std::vector<cw::Related>& related() const { return m_related; }

private:
    void drawContent(Context& context) override;
    void refresh(Context& context);
    void drawHeader(Context& context);
    void drawRelated(Context& context);

    std::uint64_t m_generation = 0;
    std::string m_ref;
    int m_depth = 0;
    std::optional<ControlInfo> m_control;
    std::string m_error;
    std::vector<cw::Related> m_related;
    std::vector<std::string> m_frameworks;  ///< frameworks of set-related results, in order of first appearance
    std::size_t m_possible = 0;
    bool m_showPossible = true;
};

}  // namespace cw::gui
