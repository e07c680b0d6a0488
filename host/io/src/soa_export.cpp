// Rendering and writing the Statement of Applicability: XLSX (libxlsxwriter), CSV (RFC 4180)
// and Markdown. Every format is written to FILE.tmp and renamed into place, so a failure never
// leaves a half-written file behind or touches an existing one.
#include <crosswalk/io/soa_export.hpp>
#include <crosswalk/model/text.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <memory>
#include <system_error>

namespace fs = std::filesystem;

namespace cw {
namespace {

constexpr const char* kSheetName = "Statement of Applicability";  // Excel allows 31 characters

// What the title block says, in every format.
struct TitleBlock {
    std::string organization;
    std::string scope;
    std::string date;
    std::size_t version = 0;
    std::string controls;  // "93 Annex A controls: 88 applicable, 3 excluded, 2 undecided; 10 final"
};

std::string applicableText(const std::optional<bool>& applicable) {
    if (!applicable) return "Undecided";
    return *applicable ? "Yes" : "No";
}

// The twelve cells of a row, in kSoaColumns order.
std::array<std::string, kSoaColumns.size()> cells(const SoaRow& row) {
    return {row.ref,
            row.title,
            row.theme,
            applicableText(row.applicable),
            row.justification,
            joined(row.risks),
            joined(row.frameworkDrivers),
            row.otherDrivers,
            row.businessNeed,
            std::string(toString(row.status)),
            joined(row.evidence),
            std::string(toString(row.state))};
}

TitleBlock titleBlock(const SoaDocument& document) {
    const SoaSummary& summary = document.summary;
    TitleBlock block;
    block.organization = document.organization;
    block.scope = document.scope;
    if (document.exportedOn) {
        block.date = document.exportedOn->str();
    } else if (summary.lastChanged) {
        block.date = summary.lastChanged->str() + " (last change)";
    }
    block.version = summary.edits;
    block.controls = std::to_string(summary.rows) + " Annex A controls: " + std::to_string(summary.applicable) +
                     " applicable, " + std::to_string(summary.excluded) + " excluded, " +
                     std::to_string(summary.undecided) + " undecided; " + std::to_string(summary.final) + " final";
    return block;
}

// RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// A pipe-table cell: pipes and backslashes escaped, line breaks as <br>.
std::string markdownCell(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '|' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "<br>";
        } else if (c == '\n') {
            out += "<br>";
        } else {
            out += c;
        }
    }
    return out;
}

fs::path temporaryFor(const fs::path& file) {
    return fs::path(file.string() + ".tmp");
}

// Moves the finished temporary file into place, or removes it.
Result<void> commitFile(const fs::path& tmp, const fs::path& file) {
    std::error_code ec;
    fs::rename(tmp, file, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return Error::badInput(file.string() + ": cannot write: " + ec.message());
    }
    return {};
}

Result<void> writeText(const fs::path& file, const std::string& text) {
    const fs::path tmp = temporaryFor(file);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error::badInput(file.string() +
                                   ": cannot write: " + std::error_code(errno, std::generic_category()).message());
        out << text;
        out.close();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            return Error::internal(file.string() + ": write failed");
        }
    }
    return commitFile(tmp, file);
}

// Frees a workbook abandoned on an error without writing it; a finished one is released
// to workbook_close, which writes and frees it.
struct WorkbookFree {
    void operator()(lxw_workbook* wb) const noexcept { lxw_workbook_free(wb); }
};

Result<void> writeXlsx(const fs::path& file, const std::vector<SoaRow>& rows, const TitleBlock& block) {
    const fs::path tmp = temporaryFor(file);
    const std::string tmpName = tmp.string();
    {
        // Find out now whether the file can be written: libxlsxwriter only tries when closing,
        // and then reports on stderr itself.
        std::ofstream probe(tmp, std::ios::binary | std::ios::trunc);
        if (!probe) {
            return Error::badInput(file.string() +
                                   ": cannot write: " + std::error_code(errno, std::generic_category()).message());
        }
    }
    std::unique_ptr<lxw_workbook, WorkbookFree> wb(workbook_new(tmpName.c_str()));
    if (!wb) {
        std::error_code ec;
        fs::remove(tmp, ec);
        return Error::internal(file.string() + ": libxlsxwriter could not start a workbook");
    }

    std::string title = "Statement of Applicability";
    std::string company = block.organization;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.company = company.data();
    workbook_set_properties(wb.get(), &properties);

    lxw_worksheet* sheet = workbook_add_worksheet(wb.get(), kSheetName);
    lxw_format* titleFormat = workbook_add_format(wb.get());
    format_set_bold(titleFormat);
    format_set_font_size(titleFormat, 14);
    lxw_format* label = workbook_add_format(wb.get());
    format_set_bold(label);
    format_set_align(label, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* value = workbook_add_format(wb.get());
    format_set_text_wrap(value);
    format_set_align(value, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* header = workbook_add_format(wb.get());
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, 0xD9E1F2);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format* cell = workbook_add_format(wb.get());
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);

    constexpr lxw_col_t kLastColumn = static_cast<lxw_col_t>(kSoaColumns.size() - 1);
    lxw_error status = LXW_NO_ERROR;
    const auto put = [&](lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* format) {
        if (status != LXW_NO_ERROR) return;
        status = text.empty() ? worksheet_write_blank(sheet, r, c, format)
                              : worksheet_write_string(sheet, r, c, text.c_str(), format);
    };

    // Title block: the organization, its scope, the date and the version.
    const std::string heading =
        "Statement of Applicability" + (block.organization.empty() ? std::string() : " — " + block.organization);
    put(0, 0, heading, titleFormat);
    put(1, 0, "Organization", label);
    put(1, 1, block.organization, value);
    put(2, 0, "Scope", label);
    if (status == LXW_NO_ERROR) {
        status = worksheet_merge_range(sheet, 2, 1, 2, kLastColumn, block.scope.c_str(), value);
    }
    // A merged cell does not grow with its text in Excel: give the scope room by its length.
    const double scopeLines = std::clamp(static_cast<double>(block.scope.size()) / 200.0 + 1.0, 1.0, 8.0);
    worksheet_set_row(sheet, 2, 15.0 * static_cast<int>(scopeLines), nullptr);
    put(3, 0, "Date", label);
    put(3, 1, block.date, value);
    put(4, 0, "Version", label);
    if (status == LXW_NO_ERROR) status = worksheet_write_number(sheet, 4, 1, static_cast<double>(block.version), value);
    put(5, 0, "Controls", label);
    put(5, 1, block.controls, value);

    constexpr lxw_row_t kHeaderRow = 7;
    for (std::size_t c = 0; c < kSoaColumns.size(); ++c) {
        put(kHeaderRow, static_cast<lxw_col_t>(c), std::string(kSoaColumns[c]), header);
    }
    lxw_row_t r = kHeaderRow + 1;
    for (const auto& row : rows) {
        const auto values = cells(row);
        for (std::size_t c = 0; c < values.size(); ++c) put(r, static_cast<lxw_col_t>(c), values[c], cell);
        ++r;
    }
    if (status != LXW_NO_ERROR) {
        std::error_code ec;
        fs::remove(tmp, ec);
        return Error::internal(file.string() + ": " + lxw_strerror(status));
    }

    constexpr std::array<double, kSoaColumns.size()> kWidths = {9, 38, 14, 11, 60, 14, 45, 30, 30, 14, 20, 8};
    for (std::size_t c = 0; c < kWidths.size(); ++c) {
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c], nullptr);
    }
    worksheet_freeze_panes(sheet, kHeaderRow + 1, 1);
    worksheet_autofilter(sheet, kHeaderRow, 0, r - 1, kLastColumn);
    worksheet_repeat_rows(sheet, kHeaderRow, kHeaderRow);
    worksheet_set_landscape(sheet);

    const lxw_error closed = workbook_close(wb.release());
    if (closed != LXW_NO_ERROR) {
        std::error_code ec;
        fs::remove(tmp, ec);
        const std::string why = lxw_strerror(closed);
        if (closed == LXW_ERROR_CREATING_XLSX_FILE || closed == LXW_ERROR_CREATING_TMPFILE) {
            return Error::badInput(file.string() + ": cannot write: " + why);
        }
        return Error::internal(file.string() + ": " + why);
    }
    return commitFile(tmp, file);
}

}  // namespace

std::string renderSoaCsv(const std::vector<SoaRow>& rows) {
    std::string out;
    const auto line = [&out](const auto& fields) {
        bool first = true;
        for (const auto& f : fields) {
            if (!first) out += ',';
            out += csvField(std::string(f));
            first = false;
        }
        out += "\r\n";
    };
    line(kSoaColumns);
    for (const auto& row : rows) line(cells(row));
    return out;
}

std::string renderSoaMarkdown(const SoaDocument& document) {
    const TitleBlock block = titleBlock(document);
    std::string out = "# Statement of Applicability";
    if (!block.organization.empty()) out += " — " + markdownCell(block.organization);
    out += "\n\n";
    const auto item = [&out](std::string_view label, const std::string& value) {
        out += "- **" + std::string(label) + ":** " + (value.empty() ? std::string("—") : markdownCell(value)) + "\n";
    };
    item("Organization", block.organization);
    item("Scope", block.scope);
    item("Date", block.date);
    item("Version", std::to_string(block.version));
    item("Controls", block.controls);
    out += "\n|";
    for (const auto& column : kSoaColumns) {
        out += ' ';
        out += column;
        out += " |";
    }
    out += "\n|";
    for (std::size_t i = 0; i < kSoaColumns.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& row : document.rows) {
        out += "|";
        for (const auto& cell : cells(row)) {
            out += ' ';
            out += markdownCell(cell);
            out += " |";
        }
        out += "\n";
    }
    return out;
}

Result<void> writeSoa(ExportFormat format, const fs::path& file, const SoaDocument& document) {
    if (file.empty()) return Error::badInput("no file to export the Statement of Applicability to");
    switch (format) {
        case ExportFormat::Csv:
            return writeText(file, renderSoaCsv(document.rows));
        case ExportFormat::Markdown:
            return writeText(file, renderSoaMarkdown(document));
        case ExportFormat::Xlsx:
            break;
    }
    return writeXlsx(file, document.rows, titleBlock(document));
}

}  // namespace cw
