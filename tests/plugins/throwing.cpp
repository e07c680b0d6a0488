// Its catalog function throws; the SDK helper must turn that into an error.
#include <crosswalk/plugin.hpp>

#include <stdexcept>

namespace {

std::string catalog(const cw::sdk::Context&) {
    throw std::runtime_error("catalog generator exploded");
}

}  // namespace

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = "cw-test-throwing",
    .name = "Test plugin (throws)",
    .version = "1.0.0",
    .publisher = "Crosswalk tests",
    .licence = "CC0-1.0",
    .catalog = &catalog,
})
