// The audit and timeline commands: programmes, audits, findings, actions (corrective),
// reviews (management), timeline, cycles. Thin: parse, call libcrosswalk, print.
#include "cli/workbench_cli.hpp"

#include <crosswalk/model/date.hpp>
#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/timeline.hpp>
#include <crosswalk/workbench/timeline.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>

namespace cw::cli {
namespace {

namespace json = boost::json;

// Options of these commands. `given` tells a `set` which fields to change.
struct AuditOptions {
    std::string action;  // sub-subcommand; empty = list (or show, for timeline)
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
    std::string audit;
    bool openOnly = false;
    std::string type;
    std::string requirement;
    std::string description;
    std::string raised;
    std::string on;
    std::string finding;
    std::string rootCause;
    std::string owner;
    std::string due;
    std::string closed;
    std::string held;
    std::string chair;
    std::string attendees;
    std::string notes;
    std::vector<std::string> inputs;
    std::vector<std::string> decisions;
    bool ready = false;
    std::string today;
    std::string step;
    std::string plannedStart;
    std::string plannedEnd;
    std::string actualStart;
    std::string actualEnd;
    std::string note;
    int bufferDays = 0;
    int certificateYears = 0;
    int soonStaleDays = 0;
    std::string framework;
    std::string from;
    std::string to;
    std::string objectives;
    int everyMonths = 0;
    GivenOptions given;
};
AuditOptions g_audit;

constexpr const char* kAuditKinds = "internal, stage1, stage2, surveillance, recertification";
constexpr const char* kAuditStatuses = "planned, in-progress, completed, cancelled";
constexpr const char* kFindingTypes = "major, minor, observation, opportunity";
constexpr const char* kActionStatuses = "open, in-progress, done, verified";
constexpr const char* kReviewInputCodes = "a, b, c, d1, d2, d3, d4, e, f, g";
constexpr const char* kDecisionKinds = "improvement, isms-change, resources, readiness";
constexpr const char* kCycleKinds =
    "soc2-type1, soc2-type2-observation, soc2-type2-report, pci-assessment, hipaa-risk-analysis, other";

std::string stepNames() {
    std::string names;
    for (const Step s : kSteps) names += (names.empty() ? "" : ", ") + std::string(toString(s));
    return names;
}

// ---------------------------------------------------------------- JSON

json::object toJson(const AuditProgramme& p) {
    return json::object{{"key", p.key},
                        {"title", p.title},
                        {"starts_on", p.startsOn.str()},
                        {"ends_on", p.endsOn.str()},
                        {"objectives", p.objectives}};
}

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

json::object toJson(const ManagementReview& r) {
    json::array inputs;
    for (const ReviewInput input : kReviewInputs) {
        const auto it =
            std::find_if(r.inputs.begin(), r.inputs.end(), [&](const ReviewInputEntry& e) { return e.input == input; });
        inputs.push_back(
            json::object{{"input", toString(input)},
                         {"description", describe(input)},
                         {"summary", it == r.inputs.end() ? json::value(nullptr) : json::value(it->summary)}});
    }
    json::array missing;
    for (const ReviewInput input : r.missingInputs()) missing.emplace_back(toString(input));
    json::array decisions;
    for (const auto& d : r.decisions) {
        decisions.push_back(
            json::object{{"kind", toString(d.kind)}, {"text", d.text}, {"owner", d.owner}, {"due", jsonDate(d.due)}});
    }
    return json::object{{"key", r.key},
                        {"held_on", r.heldOn.str()},
                        {"chair", r.chair},
                        {"attendees", r.attendees},
                        {"notes", r.notes},
                        {"inputs", std::move(inputs)},
                        {"missing_inputs", std::move(missing)},
                        {"decisions", std::move(decisions)},
                        {"has_required_outputs", r.hasRequiredOutputs()},
                        {"ready_for_certification", r.readyForCertification}};
}

json::object toJson(const Cycle& c) {
    return json::object{{"key", c.key},
                        {"framework", c.framework},
                        {"kind", toString(c.kind)},
                        {"title", c.title},
                        {"starts_on", c.startsOn.str()},
                        {"ends_on", c.endsOn.str()},
                        {"recur_months", c.recurMonths}};
}

json::object toJson(const Milestone& m, Date today) {
    return json::object{{"step", toString(m.step)},
                        {"label", describe(m.step)},
                        {"planned_start", jsonDate(m.plannedStart)},
                        {"planned_end", jsonDate(m.plannedEnd)},
                        {"actual_start", jsonDate(m.actualStart)},
                        {"actual_end", jsonDate(m.actualEnd)},
                        {"note", m.note},
                        {"status", toString(m.status(today))}};
}

json::object toJson(const TimelineSettings& s) {
    return json::object{{"remediation_buffer_days", s.remediationBufferDays},
                        {"certificate_years", s.certificateYears},
                        {"soon_stale_days", s.soonStaleDays}};
}

// ---------------------------------------------------------------- programmes

int cmdProgrammes(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const auto& g = g_audit;
    if (g.action == "add") {
        auto from = Date::parse(g.from, "--from");
        if (!from) return fail(from.error());
        auto to = Date::parse(g.to, "--to");
        if (!to) return fail(to.error());
        auto written = setAuditProgramme(*ws, AuditProgramme{g.key, g.title, *from, *to, g.objectives});
        if (!written) return fail(written.error());
        return printDone(o, toJson(*written), "Saved audit programme " + written->key);
    }
    if (g.action == "remove") {
        if (auto r = removeAuditProgramme(*ws, g.key); !r) return fail(r.error());
        return printDone(o, json::object{{"removed", g.key}}, "Removed audit programme " + g.key);
    }
    auto all = auditProgrammes(*ws);
    if (!all) return fail(all.error());
    return printList(
        o, "programmes", *all, [](const AuditProgramme& p) { return toJson(p); }, {"KEY", "FROM", "TO", "TITLE"},
        [](const AuditProgramme& p) -> std::vector<std::string> {
            return {p.key, p.startsOn.str(), p.endsOn.str(), p.title};
        },
        "No audit programmes yet: `crosswalk programmes add --title T --from D --to D`.");
}

// ---------------------------------------------------------------- audits

Result<void> applyAuditOptions(Audit& a, bool adding) {
    const auto& g = g_audit;
    if (adding || g.given("--programme")) a.programme = g.programme;
    if (adding || g.given("--title")) a.title = g.title;
    if (adding || g.given("--scope")) a.scope = g.scope;
    if (adding || g.given("--auditor")) a.auditor = g.auditor;
    if (adding || g.given("--area")) a.areas = g.areas;
    if (g.given("--kind")) {
        auto kind = choice(parseAuditKind(g.kind), g.kind, "--kind", kAuditKinds);
        if (!kind) return kind.error();
        a.kind = *kind;
    }
    if (adding || g.given("--planned")) {
        auto planned = Date::parse(g.planned, "--planned");
        if (!planned) return planned.error();
        a.plannedOn = *planned;
    }
    if (g.given("--status")) {
        auto status = choice(parseAuditStatus(g.status), g.status, "--status", kAuditStatuses);
        if (!status) return status.error();
        a.status = *status;
        // Leaving "completed" drops the completion date unless one is given.
        if (a.status != AuditStatus::Completed && !g.given("--completed")) a.completedOn.reset();
    }
    if (g.given("--completed")) {
        auto completed = parseOptionalDate(g.completed, "--completed");
        if (!completed) return completed.error();
        a.completedOn = *completed;
        if (a.completedOn && !g.given("--status")) a.status = AuditStatus::Completed;
    }
    return {};
}

int cmdAudits(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const auto& g = g_audit;
    if (g.action == "add" || g.action == "set") {
        Audit audit;
        if (g.action == "set") {
            auto all = audits(*ws);
            if (!all) return fail(all.error());
            const auto it = std::find_if(all->begin(), all->end(), [&](const Audit& a) { return a.key == g.key; });
            if (it == all->end()) return fail(Error::notFound("unknown audit '" + g.key + "'"));
            audit = *it;
        } else if (!g.key.empty()) {
            auto all = audits(*ws);
            if (!all) return fail(all.error());
            if (std::any_of(all->begin(), all->end(), [&](const Audit& a) { return a.key == g.key; })) {
                return fail(Error::badInput("audit " + g.key + " already exists (change it with `audits set`)"));
            }
            audit.key = g.key;
        }
        if (auto r = applyAuditOptions(audit, g.action == "add"); !r) return fail(r.error());
        auto written = setAudit(*ws, audit);
        if (!written) return fail(written.error());
        return printDone(o, toJson(*written), "Saved audit " + written->key);
    }
    if (g.action == "remove") {
        if (auto r = removeAudit(*ws, g.key); !r) return fail(r.error());
        return printDone(o, json::object{{"removed", g.key}}, "Removed audit " + g.key + " with its findings");
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
    if (o.json) {
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

// ---------------------------------------------------------------- findings

Result<AuditFinding> findingByKey(Workspace& ws, const std::string& key) {
    auto all = auditFindings(ws);
    if (!all) return all.error();
    const auto it = std::find_if(all->begin(), all->end(), [&](const AuditFinding& f) { return f.key == key; });
    if (it == all->end()) return Error::notFound("unknown finding '" + key + "'");
    return *it;
}

int cmdFindings(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const auto& g = g_audit;
    if (g.action == "add") {
        AuditFinding f;
        if (!g.key.empty()) {
            if (findingByKey(*ws, g.key)) {
                return fail(Error::badInput("finding " + g.key + " already exists"));
            }
            f.key = g.key;
        }
        f.audit = g.audit;
        auto type = choice(parseFindingType(g.type), g.type, "--type", kFindingTypes);
        if (!type) return fail(type.error());
        f.type = *type;
        f.requirement = g.requirement;
        f.description = g.description;
        auto raised = Date::parse(g.raised, "--raised");
        if (!raised) return fail(raised.error());
        f.raisedOn = *raised;
        auto written = setAuditFinding(*ws, f);
        if (!written) return fail(written.error());
        return printDone(o, toJson(*written), "Saved finding " + written->key + " on audit " + written->audit);
    }
    if (g.action == "close" || g.action == "reopen") {
        auto f = findingByKey(*ws, g.key);
        if (!f) return fail(f.error());
        if (g.action == "close") {
            auto on = Date::parse(g.on, "--on");
            if (!on) return fail(on.error());
            f->open = false;
            f->closedOn = *on;
        } else {
            f->open = true;
            f->closedOn.reset();
        }
        auto written = setAuditFinding(*ws, *f);
        if (!written) return fail(written.error());
        return printDone(o, toJson(*written), (written->open ? "Reopened finding " : "Closed finding ") + written->key);
    }
    if (g.action == "remove") {
        if (auto r = removeAuditFinding(*ws, g.key); !r) return fail(r.error());
        return printDone(o, json::object{{"removed", g.key}}, "Removed finding " + g.key + " with its actions");
    }
    auto all = auditFindings(*ws, g.audit);
    if (!all) return fail(all.error());
    if (g.openOnly) std::erase_if(*all, [](const AuditFinding& f) { return !f.open; });
    auto actions = correctiveActions(*ws);
    if (!actions) return fail(actions.error());
    std::map<std::string, int> actionCount;
    for (const auto& a : *actions) ++actionCount[a.finding];
    if (o.json) {
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
        std::cout << (g.openOnly ? "No open findings.\n" : "No findings.\n");
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

// ---------------------------------------------------------------- corrective actions

Result<void> applyActionOptions(CorrectiveAction& a, bool adding) {
    const auto& g = g_audit;
    if (adding || g.given("--description")) a.description = g.description;
    if (adding || g.given("--root-cause")) a.rootCause = g.rootCause;
    if (adding || g.given("--owner")) a.owner = g.owner;
    if (adding || g.given("--due")) {
        auto due = parseOptionalDate(g.due, "--due");
        if (!due) return due.error();
        a.due = *due;
    }
    if (g.given("--status")) {
        auto status = choice(parseActionStatus(g.status), g.status, "--status", kActionStatuses);
        if (!status) return status.error();
        a.status = *status;
        if ((a.status == ActionStatus::Open || a.status == ActionStatus::InProgress) && !g.given("--closed")) {
            a.closedOn.reset();
        }
    }
    if (g.given("--closed")) {
        auto closed = parseOptionalDate(g.closed, "--closed");
        if (!closed) return closed.error();
        a.closedOn = *closed;
    }
    return {};
}

int cmdActions(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const auto& g = g_audit;
    if (g.action == "add" || g.action == "set") {
        auto all = correctiveActions(*ws);
        if (!all) return fail(all.error());
        const auto it =
            std::find_if(all->begin(), all->end(), [&](const CorrectiveAction& a) { return a.key == g.key; });
        CorrectiveAction action;
        if (g.action == "set") {
            if (it == all->end()) return fail(Error::notFound("unknown corrective action '" + g.key + "'"));
            action = *it;
        } else {
            if (!g.key.empty() && it != all->end()) {
                return fail(
                    Error::badInput("corrective action " + g.key + " already exists (change it with `actions set`)"));
            }
            action.key = g.key;
            action.finding = g.finding;
        }
        if (auto r = applyActionOptions(action, g.action == "add"); !r) return fail(r.error());
        auto written = setCorrectiveAction(*ws, action);
        if (!written) return fail(written.error());
        return printDone(o, toJson(*written), "Saved corrective action " + written->key + " for " + written->finding);
    }
    if (g.action == "remove") {
        if (auto r = removeCorrectiveAction(*ws, g.key); !r) return fail(r.error());
        return printDone(o, json::object{{"removed", g.key}}, "Removed corrective action " + g.key);
    }
    auto all = correctiveActions(*ws, g.finding);
    if (!all) return fail(all.error());
    return printList(
        o, "actions", *all, [](const CorrectiveAction& a) { return toJson(a); },
        {"KEY", "FINDING", "STATUS", "OWNER", "DUE", "CLOSED", "DESCRIPTION"},
        [](const CorrectiveAction& a) -> std::vector<std::string> {
            return {a.key,         a.finding,          std::string(toString(a.status)), orDash(a.owner),
                    orDash(a.due), orDash(a.closedOn), clip(a.description, 70)};
        },
        "No corrective actions.");
}

// ---------------------------------------------------------------- management reviews

void printReview(const ManagementReview& r) {
    std::cout << r.key << "  management review held " << r.heldOn.str() << "\n";
    if (!r.chair.empty()) std::cout << "  chair: " << r.chair << "\n";
    if (!r.attendees.empty()) std::cout << "  attendees: " << r.attendees << "\n";
    if (!r.notes.empty()) std::cout << "  notes: " << r.notes << "\n";
    std::cout << "\nInputs (ISO/IEC 27001:2022 9.3.2)\n";
    Table inputs({"INPUT", "CONSIDERED", "SUMMARY"});
    for (const ReviewInput input : kReviewInputs) {
        const auto it =
            std::find_if(r.inputs.begin(), r.inputs.end(), [&](const ReviewInputEntry& e) { return e.input == input; });
        inputs.add({std::string(toString(input)) + ")", std::string(describe(input)),
                    it == r.inputs.end() ? std::string("MISSING") : clip(it->summary, 80)});
    }
    inputs.print(std::cout);
    std::cout << "\nDecisions (9.3.3)\n";
    if (r.decisions.empty()) {
        std::cout << "  none recorded\n";
    } else {
        Table decisions({"KIND", "OWNER", "DUE", "DECISION"});
        for (const auto& d : r.decisions) {
            decisions.add({std::string(toString(d.kind)), orDash(d.owner), orDash(d.due), clip(d.text, 80)});
        }
        decisions.print(std::cout);
    }
    const auto missing = r.missingInputs();
    std::cout << "\n"
              << (missing.empty() ? std::string("Every 9.3.2 input considered.")
                                  : std::to_string(missing.size()) + " of 10 inputs missing.")
              << (r.hasRequiredOutputs() ? " Improvement and ISMS-change decisions recorded."
                                         : " Missing 9.3.3 outputs: needs an improvement and an isms-change decision.")
              << "\nReady for certification: " << (r.readyForCertification ? "yes" : "no") << "\n";
}

int cmdReviews(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const auto& g = g_audit;
    if (g.action == "add") {
        ManagementReview review;
        review.key = g.key;
        auto held = Date::parse(g.held, "--held");
        if (!held) return fail(held.error());
        review.heldOn = *held;
        review.chair = g.chair;
        review.attendees = g.attendees;
        review.notes = g.notes;
        for (const auto& text : g.inputs) {
            auto pair = keyValue(text, "--input", "CODE=SUMMARY");
            if (!pair) return fail(pair.error());
            auto input = choice(parseReviewInput(pair->first), pair->first, "--input", kReviewInputCodes);
            if (!input) return fail(input.error());
            review.inputs.push_back({*input, pair->second});
        }
        for (const auto& text : g.decisions) {
            auto pair = keyValue(text, "--decision", "KIND=TEXT");
            if (!pair) return fail(pair.error());
            auto kind = choice(parseDecisionKind(pair->first), pair->first, "--decision", kDecisionKinds);
            if (!kind) return fail(kind.error());
            review.decisions.push_back({*kind, pair->second, "", std::nullopt});
        }
        review.readyForCertification = g.ready;
        auto written = setManagementReview(*ws, review);
        if (!written) return fail(written.error());
        const auto missing = written->missingInputs();
        return printDone(o, toJson(*written),
                         "Saved management review " + written->key +
                             (missing.empty() ? std::string(" with every 9.3.2 input")
                                              : " (" + std::to_string(missing.size()) + " of 10 inputs missing)"));
    }
    auto all = managementReviews(*ws);
    if (!all) return fail(all.error());
    if (g.action == "show" || g.action == "remove") {
        const auto it =
            std::find_if(all->begin(), all->end(), [&](const ManagementReview& r) { return r.key == g.key; });
        if (it == all->end()) return fail(Error::notFound("unknown management review '" + g.key + "'"));
        if (g.action == "remove") {
            if (auto r = removeManagementReview(*ws, g.key); !r) return fail(r.error());
            return printDone(o, json::object{{"removed", g.key}}, "Removed management review " + g.key);
        }
        if (o.json) {
            printJson(std::cout, toJson(*it));
        } else {
            printReview(*it);
        }
        return kExitOk;
    }
    if (o.json) {
        json::array list;
        for (const auto& r : *all) list.push_back(toJson(r));
        printJson(std::cout, json::object{{"reviews", std::move(list)}});
        return kExitOk;
    }
    if (all->empty()) {
        std::cout << "No management reviews yet: `crosswalk reviews add --held D --input a=… --decision …`.\n";
        return kExitOk;
    }
    Table table({"KEY", "HELD", "CHAIR", "INPUTS", "MISSING", "DECISIONS", "OUTPUTS", "READY"});
    for (const auto& r : *all) {
        std::string missing;
        for (const ReviewInput input : r.missingInputs())
            missing += (missing.empty() ? "" : ",") + std::string(toString(input));
        table.add({r.key, r.heldOn.str(), orDash(r.chair), std::to_string(10 - r.missingInputs().size()) + "/10",
                   orDash(missing), std::to_string(r.decisions.size()), r.hasRequiredOutputs() ? "yes" : "no",
                   r.readyForCertification ? "yes" : "no"});
    }
    table.print(std::cout);
    return kExitOk;
}

// ---------------------------------------------------------------- timeline

std::string span(const std::optional<Date>& start, const std::optional<Date>& end) {
    if (!start && !end) return "-";
    if (start && end) return *start == *end ? start->str() : start->str() + " → " + end->str();
    // A start alone is still running; an end alone is a single day.
    return start ? start->str() + " →" : end->str();
}

std::string statusText(StepStatus s) {
    std::string text(toString(s));
    std::replace(text.begin(), text.end(), '-', ' ');
    return text;
}

std::string every(const Cycle& c) {
    return c.recurMonths > 0 ? std::to_string(c.recurMonths) + " months" : "once";
}

// The first occurrence of a cycle that has not ended by `today`, if any before the horizon.
std::optional<Date> nextOccurrence(const Cycle& c, Date today) {
    for (int n = 0; n <= 1200; ++n) {
        if (n > 0 && c.recurMonths <= 0) break;
        const int months = n * c.recurMonths;
        if (c.endsOn.addMonths(months) >= today) return c.startsOn.addMonths(months);
    }
    return std::nullopt;
}

int showTimeline(Workspace& ws, const Options& o) {
    auto today = dateOrToday(g_audit.today, "--today");
    if (!today) return fail(today.error());
    auto t = timeline(ws, *today);
    if (!t) return fail(t.error());
    std::optional<Date> dueOf[kSteps.size()];
    dueOf[static_cast<std::size_t>(Step::Surveillance1)] = t->surveillance1Due;
    dueOf[static_cast<std::size_t>(Step::Surveillance2)] = t->surveillance2Due;
    dueOf[static_cast<std::size_t>(Step::Recertification)] = t->recertificationDue;
    if (o.json) {
        json::array steps;
        for (const auto& m : t->milestones) {
            json::object entry = toJson(m, t->today);
            entry["due"] = jsonDate(dueOf[static_cast<std::size_t>(m.step)]);
            steps.push_back(std::move(entry));
        }
        json::array cycles;
        for (const auto& c : t->cycles) {
            json::object entry = toJson(c);
            entry["next"] = jsonDate(nextOccurrence(c, t->today));
            cycles.push_back(std::move(entry));
        }
        json::array bars;
        for (const auto& b : t->bars) {
            bars.push_back(json::object{{"lane", b.lane},
                                        {"key", b.key},
                                        {"label", b.label},
                                        {"start", b.start.str()},
                                        {"end", b.end.str()},
                                        {"actual", b.actual},
                                        {"derived", b.derived}});
        }
        json::array warnings;
        for (const auto& w : t->warnings) {
            warnings.push_back(
                json::object{{"kind", toString(w.kind)}, {"subject", w.subject}, {"message", w.message}});
        }
        printJson(std::cout,
                  json::object{{"today", t->today.str()},
                               {"settings", toJson(t->settings)},
                               {"steps", std::move(steps)},
                               {"certificate", json::object{{"issued", jsonDate(t->certificateIssued)},
                                                            {"expires", jsonDate(t->certificateExpires)},
                                                            {"surveillance1_due", jsonDate(t->surveillance1Due)},
                                                            {"surveillance2_due", jsonDate(t->surveillance2Due)},
                                                            {"recertification_due", jsonDate(t->recertificationDue)}}},
                               {"cycles", std::move(cycles)},
                               {"bars", std::move(bars)},
                               {"warnings", std::move(warnings)}});
        return kExitOk;
    }

    std::cout << "ISO/IEC 27001 certification timeline, today " << t->today.str() << "\n\n";
    Table steps({"STEP", "PLANNED", "ACTUAL", "STATUS", "NOTE"});
    for (const auto& m : t->milestones) {
        const auto& due = dueOf[static_cast<std::size_t>(m.step)];
        std::string planned = span(m.plannedStart, m.plannedEnd);
        std::string status = statusText(m.status(t->today));
        if (!m.hasDates() && due) {
            planned = "due " + due->str();
            status = *due < t->today ? "overdue" : "due";
        }
        steps.add({std::string(describe(m.step)), planned, span(m.actualStart, m.actualEnd), status, clip(m.note, 50)});
    }
    steps.print(std::cout);

    std::cout << '\n';
    if (t->certificateIssued) {
        std::cout << "Certificate: issued " << t->certificateIssued->str() << ", expires "
                  << t->certificateExpires->str() << " (" << t->settings.certificateYears << "-year validity)\n";
        std::cout << "Surveillance audit year 1: due " << orDash(t->surveillance1Due) << "; year 2: due "
                  << orDash(t->surveillance2Due) << "\nRecertification audit: due " << t->recertificationDue->str()
                  << "\n";
    } else {
        std::cout << "Certificate: no date yet (plan the certificate or Stage 2 step: `crosswalk timeline set "
                     "certificate --planned-end D`)\n";
    }
    std::cout << "Remediation buffer between Stage 1 and Stage 2: at least " << t->settings.remediationBufferDays
              << " days\n";

    std::cout << "\nOther frameworks' cycles\n";
    if (t->cycles.empty()) {
        std::cout << "  none (`crosswalk cycles add --framework FW --kind KIND --title T --from D --to D`)\n";
    } else {
        Table cycles({"KEY", "FRAMEWORK", "KIND", "DATES", "EVERY", "NEXT", "TITLE"});
        for (const auto& c : t->cycles) {
            cycles.add({c.key, c.framework, std::string(toString(c.kind)), span(c.startsOn, c.endsOn), every(c),
                        orDash(nextOccurrence(c, t->today)), c.title});
        }
        cycles.print(std::cout);
    }

    std::cout << "\nWarnings";
    if (t->warnings.empty()) {
        std::cout << ": none\n";
    } else {
        std::cout << " (" << t->warnings.size() << ")\n";
        Table warnings({"KIND", "SUBJECT", "MESSAGE"});
        for (const auto& w : t->warnings) warnings.add({std::string(toString(w.kind)), w.subject, w.message});
        warnings.print(std::cout);
    }
    return kExitOk;
}

int cmdTimeline(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const auto& g = g_audit;
    if (g.action == "set") {
        const auto step = choice(parseStep(g.step), g.step, "step", stepNames());
        if (!step) return fail(step.error());
        auto all = milestones(*ws);
        if (!all) return fail(all.error());
        Milestone m = (*all)[static_cast<std::size_t>(*step)];
        const struct {
            const char* option;
            const std::string& text;
            std::optional<Date>& field;
        } dates[] = {{"--planned-start", g.plannedStart, m.plannedStart},
                     {"--planned-end", g.plannedEnd, m.plannedEnd},
                     {"--actual-start", g.actualStart, m.actualStart},
                     {"--actual-end", g.actualEnd, m.actualEnd}};
        for (const auto& d : dates) {
            if (!g.given(d.option)) continue;
            auto parsed = parseOptionalDate(d.text, d.option);
            if (!parsed) return fail(parsed.error());
            d.field = *parsed;
        }
        if (g.given("--note")) m.note = g.note;
        auto written = setMilestone(*ws, m);
        if (!written) return fail(written.error());
        auto today = dateOrToday(g.today, "--today");
        if (!today) return fail(today.error());
        return printDone(o, toJson(*written, *today),
                         "Saved " + std::string(describe(written->step)) + ": planned " +
                             span(written->plannedStart, written->plannedEnd) + ", actual " +
                             span(written->actualStart, written->actualEnd));
    }
    if (g.action == "settings") {
        auto s = timelineSettings(*ws);
        if (!s) return fail(s.error());
        const bool change = g.given("--buffer-days") || g.given("--certificate-years") || g.given("--soon-stale-days");
        if (g.given("--buffer-days")) s->remediationBufferDays = g.bufferDays;
        if (g.given("--certificate-years")) s->certificateYears = g.certificateYears;
        if (g.given("--soon-stale-days")) s->soonStaleDays = g.soonStaleDays;
        if (change) {
            if (auto r = setTimelineSettings(*ws, *s); !r) return fail(r.error());
        }
        return printDone(o, toJson(*s),
                         "Remediation buffer: " + std::to_string(s->remediationBufferDays) +
                             " days\nCertificate validity: " + std::to_string(s->certificateYears) +
                             " years\nSoon-stale window: " + std::to_string(s->soonStaleDays) + " days");
    }
    return showTimeline(*ws, o);
}

// ---------------------------------------------------------------- cycles

int cmdCycles(const Options& o) {
    auto ws = openWorkspace(o);
    if (!ws) return fail(ws.error());
    const auto& g = g_audit;
    if (g.action == "add") {
        Cycle c;
        c.key = g.key;
        c.framework = g.framework;
        auto kind = choice(parseCycleKind(g.kind), g.kind, "--kind", kCycleKinds);
        if (!kind) return fail(kind.error());
        c.kind = *kind;
        c.title = g.title;
        auto from = Date::parse(g.from, "--from");
        if (!from) return fail(from.error());
        auto to = Date::parse(g.to, "--to");
        if (!to) return fail(to.error());
        c.startsOn = *from;
        c.endsOn = *to;
        c.recurMonths = g.everyMonths;
        auto written = setCycle(*ws, c);
        if (!written) return fail(written.error());
        return printDone(o, toJson(*written), "Saved cycle " + written->key);
    }
    if (g.action == "remove") {
        if (auto r = removeCycle(*ws, g.key); !r) return fail(r.error());
        return printDone(o, json::object{{"removed", g.key}}, "Removed cycle " + g.key);
    }
    auto all = cycles(*ws);
    if (!all) return fail(all.error());
    return printList(
        o, "cycles", *all, [](const Cycle& c) { return toJson(c); },
        {"KEY", "FRAMEWORK", "KIND", "FROM", "TO", "EVERY", "TITLE"},
        [](const Cycle& c) -> std::vector<std::string> {
            return {c.key,    c.framework, std::string(toString(c.kind)), c.startsOn.str(), c.endsOn.str(),
                    every(c), c.title};
        },
        "No cycles yet: `crosswalk cycles add --framework FW --kind KIND --title T --from D --to D`.");
}

}  // namespace

void addAuditCommands(CLI::App& app, Options& o, Command& command) {
    Commands c(app, o, command, "Audits, reviews and timeline");
    auto& g = g_audit;
    const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
        return c.action(parent, name, help, g.action);
    };
    const auto track = [&](CLI::Option* option) { return g.given.track(option); };

    auto* programmes =
        c.add("programmes", "Internal audit programmes, ISO 27001 9.2.2 (list, add, remove)", &cmdProgrammes);
    action(programmes, "list", "List programmes (the default)");
    auto* addProgramme = action(programmes, "add", "Add (or replace, by --key) a programme");
    addProgramme->add_option("--key", g.key, "Key (default: AP-<year>)");
    addProgramme->add_option("--title", g.title, "Title")->required();
    addProgramme->add_option("--from", g.from, "First day (YYYY-MM-DD)")->required();
    addProgramme->add_option("--to", g.to, "Last day (YYYY-MM-DD)")->required();
    addProgramme->add_option("--objectives", g.objectives, "Objectives of the programme");
    action(programmes, "remove", "Remove a programme (its audits stay)")
        ->add_option("key", g.key, "Programme key")
        ->required();

    auto* auditsCmd = c.add("audits", "Internal and certification audits (list, add, set, remove)", &cmdAudits);
    action(auditsCmd, "list", "List audits with their finding counts (the default)");
    for (const char* name : {"add", "set"}) {
        const bool adding = std::string_view(name) == "add";
        auto* a = action(auditsCmd, name, adding ? "Add an audit" : "Change an audit's fields (those given)");
        if (adding) {
            a->add_option("--key", g.key, "Key (default: IA-<year>-N, S1-<year>, S2-<year>, SA-<year>-N, RA-<year>)");
        } else {
            a->add_option("key", g.key, "Audit key")->required();
        }
        track(a->add_option("--programme", g.programme, "Programme key"));
        track(a->add_option("--kind", g.kind, std::string(kAuditKinds) + " (default: internal)"));
        auto* title = track(a->add_option("--title", g.title, "Title"));
        auto* planned = track(a->add_option("--planned", g.planned, "Planned date (YYYY-MM-DD)"));
        if (adding) {
            title->required();
            planned->required();
        }
        track(a->add_option("--scope", g.scope, "Scope of the audit"));
        track(a->add_option("--area", g.areas, "Clause or control audited, FRAMEWORK:REF (repeatable)"));
        track(a->add_option("--auditor", g.auditor, "Auditor"));
        track(a->add_option("--status", g.status, std::string(kAuditStatuses) + " (default: planned)"));
        track(a->add_option("--completed", g.completed, "Completion date (YYYY-MM-DD; implies --status completed)"));
    }
    action(auditsCmd, "remove", "Remove an audit with its findings and their actions")
        ->add_option("key", g.key, "Audit key")
        ->required();

    auto* findings = c.add("findings", "Audit findings (list, add, close, reopen, remove)", &cmdFindings);
    for (auto* listing : {findings, action(findings, "list", "List findings (the default)")}) {
        listing->add_option("--audit", g.audit, "Only this audit's findings");
        listing->add_flag("--open", g.openOnly, "Only open findings");
    }
    auto* addFinding = action(findings, "add", "Raise a finding on an audit");
    addFinding->add_option("--key", g.key, "Key (default: next F-NN)");
    addFinding->add_option("--audit", g.audit, "Audit key")->required();
    addFinding->add_option("--type", g.type, kFindingTypes)->required();
    addFinding->add_option("--requirement", g.requirement, "Requirement FRAMEWORK:REF, e.g. iso27001-2022:A.8.8");
    addFinding->add_option("--description", g.description, "What was found")->required();
    addFinding->add_option("--raised", g.raised, "Date raised (YYYY-MM-DD)")->required();
    auto* close = action(findings, "close", "Close a finding (its corrective actions must be done)");
    close->add_option("key", g.key, "Finding key")->required();
    close->add_option("--on", g.on, "Date closed (YYYY-MM-DD)")->required();
    action(findings, "reopen", "Reopen a closed finding")->add_option("key", g.key, "Finding key")->required();
    action(findings, "remove", "Remove a finding with its corrective actions")
        ->add_option("key", g.key, "Finding key")
        ->required();

    auto* actions = c.add("actions", "Corrective actions, ISO 27001 10.2 (list, add, set, remove)", &cmdActions);
    for (auto* listing : {actions, action(actions, "list", "List corrective actions (the default)")}) {
        listing->add_option("--finding", g.finding, "Only this finding's actions");
    }
    for (const char* name : {"add", "set"}) {
        const bool adding = std::string_view(name) == "add";
        auto* a = action(actions, name, adding ? "Add a corrective action to a finding" : "Change an action's fields");
        if (adding) {
            a->add_option("--key", g.key, "Key (default: next CA-NN)");
            a->add_option("--finding", g.finding, "Finding key")->required();
            track(a->add_option("--description", g.description, "What will be done"))->required();
        } else {
            a->add_option("key", g.key, "Action key")->required();
            track(a->add_option("--description", g.description, "What will be done"));
        }
        track(a->add_option("--root-cause", g.rootCause, "Why the nonconformity happened (needed for done)"));
        track(a->add_option("--owner", g.owner, "Owner"));
        track(a->add_option("--due", g.due, "Due date (YYYY-MM-DD)"));
        track(a->add_option("--status", g.status, std::string(kActionStatuses) + " (default: open)"));
        track(a->add_option("--closed", g.closed, "Date closed (YYYY-MM-DD; needed for done and verified)"));
    }
    action(actions, "remove", "Remove a corrective action")->add_option("key", g.key, "Action key")->required();

    auto* reviews = c.add("reviews", "Management reviews, ISO 27001 9.3 (list, show, add, remove)", &cmdReviews);
    action(reviews, "list", "List reviews with their missing inputs (the default)");
    action(reviews, "show", "Every 9.3.2 input with its summary or MISSING, and the decisions")
        ->add_option("key", g.key, "Review key")
        ->required();
    auto* addReview = action(reviews, "add", "Record (or replace, by --key) a management review");
    addReview->add_option("--key", g.key, "Key (default: MR-<year>-N)");
    addReview->add_option("--held", g.held, "Date held (YYYY-MM-DD)")->required();
    addReview->add_option("--chair", g.chair, "Chair");
    addReview->add_option("--attendees", g.attendees, "Attendees");
    addReview->add_option("--notes", g.notes, "Notes");
    addReview->add_option("--input", g.inputs,
                          "CODE=SUMMARY, CODE one of " + std::string(kReviewInputCodes) + " (repeatable)");
    addReview->add_option("--decision", g.decisions,
                          "KIND=TEXT, KIND one of " + std::string(kDecisionKinds) + " (repeatable)");
    addReview->add_flag("--ready", g.ready, "Top management decided the ISMS is ready for certification");
    action(reviews, "remove", "Remove a management review")->add_option("key", g.key, "Review key")->required();

    auto* timelineCmd =
        c.add("timeline", "The certification timeline with surveillance, other cycles and warnings (set, settings)",
              &cmdTimeline);
    Commands::today(timelineCmd, g.today, "Judge the dates as of this day");
    auto* setStep = action(timelineCmd, "set", "Set a step's dates (an empty value clears a date)");
    setStep->add_option("step", g.step, stepNames())->required();
    track(setStep->add_option("--planned-start", g.plannedStart, "Planned start (YYYY-MM-DD)"));
    track(setStep->add_option("--planned-end", g.plannedEnd, "Planned end (YYYY-MM-DD)"));
    track(setStep->add_option("--actual-start", g.actualStart, "Actual start (YYYY-MM-DD)"));
    track(setStep->add_option("--actual-end", g.actualEnd, "Actual end (YYYY-MM-DD)"));
    track(setStep->add_option("--note", g.note, "Note"));
    Commands::today(setStep, g.today, "The step's status as of this day");
    auto* settings = action(timelineCmd, "settings", "Show or change the timeline settings");
    track(settings->add_option("--buffer-days", g.bufferDays, "Minimum days between Stage 1 and Stage 2 (0-365)"));
    track(settings->add_option("--certificate-years", g.certificateYears, "Certificate validity in years (1-10)"));
    track(settings->add_option("--soon-stale-days", g.soonStaleDays, "Soon-stale window for evidence (0-365)"));

    auto* cyclesCmd = c.add("cycles", "Other frameworks' cycles beside ISO's (list, add, remove)", &cmdCycles);
    action(cyclesCmd, "list", "List cycles (the default)");
    auto* addCycle = action(cyclesCmd, "add", "Add (or replace, by --key) a cycle");
    addCycle->add_option("--key", g.key, "Key (default from the kind and year, e.g. PCI-2027)");
    addCycle->add_option("--framework", g.framework, "Framework id, e.g. soc2-2017")->required();
    addCycle->add_option("--kind", g.kind, kCycleKinds)->required();
    addCycle->add_option("--title", g.title, "Title")->required();
    addCycle->add_option("--from", g.from, "First day (YYYY-MM-DD)")->required();
    addCycle->add_option("--to", g.to, "Last day (YYYY-MM-DD; the same day for a point in time)")->required();
    addCycle->add_option("--every-months", g.everyMonths, "Repeat every N months (0: once)");
    action(cyclesCmd, "remove", "Remove a cycle")->add_option("key", g.key, "Cycle key")->required();
}

}  // namespace cw::cli
