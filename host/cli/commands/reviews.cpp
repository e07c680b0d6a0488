// `crosswalk reviews`: management reviews with their 9.3.2 inputs and 9.3.3 decisions.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/audit.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kReviewInputCodes = "a, b, c, d1, d2, d3, d4, e, f, g";

constexpr const char* kDecisionKinds = "improvement, isms-change, resources, readiness";

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

class ReviewsCommand {
public:
    explicit ReviewsCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kAuditGroup, m_options.json);
        const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
            return c.action(parent, name, help, m_options.action);
        };

        auto* reviews =
            c.add("reviews", "Management reviews, ISO 27001 9.3 (list, show, add, remove)", [this] { return run(); });
        action(reviews, "list", "List reviews with their missing inputs (the default)");
        action(reviews, "show", "Every 9.3.2 input with its summary or MISSING, and the decisions")
            ->add_option("key", m_options.key, "Review key")
            ->required();
        auto* addReview = action(reviews, "add", "Record (or replace, by --key) a management review");
        addReview->add_option("--key", m_options.key, "Key (default: MR-<year>-N)");
        addReview->add_option("--held", m_options.held, "Date held (YYYY-MM-DD)")->required();
        addReview->add_option("--chair", m_options.chair, "Chair");
        addReview->add_option("--attendees", m_options.attendees, "Attendees");
        addReview->add_option("--notes", m_options.notes, "Notes");
        addReview->add_option("--input", m_options.inputs,
                              "CODE=SUMMARY, CODE one of " + std::string(kReviewInputCodes) + " (repeatable)");
        addReview->add_option("--decision", m_options.decisions,
                              "KIND=TEXT, KIND one of " + std::string(kDecisionKinds) + " (repeatable)");
        addReview->add_flag("--ready", m_options.ready, "Top management decided the ISMS is ready for certification");
        action(reviews, "remove", "Remove a management review")
            ->add_option("key", m_options.key, "Review key")
            ->required();
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add") {
            ManagementReview review;
            review.key = m_options.key;
            auto held = Date::parse(m_options.held, "--held");
            if (!held) return fail(held.error());
            review.heldOn = *held;
            review.chair = m_options.chair;
            review.attendees = m_options.attendees;
            review.notes = m_options.notes;
            for (const auto& text : m_options.inputs) {
                auto pair = keyValue(text, "--input", "CODE=SUMMARY");
                if (!pair) return fail(pair.error());
                auto input = choice(parseReviewInput(pair->first), pair->first, "--input", kReviewInputCodes);
                if (!input) return fail(input.error());
                review.inputs.push_back({*input, pair->second});
            }
            for (const auto& text : m_options.decisions) {
                auto pair = keyValue(text, "--decision", "KIND=TEXT");
                if (!pair) return fail(pair.error());
                auto kind = choice(parseDecisionKind(pair->first), pair->first, "--decision", kDecisionKinds);
                if (!kind) return fail(kind.error());
                review.decisions.push_back({*kind, pair->second, "", std::nullopt});
            }
            review.readyForCertification = m_options.ready;
            auto written = setManagementReview(*ws, review);
            if (!written) return fail(written.error());
            const auto missing = written->missingInputs();
            return printDone(m_options.json, toJson(*written),
                             "Saved management review " + written->key +
                                 (missing.empty() ? std::string(" with every 9.3.2 input")
                                                  : " (" + std::to_string(missing.size()) + " of 10 inputs missing)"));
        }
        auto all = managementReviews(*ws);
        if (!all) return fail(all.error());
        if (m_options.action == "show" || m_options.action == "remove") {
            const auto it = std::find_if(all->begin(), all->end(),
                                         [&](const ManagementReview& r) { return r.key == m_options.key; });
            if (it == all->end()) return fail(Error::notFound("unknown management review '" + m_options.key + "'"));
            if (m_options.action == "remove") {
                if (auto r = removeManagementReview(*ws, m_options.key); !r) return fail(r.error());
                return printDone(m_options.json, json::object{{"removed", m_options.key}},
                                 "Removed management review " + m_options.key);
            }
            if (m_options.json) {
                printJson(std::cout, toJson(*it));
            } else {
                printReview(*it);
            }
            return kExitOk;
        }
        if (m_options.json) {
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

    struct Options {
        std::string action;  ///< the sub-action that runs ("add", "set" …); "" lists
        std::string key;
        std::string held;
        std::string chair;
        std::string attendees;
        std::string notes;
        std::vector<std::string> inputs;
        std::vector<std::string> decisions;
        bool ready = false;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addReviews(CommandLine& cli) {
    cli.own<ReviewsCommand>();
}

}  // namespace cw::cli
