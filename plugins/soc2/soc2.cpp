// SOC 2 plugin: the AICPA 2017 Trust Services Criteria (revised points of
// focus 2022) as framework "soc2-2017", with scoping by trust services
// category and SOC 2 readiness checks. See README.md.
//
// Scoping input (rules.schema.json scopeInput):
//   {"framework": "soc2-2017", "answers": {
//       "categories": ["availability", "confidentiality", "processing-integrity", "privacy"],  // required, may be []
//       "report_type": "type1" | "type2"}}                                                       // optional
//   Security (the common criteria CC1.1-CC9.2) always applies and is not listed; "security" is accepted in
//   `categories` and ignored. Output lists the 28 criteria of the optional categories (applies = chosen) and
//   the points of focus inside common criteria that the TSC reserve for one optional category.
//
// Readiness input (rules.schema.json readinessInput) plus, optionally:
//   "answers": {"categories": [...], "report_type": ...}   same as scoping; when absent the scope is
//                                                           inferred from the criteria listed in `controls`
//   "observation_period": {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}   Type 2 period, both days included
// Checks: soc2-2017.criterion-without-control (major), soc2-2017.common-criteria-excluded (blocker, or info
// for a carve-out recorded as reason "carve-out: <vendor>"), soc2-2017.implemented-without-evidence (minor),
// soc2-2017.observation-period-too-short (minor), soc2-2017.scope-inferred (info).
#include <crosswalk/plugin.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace json = boost::json;

namespace {

constexpr std::string_view kFramework = "soc2-2017";

struct Category {
    std::string_view id;    // answer value and `category` attribute
    std::string_view name;  // for messages
};

// Security first: it is the one category a report cannot leave out.
constexpr std::array<Category, 5> kCategories = {{
    {"security", "Security"},
    {"availability", "Availability"},
    {"confidentiality", "Confidentiality"},
    {"processing-integrity", "Processing Integrity"},
    {"privacy", "Privacy"},
}};
constexpr std::string_view kAllowedCategories = "availability, confidentiality, processing-integrity, privacy";
constexpr std::string_view kAllowedStatuses = "not-started, planned, partial, implemented, not-applicable";
constexpr std::string_view kCarveOutPrefix = "carve-out:";

const Category* findCategory(std::string_view id) {
    for (const auto& c : kCategories) {
        if (c.id == id) return &c;
    }
    return nullptr;
}

struct Node {
    std::string ref;
    std::string category;  // criteria: their category; points of focus: the optional category they serve, or ""
};

// The catalog is the single source of truth for which criteria exist; read it once from the embedded bytes.
struct CatalogIndex {
    std::vector<Node> criteria;
    std::vector<Node> categoryPointsOfFocus;  // points of focus inside common criteria tied to one optional category
};

const CatalogIndex& catalogIndex() {
    static const CatalogIndex index = [] {
        CatalogIndex out;
        const json::value root =
            json::parse(std::string_view(reinterpret_cast<const char*>(cw_embedded_catalog), cw_embedded_catalog_size));
        for (const auto& item : root.at("frameworks").at(0).at("controls").as_array()) {
            const json::object& control = item.as_object();
            const json::string& kind = control.at("kind").as_string();
            const json::object* attributes =
                control.contains("attributes") ? &control.at("attributes").as_object() : nullptr;
            std::string ref(control.at("ref").as_string());
            if (kind == "criterion") {
                out.criteria.push_back({std::move(ref), std::string(attributes->at("category").as_string())});
            } else if (kind == "point-of-focus" && ref.starts_with("CC")) {
                const std::string_view source = attributes->at("pof_source").as_string();
                if (findCategory(source) != nullptr) {
                    out.categoryPointsOfFocus.push_back({std::move(ref), std::string(source)});
                }
            }
        }
        return out;
    }();
    return index;
}

std::string_view categoryName(std::string_view id) {
    const Category* c = findCategory(id);
    return c != nullptr ? c->name : id;
}

// Parses rule input; a syntax error becomes a message naming the input rather than Boost's source location.
json::value parseInput(std::string_view input, std::string_view what) {
    boost::system::error_code ec;
    json::value value = json::parse(input, ec);
    if (ec) throw std::invalid_argument(std::string(what) + " is not valid JSON: " + ec.message());
    return value;
}

const json::object& requireObject(const json::value& value, std::string_view what) {
    if (!value.is_object()) throw std::invalid_argument(std::string(what) + " must be a JSON object");
    return value.as_object();
}

void checkFramework(const json::object& root) {
    const json::value* framework = root.if_contains("framework");
    if (framework != nullptr && (!framework->is_string() || framework->get_string() != kFramework)) {
        throw std::invalid_argument("framework must be \"" + std::string(kFramework) + "\"");
    }
}

struct Answers {
    std::set<std::string, std::less<>> categories;  // always holds "security"
    std::optional<std::string> reportType;
};

Answers parseAnswers(const json::object& answers) {
    Answers out;
    out.categories.insert("security");
    const json::value* categories = answers.if_contains("categories");
    if (categories == nullptr || !categories->is_array()) {
        throw std::invalid_argument("answers.categories must be an array of the optional categories chosen: " +
                                    std::string(kAllowedCategories) +
                                    " (Security always applies; [] for Security only)");
    }
    for (const auto& value : categories->as_array()) {
        if (!value.is_string() || findCategory(value.get_string()) == nullptr) {
            throw std::invalid_argument("answers.categories has " + json::serialize(value) +
                                        "; allowed values: " + std::string(kAllowedCategories));
        }
        out.categories.insert(std::string(value.get_string()));
    }
    if (const json::value* type = answers.if_contains("report_type")) {
        if (!type->is_string() || (type->get_string() != "type1" && type->get_string() != "type2")) {
            throw std::invalid_argument("answers.report_type must be \"type1\" or \"type2\"");
        }
        out.reportType = std::string(type->get_string());
    }
    return out;
}

std::string reportTypeNote(std::string_view type) {
    if (type == "type1") {
        return "Type 1 report: the auditor evaluates the design of controls as of a single date; no observation "
               "period is needed.";
    }
    return "Type 2 report: the auditor tests the operating effectiveness of controls over an observation period; "
           "pass observation_period to the readiness checks to verify its length.";
}

// Scoping: which criteria apply given the trust services categories in the report.
std::string scope(const cw::sdk::Context& ctx, std::string_view input) {
    const json::value parsed = parseInput(input, "scope input");
    const json::object& root = requireObject(parsed, "scope input");
    checkFramework(root);
    const json::value* answersValue = root.if_contains("answers");
    if (answersValue == nullptr) throw std::invalid_argument("answers is missing; expected {\"categories\": [...]}");
    const Answers answers = parseAnswers(requireObject(*answersValue, "answers"));
    const CatalogIndex& index = catalogIndex();

    json::array requirements;
    for (const Node& criterion : index.criteria) {
        if (criterion.category == "security") continue;
        const std::string name(categoryName(criterion.category));
        const bool applies = answers.categories.contains(criterion.category);
        requirements.push_back({
            {"ref", criterion.ref},
            {"applies", applies},
            {"reason", applies ? name + " is in the report's scope" : name + " not in the report's scope"},
        });
    }
    for (const Node& point : index.categoryPointsOfFocus) {
        const std::string name(categoryName(point.category));
        const bool applies = answers.categories.contains(point.category);
        requirements.push_back({
            {"ref", point.ref},
            {"applies", applies},
            {"reason", applies ? "point of focus for " + name + ", which is in the report's scope"
                               : "point of focus only for " + name + ", which is not in the report's scope"},
        });
    }

    json::array notes{
        "Security (common criteria CC1.1-CC9.2, 33 criteria) applies to every SOC 2 report and cannot be left out; "
        "those criteria are not listed.",
        "Points of focus under the Availability, Confidentiality, Processing Integrity and Privacy criteria follow "
        "their criterion; points of focus are guidance, not requirements.",
    };
    if (answers.reportType) notes.emplace_back(reportTypeNote(*answers.reportType));
    ctx.log(cw::sdk::Level::Debug, "soc2: scoped " + std::to_string(requirements.size()) + " requirements");
    return json::serialize(json::object{
        {"framework", kFramework},
        {"requirements", std::move(requirements)},
        {"notes", std::move(notes)},
    });
}

// Accepts "CC6.1", "soc2-2017:CC6.1" and the upstream PP1.x spelling of PI1.x.
std::string normalizeRef(std::string_view ref) {
    const std::string prefix = std::string(kFramework) + ":";
    if (ref.starts_with(prefix)) ref.remove_prefix(prefix.size());
    if (ref.starts_with("PP1.")) return "PI" + std::string(ref.substr(2));
    return std::string(ref);
}

struct ControlState {
    std::string status;
    std::string reason;
    std::int64_t evidence = 0;
};

std::map<std::string, ControlState, std::less<>> parseControls(const json::object& root) {
    const json::value* controls = root.if_contains("controls");
    if (controls == nullptr || !controls->is_array()) throw std::invalid_argument("controls must be an array");
    std::map<std::string, ControlState, std::less<>> out;
    for (const auto& item : controls->as_array()) {
        const json::object& control = requireObject(item, "each entry of controls");
        const json::value* ref = control.if_contains("ref");
        if (ref == nullptr || !ref->is_string()) throw std::invalid_argument("controls[].ref must be a string");
        const json::value* status = control.if_contains("status");
        static constexpr std::array<std::string_view, 5> kStatuses = {"not-started", "planned", "partial",
                                                                      "implemented", "not-applicable"};
        if (status == nullptr || !status->is_string() ||
            std::find(kStatuses.begin(), kStatuses.end(), std::string_view(status->get_string())) == kStatuses.end()) {
            throw std::invalid_argument("controls[].status of " + std::string(ref->get_string()) +
                                        " must be one of: " + std::string(kAllowedStatuses));
        }
        ControlState state{std::string(status->get_string()), {}, 0};
        if (const json::value* reason = control.if_contains("reason"); reason != nullptr && reason->is_string()) {
            state.reason = std::string(reason->get_string());
        }
        if (const json::value* evidence = control.if_contains("evidence"); evidence != nullptr) {
            if (!(evidence->is_int64() && evidence->get_int64() >= 0) && !evidence->is_uint64()) {
                throw std::invalid_argument("controls[].evidence of " + std::string(ref->get_string()) +
                                            " must be a non-negative integer");
            }
            state.evidence = evidence->is_int64() ? evidence->get_int64() : 1;
        }
        out[normalizeRef(ref->get_string())] = std::move(state);
    }
    return out;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// Vendor named in a "carve-out: <vendor>" reason, or nothing.
std::optional<std::string> carveOutVendor(std::string_view reason) {
    const std::string text = trim(reason);
    if (text.size() < kCarveOutPrefix.size()) return std::nullopt;
    for (std::size_t i = 0; i < kCarveOutPrefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != kCarveOutPrefix[i]) return std::nullopt;
    }
    std::string vendor = trim(std::string_view(text).substr(kCarveOutPrefix.size()));
    if (vendor.empty()) return std::nullopt;
    return vendor;
}

std::chrono::year_month_day parseDate(const json::object& period, std::string_view key) {
    const std::string field = "observation_period." + std::string(key);
    const json::value* value = period.if_contains(key);
    if (value == nullptr || !value->is_string()) throw std::invalid_argument(field + " must be a date YYYY-MM-DD");
    const std::string_view text = value->get_string();
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || std::isdigit(c); });
    if (!shaped) throw std::invalid_argument(field + " \"" + std::string(text) + "\" is not a date YYYY-MM-DD");
    const auto number = [&](std::size_t pos, std::size_t len) { return std::stoi(std::string(text.substr(pos, len))); };
    const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                           std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                           std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    if (!date.ok()) throw std::invalid_argument(field + " \"" + std::string(text) + "\" is not a valid calendar date");
    return date;
}

// Adds calendar months, clamping to the month's last day (30 Nov + 3 months = 28/29 Feb).
std::chrono::sys_days addMonths(std::chrono::year_month_day date, int months) {
    const std::chrono::year_month_day moved = date + std::chrono::months{months};
    if (moved.ok()) return moved;
    return std::chrono::year_month_day_last{moved.year(), std::chrono::month_day_last{moved.month()}};
}

void checkObservationPeriod(const json::value& value, json::array& findings) {
    const json::object& period = requireObject(value, "observation_period");
    const auto start = parseDate(period, "start");
    const auto end = parseDate(period, "end");
    const std::chrono::sys_days first{start};
    const std::chrono::sys_days last{end};
    if (last < first) throw std::invalid_argument("observation_period.end is before observation_period.start");
    // Both days count: 1 Jan to 31 Mar is exactly three months.
    if (last + std::chrono::days{1} < addMonths(start, 3)) {
        const auto days = (last - first).count() + 1;
        findings.push_back({
            {"check", "soc2-2017.observation-period-too-short"},
            {"severity", "minor"},
            {"message", "The Type 2 observation period " + std::string(period.at("start").as_string()) + " to " +
                            std::string(period.at("end").as_string()) + " covers " + std::to_string(days) +
                            " days, less than the 3 months commonly accepted as a minimum (6 to 12 months is usual)"},
        });
    }
}

json::object finding(std::string_view check, std::string_view severity, const std::string& ref, std::string message) {
    return json::object{
        {"check", "soc2-2017." + std::string(check)},
        {"severity", severity},
        {"ref", ref},
        {"message", std::move(message)},
    };
}

// Readiness: in-scope criteria without controls, excluded common criteria, controls without evidence, and the
// length of a Type 2 observation period.
std::string readiness(const cw::sdk::Context& ctx, std::string_view input) {
    const json::value parsed = parseInput(input, "readiness input");
    const json::object& root = requireObject(parsed, "readiness input");
    checkFramework(root);
    const auto controls = parseControls(root);
    const CatalogIndex& index = catalogIndex();
    json::array findings;

    Answers answers;
    if (const json::value* given = root.if_contains("answers")) {
        answers = parseAnswers(requireObject(*given, "answers"));
    } else {
        // Without answers, a category is taken as in scope when any of its criteria is tracked and not excluded.
        answers.categories.insert("security");
        for (const Node& criterion : index.criteria) {
            const auto it = controls.find(criterion.ref);
            if (it != controls.end() && it->second.status != "not-applicable") {
                answers.categories.insert(criterion.category);
            }
        }
        std::string chosen;
        for (const auto& c : kCategories) {
            if (!answers.categories.contains(c.id)) continue;
            chosen += (chosen.empty() ? "" : ", ") + std::string(c.name);
        }
        findings.push_back({
            {"check", "soc2-2017.scope-inferred"},
            {"severity", "info"},
            {"message", "No answers.categories given; scope inferred from the tracked criteria: " + chosen},
        });
    }

    for (const Node& criterion : index.criteria) {
        const bool common = criterion.category == "security";
        if (!answers.categories.contains(criterion.category)) continue;
        const auto it = controls.find(criterion.ref);
        const ControlState* state = it != controls.end() ? &it->second : nullptr;
        const std::string scopeText =
            common ? "common criterion"
                   : std::string(categoryName(criterion.category)) + " criterion in the report's scope";

        if (state == nullptr || state->status == "not-started") {
            findings.push_back(finding("criterion-without-control", "major", criterion.ref,
                                       criterion.ref + " (" + scopeText + ") has no control " +
                                           (state == nullptr ? "tracked" : "started") + " yet"));
            continue;
        }
        if (common && state->status == "not-applicable") {
            if (const auto vendor = carveOutVendor(state->reason)) {
                findings.push_back(finding(
                    "common-criteria-excluded", "info", criterion.ref,
                    criterion.ref + " is carved out to the subservice organization " + *vendor +
                        ": the system description must say so and list the complementary subservice organization "
                        "controls the report relies on"));
            } else {
                findings.push_back(finding(
                    "common-criteria-excluded", "blocker", criterion.ref,
                    criterion.ref + " is a common criterion and cannot be marked not applicable; if a subservice "
                                    "organization performs it, record the reason as \"carve-out: <vendor>\""));
            }
            continue;
        }
        if (state->status == "implemented" && state->evidence == 0) {
            findings.push_back(finding("implemented-without-evidence", "minor", criterion.ref,
                                       criterion.ref + " is marked implemented but has no evidence attached"));
        }
    }

    if (const json::value* period = root.if_contains("observation_period");
        period != nullptr && answers.reportType != "type1") {
        checkObservationPeriod(*period, findings);
    }
    ctx.log(cw::sdk::Level::Debug, "soc2: " + std::to_string(findings.size()) + " readiness findings");
    return json::serialize(json::object{{"findings", std::move(findings)}});
}

}  // namespace

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = "soc2-2017",
    .name = "SOC 2 Trust Services Criteria (2017, revised points of focus 2022)",
    .version = "1.0.0",
    .publisher = "Crosswalk project",
    .licence = "Criterion ids, hierarchy and point-of-focus headings of the AICPA 2017 Trust Services Criteria "
               "(revised points of focus 2022), (c) AICPA, taken as facts via the CISO Assistant catalog "
               "(intuitem); no AICPA text included. Titles and descriptions: Crosswalk project.",
    .scope = &scope,
    .readiness = &readiness,
})
