// `crosswalk actions`: corrective actions on findings (ISO 27001 10.2).
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/audit.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>
#include <string_view>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kActionStatuses = "open, in-progress, done, verified";

json::object toJson(const CorrectiveAction& a) {
    return json::object{{"key", a.key},
                        {"finding", a.finding},
                        {"description", a.description},
                        {"root_cause", a.rootCause},
                        {"owner", a.owner},
                        {"due", jsonDate(a.due)},
                        {"status", toString(a.status)},
                        {"closed_on", jsonDate(a.closedOn)}};
}

class ActionsCommand {
public:
    explicit ActionsCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kAuditGroup, m_options.json);
        const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
            return c.action(parent, name, help, m_options.action);
        };
        const auto track = [&](CLI::Option* option) { return m_options.given.track(option); };

        auto* actions =
            c.add("actions", "Corrective actions, ISO 27001 10.2 (list, add, set, remove)", [this] { return run(); });
        for (auto* listing : {actions, action(actions, "list", "List corrective actions (the default)")}) {
            listing->add_option("--finding", m_options.finding, "Only this finding's actions");
        }
        for (const char* name : {"add", "set"}) {
            const bool adding = std::string_view(name) == "add";
            auto* a =
                action(actions, name, adding ? "Add a corrective action to a finding" : "Change an action's fields");
            if (adding) {
                a->add_option("--key", m_options.key, "Key (default: next CA-NN)");
                a->add_option("--finding", m_options.finding, "Finding key")->required();
                track(a->add_option("--description", m_options.description, "What will be done"))->required();
            } else {
                a->add_option("key", m_options.key, "Action key")->required();
                track(a->add_option("--description", m_options.description, "What will be done"));
            }
            track(
                a->add_option("--root-cause", m_options.rootCause, "Why the nonconformity happened (needed for done)"));
            track(a->add_option("--owner", m_options.owner, "Owner"));
            track(a->add_option("--due", m_options.due, "Due date (YYYY-MM-DD)"));
            track(a->add_option("--status", m_options.status, std::string(kActionStatuses) + " (default: open)"));
            track(
                a->add_option("--closed", m_options.closed, "Date closed (YYYY-MM-DD; needed for done and verified)"));
        }
        action(actions, "remove", "Remove a corrective action")
            ->add_option("key", m_options.key, "Action key")
            ->required();
    }

private:
    Result<void> applyActionOptions(CorrectiveAction& a, bool adding) const {
        if (adding || m_options.given("--description")) a.description = m_options.description;
        if (adding || m_options.given("--root-cause")) a.rootCause = m_options.rootCause;
        if (adding || m_options.given("--owner")) a.owner = m_options.owner;
        if (adding || m_options.given("--due")) {
            auto due = parseOptionalDate(m_options.due, "--due");
            if (!due) return due.error();
            a.due = *due;
        }
        if (m_options.given("--status")) {
            auto status = choice(parseActionStatus(m_options.status), m_options.status, "--status", kActionStatuses);
            if (!status) return status.error();
            a.status = *status;
            if ((a.status == ActionStatus::Open || a.status == ActionStatus::InProgress) &&
                !m_options.given("--closed")) {
                a.closedOn.reset();
            }
        }
        if (m_options.given("--closed")) {
            auto closed = parseOptionalDate(m_options.closed, "--closed");
            if (!closed) return closed.error();
            a.closedOn = *closed;
        }
        return {};
    }

    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add" || m_options.action == "set") {
            auto all = correctiveActions(*ws);
            if (!all) return fail(all.error());
            const auto it = std::find_if(all->begin(), all->end(),
                                         [&](const CorrectiveAction& a) { return a.key == m_options.key; });
            CorrectiveAction action;
            if (m_options.action == "set") {
                if (it == all->end()) return fail(Error::notFound("unknown corrective action '" + m_options.key + "'"));
                action = *it;
            } else {
                if (!m_options.key.empty() && it != all->end()) {
                    return fail(Error::badInput("corrective action " + m_options.key +
                                                " already exists (change it with `actions set`)"));
                }
                action.key = m_options.key;
                action.finding = m_options.finding;
            }
            if (auto r = applyActionOptions(action, m_options.action == "add"); !r) return fail(r.error());
            auto written = setCorrectiveAction(*ws, action);
            if (!written) return fail(written.error());
            return printDone(m_options.json, toJson(*written),
                             "Saved corrective action " + written->key + " for " + written->finding);
        }
        if (m_options.action == "remove") {
            if (auto r = removeCorrectiveAction(*ws, m_options.key); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"removed", m_options.key}},
                             "Removed corrective action " + m_options.key);
        }
        auto all = correctiveActions(*ws, m_options.finding);
        if (!all) return fail(all.error());
        return printList(
            m_options.json, "actions", *all, [](const CorrectiveAction& a) { return toJson(a); },
            {"KEY", "FINDING", "STATUS", "OWNER", "DUE", "CLOSED", "DESCRIPTION"},
            [](const CorrectiveAction& a) -> std::vector<std::string> {
                return {a.key,         a.finding,          std::string(toString(a.status)), orDash(a.owner),
                        orDash(a.due), orDash(a.closedOn), clip(a.description, 70)};
            },
            "No corrective actions.");
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("add", "set" …); "" lists
        std::string key;
        std::string finding;
        std::string description;
        std::string rootCause;
        std::string owner;
        std::string due;
        std::string status;
        std::string closed;
        GivenOptions given;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addActions(CommandLine& cli) {
    cli.own<ActionsCommand>();
}

}  // namespace cw::cli
