/**
 * @file plugin.hpp
 * @brief Header-only C++ helper for writing a Crosswalk plugin.
 *
 * A plugin author writes only data (the catalog JSON, embedded by the CMake
 * function `crosswalk_add_plugin`) and, optionally, rule functions taking and
 * returning JSON text. This header builds the C descriptor, copies results
 * into plugin-owned buffers, and turns every exception into an error sent to
 * the host, so nothing throws across the boundary.
 *
 * @code
 * #include <crosswalk/plugin.hpp>
 *
 * static std::string scope(const cw::sdk::Context& ctx, std::string_view profile) {
 *     ...                      // parse profile, decide what applies
 *     return R"({"applicable": []})";
 * }
 *
 * CW_PLUGIN(cw::sdk::PluginInfo{
 *     .id = "example", .name = "Example", .version = "1.0.0",
 *     .publisher = "Crosswalk", .licence = "CC0-1.0",
 *     .scope = &scope,
 * })
 * @endcode
 */
#pragma once

#include <crosswalk/plugin_abi.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>

extern "C" {
/// Catalog bytes embedded by crosswalk_add_plugin (NUL-terminated UTF-8).
extern const unsigned char cw_embedded_catalog[];
/// Size of cw_embedded_catalog without the terminating NUL.
extern const size_t cw_embedded_catalog_size;
/// Mapping packs embedded by crosswalk_add_plugin (NUL-terminated), or NULL when none were given.
extern const unsigned char* const cw_embedded_packs;
}

namespace cw::sdk {

/// Severity of a message sent to the host.
enum class Level : int {
    Debug = CW_LOG_DEBUG,
    Info = CW_LOG_INFO,
    Warning = CW_LOG_WARNING,
    Error = CW_LOG_ERROR,
};

/// What a rule function may use during a call: logging to the host.
class Context {
public:
    explicit Context(const cw_host_api* host) noexcept : m_host(host) {}

    /// Sends a log line to the host; never throws.
    void log(Level level, std::string_view message) const noexcept {
        if (m_host == nullptr || m_host->log == nullptr) return;
        try {
            const std::string text(message);
            m_host->log(m_host->host_data, static_cast<int>(level), text.c_str());
        } catch (...) {
            // Out of memory while logging: nothing sensible left to report.
        }
    }

    /// ABI version of the host this call comes from.
    [[nodiscard]] uint32_t hostAbiMinor() const noexcept { return m_host ? m_host->abi_minor : 0; }

private:
    const cw_host_api* m_host;
};

/// A document function: returns JSON text. May throw; the helper reports it.
using DocumentFn = std::string (*)(const Context& ctx);
/// A rule function: JSON text in, JSON text out. May throw; the helper reports it.
using RuleFn = std::string (*)(const Context& ctx, std::string_view inputJson);

/// Everything a plugin declares. Strings must be literals (static storage).
struct PluginInfo {
    const char* id = nullptr;
    const char* name = nullptr;
    const char* version = nullptr;
    const char* publisher = nullptr;
    const char* licence = nullptr;
    /// Overrides the embedded catalog (for catalogs built in code). Usually left null.
    DocumentFn catalog = nullptr;
    /// Overrides the embedded mapping packs. Usually left null.
    DocumentFn mappingPacks = nullptr;
    /// Scoping rule (organization profile → applicable requirements), optional.
    RuleFn scope = nullptr;
    /// Readiness checks (workspace snapshot → findings), optional.
    RuleFn readiness = nullptr;
};

namespace detail {
// Internal linkage on purpose: with default visibility, inline variables and
// function-local statics become process-wide GNU_UNIQUE symbols, and two
// plugins would share one descriptor even under RTLD_LOCAL.
namespace {

const PluginInfo* g_info = nullptr;

char* copyOut(std::string_view text) noexcept {
    auto* buffer = static_cast<char*>(std::malloc(text.size() + 1));
    if (buffer == nullptr) return nullptr;
    if (!text.empty()) std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    return buffer;
}

// Logs the exception in flight as the error the host reports for this call.
void reportFailure(const cw_host_api* host) noexcept {
    const Context ctx(host);
    try {
        throw;
    } catch (const std::exception& e) {
        ctx.log(Level::Error, e.what());
    } catch (...) {
        ctx.log(Level::Error, "unknown exception");
    }
}

template <typename Fn>
char* guarded(const cw_host_api* host, const char* what, Fn&& fn) noexcept {
    try {
        std::string result = fn();
        char* out = copyOut(result);
        if (out == nullptr) Context(host).log(Level::Error, std::string(what) + ": out of memory");
        return out;
    } catch (...) {
        reportFailure(host);
        return nullptr;
    }
}

char* catalogThunk(const cw_host_api* host) noexcept {
    return guarded(host, "catalog", [host]() -> std::string {
        if (g_info->catalog != nullptr) return g_info->catalog(Context(host));
        return std::string(reinterpret_cast<const char*>(cw_embedded_catalog), cw_embedded_catalog_size);
    });
}

char* packsThunk(const cw_host_api* host) noexcept {
    return guarded(host, "mapping_packs", [host]() -> std::string {
        if (g_info->mappingPacks != nullptr) return g_info->mappingPacks(Context(host));
        return std::string(reinterpret_cast<const char*>(cw_embedded_packs));
    });
}

char* scopeThunk(const cw_host_api* host, const char* input) noexcept {
    return guarded(host, "scope", [host, input]() {
        return g_info->scope(Context(host), input ? std::string_view(input) : std::string_view());
    });
}

char* readinessThunk(const cw_host_api* host, const char* input) noexcept {
    return guarded(host, "readiness", [host, input]() {
        return g_info->readiness(Context(host), input ? std::string_view(input) : std::string_view());
    });
}

void freeBuffer(char* buffer) noexcept {
    std::free(buffer);
}

const cw_plugin_descriptor* describe(const PluginInfo& info) noexcept {
    g_info = &info;
    static const cw_plugin_descriptor descriptor = {
        CW_PLUGIN_ABI_MAJOR,
        CW_PLUGIN_ABI_MINOR,
        static_cast<uint32_t>(sizeof(cw_plugin_descriptor)),
        info.id,
        info.name,
        info.version,
        info.publisher,
        info.licence,
        &catalogThunk,
        (info.mappingPacks != nullptr || cw_embedded_packs != nullptr) ? &packsThunk : nullptr,
        info.scope != nullptr ? &scopeThunk : nullptr,
        info.readiness != nullptr ? &readinessThunk : nullptr,
        &freeBuffer,
    };
    return &descriptor;
}

}  // namespace
}  // namespace detail
}  // namespace cw::sdk

/// Defines the plugin's entry point from a cw::sdk::PluginInfo expression.
#define CW_PLUGIN(...)                                                              \
    extern "C" CW_PLUGIN_EXPORT const cw_plugin_descriptor* cw_plugin_entry(void) { \
        static const ::cw::sdk::PluginInfo cwPluginInfo = __VA_ARGS__;              \
        return ::cw::sdk::detail::describe(cwPluginInfo);                           \
    }
