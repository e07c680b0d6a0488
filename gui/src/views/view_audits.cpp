#include "view_audits.hpp"

#include "palette.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <array>
#include <cstdio>

namespace cw::gui {

namespace {

using widgets::joined;
using widgets::statusColour;

constexpr std::array kFindingTypes = {FindingType::MajorNonconformity, FindingType::MinorNonconformity,
                                      FindingType::Observation, FindingType::Opportunity};

ImVec4 findingColour(FindingType t) {
    switch (t) {
        case FindingType::MajorNonconformity:
            return palette::kHigh;
        case FindingType::MinorNonconformity:
            return palette::kMedium;
        case FindingType::Observation:
            return palette::kInfo;
        case FindingType::Opportunity:
            break;
    }
    return palette::kLow;
}

const char* findingName(FindingType t) {
    switch (t) {
        case FindingType::MajorNonconformity:
            return "major NC";
        case FindingType::MinorNonconformity:
            return "minor NC";
        case FindingType::Observation:
            return "observation";
        case FindingType::Opportunity:
            break;
    }
    return "opportunity";
}

ImVec4 auditStatusColour(AuditStatus s) {
    switch (s) {
        case AuditStatus::Completed:
            return palette::kFull;
        case AuditStatus::InProgress:
            return palette::kPartial;
        case AuditStatus::Cancelled:
            return palette::kMuted;
        case AuditStatus::Planned:
            break;
    }
    return palette::kPlanned;
}

ImVec4 actionColour(ActionStatus s) {
    switch (s) {
        case ActionStatus::Verified:
            return palette::kFull;
        case ActionStatus::Done:
            return palette::kLow;
        case ActionStatus::InProgress:
            return palette::kPartial;
        case ActionStatus::Open:
            break;
    }
    return palette::kNone;
}

void labelled(const char* label, const std::string& value, float at) {
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(at);
    widgets::wrapped(value.empty() ? "-" : value);
}

}  // namespace

void AuditsView::drawContent(Context& context) {
    const AuditData& data = context.facade.audits();
    widgets::sectionError(data.error);
    if (ImGui::BeginTabBar("audit_tabs")) {
        const auto flagsFor = [&](Tab tab) {
            return m_tabRequested && m_requestTab == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        };
        char label[64];
        std::snprintf(label, sizeof label, "Internal audits (%zu)###audits", data.audits.size());
        if (ImGui::BeginTabItem(label, nullptr, flagsFor(Tab::Audits))) {
            drawAudits(context, data);
            ImGui::EndTabItem();
        }
        std::snprintf(label, sizeof label, "Management reviews (%zu)###reviews", data.reviews.size());
        if (ImGui::BeginTabItem(label, nullptr, flagsFor(Tab::Reviews))) {
            drawReviews(data);
            ImGui::EndTabItem();
        }
        m_tabRequested = false;
        ImGui::EndTabBar();
    }
}

void AuditsView::drawAudits(Context& context, const AuditData& data) {
    const float font = ImGui::GetFontSize();
    const Date today = context.facade.today();
    // Finding counts by type, open ones apart.
    std::array<std::size_t, kFindingTypes.size()> counts{};
    std::size_t open = 0;
    for (const auto& f : data.findings) {
        ++counts[static_cast<std::size_t>(f.type)];
        open += f.open ? 1u : 0u;
    }
    for (const FindingType t : kFindingTypes) {
        char text[48];
        std::snprintf(text, sizeof text, "%zu %s", counts[static_cast<std::size_t>(t)], findingName(t));
        widgets::badge(text, counts[static_cast<std::size_t>(t)] > 0 ? findingColour(t) : palette::kNotStarted);
        ImGui::SameLine();
    }
    ImGui::TextDisabled("%zu finding%s open", open, open == 1 ? "" : "s");
    if (data.audits.empty()) {
        ImGui::TextDisabled("No audits recorded: plan them with `crosswalk audit set`.");
        return;
    }
    if (!ImGui::BeginChild("audits", ImVec2(0.0f, 0.0f), false)) {
        ImGui::EndChild();
        return;
    }
    for (const auto& p : data.programmes) {
        ImGui::PushID(p.key.c_str());
        ImGui::TextColored(palette::kAccent, "Programme %s", p.key.c_str());
        ImGui::SameLine();
        ImGui::Text("%s", p.title.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s .. %s", p.startsOn.str().c_str(), p.endsOn.str().c_str());
        if (!p.objectives.empty()) {
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            widgets::wrapped(p.objectives);
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    const float at = font * 6.0f;
    for (const auto& a : data.audits) {
        ImGui::PushID(a.key.c_str());
        char header[256];
        std::snprintf(header, sizeof header, "%s  %s  (%s, %s)###audit", a.key.c_str(), a.title.c_str(),
                      std::string(toString(a.kind)).c_str(), std::string(toString(a.status)).c_str());
        if (ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::Indent(font * 0.5f);
            ImGui::TextDisabled("Status");
            ImGui::SameLine(at);
            ImGui::TextColored(auditStatusColour(a.status), "%s", std::string(toString(a.status)).c_str());
            ImGui::SameLine(0.0f, font * 1.5f);
            ImGui::TextDisabled("planned");
            ImGui::SameLine();
            ImGui::TextUnformatted(a.plannedOn.str().c_str());
            ImGui::SameLine(0.0f, font * 1.5f);
            ImGui::TextDisabled("completed");
            ImGui::SameLine();
            ImGui::TextUnformatted(widgets::dateText(a.completedOn).c_str());
            ImGui::SameLine(0.0f, font * 1.5f);
            ImGui::TextDisabled("auditor");
            ImGui::SameLine();
            ImGui::TextUnformatted(a.auditor.c_str());
            labelled("Scope", a.scope, at);
            labelled("Areas", joined(a.areas), at);

            std::vector<const AuditFinding*> findings;
            for (const auto& f : data.findings) {
                if (f.audit == a.key) findings.push_back(&f);
            }
            if (findings.empty()) {
                ImGui::TextDisabled("No findings.");
            } else if (ImGui::BeginTable(
                           "findings", 6,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("Finding", ImGuiTableColumnFlags_WidthFixed, font * 3.5f);
                ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, font * 6.0f);
                ImGui::TableSetupColumn("Requirement", ImGuiTableColumnFlags_WidthStretch, 1.3f);
                ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_WidthStretch, 4.0f);
                ImGui::TableSetupColumn("Raised", ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
                ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, font * 8.0f);
                ImGui::TableHeadersRow();
                for (const AuditFinding* f : findings) {
                    ImGui::PushID(f->key.c_str());
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(f->key.c_str());
                    ImGui::TableNextColumn();
                    widgets::badge(findingName(f->type), findingColour(f->type));
                    ImGui::TableNextColumn();
                    if (f->requirement.empty()) {
                        ImGui::TextDisabled("-");
                    } else if (ImGui::Selectable(f->requirement.c_str(), context.selectedControl == f->requirement)) {
                        context.selectControl(f->requirement);
                    }
                    ImGui::TableNextColumn();
                    widgets::wrapped(f->description);
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(f->raisedOn.str().c_str());
                    ImGui::TableNextColumn();
                    if (f->open) {
                        ImGui::TextColored(palette::kNone, "open");
                    } else {
                        ImGui::TextColored(palette::kFull, "closed %s", widgets::dateText(f->closedOn).c_str());
                    }
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }

            std::vector<const CorrectiveAction*> actions;
            for (const auto& c : data.actions) {
                for (const AuditFinding* f : findings) {
                    if (c.finding == f->key) actions.push_back(&c);
                }
            }
            if (!actions.empty()) {
                ImGui::TextDisabled("Corrective actions (%zu)", actions.size());
                if (ImGui::BeginTable(
                        "actions", 7,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
                    ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthFixed, font * 3.5f);
                    ImGui::TableSetupColumn("Finding", ImGuiTableColumnFlags_WidthFixed, font * 3.5f);
                    ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_WidthStretch, 3.0f);
                    ImGui::TableSetupColumn("Root cause", ImGuiTableColumnFlags_WidthStretch, 2.2f);
                    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1.4f);
                    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
                    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, font * 6.5f);
                    ImGui::TableHeadersRow();
                    for (const CorrectiveAction* c : actions) {
                        ImGui::PushID(c->key.c_str());
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(c->key.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(c->finding.c_str());
                        ImGui::TableNextColumn();
                        widgets::wrapped(c->description);
                        ImGui::TableNextColumn();
                        if (c->rootCause.empty()) {
                            ImGui::TextDisabled("not analysed yet");
                        } else {
                            widgets::wrapped(c->rootCause);
                        }
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(c->owner.c_str());
                        ImGui::TableNextColumn();
                        const bool finished = c->status == ActionStatus::Done || c->status == ActionStatus::Verified;
                        const bool overdue = !finished && c->due && *c->due < today;
                        if (overdue) {
                            ImGui::TextColored(palette::kNone, "%s", c->due->str().c_str());
                            if (ImGui::IsItemHovered()) ImGui::SetTooltip("overdue");
                        } else {
                            ImGui::TextUnformatted(widgets::dateText(c->due).c_str());
                        }
                        ImGui::TableNextColumn();
                        ImGui::TextColored(actionColour(c->status), "%s", std::string(toString(c->status)).c_str());
                        ImGui::PopID();
                    }
                    ImGui::EndTable();
                }
            }
            ImGui::Unindent(font * 0.5f);
            ImGui::Spacing();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void AuditsView::drawReviews(const AuditData& data) {
    const float font = ImGui::GetFontSize();
    if (data.reviews.empty()) {
        ImGui::TextDisabled("No management review recorded yet.");
        return;
    }
    if (!ImGui::BeginChild("reviews", ImVec2(0.0f, 0.0f), false)) {
        ImGui::EndChild();
        return;
    }
    const float at = font * 6.0f;
    for (const auto& r : data.reviews) {
        ImGui::PushID(r.key.c_str());
        const auto missing = r.missingInputs();
        char header[256];
        std::snprintf(header, sizeof header, "%s  held %s, chaired by %s  (%zu of %zu inputs)###review", r.key.c_str(),
                      r.heldOn.str().c_str(), r.chair.c_str(), kReviewInputs.size() - missing.size(),
                      kReviewInputs.size());
        if (ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::Indent(font * 0.5f);
            labelled("Attendees", r.attendees, at);
            if (!r.notes.empty()) labelled("Notes", r.notes, at);
            ImGui::TextDisabled("Certification");
            ImGui::SameLine(at);
            if (r.readyForCertification) {
                ImGui::TextColored(palette::kFull, "top management decided the organization is ready");
            } else {
                ImGui::TextColored(palette::kPartial, "no readiness decision");
            }

            ImGui::TextUnformatted("Inputs (ISO 27001 9.3.2)");
            ImGui::SameLine();
            if (missing.empty()) {
                ImGui::TextColored(palette::kFull, "all ten recorded");
            } else {
                ImGui::TextColored(palette::kNone, "%zu missing", missing.size());
            }
            if (ImGui::BeginTable(
                    "inputs", 4,
                    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
                ImGui::TableSetupColumn("Item", ImGuiTableColumnFlags_WidthFixed, font * 2.0f);
                ImGui::TableSetupColumn("Input", ImGuiTableColumnFlags_WidthStretch, 2.2f);
                ImGui::TableSetupColumn("Recorded", ImGuiTableColumnFlags_WidthStretch, 3.0f);
                ImGui::TableHeadersRow();
                for (const ReviewInput input : kReviewInputs) {
                    const ReviewInputEntry* entry = nullptr;
                    for (const auto& e : r.inputs) {
                        if (e.input == input) entry = &e;
                    }
                    ImGui::PushID(static_cast<int>(input));
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    if (entry != nullptr) {
                        ImGui::TextColored(palette::kFull, "\xE2\x97\x8F recorded");
                    } else {
                        ImGui::TextColored(palette::kNone, "\xE2\x97\x8B missing");
                    }
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(std::string(toString(input)).c_str());
                    ImGui::TableNextColumn();
                    widgets::wrapped(std::string(describe(input)));
                    ImGui::TableNextColumn();
                    if (entry != nullptr) {
                        widgets::wrapped(entry->summary);
                    } else {
                        ImGui::TextDisabled("-");
                    }
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }

            ImGui::TextUnformatted("Decisions (9.3.3)");
            ImGui::SameLine();
            if (r.hasRequiredOutputs()) {
                ImGui::TextColored(palette::kFull, "continual improvement and ISMS changes decided");
            } else {
                ImGui::TextColored(palette::kNone, "needs a decision on improvement and one on ISMS changes");
            }
            if (!r.decisions.empty() && ImGui::BeginTable("decisions", 4,
                                                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                                              ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, font * 6.5f);
                ImGui::TableSetupColumn("Decision", ImGuiTableColumnFlags_WidthStretch, 4.0f);
                ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1.4f);
                ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
                ImGui::TableHeadersRow();
                int row = 0;
                for (const auto& d : r.decisions) {
                    ImGui::PushID(row++);
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextColored(d.kind == DecisionKind::Readiness ? palette::kFull : palette::kAccent, "%s",
                                       std::string(toString(d.kind)).c_str());
                    ImGui::TableNextColumn();
                    widgets::wrapped(d.text);
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(d.owner.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(widgets::dateText(d.due).c_str());
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
            ImGui::Unindent(font * 0.5f);
            ImGui::Spacing();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace cw::gui
