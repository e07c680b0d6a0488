#include <crosswalk/io/catalog.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <map>

namespace cw {
namespace {

std::string catalogWith(const std::string& controls, const std::string& extraFramework = "") {
    return R"({"format":"crosswalk-catalog/1","frameworks":[{"id":"fw","name":"F","version":"1","publisher":"P",)"
           R"("kind":"standard","controls":[)" +
           controls + "]}" + extraFramework + "]}";
}

std::vector<std::string> problemsOf(const CatalogReading& reading) {
    std::vector<std::string> out;
    for (const auto& p : reading.problems) out.push_back(toString(p));
    return out;
}

TEST(Catalog, ReadsTheGoodTestCatalog) {
    const auto reading = readCatalog(test::readFile(test::sourceDir() / "tests/plugins/good_catalog.json"));
    ASSERT_TRUE(reading.catalog) << ::testing::PrintToString(problemsOf(reading));
    ASSERT_EQ(reading.catalog->frameworks.size(), 2u);
    const Framework& f = reading.catalog->frameworks[0];
    EXPECT_EQ(f.id, "test-good");
    EXPECT_EQ(f.kind, FrameworkKind::Standard);
    EXPECT_EQ(f.published, "2026-01-01");
    ASSERT_EQ(f.controls.size(), 5u);
    EXPECT_EQ(f.controls[1].ref, "T1.1");
    EXPECT_EQ(f.controls[1].parent, "T1");
    EXPECT_TRUE(f.controls[1].assessable);
    EXPECT_FALSE(f.controls[0].assessable);  // default
    EXPECT_EQ(f.controls[1].attributes.at("designation").as_string(), "required");
    EXPECT_EQ(f.controls[1].attributes.at("tags").as_array().size(), 2u);
}

TEST(Catalog, EveryShippedCatalogIsValid) {
    std::size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::sourceDir() / "plugins")) {
        const auto file = entry.path() / "catalog.json";
        if (!std::filesystem::exists(file)) continue;
        ++seen;
        const auto reading = readCatalog(test::readFile(file));
        EXPECT_TRUE(reading.catalog) << file << ": " << ::testing::PrintToString(problemsOf(reading));
    }
    EXPECT_GE(seen, 1u);
}

TEST(Catalog, InvalidJsonIsOneProblemWithItsPosition) {
    const auto reading = readCatalog("{\"format\": \"crosswalk-catalog/1\",\n \"frameworks\": [}");
    ASSERT_FALSE(reading.catalog);
    ASSERT_EQ(reading.problems.size(), 1u);
    EXPECT_EQ(reading.problems[0].pointer, "");
    EXPECT_EQ(reading.problems[0].message.rfind("invalid JSON at line 2, column 17", 0), 0u)
        << reading.problems[0].message;
}

TEST(Catalog, SchemaProblemsCarryJsonPointers) {
    const auto reading = readCatalog(
        catalogWith(R"({"ref":"A 1","title":"x","kind":"control"},{"ref":"B","kind":"Control","assessable":"yes"},)"
                    R"({"ref":"C","title":"","kind":"control","attributes":{"k":{"nested":1}}})"));
    EXPECT_EQ(problemsOf(reading), (std::vector<std::string>{
                                       "/frameworks/0/controls/0/ref: \"A 1\" does not match the pattern "
                                       "^[A-Za-z0-9][A-Za-z0-9._()/-]*$",
                                       "/frameworks/0/controls/1: missing required property 'title'",
                                       "/frameworks/0/controls/1/kind: \"Control\" does not match the pattern "
                                       "^[a-z][a-z0-9-]*$",
                                       "/frameworks/0/controls/1/assessable: expected boolean, found string",
                                       "/frameworks/0/controls/2/title: must not be empty",
                                       "/frameworks/0/controls/2/attributes/k: {\"nested\":1} matches none of "
                                       "the allowed forms",
                                   }));
}

TEST(Catalog, RejectsWrongFormatAndUnknownFields) {
    auto reading = readCatalog(R"({"format":"crosswalk-catalog/2","frameworks":[],"extra":1})");
    EXPECT_EQ(problemsOf(reading), (std::vector<std::string>{
                                       "/format: must be \"crosswalk-catalog/1\", found \"crosswalk-catalog/2\"",
                                       "/frameworks: must have at least 1 item(s)",
                                       "/extra: unknown property 'extra'",
                                   }));
}

TEST(Catalog, DuplicateRefsAndDanglingParents) {
    const auto reading = readCatalog(catalogWith(
        R"({"ref":"A","title":"a","kind":"clause"},{"ref":"A.1","parent":"A","title":"a1","kind":"control"},)"
        R"({"ref":"A","title":"again","kind":"clause"},{"ref":"B.1","parent":"B","title":"b1","kind":"control"})"));
    EXPECT_EQ(problemsOf(reading),
              (std::vector<std::string>{
                  "/frameworks/0/controls/2/ref: duplicate ref 'A' (first at /controls/0) in framework 'fw'",
                  "/frameworks/0/controls/3/parent: parent 'B' of 'B.1' does not exist in framework 'fw'",
              }));
}

TEST(Catalog, DetectsCyclesAndSelfParents) {
    const auto reading = readCatalog(catalogWith(
        R"({"ref":"A","parent":"C","title":"a","kind":"x"},{"ref":"B","parent":"A","title":"b","kind":"x"},)"
        R"({"ref":"C","parent":"B","title":"c","kind":"x"},{"ref":"D","parent":"D","title":"d","kind":"x"},)"
        R"({"ref":"E","parent":"A","title":"e","kind":"x"})"));
    EXPECT_EQ(problemsOf(reading), (std::vector<std::string>{
                                       "/frameworks/0/controls/3/parent: 'D' is its own parent",
                                       "/frameworks/0/controls/0/parent: parent cycle: A -> C -> B -> A",
                                   }));
}

TEST(Catalog, HugeStringsAreProblemsNotCrashes) {
    const std::string huge(50000, 'a');
    const auto reading = readCatalog(catalogWith(R"({"ref":")" + huge + R"(","title":"x","kind":")" + huge + R"("})"));
    ASSERT_FALSE(reading.catalog);
    ASSERT_EQ(reading.problems.size(), 4u);
    EXPECT_EQ(toString(reading.problems[0]), "/frameworks/0/controls/0/ref: must be at most 128 characters long");
    EXPECT_EQ(reading.problems[1].message.rfind("is too long (50000 bytes) to check against the pattern", 0), 0u);
}

TEST(Catalog, FrameworkIdsAreUniqueAcrossShippedPlugins) {
    std::map<std::string, std::string> owner;
    for (const auto& entry : std::filesystem::directory_iterator(test::sourceDir() / "plugins")) {
        const auto file = entry.path() / "catalog.json";
        if (!std::filesystem::exists(file)) continue;
        const auto reading = readCatalog(test::readFile(file));
        if (!reading.catalog) continue;  // reported by EveryShippedCatalogIsValid
        for (const auto& f : reading.catalog->frameworks) {
            const auto [it, inserted] = owner.emplace(f.id, entry.path().filename().string());
            EXPECT_TRUE(inserted) << f.id << " in " << entry.path().filename() << " and " << it->second;
        }
    }
}

TEST(Catalog, DuplicateFrameworkIds) {
    const auto reading = readCatalog(catalogWith(
        R"({"ref":"A","title":"a","kind":"x"})",
        R"(,{"id":"fw","name":"F2","version":"1","publisher":"P","kind":"other","controls":[{"ref":"A","title":"a","kind":"x"}]})"));
    EXPECT_EQ(problemsOf(reading),
              (std::vector<std::string>{"/frameworks/1/id: duplicate framework id 'fw' (first at /frameworks/0)"}));
}

}  // namespace
}  // namespace cw
