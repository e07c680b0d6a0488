// The carrying rule on hand-built inputs: no SQLite, no plugins.
#include <crosswalk/analysis/carrying.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cw {
namespace {

using S = ImplementationStatus;

RecordedStatus recorded(S status, std::string owner = "owner", std::string reason = "") {
    return RecordedStatus{status, std::move(owner), std::nullopt, std::move(reason)};
}

CarryLink link(std::int64_t requirement, std::string key, std::string source, std::string relationship,
               std::optional<RecordedStatus> status) {
    return CarryLink{requirement, std::move(key), std::move(source), std::move(relationship), std::move(status)};
}

CarryInput oneRequirement(std::vector<CarryLink> links) {
    CarryInput in;
    in.framework = "pci-dss-4.0.1";
    in.requirements = {CarryRequirement{1, "8.4.2", "MFA into the CDE", std::nullopt, {}, std::nullopt}};
    in.links = std::move(links);
    return in;
}

RequirementStatus only(const CarryInput& in) {
    const auto out = carryStatuses(in);
    EXPECT_EQ(out.size(), 1U);
    return out.front();
}

TEST(Carrying, FullLinksAreHubManualEqualAndSubsetOf) {
    EXPECT_TRUE(isFullLink(link(1, "CC", "hub", "", std::nullopt)));
    EXPECT_TRUE(isFullLink(link(1, "CC", "manual", "", std::nullopt)));
    EXPECT_TRUE(isFullLink(link(1, "CC", "mapping", "equal", std::nullopt)));
    EXPECT_TRUE(isFullLink(link(1, "CC", "mapping", "subset-of", std::nullopt)));
    EXPECT_FALSE(isFullLink(link(1, "CC", "mapping", "superset-of", std::nullopt)));
    EXPECT_FALSE(isFullLink(link(1, "CC", "mapping", "intersects-with", std::nullopt)));
}

TEST(Carrying, NothingRecordedIsNotStartedWithoutVia) {
    const auto r = only(oneRequirement({link(1, "CC-A.8.5", "mapping", "intersects-with", std::nullopt)}));
    EXPECT_EQ(r.status, S::NotStarted);
    EXPECT_EQ(r.via, "");
    EXPECT_EQ(r.commonControls, std::vector<std::string>{"CC-A.8.5"});
    EXPECT_TRUE(r.fullCommonControls.empty());
}

TEST(Carrying, AFullLinkCarriesImplemented) {
    const auto r =
        only(oneRequirement({link(1, "CC-A.8.5", "mapping", "subset-of", recorded(S::Implemented, "CISO"))}));
    EXPECT_EQ(r.status, S::Implemented);
    EXPECT_EQ(r.via, "CC-A.8.5 (subset-of)");
    EXPECT_EQ(r.owner, "CISO");
    EXPECT_EQ(r.fullCommonControls, std::vector<std::string>{"CC-A.8.5"});
}

TEST(Carrying, AnyOtherLinkCarriesAtMostPartialAndNeverNotApplicable) {
    auto r = only(oneRequirement({link(1, "CC-A.8.5", "mapping", "intersects-with", recorded(S::Implemented))}));
    EXPECT_EQ(r.status, S::Partial);
    EXPECT_EQ(r.via, "CC-A.8.5 (intersects-with)");
    r = only(oneRequirement({link(1, "CC-A.8.5", "mapping", "superset-of", recorded(S::NotApplicable, "", "no CDE"))}));
    EXPECT_EQ(r.status, S::NotStarted);
    EXPECT_EQ(r.via, "");
}

TEST(Carrying, HighestProgressWinsThenAFullLinkThenTheFirstKey) {
    auto r = only(oneRequirement({link(1, "CC-1", "mapping", "subset-of", recorded(S::Planned)),
                                  link(1, "CC-2", "mapping", "intersects-with", recorded(S::Implemented))}));
    EXPECT_EQ(r.status, S::Partial);  // the partial link's capped "implemented" beats "planned"
    EXPECT_EQ(r.via, "CC-2 (intersects-with)");
    r = only(oneRequirement({link(1, "CC-1", "mapping", "intersects-with", recorded(S::Partial)),
                             link(1, "CC-2", "manual", "", recorded(S::Partial))}));
    EXPECT_EQ(r.via, "CC-2 (manual)");
    r = only(oneRequirement(
        {link(1, "CC-1", "hub", "", recorded(S::Partial)), link(1, "CC-2", "hub", "", recorded(S::Partial))}));
    EXPECT_EQ(r.via, "CC-1 (hub)");
}

TEST(Carrying, NotApplicableOnlyWhenEveryCarryingLinkSaysSo) {
    auto r = only(oneRequirement({link(1, "CC-1", "hub", "", recorded(S::NotApplicable, "", "no wireless"))}));
    EXPECT_EQ(r.status, S::NotApplicable);
    EXPECT_EQ(r.reason, "no wireless");
    r = only(oneRequirement({link(1, "CC-1", "hub", "", recorded(S::NotApplicable, "", "no wireless")),
                             link(1, "CC-2", "hub", "", recorded(S::Planned))}));
    EXPECT_EQ(r.status, S::Planned);
    EXPECT_EQ(r.via, "CC-2 (hub)");
}

TEST(Carrying, ADirectStatusWinsOverScopeAndLinks) {
    CarryInput in = oneRequirement({link(1, "CC-1", "hub", "", recorded(S::Implemented))});
    in.target = true;
    in.requirements[0].applies = false;
    in.requirements[0].applicabilityReason = "merchant only";
    in.requirements[0].direct = recorded(S::Planned, "QSA liaison");
    const auto r = only(in);
    EXPECT_EQ(r.status, S::Planned);
    EXPECT_EQ(r.via, "direct");
    EXPECT_EQ(r.owner, "QSA liaison");
    EXPECT_FALSE(r.applicable);
}

TEST(Carrying, ScopedOutOfATargetIsNotApplicableWithTheScopingReason) {
    CarryInput in = oneRequirement({link(1, "CC-1", "hub", "", recorded(S::Implemented))});
    in.target = true;
    in.requirements[0].applies = false;
    in.requirements[0].applicabilityReason = "service providers only";
    const auto r = only(in);
    EXPECT_EQ(r.status, S::NotApplicable);
    EXPECT_EQ(r.via, "scope");
    EXPECT_EQ(r.reason, "service providers only");
}

TEST(Carrying, ApplicabilityCountsOnlyForATargetAndNewRequirementsApply) {
    CarryInput in = oneRequirement({});
    in.requirements[0].applies = false;  // a stale decision on a framework that is no longer a target
    EXPECT_TRUE(only(in).applicable);
    in.target = true;
    in.requirements[0].applies = std::nullopt;  // added to the catalog after scoping
    const auto r = only(in);
    EXPECT_TRUE(r.applicable);
    EXPECT_EQ(r.applicabilityReason, "added to the catalog after scoping: applies until the target is set again");
}

TEST(Carrying, LinksReachOnlyTheirRequirementAndOrderIsKept) {
    CarryInput in;
    in.framework = "hipaa";
    in.requirements = {CarryRequirement{10, "164.308(a)(1)(ii)(A)", "Risk analysis", std::nullopt, {}, std::nullopt},
                       CarryRequirement{11, "164.312(b)", "Audit controls", std::nullopt, {}, std::nullopt}};
    in.links = {link(11, "CC-A.8.15", "mapping", "equal", recorded(S::Implemented))};
    const auto out = carryStatuses(in);
    ASSERT_EQ(out.size(), 2U);
    EXPECT_EQ(out[0].ref, "164.308(a)(1)(ii)(A)");
    EXPECT_EQ(out[0].status, S::NotStarted);
    EXPECT_EQ(out[1].status, S::Implemented);
    EXPECT_EQ(out[1].framework, "hipaa");
}

}  // namespace
}  // namespace cw
