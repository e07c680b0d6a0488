#pragma once

#include "../facade.hpp"
#include "../view.hpp"

namespace cw::gui {

/// Internal audits with their findings (type colour-coded) and corrective actions, and
/// management reviews with the ten 9.3.2 inputs recorded or missing and the decisions.
class AuditsView final : public View {
public:
    enum class Tab { Audits, Reviews };

    AuditsView() : View("Audits & reviews", "audits", {.defaultSize = ImVec2(1150, 760)}) {}
    void setTab(Tab tab) {
        m_requestTab = tab;
        m_tabRequested = true;
    }

private:
    void drawContent(Context& context) override;
    void drawAudits(Context& context, const AuditData& data);
    void drawReviews(const AuditData& data);

    Tab m_requestTab = Tab::Audits;
    bool m_tabRequested = false;
};

}  // namespace cw::gui
