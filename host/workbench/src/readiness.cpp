// Gap analysis, the remediation plan, and Stage 1 / Stage 2 readiness: built on the public
// workbench functions only (organization, implementation, evidence, risk, audit, timeline,
// SoA), so every rule reads the workspace exactly as the CLI and the GUI show it.
#include <crosswalk/store/audit.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/workbench/readiness.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/timeline.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace cw {
namespace {

namespace json = boost::json;

constexpr std::string_view kIso = "iso27001-2022";
constexpr std::string_view kSource = "crosswalk";

using Library = std::map<std::string, EvidenceItem, std::less<>>;

Result<Library> library(Workspace& ws) {
    auto items = evidenceLibrary(ws);
    if (!items) return items.error();
    Library out;
    for (auto& item : *items) out.emplace(item.key, std::move(item));
    return out;
}

bool currentAt(const EvidenceItem& item, Date at) {
    return item.freshness(at) != Freshness::Stale;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

// Keys of the in-scope items reaching each requirement, deduplicated (an item can reach a
// requirement directly and through a common control).
std::map<std::string, std::set<std::string>, std::less<>> reachingItems(const std::vector<RequirementEvidence>& rows,
                                                                        bool inScopeOnly = true) {
    std::map<std::string, std::set<std::string>, std::less<>> out;
    for (const auto& r : rows) {
        if (!inScopeOnly || r.inScope) out[r.ref].insert(r.evidence);
    }
    return out;
}

void add(std::vector<ReadinessFinding>& findings, std::string check, Severity severity, std::string subject,
         std::string message) {
    findings.push_back({std::move(check), severity, std::move(subject), std::move(message), std::string(kSource)});
}

std::string describeRow(const SoaRow& row) {
    return row.ref + " " + row.title;
}

// Lower-case words separated by single spaces with a space at both ends, so a whole-word match
// is a substring search (the same rule as the iso27001 plugin's documented-information check).
std::string words(std::string_view text) {
    std::string out = " ";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) {
            out += static_cast<char>(std::tolower(u));
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

// Names organizations commonly give these documents instead of the standard's words.
bool namesItem(const std::string& name, std::string_view item) {
    static const std::map<std::string, std::string> kAliases = {
        {words("statement of applicability"), words("soa")},
        {words("audit programme"), words("audit program")},
    };
    const std::string wanted = words(item);
    const std::string have = words(name);
    if (have.find(wanted) != std::string::npos) return true;
    const auto alias = kAliases.find(wanted);
    return alias != kAliases.end() && have.find(alias->second) != std::string::npos;
}

// Documentation an auditor accepts as documented information: written policies, procedures,
// records and reports (logs, configurations, screenshots and tickets show operation, not a document).
bool isDocument(EvidenceKind kind) {
    return kind == EvidenceKind::Policy || kind == EvidenceKind::Procedure || kind == EvidenceKind::Record ||
           kind == EvidenceKind::Report;
}

// ---- plugin readiness ----------------------------------------------------------------------

// The SOC 2 Type 2 observation period to report on at `at`: the latest one begun by then, else
// the first one ahead.
std::optional<Cycle> observationPeriod(const std::vector<Cycle>& all, std::string_view framework, Date at) {
    std::optional<Cycle> begun;
    std::optional<Cycle> ahead;
    for (const auto& c : all) {
        if (c.framework != framework || c.kind != CycleKind::Soc2Type2Observation) continue;
        if (c.startsOn <= at) {
            if (!begun || begun->startsOn < c.startsOn) begun = c;
        } else if (!ahead || c.startsOn < ahead->startsOn) {
            ahead = c;
        }
    }
    return begun ? begun : ahead;
}

std::optional<Severity> parseSeverityText(std::string_view text) {
    if (text == "blocker") return Severity::Blocker;
    if (text == "major") return Severity::Major;
    if (text == "minor") return Severity::Minor;
    if (text == "info") return Severity::Info;
    return std::nullopt;
}

// Runs the readiness checks of each target framework's plugin on a snapshot of the workspace
// (sdk/schema/rules.schema.json readinessInput) and adds what they find under the plugin's id.
Result<void> pluginReadiness(Workspace& ws, const PluginHost* host, Date at, const std::vector<SoaRow>& soaRows,
                             std::vector<ReadinessFinding>& findings) {
    if (host == nullptr) return {};
    auto all = targets(ws);
    if (!all) return all.error();
    if (all->empty()) return {};
    auto frameworks = ws.frameworks();
    if (!frameworks) return frameworks.error();
    auto items = library(ws);
    if (!items) return items.error();
    auto recorded = implementationStatuses(ws);
    if (!recorded) return recorded.error();
    std::map<std::string, const StatusEntry*, std::less<>> entryBySubject;
    for (const auto& e : *recorded) entryBySubject.emplace(e.subject, &e);
    std::map<std::string, const SoaRow*, std::less<>> rowByRef;
    for (const auto& row : soaRows) rowByRef.emplace(row.ref, &row);
    std::optional<std::vector<Cycle>> allCycles;

    for (const auto& target : *all) {
        const auto framework = std::find_if(frameworks->begin(), frameworks->end(),
                                            [&](const FrameworkSummary& f) { return f.id == target.framework; });
        if (framework == frameworks->end() || framework->pluginId.empty()) continue;
        const PluginInfo* plugin = host->find(framework->pluginId);
        if (plugin == nullptr || !plugin->hasReadiness) continue;

        auto statuses = requirementStatuses(ws, target.framework);
        if (!statuses) return statuses.error();
        auto reach = requirementEvidence(ws, target.framework);
        if (!reach) return reach.error();
        const auto reaching = reachingItems(*reach);

        json::array controls;
        for (const auto& s : *statuses) {
            std::string status(toString(s.status));
            std::string reason = s.reason;
            const bool annexA = target.framework == kIso && s.ref.starts_with("A.");
            if (annexA && !soaRows.empty()) {
                // The SoA is where ISO 27001 records applicability: its decision is what the plugin judges.
                const auto row = rowByRef.find(s.ref);
                if (row == rowByRef.end() || !row->second->applicable) continue;  // undecided
                if (!*row->second->applicable) {
                    status = "not-applicable";
                    reason = row->second->justification;
                }
            }
            std::size_t current = 0;
            if (const auto r = reaching.find(s.ref); r != reaching.end()) {
                for (const auto& key : r->second) {
                    const auto item = items->find(key);
                    if (item != items->end() && currentAt(item->second, at)) ++current;
                }
            }
            json::object control{{"ref", s.ref}, {"status", status}, {"evidence", current}};
            if (!reason.empty()) control["reason"] = reason;
            // The note of the status entry that decided it documents an alternative measure
            // (what HIPAA asks of an addressable specification that is not implemented).
            std::string subject;
            if (s.via == "direct") {
                subject = target.framework + ":" + s.ref;
            } else if (const auto space = s.via.find(" ("); space != std::string::npos) {
                subject = s.via.substr(0, space);
            }
            if (const auto e = entryBySubject.find(subject); e != entryBySubject.end() && !e->second->note.empty()) {
                control["alternative"] = e->second->note;
            }
            controls.push_back(std::move(control));
        }
        json::object input{
            {"framework", target.framework}, {"controls", std::move(controls)}, {"answers", target.answers}};
        if (framework->pluginId == "soc2-2017" || target.framework == "soc2-2017") {
            if (!allCycles) {
                auto c = cycles(ws);
                if (!c) return c.error();
                allCycles = std::move(*c);
            }
            if (auto period = observationPeriod(*allCycles, target.framework, at)) {
                input["observation_period"] =
                    json::object{{"start", period->startsOn.str()}, {"end", period->endsOn.str()}};
            }
        }

        auto output = host->readiness(plugin->id, json::serialize(input));
        if (!output) return output.error();
        boost::system::error_code ec;
        const json::value parsed = json::parse(*output, ec);
        const json::object* root = ec ? nullptr : parsed.if_object();
        const json::value* list = root != nullptr ? root->if_contains("findings") : nullptr;
        if (list == nullptr || !list->is_array()) {
            return Error::internal("plugin '" + plugin->id + "': readiness output has no findings array");
        }
        for (const auto& value : list->get_array()) {
            const json::object* f = value.if_object();
            if (f == nullptr)
                return Error::internal("plugin '" + plugin->id + "': a readiness finding is not an object");
            const auto text = [f](std::string_view key) {
                const json::value* v = f->if_contains(key);
                return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
            };
            const auto severity = parseSeverityText(text("severity"));
            if (!severity) {
                return Error::internal("plugin '" + plugin->id + "': readiness finding with unknown severity '" +
                                       text("severity") + "'");
            }
            std::string subject = text("ref");
            if (subject.empty()) subject = target.framework;
            findings.push_back({text("check"), *severity, std::move(subject), text("message"), plugin->id});
        }
    }
    return {};
}

void sortBySeverity(std::vector<ReadinessFinding>& findings) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const ReadinessFinding& a, const ReadinessFinding& b) { return a.severity < b.severity; });
}

}  // namespace

double FrameworkGap::progress() const noexcept {
    return applicable == 0 ? 0.0 : static_cast<double>(implemented) / static_cast<double>(applicable);
}

std::string_view toString(Severity s) noexcept {
    switch (s) {
        case Severity::Blocker:
            return "blocker";
        case Severity::Major:
            return "major";
        case Severity::Minor:
            return "minor";
        case Severity::Info:
            return "info";
    }
    return "";
}

std::optional<Severity> parseSeverity(std::string_view text) noexcept {
    return parseSeverityText(text);
}

Result<std::vector<FrameworkGap>> gapAnalysis(Workspace& ws, Date today, std::string_view framework) {
    std::vector<std::string> frameworks;
    if (!framework.empty()) {
        frameworks.emplace_back(framework);
    } else {
        auto all = targets(ws);
        if (!all) return all.error();
        for (const auto& t : *all) frameworks.push_back(t.framework);
    }
    std::vector<FrameworkGap> out;
    if (frameworks.empty()) return out;
    auto items = library(ws);
    if (!items) return items.error();

    for (const auto& id : frameworks) {
        auto statuses = requirementStatuses(ws, id);
        if (!statuses) return statuses.error();
        auto reach = requirementEvidence(ws, id);
        if (!reach) return reach.error();
        const auto reaching = reachingItems(*reach);
        FrameworkGap gap;
        gap.framework = id;
        for (auto& s : *statuses) {
            if (!s.applicable || s.status == ImplementationStatus::NotApplicable) {
                ++gap.notApplicable;
                continue;
            }
            ++gap.applicable;
            switch (s.status) {
                case ImplementationStatus::Implemented:
                    ++gap.implemented;
                    break;
                case ImplementationStatus::Partial:
                    ++gap.partial;
                    break;
                case ImplementationStatus::Planned:
                    ++gap.planned;
                    break;
                case ImplementationStatus::NotStarted:
                    ++gap.notStarted;
                    break;
                case ImplementationStatus::NotApplicable:
                    break;
            }
            if (s.status != ImplementationStatus::Implemented) {
                gap.open.push_back(std::move(s));
                continue;
            }
            if (const auto r = reaching.find(s.ref); r != reaching.end()) {
                const bool current = std::any_of(r->second.begin(), r->second.end(), [&](const std::string& key) {
                    const auto item = items->find(key);
                    return item != items->end() && currentAt(item->second, today);
                });
                if (current) ++gap.implementedWithEvidence;
            }
        }
        out.push_back(std::move(gap));
    }
    return out;
}

Result<std::vector<RemediationAction>> remediationPlan(Workspace& ws) {
    std::vector<RemediationAction> out;
    auto all = targets(ws);
    if (!all) return all.error();
    if (all->empty()) return out;

    // What each common control would advance: the open requirements (applicable, assessable,
    // neither implemented nor not-applicable) of the targets it is linked to. Read once per
    // target, not once per common control: the plan must stay cheap on SP 800-53 scale.
    struct Advances {
        std::vector<std::string> frameworks;  // in target order
        std::size_t requirements = 0;
        std::size_t wouldImplement = 0;
    };
    std::map<std::string, Advances, std::less<>> advances;
    for (const auto& t : *all) {
        auto statuses = requirementStatuses(ws, t.framework);
        if (!statuses) return statuses.error();
        for (const auto& s : *statuses) {
            if (!s.applicable || s.status == ImplementationStatus::Implemented ||
                s.status == ImplementationStatus::NotApplicable) {
                continue;
            }
            for (const auto& key : s.commonControls) {
                Advances& a = advances[key];
                ++a.requirements;
                if (a.frameworks.empty() || a.frameworks.back() != t.framework) a.frameworks.push_back(t.framework);
                const auto& full = s.fullCommonControls;
                if (std::find(full.begin(), full.end(), key) != full.end()) ++a.wouldImplement;
            }
        }
    }
    if (advances.empty()) return out;

    auto recorded = implementationStatuses(ws);
    if (!recorded) return recorded.error();
    std::map<std::string, const StatusEntry*, std::less<>> entryByKey;
    for (const auto& e : *recorded) {
        if (!e.requirement) entryByKey.emplace(e.subject, &e);
    }
    auto controls = ws.commonControls();
    if (!controls) return controls.error();

    for (const auto& cc : *controls) {
        const auto found = advances.find(cc.key);
        if (found == advances.end()) continue;
        RemediationAction action;
        action.commonControl = cc.key;
        action.title = cc.title;
        if (const auto e = entryByKey.find(cc.key); e != entryByKey.end()) {
            action.status = e->second->status;
            action.owner = e->second->owner;
            action.due = e->second->due;
        }
        if (action.status == ImplementationStatus::Implemented ||
            action.status == ImplementationStatus::NotApplicable) {
            continue;
        }
        action.frameworks = found->second.frameworks;
        action.requirements = found->second.requirements;
        action.wouldImplement = found->second.wouldImplement;
        out.push_back(std::move(action));
    }
    std::sort(out.begin(), out.end(), [](const RemediationAction& a, const RemediationAction& b) {
        if (a.frameworks.size() != b.frameworks.size()) return a.frameworks.size() > b.frameworks.size();
        if (a.requirements != b.requirements) return a.requirements > b.requirements;
        return a.commonControl < b.commonControl;
    });
    return out;
}

Result<std::vector<ReadinessFinding>> stage1Readiness(Workspace& ws, const PluginHost* host, Date today) {
    std::vector<ReadinessFinding> findings;
    auto rows = soa(ws);
    if (!rows) return rows.error();
    auto iso = ws.controls(kIso);
    if (!iso) return iso.error();
    if (iso->empty()) {
        return Error::badInput("the workspace has no " + std::string(kIso) +
                               " catalog; Stage 1 readiness needs it (crosswalk init with the iso27001 plugin)");
    }
    std::map<std::string, const SoaRow*, std::less<>> rowByRef;
    for (const auto& row : *rows) rowByRef.emplace(row.ref, &row);
    auto assetList = assets(ws);
    if (!assetList) return assetList.error();
    auto riskList = risks(ws);
    if (!riskList) return riskList.error();
    std::set<std::string, std::less<>> assessed;
    std::map<std::string, std::vector<std::string>, std::less<>> chosenBy;  // Annex A ref → risks, in risk order
    for (const auto& risk : *riskList) {
        assessed.insert(risk.assets.begin(), risk.assets.end());
        for (const auto& control : risk.controls) {
            // Controls may be stored as full refs; the SoA speaks in local ones.
            const auto colon = control.find(':');
            chosenBy[colon == std::string::npos ? control : control.substr(colon + 1)].push_back(risk.key);
        }
    }

    // 1. The SoA: every Annex A control decided and justified (6.1.3 d).
    if (rows->empty()) {
        add(findings, "stage1.no-soa", Severity::Blocker, "SoA",
            "there is no Statement of Applicability yet: draft it (crosswalk soa draft), then decide and justify "
            "every Annex A control (6.1.3 d)");
    } else {
        for (const auto& control : *iso) {
            if (!control.assessable || !control.ref.starts_with("A.")) continue;
            const auto found = rowByRef.find(control.ref);
            if (found == rowByRef.end() || !found->second->applicable) {
                // A control a risk treatment chose is reported once, below, naming the risks.
                if (chosenBy.contains(control.ref)) continue;
                add(findings, "stage1.soa-undecided", Severity::Major, control.ref,
                    control.ref + " " + control.title +
                        ": the Statement of Applicability does not say whether it applies; decide it, with a "
                        "justification");
                continue;
            }
            const SoaRow& row = *found->second;
            if (!row.justification.empty()) continue;
            if (*row.applicable) {
                add(findings, "stage1.soa-without-justification", Severity::Major, row.ref,
                    describeRow(row) +
                        " is included in the Statement of Applicability without a justification (the risks, "
                        "requirements or business need it answers)");
            } else {
                add(findings, "stage1.exclusion-without-reason", Severity::Major, row.ref,
                    describeRow(row) + " is excluded from the Statement of Applicability without a reason");
            }
        }
    }

    // 2. The risk assessment covers the scope, and the SoA holds what the treatment chose.
    for (const auto& asset : *assetList) {
        if (!asset.inScope || assessed.contains(asset.key)) continue;
        add(findings, "stage1.asset-not-in-risk-assessment", Severity::Major, asset.key,
            asset.key + " " + asset.name +
                " is in scope but no risk in the register names it; assess its risks (6.1.2)");
    }
    if (!rows->empty()) {
        for (const auto& [ref, riskKeys] : chosenBy) {
            const auto found = rowByRef.find(ref);
            if (found != rowByRef.end() && found->second->applicable.value_or(false)) continue;
            const std::string why = found == rowByRef.end()      ? "has no row in the Statement of Applicability"
                                    : !found->second->applicable ? "is undecided in the Statement of Applicability"
                                                                 : "is excluded in the Statement of Applicability";
            add(findings, "stage1.treatment-control-not-in-soa", Severity::Major, ref,
                ref + " was chosen to treat " + (riskKeys.size() == 1 ? "risk " : "risks ") + joined(riskKeys) +
                    " but " + why + " (6.1.3 c: compare the treatment controls with Annex A)");
        }
    }

    // 3. Mandatory documented information of clauses 4-10: a document (policy, procedure,
    //    record or report, in the ISO scope, not expired) naming each item, linked to its clause
    //    requirement directly or through a common control. A clause with a single item is
    //    covered by any document filed under it.
    auto reach = requirementEvidence(ws, kIso);
    if (!reach) return reach.error();
    const auto reaching = reachingItems(*reach);
    auto items = library(ws);
    if (!items) return items.error();
    for (const auto& clause : *iso) {
        if (!clause.assessable || clause.ref.starts_with("A")) continue;
        const json::value* listed = clause.attributes.if_contains("documented_information");
        if (listed == nullptr || !listed->is_array() || listed->get_array().empty()) continue;
        std::vector<const EvidenceItem*> current;
        std::vector<const EvidenceItem*> expired;
        if (const auto r = reaching.find(clause.ref); r != reaching.end()) {
            for (const auto& key : r->second) {
                const auto item = items->find(key);
                if (item == items->end() || !isDocument(item->second.kind)) continue;
                (currentAt(item->second, today) ? current : expired).push_back(&item->second);
            }
        }
        const auto& names = listed->get_array();
        for (const auto& value : names) {
            if (!value.is_string()) continue;
            const std::string item(value.get_string());
            const auto covers = [&](const EvidenceItem* doc) {
                return names.size() == 1 || namesItem(doc->title, item);
            };
            if (std::any_of(current.begin(), current.end(), covers)) continue;
            std::string message = clause.ref + " " + clause.title + ": no document for the mandatory documented " +
                                  "information \"" + item + "\"";
            std::vector<std::string> stale;
            for (const auto* doc : expired) {
                if (covers(doc)) stale.push_back(doc->key + " expired " + toString(doc->expiresOn()));
            }
            if (!stale.empty()) {
                message += " that is still valid (" + joined(stale) + ")";
            } else {
                message += "; link a policy, procedure, record or report whose title names it to " + std::string(kIso) +
                           ":" + clause.ref;
            }
            add(findings, "stage1.missing-documented-information", Severity::Major, clause.ref + ": " + item,
                std::move(message));
        }
    }

    if (auto r = pluginReadiness(ws, host, today, *rows, findings); !r) return r.error();
    sortBySeverity(findings);
    return findings;
}

Result<std::vector<ReadinessFinding>> stage2Readiness(Workspace& ws, const PluginHost* host, Date at) {
    std::vector<ReadinessFinding> findings;
    const Date yearBefore = at.addMonths(-12);

    // 1. Operational evidence, current at `at` and valid for the ISO scope, behind every
    //    applicable control the SoA marks implemented.
    auto rows = soa(ws);
    if (!rows) return rows.error();
    if (rows->empty()) {
        add(findings, "stage2.no-soa", Severity::Blocker, "SoA",
            "there is no Statement of Applicability: Stage 2 audits the controls it lists (crosswalk soa draft)");
    }
    auto reach = requirementEvidence(ws, kIso);
    if (!reach) return reach.error();
    const auto inScope = reachingItems(*reach);
    const auto reachingAll = reachingItems(*reach, false);
    auto items = library(ws);
    if (!items) return items.error();
    for (const auto& row : *rows) {
        if (!row.applicable.value_or(false) || row.status != ImplementationStatus::Implemented) continue;
        std::vector<std::string> stale;
        std::vector<std::string> documents;
        std::vector<std::string> scopedOut;
        bool ok = false;
        if (const auto r = reachingAll.find(row.ref); r != reachingAll.end()) {
            const auto scoped = inScope.find(row.ref);
            for (const auto& key : r->second) {
                const auto item = items->find(key);
                if (item == items->end()) continue;
                const EvidenceItem& e = item->second;
                if (scoped == inScope.end() || !scoped->second.contains(key)) {
                    scopedOut.push_back(key);
                } else if (!isOperational(e.kind)) {
                    documents.push_back(key + " (" + std::string(toString(e.kind)) + ")");
                } else if (!currentAt(e, at)) {
                    stale.push_back(key + " expired " + toString(e.expiresOn()));
                } else {
                    ok = true;
                }
            }
        }
        if (ok) continue;
        std::string message = describeRow(row) + " is marked implemented but no operational evidence (record, log, " +
                              "configuration, screenshot, report or ticket) in the ISO scope is current on " + at.str();
        if (!stale.empty()) message += "; stale: " + joined(stale);
        if (!documents.empty()) message += "; documentation only: " + joined(documents);
        if (!scopedOut.empty()) message += "; scoped out of " + std::string(kIso) + ": " + joined(scopedOut);
        add(findings, "stage2.implemented-without-operational-evidence", Severity::Blocker, row.ref,
            std::move(message));
    }

    // 2. An internal audit completed within the 12 months before `at` (9.2).
    auto auditList = audits(ws);
    if (!auditList) return auditList.error();
    std::optional<Date> lastCompleted;
    bool audited = false;
    for (const auto& a : *auditList) {
        if (a.kind != AuditKind::Internal || a.status != AuditStatus::Completed || !a.completedOn) continue;
        if (*a.completedOn > at) continue;
        if (*a.completedOn >= yearBefore) audited = true;
        if (!lastCompleted || *lastCompleted < *a.completedOn) lastCompleted = a.completedOn;
    }
    if (!audited) {
        add(findings, "stage2.no-internal-audit", Severity::Blocker, "9.2",
            "no internal audit completed between " + yearBefore.str() + " and " + at.str() +
                (lastCompleted ? " (the last one was completed on " + lastCompleted->str() + ")" : std::string()) +
                "; Stage 2 expects one in the cycle (9.2)");
    }

    // 3. Open nonconformities: a major one blocks certification, a minor one needs its plan.
    auto raised = auditFindings(ws);
    if (!raised) return raised.error();
    auto actions = correctiveActions(ws);
    if (!actions) return actions.error();
    for (const auto& f : *raised) {
        if (!f.open) continue;
        const bool major = f.type == FindingType::MajorNonconformity;
        if (!major && f.type != FindingType::MinorNonconformity) continue;
        std::vector<std::string> plan;
        for (const auto& a : *actions) {
            if (a.finding != f.key) continue;
            plan.push_back(a.key + " " + std::string(toString(a.status)) +
                           (a.due ? ", due " + a.due->str() : std::string()));
        }
        std::string message = std::string(major ? "major" : "minor") + " nonconformity from " + f.audit +
                              (f.requirement.empty() ? std::string() : " against " + f.requirement) +
                              " is open: " + f.description;
        message +=
            plan.empty() ? " (no corrective action recorded)" : " (corrective actions: " + joined(plan, "; ") + ")";
        add(findings, major ? "stage2.open-major-nonconformity" : "stage2.open-minor-nonconformity",
            major ? Severity::Blocker : Severity::Major, f.key, std::move(message));
    }

    // 4. A management review within the 12 months before `at`, with every 9.3.2 input, the
    //    9.3.3 outputs and the decision that the organization is ready.
    auto reviews = managementReviews(ws);
    if (!reviews) return reviews.error();
    const ManagementReview* latest = nullptr;
    for (const auto& r : *reviews) {
        if (r.heldOn > at || r.heldOn < yearBefore) continue;
        if (latest == nullptr || latest->heldOn <= r.heldOn) latest = &r;
    }
    if (latest == nullptr) {
        add(findings, "stage2.no-management-review", Severity::Blocker, "9.3",
            "no management review held between " + yearBefore.str() + " and " + at.str() +
                "; Stage 2 expects one with every 9.3.2 input and its 9.3.3 decisions");
    } else {
        const std::string review = latest->key + " (held " + latest->heldOn.str() + ")";
        for (const ReviewInput input : latest->missingInputs()) {
            add(findings, "stage2.review-input-missing", Severity::Major, latest->key,
                review + " does not record 9.3.2 " + std::string(toString(input)) + ") " +
                    std::string(describe(input)));
        }
        if (!latest->hasRequiredOutputs()) {
            const auto decided = [&](DecisionKind kind) {
                return std::any_of(latest->decisions.begin(), latest->decisions.end(),
                                   [kind](const ReviewDecision& d) { return d.kind == kind; });
            };
            std::vector<std::string> missing;
            if (!decided(DecisionKind::Improvement)) missing.emplace_back("continual improvement");
            if (!decided(DecisionKind::IsmsChange)) missing.emplace_back("changes to the ISMS");
            add(findings, "stage2.review-outputs-missing", Severity::Major, latest->key,
                review + " records no 9.3.3 decision on " + joined(missing, " nor on "));
        }
        if (!latest->readyForCertification) {
            add(findings, "stage2.no-readiness-decision", Severity::Major, latest->key,
                review +
                    " does not record top management's decision that the organization is ready for "
                    "certification");
        }
    }

    if (auto r = pluginReadiness(ws, host, at, *rows, findings); !r) return r.error();
    sortBySeverity(findings);
    return findings;
}

}  // namespace cw
