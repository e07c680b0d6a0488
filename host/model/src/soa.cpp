// The names, parsing and pure rules of the soa types (crosswalk/model/soa.hpp).
#include <crosswalk/model/soa.hpp>

#include <crosswalk/model/text.hpp>

#include <algorithm>
#include <array>

namespace cw {

std::string_view toString(SoaState s) noexcept {
    return s == SoaState::Final ? "final" : "draft";
}

std::optional<SoaState> parseSoaState(std::string_view text) noexcept {
    if (text == "draft") return SoaState::Draft;
    if (text == "final") return SoaState::Final;
    return std::nullopt;
}

std::string_view toString(ExportFormat format) noexcept {
    switch (format) {
        case ExportFormat::Xlsx:
            return "xlsx";
        case ExportFormat::Csv:
            return "csv";
        case ExportFormat::Markdown:
            return "md";
    }
    return "";
}

std::optional<ExportFormat> parseExportFormat(std::string_view text) noexcept {
    if (text == "xlsx") return ExportFormat::Xlsx;
    if (text == "csv") return ExportFormat::Csv;
    if (text == "md" || text == "markdown") return ExportFormat::Markdown;
    return std::nullopt;
}

}  // namespace cw
