/**
 * @file soa.hpp
 * @brief The Statement of Applicability (ISO 27001 6.1.3 d): one row per Annex A control,
 * drafted from risk treatment, the target frameworks' scoping and the crosswalk, then edited.
 */
#pragma once

#include <crosswalk/core/error.hpp>
#include <crosswalk/core/implementation.hpp>
#include <crosswalk/core/workspace.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

enum class SoaState { Draft, Final };
std::string_view toString(SoaState s) noexcept;

struct SoaRow {
    std::string ref;  ///< Annex A ref, "A.5.15"
    std::string title;
    std::string theme;                  ///< organizational, people, physical, technological
    std::optional<bool> applicable;     ///< nullopt: not decided yet
    std::string justification;          ///< why included or excluded
    std::vector<std::string> risks;     ///< keys of risks whose treatment chose this control
    /// Requirements of the other target frameworks that this control serves through the
    /// crosswalk ("soc2-2017:CC6.1"), and the organization's own legal, regulatory and
    /// contractual drivers as text.
    std::vector<std::string> frameworkDrivers;
    std::string otherDrivers;
    std::string businessNeed;
    ImplementationStatus status = ImplementationStatus::NotStarted;  ///< carried (implementation.hpp)
    std::vector<std::string> evidence;  ///< keys of evidence reaching the control
    SoaState state = SoaState::Draft;
    bool edited = false;  ///< changed by a person: drafting never overwrites it
};

struct SoaDraftResult {
    std::size_t created = 0;
    std::size_t refreshed = 0;  ///< draft rows rewritten from current data
    std::size_t kept = 0;       ///< edited rows left alone
};

/**
 * @brief Drafts (or refreshes) a row for every Annex A control: excluded by the ISO target's
 * scoping → not applicable with that reason; chosen by a risk treatment, or serving an
 * applicable requirement of another target framework → applicable with a justification
 * naming the risks and drivers; otherwise left undecided. Rows edited by a person are kept.
 */
Result<SoaDraftResult> draftSoa(Workspace& ws);

/// The rows in Annex A order (93 once drafted), with carried status, risks, drivers, evidence.
Result<std::vector<SoaRow>> soa(Workspace& ws);

/// An edit: set fields only. Marks the row edited.
struct SoaEdit {
    std::string ref;
    std::optional<bool> applicable;
    std::optional<std::string> justification;
    std::optional<std::string> otherDrivers;
    std::optional<std::string> businessNeed;
    std::optional<SoaState> state;
    /// Sets the implementation status of the common control seeded from this Annex A control
    /// (or of the requirement itself when there is none).
    std::optional<ImplementationStatus> status;
    std::string statusReason;  ///< required when status is NotApplicable
};
/// BadInput, nothing written: unknown ref; saving as final a row without a decision or
/// without justification (an exclusion without its reason in particular).
Result<SoaRow> editSoa(Workspace& ws, const SoaEdit& edit);

enum class ExportFormat { Xlsx, Csv, Markdown };
std::optional<ExportFormat> parseExportFormat(std::string_view text) noexcept;

/// Writes the SoA (the rows of soa()) with a header block naming the organization, scope,
/// date and version. XLSX via libxlsxwriter (one sheet "Statement of Applicability", one
/// row per control, frozen header, filters); CSV per RFC 4180; Markdown as a pipe table.
/// The file is written to a temporary name and renamed, so a failure leaves nothing half-written.
Result<void> exportSoa(Workspace& ws, ExportFormat format, const std::filesystem::path& file);

}  // namespace cw
