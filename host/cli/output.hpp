// Text tables and JSON for the command line. Field names here are the stable
// `--json` interface documented in the README.
#pragma once

#include <crosswalk/model/text.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

#include <boost/json/value.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cw::cli {

/// Left-aligned columns sized to their widest cell (in code points); the last column is not padded.
class Table {
public:
    explicit Table(std::vector<std::string> header) : m_header(std::move(header)) {}
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(std::ostream& out) const;
    [[nodiscard]] bool empty() const noexcept { return m_rows.empty(); }

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

/// Pretty-prints JSON with two-space indentation and a final newline.
void printJson(std::ostream& out, const boost::json::value& value);

boost::json::object toJson(const PluginInfo& plugin);
boost::json::object toJson(const FrameworkSummary& framework);
boost::json::object toJson(const ControlRow& control);
boost::json::object toJson(const MappingRow& mapping);
boost::json::object toJson(const SyncResult& sync);
boost::json::object toJson(const WorkspacePlugin& plugin);

/// Number of controls across a loaded plugin's frameworks.
std::size_t controlCount(const PluginInfo& plugin);

/// Attribute values as text: strings bare, arrays comma-joined, the rest as JSON.
using cw::attributeText;

/// A share as a whole percentage, rounded: 0.456 → "46".
std::string percent(double share);
/// A number with `digits` decimals.
std::string fixed(double value, int digits = 2);

/// Loading progress on stderr, only for a person watching a terminal.
PluginProgress progressPrinter();
/// One line per problem of a rejected plugin: "crosswalk: FILE: PROBLEM".
void printRejected(const PluginInfo& plugin, std::ostream& out);
/// The frameworks table of `init` and `frameworks`, or how to get some.
void printFrameworks(const std::vector<FrameworkSummary>& frameworks, std::ostream& out);

}  // namespace cw::cli
