#include "view_evidence.hpp"

#include "../text.hpp"
#include "palette.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <climits>

namespace cw::gui {

namespace {

constexpr std::array kKinds = {EvidenceKind::Policy, EvidenceKind::Procedure,     EvidenceKind::Record,
                               EvidenceKind::Log,    EvidenceKind::Configuration, EvidenceKind::Screenshot,
                               EvidenceKind::Report, EvidenceKind::Ticket};
constexpr std::array kFreshness = {Freshness::Current, Freshness::SoonStale, Freshness::Stale, Freshness::Undated};

enum Column { kKey, kTitle, kKind, kReuse, kFrameworks, kFresh, kOwner, kColumns };

ImVec4 freshnessColour(Freshness f) {
    switch (f) {
        case Freshness::Current:
            return palette::kFull;
        case Freshness::SoonStale:
            return palette::kPartial;
        case Freshness::Stale:
            return palette::kNone;
        case Freshness::Undated:
            break;
    }
    return palette::kMuted;
}

const char* freshnessLabel(Freshness f) {
    switch (f) {
        case Freshness::Current:
            return "current";
        case Freshness::SoonStale:
            return "soon stale";
        case Freshness::Stale:
            return "stale";
        case Freshness::Undated:
            break;
    }
    return "undated";
}

/// Stale first when ascending: days left, undated items last.
int expiryOrder(const EvidenceRow& r) {
    return r.expires ? r.daysLeft : INT_MAX;
}

/// A combo over an optional enum: "All" or one value.
template <typename Enum, std::size_t N, typename Label>
bool optionalCombo(const char* id, std::optional<Enum>& value, const std::array<Enum, N>& values, Label label,
                   float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const std::string preview = value ? std::string(label(*value)) : std::string("all");
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (ImGui::Selectable("all", !value)) {
            value.reset();
            changed = true;
        }
        for (const Enum v : values) {
            const std::string text(label(v));
            if (ImGui::Selectable(text.c_str(), value == v)) {
                value = v;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void EvidenceView::refilter(const EvidenceData& data) {
    m_visible.clear();
    for (const auto& row : data.rows) {
        const EvidenceItem& item = row.item;
        if (m_kind && item.kind != *m_kind) continue;
        if (m_freshness && row.freshness != *m_freshness) continue;
        if (m_sharedOnly && item.reuse() < 2) continue;
        if (!m_framework.empty() && std::ranges::find(item.frameworks, m_framework) == item.frameworks.end()) continue;
        if (!m_text.empty() && !text::containsFolded(item.key + " " + item.title + " " + item.owner, m_text)) continue;
        m_visible.push_back(&row);
    }
    const auto before = [this](const EvidenceRow* a, const EvidenceRow* b) {
        const EvidenceItem& x = a->item;
        const EvidenceItem& y = b->item;
        switch (m_sortColumn) {
            case kTitle:
                return x.title < y.title;
            case kKind:
                return x.kind < y.kind;
            case kReuse:
                return x.reuse() != y.reuse() ? x.reuse() < y.reuse() : x.requirements < y.requirements;
            case kFresh:
                return expiryOrder(*a) < expiryOrder(*b);
            case kOwner:
                return x.owner < y.owner;
            default:
                return x.key < y.key;
        }
    };
    std::ranges::stable_sort(m_visible, [&](const EvidenceRow* a, const EvidenceRow* b) {
        return m_sortAscending ? before(a, b) : before(b, a);
    });
    m_dirty = false;
}

void EvidenceView::drawContent(Context& context) {
    const EvidenceData& data = context.facade.evidence();
    if (m_revision != context.facade.revision()) {
        m_revision = context.facade.revision();
        m_dirty = true;
    }
    widgets::sectionError(data.error);
    if (data.rows.empty()) {
        if (data.error.empty()) {
            ImGui::TextDisabled("The evidence library is empty: add items with `crosswalk evidence add`.");
        }
        return;
    }
    drawFilters(data);
    if (m_dirty) refilter(data);
    if (m_selected.empty() && !m_autoSelected && !m_visible.empty()) {
        // Open on the most reused item, so the links and scope panel shows what sharing means.
        m_selected = m_visible.front()->item.key;
        m_autoSelected = true;
    }
    drawSummary(data, context.facade.today());

    const EvidenceRow* selected = nullptr;
    for (const auto& row : data.rows) {
        if (row.item.key == m_selected) selected = &row;
    }
    const float avail = ImGui::GetContentRegionAvail().y;
    drawTable(data, selected != nullptr ? std::max(avail * 0.55f, ImGui::GetFontSize() * 8.0f) : 0.0f);
    if (selected != nullptr) drawDetail(context, *selected);
}

void EvidenceView::drawFilters(const EvidenceData& data) {
    const float font = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Kind");
    ImGui::SameLine();
    if (optionalCombo(
            "##kind", m_kind, kKinds, [](EvidenceKind k) { return toString(k); }, font * 8.0f)) {
        m_dirty = true;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("Freshness");
    ImGui::SameLine();
    if (optionalCombo("##fresh", m_freshness, kFreshness, freshnessLabel, font * 7.0f)) m_dirty = true;
    ImGui::SameLine();
    ImGui::TextUnformatted("Framework");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 10.0f);
    if (ImGui::BeginCombo("##framework", m_framework.empty() ? "all" : m_framework.c_str())) {
        if (ImGui::Selectable("all", m_framework.empty())) {
            m_framework.clear();
            m_dirty = true;
        }
        for (const auto& f : data.frameworks) {
            if (ImGui::Selectable(f.c_str(), f == m_framework)) {
                m_framework = f;
                m_dirty = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Checkbox("Shared only", &m_sharedOnly)) m_dirty = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Items serving two frameworks or more");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(font * 8.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::InputTextWithHint("##text", "filter key, title, owner", &m_text)) m_dirty = true;
}

void EvidenceView::drawSummary(const EvidenceData& data, Date today) {
    std::size_t counts[4] = {};
    std::size_t shared = 0;
    for (const auto& row : data.rows) {
        ++counts[static_cast<int>(row.freshness)];
        shared += row.item.reuse() >= 2 ? 1u : 0u;
    }
    ImGui::Text("%zu of %zu items", m_visible.size(), data.rows.size());
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.2f);
    ImGui::TextColored(palette::kAccent, "%zu shared (serve 2+ frameworks)", shared);
    for (const Freshness f : kFreshness) {
        ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.2f);
        ImGui::TextColored(freshnessColour(f), "%zu %s", counts[static_cast<int>(f)], freshnessLabel(f));
    }
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.2f);
    ImGui::TextDisabled("(freshness at %s)", today.str().c_str());
}

void EvidenceView::drawTable(const EvidenceData& data, float height) {
    const float font = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("evidence", kColumns, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Key", ImGuiTableColumnFlags_WidthFixed, font * 4.5f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, font * 6.5f);
    // Most reused first: shared evidence is what this view is for.
    ImGui::TableSetupColumn("Reuse",
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                ImGuiTableColumnFlags_PreferSortDescending,
                            font * 8.5f);
    ImGui::TableSetupColumn("Frameworks served", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                            2.2f);
    ImGui::TableSetupColumn("Freshness (expires)", ImGuiTableColumnFlags_WidthFixed, font * 11.0f);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            m_sortColumn = specs->Specs[0].ColumnIndex;
            m_sortAscending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        }
        specs->SpecsDirty = false;
        refilter(data);
    }
    const float barWidth = font * 3.0f;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_visible.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const EvidenceRow& row = *m_visible[static_cast<std::size_t>(i)];
            const EvidenceItem& item = row.item;
            ImGui::PushID(item.key.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(item.key.c_str(), item.key == m_selected, ImGuiSelectableFlags_SpanAllColumns)) {
                m_selected = item.key == m_selected ? std::string() : item.key;
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(item.title.c_str());
            if (ImGui::IsItemHovered() && !item.location.empty()) ImGui::SetTooltip("%s", item.location.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(isOperational(item.kind) ? palette::kAccent : palette::kMuted, "%s",
                               std::string(toString(item.kind)).c_str());
            ImGui::TableNextColumn();
            // Reuse factor as a bar against the most reused item, then the number.
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float share =
                data.maxReuse > 0 ? static_cast<float>(item.reuse()) / static_cast<float>(data.maxReuse) : 0.0f;
            ImDrawList* draw = ImGui::GetWindowDrawList();
            const float y0 = p.y + font * 0.2f;
            const float y1 = p.y + font * 0.85f;
            draw->AddRectFilled(ImVec2(p.x, y0), ImVec2(p.x + barWidth, y1), IM_COL32(50, 54, 62, 255), 2.0f);
            if (share > 0.0f) {
                draw->AddRectFilled(ImVec2(p.x, y0), ImVec2(p.x + barWidth * share, y1),
                                    ImGui::GetColorU32(palette::ramp(0.35 + 0.65 * static_cast<double>(share))), 2.0f);
            }
            ImGui::Dummy(ImVec2(barWidth, font));
            ImGui::SameLine();
            ImGui::Text("%zu", item.reuse());
            ImGui::SameLine(0.0f, font * 0.3f);
            ImGui::TextDisabled("(%zu req)", item.requirements);
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("serves %zu framework%s, %zu requirement%s", item.reuse(),
                                  item.reuse() == 1 ? "" : "s", item.requirements, item.requirements == 1 ? "" : "s");
            }
            ImGui::TableNextColumn();
            if (item.frameworks.empty()) {
                ImGui::TextDisabled("none");
            } else {
                palette::chips(item.frameworks, false);
            }
            ImGui::TableNextColumn();
            ImGui::TextColored(freshnessColour(row.freshness), "%s", freshnessLabel(row.freshness));
            if (row.expires) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", row.expires->str().c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("expires %s", widgets::relativeDays(row.daysLeft).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(item.owner.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void EvidenceView::drawDetail(Context& context, const EvidenceRow& row) {
    const EvidenceItem& item = row.item;
    const float font = ImGui::GetFontSize();
    if (!ImGui::BeginChild("detail", ImVec2(0.0f, 0.0f), true)) {
        ImGui::EndChild();
        return;
    }
    ImGui::Text("%s  %s", item.key.c_str(), item.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s, %s)", std::string(toString(item.kind)).c_str(),
                        isOperational(item.kind) ? "operational" : "documentation");
    ImGui::SameLine(ImGui::GetContentRegionMax().x - font * 1.2f);
    if (ImGui::SmallButton("x")) m_selected.clear();

    if (ImGui::BeginTable("facts", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("Owner");
        ImGui::SameLine(font * 6.0f);
        ImGui::TextUnformatted(item.owner.c_str());
        ImGui::TextDisabled("Collected");
        ImGui::SameLine(font * 6.0f);
        ImGui::TextUnformatted(widgets::dateText(item.collectedOn).c_str());
        ImGui::TextDisabled("Expires");
        ImGui::SameLine(font * 6.0f);
        if (row.expires) {
            ImGui::TextColored(freshnessColour(row.freshness), "%s (%s, %s)", row.expires->str().c_str(),
                               freshnessLabel(row.freshness), widgets::relativeDays(row.daysLeft).c_str());
        } else {
            ImGui::TextColored(palette::kMuted, "never: no valid-until nor review cadence");
        }
        if (item.reviewDays) {
            ImGui::TextDisabled("Review");
            ImGui::SameLine(font * 6.0f);
            ImGui::Text("every %d days", *item.reviewDays);
        }
        ImGui::TableNextColumn();
        ImGui::TextDisabled("Location");
        ImGui::SameLine(font * 5.5f);
        widgets::wrapped(item.location.empty() ? "-" : item.location);
        if (!item.sha256.empty()) {
            ImGui::TextDisabled("SHA-256");
            ImGui::SameLine(font * 5.5f);
            ImGui::TextUnformatted(item.sha256.c_str());
        }
        if (!item.description.empty()) widgets::wrapped(item.description);
        ImGui::EndTable();
    }

    ImGui::Separator();
    ImGui::Text("Serves %zu framework%s and %zu requirement%s:", item.reuse(), item.reuse() == 1 ? "" : "s",
                item.requirements, item.requirements == 1 ? "" : "s");
    ImGui::SameLine();
    palette::chips(item.frameworks);

    // Per-framework scope: every framework the links reach, valid or scoped out, and any
    // explicit decision on a framework the links do not reach.
    struct ScopeLine {
        std::string framework;
        bool valid = true;
        bool reached = true;
        std::string note;
    };
    std::vector<ScopeLine> lines;
    const auto noteFor = [&](const std::string& f) {
        for (const auto& s : item.scope) {
            if (s.framework == f) return s.note;
        }
        return std::string();
    };
    for (const auto& f : item.frameworks) lines.push_back({f, true, true, noteFor(f)});
    for (const auto& f : item.scopedOut) lines.push_back({f, false, true, noteFor(f)});
    for (const auto& s : item.scope) {
        const bool listed = std::ranges::any_of(lines, [&](const ScopeLine& l) { return l.framework == s.framework; });
        if (!listed) lines.push_back({s.framework, s.valid, false, s.note});
    }
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    if (ImGui::BeginChild("scope", ImVec2(half, 0.0f), false)) {
        ImGui::TextDisabled("Per-framework scope");
        if (ImGui::BeginTable(
                "scope_table", 3,
                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("Framework", ImGuiTableColumnFlags_WidthFixed, font * 9.0f);
            ImGui::TableSetupColumn("Scope", ImGuiTableColumnFlags_WidthFixed, font * 7.0f);
            ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (const auto& l : lines) {
                ImGui::PushID(l.framework.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                palette::chip(l.framework);
                ImGui::TableNextColumn();
                if (!l.valid) {
                    ImGui::TextColored(palette::kNone, "scoped out");
                } else if (l.reached) {
                    ImGui::TextColored(palette::kFull, "in scope");
                } else {
                    ImGui::TextColored(palette::kMuted, "not reached");
                }
                ImGui::TableNextColumn();
                widgets::wrapped(l.note.empty() ? std::string() : l.note);
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (ImGui::BeginChild("links", ImVec2(0.0f, 0.0f), false)) {
        ImGui::TextDisabled("Linked to (%zu)", item.links.size());
        for (const auto& link : item.links) {
            ImGui::PushID(link.c_str());
            const bool requirement = link.find(':') != std::string::npos;
            if (requirement) {
                if (ImGui::Selectable(link.c_str(), context.selectedControl == link)) context.selectControl(link);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("requirement: open in the control view");
            } else {
                ImGui::TextUnformatted(link.c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("common control");
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace cw::gui
