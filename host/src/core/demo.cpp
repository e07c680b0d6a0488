// The demo workspace: Meridian Health Labs, a fictional 180-person health-tech SaaS pursuing
// ISO/IEC 27001:2022 with SOC 2 Type 2 and HIPAA, with PCI DSS next.
//
// The organization is data: host/data/demo.json, compiled in (embedded_demo.hpp). This file
// reads it and builds the workspace only through the public workbench API, so the demo
// exercises the same rules a user meets, section by section in one transaction. Every date
// in the file is an offset in days from `today`, so the demo reads the same whenever it is
// built. The gaps planted on purpose for `crosswalk readiness` (README, "The demo") are
// listed in the file's /about/planted.
#include <crosswalk/core/audit.hpp>
#include <crosswalk/core/demo.hpp>
#include <crosswalk/core/evidence.hpp>
#include <crosswalk/core/implementation.hpp>
#include <crosswalk/core/json.hpp>
#include <crosswalk/core/organization.hpp>
#include <crosswalk/core/risk.hpp>
#include <crosswalk/core/soa.hpp>
#include <crosswalk/core/timeline.hpp>

#include "embedded_demo.hpp"

#include <boost/json.hpp>

#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
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

// One value of demo.json and its JSON pointer. A missing or mistyped value is recorded in the
// Reading and reads as empty, so a record is read whole and the problem reported before any call.
class Node {
public:
    Node(const json::value* value, std::string at, Reading& reading)
        : m_value(value), m_at(std::move(at)), m_reading(&reading) {}

    [[nodiscard]] const std::string& at() const { return m_at; }
    [[nodiscard]] bool present() const { return m_value != nullptr; }

    [[nodiscard]] Node operator[](std::string_view key) const {
        const std::string at = appendPointer(m_at, key);
        const json::value* object = typed(json::kind::object, "an object", true);
        m_reading->seen.insert(at);
        return {object ? object->get_object().if_contains(key) : nullptr, at, *m_reading};
    }
    [[nodiscard]] std::vector<Node> items() const {
        std::vector<Node> out;
        if (const json::value* array = typed(json::kind::array, "an array", true)) {
            for (std::size_t i = 0; i < array->get_array().size(); ++i) {
                out.emplace_back(&array->get_array()[i], appendPointer(m_at, i), *m_reading);
                m_reading->seen.insert(out.back().m_at);
            }
        }
        return out;
    }
    [[nodiscard]] std::vector<std::pair<std::string, Node>> members() const {
        std::vector<std::pair<std::string, Node>> out;
        if (const json::value* object = typed(json::kind::object, "an object", true)) {
            for (const auto& [key, value] : object->get_object()) {
                out.emplace_back(key, Node(&value, appendPointer(m_at, key), *m_reading));
                m_reading->seen.insert(out.back().second.m_at);
            }
        }
        return out;
    }
    // Handed on as it is (a target's answers): its members are not checked here.
    [[nodiscard]] const json::object& object() const {
        static const json::object kEmpty;
        m_reading->whole.insert(m_at);
        const json::value* object = typed(json::kind::object, "an object", true);
        return object ? object->get_object() : kEmpty;
    }

    [[nodiscard]] std::optional<std::string> optStr() const {
        const json::value* v = typed(json::kind::string, "a string", false);
        return v ? std::optional<std::string>(v->get_string()) : std::nullopt;
    }
    [[nodiscard]] std::optional<int> optNum() const {
        const json::value* v = typed(json::kind::int64, "a whole number", false);
        if (v &&
            (v->get_int64() < std::numeric_limits<int>::min() || v->get_int64() > std::numeric_limits<int>::max())) {
            m_reading->fail(m_at, "out of range");
            return std::nullopt;
        }
        return v ? std::optional<int>(static_cast<int>(v->get_int64())) : std::nullopt;
    }
    [[nodiscard]] std::optional<bool> optFlag() const {
        const json::value* v = typed(json::kind::bool_, "true or false", false);
        return v ? std::optional<bool>(v->get_bool()) : std::nullopt;
    }
    [[nodiscard]] std::optional<Date> optDay() const {
        const auto offset = optNum();
        return offset ? std::optional<Date>(m_reading->today.addDays(*offset)) : std::nullopt;
    }
    [[nodiscard]] std::string str() const { return need(optStr()); }
    [[nodiscard]] int num() const { return need(optNum()); }
    [[nodiscard]] bool flag() const { return need(optFlag()); }
    [[nodiscard]] Date day() const { return need(optDay()); }
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
        const std::string text = str();
        const auto parsed = parse(text);
        if (!parsed) m_reading->fail(m_at, "'" + text + "' is not a known value here");
        return parsed.value_or(E{});
    }

private:
    const json::value* typed(json::kind kind, const char* expected, bool required) const {
        if (!m_value && required) m_reading->fail(m_at, std::string("missing; expected ") + expected);
        if (!m_value) return nullptr;
        if (m_value->kind() == kind) return m_value;
        m_reading->fail(m_at, std::string("expected ") + expected);
        return nullptr;
    }
    template <typename T>
    T need(std::optional<T> value) const {
        if (!m_value) m_reading->fail(m_at, "missing");
        return value.value_or(T{});
    }

    const json::value* m_value;
    std::string m_at;
    Reading* m_reading;
};

// Every member of demo.json the demo did not read ("about" notes aside) is a problem.
void reportUnread(const json::value& value, const std::string& at, Reading& reading) {
    if (reading.whole.contains(at)) return;
    if (const auto* object = value.if_object()) {
        for (const auto& [key, member] : *object) {
            const std::string child = appendPointer(at, key);
            if (key == "about") continue;
            if (!reading.seen.contains(child)) reading.fail(child, "not a field the demo reads");
            reportUnread(member, child, reading);
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

// Status, owner, due, note and reason as far as the node gives them.
StatusEntry statusOf(const Node& node) {
    StatusEntry entry;
    entry.status = node["status"].choice(parseImplementationStatus);
    if (const Node owner = node["owner"]; owner.present()) entry.owner = owner.person();
    entry.due = node["due"].optDay();
    entry.note = node["note"].optStr().value_or("");
    entry.reason = node["reason"].optStr().value_or("");
    return entry;
}

SoaEdit soaEdit(const Node& node) {
    SoaEdit edit;
    edit.applicable = node["applicable"].optFlag();
    edit.justification = node["justification"].optStr();
    edit.otherDrivers = node["otherDrivers"].optStr();
    edit.businessNeed = node["businessNeed"].optStr();
    return edit;
}

class DemoLoader {
public:
    DemoLoader(Workspace& ws, const PluginHost& host, Date today) : m_ws(ws), m_host(host) { m_reading.today = today; }

    Result<DemoSummary> build() {
        auto document = parseJson(embedded::kDemo, kOrigin);
        if (!document) return Error::internal(document.error().message);
        const Node root(&*document, "", m_reading);
        for (const auto& [handle, name] : root["people"].members()) m_reading.people[handle] = name.str();
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

    // One workbench call for the record at `at`, unless reading demo.json has failed already.
    template <typename Call>
    Result<void> apply(const std::string& at, Call call) {
        if (m_reading.problem) return *m_reading.problem;
        if (auto r = call(); !r)
            return Error{r.error().kind, std::string(kOrigin) + ": " + at + ": " + r.error().message};
        return {};
    }

    Result<void> organization(const Node& root) {
        const Node org = root["organization"];
        const OrganizationProfile profile{org["name"].str(), org["sector"].str(), org["scopeStatement"].str(),
                                          org["description"].str()};
        if (auto r = apply(org.at(), [&] { return setOrganizationProfile(m_ws, profile); }); !r) return r;
        m_summary.organization = profile.name;
        for (const Node& s : root["scope"].items()) {
            const ScopeItem item{s["kind"].choice(parseScopeKind), s["name"].str(), s["inScope"].flag(),
                                 s["note"].optStr().value_or("")};
            if (auto r = apply(s.at(), [&] { return setScopeItem(m_ws, item); }); !r) return r;
        }
        for (const Node& a : root["assets"].items()) {
            Asset asset;
            asset.key = a["key"].str();
            asset.name = a["name"].str();
            asset.type = a["type"].str();
            asset.classification = a["classification"].choice(parseClassification);
            asset.owner = a["owner"].person();
            asset.description = a["description"].str();
            if (auto r = apply(a.at(), [&] { return setAsset(m_ws, asset); }); !r) return r;
            ++m_summary.assets;
        }
        return {};
    }

    Result<void> targetsAndStatus(const Node& root) {
        std::map<std::string, const json::object*> answers;
        for (const Node& t : root["targets"].items()) {
            const std::string framework = t["framework"].str();
            answers[framework] = &t["answers"].object();
            if (auto r = apply(t.at(), [&] { return setTarget(m_ws, m_host, framework, *answers[framework]); }); !r) {
                return r;
            }
        }

        const Node cs = root["controlStatus"];
        const std::string framework = cs["framework"].str();
        const StatusEntry clauses = statusOf(cs["clauses"]);
        const Node clauseExceptions = cs["clauseExceptions"];
        const std::string excludedOwner = cs["excludedOwner"].person();
        std::vector<std::pair<std::string, std::string>> themeOwners;
        for (const auto& [prefix, owner] : cs["annexOwners"].members())
            themeOwners.emplace_back(prefix, owner.person());
        std::vector<std::pair<StatusEntry, std::set<std::string>>> groups;
        for (const Node& g : cs["annexGroups"].items()) {
            const auto refs = g["controls"].strs();
            groups.emplace_back(statusOf(g), std::set<std::string>(refs.begin(), refs.end()));
        }
        const StatusEntry otherwise = statusOf(cs["otherwise"]);
        const json::value* exclusions =
            answers.contains(framework) ? answers[framework]->if_contains("exclusions") : nullptr;
        auto controls = m_ws.controls(framework);
        if (!controls) return controls.error();
        for (const auto& control : *controls) {
            if (!control.assessable) continue;
            StatusEntry entry = otherwise;
            const json::value* excluded =
                exclusions && exclusions->is_object() ? exclusions->get_object().if_contains(control.ref) : nullptr;
            if (!control.ref.starts_with("A.")) {  // clauses 4-10
                const Node exception = clauseExceptions[control.ref];
                entry = exception.present() ? statusOf(exception) : clauses;
            } else if (excluded && excluded->is_string()) {
                entry = StatusEntry{};
                entry.status = ImplementationStatus::NotApplicable;
                entry.reason = excluded->get_string();
                entry.owner = excludedOwner;
            } else {
                for (const auto& [status, refs] : groups) {
                    if (refs.contains(control.ref)) {
                        entry = status;
                        break;
                    }
                }
                for (const auto& [prefix, owner] : themeOwners) {
                    if (control.ref.starts_with(prefix)) {
                        entry.owner = owner;
                        break;
                    }
                }
            }
            entry.subject = "CC-" + control.ref;
            if (auto r =
                    apply(cs.at() + " (" + entry.subject + ")", [&] { return setImplementationStatus(m_ws, entry); });
                !r) {
                return r;
            }
        }

        for (const Node& block : root["requirementStatus"].items()) {
            const std::string prefix = block["framework"].str() + ":";
            const std::string owner = block["owner"].person();
            const std::string note = block["note"].str();
            const Date due = block["dueUnlessImplemented"].day();
            for (const auto& [ref, status] : block["requirements"].members()) {
                StatusEntry entry;
                entry.subject = prefix + ref;
                entry.requirement = true;
                entry.status = status.choice(parseImplementationStatus);
                entry.owner = owner;
                entry.note = note;
                if (entry.status != ImplementationStatus::Implemented) entry.due = due;
                if (auto r = apply(status.at(), [&] { return setImplementationStatus(m_ws, entry); }); !r) return r;
            }
        }
        return {};
    }

    Result<void> risks(const Node& root) {
        const Node m = root["riskMatrix"];
        const RiskMatrix matrix{m["likelihoodLevels"].num(), m["impactLevels"].num(), m["likelihoodNames"].strs(),
                                m["impactNames"].strs(),     m["mediumFrom"].num(),   m["highFrom"].num(),
                                m["acceptableUpTo"].num()};
        if (auto r = apply(m.at(), [&] { return setRiskMatrix(m_ws, matrix); }); !r) return r;
        for (const Node& n : root["risks"].items()) {
            Risk risk;
            risk.key = n["key"].str();
            risk.title = n["title"].str();
            risk.assets = n["assets"].strs();
            risk.threat = n["threat"].str();
            risk.vulnerability = n["vulnerability"].str();
            risk.owner = n["owner"].person();
            risk.likelihood = n["likelihood"].num();
            risk.impact = n["impact"].num();
            risk.treatment = n["treatment"].choice(parseTreatment);
            risk.controls = n["controls"].strs();
            risk.residualLikelihood = n["residualLikelihood"].optNum();
            risk.residualImpact = n["residualImpact"].optNum();
            risk.acceptedOn = n["acceptedOn"].optDay();
            if (risk.acceptedOn) risk.acceptedBy = risk.owner;
            if (auto r = apply(n.at(), [&] { return setRisk(m_ws, risk); }); !r) return r;
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
                item.reviewDays = e["reviewDays"].optNum();
                item.validUntil = e["validUntil"].optDay();
                if (auto r = apply(e.at(), [&] { return addEvidence(m_ws, item); }); !r) return r;
                for (const Node& link : e["links"].items()) {
                    const std::string subject = link.str();
                    if (auto r = apply(link.at(), [&] { return linkEvidence(m_ws, item.key, subject); }); !r) return r;
                }
                ++m_summary.evidence;
            }
        }
        for (const Node& s : ev["scope"].items()) {
            const std::string key = s["evidence"].str();
            const EvidenceScope scope{s["framework"].str(), s["valid"].flag(), s["note"].optStr().value_or("")};
            if (m_absent.contains(scope.framework)) continue;
            if (auto r = apply(s.at(), [&] { return setEvidenceScope(m_ws, key, scope); }); !r) return r;
        }
        return {};
    }

    Result<void> statementOfApplicability(const Node& root) {
        const Node node = root["soa"];
        if (auto r = apply(node.at(), [&] { return draftSoa(m_ws); }); !r) return r;
        for (const Node& e : node["edits"].items()) {
            SoaEdit edit = soaEdit(e);
            edit.ref = e["ref"].str();
            if (auto r = apply(e.at(), [&] { return editSoa(m_ws, edit); }); !r) return r;
        }
        const Node undecided = node["undecided"];
        SoaEdit edit = soaEdit(undecided);
        auto rows = soa(m_ws);
        if (!rows) return rows.error();
        for (const auto& row : *rows) {
            if (row.applicable.has_value()) continue;
            edit.ref = row.ref;
            if (auto r = apply(undecided.at() + " (" + row.ref + ")", [&] { return editSoa(m_ws, edit); }); !r) {
                return r;
            }
        }
        rows = soa(m_ws);
        if (!rows) return rows.error();
        m_summary.soaRows = rows->size();
        return {};
    }

    Result<void> auditsAndReviews(const Node& root) {
        for (const Node& p : root["auditProgrammes"].items()) {
            AuditProgramme programme;
            programme.startsOn = p["startsOn"].day();
            programme.key = withYear(p["key"].str(), programme.startsOn);
            programme.title = p["title"].str();
            programme.endsOn = p["endsOn"].day();
            programme.objectives = p["objectives"].str();
            if (auto r = apply(p.at(), [&] { return setAuditProgramme(m_ws, programme); }); !r) return r;
            for (const Node& a : p["audits"].items()) {
                if (auto r = audit(a, programme.key); !r) return r;
            }
        }
        for (const Node& m : root["managementReviews"].items()) {
            ManagementReview review;
            review.heldOn = m["heldOn"].day();
            review.key = withYear(m["key"].str(), review.heldOn);
            review.chair = m["chair"].person();
            for (const Node& who : m["attendees"].items()) {
                review.attendees += (review.attendees.empty() ? "" : ", ") + who.person();
            }
            review.notes = m["notes"].str();
            for (const auto& [code, summary] : m["inputs"].members()) {
                const auto input = parseReviewInput(code);
                if (!input) m_reading.fail(summary.at(), "not a management review input (a, b, c, d1-d4, e, f, g)");
                review.inputs.push_back({input.value_or(ReviewInput::PreviousActions), summary.str()});
            }
            for (const Node& d : m["decisions"].items()) {
                review.decisions.push_back(
                    {d["kind"].choice(parseDecisionKind), d["text"].str(), d["owner"].person(), d["due"].optDay()});
            }
            review.readyForCertification = m["readyForCertification"].flag();
            if (auto r = apply(m.at(), [&] { return setManagementReview(m_ws, review); }); !r) return r;
            ++m_summary.reviews;
        }
        return {};
    }

    Result<void> audit(const Node& a, const std::string& programme) {
        Audit audit;
        audit.plannedOn = a["plannedOn"].day();
        audit.key = withYear(a["key"].str(), audit.plannedOn);
        audit.programme = programme;
        audit.kind = a["kind"].choice(parseAuditKind);
        audit.title = a["title"].str();
        audit.scope = a["scope"].str();
        audit.areas = a["areas"].strs();
        audit.auditor = a["auditor"].str();
        audit.completedOn = a["completedOn"].optDay();
        audit.status = a["status"].choice(parseAuditStatus);
        if (auto r = apply(a.at(), [&] { return setAudit(m_ws, audit); }); !r) return r;
        ++m_summary.audits;
        for (const Node& f : a["findings"].items()) {
            AuditFinding finding;
            finding.key = f["key"].str();
            finding.audit = audit.key;
            finding.type = f["type"].choice(parseFindingType);
            finding.requirement = f["requirement"].optStr().value_or("");
            finding.description = f["description"].str();
            finding.raisedOn = f["raisedOn"].day();
            finding.closedOn = f["closedOn"].optDay();
            finding.open = !finding.closedOn;
            if (auto r = apply(f.at(), [&] { return setAuditFinding(m_ws, finding); }); !r) return r;
            ++m_summary.findings;
        }
        for (const Node& c : a["actions"].items()) {
            const CorrectiveAction action{c["key"].str(),
                                          c["finding"].str(),
                                          c["description"].str(),
                                          c["rootCause"].optStr().value_or(""),
                                          c["owner"].person(),
                                          c["due"].optDay(),
                                          c["status"].choice(parseActionStatus),
                                          c["closedOn"].optDay()};
            if (auto r = apply(c.at(), [&] { return setCorrectiveAction(m_ws, action); }); !r) return r;
        }
        return {};
    }

    Result<void> timeline(const Node& root) {
        const Node t = root["timeline"];
        const Node s = t["settings"];
        const TimelineSettings settings{s["remediationBufferDays"].num(), s["certificateYears"].num(),
                                        s["soonStaleDays"].num()};
        if (auto r = apply(s.at(), [&] { return setTimelineSettings(m_ws, settings); }); !r) return r;
        for (const Node& m : t["milestones"].items()) {
            const Milestone milestone{m["step"].choice(parseStep), m["plannedStart"].optDay(), m["plannedEnd"].optDay(),
                                      m["actualStart"].optDay(),   m["actualEnd"].optDay(),    m["note"].str()};
            if (auto r = apply(m.at(), [&] { return setMilestone(m_ws, milestone); }); !r) return r;
        }
        for (const Node& c : t["cycles"].items()) {
            const Cycle cycle{c["key"].str(),        c["framework"].str(), c["kind"].choice(parseCycleKind),
                              c["title"].str(),      c["startsOn"].day(),  c["endsOn"].day(),
                              c["recurMonths"].num()};
            if (m_absent.contains(cycle.framework)) continue;  // an optional framework not loaded
            if (auto r = apply(c.at(), [&] { return setCycle(m_ws, cycle); }); !r) return r;
        }
        return {};
    }

    Workspace& m_ws;
    const PluginHost& m_host;
    Reading m_reading;
    std::set<std::string> m_absent;  // optional frameworks not in the workspace
    DemoSummary m_summary;
};

}  // namespace

Result<DemoSummary> buildDemo(Workspace& ws, const PluginHost& host, Date today) {
    return DemoLoader(ws, host, today).build();
}

}  // namespace cw
