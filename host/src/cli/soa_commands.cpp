// The Statement of Applicability, gaps, remediation and readiness commands:
//   crosswalk soa [--format table|xlsx|csv|md] [-o FILE] [--today D]   soa draft   soa set REF …
//   crosswalk gaps [FRAMEWORK] [--today D]   crosswalk remediation [--limit N]
//   crosswalk readiness --stage 1|2 [--today D]
#include "cli/workbench_cli.hpp"

#include <crosswalk/model/date.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/workbench/readiness.hpp>

#include <boost/json.hpp>

#include <array>
#include <cmath>
#include <map>

namespace cw::cli {
namespace {

namespace json = boost::json;

struct SoaOptions {
    std::string action;  ///< the sub-action of `soa` that runs ("draft", "set"), "" to list
    std::string format = "table";
    std::string output;
    std::string today;  ///< --today (--at): the day the command judges or exports at
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
    // gaps, remediation, readiness
    std::string framework;
    int limit = 0;
    int stage = 0;
};
SoaOptions g_soa;

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

int cmdSoaList(const Options& o, Workspace& ws) {
    if (!g_soa.output.empty()) {
        return fail(Error::badInput("-o FILE needs --format xlsx, csv or md (table and --json print to the terminal)"));
    }
    auto rows = soa(ws);
    if (!rows) return fail(rows.error());
    auto summary = soaSummary(ws);
    if (!summary) return fail(summary.error());
    if (o.json) {
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

int cmdSoaExport(const Options& o, Workspace& ws, ExportFormat format) {
    auto on = dateOrToday(g_soa.today, "--today");
    if (!on) return fail(on.error());
    if (g_soa.output.empty()) {
        if (format == ExportFormat::Xlsx) {
            return fail(Error::badInput("--format xlsx writes a file: give it with -o FILE"));
        }
        if (o.json) return fail(Error::badInput("--json lists the rows; use it without --format, or with -o FILE"));
        auto text = renderSoa(ws, format, *on);
        if (!text) return fail(text.error());
        std::cout << *text;
        return kExitOk;
    }
    if (auto r = exportSoa(ws, format, g_soa.output, *on); !r) return fail(r.error());
    auto summary = soaSummary(ws);
    if (!summary) return fail(summary.error());
    if (o.json) {
        printJson(std::cout, json::object{{"file", g_soa.output},
                                          {"format", toString(format)},
                                          {"rows", summary->rows},
                                          {"version", summary->edits},
                                          {"today", on->str()}});
    } else {
        std::cout << "Wrote the Statement of Applicability (" << summary->rows << " rows, version " << summary->edits
                  << ") to " << g_soa.output << '\n';
    }
    return kExitOk;
}

int cmdSoaDraft(const Options& o, Workspace& ws) {
    auto result = draftSoa(ws);
    if (!result) return fail(result.error());
    auto summary = soaSummary(ws);
    if (!summary) return fail(summary.error());
    if (o.json) {
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

int cmdSoaSet(const Options& o, Workspace& ws) {
    SoaEdit edit;
    edit.ref = g_soa.ref;
    if (!g_soa.applicable.empty()) edit.applicable = g_soa.applicable == "yes";
    if (g_soa.given("--justification")) edit.justification = g_soa.justification;
    if (g_soa.given("--drivers")) edit.otherDrivers = g_soa.drivers;
    if (g_soa.given("--business-need")) edit.businessNeed = g_soa.businessNeed;
    if (g_soa.final) edit.state = SoaState::Final;
    if (g_soa.draft) edit.state = SoaState::Draft;
    if (!g_soa.status.empty()) {
        auto status =
            choice(parseImplementationStatus(g_soa.status), g_soa.status, "--status", kImplementationStatuses);
        if (!status) return fail(status.error());
        edit.status = *status;
    }
    edit.statusReason = g_soa.reason;
    auto row = editSoa(ws, edit);
    if (!row) return fail(row.error());
    if (o.json) {
        printJson(std::cout, toJson(*row));
        return kExitOk;
    }
    std::cout << row->ref << " " << row->title << ": applicable " << applicableText(row->applicable) << ", "
              << toString(row->state) << ", status " << toString(row->status) << '\n';
    if (!row->justification.empty()) std::cout << "  Justification: " << row->justification << '\n';
    return kExitOk;
}

int cmdSoa(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    if (g_soa.action == "draft") return cmdSoaDraft(o, *ws);
    if (g_soa.action == "set") return cmdSoaSet(o, *ws);
    if (g_soa.format == "table") return cmdSoaList(o, *ws);
    const auto format = parseExportFormat(g_soa.format);
    if (!format) return fail(Error::badInput("--format: expected table, xlsx, csv or md, not '" + g_soa.format + "'"));
    return cmdSoaExport(o, *ws, *format);
}

// "[#####-----] 48%": ten cells, rounded down so that a bar is full only when all is done.
std::string progressBar(double share) {
    constexpr int kCells = 10;
    const int filled = std::clamp(static_cast<int>(std::floor(share * kCells)), 0, kCells);
    const int percent = std::clamp(static_cast<int>(std::floor(share * 100.0)), 0, 100);
    return "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(kCells - filled), '-') + "] " + std::to_string(percent) + "%";
}

json::object toJson(const FrameworkGap& g) {
    json::array open = jsonList(g.open, [](const RequirementStatus& r) { return cli::toJson(r); });
    return json::object{{"framework", g.framework},
                        {"applicable", g.applicable},
                        {"not_applicable", g.notApplicable},
                        {"implemented", g.implemented},
                        {"partial", g.partial},
                        {"planned", g.planned},
                        {"not_started", g.notStarted},
                        {"implemented_with_evidence", g.implementedWithEvidence},
                        {"progress", g.progress()},
                        {"open", std::move(open)}};
}

int cmdGaps(const Options& o) {
    auto today = dateOrToday(g_soa.today, "--today");
    if (!today) return fail(today.error());
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto gaps = gapAnalysis(*ws, *today, g_soa.framework);
    if (!gaps) return fail(gaps.error());
    if (o.json) {
        json::array list;
        for (const auto& g : *gaps) list.push_back(toJson(g));
        printJson(std::cout, json::object{{"today", today->str()}, {"frameworks", std::move(list)}});
        return kExitOk;
    }
    if (gaps->empty()) {
        std::cout << "No target frameworks: add one with `crosswalk targets add FRAMEWORK`, or name a framework.\n";
        return kExitOk;
    }
    Table table({"FRAMEWORK", "PROGRESS", "IMPLEMENTED", "WITH EVIDENCE", "PARTIAL", "PLANNED", "NOT STARTED", "N/A"});
    for (const auto& g : *gaps) {
        table.add({g.framework, progressBar(g.progress()),
                   std::to_string(g.implemented) + "/" + std::to_string(g.applicable),
                   std::to_string(g.implementedWithEvidence), std::to_string(g.partial), std::to_string(g.planned),
                   std::to_string(g.notStarted), std::to_string(g.notApplicable)});
    }
    table.print(std::cout);
    // One framework named: what is still open, so the gap can be worked through.
    if (!g_soa.framework.empty() && !gaps->front().open.empty()) {
        std::cout << "\nOpen (" << gaps->front().open.size() << "):\n";
        Table open({"REF", "STATUS", "OWNER", "DUE", "VIA", "TITLE"});
        for (const auto& s : gaps->front().open) {
            open.add({s.ref, std::string(toString(s.status)), s.owner, toString(s.due), s.via, clip(s.title, 60)});
        }
        open.print(std::cout);
    }
    return kExitOk;
}

int cmdRemediation(const Options& o) {
    if (g_soa.limit < 0)
        return fail(Error::badInput("--limit: must be 0 (all) or more, not " + std::to_string(g_soa.limit)));
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    auto plan = remediationPlan(*ws);
    if (!plan) return fail(plan.error());
    const std::size_t total = plan->size();
    if (g_soa.limit > 0 && plan->size() > static_cast<std::size_t>(g_soa.limit)) {
        plan->resize(static_cast<std::size_t>(g_soa.limit));
    }
    if (o.json) {
        json::array list;
        std::size_t rank = 0;
        for (const auto& a : *plan) {
            list.push_back(json::object{{"rank", ++rank},
                                        {"common_control", a.commonControl},
                                        {"title", a.title},
                                        {"status", toString(a.status)},
                                        {"owner", a.owner},
                                        {"due", jsonDate(a.due)},
                                        {"frameworks", jsonStrings(a.frameworks)},
                                        {"requirements", a.requirements},
                                        {"would_implement", a.wouldImplement}});
        }
        printJson(std::cout, json::object{{"actions", std::move(list)}, {"total", total}});
        return kExitOk;
    }
    if (plan->empty()) {
        std::cout << "Nothing to remediate: no common control is linked to an open requirement of a target "
                     "framework.\n";
        return kExitOk;
    }
    Table table(
        {"#", "COMMON CONTROL", "FRAMEWORKS", "REQUIREMENTS", "WOULD IMPLEMENT", "STATUS", "OWNER", "DUE", "TITLE"});
    std::size_t rank = 0;
    for (const auto& a : *plan) {
        table.add({std::to_string(++rank), a.commonControl, joined(a.frameworks), std::to_string(a.requirements),
                   std::to_string(a.wouldImplement), std::string(toString(a.status)), a.owner, toString(a.due),
                   clip(a.title, 50)});
    }
    table.print(std::cout);
    if (plan->size() < total) std::cout << "\n" << plan->size() << " of " << total << " actions shown (--limit)\n";
    return kExitOk;
}

int cmdReadiness(const Options& o) {
    auto at = dateOrToday(g_soa.today, "--today");
    if (!at) return fail(at.error());
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    PluginHost host;
    host.loadAll(searchPath(o));

    // Say which targets' plugin checks cannot run, rather than pass over them in silence.
    std::vector<std::string> skipped;
    auto all = targets(*ws);
    if (!all) return fail(all.error());
    auto frameworks = ws->frameworks();
    if (!frameworks) return fail(frameworks.error());
    for (const auto& t : *all) {
        for (const auto& f : *frameworks) {
            if (f.id == t.framework && !f.pluginId.empty() && host.find(f.pluginId) == nullptr) {
                skipped.push_back(f.pluginId);
            }
        }
    }

    auto findings = g_soa.stage == 1 ? stage1Readiness(*ws, &host, *at) : stage2Readiness(*ws, &host, *at);
    if (!findings) return fail(findings.error());
    std::array<std::size_t, 4> counts{};
    for (const auto& f : *findings) ++counts[static_cast<std::size_t>(f.severity)];

    if (o.json) {
        json::array list;
        for (const auto& f : *findings) {
            list.push_back(json::object{{"check", f.check},
                                        {"severity", toString(f.severity)},
                                        {"subject", f.subject},
                                        {"message", f.message},
                                        {"source", f.source}});
        }
        printJson(std::cout, json::object{{"stage", g_soa.stage},
                                          {"today", at->str()},
                                          {"findings", std::move(list)},
                                          {"summary", json::object{{"blocker", counts[0]},
                                                                   {"major", counts[1]},
                                                                   {"minor", counts[2]},
                                                                   {"info", counts[3]},
                                                                   {"total", findings->size()}}},
                                          {"plugins_not_loaded", jsonStrings(skipped)}});
    } else {
        std::cout << "Stage " << g_soa.stage << " readiness on " << at->str() << "\n\n";
        if (findings->empty()) {
            std::cout << "No findings.\n";
        } else {
            // Sorted by severity, so each severity's findings stand together.
            Table table({"SEVERITY", "CHECK", "SUBJECT", "MESSAGE"});
            for (const auto& f : *findings) {
                std::string severity(toString(f.severity));
                std::transform(severity.begin(), severity.end(), severity.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                table.add({severity, f.check, f.subject, f.message});
            }
            table.print(std::cout);
        }
        std::cout << "\nSummary: " << counts[0] << " blocker, " << counts[1] << " major, " << counts[2] << " minor, "
                  << counts[3] << " info (" << findings->size() << " findings)\n";
    }
    for (const auto& id : skipped) {
        std::cerr << "crosswalk: plugin '" << id << "' is not loaded; its readiness checks did not run\n";
    }
    return kExitOk;
}

}  // namespace

void addSoaCommands(CLI::App& app, Options& o, Command& command) {
    Commands c(app, o, command, "Statement of Applicability and readiness");
    auto& g = g_soa;

    auto* soaCmd =
        c.add("soa", "The Statement of Applicability: list or export (xlsx, csv, md), draft, set a row", &cmdSoa);
    soaCmd->add_option("--format", g.format, "table (default), xlsx, csv or md")
        ->check(CLI::IsMember({"table", "xlsx", "csv", "md"}));
    soaCmd->add_option("-o,--output", g.output, "File to write (xlsx needs one; csv and md print without)");
    Commands::today(soaCmd, g.today, "The export date in the title block");
    c.action(soaCmd, "draft",
             "Draft or refresh every row from scoping, risk treatment and the crosswalk (edited rows are kept)",
             g.action);
    auto* set = c.action(soaCmd, "set", "Edit one row (marks it edited, so drafting keeps it)", g.action);
    set->add_option("ref", g.ref, "Annex A control, e.g. A.5.15")->required();
    set->add_option("--applicable", g.applicable, "yes or no")->check(CLI::IsMember({"yes", "no"}));
    g.given.track(set->add_option("--justification", g.justification, "Why included or excluded"));
    g.given.track(set->add_option("--drivers", g.drivers, "Other legal, regulatory or contractual drivers (text)"));
    g.given.track(set->add_option("--business-need", g.businessNeed, "The business need (text)"));
    auto* finalFlag = set->add_flag("--final", g.final, "Mark the row final (needs a decision and justification)");
    auto* draftFlag = set->add_flag("--draft", g.draft, "Mark the row draft again");
    finalFlag->excludes(draftFlag);
    set->add_option("--status", g.status,
                    "Implementation status of the control's common control: " + std::string(kImplementationStatuses));
    set->add_option("--reason", g.reason, "Why not applicable (with --status not-applicable)");

    auto* gaps =
        c.add("gaps", "Progress of each target framework (or of one): implemented, with evidence, open", &cmdGaps);
    gaps->add_option("framework", g.framework, "One framework id (default: every target)");
    Commands::today(gaps, g.today, "Judge evidence freshness at this day");

    auto* remediation =
        c.add("remediation", "Common controls to implement, ranked by how many target frameworks each advances",
              &cmdRemediation);
    remediation->add_option("--limit", g.limit, "Show only the first N actions (0: all)");

    auto* readiness =
        c.add("readiness", "Stage 1 or Stage 2 certification readiness, with the plugins' checks", &cmdReadiness);
    readiness->add_option("--stage", g.stage, "1 (documentation) or 2 (operation)")
        ->required()
        ->check(CLI::IsMember({1, 2}));
    Commands::today(readiness, g.today, "The audit date to judge at");
}

}  // namespace cw::cli
