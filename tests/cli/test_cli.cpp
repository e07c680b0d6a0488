// The real `crosswalk` binary, run as a user would, with its JSON read back.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace cw {
namespace {

namespace json = boost::json;
using test::shellQuote;

class Cli : public ::testing::Test {
protected:
    // Only the example plugin (plus what a test adds), never the user's folders.
    test::RunResult crosswalk(const std::string& args, const std::string& plugins = "") {
        const std::string pluginArgs =
            plugins.empty() ? "--plugins " + shellQuote((test::buildPluginDir() / "example.so").string()) : plugins;
        return test::run("env -u CROSSWALK_PLUGIN_PATH " + shellQuote(CW_CLI) + " --db " + shellQuote(db().string()) +
                         " --no-default-plugins " + pluginArgs + " " + args);
    }
    std::filesystem::path db() const { return m_dir / "w.db"; }

    static json::value parse(const test::RunResult& r) {
        boost::system::error_code ec;
        json::value v = json::parse(r.out, ec);
        EXPECT_FALSE(ec) << "not JSON: " << r.out << r.err;
        return v;
    }

    test::ScratchDir m_dir;
};

TEST_F(Cli, InitThenPluginsListsTheExampleAsLoaded) {
    auto init = crosswalk("init");
    ASSERT_EQ(init.exitCode, 0) << init.err;
    EXPECT_NE(init.out.find("(created)"), std::string::npos);
    EXPECT_NE(init.out.find("Plugins: 1 loaded, 0 rejected"), std::string::npos) << init.out;
    EXPECT_NE(init.out.find("example-baseline"), std::string::npos);

    auto plugins = crosswalk("plugins --json");
    ASSERT_EQ(plugins.exitCode, 0) << plugins.err;
    const auto v = parse(plugins);
    const auto& list = v.at("plugins").as_array();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].at("id").as_string(), "example");
    EXPECT_EQ(list[0].at("status").as_string(), "loaded");
    EXPECT_EQ(list[0].at("version").as_string(), "1.0.0");
    EXPECT_EQ(list[0].at("abi").as_string(), "1.0");
    EXPECT_EQ(list[0].at("frameworks").at(0).as_string(), "example-baseline");
    EXPECT_EQ(list[0].at("controls").as_int64(), 12);
    EXPECT_EQ(list[0].at("workspace_version").as_string(), "1.0.0");
    EXPECT_EQ(list[0].at("workspace_state").as_string(), "current");
    EXPECT_TRUE(list[0].at("problems").as_array().empty());
}

TEST_F(Cli, BadPluginsAreRejectedWithReasonsWhileGoodOnesLoad) {
    const std::string plugins = "--plugins " + shellQuote((test::buildPluginDir() / "example.so").string()) +
                                " --plugins " + shellQuote(test::testPluginDir().string());
    auto init = crosswalk("init --json", plugins);
    ASSERT_EQ(init.exitCode, 0) << init.err;
    auto result = crosswalk("plugins --json", plugins);
    ASSERT_EQ(result.exitCode, 0);
    std::map<std::string, json::object> byFile;
    const auto listing = parse(result);
    for (const auto& p : listing.at("plugins").as_array()) {
        byFile[std::filesystem::path(std::string(p.at("file").as_string())).stem().string()] = p.as_object();
    }
    ASSERT_EQ(byFile.size(), 12u);
    for (const char* good : {"example", "cw_test_good", "cw_test_raw_ok"}) {
        EXPECT_EQ(byFile[good].at("status").as_string(), "loaded") << good;
        EXPECT_EQ(byFile[good].at("workspace_state").as_string(), "current") << good;
    }
    const std::map<std::string, std::string> reasons = {
        {"cw_test_wrong_abi_major", "built for plugin ABI 2.0, host is 1.0"},
        {"cw_test_newer_minor", "built for plugin ABI 1.1, host is 1.0"},
        {"cw_test_small_struct", "descriptor is 16 bytes"},
        {"cw_test_missing_entry", "no entry point"},
        {"cw_test_throwing", "catalog function failed: catalog generator exploded"},
        {"cw_test_invalid_json", "invalid JSON at line 5"},
        {"cw_test_dangling_parent", "parent 'D2' of 'D2.1' does not exist"},
        {"cw_test_good_dup_id", "duplicate plugin id 'cw-test-good'"},
        {"cw_test_good_framework_clash", "framework 'test-good' is already provided by plugin 'cw-test-good'"},
    };
    for (const auto& [file, reason] : reasons) {
        const auto& p = byFile[file];
        EXPECT_EQ(p.at("status").as_string(), "rejected") << file;
        ASSERT_FALSE(p.at("problems").as_array().empty()) << file;
        EXPECT_NE(std::string(p.at("problems").at(0).as_string()).find(reason), std::string::npos)
            << file << ": " << p.at("problems").at(0).as_string();
        // And each is reported on stderr as one line naming the file.
        EXPECT_NE(result.err.find(file + ".so: "), std::string::npos) << file;
    }
    // The workspace holds exactly the good ones.
    auto frameworks = parse(crosswalk("frameworks --json", plugins));
    std::vector<std::string> ids;
    for (const auto& f : frameworks.at("frameworks").as_array()) ids.emplace_back(f.at("id").as_string());
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"example-baseline", "test-good", "test-good-annex", "test-raw"}));
}

TEST_F(Cli, VerifyPluginExitsNonZeroNamingTheProblem) {
    for (const char* bad :
         {"cw_test_wrong_abi_major", "cw_test_missing_entry", "cw_test_throwing", "cw_test_invalid_json",
          "cw_test_dangling_parent", "cw_test_newer_minor", "cw_test_small_struct"}) {
        const auto file = test::testPlugin(bad).string();
        auto r = crosswalk("verify-plugin " + shellQuote(file));
        EXPECT_EQ(r.exitCode, 2) << bad;
        EXPECT_EQ(r.err.rfind("crosswalk: " + file + ": ", 0), 0u) << bad << ": " << r.err;
    }
    auto good = crosswalk("verify-plugin " + shellQuote(test::testPlugin("cw_test_good").string()));
    EXPECT_EQ(good.exitCode, 0) << good.err;
    EXPECT_NE(good.out.find("OK — cw-test-good 1.0.0 (ABI 1.0), 2 framework(s), 6 controls, 4 assessable"),
              std::string::npos)
        << good.out;
    auto json = crosswalk("verify-plugin --json " + shellQuote(test::testPlugin("cw_test_dangling_parent").string()));
    EXPECT_EQ(json.exitCode, 2);
    EXPECT_EQ(parse(json).at("status").as_string(), "rejected");
    auto missing = crosswalk("verify-plugin /no/such/plugin.so");
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.err, "crosswalk: /no/such/plugin.so: no such file\n");
}

TEST_F(Cli, FrameworksControlsAndShow) {
    ASSERT_EQ(crosswalk("init").exitCode, 0);
    const auto frameworks = parse(crosswalk("frameworks --json")).at("frameworks").as_array();
    ASSERT_EQ(frameworks.size(), 1u);
    EXPECT_EQ(frameworks[0].at("id").as_string(), "example-baseline");
    EXPECT_EQ(frameworks[0].at("controls").as_int64(), 12);
    EXPECT_EQ(frameworks[0].at("assessable").as_int64(), 8);
    EXPECT_EQ(frameworks[0].at("kind").as_string(), "guideline");
    EXPECT_EQ(frameworks[0].at("plugin").as_string(), "example");

    auto controls = parse(crosswalk("controls example-baseline --json"));
    const auto& list = controls.at("controls").as_array();
    ASSERT_EQ(list.size(), 12u);
    EXPECT_EQ(list[1].at("ref").as_string(), "example-baseline:EB-1.1");
    EXPECT_EQ(list[1].at("local_ref").as_string(), "EB-1.1");
    EXPECT_EQ(list[1].at("parent").as_string(), "example-baseline:EB-1");
    EXPECT_TRUE(list[0].at("parent").is_null());
    EXPECT_EQ(list[5].at("depth").as_int64(), 2);

    auto tree = parse(crosswalk("controls example-baseline --tree --json"));
    const auto& roots = tree.at("controls").as_array();
    ASSERT_EQ(roots.size(), 3u);
    EXPECT_EQ(roots[1].at("children").at(0).at("children").at(0).at("local_ref").as_string(), "EB-2.1.a");

    auto text = crosswalk("controls example-baseline --tree");
    EXPECT_NE(text.out.find("EB-2  Access  ·\n├─ EB-2.1  Access reviews\n│  └─ EB-2.1.a  Privileged accounts first  ·\n"
                            "└─ EB-2.2  Multi-factor authentication\n"),
              std::string::npos)
        << text.out;
    auto assessable = parse(crosswalk("controls example-baseline --assessable --json"));
    EXPECT_EQ(assessable.at("controls").as_array().size(), 8u);

    auto show = crosswalk("show example-baseline:EB-3.3");
    ASSERT_EQ(show.exitCode, 0);
    EXPECT_NE(show.out.find("example-baseline:EB-3.3  Physical server room"), std::string::npos);
    EXPECT_NE(show.out.find("Parent:      EB-3  Operations"), std::string::npos) << show.out;
    EXPECT_NE(show.out.find("Hosting:"), std::string::npos);
    auto showJson = parse(crosswalk("show example-baseline:EB-2.1 --json"));
    EXPECT_EQ(showJson.at("title").as_string(), "Access reviews");
    EXPECT_EQ(showJson.at("ancestors").at(0).at("local_ref").as_string(), "EB-2");
    EXPECT_EQ(showJson.at("children").at(0).at("local_ref").as_string(), "EB-2.1.a");
    EXPECT_EQ(showJson.at("attributes").at("evidence").at(1).as_string(), "ticket");
}

TEST_F(Cli, ErrorsAreOneLineWithTheRightExitCode) {
    // No workspace yet: read commands refuse and create nothing.
    auto noDb = crosswalk("frameworks");
    EXPECT_EQ(noDb.exitCode, 2);
    EXPECT_EQ(noDb.err, "crosswalk: " + db().string() + ": no workspace here; create one with `crosswalk --db " +
                            db().string() + " init`\n");
    EXPECT_FALSE(std::filesystem::exists(db()));

    ASSERT_EQ(crosswalk("init").exitCode, 0);
    auto unknownFw = crosswalk("controls iso27001-2022");
    EXPECT_EQ(unknownFw.exitCode, 2);
    EXPECT_EQ(unknownFw.err, "crosswalk: unknown framework 'iso27001-2022' (known: example-baseline)\n");
    auto unknownRef = crosswalk("show example-baseline:eb-9");
    EXPECT_EQ(unknownRef.exitCode, 2);
    EXPECT_EQ(std::count(unknownRef.err.begin(), unknownRef.err.end(), '\n'), 1);
    auto notFull = crosswalk("show EB-1");
    EXPECT_EQ(notFull.exitCode, 2);
    EXPECT_NE(notFull.err.find("expected FRAMEWORK:REF"), std::string::npos);

    auto usage = crosswalk("controls");
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_EQ(std::count(usage.err.begin(), usage.err.end(), '\n'), 1) << usage.err;
    auto unknownCommand = crosswalk("frobnicate");
    EXPECT_EQ(unknownCommand.exitCode, 2);
    auto help = crosswalk("--help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("verify-plugin"), std::string::npos);
}

TEST_F(Cli, InitTwiceIsANoOpAndReportsIt) {
    ASSERT_EQ(crosswalk("init").exitCode, 0);
    auto again = parse(crosswalk("init --json"));
    EXPECT_FALSE(again.at("created").as_bool());
    EXPECT_EQ(again.at("plugins").at(0).at("sync").at("action").as_string(), "unchanged");
}

TEST_F(Cli, DefaultSearchFindsTheBuiltPlugins) {
    // Without --no-default-plugins the binary finds build/plugins beside itself.
    auto r = test::run("env -u CROSSWALK_PLUGIN_PATH " + shellQuote(CW_CLI) + " --db " + shellQuote(db().string()) +
                       " plugins --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    bool example = false;
    const auto listing = parse(r);
    for (const auto& p : listing.at("plugins").as_array()) {
        if (p.at("id") == "example") example = p.at("status") == "loaded";
    }
    EXPECT_TRUE(example);
    EXPECT_EQ(parse(r).at("search_path").at(0).as_string(),
              std::filesystem::canonical(test::buildPluginDir()).string());
}

TEST_F(Cli, PluginPathEnvironmentVariableIsSearched) {
    auto r = test::run("CROSSWALK_PLUGIN_PATH=" + shellQuote(test::testPluginDir().string()) + " " +
                       shellQuote(CW_CLI) + " --db " + shellQuote(db().string()) + " --no-default-plugins plugins");
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("cw-test-good"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cw

namespace cw {
namespace {

TEST(CliInit, BadPacksOnThePackPathAreReportedAndTheGoodOnesLoad) {
    test::ScratchDir dir;
    const auto packs = test::sourceDir() / "tests/crosswalk";
    const std::string command =
        "env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH " + test::shellQuote(CW_CLI) + " --db " +
        test::shellQuote((dir / "w.db").string()) + " --no-default-plugins --plugins " +
        test::shellQuote(test::testPlugin("cw_test_good").string()) + " --packs " +
        test::shellQuote((packs / "packs/good.json").string()) + " --packs " +
        test::shellQuote((packs / "bad_packs/strength_out_of_range.json").string()) + " init --json";
    const auto r = test::run(command);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto out = boost::json::parse(r.out);
    const auto& list = out.at("packs").as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("action").as_string(), "added");
    EXPECT_EQ(list[1].at("action").as_string(), "rejected");
    EXPECT_TRUE(list[1].at("pack").is_null());
    ASSERT_EQ(list[1].at("problems").as_array().size(), 2u);  // strength 11 and confidence 1.5
    EXPECT_NE(std::string(list[1].at("problems").at(0).as_string()).find("/mappings/0/strength"), std::string::npos);
    EXPECT_NE(r.err.find("strength_out_of_range.json: /mappings/0/strength:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cw
