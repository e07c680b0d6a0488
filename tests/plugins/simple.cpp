// A plugin with nothing but its embedded catalog; CW_TEST_ID names it.
#include <crosswalk/plugin.hpp>

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = CW_TEST_ID,
    .name = "Test plugin (" CW_TEST_ID ")",
    .version = "1.0.0",
    .publisher = "Crosswalk tests",
    .licence = "CC0-1.0",
})
