// `crosswalk cycles`: other frameworks' cycles beside ISO's (SOC 2 periods, PCI assessments …).
#include "cli/commands/cycles.hpp"

#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kCycleKinds =
    "soc2-type1, soc2-type2-observation, soc2-type2-report, pci-assessment, hipaa-risk-analysis, other";

class CyclesCommand {
public:
    explicit CyclesCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kAuditGroup, m_options.json);
        const auto action = [&](CLI::App* parent, const char* name, const std::string& help) {
            return c.action(parent, name, help, m_options.action);
        };

        auto* cyclesCmd =
            c.add("cycles", "Other frameworks' cycles beside ISO's (list, add, remove)", [this] { return run(); });
        action(cyclesCmd, "list", "List cycles (the default)");
        auto* addCycle = action(cyclesCmd, "add", "Add (or replace, by --key) a cycle");
        addCycle->add_option("--key", m_options.key, "Key (default from the kind and year, e.g. PCI-2027)");
        addCycle->add_option("--framework", m_options.framework, "Framework id, e.g. soc2-2017")->required();
        addCycle->add_option("--kind", m_options.kind, kCycleKinds)->required();
        addCycle->add_option("--title", m_options.title, "Title")->required();
        addCycle->add_option("--from", m_options.from, "First day (YYYY-MM-DD)")->required();
        addCycle->add_option("--to", m_options.to, "Last day (YYYY-MM-DD; the same day for a point in time)")
            ->required();
        addCycle->add_option("--every-months", m_options.everyMonths, "Repeat every N months (0: once)");
        action(cyclesCmd, "remove", "Remove a cycle")->add_option("key", m_options.key, "Cycle key")->required();
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add") {
            Cycle c;
            c.key = m_options.key;
            c.framework = m_options.framework;
            auto kind = choice(parseCycleKind(m_options.kind), m_options.kind, "--kind", kCycleKinds);
            if (!kind) return fail(kind.error());
            c.kind = *kind;
            c.title = m_options.title;
            auto from = Date::parse(m_options.from, "--from");
            if (!from) return fail(from.error());
            auto to = Date::parse(m_options.to, "--to");
            if (!to) return fail(to.error());
            c.startsOn = *from;
            c.endsOn = *to;
            c.recurMonths = m_options.everyMonths;
            auto written = setCycle(*ws, c);
            if (!written) return fail(written.error());
            return printDone(m_options.json, toJson(*written), "Saved cycle " + written->key);
        }
        if (m_options.action == "remove") {
            if (auto r = removeCycle(*ws, m_options.key); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"removed", m_options.key}},
                             "Removed cycle " + m_options.key);
        }
        auto all = cycles(*ws);
        if (!all) return fail(all.error());
        return printList(
            m_options.json, "cycles", *all, [](const Cycle& c) { return toJson(c); },
            {"KEY", "FRAMEWORK", "KIND", "FROM", "TO", "EVERY", "TITLE"},
            [](const Cycle& c) -> std::vector<std::string> {
                return {c.key,    c.framework, std::string(toString(c.kind)), c.startsOn.str(), c.endsOn.str(),
                        every(c), c.title};
            },
            "No cycles yet: `crosswalk cycles add --framework FW --kind KIND --title T --from D --to D`.");
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("add", "set" …); "" lists
        std::string key;
        std::string framework;
        std::string kind;
        std::string title;
        std::string from;
        std::string to;
        int everyMonths = 0;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

json::object toJson(const Cycle& c) {
    return json::object{{"key", c.key},
                        {"framework", c.framework},
                        {"kind", toString(c.kind)},
                        {"title", c.title},
                        {"starts_on", c.startsOn.str()},
                        {"ends_on", c.endsOn.str()},
                        {"recur_months", c.recurMonths}};
}

std::string every(const Cycle& c) {
    return c.recurMonths > 0 ? std::to_string(c.recurMonths) + " months" : "once";
}

void addCycles(CommandLine& cli) {
    cli.own<CyclesCommand>();
}

}  // namespace cw::cli
