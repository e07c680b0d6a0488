// A deterministic synthetic workspace for the benchmarks: plugin catalogs and
// mapping packs shaped like the real ones, at any size.
#pragma once

#include <crosswalk/model/model.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::bench {

/// How big a synthetic workspace is. The same spec always yields the same data.
struct SyntheticSpec {
    std::string name;            ///< "small", "medium", "full"
    std::size_t frameworks = 0;  ///< including the hub
    std::size_t controlsPerFramework = 0;
    std::size_t mappings = 0;  ///< over all packs
    std::uint64_t seed = 0x5eed'c0ff'ee15'2026ULL;

    /// small: 8 × 100 × 4,000 (smoke runs); medium: 50 × 1,000 × 200,000 (profiling);
    /// full: 200 × 1,000 × 1,000,000 (the figures).
    static std::optional<SyntheticSpec> named(std::string_view name);
};

/// Catalogs and packs ready for syncPlugin / importPack.
struct SyntheticWorkspace {
    SyntheticSpec spec;
    std::string hub;                  ///< framework id every other framework has a pack to
    std::vector<PluginInfo> plugins;  ///< one plugin per framework, hub first
    std::vector<Pack> packs;          ///< hub packs first, then the other pairs
    std::size_t assessable = 0;       ///< assessable controls over all frameworks

    [[nodiscard]] std::size_t controls() const noexcept { return spec.frameworks * spec.controlsPerFramework; }
};

/// Generates the workspace for `spec` from its fixed seed.
///
/// Each framework is a tree of clauses (not assessable), controls (assessable) and
/// points of focus (half of them assessable): about 60% assessable. Half of the
/// mappings are in one pack per framework to the hub, the rest in packs between
/// random pairs of other frameworks. Relationships: about 70% intersects-with,
/// 12% subset-of, 10% superset-of, 8% equal; rationale, strength, confidence,
/// coverage and notes filled in part, as in published packs.
SyntheticWorkspace generate(const SyntheticSpec& spec);

/// The id of synthetic framework `index` ("syn-007"); index 0 is the hub.
std::string syntheticFrameworkId(std::size_t index);

/// What the benchmarks pass to importPack as the pack's origin and SHA-256
/// (the floor writes the same values).
std::string packOrigin(const Pack& pack);
std::string packSha256(const Pack& pack);

}  // namespace cw::bench
