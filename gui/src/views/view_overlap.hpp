#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cw::gui {

/// The asymmetric N×N coverage heat map, the requirements behind a cell, N-way shared
/// requirement sets and the marginal cost of adding a framework.
class OverlapView final : public View {
public:
    enum class Tab { Coverage, SharedSets, Marginal };

    OverlapView();

    /// The text the heat map draws in cell (from, to), e.g. "54%/89%"; what tests assert on.
    [[nodiscard]] static std::string cellText(const cw::Coverage& cell);
    [[nodiscard]] const OverlapMatrix* matrix() const { return m_matrix; }
    void selectCell(int from, int to);
    [[nodiscard]] int selectedFrom() const { return m_from; }
    [[nodiscard]] int selectedTo() const { return m_to; }
    [[nodiscard]] const std::vector<cw::MarginalItem>& cellRows() const { return m_cellRows; }
    [[nodiscard]] const std::vector<cw::SharedSet>& sharedSets() const { return m_shared; }
    [[nodiscard]] const cw::Marginal& marginal() const { return m_marginal; }
    void setTab(Tab tab) {
        m_requestTab = tab;
        m_tabRequested = true;
    }
    void setMarginal(std::vector<std::string> have, std::string add);

private:
    void drawContent(Context& context) override;
    void refresh(Context& context);
    void drawCoverage(Context& context);
    void drawHeatMap();
    void drawLegend();
    void drawCellRequirements(Context& context);
    void drawSharedSets();
    void drawMarginal(Context& context);

    std::uint64_t m_generation = 0;
    int m_depth = 0;
    const OverlapMatrix* m_matrix = nullptr;
    int m_from = -1;
    int m_to = -1;
    bool m_cellDirty = false;
    std::vector<cw::MarginalItem> m_cellRows;
    bool m_showLevel[3] = {true, true, true};  ///< none, partial, full
    std::vector<cw::SharedSet> m_shared;
    std::vector<std::string> m_have;
    std::string m_add;
    bool m_marginalDirty = true;
    bool m_showCovered = false;
    cw::Marginal m_marginal;
    Tab m_requestTab = Tab::Coverage;
    bool m_tabRequested = false;
};

}  // namespace cw::gui
