// `crosswalk timeline`: the certification timeline with surveillance, other cycles and warnings.
#include "cli/commands/commands.hpp"
#include "cli/commands/cycles.hpp"
#include "cli/listing.hpp"

#include <crosswalk/workbench/timeline.hpp>

#include <crosswalk/store/timeline.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>
#include <optional>

namespace json = boost::json;

namespace cw::cli {
namespace {

std::string stepNames() {
    std::string names;
    for (const Step s : kSteps) names += (names.empty() ? "" : ", ") + std::string(toString(s));
    return names;
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

// The first occurrence of a cycle that has not ended by `today`, if any before the horizon.
std::optional<Date> nextOccurrence(const Cycle& c, Date today) {
    for (int n = 0; n <= 1200; ++n) {
        if (n > 0 && c.recurMonths <= 0) break;
        const int months = n * c.recurMonths;
        if (c.endsOn.addMonths(months) >= today) return c.startsOn.addMonths(months);
    }
    return std::nullopt;
}

class TimelineCommand {
public:
    explicit TimelineCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kAuditGroup, m_options.json);
        const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
            return c.action(parent, name, help, m_options.action);
        };
        const auto track = [&](CLI::Option* option) { return m_options.given.track(option); };

        auto* timelineCmd =
            c.add("timeline", "The certification timeline with surveillance, other cycles and warnings (set, settings)",
                  [this] { return run(); });
        CommandBuilder::today(timelineCmd, m_options.today, "Judge the dates as of this day");
        auto* setStep = action(timelineCmd, "set", "Set a step's dates (an empty value clears a date)");
        setStep->add_option("step", m_options.step, stepNames())->required();
        track(setStep->add_option("--planned-start", m_options.plannedStart, "Planned start (YYYY-MM-DD)"));
        track(setStep->add_option("--planned-end", m_options.plannedEnd, "Planned end (YYYY-MM-DD)"));
        track(setStep->add_option("--actual-start", m_options.actualStart, "Actual start (YYYY-MM-DD)"));
        track(setStep->add_option("--actual-end", m_options.actualEnd, "Actual end (YYYY-MM-DD)"));
        track(setStep->add_option("--note", m_options.note, "Note"));
        CommandBuilder::today(setStep, m_options.today, "The step's status as of this day");
        auto* settings = action(timelineCmd, "settings", "Show or change the timeline settings");
        track(settings->add_option("--buffer-days", m_options.bufferDays,
                                   "Minimum days between Stage 1 and Stage 2 (0-365)"));
        track(settings->add_option("--certificate-years", m_options.certificateYears,
                                   "Certificate validity in years (1-10)"));
        track(settings->add_option("--soon-stale-days", m_options.soonStaleDays,
                                   "Soon-stale window for evidence (0-365)"));
    }

private:
    int show(Workspace& ws) const {
        auto today = dateOrToday(m_options.today, "--today");
        if (!today) return fail(today.error());
        auto t = timeline(ws, *today);
        if (!t) return fail(t.error());
        std::optional<Date> dueOf[kSteps.size()];
        dueOf[static_cast<std::size_t>(Step::Surveillance1)] = t->surveillance1Due;
        dueOf[static_cast<std::size_t>(Step::Surveillance2)] = t->surveillance2Due;
        dueOf[static_cast<std::size_t>(Step::Recertification)] = t->recertificationDue;
        if (m_options.json) {
            json::array steps;
            for (const auto& m : t->milestones) {
                json::object entry = toJson(m, t->today);
                entry["due"] = jsonDate(dueOf[static_cast<std::size_t>(m.step)]);
                steps.push_back(std::move(entry));
            }
            json::array cycles;
            for (const auto& c : t->cycles) {
                json::object entry = cli::toJson(c);
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
            printJson(std::cout, json::object{{"today", t->today.str()},
                                              {"settings", toJson(t->settings)},
                                              {"steps", std::move(steps)},
                                              {"certificate",
                                               json::object{{"issued", jsonDate(t->certificateIssued)},
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
            steps.add(
                {std::string(describe(m.step)), planned, span(m.actualStart, m.actualEnd), status, clip(m.note, 50)});
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

    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "set") {
            const auto step = choice(parseStep(m_options.step), m_options.step, "step", stepNames());
            if (!step) return fail(step.error());
            auto all = milestones(*ws);
            if (!all) return fail(all.error());
            Milestone m = (*all)[static_cast<std::size_t>(*step)];
            const struct {
                const char* option;
                const std::string& text;
                std::optional<Date>& field;
            } dates[] = {{"--planned-start", m_options.plannedStart, m.plannedStart},
                         {"--planned-end", m_options.plannedEnd, m.plannedEnd},
                         {"--actual-start", m_options.actualStart, m.actualStart},
                         {"--actual-end", m_options.actualEnd, m.actualEnd}};
            for (const auto& d : dates) {
                if (!m_options.given(d.option)) continue;
                auto parsed = parseOptionalDate(d.text, d.option);
                if (!parsed) return fail(parsed.error());
                d.field = *parsed;
            }
            if (m_options.given("--note")) m.note = m_options.note;
            auto written = setMilestone(*ws, m);
            if (!written) return fail(written.error());
            auto today = dateOrToday(m_options.today, "--today");
            if (!today) return fail(today.error());
            return printDone(m_options.json, toJson(*written, *today),
                             "Saved " + std::string(describe(written->step)) + ": planned " +
                                 span(written->plannedStart, written->plannedEnd) + ", actual " +
                                 span(written->actualStart, written->actualEnd));
        }
        if (m_options.action == "settings") {
            auto s = timelineSettings(*ws);
            if (!s) return fail(s.error());
            const bool change = m_options.given("--buffer-days") || m_options.given("--certificate-years") ||
                                m_options.given("--soon-stale-days");
            if (m_options.given("--buffer-days")) s->remediationBufferDays = m_options.bufferDays;
            if (m_options.given("--certificate-years")) s->certificateYears = m_options.certificateYears;
            if (m_options.given("--soon-stale-days")) s->soonStaleDays = m_options.soonStaleDays;
            if (change) {
                if (auto r = setTimelineSettings(*ws, *s); !r) return fail(r.error());
            }
            return printDone(m_options.json, toJson(*s),
                             "Remediation buffer: " + std::to_string(s->remediationBufferDays) +
                                 " days\nCertificate validity: " + std::to_string(s->certificateYears) +
                                 " years\nSoon-stale window: " + std::to_string(s->soonStaleDays) + " days");
        }
        return show(*ws);
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("add", "set" …); "" lists
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
        GivenOptions given;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addTimeline(CommandLine& cli) {
    cli.own<TimelineCommand>();
}

}  // namespace cw::cli
