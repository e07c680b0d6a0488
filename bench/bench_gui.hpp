// GUI frame time: the whole shell, every view open, drawn headless (CPU,
// no window, no GL) on the demo workspace and on the synthetic one.
#pragma once

#include <crosswalk/model/error.hpp>

#include <filesystem>
#include <functional>

namespace cw::bench {

struct GuiBenchSetup {
    std::filesystem::path workdir;                                 ///< where the demo workspace is made
    std::function<cw::Result<std::filesystem::path>()> synthetic;  ///< the synthetic workspace the other cases use
};

/// Registers "gui/frame_demo", "gui/frame_synthetic" and "gui/overlap_200" (the heat map alone, 200 × 200).
void registerGuiBenchmarks(GuiBenchSetup setup);

}  // namespace cw::bench
