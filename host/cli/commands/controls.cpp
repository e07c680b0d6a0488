// `crosswalk controls`: a framework's controls as a table, a tree, or JSON.
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <functional>
#include <iostream>
#include <map>

namespace json = boost::json;

namespace cw::cli {
namespace {

// Nests a flat, catalog-ordered list by parent for `controls --tree --json`.
json::array nest(const std::vector<ControlRow>& rows) {
    std::map<std::string, std::vector<std::size_t>> children;
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].parent.empty()) {
            roots.push_back(i);
        } else {
            children[rows[i].parent].push_back(i);
        }
    }
    std::function<json::object(std::size_t)> build = [&](std::size_t i) {
        json::object node = toJson(rows[i]);
        json::array kids;
        if (auto it = children.find(rows[i].ref); it != children.end()) {
            for (const std::size_t k : it->second) kids.push_back(build(k));
        }
        node["children"] = std::move(kids);
        return node;
    };
    json::array out;
    for (const std::size_t r : roots) out.push_back(build(r));
    return out;
}

class ControlsCommand {
public:
    explicit ControlsCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* controls = cli.add("controls", "List a framework's controls", [this] { return run(); });
        controls->add_option("framework", m_framework, "Framework id, e.g. iso27001-2022")->required();
        controls->add_flag("--tree", m_tree, "Show the hierarchy");
        controls->add_flag("--assessable", m_assessableOnly, "Only assessable controls");
        controls->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto rows = ws->controls(m_framework);
        if (!rows) return fail(rows.error());
        if (m_assessableOnly) std::erase_if(*rows, [](const ControlRow& c) { return !c.assessable; });

        if (m_json) {
            json::array list;
            if (m_tree && !m_assessableOnly) {
                list = nest(*rows);
            } else {
                for (const auto& c : *rows) list.push_back(toJson(c));
            }
            printJson(std::cout, json::object{{"framework", m_framework}, {"controls", std::move(list)}});
            return kExitOk;
        }
        if (m_tree) {
            // Box-drawing tree: a node is the last of its siblings when no later
            // row at its depth comes before the next row above its depth.
            const auto& r = *rows;
            std::vector<bool> lastAtDepth;
            for (std::size_t i = 0; i < r.size(); ++i) {
                const auto depth = static_cast<std::size_t>(r[i].depth);
                bool last = true;
                for (std::size_t j = i + 1; j < r.size(); ++j) {
                    if (static_cast<std::size_t>(r[j].depth) < depth) break;
                    if (static_cast<std::size_t>(r[j].depth) == depth) {
                        last = false;
                        break;
                    }
                }
                lastAtDepth.resize(depth + 1);
                lastAtDepth[depth] = last;
                std::string prefix;
                for (std::size_t d = 1; d < depth; ++d) prefix += lastAtDepth[d] ? "   " : "│  ";
                if (depth > 0) prefix += last ? "└─ " : "├─ ";
                std::cout << prefix << r[i].ref << "  " << r[i].title << (r[i].assessable ? "" : "  ·") << '\n';
            }
            return kExitOk;
        }
        Table table({"REF", "KIND", "ASSESSABLE", "TITLE"});
        for (const auto& c : *rows) table.add({c.ref, c.kind, c.assessable ? "yes" : "", c.title});
        table.print(std::cout);
        return kExitOk;
    }

    const GlobalOptions& m_global;
    std::string m_framework;
    bool m_tree = false;
    bool m_assessableOnly = false;
    bool m_json = false;
};

}  // namespace

void addControls(CommandLine& cli) {
    cli.own<ControlsCommand>();
}

}  // namespace cw::cli
