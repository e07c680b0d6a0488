// `crosswalk`: the command line over libcrosswalk. An empty shell: the global options, every
// command (commands/, one file each), parse, run.
#include "cli/command_line.hpp"
#include "cli/commands/commands.hpp"

#include <crosswalk/model/version.hpp>

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <string>

namespace cw::cli {
namespace {

// In the order of `crosswalk --help`.
constexpr void (*kCommands[])(CommandLine&) = {
    &addInit,   &addPlugins,     &addFrameworks,    &addControls, &addShow,           &addVerifyPlugin, &addImportPack,
    &addPacks,  &addMap,         &addOverlap,       &addMarginal, &addCommonControls, &addProfile,      &addScope,
    &addAssets, &addTargets,     &addApplicability, &addStatus,   &addEvidence,       &addRisks,        &addProgrammes,
    &addAudits, &addFindings,    &addActions,       &addReviews,  &addTimeline,       &addCycles,       &addSoa,
    &addGaps,   &addRemediation, &addReadiness,     &addDemo,
};

int run(int argc, char** argv) {
    CLI::App app{"Crosswalk: typed crosswalks between security and privacy frameworks", "crosswalk"};
    app.require_subcommand(1);
    // Global options may also follow the subcommand: `crosswalk demo --db demo.db`.
    app.fallthrough();
    app.set_version_flag("--version", "crosswalk " + std::string(crosswalkVersion()));
    GlobalOptions global;
    app.add_option("--db", global.db, "Workspace file (default: $XDG_DATA_HOME/crosswalk/workspace.db)");
    app.add_option("--plugins", global.pluginDirs, "Extra plugin folder or file (repeatable; searched first)");
    app.add_flag("--no-default-plugins", global.noDefaultPlugins,
                 "Search only --plugins/--packs and $CROSSWALK_PLUGIN_PATH/$CROSSWALK_PACK_PATH, not the built-in "
                 "folders");
    app.add_option("--packs", global.packDirs, "Extra mapping-pack folder or file (repeatable; searched first)");

    CommandLine commands(app, global);
    for (const auto add : kCommands) add(commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "crosswalk: " << e.what() << " (see crosswalk --help)\n";
        return kExitBadInput;
    }
    return commands.run();
}

}  // namespace
}  // namespace cw::cli

int main(int argc, char** argv) {
    try {
        return cw::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "crosswalk: internal error: " << e.what() << '\n';
        return 1;
    }
}
