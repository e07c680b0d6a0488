#include "view.hpp"

#include "facade.hpp"

namespace cw::gui {

void View::draw(Context& context) {
    ImGui::SetNextWindowSize(m_options.defaultSize, ImGuiCond_FirstUseEver);
    context.applyLayout();
    // End is called whatever Begin returns: a collapsed window is still on the stack.
    if (ImGui::Begin(m_title.c_str(), &m_open, m_options.flags)) {
        context.capture();
        if (m_options.needsWorkspace && !context.facade.isOpen()) {
            ImGui::TextDisabled("No workspace is open (File > Open workspace...).");
        } else {
            drawContent(context);
        }
    }
    ImGui::End();
}

}  // namespace cw::gui
