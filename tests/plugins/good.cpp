// A well-behaved test plugin: two frameworks, a scoping rule and readiness checks.
#include <crosswalk/plugin.hpp>

#include <stdexcept>
#include <string>

namespace {

// Echoes the input so tests can see exactly what crossed the boundary.
std::string scope(const cw::sdk::Context& ctx, std::string_view input) {
    if (input.find("\"fail\"") != std::string_view::npos) throw std::invalid_argument("answers.fail is not allowed");
    if (input.find("\"badoutput\"") != std::string_view::npos)
        return R"({"framework":"test-good","requirements":[{"ref":"T2"}]})";
    ctx.log(cw::sdk::Level::Info, "scope called");
    return R"({"framework":"test-good","requirements":[{"ref":"T2","applies":false,"reason":"echo: )" +
           std::to_string(input.size()) + R"( bytes"}]})";
}

std::string readiness(const cw::sdk::Context&, std::string_view) {
    return R"({"findings":[{"check":"test-good.always","severity":"info","message":"checked"}]})";
}

}  // namespace

CW_PLUGIN(cw::sdk::PluginInfo{
    .id = "cw-test-good",
    .name = "Test plugin (good)",
    .version = CW_TEST_VERSION,
    .publisher = "Crosswalk tests",
    .licence = "CC0-1.0",
    .scope = &scope,
    .readiness = &readiness,
})
