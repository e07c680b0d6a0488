// `crosswalk scope`: the sites, systems and processes in and out of scope.
#include "cli/commands/scope.hpp"

#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <boost/json.hpp>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kScopeKinds = "site, system, process";

class ScopeCommand {
public:
    explicit ScopeCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kOrganizationGroup, m_options.json);
        auto* scope = c.add("scope", "Sites, systems and processes in and out of scope (list, add, remove)",
                            [this] { return run(); });
        c.action(scope, "list", "List the scope items (the default)", m_options.action);
        auto* scopeAdd = c.action(scope, "add", "Add or replace a site, system or process", m_options.action);
        scopeAdd->add_option("kind", m_options.kind, kScopeKinds)->required();
        scopeAdd->add_option("name", m_options.itemName, "Name")->required();
        scopeAdd->add_flag("--out", m_options.out, "Out of scope (needs --note)");
        scopeAdd->add_option("--note", m_options.note, "Why (required with --out)");
        auto* scopeRemove =
            c.action(scope, "remove", "Remove a site, system or process from the list", m_options.action);
        scopeRemove->add_option("kind", m_options.kind, kScopeKinds)->required();
        scopeRemove->add_option("name", m_options.itemName, "Name")->required();
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add" || m_options.action == "remove") {
            auto kind = choice(parseScopeKind(m_options.kind), m_options.kind, "kind", kScopeKinds);
            if (!kind) return fail(kind.error());
            if (m_options.action == "remove") {
                if (auto r = removeScopeItem(*ws, *kind, m_options.itemName); !r) return fail(r.error());
                return printDone(
                    m_options.json,
                    json::object{{"removed", json::object{{"kind", m_options.kind}, {"name", m_options.itemName}}}},
                    "Removed " + m_options.kind + " '" + m_options.itemName + "' from the scope list");
            }
            const ScopeItem item{*kind, m_options.itemName, !m_options.out, m_options.note};
            if (auto r = setScopeItem(*ws, item); !r) return fail(r.error());
            return printDone(
                m_options.json, toJson(item),
                "Scope: " + m_options.kind + " '" + item.name + "' " + (item.inScope ? "in scope" : "out of scope"));
        }
        auto items = scopeItems(*ws);
        if (!items) return fail(items.error());
        return printList(
            m_options.json, "scope", *items, [](const ScopeItem& item) { return cli::toJson(item); }, kScopeHeader,
            scopeRow, "No sites, systems or processes yet: crosswalk scope add KIND NAME [--out --note WHY]");
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("set", "add" …); "" lists
        std::string kind;
        std::string itemName;
        bool out = false;
        std::string note;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

json::object toJson(const ScopeItem& item) {
    return json::object{
        {"kind", toString(item.kind)}, {"name", item.name}, {"in_scope", item.inScope}, {"note", item.note}};
}

const std::vector<std::string> kScopeHeader{"KIND", "NAME", "SCOPE", "NOTE"};

std::vector<std::string> scopeRow(const ScopeItem& item) {
    return {std::string(toString(item.kind)), item.name, item.inScope ? "in" : "out", item.note};
}

void addScope(CommandLine& cli) {
    cli.own<ScopeCommand>();
}

}  // namespace cw::cli
