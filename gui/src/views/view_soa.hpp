#pragma once

#include "../facade.hpp"
#include "../view.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::gui {

/// The Statement of Applicability editor: the 93 Annex A rows with applicability,
/// justification, carried status, risks, drivers and evidence; the selected row edited
/// beneath (cw::editSoa), drafting (cw::draftSoa) and export (cw::exportSoa).
class SoaView final : public View {
public:
    enum class Applicable { All, Yes, No, Undecided };

    /// The selected row as being edited.
    struct Buffer {
        std::string ref;
        std::optional<bool> applicable;
        std::string justification;
        std::string otherDrivers;
        std::string businessNeed;
        cw::ImplementationStatus status = cw::ImplementationStatus::NotStarted;
        std::string statusReason;
        cw::SoaState state = cw::SoaState::Draft;
    };

    SoaView() : View("Statement of Applicability", "soa", {.defaultSize = ImVec2(1200, 780)}) {}

    void setTextFilter(std::string text) {
        m_text = std::move(text);
        m_dirty = true;
    }
    void setApplicableFilter(Applicable a) {
        m_applicable = a;
        m_dirty = true;
    }
    /// Only rows without a decision or without a justification.
    void setNeedsAttention(bool on) {
        m_attention = on;
        m_dirty = true;
    }
    /// Selects a row and loads it into the editor.
    void select(Context& context, const std::string& ref);
    [[nodiscard]] Buffer& buffer() { return m_buffer; }
    /// Saves the editor's changes through cw::editSoa; an error becomes a notice and the
    /// editor keeps what was typed.
    bool save(Context& context);
    /// Exports to `file` in `format`; the outcome becomes a notice.
    bool exportTo(Context& context, cw::ExportFormat format, const std::filesystem::path& file);
    bool draft(Context& context);

    [[nodiscard]] const std::vector<const cw::SoaRow*>& visibleRows() const { return m_visible; }

private:
    void drawContent(Context& context) override;
    void refilter(const SoaData& data);
    void drawToolbar(Context& context, const SoaData& data);
    void drawExportBar(Context& context);
    void drawTable(Context& context, float height);
    void drawEditor(Context& context, const cw::SoaRow& row);
    void load(const cw::SoaRow& row);

    std::uint64_t m_revision = 0;
    bool m_dirty = true;
    std::string m_text;
    Applicable m_applicable = Applicable::All;
    bool m_attention = false;
    std::vector<const cw::SoaRow*> m_visible;
    std::string m_selected;
    Buffer m_buffer;
    bool m_exportOpen = false;
    cw::ExportFormat m_format = cw::ExportFormat::Xlsx;
    std::string m_exportPath = "soa.xlsx";
};

}  // namespace cw::gui
