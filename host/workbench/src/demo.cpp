// The demo workspace: Meridian Health Labs, a fictional 180-person health-tech SaaS pursuing
// ISO/IEC 27001:2022 with SOC 2 Type 2 and HIPAA, with PCI DSS next.
//
// The organization is data: host/workbench/data/demo.json, compiled in (embedded_demo.hpp). This
// file reads it and builds the workspace only through the library's public functions, so the demo meets
// the same rules a user does, section by section in one transaction. Every date in the file
// is an offset in days from `today`, so the demo reads the same whenever it is built. The
// gaps planted on purpose for `crosswalk readiness` (README, "The demo") are listed in the
// file's /about/planted.
#include <crosswalk/workbench/demo.hpp>

#include <crosswalk/io/json.hpp>
#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/timeline.hpp>
#include <crosswalk/workbench/targets.hpp>

#include "embedded_demo.hpp"

#include <boost/json.hpp>

#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace cw {
namespace {

namespace json = boost::json;

constexpr std::string_view kOrigin = "demo.json";

// What reading demo.json shares: the day its offsets count from, the people, the first
// problem met, and the members read, so that a misspelt field is an error, not a default.
struct Reading {
    Date today;
    std::map<std::string, std::string, std::less<>> people;
    std::optional<Error> problem;
    std::set<std::string> seen;   // pointers of the members read
    std::set<std::string> whole;  // pointers of values handed on as they are

    void fail(const std::string& at, const std::string& what) {
        if (!problem) problem = Error::internal(std::string(kOrigin) + ": " + toString(Problem{at, what}));
    }
};

// One value of demo.json with its JSON pointer (and its name, when an object member). A missing
// or mistyped value is recorded in the Reading and reads as empty: a record is read whole, and
// the problem is reported before the record reaches the workspace.
class Node {
public:
    Node(const json::value* value, std::string at, Reading& reading, std::string key = {})
        : m_value(value), m_at(std::move(at)), m_key(std::move(key)), m_reading(&reading) {}

    [[nodiscard]] const std::string& at() const { return m_at; }
    [[nodiscard]] const std::string& key() const { return m_key; }
    [[nodiscard]] bool present() const { return m_value != nullptr; }

    [[nodiscard]] Node operator[](std::string_view key) const {
        const json::value* object = typed(json::kind::object, "an object", true);
        return child(object ? object->get_object().if_contains(key) : nullptr, appendPointer(m_at, key), key);
    }
    // An array's elements, or an object's members.
    [[nodiscard]] std::vector<Node> items() const {
        std::vector<Node> out;
        if (const json::array* array = m_value ? m_value->if_array() : nullptr) {
            for (std::size_t i = 0; i < array->size(); ++i)
                out.push_back(child(&(*array)[i], appendPointer(m_at, i), {}));
        } else if (const json::value* object = typed(json::kind::object, "an array or an object", true)) {
            for (const auto& [key, value] : object->get_object())
                out.push_back(child(&value, appendPointer(m_at, key), key));
        }
        return out;
    }
    // Handed on as it is (a target's answers, which the plugin checks).
    [[nodiscard]] const json::object& object() const {
        static const json::object kNone;
        m_reading->whole.insert(m_at);
        const json::value* object = typed(json::kind::object, "an object", true);
        return object ? object->get_object() : kNone;
    }

    // T is std::string, int, bool, or Date (an offset in days from today).
    template <typename T>
    [[nodiscard]] std::optional<T> opt() const {
        if constexpr (std::is_same_v<T, Date>) {
            const auto days = opt<int>();
            return days ? std::optional<Date>(m_reading->today.addDays(*days)) : std::nullopt;
        } else if constexpr (std::is_same_v<T, std::string>) {
            const json::value* v = typed(json::kind::string, "a string", false);
            return v ? std::optional<T>(v->get_string()) : std::nullopt;
        } else if constexpr (std::is_same_v<T, bool>) {
            const json::value* v = typed(json::kind::bool_, "true or false", false);
            return v ? std::optional<T>(v->get_bool()) : std::nullopt;
        } else {
            const json::value* v = typed(json::kind::int64, "a whole number", false);
            if (v && (v->get_int64() < std::numeric_limits<int>::min() ||
                      v->get_int64() > std::numeric_limits<int>::max())) {
                m_reading->fail(m_at, "out of range");
            }
            return v ? std::optional<T>(static_cast<int>(v->get_int64())) : std::nullopt;
        }
    }
    template <typename T>
    [[nodiscard]] T get() const {
        if (!m_value) m_reading->fail(m_at, "missing");
        return opt<T>().value_or(T{});
    }
    [[nodiscard]] std::string str() const { return get<std::string>(); }
    [[nodiscard]] std::string text() const { return opt<std::string>().value_or(""); }  // "" when absent
    [[nodiscard]] int num() const { return get<int>(); }
    [[nodiscard]] Date day() const { return get<Date>(); }
    [[nodiscard]] std::optional<Date> optDay() const { return opt<Date>(); }
    [[nodiscard]] std::vector<std::string> strs() const {
        std::vector<std::string> out;
        for (const Node& item : items()) out.push_back(item.str());
        return out;
    }
    [[nodiscard]] std::string person() const {
        const std::string handle = str();
        const auto found = m_reading->people.find(handle);
        if (found != m_reading->people.end()) return found->second;
        m_reading->fail(m_at, "'" + handle + "' is not one of /people");
        return {};
    }
    template <typename E>
    [[nodiscard]] E choice(std::optional<E> (*parse)(std::string_view) noexcept) const {
        const std::string value = str();
        const auto parsed = parse(value);
        if (!parsed) m_reading->fail(m_at, "'" + value + "' is not a known value here");
        return parsed.value_or(E{});
    }

private:
    Node child(const json::value* value, std::string at, std::string_view key) const {
        m_reading->seen.insert(at);
        return {value, std::move(at), *m_reading, std::string(key)};
    }
    const json::value* typed(json::kind kind, const char* expected, bool required) const {
        if (!m_value && required) m_reading->fail(m_at, std::string("missing; expected ") + expected);
        if (!m_value || m_value->kind() == kind) return m_value;
        m_reading->fail(m_at, std::string("expected ") + expected);
        return nullptr;
    }

    const json::value* m_value;
    std::string m_at;
    std::string m_key;
    Reading* m_reading;
};

// Every member the demo did not read ("about" notes aside) is a problem.
void reportUnread(const json::value& value, const std::string& at, Reading& reading) {
    if (reading.whole.contains(at)) return;
    if (const auto* object = value.if_object()) {
        for (const auto& [key, member] : *object) {
            const std::string child = appendPointer(at, key);
            if (key != "about" && !reading.seen.contains(child)) reading.fail(child, "not a field the demo reads");
            if (key != "about") reportUnread(member, child, reading);
        }
    } else if (const auto* array = value.if_array()) {
        for (std::size_t i = 0; i < array->size(); ++i) reportUnread((*array)[i], appendPointer(at, i), reading);
    }
}

// "{year}" in a key is the year of its record's first date: "AP-{year}" gives "AP-2026".
std::string withYear(std::string key, Date date) {
    if (const auto at = key.find("{year}"); at != std::string::npos) key.replace(at, 6, std::to_string(date.year()));
    return key;
}

StatusEntry statusOf(const Node& n) {
    StatusEntry entry;
    entry.status = n["status"].choice(parseImplementationStatus);
    entry.reason = n["reason"].text();
    if (const Node owner = n["owner"]; owner.present()) entry.owner = owner.person();
    entry.due = n["due"].optDay();
    entry.note = n["note"].text();
    return entry;
}

SoaEdit soaEdit(const Node& n) {
    SoaEdit edit;
    edit.ref = n["ref"].text();
    edit.applicable = n["applicable"].opt<bool>();
    edit.justification = n["justification"].opt<std::string>();
    edit.otherDrivers = n["otherDrivers"].opt<std::string>();
    edit.businessNeed = n["businessNeed"].opt<std::string>();
    return edit;
}

// Runs one workbench call for the record at `node`; stops at a problem reading demo.json first.
#define CW_DEMO_CALL(node, call)                                                                  \
    do {                                                                                          \
        if (auto cwDone = run((node).at(), [&] { return call; }); !cwDone) return cwDone.error(); \
    } while (false)

class DemoLoader {
public:
    DemoLoader(Workspace& ws, const PluginHost& host, Date today) : m_ws(ws), m_host(host) { m_reading.today = today; }

    Result<DemoSummary> build() {
        auto document = parseJson(embedded::kDemo, kOrigin);
        if (!document) return Error::internal(document.error().message);
        const Node root(&*document, "", m_reading);
        for (const Node& person : root["people"].items()) m_reading.people[person.key()] = person.str();
        const auto required = root["frameworks"]["required"].strs();
        const auto optional = root["frameworks"]["optional"].strs();
        if (m_reading.problem) return *m_reading.problem;

        auto existing = organizationProfile(m_ws);
        if (existing && !existing->name.empty()) {
            return Error::badInput(m_ws.path().string() + " already holds organization '" + existing->name +
                                   "'; build the demo in a new workspace (crosswalk demo --db demo.db)");
        }
        for (const auto& framework : required) {
            if (!loaded(framework)) {
                return Error::badInput("the demo needs the framework '" + framework +
                                       "' in the workspace; run `crosswalk init` with the framework plugins first");
            }
        }
        for (const auto& framework : optional) {
            if (!loaded(framework)) m_absent.insert(framework);
        }
        auto done = m_ws.transaction([&]() -> Result<void> {
            for (auto section :
                 {&DemoLoader::organization, &DemoLoader::targetsAndStatus, &DemoLoader::risks, &DemoLoader::evidence,
                  &DemoLoader::statementOfApplicability, &DemoLoader::auditsAndReviews, &DemoLoader::timeline}) {
                if (auto r = (this->*section)(root); !r) return r;
            }
            reportUnread(*document, "", m_reading);
            if (m_reading.problem) return *m_reading.problem;
            return {};
        });
        if (!done) return done.error();
        return m_summary;
    }

private:
    bool loaded(const std::string& framework) {
        auto controls = m_ws.controls(framework);
        return controls && !controls->empty();
    }

    template <typename Call>
    Result<void> run(const std::string& at, Call call) {
        if (m_reading.problem) return *m_reading.problem;
        if (auto r = call(); !r)
            return Error{r.error().kind, std::string(kOrigin) + ": " + at + ": " + r.error().message};
        return {};
    }

    Result<void> organization(const Node& root) {
        const Node o = root["organization"];
        const OrganizationProfile profile{o["name"].str(), o["sector"].str(), o["scopeStatement"].str(),
                                          o["description"].str()};
        CW_DEMO_CALL(o, setOrganizationProfile(m_ws, profile));
        m_summary.organization = profile.name;
        for (const Node& s : root["scope"].items()) {
            const ScopeItem item{s["kind"].choice(parseScopeKind), s["name"].str(), s["inScope"].get<bool>(),
                                 s["note"].text()};
            CW_DEMO_CALL(s, setScopeItem(m_ws, item));
        }
        for (const Node& a : root["assets"].items()) {
            const Asset asset{a["key"].str(),        a["name"].str(),
                              a["type"].str(),       a["classification"].choice(parseClassification),
                              a["owner"].person(),   a["inScope"].opt<bool>().value_or(true),
                              a["description"].str()};
            CW_DEMO_CALL(a, setAsset(m_ws, asset));
            ++m_summary.assets;
        }
        return {};
    }

    Result<void> targetsAndStatus(const Node& root) {
        std::map<std::string, const json::object*> answers;
        for (const Node& t : root["targets"].items()) {
            const std::string framework = t["framework"].str();
            answers[framework] = &t["answers"].object();
            CW_DEMO_CALL(t, setTarget(m_ws, m_host, framework, *answers[framework]));
        }

        const Node cs = root["controlStatus"];
        const std::string isoFramework = cs["framework"].str();
        const StatusEntry clauses = statusOf(cs["clauses"]);
        const StatusEntry annexA = statusOf(cs["annexA"]);
        const StatusEntry excluded = statusOf(cs["excluded"]);
        std::vector<std::pair<std::string, std::string>> themeOwners;
        for (const Node& owner : cs["themeOwners"].items()) themeOwners.emplace_back(owner.key(), owner.person());
        std::map<std::string, StatusEntry> chosen;
        for (const Node& group : cs["groups"].items()) {
            const StatusEntry entry = statusOf(group);
            for (const auto& ref : group["controls"].strs()) chosen.emplace(ref, entry);
        }
        const json::value* exclusions =
            answers.contains(isoFramework) ? answers[isoFramework]->if_contains("exclusions") : nullptr;
        auto controls = m_ws.controls(isoFramework);
        if (!controls) return controls.error();
        for (const auto& control : *controls) {
            if (!control.assessable) continue;
            const json::value* reason =
                exclusions && exclusions->is_object() ? exclusions->get_object().if_contains(control.ref) : nullptr;
            StatusEntry entry = control.ref.starts_with("A.") ? annexA : clauses;
            if (reason && reason->is_string()) {
                entry = excluded;
                entry.reason = reason->get_string();
            } else if (const auto found = chosen.find(control.ref); found != chosen.end()) {
                entry = found->second;
            }
            for (const auto& [prefix, owner] : themeOwners) {
                if (entry.owner.empty() && control.ref.starts_with(prefix)) entry.owner = owner;
            }
            entry.subject = "CC-" + control.ref;
            CW_DEMO_CALL(cs, setImplementationStatus(m_ws, entry));
        }

        for (const Node& block : root["requirementStatus"].items()) {
            const std::string framework = block["framework"].str();
            const std::string owner = block["owner"].person();
            const std::string note = block["note"].str();
            const Date due = block["dueUnlessImplemented"].day();
            for (const Node& requirement : block["requirements"].items()) {
                StatusEntry entry;
                entry.subject = framework + ":" + requirement.key();
                entry.requirement = true;
                entry.status = requirement.choice(parseImplementationStatus);
                entry.owner = owner;
                entry.note = note;
                if (entry.status != ImplementationStatus::Implemented) entry.due = due;
                CW_DEMO_CALL(requirement, setImplementationStatus(m_ws, entry));
            }
        }
        return {};
    }

    Result<void> risks(const Node& root) {
        const Node m = root["riskMatrix"];
        const RiskMatrix matrix{m["likelihoodLevels"].num(), m["impactLevels"].num(), m["likelihoodNames"].strs(),
                                m["impactNames"].strs(),     m["mediumFrom"].num(),   m["highFrom"].num(),
                                m["acceptableUpTo"].num()};
        CW_DEMO_CALL(m, setRiskMatrix(m_ws, matrix));
        for (const Node& r : root["risks"].items()) {
            Risk risk;
            risk.key = r["key"].str();
            risk.title = r["title"].str();
            risk.assets = r["assets"].strs();
            risk.threat = r["threat"].str();
            risk.vulnerability = r["vulnerability"].str();
            risk.owner = r["owner"].person();
            risk.likelihood = r["likelihood"].num();
            risk.impact = r["impact"].num();
            risk.treatment = r["treatment"].choice(parseTreatment);
            risk.controls = r["controls"].strs();
            risk.residualLikelihood = r["residualLikelihood"].opt<int>();
            risk.residualImpact = r["residualImpact"].opt<int>();
            risk.acceptedOn = r["acceptedOn"].optDay();
            if (risk.acceptedOn) risk.acceptedBy = risk.owner;  // only the owner may accept
            CW_DEMO_CALL(r, setRisk(m_ws, risk));
            ++m_summary.risks;
        }
        return {};
    }

    Result<void> evidence(const Node& root) {
        const Node ev = root["evidence"];
        for (const char* list : {"documents", "operational"}) {
            for (const Node& e : ev[list].items()) {
                EvidenceItem item;
                item.key = e["key"].str();
                item.title = e["title"].str();
                item.kind = e["kind"].choice(parseEvidenceKind);
                item.location = e["location"].str();
                item.owner = e["owner"].person();
                item.collectedOn = e["collectedOn"].optDay();
                item.validUntil = e["validUntil"].optDay();
                item.reviewDays = e["reviewDays"].opt<int>();
                CW_DEMO_CALL(e, addEvidence(m_ws, item));
                for (const Node& link : e["links"].items()) {
                    const std::string subject = link.str();
                    CW_DEMO_CALL(link, linkEvidence(m_ws, item.key, subject));
                }
                ++m_summary.evidence;
            }
        }
        for (const Node& s : ev["scope"].items()) {
            const std::string key = s["evidence"].str();
            const EvidenceScope scope{s["framework"].str(), s["valid"].get<bool>(), s["note"].text()};
            if (!m_absent.contains(scope.framework)) CW_DEMO_CALL(s, setEvidenceScope(m_ws, key, scope));
        }
        return {};
    }

    Result<void> statementOfApplicability(const Node& root) {
        const Node soaNode = root["soa"];
        CW_DEMO_CALL(soaNode, draftSoa(m_ws));
        for (const Node& e : soaNode["edits"].items()) {
            const SoaEdit edit = soaEdit(e);
            CW_DEMO_CALL(e, editSoa(m_ws, edit));
        }
        const Node undecided = soaNode["undecided"];
        SoaEdit edit = soaEdit(undecided);  // for every row the draft and the edits left undecided
        auto rows = soa(m_ws);
        if (!rows) return rows.error();
        for (const auto& row : *rows) {
            if (row.applicable.has_value()) continue;
            edit.ref = row.ref;
            CW_DEMO_CALL(undecided, editSoa(m_ws, edit));
        }
        rows = soa(m_ws);
        if (!rows) return rows.error();
        m_summary.soaRows = rows->size();
        return {};
    }

    Result<void> auditsAndReviews(const Node& root) {
        for (const Node& p : root["auditProgrammes"].items()) {
            const Date startsOn = p["startsOn"].day();
            const AuditProgramme programme{withYear(p["key"].str(), startsOn), p["title"].str(), startsOn,
                                           p["endsOn"].day(), p["objectives"].str()};
            CW_DEMO_CALL(p, setAuditProgramme(m_ws, programme));
            for (const Node& a : p["audits"].items()) {
                if (auto r = addAudit(a, programme.key); !r) return r;
            }
        }
        for (const Node& m : root["managementReviews"].items()) {
            const Date heldOn = m["heldOn"].day();
            ManagementReview review;
            review.key = withYear(m["key"].str(), heldOn);
            review.heldOn = heldOn;
            review.chair = m["chair"].person();
            for (const Node& who : m["attendees"].items()) {
                review.attendees += (review.attendees.empty() ? "" : ", ") + who.person();
            }
            review.notes = m["notes"].str();
            for (const Node& input : m["inputs"].items()) {
                const auto code = parseReviewInput(input.key());
                if (!code) m_reading.fail(input.at(), "not a management review input (a, b, c, d1-d4, e, f, g)");
                review.inputs.push_back({code.value_or(ReviewInput::PreviousActions), input.str()});
            }
            for (const Node& d : m["decisions"].items()) {
                review.decisions.push_back(
                    {d["kind"].choice(parseDecisionKind), d["text"].str(), d["owner"].person(), d["due"].optDay()});
            }
            review.readyForCertification = m["readyForCertification"].get<bool>();
            CW_DEMO_CALL(m, setManagementReview(m_ws, review));
            ++m_summary.reviews;
        }
        return {};
    }

    // One audit with its findings and their corrective actions.
    Result<void> addAudit(const Node& a, const std::string& programme) {
        const Date plannedOn = a["plannedOn"].day();
        const Audit audit{withYear(a["key"].str(), plannedOn),
                          programme,
                          a["kind"].choice(parseAuditKind),
                          a["title"].str(),
                          a["scope"].str(),
                          a["areas"].strs(),
                          a["auditor"].str(),
                          plannedOn,
                          a["completedOn"].optDay(),
                          a["status"].choice(parseAuditStatus)};
        CW_DEMO_CALL(a, setAudit(m_ws, audit));
        ++m_summary.audits;
        for (const Node& f : a["findings"].items()) {
            const auto closedOn = f["closedOn"].optDay();
            const AuditFinding finding{f["key"].str(),
                                       audit.key,
                                       f["type"].choice(parseFindingType),
                                       f["requirement"].text(),
                                       f["description"].str(),
                                       f["raisedOn"].day(),
                                       !closedOn,
                                       closedOn};
            CW_DEMO_CALL(f, setAuditFinding(m_ws, finding));
            ++m_summary.findings;
        }
        for (const Node& c : a["actions"].items()) {
            const CorrectiveAction action{c["key"].str(),
                                          c["finding"].str(),
                                          c["description"].str(),
                                          c["rootCause"].text(),
                                          c["owner"].person(),
                                          c["due"].optDay(),
                                          c["status"].choice(parseActionStatus),
                                          c["closedOn"].optDay()};
            CW_DEMO_CALL(c, setCorrectiveAction(m_ws, action));
        }
        return {};
    }

    Result<void> timeline(const Node& root) {
        const Node t = root["timeline"];
        const Node s = t["settings"];
        const TimelineSettings settings{s["remediationBufferDays"].num(), s["certificateYears"].num(),
                                        s["soonStaleDays"].num()};
        CW_DEMO_CALL(s, setTimelineSettings(m_ws, settings));
        for (const Node& m : t["milestones"].items()) {
            const Milestone milestone{m["step"].choice(parseStep), m["plannedStart"].optDay(), m["plannedEnd"].optDay(),
                                      m["actualStart"].optDay(),   m["actualEnd"].optDay(),    m["note"].str()};
            CW_DEMO_CALL(m, setMilestone(m_ws, milestone));
        }
        for (const Node& c : t["cycles"].items()) {
            const Cycle cycle{c["key"].str(),        c["framework"].str(), c["kind"].choice(parseCycleKind),
                              c["title"].str(),      c["startsOn"].day(),  c["endsOn"].day(),
                              c["recurMonths"].num()};
            if (!m_absent.contains(cycle.framework)) CW_DEMO_CALL(c, setCycle(m_ws, cycle));
        }
        return {};
    }

    Workspace& m_ws;
    const PluginHost& m_host;
    Reading m_reading;
    std::set<std::string> m_absent;  // optional frameworks the workspace does not hold
    DemoSummary m_summary;
};

#undef CW_DEMO_CALL

}  // namespace

Result<DemoSummary> buildDemo(Workspace& ws, const PluginHost& host, Date today) {
    return DemoLoader(ws, host, today).build();
}

}  // namespace cw
