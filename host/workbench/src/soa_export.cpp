// Exporting the Statement of Applicability: the rows, the organization profile and the
// summary read from the workspace; the rendering and the writing are the io layer's.
#include <crosswalk/io/soa_export.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/workbench/soa_export.hpp>

namespace cw {
namespace {

Result<std::vector<SoaRow>> exportRows(Workspace& ws) {
    auto rows = soa(ws);
    if (!rows) return rows.error();
    if (rows->empty()) {
        return Error::badInput("the Statement of Applicability has no rows yet; draft it first (crosswalk soa draft)");
    }
    return rows;
}

// The rows and what the title block is made of. CSV has no title block, so it reads only the rows.
Result<SoaDocument> exportDocument(Workspace& ws, ExportFormat format, std::optional<Date> exportedOn) {
    SoaDocument document;
    auto rows = exportRows(ws);
    if (!rows) return rows.error();
    document.rows = std::move(*rows);
    if (format == ExportFormat::Csv) return document;

    auto profile = organizationProfile(ws);
    if (profile) {
        document.organization = profile->name;
        document.scope = profile->scopeStatement;
    } else if (profile.error().kind != ErrorKind::NotFound) {
        return profile.error();
    }
    auto summary = soaSummary(ws);
    if (!summary) return summary.error();
    document.summary = *summary;
    document.exportedOn = exportedOn;
    return document;
}

}  // namespace

Result<std::string> renderSoa(Workspace& ws, ExportFormat format, std::optional<Date> exportedOn) {
    if (format == ExportFormat::Xlsx) return Error::badInput("XLSX is binary: write it to a file (-o FILE)");
    auto document = exportDocument(ws, format, exportedOn);
    if (!document) return document.error();
    return format == ExportFormat::Csv ? renderSoaCsv(document->rows) : renderSoaMarkdown(*document);
}

Result<void> exportSoa(Workspace& ws, ExportFormat format, const std::filesystem::path& file,
                       std::optional<Date> exportedOn) {
    // A missing file name is refused before anything is read.
    if (file.empty()) return writeSoa(format, file, {});
    auto document = exportDocument(ws, format, exportedOn);
    if (!document) return document.error();
    return writeSoa(format, file, *document);
}

}  // namespace cw
