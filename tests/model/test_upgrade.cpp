// The one upgrade rule plugins' catalogs and mapping packs follow.
#include <crosswalk/model/catalog_rows.hpp>

#include <gtest/gtest.h>

namespace cw {
namespace {

using Held = std::optional<std::pair<std::string, std::string>>;

TEST(Upgrade, NothingHeldIsAdded) {
    const auto d = decideUpgrade(std::nullopt, "1.0.0", "aa", "catalog");
    EXPECT_EQ(d.action, SyncAction::Added);
    EXPECT_EQ(d.note, "");
}

TEST(Upgrade, SameVersionAndContentIsUnchanged) {
    EXPECT_EQ(decideUpgrade(Held{{"1.2.0", "aa"}}, "1.2.0", "aa", "catalog").action, SyncAction::Unchanged);
}

TEST(Upgrade, ANewerVersionUpdatesWithoutANote) {
    const auto d = decideUpgrade(Held{{"1.2.0", "aa"}}, "1.10.0", "bb", "catalog");
    EXPECT_EQ(d.action, SyncAction::Updated);
    EXPECT_EQ(d.note, "");
}

TEST(Upgrade, ChangedContentWithoutABumpUpdatesAndSaysSo) {
    const auto d = decideUpgrade(Held{{"1.2.0", "aa"}}, "1.2.0", "bb", "content");
    EXPECT_EQ(d.action, SyncAction::Updated);
    EXPECT_EQ(d.note, "content changed without a version bump");
}

TEST(Upgrade, AnOlderVersionIsNeverADowngrade) {
    const auto d = decideUpgrade(Held{{"2.0.0", "aa"}}, "1.9.9", "aa", "catalog");
    EXPECT_EQ(d.action, SyncAction::Skipped);
    EXPECT_EQ(d.note, "the workspace holds version 2.0.0; not downgraded to 1.9.9");
}

}  // namespace
}  // namespace cw
