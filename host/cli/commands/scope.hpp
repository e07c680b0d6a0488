// What `crosswalk profile` shows of the scope, as `crosswalk scope` lists it.
#pragma once

#include <crosswalk/store/organization.hpp>

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace cw::cli {

boost::json::object toJson(const ScopeItem& item);

/// The scope table: its header and one row per item.
extern const std::vector<std::string> kScopeHeader;
std::vector<std::string> scopeRow(const ScopeItem& item);

}  // namespace cw::cli
