// The evidence library (host/store/src/evidence.cpp): items from files and URIs, links to
// common controls and requirements, per-framework scope, reuse, freshness, and the
// `crosswalk evidence` commands.
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/timeline.hpp>

#include "workbench_fixture.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace cw::test {
namespace {

const Date kToday(2026, 6, 15);

class EvidenceTest : public WorkbenchTest {
protected:
    EvidenceItem uriItem(const std::string& key, const std::string& title) {
        EvidenceItem item;
        item.key = key;
        item.title = title;
        item.kind = EvidenceKind::Record;
        item.location = "jira:SEC-" + std::to_string(++m_ticket);
        item.owner = "Sam Lee";
        item.collectedOn = Date(2026, 5, 1);
        item.reviewDays = 90;
        return item;
    }

    EvidenceItem add(EvidenceItem item, const std::vector<std::string>& links = {}) {
        auto added = addEvidence(ws(), item);
        EXPECT_TRUE(added) << added.error().message;
        if (!added) return {};
        for (const auto& link : links) {
            auto linked = linkEvidence(ws(), added->key, link);
            EXPECT_TRUE(linked) << link << ": " << linked.error().message;
        }
        auto stored = evidenceItem(ws(), added->key);
        EXPECT_TRUE(stored) << stored.error().message;
        return stored ? *stored : EvidenceItem{};
    }

    std::vector<std::string> keys() {
        std::vector<std::string> out;
        auto library = evidenceLibrary(ws());
        EXPECT_TRUE(library) << library.error().message;
        if (library) {
            for (const auto& item : *library) out.push_back(item.key);
        }
        return out;
    }

    /// The assessable requirements a common control is linked to, per framework, read through
    /// the common-control API rather than the evidence queries.
    std::map<std::string, std::set<std::string>> linkedRequirements(const std::string& commonControl) {
        std::map<std::string, std::set<std::string>> out;
        auto detail = ws().commonControl(commonControl);
        EXPECT_TRUE(detail) << detail.error().message;
        if (!detail) return out;
        for (const auto& link : detail->second) out[link.framework].insert(link.control);
        return out;
    }

    static void expectBadInput(const Result<EvidenceItem>& r, const std::string& needle) {
        ASSERT_FALSE(r) << "accepted; expected an error containing: " << needle;
        EXPECT_EQ(r.error().kind, ErrorKind::BadInput) << r.error().message;
        EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
        EXPECT_EQ(r.error().message.find('\n'), std::string::npos) << "one line: " << r.error().message;
    }

    /// The whole library as text, read back through the API: equal before and after a refused command.
    std::string snapshot() {
        std::ostringstream out;
        auto library = evidenceLibrary(ws());
        EXPECT_TRUE(library) << library.error().message;
        if (!library) return {};
        for (const auto& i : *library) {
            out << i.key << '|' << i.title << '|' << toString(i.kind) << '|' << i.location << '|' << i.sha256 << '|'
                << i.owner << '|' << toString(i.collectedOn) << '|' << toString(i.validUntil) << '|'
                << (i.reviewDays ? std::to_string(*i.reviewDays) : "-") << '|' << i.description;
            for (const auto& l : i.links) out << "|link " << l;
            for (const auto& s : i.scope) out << "|scope " << s.framework << ' ' << s.valid << ' ' << s.note;
            out << '\n';
        }
        return out.str();
    }

    /// A refused command: exit 2, one line on stderr naming `needle`, the library unchanged.
    void expectRefused(const std::string& args, const std::string& needle) {
        const std::string before = snapshot();
        const RunResult r = cli(args);
        expectOneLineError(r, args, needle);
        EXPECT_EQ(snapshot(), before) << args;
    }

    int m_ticket = 0;
};

std::size_t countOf(const std::vector<std::string>& list, const std::string& value) {
    return static_cast<std::size_t>(std::count(list.begin(), list.end(), value));
}

// ---- adding items ---------------------------------------------------------------------

TEST_F(EvidenceTest, AFileIsHashedWithItsSha256AndAbsolutePath) {
    const fs::path file = dir() / "access-review.csv";
    writeFile(file, "user,reviewer,decision\nalice,bob,keep\ncarol,bob,revoke\n");
    const RunResult sum = run("sha256sum " + shellQuote(file.string()));
    ASSERT_EQ(sum.exitCode, 0) << sum.err;
    const std::string expected = sum.out.substr(0, 64);

    EvidenceItem item;
    item.title = "Quarterly access review";
    item.kind = EvidenceKind::Record;
    auto added = addEvidence(ws(), item, file);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(added->key, "EV-001");
    EXPECT_EQ(added->sha256, expected);
    EXPECT_EQ(added->location, fs::absolute(file).lexically_normal().string());
    EXPECT_TRUE(fs::path(added->location).is_absolute());

    // Same content: rehash says unchanged; new content: a new digest, again sha256sum's.
    auto same = rehashEvidence(ws(), "EV-001");
    ASSERT_TRUE(same) << same.error().message;
    EXPECT_FALSE(*same);
    writeFile(file, "user,reviewer,decision\nalice,bob,keep\n");
    auto changed = rehashEvidence(ws(), "EV-001");
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_TRUE(*changed);
    const RunResult after = run("sha256sum " + shellQuote(file.string()));
    EXPECT_EQ(evidenceItem(ws(), "EV-001")->sha256, after.out.substr(0, 64));
    EXPECT_NE(after.out.substr(0, 64), expected);
}

TEST_F(EvidenceTest, AFileThatCannotBeReadIsRefusedAndNothingIsWritten) {
    add(uriItem("EV-001", "Existing item"));
    const auto before = keys();
    EvidenceItem item;
    item.title = "Firewall export";
    item.kind = EvidenceKind::Configuration;

    const fs::path missing = dir() / "no-such-export.json";
    auto r = addEvidence(ws(), item, missing);
    expectBadInput(r, missing.string());
    EXPECT_NE(r.error().message.find("cannot read file"), std::string::npos) << r.error().message;

    auto folder = addEvidence(ws(), item, dir().path());
    expectBadInput(folder, "not a regular file");
    EXPECT_EQ(keys(), before);

    // A file that disappears is also refused at rehash time, and the digest stays.
    const fs::path file = dir() / "export.json";
    writeFile(file, "{}");
    auto added = addEvidence(ws(), item, file);
    ASSERT_TRUE(added) << added.error().message;
    fs::remove(file);
    auto rehash = rehashEvidence(ws(), added->key);
    ASSERT_FALSE(rehash);
    EXPECT_EQ(rehash.error().kind, ErrorKind::BadInput);
    EXPECT_NE(rehash.error().message.find(file.string()), std::string::npos) << rehash.error().message;
    EXPECT_EQ(evidenceItem(ws(), added->key)->sha256, added->sha256);

    // A URI item has nothing to rehash.
    auto uri = rehashEvidence(ws(), "EV-001");
    ASSERT_FALSE(uri);
    EXPECT_EQ(uri.error().kind, ErrorKind::BadInput);
    EXPECT_NE(uri.error().message.find("nothing to rehash"), std::string::npos) << uri.error().message;
}

TEST_F(EvidenceTest, ValidUntilBeforeCollectedOnIsRefusedOnAddAndUpdate) {
    EvidenceItem item = uriItem("EV-001", "Penetration test report");
    item.reviewDays.reset();
    item.collectedOn = Date(2026, 3, 1);
    item.validUntil = Date(2026, 2, 28);
    expectBadInput(addEvidence(ws(), item), "valid-until 2026-02-28 is before collected-on 2026-03-01");
    EXPECT_TRUE(keys().empty());

    // The same day is fine (valid on the day it was collected).
    item.validUntil = Date(2026, 3, 1);
    const EvidenceItem stored = add(item);
    ASSERT_EQ(stored.key, "EV-001");

    EvidenceItem changed = stored;
    changed.collectedOn = Date(2026, 4, 1);
    expectBadInput(updateEvidence(ws(), changed), "is before collected-on 2026-04-01");
    EXPECT_EQ(evidenceItem(ws(), "EV-001")->collectedOn, Date(2026, 3, 1));
}

TEST_F(EvidenceTest, FieldRulesAreCheckedBeforeAnythingIsWritten) {
    add(uriItem("EV-001", "First"));
    const auto before = keys();

    EvidenceItem noScheme = uriItem("EV-002", "Shared drive folder");
    noScheme.location = "drive/evidence/folder";
    expectBadInput(addEvidence(ws(), noScheme), "is not a URI; expected a scheme");
    EvidenceItem noLocation = uriItem("EV-002", "Nowhere");
    noLocation.location.clear();
    expectBadInput(addEvidence(ws(), noLocation), "needs a location URI or a file");
    EvidenceItem duplicate = uriItem("EV-001", "Same key");
    expectBadInput(addEvidence(ws(), duplicate), "evidence 'EV-001' already exists");
    EvidenceItem badKey = uriItem("EV 2", "Space in key");
    expectBadInput(addEvidence(ws(), badKey), "invalid evidence key 'EV 2'");
    EvidenceItem noTitle = uriItem("EV-002", "");
    expectBadInput(addEvidence(ws(), noTitle), "needs a title");
    EvidenceItem zeroCadence = uriItem("EV-002", "Zero cadence");
    zeroCadence.reviewDays = 0;
    expectBadInput(addEvidence(ws(), zeroCadence), "review-days must be a positive number");
    EvidenceItem cadenceWithoutDate = uriItem("EV-002", "Cadence without a date");
    cadenceWithoutDate.collectedOn.reset();
    expectBadInput(addEvidence(ws(), cadenceWithoutDate), "give collected-on too");
    EvidenceItem digest = uriItem("EV-002", "Digest given");
    digest.sha256 = std::string(64, 'a');
    expectBadInput(addEvidence(ws(), digest), "computed from the file");
    const fs::path file = dir() / "x.txt";
    writeFile(file, "x");
    EvidenceItem both = uriItem("EV-002", "Both");
    expectBadInput(addEvidence(ws(), both, file), "not both");

    EXPECT_EQ(keys(), before);
    // Schemes of every kind are locations.
    for (const char* uri :
         {"https://drive.example/x.pdf", "file:///srv/evidence/x.pdf", "s3://bucket/key", "jira:SEC-9"}) {
        EvidenceItem ok = uriItem("", "ok");
        ok.location = uri;
        EXPECT_TRUE(addEvidence(ws(), ok)) << uri;
    }
}

TEST_F(EvidenceTest, KeysAreNumberedAfterTheHighestAndUpdateKeepsLinksAndScope) {
    EXPECT_EQ(add(uriItem("", "a")).key, "EV-001");
    EXPECT_EQ(add(uriItem("", "b")).key, "EV-002");
    add(uriItem("EV-041", "numbered by hand"));
    add(uriItem("EV-LOG", "not numbered"));
    EXPECT_EQ(add(uriItem("", "c")).key, "EV-042");

    ASSERT_TRUE(linkEvidence(ws(), "EV-001", "CC-A.5.15"));
    ASSERT_TRUE(setEvidenceScope(ws(), "EV-001", {"pci-dss-4.0.1", false, "office only"}));
    EvidenceItem changed = *evidenceItem(ws(), "EV-001");
    changed.title = "Renamed";
    changed.kind = EvidenceKind::Ticket;
    changed.location = "https://tickets.example/SEC-1";
    auto updated = updateEvidence(ws(), changed);
    ASSERT_TRUE(updated) << updated.error().message;
    EXPECT_EQ(updated->title, "Renamed");
    EXPECT_EQ(updated->kind, EvidenceKind::Ticket);
    EXPECT_EQ(updated->location, "https://tickets.example/SEC-1");
    EXPECT_EQ(updated->links, (std::vector<std::string>{"CC-A.5.15"}));
    ASSERT_EQ(updated->scope.size(), 1u);
    EXPECT_EQ(updated->scope[0].framework, "pci-dss-4.0.1");
    EXPECT_FALSE(updated->scope[0].valid);
    EXPECT_EQ(updated->scope[0].note, "office only");

    auto unknown = updateEvidence(ws(), uriItem("EV-999", "nope"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
}

// ---- links, reach, scope --------------------------------------------------------------

TEST_F(EvidenceTest, ACommonControlLinkReachesEveryFrameworkItsRequirementsBelongTo) {
    auto controls = ws().commonControls();
    ASSERT_TRUE(controls) << controls.error().message;
    ASSERT_TRUE(
        std::any_of(controls->begin(), controls->end(), [](const CommonControl& c) { return c.key == "CC-A.5.15"; }));
    const auto expected = linkedRequirements("CC-A.5.15");
    ASSERT_GE(expected.size(), 3u) << "the seeded access-control common control links several frameworks";

    const EvidenceItem item = add(uriItem("", "Access control policy"), {"CC-A.5.15"});
    std::vector<std::string> frameworks;
    std::size_t requirements = 0;
    for (const auto& [framework, refs] : expected) {
        frameworks.push_back(framework);
        requirements += refs.size();
    }
    EXPECT_EQ(item.frameworks, frameworks);  // no targets yet: every framework counts
    EXPECT_EQ(item.requirements, requirements);
    EXPECT_EQ(item.reuse(), expected.size());
    EXPECT_TRUE(item.scopedOut.empty());
    EXPECT_EQ(item.links, (std::vector<std::string>{"CC-A.5.15"}));

    // A direct link to a requirement the control already reaches adds nothing; one it does
    // not reach adds one requirement.
    const std::string reached = *expected.at("iso27001-2022").begin();
    ASSERT_TRUE(linkEvidence(ws(), item.key, reached));
    EXPECT_EQ(evidenceItem(ws(), item.key)->requirements, requirements);
    ASSERT_FALSE(expected.at("iso27001-2022").contains("iso27001-2022:A.8.24"));
    ASSERT_TRUE(linkEvidence(ws(), item.key, "iso27001-2022:A.8.24"));
    EXPECT_EQ(evidenceItem(ws(), item.key)->requirements, requirements + 1);
    // Linking twice changes nothing.
    ASSERT_TRUE(linkEvidence(ws(), item.key, "iso27001-2022:A.8.24"));
    EXPECT_EQ(evidenceItem(ws(), item.key)->links.size(), 3u);

    ASSERT_TRUE(unlinkEvidence(ws(), item.key, "CC-A.5.15"));
    const EvidenceItem direct = *evidenceItem(ws(), item.key);
    EXPECT_EQ(direct.frameworks, (std::vector<std::string>{"iso27001-2022"}));
    EXPECT_EQ(direct.requirements, 2u);
}

TEST_F(EvidenceTest, LinkRulesNameWhatIsWrong) {
    const EvidenceItem item = add(uriItem("", "Item"));
    auto unknownControl = linkEvidence(ws(), item.key, "CC-NOPE");
    ASSERT_FALSE(unknownControl);
    EXPECT_EQ(unknownControl.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknownControl.error().message.find("'CC-NOPE'"), std::string::npos);
    auto unknownRequirement = linkEvidence(ws(), item.key, "soc2-2017:CC99.9");
    ASSERT_FALSE(unknownRequirement);
    EXPECT_EQ(unknownRequirement.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknownRequirement.error().message.find("soc2-2017:CC99.9"), std::string::npos);
    auto heading = linkEvidence(ws(), item.key, "iso27001-2022:A.5");
    ASSERT_FALSE(heading);
    EXPECT_EQ(heading.error().kind, ErrorKind::BadInput);
    EXPECT_NE(heading.error().message.find("not an assessable requirement"), std::string::npos);
    auto unknownItem = linkEvidence(ws(), "EV-404", "CC-A.5.15");
    ASSERT_FALSE(unknownItem);
    EXPECT_EQ(unknownItem.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknownItem.error().message.find("'EV-404'"), std::string::npos);
    auto notLinked = unlinkEvidence(ws(), item.key, "CC-A.5.15");
    ASSERT_FALSE(notLinked);
    EXPECT_EQ(notLinked.error().kind, ErrorKind::BadInput);
    EXPECT_NE(notLinked.error().message.find("is not linked"), std::string::npos);
    EXPECT_TRUE(evidenceItem(ws(), item.key)->links.empty());
}

TEST_F(EvidenceTest, ScopingAFrameworkOutMovesItToScopedOutAndReuseDrops) {
    const auto expected = linkedRequirements("CC-A.8.20");
    ASSERT_TRUE(expected.contains("pci-dss-4.0.1"));
    const EvidenceItem before = add(uriItem("", "Office firewall rules"), {"CC-A.8.20"});
    ASSERT_EQ(countOf(before.frameworks, "pci-dss-4.0.1"), 1u);

    ASSERT_TRUE(setEvidenceScope(ws(), before.key,
                                 {"pci-dss-4.0.1", false, "office network only; not the cardholder data environment"}));
    const EvidenceItem after = *evidenceItem(ws(), before.key);
    EXPECT_EQ(after.scopedOut, (std::vector<std::string>{"pci-dss-4.0.1"}));
    EXPECT_EQ(countOf(after.frameworks, "pci-dss-4.0.1"), 0u);
    EXPECT_EQ(after.reuse(), before.reuse() - 1);
    EXPECT_EQ(after.requirements, before.requirements - expected.at("pci-dss-4.0.1").size());

    // Valid again: back as it was; the decision is kept as a row.
    ASSERT_TRUE(setEvidenceScope(ws(), before.key, {"pci-dss-4.0.1", true, "re-assessed: CDE segment included"}));
    const EvidenceItem again = *evidenceItem(ws(), before.key);
    EXPECT_EQ(again.frameworks, before.frameworks);
    EXPECT_TRUE(again.scopedOut.empty());
    ASSERT_EQ(again.scope.size(), 1u);
    EXPECT_TRUE(again.scope[0].valid);

    // A framework the item does not reach is recorded but not listed as scoped out.
    auto frameworks = ws().frameworks();
    ASSERT_TRUE(frameworks) << frameworks.error().message;
    const auto unreached = std::find_if(frameworks->begin(), frameworks->end(),
                                        [&](const FrameworkSummary& f) { return !expected.contains(f.id); });
    ASSERT_NE(unreached, frameworks->end());
    ASSERT_TRUE(setEvidenceScope(ws(), before.key, {unreached->id, false, "not relevant"}));
    EXPECT_TRUE(evidenceItem(ws(), before.key)->scopedOut.empty());

    auto unknown = setEvidenceScope(ws(), before.key, {"pci-dss-9", false, ""});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
    EXPECT_NE(unknown.error().message.find("'pci-dss-9'"), std::string::npos);
    EXPECT_EQ(evidenceItem(ws(), before.key)->scope.size(), 2u);
}

TEST_F(EvidenceTest, WithTargetsOnlyTargetFrameworksAndApplicableRequirementsCount) {
    const auto expected = linkedRequirements("CC-A.5.15");
    ASSERT_TRUE(expected.contains("soc2-2017"));
    ASSERT_TRUE(expected.contains("iso27001-2022"));
    const EvidenceItem item = add(uriItem("", "Access control policy"), {"CC-A.5.15"});
    ASSERT_GT(item.reuse(), 2u);

    auto iso = setTarget(ws(), host(), "iso27001-2022", json::object{{"exclusions", json::object{}}});
    ASSERT_TRUE(iso) << iso.error().message;
    auto soc2 = setTarget(ws(), host(), "soc2-2017",
                          json::object{{"categories", json::array{"availability"}}, {"report_type", "type2"}});
    ASSERT_TRUE(soc2) << soc2.error().message;
    // What the scoping says applies, read through the organization API.
    std::size_t applicable = 0;
    for (const char* fw : {"iso27001-2022", "soc2-2017"}) {
        auto rows = applicability(ws(), fw);
        ASSERT_TRUE(rows) << rows.error().message;
        for (const auto& row : *rows) {
            if (row.applies && expected.at(fw).contains(std::string(fw) + ":" + row.ref)) ++applicable;
        }
    }
    const EvidenceItem targeted = *evidenceItem(ws(), item.key);
    EXPECT_EQ(targeted.frameworks, (std::vector<std::string>{"iso27001-2022", "soc2-2017"}));
    EXPECT_EQ(targeted.requirements, applicable);

    // An ISO exclusion of the control itself takes ISO's requirement out.
    auto excluded = setTarget(ws(), host(), "iso27001-2022",
                              json::object{{"exclusions", json::object{{"A.5.15", "no logical access to manage"}}}});
    ASSERT_TRUE(excluded) << excluded.error().message;
    const EvidenceItem withExclusion = *evidenceItem(ws(), item.key);
    const std::size_t isoCounted = expected.at("iso27001-2022").size() - 1;
    EXPECT_EQ(countOf(withExclusion.frameworks, "iso27001-2022"), isoCounted > 0 ? 1u : 0u);
    EXPECT_EQ(withExclusion.requirements, applicable - 1);
}

// ---- freshness ------------------------------------------------------------------------

TEST_F(EvidenceTest, FreshnessAtTheBoundaries) {
    EvidenceItem item;
    item.validUntil = Date(2026, 6, 30);
    EXPECT_EQ(item.expiresOn(), Date(2026, 6, 30));
    EXPECT_EQ(item.freshness(Date(2026, 5, 30)), Freshness::Current);    // 31 days before
    EXPECT_EQ(item.freshness(Date(2026, 5, 31)), Freshness::SoonStale);  // the 30-day edge
    EXPECT_EQ(item.freshness(Date(2026, 6, 30)), Freshness::SoonStale);  // valid through its last day
    EXPECT_EQ(item.freshness(Date(2026, 7, 1)), Freshness::Stale);
    EXPECT_EQ(item.freshness(Date(2026, 6, 20), 10), Freshness::SoonStale);
    EXPECT_EQ(item.freshness(Date(2026, 6, 19), 10), Freshness::Current);
    EXPECT_EQ(item.freshness(Date(2026, 6, 30), 0), Freshness::SoonStale);
    EXPECT_EQ(item.freshness(Date(2026, 6, 29), 0), Freshness::Current);

    // A review cadence counts from the collection date; valid-until wins over it.
    EvidenceItem cadence;
    cadence.collectedOn = Date(2026, 1, 1);
    cadence.reviewDays = 90;
    EXPECT_EQ(cadence.expiresOn(), Date(2026, 4, 1));
    EXPECT_EQ(cadence.freshness(Date(2026, 4, 1)), Freshness::SoonStale);
    EXPECT_EQ(cadence.freshness(Date(2026, 4, 2)), Freshness::Stale);
    cadence.validUntil = Date(2026, 12, 31);
    EXPECT_EQ(cadence.expiresOn(), Date(2026, 12, 31));

    EvidenceItem undated;
    undated.collectedOn = Date(2026, 1, 1);
    EXPECT_FALSE(undated.expiresOn().has_value());
    EXPECT_EQ(undated.freshness(Date(2030, 1, 1)), Freshness::Undated);

    // And as stored.
    EvidenceItem stored = uriItem("", "Backup restore test");
    stored.collectedOn = Date(2026, 3, 17);
    stored.reviewDays = 90;  // expires 2026-06-15
    const EvidenceItem back = add(stored);
    EXPECT_EQ(back.expiresOn(), kToday);
    EXPECT_EQ(back.freshness(kToday), Freshness::SoonStale);
    EXPECT_EQ(back.freshness(kToday.addDays(1)), Freshness::Stale);
    EXPECT_EQ(toString(Freshness::SoonStale), "soon-stale");
}

TEST_F(EvidenceTest, KindsParseAndOperationalEvidenceIsNotDocumentation) {
    for (const char* name :
         {"policy", "procedure", "record", "log", "configuration", "screenshot", "report", "ticket"}) {
        const auto kind = parseEvidenceKind(name);
        ASSERT_TRUE(kind.has_value()) << name;
        EXPECT_EQ(toString(*kind), name);
    }
    EXPECT_FALSE(parseEvidenceKind("Policy").has_value());
    EXPECT_FALSE(isOperational(EvidenceKind::Policy));
    EXPECT_FALSE(isOperational(EvidenceKind::Procedure));
    EXPECT_TRUE(isOperational(EvidenceKind::Log));
    EXPECT_TRUE(isOperational(EvidenceKind::Ticket));
}

// ---- per requirement, removal ---------------------------------------------------------

TEST_F(EvidenceTest, RequirementEvidenceListsEveryRouteWithScope) {
    const auto viaControl = linkedRequirements("CC-A.5.15");
    ASSERT_TRUE(viaControl.contains("soc2-2017"));
    const EvidenceItem direct = add(uriItem("", "MFA settings"), {"soc2-2017:CC6.1"});
    const EvidenceItem shared = add(uriItem("", "Access policy"), {"CC-A.5.15"});
    add(uriItem("", "Unrelated"), {"iso27001-2022:A.8.24"});
    ASSERT_TRUE(setEvidenceScope(ws(), shared.key, {"soc2-2017", false, "not the system in the SOC 2 report"}));

    auto rows = requirementEvidence(ws(), "soc2-2017");
    ASSERT_TRUE(rows) << rows.error().message;
    std::set<std::string> seen;
    for (const auto& r : *rows) {
        seen.insert(r.ref + " " + r.evidence + " " + r.via);
        if (r.evidence == direct.key) {
            EXPECT_EQ(r.via, "direct");
            EXPECT_TRUE(r.inScope);
        } else {
            EXPECT_EQ(r.evidence, shared.key);
            EXPECT_EQ(r.via, "CC-A.5.15");
            EXPECT_FALSE(r.inScope);
        }
    }
    std::set<std::string> expected{"CC6.1 " + direct.key + " direct"};
    for (const auto& ref : viaControl.at("soc2-2017")) {
        expected.insert(ref.substr(std::string("soc2-2017:").size()) + " " + shared.key + " CC-A.5.15");
    }
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(rows->size(), expected.size());

    auto none = requirementEvidence(ws(), "gdpr");
    ASSERT_TRUE(none) << none.error().message;
    for (const auto& r : *none) EXPECT_EQ(r.evidence, shared.key) << r.ref;
    auto unknown = requirementEvidence(ws(), "sox");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
}

TEST_F(EvidenceTest, RemovingAnItemTakesItsLinksAndScope) {
    const EvidenceItem item = add(uriItem("", "Old report"), {"CC-A.5.15", "soc2-2017:CC6.1"});
    ASSERT_TRUE(setEvidenceScope(ws(), item.key, {"hipaa", false, "n/a"}));
    ASSERT_FALSE(requirementEvidence(ws(), "soc2-2017")->empty());
    ASSERT_TRUE(removeEvidence(ws(), item.key));
    EXPECT_TRUE(keys().empty());
    EXPECT_TRUE(requirementEvidence(ws(), "soc2-2017")->empty());
    auto again = removeEvidence(ws(), item.key);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::NotFound);
    auto gone = evidenceItem(ws(), item.key);
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().kind, ErrorKind::NotFound);
}

// ---- the CLI --------------------------------------------------------------------------

TEST_F(EvidenceTest, CliAddListShowAndSharedWithJson) {
    const fs::path file = dir() / "policy.md";
    writeFile(file, "# Access control policy\n");
    const json::value added =
        cliJson("evidence add --title 'Access control policy' --kind policy --file " + shellQuote(file.string()) +
                " --owner CISO --collected 2026-01-10 --review-days 365 --link CC-A.5.15 "
                "--not-valid-for pci-dss-4.0.1:'not the CDE' --json");
    ASSERT_TRUE(added.is_object());
    EXPECT_EQ(added.at("key"), "EV-001");
    EXPECT_EQ(added.at("sha256").as_string().size(), 64u);
    EXPECT_EQ(added.at("scoped_out"), (json::array{"pci-dss-4.0.1"}));
    const RunResult second =
        cli("evidence add --key EV-002 --title 'Single-framework record' --kind record --uri jira:SEC-7 "
            "--collected 2026-06-01 --valid-until 2026-06-20 --link soc2-2017:CC6.1");
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(second.out, "Added EV-002 (record): serves 1 framework(s), 1 requirement(s)\n");

    const json::value list = cliJson("evidence --json --at 2026-06-15");
    EXPECT_EQ(list.at("today"), "2026-06-15");
    EXPECT_EQ(list.at("soon_stale_days"), 30);
    const auto& items = list.at("evidence").as_array();
    ASSERT_EQ(items.size(), 2u);
    const json::object& first = items[0].as_object();
    for (const char* field :
         {"key",          "title",       "kind",        "operational", "location",  "sha256",      "owner",
          "collected_on", "valid_until", "review_days", "expires_on",  "freshness", "days_left",   "description",
          "links",        "scope",       "frameworks",  "scoped_out",  "reuse",     "requirements"}) {
        EXPECT_TRUE(first.contains(field)) << field;
    }
    EXPECT_EQ(first.at("expires_on"), "2027-01-10");
    EXPECT_EQ(first.at("freshness"), "current");
    EXPECT_EQ(first.at("operational"), false);
    EXPECT_EQ(items[1].at("freshness"), "soon-stale");
    EXPECT_EQ(items[1].at("days_left"), 5);
    EXPECT_EQ(items[1].at("reuse"), 1);
    EXPECT_EQ(items[1].at("sha256"), nullptr);

    // --shared, without the word list: only the item serving two or more frameworks.
    const json::value shared = cliJson("evidence --shared --json");
    ASSERT_EQ(shared.at("evidence").as_array().size(), 1u);
    EXPECT_EQ(shared.at("evidence").as_array()[0].at("key"), "EV-001");
    const RunResult text = cli("evidence --shared");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("KEY"), std::string::npos);
    for (const char* column :
         {"TITLE", "KIND", "REUSE", "FRAMEWORKS", "REQUIREMENTS", "FRESHNESS", "EXPIRES", "OWNER"}) {
        EXPECT_NE(text.out.find(column), std::string::npos) << column;
    }
    EXPECT_NE(text.out.find("EV-001"), std::string::npos);
    EXPECT_EQ(text.out.find("EV-002"), std::string::npos);
    EXPECT_EQ(cliJson("evidence list --shared --json"), shared);

    EXPECT_EQ(cliJson("evidence --soon-stale --at 2026-06-15 --json").at("evidence").as_array().size(), 1u);
    EXPECT_EQ(cliJson("evidence --stale --at 2026-06-21 --json").at("evidence").as_array()[0].at("key"), "EV-002");
    EXPECT_EQ(cliJson("evidence --framework soc2-2017 --json").at("evidence").as_array().size(),
              linkedRequirements("CC-A.5.15").contains("soc2-2017") ? 2u : 1u);
    EXPECT_EQ(cliJson("evidence --framework pci-dss-4.0.1 --json").at("evidence").as_array().size(), 0u);

    const json::value shown = cliJson("evidence show EV-002 --today 2026-06-21 --json");
    EXPECT_EQ(shown.at("today"), "2026-06-21");
    EXPECT_EQ(shown.at("freshness"), "stale");
    EXPECT_EQ(shown.at("links"), (json::array{"soc2-2017:CC6.1"}));
    EXPECT_EQ(shown.at("frameworks"), (json::array{"soc2-2017"}));
}

TEST_F(EvidenceTest, CliBadInputExitsTwoWithOneLineAndWritesNothing) {
    // A bad link or scope: the item is not added either (one transaction).
    const RunResult r = cli("evidence add --title T --kind record --uri jira:SEC-1 --link CC-A.5.15 --link CC-NOPE");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err,
              "crosswalk: --link: unknown common control 'CC-NOPE' (link to a common control key such as "
              "CC-A.5.15, or a requirement as FRAMEWORK:REF)\n");
    EXPECT_TRUE(snapshot().empty()) << snapshot();
    expectRefused("evidence add --title T --kind record --uri jira:SEC-1 --not-valid-for nist-9", "'nist-9'");
    expectRefused("evidence add --title T --kind memo --uri jira:SEC-1",
                  "--kind: 'memo' is not one of policy, procedure, record");
    expectRefused("evidence add --title T --kind record --file " + shellQuote((dir() / "missing.pdf").string()),
                  "missing.pdf");
    expectRefused("evidence add --title T --kind record --uri jira:SEC-1 --collected 2026-02-30",
                  "--collected: '2026-02-30'");
    expectRefused("evidence add --title T --kind record --uri jira:SEC-1 --review-days often",
                  "--review-days: 'often' is not a whole number");
    expectRefused("evidence add --title T --kind record", "--file PATH or --uri URI");
    EXPECT_TRUE(snapshot().empty()) << snapshot();

    // On an existing item: every refused change leaves it, its links and its scope as they were.
    ASSERT_EQ(cli("evidence add --key EV-001 --title Policy --kind policy --uri https://x.example/p "
                  "--collected 2026-03-01 --link CC-A.5.15 --not-valid-for hipaa:n/a")
                  .exitCode,
              0);
    expectRefused("evidence set EV-001 --valid-until 2026-02-01", "valid-until 2026-02-01 is before collected-on");
    expectRefused("evidence set EV-001 --kind memo", "--kind: 'memo'");
    expectRefused("evidence set EV-001 --uri drive/folder", "is not a URI");
    expectRefused("evidence set EV-404 --title X", "unknown evidence item 'EV-404'");
    expectRefused("evidence link EV-001 soc2-2017:CC99.9", "soc2-2017:CC99.9");
    expectRefused("evidence link EV-001 iso27001-2022:A.5", "not an assessable requirement");
    expectRefused("evidence unlink EV-001 CC-A.8.20", "is not linked");
    expectRefused("evidence scope EV-001 pci-dss-9 --not-valid", "'pci-dss-9'");
    expectRefused("evidence scope EV-001 hipaa", "--valid or --not-valid");
    expectRefused("evidence rehash EV-001", "nothing to rehash");
    expectRefused("evidence remove EV-404", "EV-404");

    // Read-only commands name what is wrong too.
    expectRefused("evidence show EV-404", "unknown evidence item 'EV-404'");
    expectRefused("evidence --at tomorrow", "'tomorrow' is not a calendar date");
    expectRefused("evidence --days -1", "--days: must be 0 or more");
    expectRefused("evidence --framework pci-9", "--framework: unknown framework 'pci-9'");
}

TEST_F(EvidenceTest, CliSoonStaleWindowIsTheTimelineSettingUnlessGiven) {
    ASSERT_EQ(cli("evidence add --key EV-001 --title Log --kind log --uri jira:SEC-1 --collected 2026-06-01 "
                  "--valid-until 2026-06-25")
                  .exitCode,
              0);
    // Ten days left on 2026-06-15: soon stale in the default 30-day window.
    json::value list = cliJson("evidence --today 2026-06-15 --json");
    EXPECT_EQ(list.at("soon_stale_days"), 30);
    EXPECT_EQ(list.at("evidence").at(0).at("freshness"), "soon-stale");
    ASSERT_EQ(cli("timeline settings --soon-stale-days 7").exitCode, 0);
    list = cliJson("evidence --today 2026-06-15 --json");
    EXPECT_EQ(list.at("soon_stale_days"), 7);
    EXPECT_EQ(list.at("evidence").at(0).at("freshness"), "current");
    EXPECT_TRUE(cliJson("evidence --soon-stale --today 2026-06-15 --json").at("evidence").as_array().empty());
    EXPECT_EQ(cliJson("evidence show EV-001 --today 2026-06-15 --days 10 --json").at("freshness"), "soon-stale");
}

TEST_F(EvidenceTest, CliLinkScopeSetRehashRemove) {
    const fs::path file = dir() / "log.txt";
    writeFile(file, "one\n");
    ASSERT_EQ(
        cli("evidence add --key EV-LOG --title 'Firewall log' --kind log --file " + shellQuote(file.string())).exitCode,
        0);
    // Each change prints the item as stored with --json, and a line without.
    EXPECT_EQ(cliJson("evidence link EV-LOG CC-A.8.20 --json").at("links"), (json::array{"CC-A.8.20"}));
    const RunResult scoped = cli("evidence scope EV-LOG pci-dss-4.0.1 --not-valid --note 'office only'");
    ASSERT_EQ(scoped.exitCode, 0) << scoped.err;
    EXPECT_EQ(scoped.out, "EV-LOG is not valid for pci-dss-4.0.1\n");
    json::value shown = cliJson("evidence show EV-LOG --json");
    EXPECT_EQ(shown.at("links"), (json::array{"CC-A.8.20"}));
    EXPECT_EQ(shown.at("scoped_out"), (json::array{"pci-dss-4.0.1"}));
    EXPECT_EQ(shown.at("scope").as_array()[0].at("note"), "office only");

    shown = cliJson("evidence set EV-LOG --collected 2026-06-01 --review-days 30 --owner 'Sam Lee' --json");
    EXPECT_EQ(shown.at("expires_on"), "2026-07-01");
    EXPECT_EQ(shown.at("owner"), "Sam Lee");
    EXPECT_EQ(shown.at("title"), "Firewall log");
    EXPECT_EQ(cliJson("evidence set EV-LOG --review-days '' --json").at("review_days"), nullptr);
    EXPECT_EQ(cliJson("evidence show EV-LOG --json").at("review_days"), nullptr);

    writeFile(file, "one\ntwo\n");
    const json::value rehash = cliJson("evidence rehash EV-LOG --json");
    EXPECT_EQ(rehash.at("changed"), true);
    EXPECT_EQ(std::string(rehash.at("sha256").as_string()),
              run("sha256sum " + shellQuote(file.string())).out.substr(0, 64));
    EXPECT_EQ(cliJson("evidence rehash EV-LOG --json").at("changed"), false);

    EXPECT_TRUE(cliJson("evidence unlink EV-LOG CC-A.8.20 --json").at("links").as_array().empty());
    EXPECT_EQ(cliJson("evidence remove EV-LOG --json").at("removed"), "EV-LOG");
    EXPECT_TRUE(snapshot().empty()) << snapshot();
}

}  // namespace
}  // namespace cw::test
