// Gap counting, remediation ranking and the Stage 1 / Stage 2 checks over a ReadinessInput:
// no workspace, no plugins, so each rule can be tested on a hand-made input.
#include <crosswalk/analysis/readiness_rules.hpp>

#include <crosswalk/model/text.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace cw {
namespace {

namespace json = boost::json;

constexpr std::string_view kSource = "crosswalk";

using Library = std::map<std::string, const EvidenceItem*, std::less<>>;

Library index(const std::vector<EvidenceItem>& items) {
    Library out;
    for (const auto& item : items) out.emplace(item.key, &item);
    return out;
}

bool currentAt(const EvidenceItem& item, Date at) {
    return item.freshness(at) != Freshness::Stale;
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

// Per requirement: the in-scope items reaching it that are in the library and current at `at`.
std::map<std::string, std::size_t, std::less<>> currentEvidence(const std::vector<RequirementEvidence>& reach,
                                                                const Library& items, Date at) {
    std::map<std::string, std::size_t, std::less<>> out;
    for (const auto& [ref, keys] : reachingItems(reach)) {
        const auto current = static_cast<std::size_t>(std::count_if(keys.begin(), keys.end(), [&](const auto& key) {
            const auto item = items.find(key);
            return item != items.end() && currentAt(*item->second, at);
        }));
        if (current > 0) out.emplace(ref, current);
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
    if (text == "blocker") return Severity::Blocker;
    if (text == "major") return Severity::Major;
    if (text == "minor") return Severity::Minor;
    if (text == "info") return Severity::Info;
    return std::nullopt;
}

void sortBySeverity(std::vector<ReadinessFinding>& findings) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const ReadinessFinding& a, const ReadinessFinding& b) { return a.severity < b.severity; });
}

std::map<std::string, std::size_t, std::less<>> currentEvidence(const std::vector<RequirementEvidence>& reach,
                                                                const std::vector<EvidenceItem>& library, Date at) {
    return currentEvidence(reach, index(library), at);
}

std::vector<FrameworkGap> gapRules(const ReadinessInput& input, Date today) {
    std::vector<FrameworkGap> out;
    const Library items = index(input.evidence);
    for (const auto& framework : input.frameworks) {
        const auto current = currentEvidence(framework.reach, items, today);
        FrameworkGap gap;
        gap.framework = framework.framework;
        for (const auto& s : framework.statuses) {
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
                gap.open.push_back(s);
            } else if (current.contains(s.ref)) {
                ++gap.implementedWithEvidence;
            }
        }
        out.push_back(std::move(gap));
    }
    return out;
}

std::vector<RemediationAction> remediationRules(const ReadinessInput& input) {
    // What each common control would advance: the open requirements (applicable, assessable,
    // neither implemented nor not-applicable) of the targets it is linked to. One pass per
    // target, not one per common control: the plan must stay cheap on SP 800-53 scale.
    struct Advances {
        std::vector<std::string> frameworks;  // in target order
        std::size_t requirements = 0;
        std::size_t wouldImplement = 0;
    };
    std::map<std::string, Advances, std::less<>> advances;
    for (const auto& t : input.frameworks) {
        for (const auto& s : t.statuses) {
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
    std::vector<RemediationAction> out;
    if (advances.empty()) return out;

    std::map<std::string, const StatusEntry*, std::less<>> entryByKey;
    for (const auto& e : input.recorded) {
        if (!e.requirement) entryByKey.emplace(e.subject, &e);
    }
    for (const auto& cc : input.commonControls) {
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

std::vector<ReadinessFinding> stage1Findings(const ReadinessInput& input, Date today) {
    std::vector<ReadinessFinding> findings;
    std::map<std::string, const SoaRow*, std::less<>> rowByRef;
    for (const auto& row : input.soa) rowByRef.emplace(row.ref, &row);
    std::set<std::string, std::less<>> assessed;
    std::map<std::string, std::vector<std::string>, std::less<>> chosenBy;  // Annex A ref → risks, in risk order
    for (const auto& risk : input.risks) {
        assessed.insert(risk.assets.begin(), risk.assets.end());
        for (const auto& control : risk.controls) {
            // Controls may be stored as full refs; the SoA speaks in local ones.
            const auto colon = control.find(':');
            chosenBy[colon == std::string::npos ? control : control.substr(colon + 1)].push_back(risk.key);
        }
    }

    // 1. The SoA: every Annex A control decided and justified (6.1.3 d).
    if (input.soa.empty()) {
        add(findings, "stage1.no-soa", Severity::Blocker, "SoA",
            "there is no Statement of Applicability yet: draft it (crosswalk soa draft), then decide and justify "
            "every Annex A control (6.1.3 d)");
    } else {
        for (const auto& control : input.isoControls) {
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
    for (const auto& asset : input.assets) {
        if (!asset.inScope || assessed.contains(asset.key)) continue;
        add(findings, "stage1.asset-not-in-risk-assessment", Severity::Major, asset.key,
            asset.key + " " + asset.name +
                " is in scope but no risk in the register names it; assess its risks (6.1.2)");
    }
    if (!input.soa.empty()) {
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
    const auto reaching = reachingItems(input.isoReach);
    const Library items = index(input.evidence);
    for (const auto& clause : input.isoControls) {
        if (!clause.assessable || clause.ref.starts_with("A")) continue;
        const json::value* listed = clause.attributes.if_contains("documented_information");
        if (listed == nullptr || !listed->is_array() || listed->get_array().empty()) continue;
        std::vector<const EvidenceItem*> current;
        std::vector<const EvidenceItem*> expired;
        if (const auto r = reaching.find(clause.ref); r != reaching.end()) {
            for (const auto& key : r->second) {
                const auto item = items.find(key);
                if (item == items.end() || !isDocument(item->second->kind)) continue;
                (currentAt(*item->second, today) ? current : expired).push_back(item->second);
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
                message += "; link a policy, procedure, record or report whose title names it to " +
                           std::string(kHubFramework) + ":" + clause.ref;
            }
            add(findings, "stage1.missing-documented-information", Severity::Major, clause.ref + ": " + item,
                std::move(message));
        }
    }

    sortBySeverity(findings);
    return findings;
}

std::vector<ReadinessFinding> stage2Findings(const ReadinessInput& input, Date at) {
    std::vector<ReadinessFinding> findings;
    const Date yearBefore = at.addMonths(-12);

    // 1. Operational evidence, current at `at` and valid for the ISO scope, behind every
    //    applicable control the SoA marks implemented.
    if (input.soa.empty()) {
        add(findings, "stage2.no-soa", Severity::Blocker, "SoA",
            "there is no Statement of Applicability: Stage 2 audits the controls it lists (crosswalk soa draft)");
    }
    const auto inScope = reachingItems(input.isoReach);
    const auto reachingAll = reachingItems(input.isoReach, false);
    const Library items = index(input.evidence);
    for (const auto& row : input.soa) {
        if (!row.applicable.value_or(false) || row.status != ImplementationStatus::Implemented) continue;
        std::vector<std::string> stale;
        std::vector<std::string> documents;
        std::vector<std::string> scopedOut;
        bool ok = false;
        if (const auto r = reachingAll.find(row.ref); r != reachingAll.end()) {
            const auto scoped = inScope.find(row.ref);
            for (const auto& key : r->second) {
                const auto item = items.find(key);
                if (item == items.end()) continue;
                const EvidenceItem& e = *item->second;
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
        if (!scopedOut.empty()) message += "; scoped out of " + std::string(kHubFramework) + ": " + joined(scopedOut);
        add(findings, "stage2.implemented-without-operational-evidence", Severity::Blocker, row.ref,
            std::move(message));
    }

    // 2. An internal audit completed within the 12 months before `at` (9.2).
    std::optional<Date> lastCompleted;
    bool audited = false;
    for (const auto& a : input.audits) {
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
    for (const auto& f : input.findings) {
        if (!f.open) continue;
        const bool major = f.type == FindingType::MajorNonconformity;
        if (!major && f.type != FindingType::MinorNonconformity) continue;
        std::vector<std::string> plan;
        for (const auto& a : input.actions) {
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
    const ManagementReview* latest = nullptr;
    for (const auto& r : input.reviews) {
        if (r.heldOn > at || r.heldOn < yearBefore) continue;
        if (latest == nullptr || latest->heldOn <= r.heldOn) latest = &r;
    }
    if (latest == nullptr) {
        add(findings, "stage2.no-management-review", Severity::Blocker, "9.3",
            "no management review held between " + yearBefore.str() + " and " + at.str() +
                "; Stage 2 expects one with every 9.3.2 input and its 9.3.3 decisions");
    } else {
        const std::string review = latest->key + " (held " + latest->heldOn.str() + ")";
        for (const ReviewInput missing : latest->missingInputs()) {
            add(findings, "stage2.review-input-missing", Severity::Major, latest->key,
                review + " does not record 9.3.2 " + std::string(toString(missing)) + ") " +
                    std::string(describe(missing)));
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

    sortBySeverity(findings);
    return findings;
}

}  // namespace cw
