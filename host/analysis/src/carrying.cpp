// The carrying rule (carrying.hpp): which recorded status reaches each requirement.
#include <crosswalk/analysis/carrying.hpp>

#include <algorithm>
#include <map>

namespace cw {
namespace {

int progress(ImplementationStatus s) {
    return s == ImplementationStatus::NotApplicable ? -1 : static_cast<int>(s);
}

// A status as a link carries it, before choosing among links.
struct Carried {
    ImplementationStatus status = ImplementationStatus::NotStarted;
    bool full = false;
    std::string via;
    const RecordedStatus* recorded = nullptr;
};

}  // namespace

bool isFullLink(const CarryLink& link) noexcept {
    // The link's relationship is the requirement's relation to the hub control: equal or
    // subset-of means the control covers the whole requirement.
    return link.source == "hub" || link.source == "manual" || link.relationship == "equal" ||
           link.relationship == "subset-of";
}

std::vector<RequirementStatus> carryStatuses(const CarryInput& input) {
    std::map<std::int64_t, std::vector<std::string>> linkedKeys;
    std::map<std::int64_t, std::vector<std::string>> fullKeys;
    std::map<std::int64_t, std::vector<Carried>> carried;
    for (const auto& link : input.links) {
        const bool full = isFullLink(link);
        linkedKeys[link.requirement].push_back(link.commonControl);
        if (full) fullKeys[link.requirement].push_back(link.commonControl);
        if (!link.status) continue;  // nothing recorded on that common control: it carries nothing
        auto status = link.status->status;
        if (!full) {
            if (status == ImplementationStatus::NotApplicable) continue;
            if (status == ImplementationStatus::Implemented) status = ImplementationStatus::Partial;
        }
        carried[link.requirement].push_back(
            {status, full,
             link.commonControl + " (" + (link.source == "mapping" ? link.relationship : link.source) + ")",
             &*link.status});
    }

    std::vector<RequirementStatus> out;
    out.reserve(input.requirements.size());
    for (const auto& r : input.requirements) {
        RequirementStatus rs;
        rs.framework = input.framework;
        rs.ref = r.ref;
        rs.title = r.title;
        if (input.target) {
            // A requirement added to the catalog after scoping applies until the target is set again.
            rs.applicable = r.applies.value_or(true);
            rs.applicabilityReason =
                r.applies ? r.applicabilityReason
                          : std::string("added to the catalog after scoping: applies until the target is set again");
        }
        if (const auto keys = linkedKeys.find(r.id); keys != linkedKeys.end()) rs.commonControls = keys->second;
        if (const auto keys = fullKeys.find(r.id); keys != fullKeys.end()) rs.fullCommonControls = keys->second;

        if (r.direct) {  // (1) recorded on the requirement itself
            rs.status = r.direct->status;
            rs.via = "direct";
            rs.owner = r.direct->owner;
            rs.due = r.direct->due;
            rs.reason = r.direct->reason;
        } else if (!rs.applicable) {  // (2) scoped out of a target
            rs.status = ImplementationStatus::NotApplicable;
            rs.via = "scope";
            rs.reason = rs.applicabilityReason;
        } else if (const auto c = carried.find(r.id); c != carried.end()) {  // (3) carried
            const std::vector<Carried>& all = c->second;
            const bool allNotApplicable = std::all_of(all.begin(), all.end(), [](const Carried& x) {
                return x.status == ImplementationStatus::NotApplicable;
            });
            const Carried* best = nullptr;
            if (allNotApplicable) {
                // Partial links never carry not-applicable, so these are all full links.
                best = &all.front();
            } else {
                // Highest progress wins; on a tie a full link, then the first key, decides.
                for (const auto& x : all) {
                    if (x.status == ImplementationStatus::NotApplicable) continue;
                    if (best == nullptr || progress(x.status) > progress(best->status) ||
                        (progress(x.status) == progress(best->status) && x.full && !best->full)) {
                        best = &x;
                    }
                }
            }
            rs.status = best->status;
            rs.via = best->via;
            rs.owner = best->recorded->owner;
            rs.due = best->recorded->due;
            rs.reason = best->recorded->reason;
        }
        out.push_back(std::move(rs));
    }
    return out;
}

}  // namespace cw
