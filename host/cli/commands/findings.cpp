// `crosswalk findings`: audit findings, raised, closed and reopened.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/audit.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kFindingTypes = "major, minor, observation, opportunity";

json::object toJson(const AuditFinding& f) {
    return json::object{{"key", f.key},
                        {"audit", f.audit},
                        {"type", toString(f.type)},
                        {"requirement", jsonText(f.requirement)},
                        {"description", f.description},
                        {"raised_on", f.raisedOn.str()},
                        {"open", f.open},
                        {"closed_on", jsonDate(f.closedOn)}};
}

Result<AuditFinding> findingByKey(Workspace& ws, const std::string& key) {
    auto all = auditFindings(ws);
    if (!all) return all.error();
    const auto it = std::find_if(all->begin(), all->end(), [&](const AuditFinding& f) { return f.key == key; });
    if (it == all->end()) return Error::notFound("unknown finding '" + key + "'");
    return *it;
}

class FindingsCommand {
public:
    explicit FindingsCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kAuditGroup, m_options.json);
        const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
            return c.action(parent, name, help, m_options.action);
        };

        auto* findings =
            c.add("findings", "Audit findings (list, add, close, reopen, remove)", [this] { return run(); });
        for (auto* listing : {findings, action(findings, "list", "List findings (the default)")}) {
            listing->add_option("--audit", m_options.audit, "Only this audit's findings");
            listing->add_flag("--open", m_options.openOnly, "Only open findings");
        }
        auto* addFinding = action(findings, "add", "Raise a finding on an audit");
        addFinding->add_option("--key", m_options.key, "Key (default: next F-NN)");
        addFinding->add_option("--audit", m_options.audit, "Audit key")->required();
        addFinding->add_option("--type", m_options.type, kFindingTypes)->required();
        addFinding->add_option("--requirement", m_options.requirement,
                               "Requirement FRAMEWORK:REF, e.g. iso27001-2022:A.8.8");
        addFinding->add_option("--description", m_options.description, "What was found")->required();
        addFinding->add_option("--raised", m_options.raised, "Date raised (YYYY-MM-DD)")->required();
        auto* close = action(findings, "close", "Close a finding (its corrective actions must be done)");
        close->add_option("key", m_options.key, "Finding key")->required();
        close->add_option("--on", m_options.on, "Date closed (YYYY-MM-DD)")->required();
        action(findings, "reopen", "Reopen a closed finding")
            ->add_option("key", m_options.key, "Finding key")
            ->required();
        action(findings, "remove", "Remove a finding with its corrective actions")
            ->add_option("key", m_options.key, "Finding key")
            ->required();
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add") {
            AuditFinding f;
            if (!m_options.key.empty()) {
                if (findingByKey(*ws, m_options.key)) {
                    return fail(Error::badInput("finding " + m_options.key + " already exists"));
                }
                f.key = m_options.key;
            }
            f.audit = m_options.audit;
            auto type = choice(parseFindingType(m_options.type), m_options.type, "--type", kFindingTypes);
            if (!type) return fail(type.error());
            f.type = *type;
            f.requirement = m_options.requirement;
            f.description = m_options.description;
            auto raised = Date::parse(m_options.raised, "--raised");
            if (!raised) return fail(raised.error());
            f.raisedOn = *raised;
            auto written = setAuditFinding(*ws, f);
            if (!written) return fail(written.error());
            return printDone(m_options.json, toJson(*written),
                             "Saved finding " + written->key + " on audit " + written->audit);
        }
        if (m_options.action == "close" || m_options.action == "reopen") {
            auto f = findingByKey(*ws, m_options.key);
            if (!f) return fail(f.error());
            if (m_options.action == "close") {
                auto on = Date::parse(m_options.on, "--on");
                if (!on) return fail(on.error());
                f->open = false;
                f->closedOn = *on;
            } else {
                f->open = true;
                f->closedOn.reset();
            }
            auto written = setAuditFinding(*ws, *f);
            if (!written) return fail(written.error());
            return printDone(m_options.json, toJson(*written),
                             (written->open ? "Reopened finding " : "Closed finding ") + written->key);
        }
        if (m_options.action == "remove") {
            if (auto r = removeAuditFinding(*ws, m_options.key); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"removed", m_options.key}},
                             "Removed finding " + m_options.key + " with its actions");
        }
        auto all = auditFindings(*ws, m_options.audit);
        if (!all) return fail(all.error());
        if (m_options.openOnly) std::erase_if(*all, [](const AuditFinding& f) { return !f.open; });
        auto actions = correctiveActions(*ws);
        if (!actions) return fail(actions.error());
        std::map<std::string, int> actionCount;
        for (const auto& a : *actions) ++actionCount[a.finding];
        if (m_options.json) {
            json::array list;
            for (const auto& f : *all) {
                json::object entry = toJson(f);
                entry["actions"] = actionCount[f.key];
                list.push_back(std::move(entry));
            }
            printJson(std::cout, json::object{{"findings", std::move(list)}});
            return kExitOk;
        }
        if (all->empty()) {
            std::cout << (m_options.openOnly ? "No open findings.\n" : "No findings.\n");
            return kExitOk;
        }
        Table table({"KEY", "AUDIT", "TYPE", "STATE", "RAISED", "REQUIREMENT", "ACTIONS", "DESCRIPTION"});
        for (const auto& f : *all) {
            table.add({f.key, f.audit, std::string(toString(f.type)), f.open ? "open" : "closed " + orDash(f.closedOn),
                       f.raisedOn.str(), orDash(f.requirement), std::to_string(actionCount[f.key]),
                       clip(f.description, 70)});
        }
        table.print(std::cout);
        return kExitOk;
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("add", "set" …); "" lists
        std::string key;
        std::string audit;
        bool openOnly = false;
        std::string type;
        std::string requirement;
        std::string description;
        std::string raised;
        std::string on;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addFindings(CommandLine& cli) {
    cli.own<FindingsCommand>();
}

}  // namespace cw::cli
