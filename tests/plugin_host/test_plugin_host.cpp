// Real plugins, loaded from real shared libraries built by tests/plugins.
#include <crosswalk/plugin_abi.h>
#include <crosswalk/io/json.hpp>
#include <crosswalk/io/paths.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <cstdlib>

namespace cw {
namespace {

using test::testPlugin;

std::string allProblems(const PluginInfo& p) {
    std::string out;
    for (const auto& problem : p.problems) out += problem + "\n";
    return out;
}

TEST(PluginHost, LoadsTheGoodPlugin) {
    PluginHost host;
    const PluginInfo& p = host.load(testPlugin("cw_test_good"));
    ASSERT_EQ(p.status, PluginStatus::Loaded) << allProblems(p);
    EXPECT_EQ(p.id, "cw-test-good");
    EXPECT_EQ(p.name, "Test plugin (good)");
    EXPECT_EQ(p.version, "1.0.0");
    EXPECT_EQ(p.publisher, "Crosswalk tests");
    EXPECT_EQ(p.licence, "CC0-1.0");
    EXPECT_EQ(p.abiMajor, static_cast<std::uint32_t>(CW_PLUGIN_ABI_MAJOR));
    EXPECT_EQ(p.sha256.size(), 64u);
    EXPECT_EQ(p.catalogSha256.size(), 64u);
    EXPECT_TRUE(p.hasScope);
    EXPECT_TRUE(p.hasReadiness);
    EXPECT_FALSE(p.hasPacks);
    ASSERT_EQ(p.catalog.frameworks.size(), 2u);
    EXPECT_EQ(p.catalog.frameworks[0].controls.size(), 5u);
    EXPECT_EQ(host.find("cw-test-good"), &host.plugins().front());
    EXPECT_EQ(host.find("nope"), nullptr);
}

TEST(PluginHost, ExportsOnlyTheEntryPoint) {
    // Hidden visibility: the helper's inline functions and the embedded catalog stay private.
    const auto result = test::run("nm -D --defined-only " + test::shellQuote(testPlugin("cw_test_good").string()) +
                                  " | awk '{print $3}' | grep -v '^_' ");
    EXPECT_EQ(result.out, "cw_plugin_entry\n");
}

struct BadCase {
    const char* file;
    const char* expected;  // a fragment of the single problem reported
};

class BadPlugin : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadPlugin, IsRejectedWithItsReason) {
    PluginHost host;
    const PluginInfo& p = host.load(testPlugin(GetParam().file));
    EXPECT_EQ(p.status, PluginStatus::Rejected);
    ASSERT_FALSE(p.problems.empty());
    EXPECT_NE(allProblems(p).find(GetParam().expected), std::string::npos) << allProblems(p);
    EXPECT_EQ(host.find(p.id), nullptr);
}

INSTANTIATE_TEST_SUITE_P(
    All, BadPlugin,
    ::testing::Values(
        BadCase{"cw_test_wrong_abi_major", "built for plugin ABI 2.0, host is 1.0 (the major version must match"},
        BadCase{"cw_test_newer_minor", "built for plugin ABI 1.1, host is 1.0 (the plugin needs a newer host)"},
        BadCase{"cw_test_small_struct", "descriptor is 16 bytes, ABI 1.0 needs at least"},
        BadCase{"cw_test_missing_entry", "no entry point: the symbol 'cw_plugin_entry' is not exported"},
        BadCase{"cw_test_throwing", "catalog function failed: catalog generator exploded"},
        BadCase{"cw_test_invalid_json", "catalog (root): invalid JSON at line 5, column 1"},
        BadCase{"cw_test_dangling_parent",
                "catalog /frameworks/0/controls/2/parent: parent 'D2' of 'D2.1' does not exist in framework "
                "'test-dangling'"}),
    [](const auto& testInfo) { return std::string(testInfo.param.file).substr(8); });

TEST(PluginHost, DuplicateIdIsRejectedNamingTheFirstFile) {
    PluginHost host;
    host.load(testPlugin("cw_test_good"));
    const PluginInfo& dup = host.load(testPlugin("cw_test_good_dup_id"));
    EXPECT_EQ(dup.status, PluginStatus::Rejected);
    EXPECT_EQ(allProblems(dup),
              "duplicate plugin id 'cw-test-good': already loaded from " + testPlugin("cw_test_good").string() + "\n");
    EXPECT_EQ(host.find("cw-test-good")->file, testPlugin("cw_test_good"));
}

TEST(PluginHost, APluginWrittenInPlainCLoads) {
    PluginHost host;
    const PluginInfo& p = host.load(testPlugin("cw_test_raw_ok"));
    ASSERT_EQ(p.status, PluginStatus::Loaded) << allProblems(p);
    EXPECT_EQ(p.id, "cw-test-raw");
    EXPECT_FALSE(p.hasScope);
    ASSERT_EQ(p.catalog.frameworks.size(), 1u);
    EXPECT_EQ(p.catalog.frameworks[0].controls[0].ref, "R1");
}

TEST(PluginHost, AFrameworkHasOneProvider) {
    PluginHost host;
    host.load(testPlugin("cw_test_good"));
    const PluginInfo& clash = host.load(testPlugin("cw_test_good_framework_clash"));
    EXPECT_EQ(clash.status, PluginStatus::Rejected);
    EXPECT_EQ(allProblems(clash), "framework 'test-good' is already provided by plugin 'cw-test-good' (" +
                                      testPlugin("cw_test_good").string() +
                                      ")\nframework 'test-good-annex' is "
                                      "already provided by plugin 'cw-test-good' (" +
                                      testPlugin("cw_test_good").string() + ")\n");
}

TEST(PluginHost, NotASharedLibrary) {
    test::ScratchDir dir;
    test::writeFile(dir / "fake.so", "this is not ELF");
    PluginHost host;
    const PluginInfo& p = host.load(dir / "fake.so");
    EXPECT_EQ(p.status, PluginStatus::Rejected);
    EXPECT_NE(allProblems(p).find("cannot be loaded as a shared library"), std::string::npos) << allProblems(p);
}

TEST(PluginHost, BadPluginsAreSkippedAndTheOthersLoad) {
    PluginHost host;
    std::vector<std::string> progress;
    host.loadAll({test::testPluginDir()}, [&](std::size_t i, std::size_t n, const PluginInfo& p) {
        progress.push_back(std::to_string(i) + "/" + std::to_string(n) + " " + p.file.filename().string());
    });
    std::size_t loaded = 0;
    for (const auto& p : host.plugins()) {
        if (p.status == PluginStatus::Loaded) {
            ++loaded;
            EXPECT_TRUE(p.id == "cw-test-good" || p.id == "cw-test-raw") << p.id;
        }
    }
    EXPECT_EQ(loaded, 2u);
    EXPECT_EQ(host.plugins().size(), 11u);  // the v2 copy lives in a subfolder and is not searched
    ASSERT_EQ(progress.size(), 11u);
    EXPECT_EQ(progress.front(), "1/11 cw_test_dangling_parent.so");
}

TEST(PluginHost, FindsFilesInFolderOrderWithoutDuplicates) {
    const auto files = findPluginFiles({testPlugin("cw_test_good"), test::testPluginDir(), "/no/such/dir"});
    ASSERT_EQ(files.size(), 11u);
    EXPECT_EQ(files[0], testPlugin("cw_test_good"));  // explicit file first, not repeated from the folder
    EXPECT_TRUE(std::is_sorted(files.begin() + 1, files.end()));
}

TEST(PluginHost, SearchPathOrder) {
    ::setenv("CROSSWALK_PLUGIN_PATH", "/env/one:/env/two", 1);
    const auto path = pluginSearchPath({"/extra"}, true);
    ::unsetenv("CROSSWALK_PLUGIN_PATH");
    ASSERT_GE(path.size(), 5u);
    EXPECT_EQ(path[0], "/extra");
    EXPECT_EQ(path[1], "/env/one");
    EXPECT_EQ(path[2], "/env/two");
    EXPECT_EQ(path[3], executableDirectory() / "plugins");
    const auto only = pluginSearchPath({"/extra"}, false);
    EXPECT_EQ(only, std::vector<std::filesystem::path>{"/extra"});
}

TEST(PluginHost, RunsRulesAcrossTheBoundary) {
    PluginHost host;
    ASSERT_EQ(host.load(testPlugin("cw_test_good")).status, PluginStatus::Loaded);
    const std::string input = R"({"framework":"test-good","answers":{}})";
    auto scope = host.scope("cw-test-good", input);
    ASSERT_TRUE(scope) << scope.error().message;
    const auto value = boost::json::parse(*scope);
    EXPECT_TRUE(rulesSchema().validate(value, "scopeOutput").empty());
    EXPECT_EQ(value.at("requirements").at(0).at("reason").as_string(),
              "echo: " + std::to_string(input.size()) + " bytes");

    auto failed = host.scope("cw-test-good", R"({"answers":{"fail":1}})");
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().message, "plugin 'cw-test-good' (" + testPlugin("cw_test_good").string() +
                                          "): scope failed: answers.fail is not allowed");

    auto invalid = host.scope("cw-test-good", R"({"answers":{"badoutput":1}})");
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().kind, ErrorKind::BadInput);
    EXPECT_NE(invalid.error().message.find("scope output is invalid: /requirements/0: missing required property "
                                           "'applies' (and 1 more)"),
              std::string::npos)
        << invalid.error().message;

    auto readiness = host.readiness("cw-test-good", "{}");
    ASSERT_TRUE(readiness);
    EXPECT_TRUE(rulesSchema().validate(boost::json::parse(*readiness), "readinessOutput").empty());

    EXPECT_EQ(host.scope("nope", "{}").error().kind, ErrorKind::NotFound);
}

TEST(PluginHost, ExamplePluginRulesWork) {
    PluginHost host;
    const PluginInfo& p = host.load(test::buildPluginDir() / "example.so");
    ASSERT_EQ(p.status, PluginStatus::Loaded) << allProblems(p);
    auto scope = host.scope("example", R"({"framework":"example-baseline","answers":{"hosting":["cloud"]}})");
    ASSERT_TRUE(scope) << scope.error().message;
    const auto value = boost::json::parse(*scope);
    EXPECT_TRUE(rulesSchema().validate(value, "scopeOutput").empty());
    const auto& reqs = value.at("requirements").as_array();
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[0].at("ref").as_string(), "EB-3.3");
    EXPECT_FALSE(reqs[0].at("applies").as_bool());
    EXPECT_TRUE(reqs[1].at("applies").as_bool());

    auto bad = host.scope("example", R"({"framework":"example-baseline","answers":{}})");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("answers.hosting must be an array"), std::string::npos);

    auto readiness = host.readiness(
        "example", R"({"framework":"example-baseline","controls":[{"ref":"EB-3.3","status":"not-applicable"},)"
                   R"({"ref":"EB-3.4","status":"not-applicable","reason":"no cloud"}]})");
    ASSERT_TRUE(readiness) << readiness.error().message;
    const auto findings = boost::json::parse(*readiness).at("findings").as_array();
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].at("ref").as_string(), "EB-3.3");
}

}  // namespace
}  // namespace cw
