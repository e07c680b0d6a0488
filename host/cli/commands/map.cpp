// `crosswalk map`: the requirements related to one control in every framework, direct and inferred.
#include "cli/commands/commands.hpp"
#include "cli/mappings.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

json::object toJson(const PathStep& s) {
    return json::object{{"from", s.from},
                        {"to", s.to},
                        {"relationship", toString(s.relationship)},
                        {"confidence", s.confidence},
                        {"pack", s.pack},
                        {"reversed", s.reversed}};
}

std::string relationText(const std::optional<Relationship>& r) {
    return r ? std::string(toString(*r)) : std::string("possibly-related");
}

class MapCommand {
public:
    explicit MapCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* map =
            cli.add("map", "Related requirements in every framework, direct and inferred", [this] { return run(); });
        map->add_option("ref", m_ref, "Full reference FRAMEWORK:REF, e.g. gdpr:Art.32(1)(b)")->required();
        map->add_option("--to", m_to, "Only this framework");
        map->add_option("--depth", m_depth, "Maximum hops (1-4, default 2)");
        map->add_flag("--explain", m_explain, "Show the path behind each result");
        map->add_flag("--json", m_json, "Print JSON");
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        auto detail = ws->control(m_ref);  // precise "unknown control" errors with hints
        if (!detail) return fail(detail.error());
        if (m_depth < 1 || m_depth > 4) return fail(Error::badInput("--depth must be between 1 and 4"));
        auto graph = loadGraph(*ws);
        if (!graph) return fail(graph.error());
        if (!m_to.empty()) {
            const auto& all = graph->data().frameworks;
            if (std::find(all.begin(), all.end(), m_to) == all.end()) {
                return fail(Error::notFound("unknown framework '" + m_to + "'"));
            }
        }
        const auto start = graph->find(detail->control.fullRef());
        const auto related = graph->related(*start, MapOptions{m_depth, m_to, true});

        if (m_json) {
            json::array list;
            for (const auto& r : related) {
                json::array path;
                for (const auto& s : r.path) path.push_back(toJson(s));
                list.push_back(json::object{
                    {"control", r.control},
                    {"framework", r.framework},
                    {"title", r.title},
                    {"assessable", r.assessable},
                    {"relationship", r.relationship ? json::value(toString(*r.relationship)) : json::value(nullptr)},
                    {"possibly_related", !r.relationship.has_value()},
                    {"direct", r.direct},
                    {"confidence", r.confidence},
                    {"path", std::move(path)},
                });
            }
            printJson(std::cout, json::object{{"control", detail->control.fullRef()},
                                              {"title", detail->control.title},
                                              {"depth", m_depth},
                                              {"related", std::move(list)}});
            return kExitOk;
        }
        std::cout << detail->control.fullRef() << "  " << detail->control.title << "\n\n";
        if (related.empty()) {
            std::cout << "No mappings reach this control (depth " << m_depth << ").\n";
            return kExitOk;
        }
        // Grouped by framework in the workspace's order; set relations first, then the
        // possibly-related links, which never count as coverage.
        constexpr std::size_t kPossiblePerFramework = 5;
        auto print = [&](bool setRelations) {
            for (const auto& fw : graph->data().frameworks) {
                std::vector<const Related*> rows;
                for (const auto& r : related) {
                    if (r.framework == fw && r.relationship.has_value() == setRelations) rows.push_back(&r);
                }
                if (rows.empty()) continue;
                std::cout << "  " << fw << '\n';
                const std::size_t shown = setRelations ? rows.size() : std::min(rows.size(), kPossiblePerFramework);
                for (std::size_t i = 0; i < shown; ++i) {
                    const Related& r = *rows[i];
                    std::cout << "    " << std::left << std::setw(17) << relationText(r.relationship) << std::setw(6)
                              << fixed(r.confidence) << (r.direct ? "direct   " : "inferred ") << r.control << "  "
                              << r.title.substr(0, 70) << '\n';
                    if (m_explain) {
                        for (const auto& step : r.path) {
                            std::cout << "        " << step.from << " " << toString(step.relationship) << " " << step.to
                                      << "  (" << fixed(step.confidence) << ", " << step.pack
                                      << (step.reversed ? ", read in reverse" : "") << ")\n";
                        }
                    }
                }
                if (shown < rows.size()) {
                    std::cout << "    … " << rows.size() - shown << " more (--to " << fw << " or --json for all)\n";
                }
            }
        };
        print(true);
        const bool anyPossible =
            std::any_of(related.begin(), related.end(), [](const Related& r) { return !r.relationship.has_value(); });
        if (anyPossible) {
            std::cout << "\nPossibly related (the path guarantees no set relation; never counted as coverage):\n";
            print(false);
        }
        std::cout << "\nRelationship: what " << detail->control.fullRef()
                  << " is relative to each control. Confidence multiplies along the path.\n";
        return kExitOk;
    }

    const GlobalOptions& m_global;
    std::string m_ref;
    std::string m_to;
    int m_depth = 2;
    bool m_explain = false;
    bool m_json = false;
};

}  // namespace

void addMap(CommandLine& cli) {
    cli.own<MapCommand>();
}

}  // namespace cw::cli
