// Workspace internals shared by the repository files in host/store/src/.
#pragma once

#include <crosswalk/store/workspace.hpp>

#include "database.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

struct Workspace::Impl {
    std::unique_ptr<db::Database> db;
    std::filesystem::path path;
    bool created = false;
    int schemaVersion = 0;

    Result<SyncResult> sync(const CatalogSource& plugin);
    Result<void> syncFramework(const CatalogSource& plugin, const Framework& f, std::size_t position,
                               SyncResult& result);
    Result<std::vector<std::string>> knownFrameworks();
    Result<FrameworkSummary> framework(std::string_view id);
    /// Control id of a full ref "framework:ref", NotFound/BadInput with a hint otherwise.
    Result<std::int64_t> controlId(std::string_view fullRef);
};

namespace detail {
/// How the workbench repositories (host/store/src/*.cpp) reach the connection.
struct WorkspaceAccess {
    static Workspace::Impl& impl(Workspace& ws) { return *ws.m_impl; }
    static db::Database& db(Workspace& ws) { return *ws.m_impl->db; }
};
}  // namespace detail

}  // namespace cw
