#include <crosswalk/workbench/init.hpp>

namespace cw {

CatalogSource catalogSource(const PluginInfo& plugin) {
    return CatalogSource{plugin.id,       plugin.name,     plugin.version, plugin.publisher,
                         plugin.licence,  plugin.file,     plugin.sha256,  plugin.catalogSha256,
                         plugin.abiMajor, plugin.abiMinor, plugin.catalog};
}

Result<SyncResult> syncPlugin(Workspace& ws, const PluginInfo& plugin) {
    if (plugin.status != PluginStatus::Loaded) {
        return Error::badInput(plugin.file.string() + ": plugin was rejected; nothing to load");
    }
    return ws.syncCatalog(catalogSource(plugin));
}

}  // namespace cw
