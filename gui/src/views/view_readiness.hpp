#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <string>

namespace cw::gui {

/// Gaps and readiness: a progress bar per target framework, the remediation list ranked by
/// how many frameworks each action advances, the open requirements, and the Stage 1 and
/// Stage 2 findings grouped by severity.
class ReadinessView final : public View {
public:
    enum class Tab { Remediation, Open, Stage1, Stage2 };

    ReadinessView() : View("Gaps & readiness", "readiness", {.defaultSize = ImVec2(1180, 780)}) {}

    void setTab(Tab tab) {
        m_requestTab = tab;
        m_tabRequested = true;
    }
    /// The framework whose open requirements the "Open requirements" tab lists.
    void setOpenFramework(std::string framework) { m_openFramework = std::move(framework); }

private:
    void drawContent(Context& context) override;
    void drawProgress(const ReadinessData& data, Context& context);
    void drawRemediation(const ReadinessData& data);
    void drawOpen(Context& context, const ReadinessData& data);
    void drawFindings(const char* id, const std::vector<cw::ReadinessFinding>& findings, Context& context);

    Tab m_requestTab = Tab::Remediation;
    bool m_tabRequested = false;
    std::string m_openFramework;
};

}  // namespace cw::gui
