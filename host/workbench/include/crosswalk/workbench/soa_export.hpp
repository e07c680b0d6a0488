/**
 * @file soa_export.hpp
 * @brief Exporting a workspace's Statement of Applicability: its rows and the organization
 * profile read from the store, rendered and written by crosswalk/io/soa_export.hpp.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/model/soa.hpp>
#include <crosswalk/store/workspace.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace cw {

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
