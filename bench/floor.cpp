#include "floor.hpp"

#include <boost/json/serialize.hpp>

#include <array>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace cw::bench {
namespace {

constexpr std::string_view kLoadedAt = "2026-01-01T00:00:00Z";

// One CSV file, RFC 4180 quoting, as the sqlite3 shell reads it.
class CsvWriter {
public:
    explicit CsvWriter(const fs::path& file) : m_out(file, std::ios::binary) {}
    [[nodiscard]] bool ok() const { return m_out.good(); }

    CsvWriter& text(std::string_view value) {
        separate();
        if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
            m_line += value;
            return *this;
        }
        m_line.push_back('"');
        for (const char c : value) {
            if (c == '"') m_line.push_back('"');
            m_line.push_back(c);
        }
        m_line.push_back('"');
        return *this;
    }
    template <typename Number>
    CsvWriter& number(Number value) {
        separate();
        std::array<char, 32> buffer{};
        // Shortest round-trip form: the shell parses it back to the same double.
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
        m_line.append(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
        return *this;
    }
    template <typename Number>
    CsvWriter& optional(const std::optional<Number>& value) {
        if (value) return number(*value);
        return null();
    }
    CsvWriter& null() { return text({}); }
    void endRow() {
        m_line.push_back('\n');
        m_out << m_line;
        m_line.clear();
        m_first = true;
    }

private:
    void separate() {
        if (!m_first) m_line.push_back(',');
        m_first = false;
    }
    std::ofstream m_out;
    std::string m_line;
    bool m_first = true;
};

// Depth of each control, from the generator's parent refs.
std::vector<int> depths(const Framework& f) {
    std::map<std::string_view, int> depthOf;
    std::vector<int> out;
    out.reserve(f.controls.size());
    for (const Control& c : f.controls) {
        const int d = c.parent.empty() ? 0 : depthOf.at(c.parent) + 1;
        depthOf.emplace(c.ref, d);
        out.push_back(d);
    }
    return out;
}

struct Table {
    std::string_view name;
    std::vector<std::string_view> columns;
    std::set<std::string_view> nullable;  ///< '' in the CSV means NULL
};

const std::array<Table, 5> kTables = {{
    {"plugins",
     {"id", "name", "version", "publisher", "licence", "file", "sha256", "catalog_sha256", "abi_major", "abi_minor",
      "loaded_at"},
     {}},
    {"frameworks",
     {"id", "plugin_id", "name", "version", "publisher", "kind", "published", "source", "licence", "url", "description",
      "position"},
     {"plugin_id", "published"}},
    {"controls",
     {"id", "framework_id", "ref", "parent_id", "title", "description", "kind", "assessable", "depth", "position",
      "attributes"},
     {"parent_id"}},
    {"packs",
     {"id", "version", "title", "source_framework_id", "target_framework_id", "plugin_id", "source_document", "method",
      "author", "date", "licence", "description", "file", "sha256", "imported_at"},
     {"plugin_id", "date", "file", "sha256"}},
    {"mappings",
     {"id", "pack_id", "source_control_id", "target_control_id", "relationship", "rationale", "strength", "confidence",
      "coverage", "qualifiers", "note", "source_document", "method", "author", "date"},
     {"rationale", "strength", "confidence", "coverage", "source_document", "method", "author", "date"}},
}};

std::string scriptFor(const fs::path& dir) {
    std::string s =
        ".bail on\n.mode csv\nPRAGMA foreign_keys = ON;\nPRAGMA synchronous = NORMAL;\n"
        "PRAGMA temp_store = MEMORY;\nBEGIN IMMEDIATE;\n";
    for (const Table& t : kTables) {
        const std::string stage = "s_" + std::string(t.name);
        std::string columns;
        std::string select;
        for (const auto column : t.columns) {
            if (!columns.empty()) {
                columns += ", ";
                select += ", ";
            }
            columns += column;
            select += t.nullable.contains(column) ? "nullif(" + std::string(column) + ", '')" : std::string(column);
        }
        s += "CREATE TEMP TABLE " + stage + " AS SELECT " + columns + " FROM main." + std::string(t.name) +
             " WHERE 0;\n";
        s += ".import --schema temp \"" + (dir / (std::string(t.name) + ".csv")).string() + "\" " + stage + "\n";
        s += "INSERT INTO main." + std::string(t.name) + "(" + columns + ") SELECT " + select + " FROM temp." + stage +
             ";\n";
        s += "DROP TABLE temp." + stage + ";\n";
    }
    s += "COMMIT;\n";
    return s;
}

}  // namespace

Result<fs::path> writeFloor(const SyntheticWorkspace& data, const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Error::internal(dir.string() + ": " + ec.message());

    CsvWriter plugins(dir / "plugins.csv");
    CsvWriter frameworks(dir / "frameworks.csv");
    CsvWriter controls(dir / "controls.csv");
    CsvWriter packs(dir / "packs.csv");
    CsvWriter mappings(dir / "mappings.csv");

    // Control ids as a fresh workspace assigns them: catalog order, from 1.
    std::map<std::string_view, std::map<std::string_view, std::int64_t>> ids;
    std::int64_t nextControl = 1;
    for (const PluginInfo& p : data.plugins) {
        plugins.text(p.id)
            .text(p.name)
            .text(p.version)
            .text(p.publisher)
            .text(p.licence)
            .text(p.file.string())
            .text(p.sha256)
            .text(p.catalogSha256)
            .number(p.abiMajor)
            .number(p.abiMinor)
            .text(kLoadedAt)
            .endRow();
        for (std::size_t position = 0; position < p.catalog.frameworks.size(); ++position) {
            const Framework& f = p.catalog.frameworks[position];
            frameworks.text(f.id)
                .text(p.id)
                .text(f.name)
                .text(f.version)
                .text(f.publisher)
                .text(toString(f.kind))
                .text(f.published)
                .text(f.source)
                .text(f.licence)
                .text(f.url)
                .text(f.description)
                .number(position)
                .endRow();
            auto& refs = ids[f.id];
            const std::vector<int> depth = depths(f);
            for (std::size_t i = 0; i < f.controls.size(); ++i) {
                const Control& c = f.controls[i];
                const std::int64_t id = nextControl++;
                refs.emplace(c.ref, id);
                controls.number(id).text(f.id).text(c.ref);
                if (c.parent.empty()) {
                    controls.null();
                } else {
                    controls.number(refs.at(c.parent));
                }
                controls.text(c.title)
                    .text(c.description)
                    .text(c.kind)
                    .number(c.assessable ? 1 : 0)
                    .number(depth[i])
                    .number(i)
                    .text(boost::json::serialize(c.attributes))
                    .endRow();
            }
        }
    }

    std::int64_t nextMapping = 1;
    for (const Pack& pack : data.packs) {
        packs.text(pack.id)
            .text(pack.version)
            .text(pack.title)
            .text(pack.sourceFramework)
            .text(pack.targetFramework)
            .null()
            .text(pack.provenance.sourceDocument)
            .text(toString(pack.provenance.method))
            .text(pack.provenance.author)
            .text(pack.provenance.date)
            .text(pack.licence)
            .text(pack.description)
            .text(packOrigin(pack))
            .text(packSha256(pack))
            .text(kLoadedAt)
            .endRow();
        const auto& sources = ids.at(pack.sourceFramework);
        const auto& targets = ids.at(pack.targetFramework);
        for (const Mapping& m : pack.mappings) {
            boost::json::array qualifiers;
            for (const auto& q : m.qualifiers) qualifiers.emplace_back(q);
            mappings.number(nextMapping++)
                .text(pack.id)
                .number(sources.at(m.source))
                .number(targets.at(m.target))
                .text(toString(m.relationship));
            if (m.rationale) {
                mappings.text(toString(*m.rationale));
            } else {
                mappings.null();
            }
            mappings.optional(m.strength)
                .optional(m.confidence)
                .optional(m.coverage)
                .text(boost::json::serialize(qualifiers))
                .text(m.note);
            // Per-mapping provenance: the generator leaves it to the pack.
            mappings.null().null().null().null().endRow();
        }
    }
    for (const CsvWriter* w : {&plugins, &frameworks, &controls, &packs, &mappings}) {
        if (!w->ok()) return Error::internal(dir.string() + ": cannot write the CSV files");
    }

    const fs::path script = dir / "load.sql";
    std::ofstream out(script, std::ios::binary);
    out << scriptFor(dir);
    if (!out) return Error::internal(script.string() + ": cannot write");
    return script;
}

Result<std::string> fingerprint(const fs::path& sqliteShell, const fs::path& file) {
    const std::string query =
        "SELECT (SELECT count(*) FROM plugins) || ' ' || (SELECT count(*) FROM frameworks) || ' ' || "
        "(SELECT count(*) || ':' || total(parent_id) || ':' || sum(assessable) || ':' || sum(depth) || ':' || "
        "total(length(attributes)) || ':' || total(length(description)) FROM controls) || ' ' || "
        "(SELECT count(*) || ':' || count(date) || ':' || count(plugin_id) FROM packs) || ' ' || "
        "(SELECT count(*) || ':' || sum(source_control_id) || ':' || sum(target_control_id) || ':' || "
        "sum(relationship = 'equal') || ':' || count(rationale) || ':' || count(strength) || ':' || "
        "total(confidence) || ':' || count(coverage) || ':' || total(length(note)) || ':' || "
        "sum(qualifiers <> '[]') || ':' || count(method) FROM mappings);";
    const std::string command = sqliteShell.string() + " -batch '" + file.string() + "' \"" + query + "\"";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return Error::internal("cannot run " + sqliteShell.string());
    std::string out;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) out += buffer.data();
    const int status = pclose(pipe);
    if (status != 0 || out.empty()) return Error::internal(file.string() + ": fingerprint query failed");
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace cw::bench
