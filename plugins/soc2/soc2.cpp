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
#include <crosswalk/plugin_rules.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
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
        for (const cw::sdk::CatalogNode& node : cw::sdk::embeddedCatalog().frameworks().front().nodes()) {
            if (node.kind == "criterion") {
                out.criteria.push_back({node.ref, std::string(node.attributes.at("category").as_string())});
            } else if (node.kind == "point-of-focus" && node.ref.starts_with("CC")) {
                const std::string_view source = node.attributes.at("pof_source").as_string();
                if (findCategory(source) != nullptr)
                    out.categoryPointsOfFocus.push_back({node.ref, std::string(source)});
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
    out.reportType =
        cw::sdk::optionalChoice(answers, "report_type", {"type1", "type2"},
                                "answers.report_type must be \"type1\" or \"type2\"", cw::sdk::Null::Invalid);
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
    const json::object root = cw::sdk::parseObject(input, "scope input");
    cw::sdk::checkFramework(root, kFramework);
    const json::value* answersValue = root.if_contains("answers");
    if (answersValue == nullptr) throw std::invalid_argument("answers is missing; expected {\"categories\": [...]}");
    const Answers answers = parseAnswers(cw::sdk::requireObject(*answersValue, "answers"));
    const CatalogIndex& index = catalogIndex();

    json::array requirements;
    for (const Node& criterion : index.criteria) {
        if (criterion.category == "security") continue;
        const std::string name(categoryName(criterion.category));
        const bool applies = answers.categories.contains(criterion.category);
        requirements.push_back(
            cw::sdk::requirement(criterion.ref, applies,
                                 applies ? name + " is in the report's scope" : name + " not in the report's scope"));
    }
    for (const Node& point : index.categoryPointsOfFocus) {
        const std::string name(categoryName(point.category));
        const bool applies = answers.categories.contains(point.category);
        requirements.push_back(
            cw::sdk::requirement(point.ref, applies,
                                 applies ? "point of focus for " + name + ", which is in the report's scope"
                                         : "point of focus only for " + name + ", which is not in the report's scope"));
    }

    json::array notes{
        "Security (common criteria CC1.1-CC9.2, 33 criteria) applies to every SOC 2 report and cannot be left out; "
        "those criteria are not listed.",
        "Points of focus under the Availability, Confidentiality, Processing Integrity and Privacy criteria follow "
        "their criterion; points of focus are guidance, not requirements.",
    };
    if (answers.reportType) notes.emplace_back(reportTypeNote(*answers.reportType));
    ctx.log(cw::sdk::Level::Debug, "soc2: scoped " + std::to_string(requirements.size()) + " requirements");
    return cw::sdk::scopeOutput(kFramework, std::move(requirements), std::move(notes));
}

// Accepts "CC6.1", "soc2-2017:CC6.1" and the upstream PP1.x spelling of PI1.x.
std::string normalizeRef(std::string_view ref) {
    const std::string prefix = std::string(kFramework) + ":";
    if (ref.starts_with(prefix)) ref.remove_prefix(prefix.size());
    if (ref.starts_with("PP1.")) return "PI" + std::string(ref.substr(2));
    return std::string(ref);
}

std::map<std::string, cw::sdk::ControlInput, std::less<>> parseControls(const json::object& root) {
    constexpr std::string_view kBadStatus =
        "controls[].status of {ref} must be one of: not-started, planned, partial, implemented, not-applicable";
    std::vector<cw::sdk::ControlInput> controls =
        cw::sdk::readControls(root, {.notObject = "each entry of controls must be a JSON object",
                                     .badRef = "controls[].ref must be a string",
                                     .missingStatus = kBadStatus,
                                     .badStatus = kBadStatus,
                                     .badEvidence = "controls[].evidence of {ref} must be a non-negative integer",
                                     .nullEvidence = cw::sdk::Null::Invalid});
    for (cw::sdk::ControlInput& control : controls) control.ref = normalizeRef(control.ref);
    return cw::sdk::byRef(std::move(controls));
}

// Vendor named in a "carve-out: <vendor>" reason, or nothing.
std::optional<std::string> carveOutVendor(std::string_view reason) {
    const std::string text = cw::sdk::trim(reason);
    if (text.size() < kCarveOutPrefix.size()) return std::nullopt;
    for (std::size_t i = 0; i < kCarveOutPrefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != kCarveOutPrefix[i]) return std::nullopt;
    }
    std::string vendor = cw::sdk::trim(std::string_view(text).substr(kCarveOutPrefix.size()));
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

void checkObservationPeriod(const json::value& value, cw::sdk::Findings& findings) {
    const json::object& period = cw::sdk::requireObject(value, "observation_period");
    const auto start = parseDate(period, "start");
    const auto end = parseDate(period, "end");
    const std::chrono::sys_days first{start};
    const std::chrono::sys_days last{end};
    if (last < first) throw std::invalid_argument("observation_period.end is before observation_period.start");
    // Both days count: 1 Jan to 31 Mar is exactly three months.
    if (last + std::chrono::days{1} < addMonths(start, 3)) {
        const auto days = (last - first).count() + 1;
        findings.add("observation-period-too-short", "minor",
                     "The Type 2 observation period " + std::string(period.at("start").as_string()) + " to " +
                         std::string(period.at("end").as_string()) + " covers " + std::to_string(days) +
                         " days, less than the 3 months commonly accepted as a minimum (6 to 12 months is usual)");
    }
}

// Readiness: in-scope criteria without controls, excluded common criteria, controls without evidence, and the
// length of a Type 2 observation period.
std::string readiness(const cw::sdk::Context& ctx, std::string_view input) {
    const json::object root = cw::sdk::parseObject(input, "readiness input");
    cw::sdk::checkFramework(root, kFramework);
    const auto controls = parseControls(root);
    const CatalogIndex& index = catalogIndex();
    cw::sdk::Findings findings(kFramework);

    Answers answers;
    if (const json::value* given = root.if_contains("answers")) {
        answers = parseAnswers(cw::sdk::requireObject(*given, "answers"));
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
        findings.add("scope-inferred", "info",
                     "No answers.categories given; scope inferred from the tracked criteria: " + chosen);
    }

    for (const Node& criterion : index.criteria) {
        const bool common = criterion.category == "security";
        if (!answers.categories.contains(criterion.category)) continue;
        const auto it = controls.find(criterion.ref);
        const cw::sdk::ControlInput* state = it != controls.end() ? &it->second : nullptr;
        const std::string scopeText =
            common ? "common criterion"
                   : std::string(categoryName(criterion.category)) + " criterion in the report's scope";

        if (state == nullptr || state->status == "not-started") {
            findings.add("criterion-without-control", "major", criterion.ref,
                         criterion.ref + " (" + scopeText + ") has no control " +
                             (state == nullptr ? "tracked" : "started") + " yet");
            continue;
        }
        if (common && state->status == "not-applicable") {
            if (const auto vendor = carveOutVendor(state->reason)) {
                findings.add(
                    "common-criteria-excluded", "info", criterion.ref,
                    criterion.ref + " is carved out to the subservice organization " + *vendor +
                        ": the system description must say so and list the complementary subservice organization "
                        "controls the report relies on");
            } else {
                findings.add("common-criteria-excluded", "blocker", criterion.ref,
                             criterion.ref +
                                 " is a common criterion and cannot be marked not applicable; if a subservice "
                                 "organization performs it, record the reason as \"carve-out: <vendor>\"");
            }
            continue;
        }
        if (state->status == "implemented" && state->evidence.value_or(0) == 0) {
            findings.add("implemented-without-evidence", "minor", criterion.ref,
                         criterion.ref + " is marked implemented but has no evidence attached");
        }
    }

    if (const json::value* period = root.if_contains("observation_period");
        period != nullptr && answers.reportType != "type1") {
        checkObservationPeriod(*period, findings);
    }
    ctx.log(cw::sdk::Level::Debug, "soc2: " + std::to_string(findings.size()) + " readiness findings");
    return findings.output();
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
