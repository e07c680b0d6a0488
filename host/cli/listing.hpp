// What the workbench commands print: table cells, JSON values, the end of a command that
// changes something, and the usual "JSON, hint or table" listing.
#pragma once

#include "cli/command_line.hpp"
#include "cli/output.hpp"

#include <crosswalk/model/date.hpp>
#include <crosswalk/store/implementation.hpp>

#include <boost/json.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::cli {

// ---- text --------------------------------------------------------------------------------

/// One table cell: line breaks become spaces; at most `width` code points, the last "…" when cut.
std::string clip(std::string text, std::size_t width);
std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ");
std::string orDash(const std::string& text);
std::string orDash(const std::optional<Date>& date);

// ---- JSON --------------------------------------------------------------------------------

boost::json::value jsonText(const std::string& text);          ///< "" → null
boost::json::value jsonDate(const std::optional<Date>& date);  ///< "YYYY-MM-DD" or null
boost::json::value jsonNumber(const std::optional<int>& number);
boost::json::array jsonStrings(const std::vector<std::string>& items);

template <typename T, typename ToJson>
boost::json::array jsonList(const std::vector<T>& items, ToJson toJson) {
    boost::json::array out;
    out.reserve(items.size());
    for (const auto& item : items) out.push_back(toJson(item));
    return out;
}

/// A requirement with the status that reaches it (`status show`, the open ones of `gaps`).
boost::json::object toJson(const RequirementStatus& r);

// ---- output ------------------------------------------------------------------------------

/// The end of a command that changes something: `value` as JSON with --json, else `line`.
int printDone(bool json, const boost::json::value& value, const std::string& line);

/// The usual listing: with --json `{"NAME": [toJson(item)…]}`; otherwise `empty` when there
/// is nothing, else a table with one row per item.
template <typename T, typename ToJson, typename ToRow>
int printList(bool json, std::string_view name, const std::vector<T>& items, ToJson toJson,
              std::vector<std::string> header, ToRow toRow, std::string_view empty) {
    if (json) {
        printJson(std::cout, boost::json::object{{name, jsonList(items, toJson)}});
        return kExitOk;
    }
    if (items.empty()) {
        std::cout << empty << '\n';
        return kExitOk;
    }
    Table table(std::move(header));
    for (const auto& item : items) table.add(toRow(item));
    table.print(std::cout);
    return kExitOk;
}

}  // namespace cw::cli
