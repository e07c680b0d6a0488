// Workbench benchmarks: the analyses on the demo workspace, and on the demo
// with a large evidence library added.
#pragma once

#include <crosswalk/model/error.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>

namespace cw::bench {

struct WorkbenchBenchSetup {
    std::filesystem::path dir;
    /// Builds a workspace with every real plugin and pack into the file; returns seconds.
    std::function<Result<double>(const std::filesystem::path&)> buildReal;
    std::size_t extraEvidence = 5000;  ///< items added for the "large library" cases
};

void registerWorkbenchBenchmarks(WorkbenchBenchSetup setup);

}  // namespace cw::bench
