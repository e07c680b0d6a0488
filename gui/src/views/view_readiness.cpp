#include "view_readiness.hpp"

#include "palette.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace cw::gui {

namespace {

using widgets::joined;
using widgets::statusColour;

constexpr std::array kSeverities = {Severity::Blocker, Severity::Major, Severity::Minor, Severity::Info};

ImVec4 severityColour(Severity s) {
    switch (s) {
        case Severity::Blocker:
            return palette::kHigh;
        case Severity::Major:
            return palette::kMedium;
        case Severity::Minor:
            return palette::kPartial;
        case Severity::Info:
            break;
    }
    return palette::kInfo;
}

/// The control a finding is about, when its subject names one: a full ref, a hub Annex A
/// ref, or a plugin check's local ref ("hipaa.required-not-implemented" on
/// "164.308(a)(8)" is hipaa:164.308(a)(8)).
std::string controlOf(const Facade& facade, const ReadinessFinding& f) {
    if (f.subject.empty()) return {};
    if (f.subject.find(':') != std::string::npos) return f.subject;
    const std::string prefix = f.check.substr(0, f.check.find('.'));
    if (prefix != "stage1" && prefix != "stage2" && facade.framework(prefix) != nullptr) {
        return prefix + ":" + f.subject;
    }
    if (f.subject.starts_with("A.") && f.subject.size() > 2 && f.subject[2] >= '5' && f.subject[2] <= '8') {
        return Facade::hub() + ":" + f.subject;
    }
    return {};
}

void subjectCell(Context& context, const ReadinessFinding& f) {
    const std::string control = controlOf(context.facade, f);
    if (control.empty()) {
        ImGui::TextUnformatted(f.subject.c_str());
        return;
    }
    if (ImGui::Selectable(f.subject.c_str(), context.selectedControl == control)) context.selectControl(control);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("open %s in the control view", control.c_str());
}

}  // namespace

void ReadinessView::drawContent(Context& context) {
    const ReadinessData& data = context.facade.readiness();
    widgets::sectionError(data.error);
    drawProgress(data, context);

    // A new Stage 2 date drops the section `data` refers to: applied once the tabs are drawn.
    std::optional<std::optional<Date>> newAt;
    if (ImGui::BeginTabBar("readiness_tabs")) {
        const auto flagsFor = [&](Tab tab) {
            return m_tabRequested && m_requestTab == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        };
        char label[64];
        std::snprintf(label, sizeof label, "Remediation (%zu)###remediation", data.remediation.size());
        if (ImGui::BeginTabItem(label, nullptr, flagsFor(Tab::Remediation))) {
            drawRemediation(data);
            ImGui::EndTabItem();
        }
        std::size_t open = 0;
        for (const auto& g : data.gaps) open += g.open.size();
        std::snprintf(label, sizeof label, "Open requirements (%zu)###open", open);
        if (ImGui::BeginTabItem(label, nullptr, flagsFor(Tab::Open))) {
            drawOpen(context, data);
            ImGui::EndTabItem();
        }
        std::snprintf(label, sizeof label, "Stage 1 (%zu)###stage1", data.stage1.size());
        if (ImGui::BeginTabItem(label, nullptr, flagsFor(Tab::Stage1))) {
            ImGui::TextDisabled(
                "Documentation review at %s: SoA, scope, risk assessment, mandatory documented "
                "information, and each target plugin's own checks.",
                context.facade.today().str().c_str());
            drawFindings("stage1", data.stage1, context);
            ImGui::EndTabItem();
        }
        std::snprintf(label, sizeof label, "Stage 2 (%zu)###stage2", data.stage2.size());
        if (ImGui::BeginTabItem(label, nullptr, flagsFor(Tab::Stage2))) {
            ImGui::AlignTextToFramePadding();
            ImGui::Text("Judged at %s", data.stage2At.str().c_str());
            ImGui::SameLine();
            const bool atToday = !context.facade.stage2At().has_value();
            if (ImGui::RadioButton("today", atToday) && !atToday) newAt = std::optional<Date>();
            if (data.plannedStage2) {
                ImGui::SameLine();
                const std::string planned = "the planned Stage 2 (" + data.plannedStage2->str() + ")";
                const bool atPlanned = context.facade.stage2At() == data.plannedStage2;
                if (ImGui::RadioButton(planned.c_str(), atPlanned) && !atPlanned) newAt = data.plannedStage2;
            }
            drawFindings("stage2", data.stage2, context);
            ImGui::EndTabItem();
        }
        m_tabRequested = false;
        ImGui::EndTabBar();
    }
    if (newAt) context.facade.setStage2At(*newAt);
}

void ReadinessView::drawProgress(const ReadinessData& data, Context& context) {
    const float font = ImGui::GetFontSize();
    if (data.gaps.empty()) {
        ImGui::TextDisabled("No target frameworks yet: choose them with `crosswalk target add`.");
        return;
    }
    ImGui::TextUnformatted("Progress per target framework");
    ImGui::SameLine();
    ImGui::TextDisabled("(applicable requirements, status carried from the common controls; at %s)",
                        context.facade.today().str().c_str());
    if (!ImGui::BeginTable("progress", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) return;
    ImGui::TableSetupColumn("Framework", ImGuiTableColumnFlags_WidthFixed, font * 11.0f);
    ImGui::TableSetupColumn("Bar", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Figures", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    for (const auto& g : data.gaps) {
        ImGui::PushID(g.framework.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        palette::chip(g.framework);
        ImGui::SameLine();
        ImGui::TextDisabled("%3.0f%%", std::floor(g.progress() * 100.0));  // as the CLI: never 100% before done
        ImGui::TableNextColumn();
        widgets::stackedBar("##bar",
                            {{static_cast<std::int64_t>(g.implemented), palette::kFull, "implemented"},
                             {static_cast<std::int64_t>(g.partial), palette::kPartial, "partial"},
                             {static_cast<std::int64_t>(g.planned), palette::kPlanned, "planned"},
                             {static_cast<std::int64_t>(g.notStarted), palette::kNotStarted, "not started"}},
                            ImGui::GetContentRegionAvail().x, font * 1.25f);
        ImGui::TableNextColumn();
        ImGui::Text("%zu of %zu implemented", g.implemented, g.applicable);
        ImGui::SameLine();
        ImGui::TextDisabled("%zu with current evidence, %zu n/a", g.implementedWithEvidence, g.notApplicable);
        ImGui::PopID();
    }
    ImGui::EndTable();
    // Legend.
    const std::array<std::pair<const char*, ImVec4>, 4> legend = {{{"implemented", palette::kFull},
                                                                   {"partial", palette::kPartial},
                                                                   {"planned", palette::kPlanned},
                                                                   {"not started", palette::kNotStarted}}};
    for (const auto& [name, colour] : legend) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(p.x, p.y + font * 0.25f), ImVec2(p.x + font * 0.8f, p.y + font), ImGui::GetColorU32(colour), 2.0f);
        ImGui::Dummy(ImVec2(font * 0.8f, font));
        ImGui::SameLine(0.0f, font * 0.3f);
        ImGui::TextDisabled("%s", name);
        ImGui::SameLine(0.0f, font);
    }
    ImGui::NewLine();
    ImGui::Spacing();
}

void ReadinessView::drawRemediation(const ReadinessData& data) {
    const float font = ImGui::GetFontSize();
    ImGui::TextDisabled(
        "Bring these common controls to implemented; ranked by how many target frameworks each "
        "advances, then by requirements.");
    if (data.remediation.empty()) {
        ImGui::TextDisabled("Nothing left to do.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("remediation", 8, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, font * 2.0f);
    ImGui::TableSetupColumn("Common control", ImGuiTableColumnFlags_WidthFixed, font * 6.5f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, font * 6.0f);
    ImGui::TableSetupColumn("Advances", ImGuiTableColumnFlags_WidthStretch, 1.9f);
    ImGui::TableSetupColumn("Requirements", ImGuiTableColumnFlags_WidthFixed, font * 6.0f);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(data.remediation.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RemediationAction& a = data.remediation[static_cast<std::size_t>(i)];
            ImGui::PushID(a.commonControl.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%d", i + 1);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.commonControl.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(statusColour(a.status), "%s", std::string(toString(a.status)).c_str());
            ImGui::TableNextColumn();
            palette::chips(a.frameworks, false);
            ImGui::TableNextColumn();
            ImGui::Text("%zu", a.requirements);
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("%zu open requirement%s advanced, %zu of them would become implemented",
                                  a.requirements, a.requirements == 1 ? "" : "s", a.wouldImplement);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.owner.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(widgets::dateText(a.due).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void ReadinessView::drawOpen(Context& context, const ReadinessData& data) {
    const float font = ImGui::GetFontSize();
    if (data.gaps.empty()) return;
    const FrameworkGap* gap = &data.gaps.front();
    for (const auto& g : data.gaps) {
        if (g.framework == m_openFramework) gap = &g;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Framework");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 12.0f);
    if (ImGui::BeginCombo("##framework", gap->framework.c_str())) {
        for (const auto& g : data.gaps) {
            if (ImGui::Selectable(g.framework.c_str(), &g == gap)) m_openFramework = g.framework;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu applicable requirements not implemented yet", gap->open.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("open", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Requirement", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, font * 6.0f);
    ImGui::TableSetupColumn("Via", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(gap->open.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RequirementStatus& r = gap->open[static_cast<std::size_t>(i)];
            const std::string full = r.framework + ":" + r.ref;
            ImGui::PushID(full.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(r.ref.c_str(), context.selectedControl == full)) context.selectControl(full);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(statusColour(r.status), "%s", std::string(toString(r.status)).c_str());
            ImGui::TableNextColumn();
            if (r.via.empty()) {
                ImGui::TextDisabled("no common control");
            } else {
                ImGui::TextUnformatted(r.via.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.owner.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(widgets::dateText(r.due).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void ReadinessView::drawFindings(const char* id, const std::vector<ReadinessFinding>& findings, Context& context) {
    const float font = ImGui::GetFontSize();
    std::array<std::size_t, kSeverities.size()> counts{};
    for (const auto& f : findings) ++counts[static_cast<std::size_t>(f.severity)];
    for (const Severity s : kSeverities) {
        char text[48];
        std::snprintf(text, sizeof text, "%zu %s", counts[static_cast<std::size_t>(s)],
                      std::string(toString(s)).c_str());
        widgets::badge(text, counts[static_cast<std::size_t>(s)] > 0 ? severityColour(s) : palette::kNotStarted);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (findings.empty()) {
        ImGui::TextColored(palette::kFull, "No findings: ready on every check.");
        return;
    }
    ImGui::PushID(id);
    if (ImGui::BeginChild("findings", ImVec2(0.0f, 0.0f), false)) {
        for (const Severity s : kSeverities) {
            const std::size_t n = counts[static_cast<std::size_t>(s)];
            if (n == 0) continue;
            ImGui::PushID(static_cast<int>(s));
            ImGui::PushStyleColor(ImGuiCol_Text, severityColour(s));
            char header[64];
            std::snprintf(header, sizeof header, "%s (%zu)###sev", std::string(toString(s)).c_str(), n);
            const bool open = ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen);
            ImGui::PopStyleColor();
            if (open && ImGui::BeginTable("rows", 4,
                                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                              ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("Check", ImGuiTableColumnFlags_WidthStretch, 1.6f);
                ImGui::TableSetupColumn("Subject", ImGuiTableColumnFlags_WidthStretch, 0.8f);
                ImGui::TableSetupColumn("Finding", ImGuiTableColumnFlags_WidthStretch, 4.0f);
                ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthFixed, font * 7.0f);
                ImGui::TableHeadersRow();
                int row = 0;
                for (const auto& f : findings) {
                    if (f.severity != s) continue;
                    ImGui::PushID(row++);
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextColored(severityColour(s), "%s", f.check.c_str());
                    ImGui::TableNextColumn();
                    subjectCell(context, f);
                    ImGui::TableNextColumn();
                    widgets::wrapped(f.message);
                    ImGui::TableNextColumn();
                    if (f.source == "crosswalk") {
                        ImGui::TextDisabled("%s", f.source.c_str());
                    } else {
                        ImGui::TextColored(palette::kAccent, "%s", f.source.c_str());
                        if (ImGui::IsItemHovered())
                            ImGui::SetTooltip("a readiness check of plugin %s", f.source.c_str());
                    }
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::PopID();
}

}  // namespace cw::gui
