// `crosswalk show`: one control with its attributes, parent, children and mappings.
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

class ShowCommand {
public:
    explicit ShowCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* show = cli.add("show", "Show one control: title, attributes, parent, children, mappings",
                             [this] { return run(); });
        show->add_option("ref", m_ref, "Full reference FRAMEWORK:REF, e.g. iso27001-2022:A.5.15")->required();
        show->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto detail = ws->control(m_ref);
        if (!detail) return fail(detail.error());
        const auto& c = detail->control;
        if (m_json) {
            json::object out = toJson(c);
            json::array ancestors;
            for (const auto& a : detail->ancestors) ancestors.push_back(toJson(a));
            json::array children;
            for (const auto& k : detail->children) children.push_back(toJson(k));
            json::array mappings;
            for (const auto& m : detail->mappings) mappings.push_back(toJson(m));
            out["framework_name"] = detail->framework.name;
            out["ancestors"] = std::move(ancestors);
            out["children"] = std::move(children);
            out["mappings"] = std::move(mappings);
            printJson(std::cout, out);
            return kExitOk;
        }
        std::cout << c.fullRef() << "  " << c.title << '\n';
        std::cout << "  Framework:   " << detail->framework.name << " (" << detail->framework.id << ")\n";
        std::cout << "  Kind:        " << c.kind << (c.assessable ? ", assessable" : ", not assessable") << '\n';
        for (const auto& [key, value] : c.attributes) {
            std::string label(key);
            std::replace(label.begin(), label.end(), '_', ' ');
            if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
            std::cout << "  " << label << ":" << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ')
                      << attributeText(value) << '\n';
        }
        if (!detail->ancestors.empty()) {
            const auto& parent = detail->ancestors.back();
            std::cout << "  Parent:      " << parent.ref << "  " << parent.title << '\n';
            std::string path;
            for (const auto& a : detail->ancestors) path += a.ref + " > ";
            std::cout << "  Path:        " << path << c.ref << '\n';
        }
        if (!c.description.empty()) std::cout << "\n  " << c.description << '\n';
        if (!detail->children.empty()) {
            std::cout << "\n  Children:\n";
            for (const auto& k : detail->children) std::cout << "    " << k.ref << "  " << k.title << '\n';
        }
        if (!detail->mappings.empty()) {
            std::cout << "\n  Mappings:\n";
            for (const auto& m : detail->mappings) {
                const bool outgoing = m.source == c.fullRef();
                std::cout << "    " << (outgoing ? "→ " + m.target : "← " + m.source) << "  "
                          << toString(m.relationship) << "  " << (outgoing ? m.targetTitle : m.sourceTitle) << "  ["
                          << m.packId << "]\n";
            }
        }
        return kExitOk;
    }

    const GlobalOptions& m_global;
    std::string m_ref;
    bool m_json = false;
};

}  // namespace

void addShow(CommandLine& cli) {
    cli.own<ShowCommand>();
}

}  // namespace cw::cli
