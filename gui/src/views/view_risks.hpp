#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::gui {

/// The risk register: inherent and residual likelihood × impact heat maps side by side
/// (the workspace's matrix, cells coloured by level with the count of risks), and the risk
/// table beneath, filtered by the clicked cell.
class RiskView final : public View {
public:
    /// A heat-map cell: which map, likelihood and impact (1-based, as scored).
    struct Cell {
        bool residual = false;
        int likelihood = 0;
        int impact = 0;
        friend bool operator==(const Cell&, const Cell&) = default;
    };

    RiskView() : View("Risk register", "risks", {.defaultSize = ImVec2(1180, 800)}) {}

    /// Risks in a cell of the inherent or residual map, as drawn.
    [[nodiscard]] int cellCount(bool residual, int likelihood, int impact) const;
    /// Filters the table to one cell (nullopt: every risk).
    void selectCell(std::optional<Cell> cell) {
        m_cell = cell;
        m_dirty = true;
    }
    [[nodiscard]] const std::optional<Cell>& selectedCell() const { return m_cell; }
    [[nodiscard]] const std::vector<const cw::Risk*>& visibleRisks() const { return m_visible; }

private:
    void drawContent(Context& context) override;
    void refresh(const RiskData& data);
    void drawMap(const RiskData& data, bool residual, float width);
    void drawLegend(const cw::RiskMatrix& matrix);
    void drawTable(Context& context, const RiskData& data);

    std::uint64_t m_revision = 0;
    bool m_dirty = true;
    int m_levelsL = 0;
    int m_levelsI = 0;
    std::vector<int> m_inherent;  ///< [(likelihood-1) * impactLevels + (impact-1)]
    std::vector<int> m_residual;
    int m_noResidual = 0;
    std::optional<Cell> m_cell;
    std::vector<const cw::Risk*> m_visible;
};

}  // namespace cw::gui
