// Text helpers the facade and the views share (beyond crosswalk/model/text.hpp): word
// splitting for search, case-folded containment, shares as percentages, attribute values as text.
#pragma once

#include <boost/json/fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cw::gui::text {

/// The space-separated words of `text`, lower-cased (empty words dropped).
std::vector<std::string> searchTerms(std::string_view text);

/// Whether `haystack` contains `needle`, ignoring ASCII case.
bool containsFolded(std::string_view haystack, std::string_view needle);

/// A share in [0, 1] as a whole percentage: "54%".
std::string percent(double share);

/// An attribute value as one line of text: strings as they are, booleans as yes/no,
/// arrays joined with ", ", anything else as JSON.
std::string attributeText(const boost::json::value& value);

}  // namespace cw::gui::text
