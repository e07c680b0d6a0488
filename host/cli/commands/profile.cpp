// `crosswalk profile`: the organization profile with its scope, asset count and targets; `profile set`.
#include "cli/commands/commands.hpp"
#include "cli/commands/scope.hpp"
#include "cli/commands/targets.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/organization.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

json::object toJson(const OrganizationProfile& p) {
    return json::object{
        {"name", p.name}, {"sector", p.sector}, {"scope_statement", p.scopeStatement}, {"description", p.description}};
}

class ProfileCommand {
public:
    explicit ProfileCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kOrganizationGroup, m_options.json);
        auto* profile = c.add("profile", "The organization profile with its scope, asset count and targets",
                              [this] { return run(); });
        auto* set = c.action(profile, "set", "Set the profile (options not given keep their values)", m_options.action);
        m_options.given.track(set->add_option("--name", m_options.name, "Organization name (required the first time)"));
        m_options.given.track(
            set->add_option("--sector", m_options.sector, "Sector, e.g. \"Health technology (SaaS)\""));
        m_options.given.track(
            set->add_option("--scope-statement", m_options.scopeStatement, "The ISMS scope statement (ISO 27001 4.3)"));
        m_options.given.track(set->add_option("--description", m_options.description, "Description"));
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        auto profile = organizationProfile(*ws);
        if (!profile) return fail(profile.error());
        if (m_options.action == "set") {
            // Options not given keep their current values, so one field can be changed alone.
            OrganizationProfile next = *profile;
            if (m_options.given("--name")) next.name = m_options.name;
            if (m_options.given("--sector")) next.sector = m_options.sector;
            if (m_options.given("--scope-statement")) next.scopeStatement = m_options.scopeStatement;
            if (m_options.given("--description")) next.description = m_options.description;
            if (next.name.empty()) {
                return fail(Error::badInput("profile set: --name is required while the organization has no name"));
            }
            if (auto r = setOrganizationProfile(*ws, next); !r) return fail(r.error());
            return printDone(m_options.json, toJson(next), "Profile of " + next.name + " saved");
        }
        auto items = scopeItems(*ws);
        if (!items) return fail(items.error());
        auto all = assets(*ws);
        if (!all) return fail(all.error());
        auto list = targets(*ws);
        if (!list) return fail(list.error());
        const auto inScope =
            static_cast<std::size_t>(std::count_if(all->begin(), all->end(), [](const Asset& a) { return a.inScope; }));
        if (m_options.json) {
            printJson(std::cout,
                      json::object{{"organization",
                                    profile->name.empty() ? json::value(nullptr) : json::value(toJson(*profile))},
                                   {"scope", jsonList(*items, [](const ScopeItem& item) { return cli::toJson(item); })},
                                   {"assets", all->size()},
                                   {"assets_in_scope", inScope},
                                   {"targets", jsonList(*list, [](const Target& t) { return cli::toJson(t); })}});
            return kExitOk;
        }
        if (profile->name.empty()) {
            std::cout << "No organization profile yet: crosswalk profile set --name NAME [--sector S] "
                         "[--scope-statement TEXT]\n";
        } else {
            std::cout << profile->name << '\n';
            if (!profile->sector.empty()) std::cout << "  Sector:      " << profile->sector << '\n';
            if (!profile->description.empty()) std::cout << "  Description: " << profile->description << '\n';
            std::cout << "  Scope:       "
                      << (profile->scopeStatement.empty() ? "(no scope statement yet)" : profile->scopeStatement)
                      << '\n';
        }
        if (!items->empty()) {
            std::cout << '\n';
            Table table(kScopeHeader);
            for (const auto& item : *items) table.add(scopeRow(item));
            table.print(std::cout);
        }
        std::cout << "\nAssets: " << all->size() << " (" << inScope << " in scope)\n";
        if (list->empty()) {
            std::cout << "Targets: none yet (crosswalk targets add FRAMEWORK --answer KEY=VALUE)\n";
        } else {
            std::cout << "\n";
            Table table({"TARGET", "APPLICABLE", "NOT APPLICABLE", "ADDED"});
            for (const auto& t : *list) {
                table.add({t.framework, std::to_string(t.applicable), std::to_string(t.notApplicable), t.addedAt});
            }
            table.print(std::cout);
        }
        return kExitOk;
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("set", "add" …); "" lists
        std::string name;
        std::string sector;
        std::string scopeStatement;
        std::string description;
        GivenOptions given;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addProfile(CommandLine& cli) {
    cli.own<ProfileCommand>();
}

}  // namespace cw::cli
