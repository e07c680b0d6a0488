// The implementation suite: recording statuses, and carrying them to requirements through
// the real common-control links of the seeded workspace.
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/workbench/targets.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <map>

namespace cw::test {
namespace {

using S = ImplementationStatus;

struct Link {
    std::string key;   ///< common control
    std::string kind;  ///< "hub", "manual", or the relationship of a mapping link
};

// Every recorded status, read back through the API: a failed operation must leave it exactly
// as it was. (The file's digest would not do: writes sit in the WAL.)
std::string statusState(Workspace& ws) {
    auto all = implementationStatuses(ws);
    if (!all) return "error: " + all.error().message;
    std::string out;
    for (const auto& e : *all) {
        out += e.subject + '|' + std::string(toString(e.status)) + '|' + e.reason + '|' + e.owner + '|' +
               toString(e.due) + '|' + e.note + '|' + e.updatedAt + '\n';
    }
    return out;
}

class ImplementationTest : public WorkbenchTest {
protected:
    // Every requirement's links, read through the API (common control by common control).
    std::map<std::string, std::vector<Link>> linksByRequirement() {
        std::map<std::string, std::vector<Link>> out;
        auto all = ws().commonControls();
        EXPECT_TRUE(all);
        if (!all) return out;
        for (const auto& cc : *all) {
            auto detail = ws().commonControl(cc.key);
            EXPECT_TRUE(detail);
            if (!detail) continue;
            for (const auto& l : detail->second) {
                const std::string kind =
                    l.source == "mapping" && l.relationship ? std::string(toString(*l.relationship)) : l.source;
                out[l.control].push_back({cc.key, kind});
            }
        }
        return out;
    }

    // The first requirement in `framework` whose only link is of `kind`.
    std::pair<std::string, std::string> soleLink(const std::map<std::string, std::vector<Link>>& links,
                                                 std::string_view framework, std::string_view kind) {
        for (const auto& [requirement, list] : links) {
            if (requirement.starts_with(std::string(framework) + ":") && list.size() == 1 && list[0].kind == kind) {
                return {requirement, list[0].key};
            }
        }
        ADD_FAILURE() << "no " << framework << " requirement with a single " << kind << " link";
        return {};
    }

    Result<StatusEntry> set(const std::string& subject, S status, const std::string& owner = {},
                            std::optional<Date> due = std::nullopt, const std::string& reason = {}) {
        StatusEntry e;
        e.subject = subject;
        e.status = status;
        e.owner = owner;
        e.due = due;
        e.reason = reason.empty() && status == S::NotApplicable ? "not used here" : reason;
        return setImplementationStatus(ws(), e);
    }

    RequirementStatus statusOf(const std::string& fullRef) {
        const auto colon = fullRef.find(':');
        auto rows = requirementStatuses(ws(), fullRef.substr(0, colon));
        EXPECT_TRUE(rows) << rows.error().message;
        if (rows) {
            for (auto& r : *rows) {
                if (r.ref == fullRef.substr(colon + 1)) return std::move(r);
            }
        }
        ADD_FAILURE() << "no requirement " << fullRef;
        return {};
    }
};

// ------------------------------------------------------------------ recording

TEST_F(ImplementationTest, StatusesAreRecordedReplacedAndCleared) {
    auto saved = set("CC-A.5.15", S::Planned, "IT lead", Date(2027, 3, 31));
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->subject, "CC-A.5.15");
    EXPECT_FALSE(saved->requirement);
    EXPECT_EQ(saved->status, S::Planned);
    EXPECT_EQ(saved->owner, "IT lead");
    EXPECT_EQ(saved->due, Date(2027, 3, 31));
    EXPECT_FALSE(saved->updatedAt.empty());

    auto direct = set("hipaa:164.308(a)(1)(ii)(A)", S::Implemented, "Compliance");
    ASSERT_TRUE(direct) << direct.error().message;
    EXPECT_TRUE(direct->requirement);
    EXPECT_EQ(direct->subject, "hipaa:164.308(a)(1)(ii)(A)");
    ASSERT_TRUE(set("CC-A.5.1", S::Implemented));

    // Replacing keeps one entry per subject.
    auto replaced = set("CC-A.5.15", S::Implemented, "IT lead");
    ASSERT_TRUE(replaced);
    EXPECT_FALSE(replaced->due);

    auto all = implementationStatuses(ws());
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 3u);
    // Common controls first (in Annex A order), then requirements.
    EXPECT_EQ((*all)[0].subject, "CC-A.5.1");
    EXPECT_EQ((*all)[1].subject, "CC-A.5.15");
    EXPECT_EQ((*all)[1].status, S::Implemented);
    EXPECT_EQ((*all)[2].subject, "hipaa:164.308(a)(1)(ii)(A)");

    ASSERT_TRUE(clearImplementationStatus(ws(), "CC-A.5.15"));
    auto again = clearImplementationStatus(ws(), "CC-A.5.15");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::NotFound);
    EXPECT_NE(again.error().message.find("no status recorded for 'CC-A.5.15'"), std::string::npos);
    ASSERT_TRUE(clearImplementationStatus(ws(), "hipaa:164.308(a)(1)(ii)(A)"));
    EXPECT_EQ(implementationStatuses(ws())->size(), 1u);
}

TEST_F(ImplementationTest, BadStatusesAreRefusedAndChangeNothing) {
    ASSERT_TRUE(set("CC-A.5.15", S::Implemented, "IT lead"));
    const std::string before = statusState(ws());

    StatusEntry noReason;
    noReason.subject = "CC-A.5.15";
    noReason.status = S::NotApplicable;
    noReason.reason = "  ";
    auto r = setImplementationStatus(ws(), noReason);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::BadInput);
    EXPECT_NE(r.error().message.find("'CC-A.5.15' cannot be not-applicable without a reason"), std::string::npos)
        << r.error().message;

    auto unknownKey = set("CC-NOPE", S::Planned);
    ASSERT_FALSE(unknownKey);
    EXPECT_EQ(unknownKey.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknownKey.error().message.find("'CC-NOPE'"), std::string::npos);
    auto unknownRef = set("hipaa:999.1", S::Planned);
    ASSERT_FALSE(unknownRef);
    EXPECT_EQ(unknownRef.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknownRef.error().message.find("hipaa:999.1"), std::string::npos);
    auto unknownFramework = set("iso9001:8.1", S::Planned);
    ASSERT_FALSE(unknownFramework);
    EXPECT_NE(unknownFramework.error().kind, ErrorKind::Internal);
    auto grouping = set("iso27001-2022:A.5", S::Planned);
    ASSERT_FALSE(grouping);
    EXPECT_EQ(grouping.error().kind, ErrorKind::BadInput);
    EXPECT_NE(grouping.error().message.find("not an assessable requirement"), std::string::npos);
    auto clearUnknown = clearImplementationStatus(ws(), "CC-NOPE");
    ASSERT_FALSE(clearUnknown);
    EXPECT_EQ(clearUnknown.error().kind, ErrorKind::NotFound);

    auto all = implementationStatuses(ws());
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().status, S::Implemented);
    EXPECT_EQ(all->front().owner, "IT lead");
    EXPECT_EQ(statusState(ws()), before);
}

TEST_F(ImplementationTest, StatusNamesRoundTrip) {
    for (const auto s : {S::NotStarted, S::Planned, S::Partial, S::Implemented, S::NotApplicable}) {
        EXPECT_EQ(parseImplementationStatus(toString(s)), s);
    }
    EXPECT_EQ(toString(S::NotApplicable), "not-applicable");
    EXPECT_FALSE(parseImplementationStatus("done"));
}

// ------------------------------------------------------------------ carrying

TEST_F(ImplementationTest, EachLinkTypeCarriesWhatTheRuleSays) {
    const auto links = linksByRequirement();
    ASSERT_FALSE(links.empty());
    // A requirement of its own for a manual link: a custom common control linked by hand.
    ASSERT_EQ(links.count("gdpr:Art.7(1)"), 0u) << "gdpr:Art.7(1) should have no seeded link";
    ASSERT_TRUE(ws().addCommonControl("CC-CONSENT", "Consent records", ""));
    ASSERT_TRUE(ws().linkCommonControl("CC-CONSENT", "gdpr:Art.7(1)"));
    const std::pair<std::string, std::string> manual{"gdpr:Art.7(1)", "CC-CONSENT"};

    struct Row {
        std::pair<std::string, std::string> link;  // requirement, common control
        std::string kind;
        S set;
        S expected;
        bool carried;  // false: nothing reaches the requirement (via "")
    };
    const auto hub = soleLink(links, "iso27001-2022", "hub");
    const auto equal = soleLink(links, "iso27001-2013", "equal");
    const auto subset = soleLink(links, "hipaa", "subset-of");
    const auto superset = soleLink(links, "iso27001-2013", "superset-of");
    const auto intersects = soleLink(links, "soc2-2017", "intersects-with");
    const std::vector<Row> table = {
        {hub, "hub", S::Implemented, S::Implemented, true},
        {hub, "hub", S::NotApplicable, S::NotApplicable, true},
        {equal, "equal", S::Implemented, S::Implemented, true},
        {subset, "subset-of", S::Implemented, S::Implemented, true},
        {subset, "subset-of", S::Planned, S::Planned, true},
        {subset, "subset-of", S::NotApplicable, S::NotApplicable, true},
        {subset, "subset-of", S::NotStarted, S::NotStarted, true},
        {superset, "superset-of", S::Implemented, S::Partial, true},
        {superset, "superset-of", S::NotApplicable, S::NotStarted, false},
        {intersects, "intersects-with", S::Implemented, S::Partial, true},
        {intersects, "intersects-with", S::Partial, S::Partial, true},
        {intersects, "intersects-with", S::Planned, S::Planned, true},
        {intersects, "intersects-with", S::NotApplicable, S::NotStarted, false},
        {manual, "manual", S::Implemented, S::Implemented, true},
    };
    for (const auto& row : table) {
        const auto& [requirement, key] = row.link;
        SCOPED_TRACE(requirement + " via " + key + " (" + row.kind + ") set " + std::string(toString(row.set)));
        ASSERT_FALSE(requirement.empty());
        EXPECT_EQ(statusOf(requirement).via, "");  // nothing recorded yet
        ASSERT_TRUE(set(key, row.set, "owner of " + key, Date(2027, 1, 15), "out of scope for us"));
        const RequirementStatus got = statusOf(requirement);
        EXPECT_EQ(got.status, row.expected);
        EXPECT_EQ(got.commonControls, (std::vector<std::string>{key}));
        if (row.carried) {
            EXPECT_EQ(got.via, key + " (" + row.kind + ")");
            EXPECT_EQ(got.owner, "owner of " + key);
            EXPECT_EQ(got.due, Date(2027, 1, 15));
        } else {
            EXPECT_EQ(got.via, "");
            EXPECT_EQ(got.owner, "");
        }
        if (row.expected == S::NotApplicable) {
            EXPECT_EQ(got.reason, "out of scope for us");
        }
        ASSERT_TRUE(clearImplementationStatus(ws(), key));
    }
}

TEST_F(ImplementationTest, TheHighestCarriedProgressWinsAndNotApplicableNeedsEveryFullLink) {
    const auto links = linksByRequirement();
    // A HIPAA requirement reached by a full link and a partial one.
    std::string requirement;
    std::string fullKey;
    std::string partialKey;
    for (const auto& [ref, list] : links) {
        if (!ref.starts_with("hipaa:") || list.size() != 2) continue;
        const auto full = std::find_if(list.begin(), list.end(), [](const Link& l) { return l.kind == "subset-of"; });
        const auto part =
            std::find_if(list.begin(), list.end(), [](const Link& l) { return l.kind == "intersects-with"; });
        if (full != list.end() && part != list.end()) {
            requirement = ref;
            fullKey = full->key;
            partialKey = part->key;
            break;
        }
    }
    ASSERT_FALSE(requirement.empty()) << "no HIPAA requirement with one subset-of and one intersects-with link";
    SCOPED_TRACE(requirement + ": full " + fullKey + ", partial " + partialKey);

    ASSERT_TRUE(set(fullKey, S::Planned, "full owner"));
    ASSERT_TRUE(set(partialKey, S::Implemented, "partial owner"));
    auto got = statusOf(requirement);
    EXPECT_EQ(got.status, S::Partial);  // the partial link's Implemented, capped, beats Planned
    EXPECT_EQ(got.via, partialKey + " (intersects-with)");
    EXPECT_EQ(got.owner, "partial owner");
    EXPECT_EQ(got.commonControls.size(), 2u);

    ASSERT_TRUE(set(fullKey, S::Partial, "full owner"));
    EXPECT_EQ(statusOf(requirement).via, fullKey + " (subset-of)");  // a tie goes to the full link

    ASSERT_TRUE(set(fullKey, S::Implemented, "full owner"));
    got = statusOf(requirement);
    EXPECT_EQ(got.status, S::Implemented);
    EXPECT_EQ(got.via, fullKey + " (subset-of)");

    // Not applicable on the full link, while the partial link still carries progress.
    ASSERT_TRUE(set(fullKey, S::NotApplicable, "full owner"));
    ASSERT_TRUE(set(partialKey, S::Planned, "partial owner"));
    EXPECT_EQ(statusOf(requirement).status, S::Planned);
    // The partial link's not-applicable does not carry; the full link's alone decides.
    ASSERT_TRUE(set(partialKey, S::NotApplicable, "partial owner"));
    got = statusOf(requirement);
    EXPECT_EQ(got.status, S::NotApplicable);
    EXPECT_EQ(got.via, fullKey + " (subset-of)");
    // With only the partial link saying not-applicable, nothing reaches the requirement.
    ASSERT_TRUE(clearImplementationStatus(ws(), fullKey));
    got = statusOf(requirement);
    EXPECT_EQ(got.status, S::NotStarted);
    EXPECT_EQ(got.via, "");
}

TEST_F(ImplementationTest, DirectStatusWinsThenScopeThenLinks) {
    ASSERT_TRUE(setTarget(ws(), host(), "iso27001-2022",
                          json::object{{"exclusions", json::object{{"A.7.12", "no cabling of our own"}}}}));
    ASSERT_TRUE(set("CC-A.7.12", S::Implemented, "facilities"));
    auto excluded = statusOf("iso27001-2022:A.7.12");
    EXPECT_FALSE(excluded.applicable);
    EXPECT_EQ(excluded.applicabilityReason, "no cabling of our own");
    EXPECT_EQ(excluded.status, S::NotApplicable);
    EXPECT_EQ(excluded.via, "scope");
    EXPECT_EQ(excluded.reason, "no cabling of our own");

    StatusEntry direct;
    direct.subject = "iso27001-2022:A.7.12";
    direct.status = S::Partial;
    direct.owner = "CISO";
    direct.due = Date(2027, 6, 30);
    ASSERT_TRUE(setImplementationStatus(ws(), direct));
    auto decided = statusOf("iso27001-2022:A.7.12");
    EXPECT_EQ(decided.status, S::Partial);
    EXPECT_EQ(decided.via, "direct");
    EXPECT_EQ(decided.owner, "CISO");
    EXPECT_EQ(decided.due, Date(2027, 6, 30));
    EXPECT_FALSE(decided.applicable);  // still reported as scoped out

    auto applies = statusOf("iso27001-2022:A.5.15");
    EXPECT_TRUE(applies.applicable);
    EXPECT_NE(applies.applicabilityReason.find("not excluded"), std::string::npos) << applies.applicabilityReason;
    EXPECT_EQ(statusOf("iso27001-2022:6.1.3").applicabilityReason, "not addressed by the scoping rule: applies");
    // Not a target: applicable, with no reason.
    auto soc2 = statusOf("soc2-2017:CC6.1");
    EXPECT_TRUE(soc2.applicable);
    EXPECT_EQ(soc2.applicabilityReason, "");
}

TEST_F(ImplementationTest, HipaaStatusesAfterSettingAFewCommonControls) {
    ASSERT_TRUE(setTarget(ws(), host(), "hipaa", json::object{{"entity_type", "business-associate"}}));
    const auto links = linksByRequirement();
    // Everything the three controls reach in HIPAA, by link kind.
    const std::vector<std::string> keys = {"CC-A.5.15", "CC-A.8.15", "CC-A.5.24"};
    for (const auto& key : keys) ASSERT_TRUE(set(key, S::Implemented, "owner"));

    auto rows = requirementStatuses(ws(), "hipaa");
    ASSERT_TRUE(rows) << rows.error().message;
    auto catalog = ws().controls("hipaa");
    const auto assessable = std::count_if(catalog->begin(), catalog->end(), [](const auto& c) { return c.assessable; });
    ASSERT_EQ(static_cast<long>(rows->size()), assessable);
    std::size_t implemented = 0;
    std::size_t partial = 0;
    for (const auto& r : *rows) {
        SCOPED_TRACE(r.ref);
        if (!r.applicable) {
            EXPECT_EQ(r.status, S::NotApplicable);
            EXPECT_EQ(r.via, "scope");
            continue;
        }
        // What the rule predicts from the links of this requirement.
        bool full = false;
        bool any = false;
        const auto it = links.find("hipaa:" + r.ref);
        if (it != links.end()) {
            for (const auto& l : it->second) {
                if (std::find(keys.begin(), keys.end(), l.key) == keys.end()) continue;
                any = true;
                full = full || l.kind == "subset-of" || l.kind == "equal";
            }
        }
        const S expected = full ? S::Implemented : any ? S::Partial : S::NotStarted;
        EXPECT_EQ(r.status, expected);
        implemented += r.status == S::Implemented ? 1 : 0;
        partial += r.status == S::Partial ? 1 : 0;
    }
    EXPECT_GT(implemented + partial, 0u);
}

TEST_F(ImplementationTest, AllFrameworksAreFast) {
    // Every link of the largest framework with a status behind it: still a few queries.
    auto all = ws().commonControls();
    ASSERT_TRUE(all);
    ASSERT_TRUE(ws().transaction([&]() -> Result<void> {
        for (const auto& cc : *all) {
            if (auto r = set(cc.key, S::Partial); !r) return r.error();
        }
        return {};
    }));
    const auto start = std::chrono::steady_clock::now();
    std::size_t requirements = 0;
    for (const auto& f : *ws().frameworks()) {
        auto rows = requirementStatuses(ws(), f.id);
        ASSERT_TRUE(rows) << rows.error().message;
        requirements += rows->size();
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_GT(requirements, 2000u);
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 2000);
}

TEST_F(ImplementationTest, UnknownFrameworkIsNotFound) {
    auto r = requirementStatuses(ws(), "iso9001");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::NotFound);
    EXPECT_NE(r.error().message.find("'iso9001'"), std::string::npos);
}

// ------------------------------------------------------------------ CLI

TEST_F(ImplementationTest, CliStatusCommands) {
    auto saved = cliJson("status set CC-A.5.15 implemented --owner 'IT lead' --due 2027-03-31 --note reviewed --json");
    EXPECT_EQ(saved.at("subject"), "CC-A.5.15");
    EXPECT_EQ(saved.at("kind"), "common-control");
    EXPECT_EQ(saved.at("status"), "implemented");
    EXPECT_EQ(saved.at("owner"), "IT lead");
    EXPECT_EQ(saved.at("due"), "2027-03-31");
    EXPECT_EQ(saved.at("note"), "reviewed");
    EXPECT_EQ(saved.at("reason"), "");
    EXPECT_TRUE(saved.at("updated_at").is_string());
    cliJson("status set 'hipaa:164.308(a)(1)(ii)(A)' not-applicable --reason 'done by the parent company' --json");
    cliJson("status set CC-A.5.1 planned --json");

    auto list = cliJson("status list --json");
    ASSERT_EQ(list.at("statuses").as_array().size(), 3u);
    EXPECT_EQ(list.at("statuses").at(2).at("kind"), "requirement");
    EXPECT_EQ(list.at("statuses").at(2).at("due"), nullptr);

    EXPECT_EQ(cliJson("status clear CC-A.5.1 --json").at("cleared"), "CC-A.5.1");

    auto show = cliJson("status show iso27001-2022 --json");
    EXPECT_EQ(show.at("framework"), "iso27001-2022");
    EXPECT_EQ(show.at("summary").at("implemented"), 1);
    EXPECT_EQ(show.at("summary").at("not_started"), 122);
    ASSERT_EQ(show.at("requirements").as_array().size(), 123u);
    json::object a515;
    for (const auto& r : show.at("requirements").as_array()) {
        if (r.at("ref") == "A.5.15") a515 = r.as_object();
    }
    ASSERT_FALSE(a515.empty());
    EXPECT_EQ(a515.at("status"), "implemented");
    EXPECT_EQ(a515.at("via"), "CC-A.5.15 (hub)");
    EXPECT_EQ(a515.at("owner"), "IT lead");
    EXPECT_EQ(a515.at("due"), "2027-03-31");
    EXPECT_EQ(a515.at("applicable"), true);
    EXPECT_EQ(a515.at("applicability_reason"), "");
    EXPECT_EQ(a515.at("reason"), "");
    EXPECT_EQ(a515.at("title"), "Access control");
    EXPECT_EQ(a515.at("common_controls"), (json::array{"CC-A.5.15"}));
    // --open leaves out what is implemented.
    EXPECT_EQ(cliJson("status show iso27001-2022 --open --json").at("requirements").as_array().size(), 122u);

    const auto hipaa = cliJson("status show hipaa --json").at("requirements").as_array();
    const auto direct = std::find_if(hipaa.begin(), hipaa.end(),
                                     [](const json::value& r) { return r.at("ref") == "164.308(a)(1)(ii)(A)"; });
    ASSERT_NE(direct, hipaa.end());
    EXPECT_EQ(direct->at("status"), "not-applicable");
    EXPECT_EQ(direct->at("via"), "direct");
    EXPECT_EQ(direct->at("reason"), "done by the parent company");

    auto run = [&](const std::string& args, const std::string& needle) {
        const RunResult r = cli(args);
        expectOneLineError(r, args, needle);
    };
    const std::string before = statusState(ws());
    run("status set CC-A.5.2 not-applicable", "cannot be not-applicable without a reason");
    run("status set CC-A.5.2 done", "status: 'done' is not one of not-started, planned");
    run("status set CC-A.5.2 planned --due 2027-02-30", "--due: '2027-02-30' is not a calendar date");
    run("status set CC-NOPE planned", "unknown common control 'CC-NOPE'");
    run("status set hipaa:164.308 planned", "not an assessable requirement");
    run("status clear CC-A.5.2", "no status recorded for 'CC-A.5.2'");
    run("status show iso9001", "unknown framework 'iso9001'");
    EXPECT_EQ(statusState(ws()), before);
    EXPECT_EQ(cliJson("status list --json").at("statuses").as_array().size(), 2u);
}

}  // namespace
}  // namespace cw::test
