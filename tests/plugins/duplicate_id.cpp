// Declares the same id as the good test plugin: the second one found is rejected.
#include <crosswalk/plugin.hpp>

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = "cw-test-good",
    .name = "Test plugin (duplicate id)",
    .version = "1.0.0",
    .publisher = "Crosswalk tests",
    .licence = "CC0-1.0",
})
