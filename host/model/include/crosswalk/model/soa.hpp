/**
 * @file soa.hpp
 * @brief The Statement of Applicability (ISO 27001 6.1.3 d): one row per Annex A control,
 * drafted from risk treatment, the target frameworks' scoping and the crosswalk, then edited.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/model/implementation.hpp>

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

enum class ExportFormat { Xlsx, Csv, Markdown };
std::string_view toString(ExportFormat format) noexcept;  ///< "xlsx", "csv", "md"
/// "xlsx", "csv", "md" (or "markdown"), case-sensitive.
std::optional<ExportFormat> parseExportFormat(std::string_view text) noexcept;

/// The export's column headings, in order.
inline constexpr std::array<std::string_view, 12> kSoaColumns = {
    "Control",           "Title",         "Theme",         "Applicable", "Justification", "Risks",
    "Framework drivers", "Other drivers", "Business need", "Status",     "Evidence",      "State"};

}  // namespace cw
