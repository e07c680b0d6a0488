#include <crosswalk/model/model.hpp>
#include <crosswalk/model/version.hpp>

#include <gtest/gtest.h>

namespace cw {
namespace {

TEST(Version, ValidatesDottedNumbers) {
    for (const char* ok : {"1", "1.0", "1.2.3", "10.20.30.40", "2.0.0-rc1"}) EXPECT_TRUE(isValidVersion(ok)) << ok;
    for (const char* bad : {"", ".", "1.", ".1", "1..2", "v1", "1.2a", "1-", "one"}) {
        EXPECT_FALSE(isValidVersion(bad)) << bad;
    }
}

TEST(Version, ComparesNumericallyComponentByComponent) {
    EXPECT_LT(compareVersions("1.9.0", "1.10.0"), 0);
    EXPECT_GT(compareVersions("2.0", "1.99.99"), 0);
    EXPECT_EQ(compareVersions("1.0", "1.0.0"), 0);
    EXPECT_LT(compareVersions("2.0.0-rc1", "2.0.0"), 0);
    EXPECT_GT(compareVersions("2.0.0", "2.0.0-rc1"), 0);
    EXPECT_LT(compareVersions("2.0.0-rc.1", "2.0.0-rc.2"), 0);
    EXPECT_LT(compareVersions("2.0.0-rc.2", "2.0.0-rc.10"), 0);
    EXPECT_LT(compareVersions("2.0.0-alpha", "2.0.0-beta"), 0);
    EXPECT_LT(compareVersions("2.0.0-1", "2.0.0-alpha"), 0);
    EXPECT_LT(compareVersions("2.0.0-rc", "2.0.0-rc.1"), 0);
    EXPECT_EQ(compareVersions("2.0.0-rc.1", "2.0.0-rc.1"), 0);
}

TEST(Model, EnumsRoundTripThroughText) {
    for (auto r : {Relationship::Equal, Relationship::SubsetOf, Relationship::SupersetOf, Relationship::IntersectsWith,
                   Relationship::NoRelationship}) {
        EXPECT_EQ(parseRelationship(toString(r)), r);
    }
    EXPECT_EQ(toString(Relationship::SubsetOf), "subset-of");
    EXPECT_FALSE(parseRelationship("subset"));
    EXPECT_EQ(parseMethod("official"), Method::Official);
    EXPECT_EQ(parseRationale("functional"), Rationale::Functional);
    EXPECT_EQ(parseFrameworkKind("regulation"), FrameworkKind::Regulation);
}

TEST(Model, SplitsFullRefsAtTheFirstColon) {
    const auto split = splitFullRef("hipaa:164.308(a)(1)(ii)(A)");
    ASSERT_TRUE(split);
    EXPECT_EQ(split->first, "hipaa");
    EXPECT_EQ(split->second, "164.308(a)(1)(ii)(A)");
    EXPECT_FALSE(splitFullRef("A.5.15"));
    EXPECT_FALSE(splitFullRef(":A.5.15"));
    EXPECT_FALSE(splitFullRef("iso:"));
}

}  // namespace
}  // namespace cw

namespace cw {
namespace {

TEST(Model, CalendarDates) {
    for (const char* ok : {"2026-11-28", "2024-02-29", "2000-02-29", "1999-12-31"})
        EXPECT_TRUE(isCalendarDate(ok)) << ok;
    for (const char* bad : {"2026-13-01", "2026-02-29", "1900-02-29", "2026-04-31", "2026-1-01", "26-01-01", "",
                            "2026-00-10", "2026-01-00", "2026/01/01"}) {
        EXPECT_FALSE(isCalendarDate(bad)) << bad;
    }
}

}  // namespace
}  // namespace cw
