#include "view_soa.hpp"

#include "../notices.hpp"
#include "../text.hpp"
#include "palette.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

namespace cw::gui {

namespace {

using widgets::joined;
using widgets::statusColour;

constexpr std::array kStatuses = {ImplementationStatus::NotStarted, ImplementationStatus::Planned,
                                  ImplementationStatus::Partial, ImplementationStatus::Implemented,
                                  ImplementationStatus::NotApplicable};

struct FormatInfo {
    ExportFormat format;
    const char* name;
    const char* extension;
};
constexpr std::array kFormats = {FormatInfo{ExportFormat::Xlsx, "XLSX", ".xlsx"},
                                 FormatInfo{ExportFormat::Csv, "CSV", ".csv"},
                                 FormatInfo{ExportFormat::Markdown, "Markdown", ".md"}};

const FormatInfo& formatInfo(ExportFormat f) {
    for (const auto& info : kFormats) {
        if (info.format == f) return info;
    }
    return kFormats.front();
}

const char* stateLabel(SoaState s) {
    return s == SoaState::Final ? "final" : "draft";
}

std::string statusLabel(ImplementationStatus s) {
    std::string text(toString(s));
    return text.empty() ? "?" : text;
}

bool needsAttention(const SoaRow& r) {
    return !r.applicable || r.justification.empty();
}

/// "soc2-2017:CC6.1" → count per framework, for chips with numbers.
std::map<std::string, std::size_t> driversByFramework(const std::vector<std::string>& drivers) {
    std::map<std::string, std::size_t> out;
    for (const auto& d : drivers) ++out[d.substr(0, d.find(':'))];
    return out;
}

}  // namespace

void SoaView::load(const SoaRow& row) {
    m_buffer = Buffer{row.ref, row.applicable, row.justification, row.otherDrivers, row.businessNeed, row.status,
                      {},      row.state};
}

void SoaView::select(Context& context, const std::string& ref) {
    m_selected = ref;
    for (const auto& row : context.facade.soa().rows) {
        if (row.ref == ref) load(row);
    }
}

bool SoaView::save(Context& context) {
    const SoaRow* row = nullptr;
    for (const auto& r : context.facade.soa().rows) {
        if (r.ref == m_buffer.ref) row = &r;
    }
    if (row == nullptr) {
        context.notices.error("SoA row " + m_buffer.ref + " is not in the workspace");
        return false;
    }
    // Only what changed: an edit marks the row as a person's, and drafting keeps it.
    SoaEdit edit;
    edit.ref = m_buffer.ref;
    if (m_buffer.applicable && m_buffer.applicable != row->applicable) edit.applicable = m_buffer.applicable;
    if (m_buffer.justification != row->justification) edit.justification = m_buffer.justification;
    if (m_buffer.otherDrivers != row->otherDrivers) edit.otherDrivers = m_buffer.otherDrivers;
    if (m_buffer.businessNeed != row->businessNeed) edit.businessNeed = m_buffer.businessNeed;
    if (m_buffer.status != row->status) {
        edit.status = m_buffer.status;
        edit.statusReason = m_buffer.statusReason;
    }
    if (m_buffer.state != row->state) edit.state = m_buffer.state;
    if (!edit.applicable && !edit.justification && !edit.otherDrivers && !edit.businessNeed && !edit.status &&
        !edit.state) {
        context.notices.info("SoA " + m_buffer.ref + ": nothing changed");
        return true;
    }
    if (auto saved = context.facade.editSoa(edit); !saved) {
        context.notices.error("SoA " + m_buffer.ref + " not saved: " + saved.error().message);
        return false;
    }
    context.notices.info("SoA " + m_buffer.ref + " saved");
    return true;
}

bool SoaView::draft(Context& context) {
    const auto result = context.facade.draftSoa();
    if (!result) {
        context.notices.error("SoA not drafted: " + result.error().message);
        return false;
    }
    char text[160];
    std::snprintf(text, sizeof text, "SoA drafted: %zu rows created, %zu refreshed, %zu edited rows kept",
                  result->created, result->refreshed, result->kept);
    context.notices.info(text);
    return true;
}

bool SoaView::exportTo(Context& context, ExportFormat format, const std::filesystem::path& file) {
    if (auto written = context.facade.exportSoa(format, file); !written) {
        context.notices.error("SoA not exported: " + written.error().message);
        return false;
    }
    context.notices.info("SoA written to " + file.string());
    return true;
}

void SoaView::refilter(const SoaData& data) {
    m_visible.clear();
    for (const auto& row : data.rows) {
        if (m_applicable == Applicable::Yes && row.applicable != true) continue;
        if (m_applicable == Applicable::No && row.applicable != false) continue;
        if (m_applicable == Applicable::Undecided && row.applicable.has_value()) continue;
        if (m_attention && !needsAttention(row)) continue;
        if (!m_text.empty() && !text::containsFolded(row.ref + " " + row.title + " " + row.justification, m_text))
            continue;
        m_visible.push_back(&row);
    }
    m_dirty = false;
}

void SoaView::drawContent(Context& context) {
    const SoaData& data = context.facade.soa();
    if (m_revision != context.facade.revision()) {
        m_revision = context.facade.revision();
        m_dirty = true;
        // Saved or redrafted: show what the workspace holds now.
        if (!m_selected.empty()) select(context, m_selected);
    }
    if (m_dirty) refilter(data);
    widgets::sectionError(data.error);
    drawToolbar(context, data);
    if (m_exportOpen) drawExportBar(context);
    if (data.rows.empty()) {
        if (data.error.empty()) ImGui::TextDisabled("No SoA yet: press Draft to make one row per Annex A control.");
        return;
    }
    const SoaRow* selected = nullptr;
    for (const auto& row : data.rows) {
        if (row.ref == m_selected) selected = &row;
    }
    const float editor = ImGui::GetFontSize() * 17.0f;
    const float avail = ImGui::GetContentRegionAvail().y;
    drawTable(context, selected != nullptr ? std::max(avail - editor, ImGui::GetFontSize() * 8.0f) : 0.0f);
    if (selected != nullptr) drawEditor(context, *selected);
}

void SoaView::drawToolbar(Context& context, const SoaData& data) {
    const float font = ImGui::GetFontSize();
    if (ImGui::Button("Draft")) draft(context);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip(
            "Draft or refresh every row from risk treatment, the targets' scoping and the crosswalk;\n"
            "rows edited by a person are kept");
    }
    ImGui::SameLine();
    if (ImGui::Button("Export...")) m_exportOpen = !m_exportOpen;
    ImGui::SameLine(0.0f, font);
    ImGui::SetNextItemWidth(font * 7.0f);
    const char* names[] = {"all rows", "applicable", "excluded", "undecided"};
    if (ImGui::BeginCombo("##applicable", names[static_cast<int>(m_applicable)])) {
        for (int i = 0; i < 4; ++i) {
            if (ImGui::Selectable(names[i], i == static_cast<int>(m_applicable)))
                setApplicableFilter(static_cast<Applicable>(i));
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Checkbox("Needs attention", &m_attention)) m_dirty = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Rows without a decision or without a justification");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 14.0f);
    if (ImGui::InputTextWithHint("##text", "filter ref, title, justification", &m_text)) m_dirty = true;

    std::size_t yes = 0;
    std::size_t no = 0;
    std::size_t undecided = 0;
    std::size_t final = 0;
    std::size_t attention = 0;
    for (const auto& r : data.rows) {
        yes += r.applicable == true ? 1u : 0u;
        no += r.applicable == false ? 1u : 0u;
        undecided += r.applicable ? 0u : 1u;
        final += r.state == SoaState::Final ? 1u : 0u;
        attention += needsAttention(r) ? 1u : 0u;
    }
    ImGui::Text("%zu of %zu rows", m_visible.size(), data.rows.size());
    ImGui::SameLine(0.0f, font);
    ImGui::TextColored(palette::kFull, "%zu applicable", yes);
    ImGui::SameLine(0.0f, font);
    ImGui::TextColored(palette::kMuted, "%zu excluded", no);
    ImGui::SameLine(0.0f, font);
    ImGui::TextColored(palette::kPartial, "%zu undecided", undecided);
    ImGui::SameLine(0.0f, font);
    ImGui::TextColored(palette::kAccent, "%zu final", final);
    ImGui::SameLine(0.0f, font);
    ImGui::TextColored(attention > 0 ? palette::kNone : palette::kFull, "%zu need attention", attention);
}

void SoaView::drawExportBar(Context& context) {
    const float font = ImGui::GetFontSize();
    ImGui::PushID("export");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Export as");
    for (const auto& info : kFormats) {
        ImGui::SameLine();
        if (ImGui::RadioButton(info.name, m_format == info.format) && m_format != info.format) {
            m_format = info.format;
            std::filesystem::path p(m_exportPath);
            p.replace_extension(info.extension);
            m_exportPath = p.string();
        }
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 22.0f);
    ImGui::InputTextWithHint("##path", "file to write", &m_exportPath);
    ImGui::SameLine();
    if (ImGui::Button("Browse...") && context.chooseSaveFile) {
        const FormatInfo& info = formatInfo(m_format);
        Context* ctx = &context;
        context.chooseSaveFile("Export the SoA as " + std::string(info.name), info.extension,
                               std::filesystem::path(m_exportPath).filename().string(),
                               [this, ctx](const std::filesystem::path& file) {
                                   m_exportPath = file.string();
                                   exportTo(*ctx, m_format, file);
                               });
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m_exportPath.empty());
    if (ImGui::Button("Write")) exportTo(context, m_format, m_exportPath);
    ImGui::EndDisabled();
    ImGui::PopID();
}

void SoaView::drawTable(Context& context, float height) {
    const float font = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("soa", 9, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Ref", ImGuiTableColumnFlags_WidthFixed, font * 3.8f);
    ImGui::TableSetupColumn("Control", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Applicable", ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
    ImGui::TableSetupColumn("Justification", ImGuiTableColumnFlags_WidthStretch, 3.2f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, font * 6.5f);
    ImGui::TableSetupColumn("Risks", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Drivers", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Evidence", ImGuiTableColumnFlags_WidthFixed, font * 4.2f);
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, font * 3.5f);
    ImGui::TableHeadersRow();
    std::string clicked;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_visible.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SoaRow& r = *m_visible[static_cast<std::size_t>(i)];
            ImGui::PushID(r.ref.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(r.ref.c_str(), r.ref == m_selected, ImGuiSelectableFlags_SpanAllColumns)) {
                clicked = r.ref == m_selected ? std::string("-") : r.ref;
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.title.c_str());
            ImGui::TableNextColumn();
            if (!r.applicable) {
                ImGui::TextColored(palette::kPartial, "undecided");
            } else if (*r.applicable) {
                ImGui::TextColored(palette::kFull, "yes");
            } else {
                ImGui::TextColored(palette::kMuted, "no");
            }
            ImGui::TableNextColumn();
            if (r.justification.empty()) {
                ImGui::TextColored(palette::kNone, "(no justification)");
            } else {
                ImGui::TextUnformatted(r.justification.c_str());
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(font * 36.0f);
                    ImGui::TextUnformatted(r.justification.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
            }
            ImGui::TableNextColumn();
            ImGui::TextColored(statusColour(r.status), "%s", statusLabel(r.status).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(joined(r.risks).c_str());
            ImGui::TableNextColumn();
            std::vector<std::string> frameworks;
            for (const auto& [f, n] : driversByFramework(r.frameworkDrivers)) frameworks.push_back(f);
            if (frameworks.empty()) {
                ImGui::TextDisabled("-");
            } else {
                palette::chips(frameworks, false);
            }
            if (ImGui::IsItemHovered() && !r.frameworkDrivers.empty()) {
                ImGui::SetTooltip("%zu requirements of the other targets: %s", r.frameworkDrivers.size(),
                                  joined(r.frameworkDrivers).c_str());
            }
            ImGui::TableNextColumn();
            if (r.evidence.empty()) {
                ImGui::TextDisabled("0");
            } else {
                ImGui::Text("%zu", r.evidence.size());
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", joined(r.evidence).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextColored(r.state == SoaState::Final ? palette::kAccent : palette::kMuted, "%s",
                               stateLabel(r.state));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    if (clicked == "-") {
        m_selected.clear();
    } else if (!clicked.empty()) {
        select(context, clicked);
    }
}

void SoaView::drawEditor(Context& context, const SoaRow& row) {
    const float font = ImGui::GetFontSize();
    if (!ImGui::BeginChild("editor", ImVec2(0.0f, 0.0f), true)) {
        ImGui::EndChild();
        return;
    }
    ImGui::Text("%s  %s", row.ref.c_str(), row.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s%s)", row.theme.c_str(), row.edited ? ", edited by hand" : ", as drafted");
    ImGui::SameLine(ImGui::GetContentRegionMax().x - font * 8.0f);
    if (ImGui::SmallButton("Open control")) context.selectControl(Facade::hub() + ":" + row.ref);
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) m_selected.clear();

    const float labelW = font * 7.5f;
    const float left = ImGui::GetContentRegionAvail().x * 0.62f;
    if (ImGui::BeginTable("form", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("edit", ImGuiTableColumnFlags_WidthFixed, left);
        ImGui::TableSetupColumn("facts", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Applicable");
        ImGui::SameLine(labelW);
        if (ImGui::RadioButton("yes", m_buffer.applicable == true)) m_buffer.applicable = true;
        ImGui::SameLine();
        if (ImGui::RadioButton("no (excluded)", m_buffer.applicable == false)) m_buffer.applicable = false;
        if (!m_buffer.applicable) {
            ImGui::SameLine();
            ImGui::TextColored(palette::kPartial, "undecided");
        }
        ImGui::SameLine(0.0f, font * 2.0f);
        ImGui::TextUnformatted("State");
        ImGui::SameLine();
        if (ImGui::RadioButton("draft", m_buffer.state == SoaState::Draft)) m_buffer.state = SoaState::Draft;
        ImGui::SameLine();
        if (ImGui::RadioButton("final", m_buffer.state == SoaState::Final)) m_buffer.state = SoaState::Final;

        ImGui::TextUnformatted("Justification");
        ImGui::SameLine(labelW);
        ImGui::InputTextMultiline("##justification", &m_buffer.justification,
                                  ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.4f));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Other drivers");
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::InputTextWithHint("##other", "legal, regulatory, contractual", &m_buffer.otherDrivers);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Business need");
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::InputText("##business", &m_buffer.businessNeed);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Status");
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(font * 9.0f);
        if (ImGui::BeginCombo("##status", statusLabel(m_buffer.status).c_str())) {
            for (const auto s : kStatuses) {
                ImGui::PushStyleColor(ImGuiCol_Text, statusColour(s));
                if (ImGui::Selectable(statusLabel(s).c_str(), s == m_buffer.status)) m_buffer.status = s;
                ImGui::PopStyleColor();
            }
            ImGui::EndCombo();
        }
        if (m_buffer.status == ImplementationStatus::NotApplicable && m_buffer.status != row.status) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1.0f);
            ImGui::InputTextWithHint("##reason", "why not applicable (required)", &m_buffer.statusReason);
        }
        if (ImGui::Button("Save")) save(context);
        ImGui::SameLine();
        if (ImGui::Button("Revert")) load(row);
        ImGui::SameLine();
        ImGui::TextDisabled("Final needs a decision and a justification.");

        ImGui::TableNextColumn();
        ImGui::TextDisabled("Risks treated");
        ImGui::SameLine(labelW);
        ImGui::TextUnformatted(row.risks.empty() ? "-" : joined(row.risks).c_str());
        ImGui::TextDisabled("Evidence");
        ImGui::SameLine(labelW);
        widgets::wrapped(row.evidence.empty() ? "-" : joined(row.evidence));
        ImGui::TextDisabled("Drivers (%zu)", row.frameworkDrivers.size());
        if (ImGui::BeginChild("drivers", ImVec2(0.0f, 0.0f), false)) {
            for (const auto& [framework, count] : driversByFramework(row.frameworkDrivers)) {
                palette::chip(framework);
                ImGui::SameLine();
                std::string refs;
                for (const auto& d : row.frameworkDrivers) {
                    if (d.starts_with(framework + ":"))
                        refs += (refs.empty() ? "" : ", ") + d.substr(framework.size() + 1);
                }
                widgets::wrapped(refs);
            }
        }
        ImGui::EndChild();
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace cw::gui
