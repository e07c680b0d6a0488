// What every command shares: the global options, registering a command and its subcommands,
// reading option values, and reporting an error with its exit code.
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/store/workspace.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;

/// The options every command reads: where the workspace, the plugins and the packs are.
struct GlobalOptions {
    std::string db;
    std::vector<std::string> pluginDirs;
    std::vector<std::string> packDirs;
    bool noDefaultPlugins = false;
};

std::filesystem::path workspacePath(const GlobalOptions& global);
std::vector<std::filesystem::path> searchPath(const GlobalOptions& global);
std::vector<std::filesystem::path> packPath(const GlobalOptions& global);

/// The workspace at --db; it must exist (`crosswalk init` or `crosswalk demo` makes one).
Result<Workspace> openWorkspace(const GlobalOptions& global);

/// Prints "crosswalk: MESSAGE" to stderr; returns the exit code for the error's kind.
int fail(const Error& error);

/// What a parsed command does; returns the exit code.
using Run = std::function<int()>;

/// The commands of `crosswalk`: each registers itself here, and the one parsed runs.
class CommandLine {
public:
    CommandLine(CLI::App& app, const GlobalOptions& global) : m_app(app), m_global(global) {}

    [[nodiscard]] const GlobalOptions& global() const noexcept { return m_global; }

    /// Makes a command that lives as long as the command line (its options are bound to it);
    /// its constructor registers it.
    template <typename Command>
    void own() {
        m_commands.push_back(std::make_shared<Command>(*this));
    }

    /// A top-level command; parsing it runs `run`.
    CLI::App* add(const char* name, const std::string& help, Run run);
    /// Parsing `command` runs `run`, unless one of its subcommands brought its own.
    void runs(CLI::App* command, Run run);
    /// The parsed command's run; kExitBadInput when none was parsed.
    [[nodiscard]] int run() const;

private:
    CLI::App& m_app;
    const GlobalOptions& m_global;
    std::vector<std::shared_ptr<void>> m_commands;
    Run m_run;
};

/// Registers one workbench command under its heading of `crosswalk --help`, with its
/// subcommands. Every one of them takes --json into the command's one flag. The innermost
/// named subcommand that has a run runs; a command whose sub-actions only record their name
/// (see action()) runs itself.
class CommandBuilder {
public:
    CommandBuilder(CommandLine& cli, std::string group, bool& json)
        : m_cli(cli), m_group(std::move(group)), m_json(json) {}

    /// The top-level command.
    CLI::App* add(const char* name, const std::string& help, Run run);
    /// A subcommand of `parent` with its own run.
    CLI::App* add(CLI::App* parent, const char* name, const std::string& help, Run run);
    /// A sub-action of `parent`: records its name in `action`; `parent`'s run dispatches on it.
    CLI::App* action(CLI::App* parent, const char* name, const std::string& help, std::string& action);
    /// `--today` (alias `--at`): the day the command judges, exports or plans at; default today.
    static CLI::Option* today(CLI::App* command, std::string& into, const std::string& what);

private:
    CLI::App* setUp(CLI::App* s, Run run);

    CommandLine& m_cli;
    std::string m_group;
    bool& m_json;
};

/// Options remembered by long name, so that a `set` changes only the fields given (a field
/// given empty is cleared). Several subcommands may share a name: only the one parsed counts.
class GivenOptions {
public:
    CLI::Option* track(CLI::Option* option);
    [[nodiscard]] bool operator()(std::string_view name) const;

private:
    std::multimap<std::string, CLI::Option*, std::less<>> m_options;
};

// ---- reading options --------------------------------------------------------------------

/// The choices of ImplementationStatus, for help texts and errors.
inline constexpr const char* kImplementationStatuses = "not-started, planned, partial, implemented, not-applicable";

/// A date option (YYYY-MM-DD); empty text is today.
Result<Date> dateOrToday(std::string_view text, std::string_view option);

/// `parsed` or "OPTION: 'TEXT' is not one of CHOICES".
template <typename Enum>
Result<Enum> choice(std::optional<Enum> parsed, std::string_view text, std::string_view option,
                    std::string_view choices) {
    if (!parsed) {
        return Error::badInput(std::string(option) + ": '" + std::string(text) + "' is not one of " +
                               std::string(choices));
    }
    return *parsed;
}

/// "KEY=VALUE" split at the first '='; an empty KEY or no '=' is "OPTION: 'TEXT' is not FORM".
Result<std::pair<std::string, std::string>> keyValue(const std::string& text, std::string_view option,
                                                     std::string_view form = "KEY=VALUE");

}  // namespace cw::cli
