#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cw::gui {

/// A framework's control tree (or a flat, clipped list), filtered by text, attribute and assessability.
class CatalogView final : public View {
public:
    CatalogView() : View("Catalog", "catalog", {.openByDefault = true, .defaultSize = ImVec2(620, 720)}) {}

    void selectFramework(const std::string& framework);
    void setTreeMode(bool tree) { m_tree = tree; }
    void setFilter(std::string text);
    void setAttributeFilter(std::string key, std::string value);
    void setAssessableOnly(bool only);
    /// Controls that pass the filters (the flat list's rows).
    [[nodiscard]] std::size_t rowCount() const { return m_rows.size(); }
    [[nodiscard]] const std::string& framework() const { return m_framework; }

private:
    void drawContent(Context& context) override;
    void refresh(Context& context);
    void drawToolbar(Context& context);
    void drawTree(Context& context);
    void drawTreeNode(Context& context, int index);
    void drawList(Context& context);
    [[nodiscard]] bool filtering() const;

    std::uint64_t m_generation = 0;
    std::string m_framework;
    const std::vector<ControlItem>* m_controls = nullptr;
    std::vector<std::string> m_attributeKeys;
    bool m_tree = true;
    std::string m_filter;
    std::string m_attrKey;
    std::string m_attrValue;
    bool m_assessableOnly = false;
    bool m_dirty = true;
    std::vector<int> m_rows;      ///< indices of matching controls
    std::vector<char> m_matches;  ///< per control: matches the filters
    std::vector<char> m_visible;  ///< per control: matches, or a descendant does (tree mode)
};

}  // namespace cw::gui
