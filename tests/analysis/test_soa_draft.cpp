// The SoA drafting rule on hand-built inputs: no SQLite, no plugins.
#include <crosswalk/analysis/soa_draft.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cw {
namespace {

TEST(SoaDraft, AnExclusionByTheIsoScopingWinsWithItsReason) {
    const auto d = draftSoaRow(std::string("no offices: fully remote"), {"R-01"}, {{"soc2-2017", "CC6.4"}});
    EXPECT_EQ(d.applicable, std::optional<bool>(false));
    EXPECT_EQ(d.justification, "no offices: fully remote");
}

TEST(SoaDraft, NothingChoosesTheControlSoItStaysUndecided) {
    const auto d = draftSoaRow(std::nullopt, {}, {});
    EXPECT_FALSE(d.applicable.has_value());
    EXPECT_EQ(d.justification, "");
}

TEST(SoaDraft, ARiskTreatmentMakesItApplicable) {
    EXPECT_EQ(draftSoaRow(std::nullopt, {"R-03"}, {}).justification, "Treats risk R-03.");
    const auto d = draftSoaRow(std::nullopt, {"R-03", "R-06"}, {});
    EXPECT_EQ(d.applicable, std::optional<bool>(true));
    EXPECT_EQ(d.justification, "Treats risks R-03, R-06.");
}

TEST(SoaDraft, OtherTargetsRequirementsAreGroupedByFrameworkInOrder) {
    const auto d =
        draftSoaRow(std::nullopt, {"R-01"}, {{"soc2-2017", "CC6.1"}, {"soc2-2017", "CC6.2"}, {"hipaa", "164.312(d)"}});
    EXPECT_EQ(d.applicable, std::optional<bool>(true));
    EXPECT_EQ(d.justification, "Treats risk R-01. Required for SOC 2 CC6.1, CC6.2; HIPAA 164.312(d).");
}

TEST(SoaDraft, AtMostSixRefsAFrameworkAreNamed) {
    std::vector<SoaDriver> drivers;
    for (int i = 1; i <= 8; ++i) drivers.push_back({"pci-dss-4.0.1", "8." + std::to_string(i)});
    EXPECT_EQ(soaJustification({}, drivers), "Required for PCI DSS 8.1, 8.2, 8.3, 8.4, 8.5, 8.6 and 2 more.");
}

TEST(SoaDraft, AnUnknownFrameworkIsNamedByItsId) {
    EXPECT_EQ(frameworkLabel("gdpr"), "GDPR");
    EXPECT_EQ(frameworkLabel("acme-baseline"), "acme-baseline");
    EXPECT_EQ(soaJustification({}, {{"acme-baseline", "AB-1"}}), "Required for acme-baseline AB-1.");
}

}  // namespace
}  // namespace cw
