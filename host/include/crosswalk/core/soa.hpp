/**
 * @file soa.hpp
 * @brief The Statement of Applicability (ISO 27001 6.1.3 d): one row per Annex A control,
 * drafted from risk treatment, the target frameworks' scoping and the crosswalk, then edited.
 */
#pragma once

#include <crosswalk/core/date.hpp>
#include <crosswalk/core/error.hpp>
#include <crosswalk/core/implementation.hpp>
#include <crosswalk/core/workspace.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

enum class SoaState { Draft, Final };
std::string_view toString(SoaState s) noexcept;  ///< "draft", "final"
std::optional<SoaState> parseSoaState(std::string_view text) noexcept;

/// One row of the SoA. Stored: applicable, justification, otherDrivers, businessNeed, state,
/// edited. Computed on every read: title, theme, risks, frameworkDrivers, status, evidence.
struct SoaRow {
    std::string ref;  ///< Annex A ref, "A.5.15"
    std::string title;
    std::string theme;               ///< organizational, people, physical, technological
    std::optional<bool> applicable;  ///< nullopt: not decided yet
    std::string justification;       ///< why included or excluded
    std::vector<std::string> risks;  ///< keys of risks whose treatment chose this control
    /// Applicable requirements of the other target frameworks that this control serves through
    /// its common control ("soc2-2017:CC6.1"), in target order, then catalog order.
    std::vector<std::string> frameworkDrivers;
    std::string otherDrivers;  ///< the organization's own legal, regulatory and contractual drivers
    std::string businessNeed;
    /// As carried to the Annex A requirement (implementation.hpp requirementStatuses).
    ImplementationStatus status = ImplementationStatus::NotStarted;
    /// Keys of the evidence reaching the control (directly or through a common control) that
    /// is valid for the ISO scope, sorted.
    std::vector<std::string> evidence;
    SoaState state = SoaState::Draft;
    bool edited = false;  ///< changed by a person: drafting never overwrites it
};

struct SoaDraftResult {
    std::size_t created = 0;
    std::size_t refreshed = 0;  ///< draft rows rewritten from current data
    std::size_t kept = 0;       ///< edited rows left alone
    std::size_t unchanged = 0;  ///< draft rows the current data leaves as they were
};

/**
 * @brief Drafts (or refreshes) a row for every Annex A control: excluded by the ISO target's
 * scoping → not applicable with that reason; chosen by a risk treatment, or serving an
 * applicable requirement of another target framework → applicable with a justification
 * naming the risks and drivers; otherwise left undecided. Rows edited by a person are kept.
 *
 * A framework driver is an applicable requirement of another target framework linked to a
 * common control that stands for the Annex A control (seeded from it or merged into it). The
 * justification reads e.g. "Treats risks. Required for SOC 2 CC6.1, CC6.6; HIPAA
 * 164.312(d)." (at most six refs per framework, then "and N more"; the row lists them all).
 * A requirement added to a target's catalog after scoping counts as applicable, as everywhere
 * else.
 *
 * Idempotent: a draft the current data leaves as it is writes nothing. One transaction.
 * BadInput when the workspace has no Annex A controls (no iso27001-2022 catalog).
 */
Result<SoaDraftResult> draftSoa(Workspace& ws);

/// The rows in Annex A order (93 once drafted), with carried status, risks, drivers, evidence.
Result<std::vector<SoaRow>> soa(Workspace& ws);

/// An edit: set fields only. A change to a stored field (applicable, justification, drivers,
/// business need, state) marks the row edited; a status-only edit does not, since the status
/// is the common control's and not part of the row.
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
    /// Required when status is NotApplicable; when empty, the row's justification is used.
    std::string statusReason;
};
/**
 * @brief Applies an edit in one transaction (the row and, with `status`, the implementation
 * status; the owner, due date and note of an existing status entry are kept). `ref` is
 * "A.5.15" or "iso27001-2022:A.5.15". A row not drafted yet is created.
 *
 * NotFound: an unknown Annex A control. BadInput, nothing written: a ref that is not an Annex
 * A control of iso27001-2022; an edit that sets no field; a row that would be final without
 * a decision or without justification (an exclusion without its reason in particular);
 * status not-applicable without a reason.
 */
Result<SoaRow> editSoa(Workspace& ws, const SoaEdit& edit);

/// Figures for the SoA's title block.
struct SoaSummary {
    std::size_t rows = 0;
    std::size_t applicable = 0;
    std::size_t excluded = 0;
    std::size_t undecided = 0;
    std::size_t final = 0;
    /// Edits recorded with editSoa: the SoA's version number (a draft alone is version 0).
    std::size_t edits = 0;
    std::optional<Date> lastChanged;  ///< the day (UTC) a row was last written, if any
};
Result<SoaSummary> soaSummary(Workspace& ws);

enum class ExportFormat { Xlsx, Csv, Markdown };
std::string_view toString(ExportFormat format) noexcept;  ///< "xlsx", "csv", "md"
/// "xlsx", "csv", "md" (or "markdown"), case-sensitive.
std::optional<ExportFormat> parseExportFormat(std::string_view text) noexcept;

/// The export's column headings, in order.
inline constexpr std::array<std::string_view, 12> kSoaColumns = {
    "Control",           "Title",         "Theme",         "Applicable", "Justification", "Risks",
    "Framework drivers", "Other drivers", "Business need", "Status",     "Evidence",      "State"};

/**
 * @brief Writes the SoA (the rows of soa()): XLSX via libxlsxwriter (one sheet "Statement of
 * Applicability": a title block naming the organization, scope, date and version, then the
 * header row and one row per control, with frozen panes, filters and wrapped text); CSV per
 * RFC 4180 (the header row and one row per control, no title block, so it loads as a table;
 * CRLF line ends); Markdown (a heading, the title block as a list, a pipe table).
 *
 * Applicable reads Yes, No or Undecided; risks, drivers and evidence are comma-separated.
 * The date is `exportedOn` when given (the CLI passes today), else the day a row last
 * changed. The file is written to FILE.tmp and renamed, so a failure leaves no file (and an
 * existing FILE untouched). BadInput naming the file when it cannot be written; BadInput when
 * there are no rows (draft first).
 */
Result<void> exportSoa(Workspace& ws, ExportFormat format, const std::filesystem::path& file,
                       std::optional<Date> exportedOn = std::nullopt);

/// The SoA as text in `format` (CSV or Markdown; XLSX is binary: BadInput). What exportSoa writes.
Result<std::string> renderSoa(Workspace& ws, ExportFormat format, std::optional<Date> exportedOn = std::nullopt);

}  // namespace cw
