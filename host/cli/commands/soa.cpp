// `crosswalk soa`: the Statement of Applicability: list or export it, draft it, edit a row.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/soa.hpp>
#include <crosswalk/workbench/soa_export.hpp>

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

std::string applicableText(const std::optional<bool>& applicable) {
    if (!applicable) return "undecided";
    return *applicable ? "yes" : "no";
}

json::object toJson(const SoaRow& r) {
    return json::object{{"ref", r.ref},
                        {"title", r.title},
                        {"theme", r.theme},
                        {"applicable", r.applicable ? json::value(*r.applicable) : json::value(nullptr)},
                        {"justification", r.justification},
                        {"risks", jsonStrings(r.risks)},
                        {"framework_drivers", jsonStrings(r.frameworkDrivers)},
                        {"other_drivers", r.otherDrivers},
                        {"business_need", r.businessNeed},
                        {"status", toString(r.status)},
                        {"evidence", jsonStrings(r.evidence)},
                        {"state", toString(r.state)},
                        {"edited", r.edited}};
}

json::object toJson(const SoaSummary& s) {
    return json::object{{"rows", s.rows},
                        {"applicable", s.applicable},
                        {"excluded", s.excluded},
                        {"undecided", s.undecided},
                        {"final", s.final},
                        {"edits", s.edits},
                        {"last_changed", jsonDate(s.lastChanged)}};
}

std::string summaryLine(const SoaSummary& s) {
    return std::to_string(s.rows) + " rows: " + std::to_string(s.applicable) + " applicable, " +
           std::to_string(s.excluded) + " excluded, " + std::to_string(s.undecided) + " undecided; " +
           std::to_string(s.final) + " final; version " + std::to_string(s.edits) +
           (s.lastChanged ? ", last changed " + s.lastChanged->str() : std::string());
}

class SoaCommand {
public:
    explicit SoaCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kSoaGroup, m_options.json);
        auto* soaCmd = c.add("soa", "The Statement of Applicability: list or export (xlsx, csv, md), draft, set a row",
                             [this] { return run(); });
        soaCmd->add_option("--format", m_options.format, "table (default), xlsx, csv or md")
            ->check(CLI::IsMember({"table", "xlsx", "csv", "md"}));
        soaCmd->add_option("-o,--output", m_options.output, "File to write (xlsx needs one; csv and md print without)");
        CommandBuilder::today(soaCmd, m_options.today, "The export date in the title block");
        c.action(soaCmd, "draft",
                 "Draft or refresh every row from scoping, risk treatment and the crosswalk (edited rows are kept)",
                 m_options.action);
        auto* set = c.action(soaCmd, "set", "Edit one row (marks it edited, so drafting keeps it)", m_options.action);
        set->add_option("ref", m_options.ref, "Annex A control, e.g. A.5.15")->required();
        set->add_option("--applicable", m_options.applicable, "yes or no")->check(CLI::IsMember({"yes", "no"}));
        m_options.given.track(set->add_option("--justification", m_options.justification, "Why included or excluded"));
        m_options.given.track(
            set->add_option("--drivers", m_options.drivers, "Other legal, regulatory or contractual drivers (text)"));
        m_options.given.track(set->add_option("--business-need", m_options.businessNeed, "The business need (text)"));
        auto* finalFlag =
            set->add_flag("--final", m_options.final, "Mark the row final (needs a decision and justification)");
        auto* draftFlag = set->add_flag("--draft", m_options.draft, "Mark the row draft again");
        finalFlag->excludes(draftFlag);
        set->add_option(
            "--status", m_options.status,
            "Implementation status of the control's common control: " + std::string(kImplementationStatuses));
        set->add_option("--reason", m_options.reason, "Why not applicable (with --status not-applicable)");
    }

private:
    int list(Workspace& ws) const {
        if (!m_options.output.empty()) {
            return fail(
                Error::badInput("-o FILE needs --format xlsx, csv or md (table and --json print to the terminal)"));
        }
        auto rows = soa(ws);
        if (!rows) return fail(rows.error());
        auto summary = soaSummary(ws);
        if (!summary) return fail(summary.error());
        if (m_options.json) {
            json::array list;
            for (const auto& r : *rows) list.push_back(toJson(r));
            printJson(std::cout, json::object{{"rows", std::move(list)}, {"summary", toJson(*summary)}});
            return kExitOk;
        }
        if (rows->empty()) {
            std::cout << "The Statement of Applicability has no rows yet; draft it with `crosswalk soa draft`.\n";
            return kExitOk;
        }
        Table table({"CONTROL", "APPLICABLE", "STATUS", "STATE", "RISKS", "EVIDENCE", "JUSTIFICATION"});
        for (const auto& r : *rows) {
            table.add({r.ref, applicableText(r.applicable), std::string(toString(r.status)),
                       std::string(toString(r.state)) + (r.edited ? "" : " (auto)"), clip(joined(r.risks), 20),
                       std::to_string(r.evidence.size()), clip(r.justification, 70)});
        }
        table.print(std::cout);
        std::cout << '\n' << summaryLine(*summary) << '\n';
        return kExitOk;
    }

    int exportTo(Workspace& ws, ExportFormat format) const {
        auto on = dateOrToday(m_options.today, "--today");
        if (!on) return fail(on.error());
        if (m_options.output.empty()) {
            if (format == ExportFormat::Xlsx) {
                return fail(Error::badInput("--format xlsx writes a file: give it with -o FILE"));
            }
            if (m_options.json)
                return fail(Error::badInput("--json lists the rows; use it without --format, or with -o FILE"));
            auto text = renderSoa(ws, format, *on);
            if (!text) return fail(text.error());
            std::cout << *text;
            return kExitOk;
        }
        if (auto r = exportSoa(ws, format, m_options.output, *on); !r) return fail(r.error());
        auto summary = soaSummary(ws);
        if (!summary) return fail(summary.error());
        if (m_options.json) {
            printJson(std::cout, json::object{{"file", m_options.output},
                                              {"format", toString(format)},
                                              {"rows", summary->rows},
                                              {"version", summary->edits},
                                              {"today", on->str()}});
        } else {
            std::cout << "Wrote the Statement of Applicability (" << summary->rows << " rows, version "
                      << summary->edits << ") to " << m_options.output << '\n';
        }
        return kExitOk;
    }

    int draft(Workspace& ws) const {
        auto result = draftSoa(ws);
        if (!result) return fail(result.error());
        auto summary = soaSummary(ws);
        if (!summary) return fail(summary.error());
        if (m_options.json) {
            printJson(std::cout, json::object{{"created", result->created},
                                              {"refreshed", result->refreshed},
                                              {"kept", result->kept},
                                              {"unchanged", result->unchanged},
                                              {"summary", toJson(*summary)}});
            return kExitOk;
        }
        std::cout << "Drafted the Statement of Applicability: " << result->created << " created, " << result->refreshed
                  << " refreshed, " << result->kept << " kept (edited by hand), " << result->unchanged << " unchanged\n"
                  << summaryLine(*summary) << '\n';
        return kExitOk;
    }

    int set(Workspace& ws) const {
        SoaEdit edit;
        edit.ref = m_options.ref;
        if (!m_options.applicable.empty()) edit.applicable = m_options.applicable == "yes";
        if (m_options.given("--justification")) edit.justification = m_options.justification;
        if (m_options.given("--drivers")) edit.otherDrivers = m_options.drivers;
        if (m_options.given("--business-need")) edit.businessNeed = m_options.businessNeed;
        if (m_options.final) edit.state = SoaState::Final;
        if (m_options.draft) edit.state = SoaState::Draft;
        if (!m_options.status.empty()) {
            auto status = choice(parseImplementationStatus(m_options.status), m_options.status, "--status",
                                 kImplementationStatuses);
            if (!status) return fail(status.error());
            edit.status = *status;
        }
        edit.statusReason = m_options.reason;
        auto row = editSoa(ws, edit);
        if (!row) return fail(row.error());
        if (m_options.json) {
            printJson(std::cout, toJson(*row));
            return kExitOk;
        }
        std::cout << row->ref << " " << row->title << ": applicable " << applicableText(row->applicable) << ", "
                  << toString(row->state) << ", status " << toString(row->status) << '\n';
        if (!row->justification.empty()) std::cout << "  Justification: " << row->justification << '\n';
        return kExitOk;
    }

    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "draft") return draft(*ws);
        if (m_options.action == "set") return set(*ws);
        if (m_options.format == "table") return list(*ws);
        const auto format = parseExportFormat(m_options.format);
        if (!format)
            return fail(Error::badInput("--format: expected table, xlsx, csv or md, not '" + m_options.format + "'"));
        return exportTo(*ws, *format);
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("draft", "set"); "" lists or exports
        std::string format = "table";
        std::string output;
        std::string today;  ///< --today (--at): the day the export is dated at
        // soa set
        std::string ref;
        std::string applicable;
        std::string justification;
        std::string drivers;
        std::string businessNeed;
        bool final = false;
        bool draft = false;
        std::string status;
        std::string reason;
        GivenOptions given;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addSoa(CommandLine& cli) {
    cli.own<SoaCommand>();
}

}  // namespace cw::cli
