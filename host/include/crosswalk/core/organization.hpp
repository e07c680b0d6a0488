/**
 * @file organization.hpp
 * @brief The organization profile and scope: who, what is in and out of scope, the assets,
 * the target frameworks and, through each plugin's scoping rule, which requirements apply.
 */
#pragma once

#include <crosswalk/core/error.hpp>
#include <crosswalk/core/plugin_host.hpp>
#include <crosswalk/core/workspace.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

struct OrganizationProfile {
    std::string name;
    std::string sector;
    std::string scopeStatement;  ///< the ISMS scope statement (ISO 27001 4.3)
    std::string description;
};

enum class ScopeKind { Site, System, Process };
std::string_view toString(ScopeKind kind) noexcept;
std::optional<ScopeKind> parseScopeKind(std::string_view text) noexcept;

/// A site, system or process, in or out of scope.
struct ScopeItem {
    ScopeKind kind = ScopeKind::System;
    std::string name;
    bool inScope = true;
    std::string note;  ///< why (out of scope: the reason is required)
};

enum class Classification { Public, Internal, Confidential, Restricted };
std::string_view toString(Classification c) noexcept;
std::optional<Classification> parseClassification(std::string_view text) noexcept;

struct Asset {
    std::string key;  ///< e.g. "AST-01"; unique
    std::string name;
    std::string type;  ///< information, software, hardware, service, people, site ...
    Classification classification = Classification::Internal;
    std::string owner;
    bool inScope = true;
    std::string description;
};

/// A framework the organization pursues, with its scoping answers.
struct Target {
    std::string framework;
    boost::json::object answers;     ///< as given to the plugin's scoping rule
    std::vector<std::string> notes;  ///< the rule's notes
    std::string addedAt;             ///< UTC, ISO 8601
    std::size_t applicable = 0;      ///< assessable requirements that apply
    std::size_t notApplicable = 0;
};

/// Whether one assessable requirement of a target framework applies, and why.
struct Applicability {
    std::string framework;
    std::string ref;  ///< local ref
    std::string title;
    bool applies = true;
    std::string reason;
};

Result<OrganizationProfile> organizationProfile(Workspace& ws);
/// Replaces the profile; the name must not be empty.
Result<void> setOrganizationProfile(Workspace& ws, const OrganizationProfile& profile);

Result<std::vector<ScopeItem>> scopeItems(Workspace& ws);
/// Adds or replaces (by kind and name). Out of scope needs a note saying why.
Result<void> setScopeItem(Workspace& ws, const ScopeItem& item);
Result<void> removeScopeItem(Workspace& ws, ScopeKind kind, std::string_view name);

Result<std::vector<Asset>> assets(Workspace& ws);
/// Adds or replaces by key. An empty key gets the next free "AST-NN".
Result<Asset> setAsset(Workspace& ws, Asset asset);
/// Fails if a risk still refers to the asset.
Result<void> removeAsset(Workspace& ws, std::string_view key);

/**
 * @brief Makes `framework` a target: runs its plugin's scoping rule on the profile and
 * `answers` and records, for each assessable requirement, whether it applies and why.
 *
 * Requirements the rule does not list apply ("not addressed by the scoping rule"); a
 * framework whose plugin has no scoping rule applies whole. One transaction: a rule
 * error (bad answers) is BadInput naming the plugin, and nothing is written. Setting an
 * existing target again replaces its answers and applicability.
 */
Result<Target> setTarget(Workspace& ws, const PluginHost& host, std::string_view framework,
                         const boost::json::object& answers);
Result<void> removeTarget(Workspace& ws, std::string_view framework);
/// In the order they were added.
Result<std::vector<Target>> targets(Workspace& ws);
/// Every assessable requirement of a target framework, in catalog order. NotFound if not a target.
Result<std::vector<Applicability>> applicability(Workspace& ws, std::string_view framework);

}  // namespace cw
