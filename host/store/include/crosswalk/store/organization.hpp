/**
 * @file organization.hpp
 * @brief Reading and writing the organization profile, scope items, assets, targets and their applicability in the
 * workspace. The types and their pure rules are in crosswalk/model/organization.hpp.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/organization.hpp>
#include <crosswalk/store/workspace.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

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

/// The plugin that provides `framework`, "" when none does. NotFound for an unknown framework
/// (naming the known ones).
Result<std::string> frameworkPlugin(Workspace& ws, std::string_view framework);
/// Every node of `framework` in catalog order, for resolving a scoping rule onto it.
Result<std::vector<ScopingNode>> scopingNodes(Workspace& ws, std::string_view framework);
/**
 * @brief Records `framework` as a target with its `answers` and the scoping notes, and for each
 * assessable node of `nodes` whether it applies: the decision in `scoping`, else applies with
 * `fallback` as the reason. One transaction. Setting an existing target again replaces its
 * answers and applicability, and keeps its place in the list and its addedAt.
 */
Result<Target> saveTarget(Workspace& ws, std::string_view framework, const boost::json::object& answers,
                          const Scoping& scoping, const std::vector<ScopingNode>& nodes, std::string_view fallback);
/// Drops the target and its applicability; NotFound if not a target.
Result<void> removeTarget(Workspace& ws, std::string_view framework);
/// In the order they were added.
Result<std::vector<Target>> targets(Workspace& ws);
/// Every assessable requirement of a target framework, in catalog order. NotFound if not a
/// target. A requirement a plugin update added after scoping applies until the target is set again.
Result<std::vector<Applicability>> applicability(Workspace& ws, std::string_view framework);

}  // namespace cw
