#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::gui {

/// The evidence library: each item's reuse factor, the frameworks it serves, freshness and
/// owner, with filters; the selected item's links and per-framework scope beneath.
class EvidenceView final : public View {
public:
    EvidenceView() : View("Evidence", "evidence", {.defaultSize = ImVec2(1180, 760)}) {}

    void setKindFilter(std::optional<cw::EvidenceKind> kind) {
        m_kind = kind;
        m_dirty = true;
    }
    void setFreshnessFilter(std::optional<cw::Freshness> freshness) {
        m_freshness = freshness;
        m_dirty = true;
    }
    /// Only items serving this framework (empty: all).
    void setFrameworkFilter(std::string framework) {
        m_framework = std::move(framework);
        m_dirty = true;
    }
    /// Only items serving two frameworks or more.
    void setSharedOnly(bool shared) {
        m_sharedOnly = shared;
        m_dirty = true;
    }
    void setTextFilter(std::string text) {
        m_text = std::move(text);
        m_dirty = true;
    }
    void select(std::string key) { m_selected = std::move(key); }

    /// The rows the table shows, in its order (after filters and sorting).
    [[nodiscard]] const std::vector<const EvidenceRow*>& visibleRows() const { return m_visible; }
    [[nodiscard]] const std::string& selected() const { return m_selected; }

private:
    void drawContent(Context& context) override;
    void refilter(const EvidenceData& data);
    void drawFilters(const EvidenceData& data);
    void drawSummary(const EvidenceData& data, cw::Date today);
    void drawTable(const EvidenceData& data, float height);
    void drawDetail(Context& context, const EvidenceRow& row);

    std::uint64_t m_revision = 0;
    bool m_dirty = true;
    std::optional<cw::EvidenceKind> m_kind;
    std::optional<cw::Freshness> m_freshness;
    std::string m_framework;
    bool m_sharedOnly = false;
    std::string m_text;
    std::string m_selected;
    int m_sortColumn = 3;  ///< reuse, most reused first
    bool m_sortAscending = false;
    bool m_autoSelected = false;
    std::vector<const EvidenceRow*> m_visible;
};

}  // namespace cw::gui
