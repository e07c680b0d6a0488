#include "cli/command_line.hpp"

#include <crosswalk/io/paths.hpp>

#include <algorithm>
#include <iostream>

namespace fs = std::filesystem;

namespace cw::cli {

fs::path workspacePath(const GlobalOptions& global) {
    return global.db.empty() ? defaultWorkspacePath() : fs::path(global.db);
}

std::vector<fs::path> searchPath(const GlobalOptions& global) {
    std::vector<fs::path> extra(global.pluginDirs.begin(), global.pluginDirs.end());
    return pluginSearchPath(extra, !global.noDefaultPlugins);
}

std::vector<fs::path> packPath(const GlobalOptions& global) {
    std::vector<fs::path> extra(global.packDirs.begin(), global.packDirs.end());
    return packSearchPath(extra, !global.noDefaultPlugins);
}

Result<Workspace> openWorkspace(const GlobalOptions& global) {
    return Workspace::open(workspacePath(global), Workspace::OpenMode::MustExist);
}

int fail(const Error& error) {
    std::cerr << "crosswalk: " << error.message << '\n';
    return error.kind == ErrorKind::Internal ? kExitInternal : kExitBadInput;
}

CLI::App* CommandLine::add(const char* name, const std::string& help, Run run) {
    CLI::App* command = m_app.add_subcommand(name, help);
    runs(command, std::move(run));
    return command;
}

void CommandLine::runs(CLI::App* command, Run run) {
    // Subcommands' callbacks run before their parent's: the innermost run wins.
    command->callback([this, run = std::move(run)] {
        if (!m_run) m_run = run;
    });
}

int CommandLine::run() const {
    return m_run ? m_run() : kExitBadInput;
}

CLI::App* CommandBuilder::setUp(CLI::App* s, Run run) {
    m_cli.runs(s, std::move(run));
    s->add_flag("--json", m_json, "Print JSON");
    return s;
}

CLI::App* CommandBuilder::add(const char* name, const std::string& help, Run run) {
    CLI::App* s = m_cli.add(name, help, std::move(run));
    s->add_flag("--json", m_json, "Print JSON");
    s->group(m_group);
    return s;
}

// CLI11 hands a parent's group down to its subcommands; theirs is the plain heading.
constexpr const char* kSubcommandGroup = "Subcommands";

CLI::App* CommandBuilder::add(CLI::App* parent, const char* name, const std::string& help, Run run) {
    return setUp(parent->add_subcommand(name, help)->group(kSubcommandGroup), std::move(run));
}

CLI::App* CommandBuilder::action(CLI::App* parent, const char* name, const std::string& help, std::string& action) {
    CLI::App* a = parent->add_subcommand(name, help)->group(kSubcommandGroup);
    a->callback([&action, name] { action = name; });
    a->add_flag("--json", m_json, "Print JSON");
    return a;
}

CLI::Option* CommandBuilder::today(CLI::App* command, std::string& into, const std::string& what) {
    return command->add_option("--today,--at", into, what + " (YYYY-MM-DD; default: today)");
}

CLI::Option* GivenOptions::track(CLI::Option* option) {
    m_options.emplace(option->get_name(), option);
    return option;
}

bool GivenOptions::operator()(std::string_view name) const {
    const auto [first, last] = m_options.equal_range(name);
    return std::any_of(first, last, [](const auto& entry) { return entry.second->count() > 0; });
}

Result<Date> dateOrToday(std::string_view text, std::string_view option) {
    return text.empty() ? Result<Date>(Date::today()) : Date::parse(text, option);
}

Result<std::pair<std::string, std::string>> keyValue(const std::string& text, std::string_view option,
                                                     std::string_view form) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        return Error::badInput(std::string(option) + ": '" + text + "' is not " + std::string(form));
    }
    return std::pair{text.substr(0, eq), text.substr(eq + 1)};
}

}  // namespace cw::cli
