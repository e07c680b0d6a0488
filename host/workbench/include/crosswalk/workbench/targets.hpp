/**
 * @file targets.hpp
 * @brief Target frameworks: the organization's scoping answers run through each framework's
 * plugin rule, recorded as applicability (crosswalk/store/organization.hpp reads them back).
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/organization.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/workspace.hpp>

#include <boost/json/object.hpp>

#include <string_view>

namespace cw {

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

}  // namespace cw
