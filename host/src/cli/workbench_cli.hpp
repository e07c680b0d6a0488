// What the certification workbench commands (org, evidence, audit, soa) share: registering
// subcommands that all take --json, telling a field given from one left alone, reading dates,
// choices and KEY=VALUE pairs from options with errors that name the option, JSON for dates
// and optional values, and the usual "JSON, hint or table" listing.
#pragma once

#include "cli/common.hpp"
#include "cli/output.hpp"

#include <crosswalk/model/date.hpp>
#include <crosswalk/store/implementation.hpp>

#include <boost/json.hpp>

#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::cli {

/// The choices of ImplementationStatus, for help texts and errors.
inline constexpr const char* kImplementationStatuses = "not-started, planned, partial, implemented, not-applicable";

/// Registers the workbench's subcommands under one heading of `crosswalk --help`. Every
/// subcommand takes --json. The innermost named subcommand that has a function runs; a
/// command whose sub-actions only record their name (see action()) runs itself.
class Commands {
public:
    Commands(CLI::App& app, Options& o, Command& command, std::string group);

    /// A top-level command.
    CLI::App* add(const char* name, const std::string& help, Command fn);
    /// A subcommand of `parent` with its own function.
    CLI::App* add(CLI::App* parent, const char* name, const std::string& help, Command fn);
    /// A sub-action of `parent`: records its name in `action`; `parent`'s function dispatches on it.
    CLI::App* action(CLI::App* parent, const char* name, const std::string& help, std::string& action);
    /// `--today` (alias `--at`): the day the command judges, exports or plans at; default today.
    static CLI::Option* today(CLI::App* command, std::string& into, const std::string& what);

private:
    CLI::App* setUp(CLI::App* s, Command fn);

    CLI::App& m_app;
    Options& m_options;
    Command& m_command;
    std::string m_group;
};

/// Options remembered by long name, so that a `set` changes only the fields given (a field
/// given empty is cleared). Several commands may share a name: only the one parsed counts.
class GivenOptions {
public:
    CLI::Option* track(CLI::Option* option);
    [[nodiscard]] bool operator()(std::string_view name) const;

private:
    std::multimap<std::string, CLI::Option*, std::less<>> m_options;
};

/// The workspace at --db; it must exist (`crosswalk init` or `crosswalk demo` makes one).
Result<Workspace> openWorkspace(const Options& o);

// ---- reading options --------------------------------------------------------------------

/// A date option (YYYY-MM-DD); empty text is today.
Result<Date> dateOrToday(std::string_view text, std::string_view option);

/// `parsed` or "OPTION: 'TEXT' is not one of CHOICES".
template <typename Enum>
Result<Enum> choice(std::optional<Enum> parsed, std::string_view text, std::string_view option,
                    std::string_view choices) {
    if (!parsed) {
        return Error::badInput(std::string(option) + ": '" + std::string(text) + "' is not one of " +
                               std::string(choices));
    }
    return *parsed;
}

/// "KEY=VALUE" split at the first '='; an empty KEY or no '=' is "OPTION: 'TEXT' is not FORM".
Result<std::pair<std::string, std::string>> keyValue(const std::string& text, std::string_view option,
                                                     std::string_view form = "KEY=VALUE");

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
int printDone(const Options& o, const boost::json::value& value, const std::string& line);

/// The usual listing: with --json `{"NAME": [toJson(item)…]}`; otherwise `empty` when there
/// is nothing, else a table with one row per item.
template <typename T, typename ToJson, typename ToRow>
int printList(const Options& o, std::string_view name, const std::vector<T>& items, ToJson toJson,
              std::vector<std::string> header, ToRow toRow, std::string_view empty) {
    if (o.json) {
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
