#include "cli/workbench_cli.hpp"

#include <algorithm>

namespace json = boost::json;

namespace cw::cli {

Commands::Commands(CLI::App& app, Options& o, Command& command, std::string group)
    : m_app(app), m_options(o), m_command(command), m_group(std::move(group)) {}

CLI::App* Commands::setUp(CLI::App* s, Command fn) {
    // Subcommands' callbacks run before their parent's: the innermost function wins.
    s->callback([&command = m_command, fn] {
        if (command == nullptr) command = fn;
    });
    s->add_flag("--json", m_options.json, "Print JSON");
    return s;
}

CLI::App* Commands::add(const char* name, const std::string& help, Command fn) {
    CLI::App* s = setUp(m_app.add_subcommand(name, help), fn);
    s->group(m_group);
    return s;
}

// CLI11 hands a parent's group down to its subcommands; theirs is the plain heading.
constexpr const char* kSubcommandGroup = "Subcommands";

CLI::App* Commands::add(CLI::App* parent, const char* name, const std::string& help, Command fn) {
    return setUp(parent->add_subcommand(name, help)->group(kSubcommandGroup), fn);
}

CLI::App* Commands::action(CLI::App* parent, const char* name, const std::string& help, std::string& action) {
    CLI::App* a = parent->add_subcommand(name, help)->group(kSubcommandGroup);
    a->callback([&action, name] { action = name; });
    a->add_flag("--json", m_options.json, "Print JSON");
    return a;
}

CLI::Option* Commands::today(CLI::App* command, std::string& into, const std::string& what) {
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

Result<Workspace> openWorkspace(const Options& o) {
    return Workspace::open(workspacePath(o), Workspace::OpenMode::MustExist);
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

std::string clip(std::string text, std::size_t width) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    const auto isLead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    if (width == 0 || static_cast<std::size_t>(std::count_if(text.begin(), text.end(), isLead)) <= width) return text;
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isLead(text[i]) && points++ == width - 1) return text.substr(0, i) + "…";
    }
    return text;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string orDash(const std::string& text) {
    return text.empty() ? std::string("-") : text;
}

std::string orDash(const std::optional<Date>& date) {
    return date ? date->str() : std::string("-");
}

json::value jsonText(const std::string& text) {
    return text.empty() ? json::value(nullptr) : json::value(text);
}

json::value jsonDate(const std::optional<Date>& date) {
    return date ? json::value(date->str()) : json::value(nullptr);
}

json::value jsonNumber(const std::optional<int>& number) {
    return number ? json::value(*number) : json::value(nullptr);
}

json::array jsonStrings(const std::vector<std::string>& items) {
    return json::array(items.begin(), items.end());
}

json::object toJson(const RequirementStatus& r) {
    return json::object{{"ref", r.ref},
                        {"title", r.title},
                        {"applicable", r.applicable},
                        {"applicability_reason", r.applicabilityReason},
                        {"status", toString(r.status)},
                        {"via", r.via},
                        {"reason", r.reason},
                        {"common_controls", jsonStrings(r.commonControls)},
                        {"owner", r.owner},
                        {"due", jsonDate(r.due)}};
}

int printDone(const Options& o, const json::value& value, const std::string& line) {
    if (o.json) {
        printJson(std::cout, value);
    } else {
        std::cout << line << '\n';
    }
    return kExitOk;
}

}  // namespace cw::cli
