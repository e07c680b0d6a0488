// `crosswalk programmes`: internal audit programmes (ISO 27001 9.2.2).
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/audit.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

json::object toJson(const AuditProgramme& p) {
    return json::object{{"key", p.key},
                        {"title", p.title},
                        {"starts_on", p.startsOn.str()},
                        {"ends_on", p.endsOn.str()},
                        {"objectives", p.objectives}};
}

class ProgrammesCommand {
public:
    explicit ProgrammesCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kAuditGroup, m_options.json);
        const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
            return c.action(parent, name, help, m_options.action);
        };

        auto* programmes = c.add("programmes", "Internal audit programmes, ISO 27001 9.2.2 (list, add, remove)",
                                 [this] { return run(); });
        action(programmes, "list", "List programmes (the default)");
        auto* addProgramme = action(programmes, "add", "Add (or replace, by --key) a programme");
        addProgramme->add_option("--key", m_options.key, "Key (default: AP-<year>)");
        addProgramme->add_option("--title", m_options.title, "Title")->required();
        addProgramme->add_option("--from", m_options.from, "First day (YYYY-MM-DD)")->required();
        addProgramme->add_option("--to", m_options.to, "Last day (YYYY-MM-DD)")->required();
        addProgramme->add_option("--objectives", m_options.objectives, "Objectives of the programme");
        action(programmes, "remove", "Remove a programme (its audits stay)")
            ->add_option("key", m_options.key, "Programme key")
            ->required();
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add") {
            auto from = Date::parse(m_options.from, "--from");
            if (!from) return fail(from.error());
            auto to = Date::parse(m_options.to, "--to");
            if (!to) return fail(to.error());
            auto written = setAuditProgramme(
                *ws, AuditProgramme{m_options.key, m_options.title, *from, *to, m_options.objectives});
            if (!written) return fail(written.error());
            return printDone(m_options.json, toJson(*written), "Saved audit programme " + written->key);
        }
        if (m_options.action == "remove") {
            if (auto r = removeAuditProgramme(*ws, m_options.key); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"removed", m_options.key}},
                             "Removed audit programme " + m_options.key);
        }
        auto all = auditProgrammes(*ws);
        if (!all) return fail(all.error());
        return printList(
            m_options.json, "programmes", *all, [](const AuditProgramme& p) { return toJson(p); },
            {"KEY", "FROM", "TO", "TITLE"},
            [](const AuditProgramme& p) -> std::vector<std::string> {
                return {p.key, p.startsOn.str(), p.endsOn.str(), p.title};
            },
            "No audit programmes yet: `crosswalk programmes add --title T --from D --to D`.");
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("add", "set" …); "" lists
        std::string key;
        std::string title;
        std::string from;
        std::string to;
        std::string objectives;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addProgrammes(CommandLine& cli) {
    cli.own<ProgrammesCommand>();
}

}  // namespace cw::cli
