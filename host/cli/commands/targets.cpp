// `crosswalk targets`: the target frameworks with their scoping answers.
#include "cli/commands/targets.hpp"

#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/workbench/targets.hpp>

#include <crosswalk/io/json.hpp>
#include <crosswalk/io/paths.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/organization.hpp>

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

// Objects merge key by key (recursively); anything else is replaced.
void merge(json::object& into, const json::object& from) {
    for (const auto& [key, value] : from) {
        auto* existing = into.if_contains(key);
        if (existing != nullptr && existing->is_object() && value.is_object()) {
            merge(existing->get_object(), value.get_object());
        } else {
            into[key] = value;
        }
    }
}

// KEY=VALUE. VALUE is JSON when it reads as true, false, null, a number, or starts with
// '[', '{' or '"'; otherwise it is a string. '/' in KEY nests: exclusions/A.7.4=reason.
Result<json::object> answerPair(const std::string& pair) {
    auto split = keyValue(pair, "--answer");
    if (!split) return split.error();
    const auto& [key, text] = *split;
    json::value value;
    const bool explicitJson = !text.empty() && (text[0] == '[' || text[0] == '{' || text[0] == '"');
    boost::system::error_code ec;
    json::value parsed = json::parse(text, ec);
    if (!ec && (explicitJson || !parsed.is_string())) {
        value = std::move(parsed);
    } else if (explicitJson) {
        auto strict = parseJson(text, "--answer " + key);
        if (!strict) return strict.error();
        value = std::move(*strict);
    } else {
        value = json::string(text);
    }
    std::vector<std::string> path;
    for (std::size_t start = 0;;) {
        const auto slash = key.find('/', start);
        path.push_back(key.substr(start, slash - start));
        if (path.back().empty())
            return Error::badInput("--answer: '" + pair + "' has an empty name in KEY '" + key + "'");
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) value = json::object{{*it, std::move(value)}};
    return std::move(value.get_object());
}

void printTarget(const Target& t) {
    std::cout << "Target " << t.framework << ": " << t.applicable << " requirement(s) apply, " << t.notApplicable
              << " do not (crosswalk applicability " << t.framework << ")\n";
    for (const auto& n : t.notes) std::cout << "  - " << n << '\n';
}

class TargetsCommand {
public:
    explicit TargetsCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kOrganizationGroup, m_options.json);
        auto* targetsCmd = c.add("targets", "Target frameworks with their scoping answers (list, add, remove)",
                                 [this] { return run(); });
        c.action(targetsCmd, "list", "List the targets (the default)", m_options.action);
        auto* targetAdd = c.action(targetsCmd, "add",
                                   "Make a framework a target: its plugin's scoping rule records which requirements "
                                   "apply (again: replaces the answers)",
                                   m_options.action);
        targetAdd->add_option("framework", m_options.framework, "Framework id, e.g. hipaa")->required();
        targetAdd
            ->add_option("--answer", m_options.answerPairs,
                         "KEY=VALUE (repeatable); VALUE true/false/null/numbers and text starting with [ { \" are "
                         "JSON, anything else a string; '/' in KEY nests: exclusions/A.7.4=REASON")
            ->allow_extra_args(false);
        targetAdd->add_option("--answers", m_options.answersText, "A JSON object of answers (merged last, so it wins)");
        targetAdd->add_option("--answers-file", m_options.answersFile,
                              "A file holding a JSON object of answers (merged first)");
        auto* targetRemove =
            c.action(targetsCmd, "remove", "Stop targeting a framework (drops its applicability)", m_options.action);
        targetRemove->add_option("framework", m_options.framework, "Framework id")->required();
    }

private:
    int run() const {
        if (m_options.action == "add") {
            auto answers = collectAnswers();
            if (!answers) return fail(answers.error());
            auto ws = openWorkspace(m_global);
            if (!ws) return fail(ws.error());
            PluginHost host;
            host.loadAll(searchPath(m_global));
            auto target = setTarget(*ws, host, m_options.framework, *answers);
            if (!target) return fail(target.error());
            if (m_options.json) {
                printJson(std::cout, toJson(*target));
            } else {
                printTarget(*target);
            }
            return kExitOk;
        }
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "remove") {
            if (auto r = removeTarget(*ws, m_options.framework); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"removed", m_options.framework}},
                             "Removed target " + m_options.framework);
        }
        auto list = targets(*ws);
        if (!list) return fail(list.error());
        return printList(
            m_options.json, "targets", *list, [](const Target& t) { return cli::toJson(t); },
            {"TARGET", "APPLICABLE", "NOT APPLICABLE", "ANSWERS", "ADDED"},
            [](const Target& t) -> std::vector<std::string> {
                return {t.framework, std::to_string(t.applicable), std::to_string(t.notApplicable),
                        clip(json::serialize(t.answers), 60), t.addedAt};
            },
            "No target frameworks yet: crosswalk targets add FRAMEWORK --answer KEY=VALUE");
    }

    // --answers-file, then each --answer, then --answers: later ones win, objects merge.
    Result<json::object> collectAnswers() const {
        json::object answers;
        auto addObject = [&](const std::string& text, const std::string& origin) -> Result<void> {
            auto parsed = parseJson(text, origin);
            if (!parsed) return parsed.error();
            if (!parsed->is_object()) return Error::badInput(origin + ": the answers must be a JSON object");
            merge(answers, parsed->get_object());
            return {};
        };
        if (!m_options.answersFile.empty()) {
            auto text = readTextFile(m_options.answersFile);
            if (!text) return Error{text.error().kind, "--answers-file " + text.error().message};
            if (auto r = addObject(*text, "--answers-file " + m_options.answersFile); !r) return r.error();
        }
        for (const auto& pair : m_options.answerPairs) {
            auto one = answerPair(pair);
            if (!one) return one.error();
            merge(answers, *one);
        }
        if (!m_options.answersText.empty()) {
            if (auto r = addObject(m_options.answersText, "--answers"); !r) return r.error();
        }
        return answers;
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("set", "add" …); "" lists
        std::string framework;
        std::vector<std::string> answerPairs;
        std::string answersText;
        std::string answersFile;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

json::object toJson(const Target& t) {
    return json::object{{"framework", t.framework},
                        {"answers", t.answers},
                        {"notes", json::array(t.notes.begin(), t.notes.end())},
                        {"added_at", t.addedAt},
                        {"applicable", t.applicable},
                        {"not_applicable", t.notApplicable}};
}

void addTargets(CommandLine& cli) {
    cli.own<TargetsCommand>();
}

}  // namespace cw::cli
