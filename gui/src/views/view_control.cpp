#include "view_control.hpp"

#include "palette.hpp"

#include <imgui.h>

#include <algorithm>
#include <string_view>
#include <utility>

namespace cw::gui {

namespace {

/// A relationship's name in its colour.
void relationshipText(Relationship r) {
    const std::string_view name = toString(r);
    ImGui::TextColored(palette::relationship(r), "%.*s", static_cast<int>(name.size()), name.data());
}

/// Related only through a path that guarantees no set relation.
bool possible(const Related& r) {
    return !r.relationship;
}

void relatedRow(Context& context, const Related& r, bool explain) {
    ImGui::PushID(r.control.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (possible(r)) {
        ImGui::TextDisabled("possibly related");
    } else {
        relationshipText(*r.relationship);
    }
    ImGui::TableNextColumn();
    const float font = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, possible(r) ? palette::kMuted : palette::kAccent);
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", r.confidence);
    ImGui::ProgressBar(static_cast<float>(r.confidence), ImVec2(font * 4.0f, 0.0f), conf);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (r.direct) {
        ImGui::TextUnformatted("direct");
    } else {
        ImGui::TextDisabled("inferred");
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (possible(r)) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    bool open = false;
    if (!r.direct && !r.path.empty()) {
        open = ImGui::TreeNodeEx("path",
                                 ImGuiTreeNodeFlags_SpanAvailWidth | (explain ? ImGuiTreeNodeFlags_DefaultOpen : 0),
                                 "%s", r.control.c_str());
    } else {
        ImGui::TreeNodeEx(
            "path", ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_SpanAvailWidth,
            "%s", r.control.c_str());
    }
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) context.selectControl(r.control);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to open %s", r.control.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(r.title.c_str());
    if (possible(r)) ImGui::PopStyleColor();
    if (open) {
        // The explanation: one hop per line, with the pack that asserts it.
        for (std::size_t k = 0; k < r.path.size(); ++k) {
            const PathStep& hop = r.path[k];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("hop %zu", k + 1);
            ImGui::TableNextColumn();
            ImGui::Indent();
            ImGui::TextUnformatted(hop.from.c_str());
            ImGui::Unindent();
            ImGui::TableNextColumn();
            relationshipText(hop.relationship);
            ImGui::SameLine();
            ImGui::Text("%s", hop.to.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("(%.2f, %s%s)", hop.confidence, hop.pack.c_str(),
                                hop.reversed ? ", read in reverse" : "");
        }
        ImGui::TreePop();
    }
    ImGui::PopID();
}

bool beginRelatedTable(const char* id, bool headers) {
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 5, flags)) return false;
    const float font = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Relationship", ImGuiTableColumnFlags_WidthFixed, font * 8.0f);
    ImGui::TableSetupColumn("Confidence", ImGuiTableColumnFlags_WidthFixed, font * 4.5f);
    ImGui::TableSetupColumn("Via", ImGuiTableColumnFlags_WidthFixed, font * 4.0f);
    ImGui::TableSetupColumn("Requirement", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.5f);
    if (headers) ImGui::TableHeadersRow();
    return true;
}

}  // namespace

void ControlView::refresh(Context& context) {
    if (m_generation == context.facade.generation() && m_ref == context.selectedControl && m_depth == context.depth) {
        return;
    }
    m_generation = context.facade.generation();
    m_ref = context.selectedControl;
    m_depth = context.depth;
    m_control.reset();
    m_related.clear();
    m_frameworks.clear();
    m_possible = 0;
    m_error.clear();
    if (m_ref.empty()) return;
    auto control = context.facade.control(m_ref);
    if (!control) {
        m_error = control.error().message;
        return;
    }
    m_control = std::move(*control);
    m_related = context.facade.related(m_ref, m_depth);
    for (const auto& r : m_related) {
        if (possible(r)) {
            ++m_possible;
        } else if (std::ranges::find(m_frameworks, r.framework) == m_frameworks.end()) {
            m_frameworks.push_back(r.framework);
        }
    }
}

void ControlView::drawContent(Context& context) {
    refresh(context);
    if (m_ref.empty()) {
        ImGui::TextDisabled("Select a control in the catalog, a heat-map cell or the search (Ctrl+F).");
    } else if (!m_control) {
        ImGui::TextColored(palette::kNone, "%s", m_error.c_str());
    } else {
        drawHeader(context);
        drawRelated(context);
    }
}

void ControlView::drawHeader(Context& context) {
    const ControlInfo& c = *m_control;
    // Breadcrumbs: framework > ancestors > this control.
    ImGui::TextDisabled("%s", c.frameworkName.c_str());
    for (const auto& a : c.ancestors) {
        ImGui::PushID(a.fullRef.c_str());
        ImGui::SameLine(0.0f, 4.0f);
        ImGui::TextDisabled(">");
        ImGui::SameLine(0.0f, 4.0f);
        const auto colon = a.fullRef.find(':');
        if (ImGui::SmallButton(colon == std::string::npos ? a.fullRef.c_str() : a.fullRef.c_str() + colon + 1)) {
            context.selectControl(a.fullRef);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", a.title.c_str());
        ImGui::PopID();
    }
    ImGui::TextColored(palette::kAccent, "%s", c.fullRef.c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(c.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s%s)", c.kind.c_str(), c.assessable ? ", assessable" : ", not assessable");
    if (!c.description.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(c.description.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!c.attributes.empty() && ImGui::BeginTable("attributes", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& [key, value] : c.attributes) {
            ImGui::PushID(key.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", key.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!c.children.empty()) {
        char label[64];
        std::snprintf(label, sizeof label, "Children (%zu)###children", c.children.size());
        if (ImGui::TreeNode(label)) {
            for (const auto& k : c.children) {
                ImGui::PushID(k.fullRef.c_str());
                if (ImGui::Selectable(k.fullRef.c_str(), false)) context.selectControl(k.fullRef);
                ImGui::SameLine();
                ImGui::TextDisabled("%s", k.title.c_str());
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
    }
    ImGui::Separator();
}

void ControlView::drawRelated(Context& context) {
    ImGui::Text("Crosswalk: %zu related in %zu framework%s", m_related.size() - m_possible, m_frameworks.size(),
                m_frameworks.size() == 1 ? "" : "s");
    ImGui::SameLine();
    ImGui::TextDisabled("(depth %d; relationship of this control to each; expand an inferred one for its path)",
                        m_depth);
    if (!ImGui::BeginChild("related")) {
        ImGui::EndChild();
        return;
    }
    if (m_related.empty()) ImGui::TextDisabled("No mapping reaches this control.");
    const Related* firstInferred = nullptr;
    for (const auto& r : m_related) {
        if (!r.direct && !possible(r) && !r.path.empty()) {
            firstInferred = &r;
            break;
        }
    }
    bool first = true;
    for (const auto& framework : m_frameworks) {
        std::size_t count = 0;
        for (const auto& r : m_related) count += (!possible(r) && r.framework == framework) ? 1u : 0u;
        ImGui::PushID(framework.c_str());
        char label[128];
        std::snprintf(label, sizeof label, "%s  (%zu)###fw", framework.c_str(), count);
        if (ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen) &&
            beginRelatedTable("related_table", std::exchange(first, false))) {
            for (const auto& r : m_related) {
                if (possible(r) || r.framework != framework) continue;
                // The first inferred relation opens with its path, so the explanation is in sight.
                const bool explain = !r.direct && &r == firstInferred;
                relatedRow(context, r, explain);
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    if (m_possible > 0) {
        char label[128];
        std::snprintf(label, sizeof label,
                      "Possibly related (%zu): the path guarantees no set relation; never coverage###possible",
                      m_possible);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        // A short list is shown; a long one waits to be asked for.
        const bool open = ImGui::CollapsingHeader(label, m_possible <= 12 ? ImGuiTreeNodeFlags_DefaultOpen : 0);
        ImGui::PopStyleColor();
        if (open && beginRelatedTable("possible_table", first)) {
            ImGuiListClipper clipper;
            std::vector<const Related*> rows;
            for (const auto& r : m_related) {
                if (possible(r)) rows.push_back(&r);
            }
            clipper.Begin(static_cast<int>(rows.size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    relatedRow(context, *rows[static_cast<std::size_t>(i)], false);
                }
            }
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
}

}  // namespace cw::gui
