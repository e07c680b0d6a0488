// `crosswalk audits`: internal and certification audits with their finding counts.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/audit.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <string_view>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kAuditKinds = "internal, stage1, stage2, surveillance, recertification";

constexpr const char* kAuditStatuses = "planned, in-progress, completed, cancelled";

json::object toJson(const Audit& a) {
    return json::object{{"key", a.key},
                        {"programme", jsonText(a.programme)},
                        {"kind", toString(a.kind)},
                        {"title", a.title},
                        {"scope", a.scope},
                        {"areas", json::array(a.areas.begin(), a.areas.end())},
                        {"auditor", a.auditor},
                        {"planned_on", a.plannedOn.str()},
                        {"completed_on", jsonDate(a.completedOn)},
                        {"status", toString(a.status)}};
}

class AuditsCommand {
public:
    explicit AuditsCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kAuditGroup, m_options.json);
        const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
            return c.action(parent, name, help, m_options.action);
        };
        const auto track = [&](CLI::Option* option) { return m_options.given.track(option); };

        auto* auditsCmd =
            c.add("audits", "Internal and certification audits (list, add, set, remove)", [this] { return run(); });
        action(auditsCmd, "list", "List audits with their finding counts (the default)");
        for (const char* name : {"add", "set"}) {
            const bool adding = std::string_view(name) == "add";
            auto* a = action(auditsCmd, name, adding ? "Add an audit" : "Change an audit's fields (those given)");
            if (adding) {
                a->add_option("--key", m_options.key,
                              "Key (default: IA-<year>-N, S1-<year>, S2-<year>, SA-<year>-N, RA-<year>)");
            } else {
                a->add_option("key", m_options.key, "Audit key")->required();
            }
            track(a->add_option("--programme", m_options.programme, "Programme key"));
            track(a->add_option("--kind", m_options.kind, std::string(kAuditKinds) + " (default: internal)"));
            auto* title = track(a->add_option("--title", m_options.title, "Title"));
            auto* planned = track(a->add_option("--planned", m_options.planned, "Planned date (YYYY-MM-DD)"));
            if (adding) {
                title->required();
                planned->required();
            }
            track(a->add_option("--scope", m_options.scope, "Scope of the audit"));
            track(a->add_option("--area", m_options.areas, "Clause or control audited, FRAMEWORK:REF (repeatable)"));
            track(a->add_option("--auditor", m_options.auditor, "Auditor"));
            track(a->add_option("--status", m_options.status, std::string(kAuditStatuses) + " (default: planned)"));
            track(a->add_option("--completed", m_options.completed,
                                "Completion date (YYYY-MM-DD; implies --status completed)"));
        }
        action(auditsCmd, "remove", "Remove an audit with its findings and their actions")
            ->add_option("key", m_options.key, "Audit key")
            ->required();
    }

private:
    Result<void> applyAuditOptions(Audit& a, bool adding) const {
        if (adding || m_options.given("--programme")) a.programme = m_options.programme;
        if (adding || m_options.given("--title")) a.title = m_options.title;
        if (adding || m_options.given("--scope")) a.scope = m_options.scope;
        if (adding || m_options.given("--auditor")) a.auditor = m_options.auditor;
        if (adding || m_options.given("--area")) a.areas = m_options.areas;
        if (m_options.given("--kind")) {
            auto kind = choice(parseAuditKind(m_options.kind), m_options.kind, "--kind", kAuditKinds);
            if (!kind) return kind.error();
            a.kind = *kind;
        }
        if (adding || m_options.given("--planned")) {
            auto planned = Date::parse(m_options.planned, "--planned");
            if (!planned) return planned.error();
            a.plannedOn = *planned;
        }
        if (m_options.given("--status")) {
            auto status = choice(parseAuditStatus(m_options.status), m_options.status, "--status", kAuditStatuses);
            if (!status) return status.error();
            a.status = *status;
            // Leaving "completed" drops the completion date unless one is given.
            if (a.status != AuditStatus::Completed && !m_options.given("--completed")) a.completedOn.reset();
        }
        if (m_options.given("--completed")) {
            auto completed = parseOptionalDate(m_options.completed, "--completed");
            if (!completed) return completed.error();
            a.completedOn = *completed;
            if (a.completedOn && !m_options.given("--status")) a.status = AuditStatus::Completed;
        }
        return {};
    }

    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add" || m_options.action == "set") {
            Audit audit;
            if (m_options.action == "set") {
                auto all = audits(*ws);
                if (!all) return fail(all.error());
                const auto it =
                    std::find_if(all->begin(), all->end(), [&](const Audit& a) { return a.key == m_options.key; });
                if (it == all->end()) return fail(Error::notFound("unknown audit '" + m_options.key + "'"));
                audit = *it;
            } else if (!m_options.key.empty()) {
                auto all = audits(*ws);
                if (!all) return fail(all.error());
                if (std::any_of(all->begin(), all->end(), [&](const Audit& a) { return a.key == m_options.key; })) {
                    return fail(
                        Error::badInput("audit " + m_options.key + " already exists (change it with `audits set`)"));
                }
                audit.key = m_options.key;
            }
            if (auto r = applyAuditOptions(audit, m_options.action == "add"); !r) return fail(r.error());
            auto written = setAudit(*ws, audit);
            if (!written) return fail(written.error());
            return printDone(m_options.json, toJson(*written), "Saved audit " + written->key);
        }
        if (m_options.action == "remove") {
            if (auto r = removeAudit(*ws, m_options.key); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"removed", m_options.key}},
                             "Removed audit " + m_options.key + " with its findings");
        }
        auto all = audits(*ws);
        if (!all) return fail(all.error());
        auto findings = auditFindings(*ws);
        if (!findings) return fail(findings.error());
        std::map<std::string, std::pair<int, int>> counts;  // audit → (findings, open)
        for (const auto& f : *findings) {
            ++counts[f.audit].first;
            if (f.open) ++counts[f.audit].second;
        }
        if (m_options.json) {
            json::array list;
            for (const auto& a : *all) {
                json::object entry = toJson(a);
                entry["findings"] = counts[a.key].first;
                entry["open_findings"] = counts[a.key].second;
                list.push_back(std::move(entry));
            }
            printJson(std::cout, json::object{{"audits", std::move(list)}});
            return kExitOk;
        }
        if (all->empty()) {
            std::cout << "No audits yet: `crosswalk audits add --title T --planned D`.\n";
            return kExitOk;
        }
        Table table({"KEY", "KIND", "STATUS", "PLANNED", "COMPLETED", "FINDINGS", "OPEN", "TITLE"});
        for (const auto& a : *all) {
            table.add({a.key, std::string(toString(a.kind)), std::string(toString(a.status)), a.plannedOn.str(),
                       orDash(a.completedOn), std::to_string(counts[a.key].first), std::to_string(counts[a.key].second),
                       a.title});
        }
        table.print(std::cout);
        return kExitOk;
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("add", "set" …); "" lists
        std::string key;
        std::string programme;
        std::string kind;
        std::string title;
        std::string planned;
        std::string scope;
        std::vector<std::string> areas;
        std::string auditor;
        std::string status;
        std::string completed;
        GivenOptions given;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addAudits(CommandLine& cli) {
    cli.own<AuditsCommand>();
}

}  // namespace cw::cli
