#include "cli/output.hpp"

#include <boost/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <ostream>
#include <sstream>

namespace json = boost::json;

namespace cw::cli {
namespace {

std::size_t displayWidth(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void pretty(std::ostream& out, const json::value& v, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
    const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
    if (v.is_object()) {
        const auto& o = v.get_object();
        if (o.empty()) {
            out << "{}";
            return;
        }
        out << "{\n";
        bool first = true;
        for (const auto& [key, value] : o) {
            if (!first) out << ",\n";
            first = false;
            out << inner << json::serialize(json::string(key)) << ": ";
            pretty(out, value, indent + 1);
        }
        out << "\n" << pad << "}";
    } else if (v.is_array()) {
        const auto& a = v.get_array();
        if (a.empty()) {
            out << "[]";
            return;
        }
        out << "[\n";
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (i > 0) out << ",\n";
            out << inner;
            pretty(out, a[i], indent + 1);
        }
        out << "\n" << pad << "]";
    } else if (v.is_double()) {
        // Shortest faithful form that stays valid JSON ("0.75", "1", "1e-05"), not "1E0".
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.10g", v.get_double());
        out << buffer;
    } else {
        out << json::serialize(v);
    }
}

json::value optionalNumber(const std::optional<double>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths(m_header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], displayWidth(row[i]));
        }
    };
    measure(m_header);
    for (const auto& row : m_rows) measure(row);
    auto line = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out << row[i];
            if (i + 1 < row.size()) out << std::string(widths[i] - displayWidth(row[i]) + 2, ' ');
        }
        out << '\n';
    };
    line(m_header);
    for (const auto& row : m_rows) line(row);
}

void printJson(std::ostream& out, const json::value& value) {
    pretty(out, value, 0);
    out << '\n';
}

std::size_t controlCount(const PluginInfo& plugin) {
    std::size_t n = 0;
    for (const auto& f : plugin.catalog.frameworks) n += f.controls.size();
    return n;
}

json::object toJson(const PluginInfo& plugin) {
    json::array problems;
    for (const auto& p : plugin.problems) problems.emplace_back(p);
    json::array frameworks;
    for (const auto& f : plugin.catalog.frameworks) frameworks.emplace_back(f.id);
    json::value abi = nullptr;
    if (plugin.abiMajor != 0 || plugin.abiMinor != 0) {
        abi = json::string(std::to_string(plugin.abiMajor) + "." + std::to_string(plugin.abiMinor));
    }
    auto textOrNull = [](const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); };
    return json::object{
        {"id", textOrNull(plugin.id)},           {"name", textOrNull(plugin.name)},
        {"version", textOrNull(plugin.version)}, {"publisher", textOrNull(plugin.publisher)},
        {"licence", textOrNull(plugin.licence)}, {"file", plugin.file.string()},
        {"sha256", textOrNull(plugin.sha256)},   {"status", toString(plugin.status)},
        {"problems", std::move(problems)},       {"abi", abi},
        {"frameworks", std::move(frameworks)},   {"controls", controlCount(plugin)},
        {"has_packs", plugin.hasPacks},          {"has_scope", plugin.hasScope},
        {"has_readiness", plugin.hasReadiness},
    };
}

json::object toJson(const FrameworkSummary& f) {
    return json::object{
        {"id", f.id},
        {"name", f.name},
        {"version", f.version},
        {"publisher", f.publisher},
        {"kind", toString(f.kind)},
        {"published", f.published.empty() ? json::value(nullptr) : json::value(f.published)},
        {"source", f.source},
        {"licence", f.licence},
        {"url", f.url},
        {"description", f.description},
        {"plugin", f.pluginId},
        {"controls", f.controls},
        {"assessable", f.assessable},
    };
}

json::object toJson(const ControlRow& c) {
    return json::object{
        {"ref", c.fullRef()},
        {"framework", c.framework},
        {"local_ref", c.ref},
        {"parent", c.parent.empty() ? json::value(nullptr) : json::value(c.framework + ":" + c.parent)},
        {"title", c.title},
        {"description", c.description},
        {"kind", c.kind},
        {"assessable", c.assessable},
        {"depth", c.depth},
        {"attributes", c.attributes},
    };
}

json::object toJson(const MappingRow& m) {
    json::array qualifiers;
    for (const auto& q : m.qualifiers) qualifiers.emplace_back(q);
    return json::object{
        {"pack", m.packId},
        {"source", m.source},
        {"source_title", m.sourceTitle},
        {"target", m.target},
        {"target_title", m.targetTitle},
        {"relationship", toString(m.relationship)},
        {"rationale", m.rationale ? json::value(toString(*m.rationale)) : json::value(nullptr)},
        {"strength", m.strength ? json::value(*m.strength) : json::value(nullptr)},
        {"confidence", optionalNumber(m.confidence)},
        {"coverage", optionalNumber(m.coverage)},
        {"qualifiers", std::move(qualifiers)},
        {"note", m.note},
    };
}

json::object toJson(const SyncResult& s) {
    return json::object{
        {"plugin", s.pluginId},
        {"action", toString(s.action)},
        {"version", s.version},
        {"previous_version", s.previousVersion.empty() ? json::value(nullptr) : json::value(s.previousVersion)},
        {"frameworks", s.frameworks},
        {"controls_added", s.controlsAdded},
        {"controls_updated", s.controlsUpdated},
        {"controls_removed", s.controlsRemoved},
        {"note", s.note},
    };
}

json::object toJson(const WorkspacePlugin& p) {
    return json::object{
        {"id", p.id},
        {"name", p.name},
        {"version", p.version},
        {"publisher", p.publisher},
        {"licence", p.licence},
        {"file", p.file},
        {"sha256", p.sha256},
        {"catalog_sha256", p.catalogSha256},
        {"abi", std::to_string(p.abiMajor) + "." + std::to_string(p.abiMinor)},
        {"loaded_at", p.loadedAt},
    };
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100.0)));
}

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

PluginProgress progressPrinter() {
    if (isatty(STDERR_FILENO) == 0) return {};
    return [](std::size_t index, std::size_t total, const PluginInfo& info) {
        std::cerr << "\r\033[Kloading plugins " << index << "/" << total << ": " << info.file.filename().string()
                  << std::flush;
        if (index == total) std::cerr << "\r\033[K" << std::flush;
    };
}

void printRejected(const PluginInfo& p, std::ostream& out) {
    for (const auto& problem : p.problems) out << "crosswalk: " << p.file.string() << ": " << problem << '\n';
}

void printFrameworks(const std::vector<FrameworkSummary>& frameworks, std::ostream& out) {
    Table table({"FRAMEWORK", "NAME", "VERSION", "KIND", "CONTROLS", "ASSESSABLE", "PLUGIN"});
    for (const auto& f : frameworks) {
        table.add({f.id, f.name, f.version, std::string(toString(f.kind)), std::to_string(f.controls),
                   std::to_string(f.assessable), f.pluginId});
    }
    if (table.empty()) {
        out << "No frameworks in this workspace. Load plugins with `crosswalk init`.\n";
    } else {
        table.print(out);
    }
}

}  // namespace cw::cli
