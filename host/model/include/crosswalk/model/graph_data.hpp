/**
 * @file graph_data.hpp
 * @brief The mapping graph as plain data: what the store fills and the crosswalk analysis reads
 * (tests may build one by hand).
 */
#pragma once

#include <crosswalk/model/model.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cw {

/// A control as the graph knows it.
struct GraphControl {
    std::string framework;
    std::string ref;
    std::string title;
    bool assessable = false;
};

/// A stored mapping as the graph knows it (indices into GraphData::controls).
struct GraphMapping {
    std::uint32_t source = 0;
    std::uint32_t target = 0;
    Relationship relationship = Relationship::IntersectsWith;
    double confidence = 1.0;  ///< already including strength/10 where strength was given
    std::uint32_t pack = 0;   ///< index into GraphData::packs
};

struct GraphData {
    std::vector<std::string> frameworks;  ///< ids, in display order
    std::vector<GraphControl> controls;
    std::vector<std::string> packs;  ///< pack ids
    std::vector<GraphMapping> mappings;
};

/// What the quality computation needs beyond the graph: per mapping, which fields were filled.
struct PackFill {
    std::string pack;
    std::string source;
    std::string target;
    std::int64_t rationale = 0;
    std::int64_t strength = 0;
    std::int64_t confidence = 0;
};

}  // namespace cw
