// `crosswalk assets`: the asset inventory.
#include "cli/commands/commands.hpp"
#include "cli/listing.hpp"

#include <crosswalk/store/organization.hpp>

#include <boost/json.hpp>

#include <iostream>

namespace json = boost::json;

namespace cw::cli {
namespace {

constexpr const char* kClassifications = "public, internal, confidential, restricted";

json::object toJson(const Asset& a) {
    return json::object{{"key", a.key},
                        {"name", a.name},
                        {"type", a.type},
                        {"classification", toString(a.classification)},
                        {"owner", a.owner},
                        {"in_scope", a.inScope},
                        {"description", a.description}};
}

class AssetsCommand {
public:
    explicit AssetsCommand(CommandLine& cli) : m_global(cli.global()) {
        CommandBuilder c(cli, kOrganizationGroup, m_options.json);
        auto* assetsCmd = c.add("assets", "The asset inventory (list, add, remove)", [this] { return run(); });
        c.action(assetsCmd, "list", "List assets (the default)", m_options.action);
        auto* assetAdd = c.action(assetsCmd, "add", "Add an asset, or replace the one with --key", m_options.action);
        assetAdd->add_option("--key", m_options.key, "Key (default: the next free AST-NN)");
        assetAdd->add_option("--name", m_options.assetName, "Name")->required();
        assetAdd->add_option("--type", m_options.type, "information, software, hardware, service, people, site …");
        assetAdd->add_option("--classification", m_options.classification,
                             std::string(kClassifications) + " (default: internal)");
        assetAdd->add_option("--owner", m_options.owner, "Owner");
        assetAdd->add_flag("--out-of-scope", m_options.outOfScope, "The asset is outside the ISMS scope");
        assetAdd->add_option("--description", m_options.assetDescription, "Description");
        auto* assetRemove =
            c.action(assetsCmd, "remove", "Remove an asset (refused while a risk refers to it)", m_options.action);
        assetRemove->add_option("key", m_options.key, "Asset key")->required();
    }

private:
    int run() const {
        auto ws = openWorkspace(m_global);
        if (!ws) return fail(ws.error());
        if (m_options.action == "add") {
            const auto classification = choice(parseClassification(m_options.classification), m_options.classification,
                                               "--classification", kClassifications);
            if (!classification) return fail(classification.error());
            Asset asset{
                m_options.key,         m_options.assetName,       m_options.type, *classification, m_options.owner,
                !m_options.outOfScope, m_options.assetDescription};
            auto saved = setAsset(*ws, std::move(asset));
            if (!saved) return fail(saved.error());
            return printDone(m_options.json, toJson(*saved), "Asset " + saved->key + " " + saved->name + " saved");
        }
        if (m_options.action == "remove") {
            if (auto r = removeAsset(*ws, m_options.key); !r) return fail(r.error());
            return printDone(m_options.json, json::object{{"removed", m_options.key}},
                             "Removed asset " + m_options.key);
        }
        auto all = assets(*ws);
        if (!all) return fail(all.error());
        return printList(
            m_options.json, "assets", *all, [](const Asset& a) { return toJson(a); },
            {"KEY", "NAME", "TYPE", "CLASSIFICATION", "OWNER", "SCOPE"},
            [](const Asset& a) -> std::vector<std::string> {
                return {
                    a.key, a.name, a.type, std::string(toString(a.classification)), a.owner, a.inScope ? "in" : "out"};
            },
            "No assets yet: crosswalk assets add --name NAME [--type T] [--classification C]");
    }

    struct Options {
        std::string action;  ///< the sub-action that runs ("set", "add" …); "" lists
        std::string key;
        std::string assetName;
        std::string type;
        std::string classification = "internal";
        std::string owner;
        bool outOfScope = false;
        std::string assetDescription;
        bool json = false;
    };

    const GlobalOptions& m_global;
    Options m_options;
};

}  // namespace

void addAssets(CommandLine& cli) {
    cli.own<AssetsCommand>();
}

}  // namespace cw::cli
