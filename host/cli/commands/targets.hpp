// What `crosswalk profile` shows of the targets, as `crosswalk targets` lists them.
#pragma once

#include <crosswalk/store/organization.hpp>

#include <boost/json/object.hpp>

namespace cw::cli {

boost::json::object toJson(const Target& t);

}  // namespace cw::cli
