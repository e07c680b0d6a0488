#include "view_frameworks.hpp"

#include "../facade.hpp"
#include "palette.hpp"

#include <imgui.h>

#include <algorithm>
#include <filesystem>

namespace cw::gui {

namespace {

void tooltipLines(std::initializer_list<std::pair<const char*, const std::string*>> lines) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    for (const auto& [label, value] : lines) {
        if (value->empty()) continue;
        ImGui::TextDisabled("%s", label);
        ImGui::SameLine();
        ImGui::TextUnformatted(value->c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void frameworksTable(Context& context) {
    const auto& frameworks = context.facade.frameworks();
    if (frameworks.empty()) {
        ImGui::TextDisabled("No frameworks yet: run `crosswalk init` on this workspace.");
        return;
    }
    std::int64_t most = 1;
    for (const auto& f : frameworks) most = std::max(most, f.controls);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("frameworks", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Framework", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Version / kind", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Controls (assessable)", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Publisher / source", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Plugin", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const auto& f : frameworks) {
        ImGui::PushID(f.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(f.id.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
            if (context.browseFramework) context.browseFramework(f.id);
        }
        tooltipLines(
            {{"Description", &f.description}, {"Licence", &f.licence}, {"URL", &f.url}, {"Published", &f.published}});
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s", f.version.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", std::string(toString(f.kind)).c_str());
        ImGui::TableNextColumn();
        char label[64];
        std::snprintf(label, sizeof label, "%lld (%lld)", static_cast<long long>(f.controls),
                      static_cast<long long>(f.assessable));
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette::kAccent);
        ImGui::ProgressBar(static_cast<float>(f.controls) / static_cast<float>(most), ImVec2(-1.0f, 0.0f), label);
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.publisher.c_str());
        tooltipLines({{"Source", &f.source}});
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.pluginId.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void pluginsTable(Context& context) {
    const auto& plugins = context.facade.plugins();
    if (plugins.empty()) {
        ImGui::TextDisabled("No plugin has been loaded into this workspace.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("plugins", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Plugin", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Version", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("ABI", ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn("Publisher / licence", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Loaded", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    for (const auto& p : plugins) {
        ImGui::PushID(p.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.id.c_str());
        tooltipLines({{"File", &p.file}, {"SHA-256", &p.sha256}});
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.version.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%u.%u", p.abiMajor, p.abiMinor);
        ImGui::TableNextColumn();
        ImGui::Text("%s", p.publisher.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", p.licence.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.loadedAt.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void packsTable(Context& context) {
    const auto& packs = context.facade.packs();
    if (packs.empty()) {
        ImGui::TextDisabled("No mapping pack has been imported.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("packs", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Pack", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Source -> target", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Method", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Mappings", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Provenance", ImGuiTableColumnFlags_WidthStretch, 3.5f);
    ImGui::TableSetupColumn("Licence", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const auto& p : packs) {
        ImGui::PushID(p.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.id.c_str());
        tooltipLines({{"Title", &p.title}, {"Version", &p.version}, {"From", &p.file}, {"Imported", &p.importedAt}});
        ImGui::TableNextColumn();
        ImGui::Text("%s -> %s", p.source.c_str(), p.target.c_str());
        ImGui::TableNextColumn();
        const Method method = p.provenance.method;
        ImGui::TextColored(method == Method::Official  ? palette::kFull
                           : method == Method::Derived ? palette::kAccent
                                                       : palette::kPartial,
                           "%s", std::string(toString(method)).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(p.mappings));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.provenance.sourceDocument.c_str());
        tooltipLines({{"Source document", &p.provenance.sourceDocument},
                      {"Author", &p.provenance.author},
                      {"Date", &p.provenance.date}});
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.licence.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void rejectedTable(Context& context) {
    const auto& rejected = context.facade.rejectedPlugins();
    ImGui::TextDisabled(
        "Plugin files the host looked at and refused (%zu of %zu), with the reasons. The others loaded.",
        rejected.size(), context.facade.pluginFilesSeen());
    if (rejected.empty()) {
        ImGui::TextColored(palette::kFull, "No plugin was rejected.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("rejected", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Plugin", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Built for ABI", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("Why it was rejected", ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableHeadersRow();
    for (const auto& r : rejected) {
        ImGui::PushID(r.file.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string name = std::filesystem::path(r.file).filename().string();
        ImGui::TextUnformatted(name.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.file.c_str());
        ImGui::TableNextColumn();
        if (r.id.empty()) {
            ImGui::TextDisabled("(unreadable descriptor)");
        } else {
            ImGui::Text("%s %s", r.id.c_str(), r.version.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.abi.empty() ? "-" : r.abi.c_str());
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        for (const auto& problem : r.problems) ImGui::TextColored(palette::kNone, "%s", problem.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void FrameworksView::drawContent(Context& context) {
    if (ImGui::BeginTabBar("frameworks_tabs")) {
        char label[64];
        std::snprintf(label, sizeof label, "Frameworks (%zu)###fw", context.facade.frameworks().size());
        if (ImGui::BeginTabItem(label)) {
            frameworksTable(context);
            ImGui::EndTabItem();
        }
        std::snprintf(label, sizeof label, "Plugins (%zu)###plugins", context.facade.plugins().size());
        if (ImGui::BeginTabItem(label)) {
            pluginsTable(context);
            ImGui::EndTabItem();
        }
        std::snprintf(label, sizeof label, "Mapping packs (%zu)###packs", context.facade.packs().size());
        if (ImGui::BeginTabItem(label)) {
            packsTable(context);
            ImGui::EndTabItem();
        }
        // Only once the tab is opened: looking at the plugin files loads them.
        if (ImGui::BeginTabItem("Rejected plugins###rejected", nullptr,
                                m_showRejected ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None)) {
            rejectedTable(context);
            ImGui::EndTabItem();
        }
        m_showRejected = false;
        ImGui::EndTabBar();
    }
}

}  // namespace cw::gui
