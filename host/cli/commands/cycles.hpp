// What `crosswalk timeline` shows of the other frameworks' cycles, as `crosswalk cycles` lists them.
#pragma once

#include <crosswalk/store/timeline.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace cw::cli {

boost::json::object toJson(const Cycle& c);

/// "N months", or "once" for a cycle that does not recur.
std::string every(const Cycle& c);

}  // namespace cw::cli
