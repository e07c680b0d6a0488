// `crosswalk common-controls`: the organization's own controls, seeded from the hub and edited by hand.
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

json::object toJson(const CommonControl& c) {
    return json::object{
        {"key", c.key},
        {"title", c.title},
        {"description", c.description},
        {"origin", c.origin},
        {"hub", c.hub.empty() ? json::value(nullptr) : json::value(c.hub)},
        {"links", c.links},
        {"full_links", c.fullLinks},
        {"frameworks", json::array(c.frameworks.begin(), c.frameworks.end())},
    };
}

class CommonControlsCommand {
public:
    explicit CommonControlsCommand(CommandLine& cli) : m_global(cli.global()) {
        auto* cc = cli.add("common-controls",
                           "The organization's own controls: list, show, seed, add, rename, split, merge, "
                           "link, unlink",
                           [this] { return run(); });
        cc->add_flag("--json", m_options.json, "Print JSON");
        auto action = [&](const char* name, const char* help) {
            CLI::App* a = cc->add_subcommand(name, help);
            a->callback([this, name] { m_options.action = name; });
            a->add_flag("--json", m_options.json, "Print JSON");
            return a;
        };
        action("list", "List common controls (the default)");
        action("show", "One common control and the requirements it satisfies")
            ->add_option("key", m_options.key, "Common control key, e.g. CC-A.5.15")
            ->required();
        action("seed", "Derive common controls from the hub (iso27001-2022) and link mapped requirements");
        auto* addCc = action("add", "Add a common control of your own");
        addCc->add_option("key", m_options.key, "New key")->required();
        addCc->add_option("--title", m_options.title, "Title")->required();
        addCc->add_option("--description", m_options.description, "Description");
        auto* rename = action("rename", "Change a common control's title and/or key");
        rename->add_option("key", m_options.key, "Key")->required();
        rename->add_option("--title", m_options.title, "New title");
        rename->add_option("--key", m_options.newKey, "New key");
        auto* split = action("split", "Move some requirements of a common control into a new one");
        split->add_option("key", m_options.key, "Key to split")->required();
        split->add_option("--into", m_options.newKey, "Key of the new common control")->required();
        split->add_option("--title", m_options.title, "Title of the new common control")->required();
        split
            ->add_option("--move", m_options.refs,
                         "Requirements to move (FRAMEWORK:REF, repeatable or comma-separated)")
            ->delimiter(',')
            ->required();
        auto* merge = action("merge", "Merge the second common control into the first");
        merge->add_option("into", m_options.key, "Key that stays")->required();
        merge->add_option("from", m_options.other, "Key merged away")->required();
        auto* link = action("link", "Link a requirement to a common control");
        link->add_option("key", m_options.key, "Key")->required();
        link->add_option("ref", m_options.ref, "Requirement FRAMEWORK:REF")->required();
        auto* unlink = action("unlink", "Unlink a requirement (seeding again will not bring it back)");
        unlink->add_option("key", m_options.key, "Key")->required();
        unlink->add_option("ref", m_options.ref, "Requirement FRAMEWORK:REF")->required();
    }

private:
    int run() const {
        auto ws = Workspace::open(workspacePath(m_global), Workspace::OpenMode::MustExist);
        if (!ws) return fail(ws.error());
        const std::string& action = m_options.action;
        auto done = [&](const Result<void>& r, const std::string& what) {
            if (!r) return fail(r.error());
            if (!m_options.json) std::cout << what << '\n';
            return kExitOk;
        };
        if (action == "seed") {
            auto r = ws->seedCommonControls();
            if (!r) return fail(r.error());
            if (m_options.json) {
                printJson(std::cout, json::object{{"created", r->created},
                                                  {"links_added", r->linksAdded},
                                                  {"links_updated", r->linksUpdated},
                                                  {"links_removed", r->linksRemoved}});
            } else {
                std::cout << "Seeded from iso27001-2022: " << r->created
                          << " common controls created; links: " << r->linksAdded << " added, " << r->linksUpdated
                          << " retyped, " << r->linksRemoved << " removed\n";
            }
            return kExitOk;
        }
        if (action == "add")
            return done(ws->addCommonControl(m_options.key, m_options.title, m_options.description),
                        "Added " + m_options.key);
        if (action == "rename")
            return done(ws->renameCommonControl(m_options.key, m_options.title, m_options.newKey),
                        "Renamed " + m_options.key);
        if (action == "split") {
            return done(ws->splitCommonControl(m_options.key, m_options.newKey, m_options.title, m_options.refs),
                        "Split " + std::to_string(m_options.refs.size()) + " requirement(s) from " + m_options.key +
                            " into " + m_options.newKey);
        }
        if (action == "merge")
            return done(ws->mergeCommonControls(m_options.key, m_options.other),
                        "Merged " + m_options.other + " into " + m_options.key);
        if (action == "link")
            return done(ws->linkCommonControl(m_options.key, m_options.ref),
                        "Linked " + m_options.ref + " to " + m_options.key);
        if (action == "unlink")
            return done(ws->unlinkCommonControl(m_options.key, m_options.ref),
                        "Unlinked " + m_options.ref + " from " + m_options.key);
        if (action == "show") {
            auto detail = ws->commonControl(m_options.key);
            if (!detail) return fail(detail.error());
            const auto& [control, links] = *detail;
            if (m_options.json) {
                json::object out = toJson(control);
                json::array list;
                for (const auto& l : links) {
                    list.push_back(json::object{{"control", l.control},
                                                {"framework", l.framework},
                                                {"title", l.title},
                                                {"relationship", l.relationship ? json::value(toString(*l.relationship))
                                                                                : json::value(nullptr)},
                                                {"source", l.source}});
                }
                out["requirements"] = std::move(list);
                printJson(std::cout, out);
                return kExitOk;
            }
            std::cout << control.key << "  " << control.title << "\n  origin: " << control.origin
                      << (control.hub.empty() ? "" : " (" + control.hub + ")") << "\n";
            if (!control.description.empty()) std::cout << "\n  " << control.description << "\n";
            std::cout << "\n  Satisfies " << links.size() << " requirement(s) in " << control.frameworks.size()
                      << " framework(s):\n";
            Table table({"REQUIREMENT", "RELATION TO HUB", "VIA", "TITLE"});
            for (const auto& l : links) {
                table.add({l.control, l.relationship ? std::string(toString(*l.relationship)) : "-", l.source,
                           l.title.substr(0, 70)});
            }
            table.print(std::cout);
            return kExitOk;
        }
        // list
        auto all = ws->commonControls();
        if (!all) return fail(all.error());
        if (m_options.json) {
            json::array list;
            for (const auto& c : *all) list.push_back(toJson(c));
            printJson(std::cout, json::object{{"common_controls", std::move(list)}});
            return kExitOk;
        }
        if (all->empty()) {
            std::cout << "No common controls yet: `crosswalk common-controls seed` derives them from iso27001-2022.\n";
            return kExitOk;
        }
        Table table({"KEY", "ORIGIN", "SATISFIES", "LINKED", "FRAMEWORKS", "TITLE"});
        for (const auto& c : *all) {
            table.add({c.key, c.origin, std::to_string(c.fullLinks), std::to_string(c.links),
                       std::to_string(c.frameworks.size()), c.title});
        }
        table.print(std::cout);
        std::cout << "\nSATISFIES: linked requirements the control fully meets (equal to or contained in its hub "
                     "control, or linked by hand); the rest overlap only partly.\n";
        return kExitOk;
    }

    struct Options {
        std::string action;  ///< the sub-action that runs; "" lists
        std::string key;
        std::string title;
        std::string description;
        std::string newKey;
        std::string other;
        std::string ref;
        std::vector<std::string> refs;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addCommonControls(CommandLine& cli) {
    cli.own<CommonControlsCommand>();
}

}  // namespace cw::cli
