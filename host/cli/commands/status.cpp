// `crosswalk status`: the implementation status of common controls and requirements.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/organization.hpp>

#include <boost/json.hpp>

#include <iostream>
#include <map>

namespace json = boost::json;

namespace cw::cli {
namespace {

json::object toJson(const StatusEntry& e) {
    return json::object{{"subject", e.subject},
                        {"kind", e.requirement ? "requirement" : "common-control"},
                        {"status", toString(e.status)},
                        {"reason", e.reason},
                        {"owner", e.owner},
                        {"due", jsonDate(e.due)},
                        {"note", e.note},
                        {"updated_at", e.updatedAt}};
}

class StatusCommand {
public:
    explicit StatusCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kOrganizationGroup, m_options.json);
        auto* status = c.add("status", "Implementation status (list, set, clear, show)", [this] { return run(); });
        c.action(status, "list", "Every recorded status (the default)", m_options.action);
        auto* statusSet =
            c.action(status, "set", "Record the status of a common control or a requirement", m_options.action);
        statusSet
            ->add_option("subject", m_options.subject, "Common control key (CC-A.5.15) or requirement FRAMEWORK:REF")
            ->required();
        statusSet->add_option("status", m_options.status, kImplementationStatuses)->required();
        statusSet->add_option("--owner", m_options.owner, "Owner");
        statusSet->add_option("--due", m_options.due, "Due date (YYYY-MM-DD)");
        statusSet->add_option("--reason", m_options.reason, "Why (required for not-applicable)");
        statusSet->add_option("--note", m_options.statusNote, "Note");
        auto* statusClear =
            c.action(status, "clear", "Remove a recorded status (it falls back to what is carried)", m_options.action);
        statusClear->add_option("subject", m_options.subject, "Common control key or requirement FRAMEWORK:REF")
            ->required();
        auto* statusShow = c.action(status, "show", "The status that reaches each requirement of a framework, and how",
                                    m_options.action);
        statusShow->add_option("framework", m_options.framework, "Framework id")->required();
        statusShow->add_flag("--open", m_options.open, "Only applicable requirements not yet implemented");
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "set") {
            const auto status = choice(parseImplementationStatus(m_options.status), m_options.status, "status",
                                       kImplementationStatuses);
            if (!status) return fail(status.error());
            auto due = parseOptionalDate(m_options.due, "--due");
            if (!due) return fail(due.error());
            StatusEntry entry;
            entry.subject = m_options.subject;
            entry.status = *status;
            entry.owner = m_options.owner;
            entry.due = *due;
            entry.reason = m_options.reason;
            entry.note = m_options.statusNote;
            auto saved = setImplementationStatus(*ws, entry);
            if (!saved) return fail(saved.error());
            return printDone(m_options.json, toJson(*saved),
                             saved->subject + ": " + std::string(toString(saved->status)));
        }
        if (m_options.action == "clear") {
            if (auto r = clearImplementationStatus(*ws, m_options.subject); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"cleared", m_options.subject}},
                             "Cleared the status of " + m_options.subject);
        }
        if (m_options.action == "show") {
            auto rows = requirementStatuses(*ws, m_options.framework);
            if (!rows) return fail(rows.error());
            std::map<ImplementationStatus, std::size_t> counts;
            for (const auto& r : *rows) ++counts[r.status];
            // Open: applicable requirements not yet implemented.
            if (m_options.open) {
                std::erase_if(*rows, [](const RequirementStatus& r) {
                    return !r.applicable || r.status == ImplementationStatus::Implemented ||
                           r.status == ImplementationStatus::NotApplicable;
                });
            }
            if (m_options.json) {
                printJson(std::cout, json::object{{"framework", m_options.framework},
                                                  {"summary",
                                                   json::object{
                                                       {"not_started", counts[ImplementationStatus::NotStarted]},
                                                       {"planned", counts[ImplementationStatus::Planned]},
                                                       {"partial", counts[ImplementationStatus::Partial]},
                                                       {"implemented", counts[ImplementationStatus::Implemented]},
                                                       {"not_applicable", counts[ImplementationStatus::NotApplicable]},
                                                   }},
                                                  {"requirements", jsonList(*rows, [](const RequirementStatus& r) {
                                                       return cli::toJson(r);
                                                   })}});
                return kExitOk;
            }
            Table table({"REF", "STATUS", "VIA", "OWNER", "DUE", "TITLE"});
            for (const auto& r : *rows) {
                table.add({r.ref, std::string(toString(r.status)), r.via.empty() ? "-" : r.via, r.owner,
                           toString(r.due), clip(r.title, 50)});
            }
            table.print(std::cout);
            std::cout << '\n'
                      << m_options.framework << ": " << counts[ImplementationStatus::Implemented] << " implemented, "
                      << counts[ImplementationStatus::Partial] << " partial, " << counts[ImplementationStatus::Planned]
                      << " planned, " << counts[ImplementationStatus::NotStarted] << " not started, "
                      << counts[ImplementationStatus::NotApplicable] << " not applicable\n";
            return kExitOk;
        }
        auto all = implementationStatuses(*ws);
        if (!all) return fail(all.error());
        return printList(
            m_options.json, "statuses", *all, [](const StatusEntry& e) { return toJson(e); },
            {"SUBJECT", "STATUS", "OWNER", "DUE", "REASON / NOTE"},
            [](const StatusEntry& e) -> std::vector<std::string> {
                const std::string text = e.reason.empty() ? e.note
                                         : e.note.empty() ? e.reason
                                                          : e.reason + "; " + e.note;
                return {e.subject, std::string(toString(e.status)), e.owner, toString(e.due), clip(text, 70)};
            },
            "No status recorded yet: crosswalk status set SUBJECT STATUS [--owner O] [--due YYYY-MM-DD]");
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("set", "add" …); "" lists
        std::string subject;
        std::string status;
        std::string owner;
        std::string due;
        std::string reason;
        std::string statusNote;
        std::string framework;
        bool open = false;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addStatus(CommandLine& cli) {
    cli.own<StatusCommand>();
}

}  // namespace cw::cli
