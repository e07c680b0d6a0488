/**
 * @file soa_export.hpp
 * @brief Rendering and writing the Statement of Applicability: XLSX (libxlsxwriter), CSV
 * (RFC 4180) and Markdown, over rows already read. Loading them from a workspace is
 * crosswalk/workbench/soa_export.hpp.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/model/soa.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cw {

/// What an export shows: the rows and the title block's sources.
struct SoaDocument {
    std::vector<SoaRow> rows;  ///< one per control, in the order they are written
    std::string organization;  ///< the organization's name; empty when there is no profile
    std::string scope;         ///< the scope statement
    /// The date the title block shows; when not set, the summary's last change, marked
    /// "(last change)".
    std::optional<Date> exportedOn;
    SoaSummary summary;  ///< the version (edits) and the "Controls" line's figures
};

/**
 * @brief The CSV per RFC 4180: the header row (kSoaColumns) and one row per control, no title
 * block, so it loads as a table; a field holding a comma, quote or line break is quoted with its
 * quotes doubled; CRLF line ends.
 *
 * Applicable reads Yes, No or Undecided; risks, drivers and evidence are comma-separated. The
 * other formats show the same cells.
 */
std::string renderSoaCsv(const std::vector<SoaRow>& rows);

/// The Markdown: a heading naming the organization, the title block as a list (organization,
/// scope, date, version, controls; "—" for an empty one), then a pipe table whose cells have
/// `|` and `\` escaped and line breaks as `<br>`.
std::string renderSoaMarkdown(const SoaDocument& document);

/**
 * @brief Writes `document` to `file` in `format`: CSV and Markdown as rendered above; XLSX as
 * one sheet "Statement of Applicability" (a title block naming the organization, scope, date
 * and version, then the header row and one row per control, with frozen panes, filters and
 * wrapped text).
 *
 * The file is written to FILE.tmp and renamed, so a failure leaves no file (and an existing
 * FILE untouched). BadInput naming the file when it cannot be written, or when `file` is empty.
 */
Result<void> writeSoa(ExportFormat format, const std::filesystem::path& file, const SoaDocument& document);

}  // namespace cw
