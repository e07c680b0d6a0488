/**
 * @file scoping.hpp
 * @brief Resolving a plugin scoping rule's output (rules.schema.json scopeOutput) onto the
 * framework's catalog: which assessable requirements apply, and why.
 */
#pragma once

#include <crosswalk/model/error.hpp>
#include <crosswalk/model/organization.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cw {

/// Reads a rule's output (already checked against rules.schema.json by the host). A listed
/// assessable requirement gets the rule's decision. A listed node (a grouping, or a requirement
/// with requirements under it: a HIPAA standard, an SP 800-53 control with its enhancements)
/// passes its decision to the assessable requirements under it that the rule does not list
/// itself, the nearest listed ancestor deciding when they nest (the more specific word wins,
/// whatever the order of the list). A listed grouping with no assessable requirement under it
/// (a SOC 2 point of focus) is left out, with a note.
/// Internal, naming `plugin`: output that is not a JSON object, is about another framework, or
/// names a ref `nodes` does not hold.
Result<Scoping> readScoping(const std::string& output, std::string_view framework, std::string_view plugin,
                            const std::vector<ScopingNode>& nodes);

}  // namespace cw
