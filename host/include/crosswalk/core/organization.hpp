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

/// The profile; an empty one (name "") when none is set yet.
Result<OrganizationProfile> organizationProfile(Workspace& ws);
/// Replaces the profile; a blank name is BadInput.
Result<void> setOrganizationProfile(Workspace& ws, const OrganizationProfile& profile);

/// Sites, then systems, then processes, each in the order added.
Result<std::vector<ScopeItem>> scopeItems(Workspace& ws);
/// Adds or replaces (by kind and name). A blank name, or out of scope without a note saying
/// why, is BadInput.
Result<void> setScopeItem(Workspace& ws, const ScopeItem& item);
/// NotFound when no such item is listed.
Result<void> removeScopeItem(Workspace& ws, ScopeKind kind, std::string_view name);

/// In the order added.
Result<std::vector<Asset>> assets(Workspace& ws);
/**
 * @brief Adds or replaces by key; returns the asset as stored (with its key).
 *
 * An empty key gets the next free "AST-NN" (one past the highest AST number in use). A key
 * of other than 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, or a
 * blank name, is BadInput. Replacing keeps the asset's risks pointing at it.
 */
Result<Asset> setAsset(Workspace& ws, Asset asset);
/// BadInput naming the risks while a risk still refers to the asset; NotFound for an unknown key.
Result<void> removeAsset(Workspace& ws, std::string_view key);

/**
 * @brief Makes `framework` a target: runs its plugin's scoping rule on the profile and
 * `answers` and records, for each assessable requirement, whether it applies and why.
 *
 * The rule gets {"framework", "profile", "answers"}; the profile holds name, sector,
 * scope_statement, description, the in-scope sites, systems and processes (names), the
 * out_of_scope items ({kind, name, note}) and the assets ({key, name, type,
 * classification, in_scope}).
 *
 * A listed node passes its decision to the assessable requirements under it that the rule
 * does not list itself ("… (through REF)"): a grouping to its requirements, a requirement to
 * those nested in it (a HIPAA standard to its implementation specifications, an SP 800-53
 * control to its enhancements); when listed nodes nest, the nearest one decides. Requirements
 * that neither the rule nor a listed node above them addresses apply ("not addressed by the
 * scoping rule: applies"). A listed grouping with no assessable requirement under it (a SOC 2
 * point of focus) is not recorded, and a note says so. The rule's notes are kept in
 * Target::notes.
 *
 * A framework that comes from no plugin, whose plugin is not loaded in `host`, or whose
 * plugin has no scoping rule applies whole (the reason and a note say why) — but only with
 * empty `answers`: answers that no rule can check are BadInput.
 *
 * NotFound for an unknown framework (naming the known ones). One transaction: a rule error
 * (bad answers) is BadInput "scoping FRAMEWORK: the plugin's message" (with "(plugin ID)"
 * after FRAMEWORK when the ids differ), and nothing is written; output naming a ref the
 * framework does not have, or another framework, is Internal naming the plugin. Setting an
 * existing target again replaces its answers and applicability, and keeps its place in the
 * list and its addedAt.
 */
Result<Target> setTarget(Workspace& ws, const PluginHost& host, std::string_view framework,
                         const boost::json::object& answers);
/// Drops the target and its applicability; NotFound if not a target.
Result<void> removeTarget(Workspace& ws, std::string_view framework);
/// In the order they were added.
Result<std::vector<Target>> targets(Workspace& ws);
/// Every assessable requirement of a target framework, in catalog order. NotFound if not a
/// target. A requirement a plugin update added after scoping applies until the target is set again.
Result<std::vector<Applicability>> applicability(Workspace& ws, std::string_view framework);

}  // namespace cw
