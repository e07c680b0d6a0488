// The only file that touches Boost.DLL and the plugin ABI's function pointers.
#include <crosswalk/plugin_abi.h>
#include <crosswalk/io/catalog.hpp>
#include <crosswalk/io/hash.hpp>
#include <crosswalk/io/json.hpp>
#include <crosswalk/io/pack.hpp>
#include <crosswalk/io/paths.hpp>
#include <crosswalk/model/version.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>

#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace cw {
namespace {

// Bytes a plugin of a given ABI minor must provide: up to the end of the last
// field that minor defines. Minor versions append fields; when one does, add a
// row here and read the new field only after checking struct_size.
static_assert(CW_PLUGIN_ABI_MINOR == 0, "add the new minor's descriptor size to expectedDescriptorSize()");
std::size_t expectedDescriptorSize(std::uint32_t minor) noexcept {
    switch (minor) {
        case 0:
            return offsetof(cw_plugin_descriptor, free_buffer) + sizeof(cw_plugin_descriptor::free_buffer);
        default:
            return sizeof(cw_plugin_descriptor);  // newer than the host: rejected before this matters
    }
}

// Libraries stay loaded for the life of the process (DESIGN.md §2): a plugin
// may have handed out pointers to static data, and unloading is never safe
// once foreign code has run. Deliberately leaked.
void keepLoaded(boost::dll::shared_library library) {
    static std::mutex mutex;
    static auto* libraries = new std::vector<boost::dll::shared_library>();
    const std::lock_guard lock(mutex);
    libraries->push_back(std::move(library));
}

std::string abiText(std::uint32_t major, std::uint32_t minor) {
    return std::to_string(major) + "." + std::to_string(minor);
}

const std::string kHostAbi = abiText(CW_PLUGIN_ABI_MAJOR, CW_PLUGIN_ABI_MINOR);

// Collects what a plugin logs during one call.
struct CallLog {
    std::vector<PluginLogLine> lines;

    static void callback(void* data, int level, const char* message) noexcept {
        try {
            static_cast<CallLog*>(data)->lines.push_back({level, message != nullptr ? message : ""});
        } catch (...) {
            // Out of memory: drop the line rather than throw into the plugin.
        }
    }

    [[nodiscard]] std::string lastError() const {
        for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
            if (it->level >= CW_LOG_ERROR) return it->message;
        }
        return "no reason given";
    }
};

cw_host_api hostApi(CallLog& log) noexcept {
    return cw_host_api{sizeof(cw_host_api), CW_PLUGIN_ABI_MAJOR, CW_PLUGIN_ABI_MINOR, &log, &CallLog::callback};
}

// Copies a plugin-owned buffer and hands it back to the plugin, even if the copy throws.
std::string takeBuffer(const cw_plugin_descriptor& d, char* buffer) {
    const std::unique_ptr<char, void (*)(char*)> owned(buffer, d.free_buffer);
    return std::string(owned.get());
}

// Calls a document function; returns its text or the reason it failed.
Result<std::string> callDocument(const cw_plugin_descriptor& d, cw_document_fn fn, const char* what,
                                 std::vector<PluginLogLine>& logOut) {
    CallLog log;
    const cw_host_api api = hostApi(log);
    char* buffer = nullptr;
    try {
        buffer = fn(&api);
    } catch (const std::exception& e) {
        // A plugin that lets an exception escape breaks the contract; survive it anyway.
        logOut.insert(logOut.end(), log.lines.begin(), log.lines.end());
        return Error::badInput(std::string(what) + " function threw across the ABI boundary: " + e.what());
    } catch (...) {
        logOut.insert(logOut.end(), log.lines.begin(), log.lines.end());
        return Error::badInput(std::string(what) + " function threw across the ABI boundary");
    }
    logOut.insert(logOut.end(), log.lines.begin(), log.lines.end());
    if (buffer == nullptr) return Error::badInput(std::string(what) + " function failed: " + log.lastError());
    return takeBuffer(d, buffer);
}

bool validId(const char* id) {
    static const std::regex kId("^[a-z0-9][a-z0-9.-]{0,63}$");
    return id != nullptr && std::regex_match(id, kId);
}

std::string textOr(const char* s) {
    return s != nullptr ? std::string(s) : std::string();
}

}  // namespace

std::string_view toString(PluginStatus status) noexcept {
    return status == PluginStatus::Loaded ? "loaded" : "rejected";
}

std::vector<fs::path> findPluginFiles(const std::vector<fs::path>& searchPath) {
    return findFiles(searchPath, ".so");
}

struct PluginHost::Impl {
    struct Loaded {
        std::size_t index;  // into plugins
        const cw_plugin_descriptor* descriptor;
    };
    std::vector<PluginInfo> plugins;
    std::vector<Loaded> loaded;

    const cw_plugin_descriptor* descriptorOf(std::string_view id) const {
        for (const auto& l : loaded) {
            if (plugins[l.index].id == id) return l.descriptor;
        }
        return nullptr;
    }

    PluginInfo& load(const fs::path& file) {
        PluginInfo& info = plugins.emplace_back();
        info.file = file;
        const cw_plugin_descriptor* d = inspect(info);
        if (d != nullptr && info.problems.empty()) {
            info.status = PluginStatus::Loaded;
            loaded.push_back({plugins.size() - 1, d});
        }
        return info;
    }

    // Runs the checks of DESIGN.md §2 in order; records every problem found.
    const cw_plugin_descriptor* inspect(PluginInfo& info) {
        std::error_code ec;
        if (!fs::is_regular_file(info.file, ec)) {
            info.problems.push_back("not a readable file");
            return nullptr;
        }
        if (auto sha = sha256File(info.file)) {
            info.sha256 = *sha;
        } else {
            info.problems.push_back(sha.error().message);
            return nullptr;
        }

        boost::dll::shared_library library;
        boost::system::error_code loadError;
        library.load(boost::dll::fs::path(info.file.string()), loadError,
                     boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
        if (loadError) {
            info.problems.push_back("cannot be loaded as a shared library: " + loadError.message());
            return nullptr;
        }
        if (!library.has(CW_PLUGIN_ENTRY_SYMBOL)) {
            info.problems.push_back("no entry point: the symbol '" CW_PLUGIN_ENTRY_SYMBOL
                                    "' is not exported (is it declared extern \"C\" with CW_PLUGIN_EXPORT?)");
            keepLoaded(std::move(library));
            return nullptr;
        }
        auto& entry = library.get<std::remove_pointer_t<cw_plugin_entry_fn>>(CW_PLUGIN_ENTRY_SYMBOL);
        const cw_plugin_descriptor* d = nullptr;
        try {
            d = entry();
        } catch (...) {
            info.problems.push_back("entry point threw an exception");
        }
        keepLoaded(std::move(library));
        if (d == nullptr) {
            if (info.problems.empty()) info.problems.push_back("entry point returned no descriptor");
            return nullptr;
        }

        info.abiMajor = d->abi_major;
        info.abiMinor = d->abi_minor;
        const std::string pluginAbi = abiText(d->abi_major, d->abi_minor);
        if (d->abi_major != CW_PLUGIN_ABI_MAJOR) {
            info.problems.push_back("built for plugin ABI " + pluginAbi + ", host is " + kHostAbi +
                                    " (the major version must match; rebuild the plugin against this SDK)");
            return nullptr;
        }
        if (d->abi_minor > CW_PLUGIN_ABI_MINOR) {
            info.problems.push_back("built for plugin ABI " + pluginAbi + ", host is " + kHostAbi +
                                    " (the plugin needs a newer host)");
            return nullptr;
        }
        if (d->struct_size < expectedDescriptorSize(d->abi_minor)) {
            info.problems.push_back("descriptor is " + std::to_string(d->struct_size) + " bytes, ABI " + pluginAbi +
                                    " needs at least " + std::to_string(expectedDescriptorSize(d->abi_minor)));
            return nullptr;
        }

        info.id = textOr(d->id);
        info.name = textOr(d->name);
        info.version = textOr(d->version);
        info.publisher = textOr(d->publisher);
        info.licence = textOr(d->licence);
        info.hasPacks = d->mapping_packs != nullptr;
        info.hasScope = d->scope != nullptr;
        info.hasReadiness = d->readiness != nullptr;

        if (!validId(d->id)) {
            info.problems.push_back("invalid plugin id '" + info.id +
                                    "' (expected lower-case letters, digits, '.' and '-', at most 64)");
        }
        if (info.name.empty()) info.problems.push_back("descriptor has no name");
        if (!isValidVersion(info.version)) {
            info.problems.push_back("invalid plugin version '" + info.version +
                                    "' (expected dotted numbers, e.g. 1.2.0)");
        }
        if (d->catalog == nullptr) info.problems.push_back("descriptor has no catalog function");
        if (d->free_buffer == nullptr) info.problems.push_back("descriptor has no free_buffer function");
        if (!info.problems.empty()) return nullptr;

        for (const auto& other : plugins) {
            if (&other != &info && other.status == PluginStatus::Loaded && other.id == info.id) {
                info.problems.push_back("duplicate plugin id '" + info.id + "': already loaded from " +
                                        other.file.string());
                return nullptr;
            }
        }

        auto catalogText = callDocument(*d, d->catalog, "catalog", info.log);
        if (!catalogText) {
            info.problems.push_back(catalogText.error().message);
            return nullptr;
        }
        info.catalogSha256 = sha256Hex(*catalogText);
        CatalogReading reading = readCatalog(*catalogText);
        for (const auto& problem : reading.problems) info.problems.push_back("catalog " + toString(problem));
        if (!reading.catalog) return nullptr;
        info.catalog = std::move(*reading.catalog);
        // One framework, one provider: a second plugin shipping the same framework id is refused.
        for (const auto& other : plugins) {
            if (&other == &info || other.status != PluginStatus::Loaded) continue;
            for (const auto& mine : info.catalog.frameworks) {
                for (const auto& theirs : other.catalog.frameworks) {
                    if (mine.id == theirs.id) {
                        info.problems.push_back("framework '" + mine.id + "' is already provided by plugin '" +
                                                other.id + "' (" + other.file.string() + ")");
                    }
                }
            }
        }
        if (!info.problems.empty()) return nullptr;

        if (d->mapping_packs != nullptr) {
            auto packs = callDocument(*d, d->mapping_packs, "mapping_packs", info.log);
            if (!packs) {
                info.problems.push_back(packs.error().message);
                return nullptr;
            }
            // Checked here, like the catalog, so verify-plugin reports a bad bundle; refs are
            // checked against the workspace when the packs are imported.
            std::vector<Problem> bundle;
            for (const auto& packReading : readPackBundle(*packs, bundle)) {
                for (const auto& problem : packReading.problems) {
                    info.problems.push_back("mapping_packs " + toString(problem));
                }
            }
            for (const auto& problem : bundle) info.problems.push_back("mapping_packs " + toString(problem));
            if (!info.problems.empty()) return nullptr;
            info.packsJson = std::move(*packs);
        }
        return d;
    }

    Result<std::string> callRule(std::string_view id, std::string_view input, bool isScope) const {
        const char* what = isScope ? "scope" : "readiness";
        const cw_plugin_descriptor* d = descriptorOf(id);
        if (d == nullptr) return Error::notFound("no loaded plugin '" + std::string(id) + "'");
        const cw_rule_fn fn = isScope ? d->scope : d->readiness;
        if (fn == nullptr) return Error::notFound("plugin '" + std::string(id) + "' has no " + what + " rule");
        CallLog log;
        const cw_host_api api = hostApi(log);
        const std::string inputText(input);
        char* buffer = nullptr;
        try {
            buffer = fn(&api, inputText.c_str());
        } catch (...) {
            return Error::internal("plugin '" + std::string(id) + "': " + what + " threw across the ABI boundary");
        }
        const std::string file = fileOf(id);
        if (buffer == nullptr) {
            return Error::badInput("plugin '" + std::string(id) + "' (" + file + "): " + what +
                                   " failed: " + log.lastError());
        }
        std::string output = takeBuffer(*d, buffer);
        // What a plugin returns is input like any other: check it before anyone trusts it.
        auto parsed = parseJson(output, "plugin '" + std::string(id) + "' (" + file + ") " + what + " output");
        if (!parsed) return parsed.error();
        const auto problems = rulesSchema().validate(*parsed, isScope ? "scopeOutput" : "readinessOutput");
        if (!problems.empty()) {
            return Error::badInput(
                "plugin '" + std::string(id) + "' (" + file + "): " + what +
                " output is invalid: " + toString(problems.front()) +
                (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : std::string()));
        }
        return output;
    }

    std::string fileOf(std::string_view id) const {
        for (const auto& l : loaded) {
            if (plugins[l.index].id == id) return plugins[l.index].file.string();
        }
        return {};
    }
};

PluginHost::PluginHost() : m_impl(std::make_unique<Impl>()) {}
PluginHost::PluginHost(PluginHost&&) noexcept = default;
PluginHost& PluginHost::operator=(PluginHost&&) noexcept = default;
PluginHost::~PluginHost() = default;

void PluginHost::loadAll(const std::vector<fs::path>& searchPath, const PluginProgress& progress) {
    const auto files = findPluginFiles(searchPath);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const PluginInfo& info = m_impl->load(files[i]);
        if (progress) progress(i + 1, files.size(), info);
    }
}

const PluginInfo& PluginHost::load(const fs::path& file) {
    return m_impl->load(file);
}

const std::vector<PluginInfo>& PluginHost::plugins() const noexcept {
    return m_impl->plugins;
}

const PluginInfo* PluginHost::find(std::string_view id) const noexcept {
    for (const auto& l : m_impl->loaded) {
        if (m_impl->plugins[l.index].id == id) return &m_impl->plugins[l.index];
    }
    return nullptr;
}

Result<std::string> PluginHost::scope(std::string_view pluginId, std::string_view inputJson) const {
    return m_impl->callRule(pluginId, inputJson, true);
}

Result<std::string> PluginHost::readiness(std::string_view pluginId, std::string_view inputJson) const {
    return m_impl->callRule(pluginId, inputJson, false);
}

}  // namespace cw
