#include "view_catalog.hpp"

#include "../notices.hpp"
#include "../text.hpp"
#include "palette.hpp"

#include <crosswalk/model/text.hpp>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <set>

namespace cw::gui {

namespace {

bool containsAll(const std::string& haystack, const std::vector<std::string>& words) {
    return std::ranges::all_of(words, [&](const std::string& w) { return haystack.find(w) != std::string::npos; });
}

const std::string* attribute(const ControlItem& c, const std::string& key) {
    for (const auto& [k, v] : c.attributes) {
        if (k == key) return &v;
    }
    return nullptr;
}

void attributeTooltip(const ControlItem& c) {
    if (!ImGui::IsItemHovered() || c.attributes.empty()) return;
    ImGui::BeginTooltip();
    ImGui::TextDisabled("%s%s", c.kind.c_str(), c.assessable ? ", assessable" : "");
    for (const auto& [k, v] : c.attributes) ImGui::Text("%s: %s", k.c_str(), v.c_str());
    ImGui::EndTooltip();
}

}  // namespace

void CatalogView::selectFramework(const std::string& framework) {
    m_framework = framework;
    m_controls = nullptr;
    m_generation = 0;
    m_dirty = true;
}

void CatalogView::setFilter(std::string text) {
    m_filter = std::move(text);
    m_dirty = true;
}

void CatalogView::setAttributeFilter(std::string key, std::string value) {
    m_attrKey = std::move(key);
    m_attrValue = std::move(value);
    m_dirty = true;
}

void CatalogView::setAssessableOnly(bool only) {
    m_assessableOnly = only;
    m_dirty = true;
}

bool CatalogView::filtering() const {
    return !m_filter.empty() || !m_attrKey.empty() || m_assessableOnly;
}

void CatalogView::refresh(Context& context) {
    if (m_generation != context.facade.generation() || m_controls == nullptr) {
        m_generation = context.facade.generation();
        const auto& frameworks = context.facade.frameworks();
        if (context.facade.framework(m_framework) == nullptr) {
            m_framework.clear();
            if (context.facade.framework(Facade::hub()) != nullptr) {
                m_framework = Facade::hub();
            } else if (!frameworks.empty()) {
                m_framework = frameworks.front().id;
            }
        }
        m_controls = nullptr;
        if (!m_framework.empty()) {
            if (const auto controls = context.facade.controls(m_framework)) {
                m_controls = *controls;
            } else {
                context.notices.error("Catalog: " + controls.error().message);
            }
        }
        std::set<std::string> keys;
        if (m_controls != nullptr) {
            for (const auto& c : *m_controls) {
                for (const auto& a : c.attributes) keys.insert(a.first);
            }
        }
        m_attributeKeys.assign(keys.begin(), keys.end());
        if (!keys.contains(m_attrKey)) m_attrKey.clear();
        m_dirty = true;
    }
    if (!m_dirty) return;
    m_dirty = false;
    m_rows.clear();
    const std::size_t n = m_controls ? m_controls->size() : 0;
    m_matches.assign(n, 0);
    m_visible.assign(n, 0);
    const std::vector<std::string> words = text::searchTerms(m_filter);
    const std::string value = cw::lower(m_attrValue);
    for (std::size_t i = 0; i < n; ++i) {
        const ControlItem& c = (*m_controls)[i];
        if (m_assessableOnly && !c.assessable) continue;
        if (!words.empty() && !containsAll(cw::lower(c.ref + " " + c.title), words)) continue;
        if (!m_attrKey.empty()) {
            const std::string* v = attribute(c, m_attrKey);
            if (v == nullptr || (!value.empty() && cw::lower(*v).find(value) == std::string::npos)) continue;
        }
        m_matches[i] = 1;
        m_rows.push_back(static_cast<int>(i));
        // Ancestors stay visible so the tree keeps its shape.
        for (int k = static_cast<int>(i); k >= 0 && !m_visible[static_cast<std::size_t>(k)];
             k = (*m_controls)[static_cast<std::size_t>(k)].parentIndex) {
            m_visible[static_cast<std::size_t>(k)] = 1;
        }
    }
}

void CatalogView::drawContent(Context& context) {
    refresh(context);
    drawToolbar(context);
    refresh(context);
    if (m_controls == nullptr) {
        ImGui::TextDisabled("No framework to show.");
    } else if (m_tree) {
        drawTree(context);
    } else {
        drawList(context);
    }
}

void CatalogView::drawToolbar(Context& context) {
    const float font = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(font * 14.0f);
    if (ImGui::BeginCombo("##framework", m_framework.c_str())) {
        for (const auto& f : context.facade.frameworks()) {
            ImGui::PushID(f.id.c_str());
            if (ImGui::Selectable(f.id.c_str(), f.id == m_framework)) selectFramework(f.id);
            ImGui::SameLine();
            ImGui::TextDisabled("%lld", static_cast<long long>(f.controls));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::RadioButton("Tree", m_tree)) m_tree = true;
    ImGui::SameLine();
    if (ImGui::RadioButton("List", !m_tree)) m_tree = false;
    ImGui::SameLine();
    if (ImGui::Checkbox("Assessable only", &m_assessableOnly)) m_dirty = true;

    ImGui::SetNextItemWidth(font * 14.0f);
    if (ImGui::InputTextWithHint("##filter", "Filter ref or title", &m_filter)) m_dirty = true;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 10.0f);
    if (ImGui::BeginCombo("##attr", m_attrKey.empty() ? "any attribute" : m_attrKey.c_str())) {
        if (ImGui::Selectable("any attribute", m_attrKey.empty())) setAttributeFilter({}, {});
        for (const auto& k : m_attributeKeys) {
            ImGui::PushID(k.c_str());
            if (ImGui::Selectable(k.c_str(), k == m_attrKey)) setAttributeFilter(k, m_attrValue);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (!m_attrKey.empty()) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(font * 8.0f);
        if (ImGui::InputTextWithHint("##attrvalue", "value", &m_attrValue)) m_dirty = true;
    }
    ImGui::SameLine();
    const std::size_t total = m_controls ? m_controls->size() : 0;
    ImGui::TextDisabled("%zu of %zu", m_rows.size(), total);
    ImGui::Separator();
}

void CatalogView::drawTree(Context& context) {
    if (!ImGui::BeginChild("tree")) {
        ImGui::EndChild();
        return;
    }
    for (std::size_t i = 0; i < m_controls->size(); ++i) {
        if ((*m_controls)[i].parentIndex < 0 && m_visible[i]) drawTreeNode(context, static_cast<int>(i));
    }
    ImGui::EndChild();
}

void CatalogView::drawTreeNode(Context& context, int index) {
    const ControlItem& c = (*m_controls)[static_cast<std::size_t>(index)];
    bool hasChildren = false;
    for (const int k : c.children) hasChildren = hasChildren || m_visible[static_cast<std::size_t>(k)];
    const std::string fullRef = m_framework + ":" + c.ref;
    ImGuiTreeNodeFlags flags =
        ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_OpenOnDoubleClick | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (!hasChildren) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (context.selectedControl == fullRef) flags |= ImGuiTreeNodeFlags_Selected;
    if (filtering() && hasChildren) ImGui::SetNextItemOpen(true);
    const bool matched = m_matches[static_cast<std::size_t>(index)] != 0;
    if (!matched || !c.assessable)
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const bool open = ImGui::TreeNodeEx(c.ref.c_str(), flags, "%s  %s", c.ref.c_str(), c.title.c_str());
    if (!matched || !c.assessable) ImGui::PopStyleColor();
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) context.selectControl(fullRef);
    attributeTooltip(c);
    if (open && hasChildren) {
        for (const int k : c.children) {
            if (m_visible[static_cast<std::size_t>(k)]) drawTreeNode(context, k);
        }
        ImGui::TreePop();
    }
}

void CatalogView::drawList(Context& context) {
    const int columns = m_attrKey.empty() ? 3 : 4;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("controls", columns, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Ref", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    if (columns == 4) ImGui::TableSetupColumn(m_attrKey.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const ControlItem& c = (*m_controls)[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(r)])];
            const std::string fullRef = m_framework + ":" + c.ref;
            ImGui::PushID(c.ref.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Indent(static_cast<float>(c.depth) * ImGui::GetFontSize() * 0.6f + 0.01f);
            if (ImGui::Selectable(c.ref.c_str(), context.selectedControl == fullRef,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                context.selectControl(fullRef);
            }
            attributeTooltip(c);
            ImGui::Unindent(static_cast<float>(c.depth) * ImGui::GetFontSize() * 0.6f + 0.01f);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.title.c_str());
            ImGui::TableNextColumn();
            if (c.assessable) {
                ImGui::TextUnformatted(c.kind.c_str());
            } else {
                ImGui::TextDisabled("%s", c.kind.c_str());
            }
            if (columns == 4) {
                ImGui::TableNextColumn();
                const std::string* v = attribute(c, m_attrKey);
                ImGui::TextUnformatted(v ? v->c_str() : "");
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace cw::gui
