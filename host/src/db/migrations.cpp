#include "migrations.hpp"

#include <crosswalk/core/version.hpp>

#include <array>
#include <string_view>

namespace cw::db {
namespace {

// Each step moves user_version from its index to index + 1. Never edit a
// released step; append a new one.
constexpr std::array<std::string_view, 2> kSteps = {
    // 0 → 1: plugins, frameworks, controls, packs, mappings (DESIGN.md §3).
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE plugins (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    version        TEXT NOT NULL,
    publisher      TEXT NOT NULL,
    licence        TEXT NOT NULL,
    file           TEXT NOT NULL,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    catalog_sha256 TEXT NOT NULL CHECK (length(catalog_sha256) = 64),
    abi_major      INTEGER NOT NULL,
    abi_minor      INTEGER NOT NULL,
    loaded_at      TEXT NOT NULL
) STRICT;

CREATE TABLE frameworks (
    id          TEXT PRIMARY KEY,
    plugin_id   TEXT REFERENCES plugins(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    version     TEXT NOT NULL,
    publisher   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('standard','criteria','regulation','framework','catalog','guideline','other')),
    published   TEXT,
    source      TEXT NOT NULL DEFAULT '',
    licence     TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Rows keep their id across catalog updates (upsert on framework + ref), so
-- everything that refers to a control survives as long as its ref exists.
CREATE TABLE controls (
    id           INTEGER PRIMARY KEY,
    framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    ref          TEXT NOT NULL,
    parent_id    INTEGER REFERENCES controls(id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL,
    assessable   INTEGER NOT NULL CHECK (assessable IN (0, 1)),
    depth        INTEGER NOT NULL DEFAULT 0,
    position     INTEGER NOT NULL,
    attributes   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    UNIQUE (framework_id, ref)
) STRICT;
CREATE INDEX controls_parent ON controls(parent_id);
CREATE INDEX controls_position ON controls(framework_id, position);

CREATE TABLE packs (
    id                  TEXT PRIMARY KEY,
    version             TEXT NOT NULL,
    title               TEXT NOT NULL,
    source_framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    target_framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    plugin_id           TEXT REFERENCES plugins(id) ON DELETE CASCADE,
    source_document     TEXT NOT NULL,
    method              TEXT NOT NULL CHECK (method IN ('official','derived','authored','inferred')),
    author              TEXT NOT NULL DEFAULT '',
    date                TEXT,
    url                 TEXT NOT NULL DEFAULT '',
    derived_from        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(derived_from) AND json_type(derived_from) = 'array'),
    notes               TEXT NOT NULL DEFAULT '',
    source_version      TEXT NOT NULL DEFAULT '',
    target_version      TEXT NOT NULL DEFAULT '',
    licence             TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    file                TEXT,
    sha256              TEXT,
    imported_at         TEXT NOT NULL
) STRICT;

CREATE TABLE mappings (
    id                INTEGER PRIMARY KEY,
    pack_id           TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    source_control_id INTEGER NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
    target_control_id INTEGER NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
    relationship      TEXT NOT NULL CHECK (relationship IN ('equal','subset-of','superset-of','intersects-with','no-relationship')),
    rationale         TEXT CHECK (rationale IN ('syntactic','semantic','functional')),
    strength          INTEGER CHECK (strength BETWEEN 1 AND 10),
    confidence        REAL CHECK (confidence BETWEEN 0 AND 1),
    coverage          REAL CHECK (coverage BETWEEN 0 AND 1),
    qualifiers        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(qualifiers) AND json_type(qualifiers) = 'array'),
    note              TEXT NOT NULL DEFAULT '',
    -- Provenance of this edge when it differs from its pack's.
    source_document   TEXT,
    method            TEXT CHECK (method IN ('official','derived','authored','inferred')),
    author            TEXT,
    date              TEXT,
    CHECK (source_control_id <> target_control_id),
    UNIQUE (pack_id, source_control_id, target_control_id)
) STRICT;
CREATE INDEX mappings_source ON mappings(source_control_id);
CREATE INDEX mappings_target ON mappings(target_control_id);
)sql",
    // 1 → 2: common controls, the organization's own controls, seeded from the hub.
    R"sql(
CREATE TABLE common_controls (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL CHECK (length(title) > 0),
    description    TEXT NOT NULL DEFAULT '',
    origin         TEXT NOT NULL CHECK (origin IN ('hub','custom','split','merged')),
    hub_control_id INTEGER REFERENCES controls(id) ON DELETE SET NULL,  -- seeded from
    created_at     TEXT NOT NULL
) STRICT;

-- The hub controls a common control stands for (one when seeded, more after a merge);
-- seeding derives links through them, so a merge keeps receiving new mappings.
CREATE TABLE common_control_hubs (
    common_control_id INTEGER NOT NULL REFERENCES common_controls(id) ON DELETE CASCADE,
    hub_control_id    INTEGER NOT NULL UNIQUE REFERENCES controls(id) ON DELETE CASCADE,
    PRIMARY KEY (common_control_id, hub_control_id)
) STRICT;

-- Which requirements a common control satisfies; `relationship` is the
-- requirement's relation to the hub control when the link came from a mapping.
-- Links with source hub or mapping are derived and refreshed by every seed;
-- manual links are the organization's and never touched by seeding.
CREATE TABLE common_control_links (
    common_control_id INTEGER NOT NULL REFERENCES common_controls(id) ON DELETE CASCADE,
    control_id        INTEGER NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
    relationship      TEXT CHECK (relationship IN ('equal','subset-of','superset-of','intersects-with')),
    source            TEXT NOT NULL CHECK (source IN ('hub','mapping','manual')),
    PRIMARY KEY (common_control_id, control_id)
) STRICT;
CREATE INDEX common_control_links_control ON common_control_links(control_id);

-- Requirements the organization took away from a hub control's common control
-- (unlinked, split off), so that seeding again never brings them back.
CREATE TABLE common_control_removed (
    hub_control_id INTEGER NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
    control_id     INTEGER NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
    PRIMARY KEY (hub_control_id, control_id)
) STRICT;
)sql",
};

}  // namespace

int latestSchemaVersion() noexcept {
    return static_cast<int>(kSteps.size());
}

Result<int> migrate(Database& db) {
    auto version = db.prepare("PRAGMA user_version");
    if (!version) return version.error();
    auto row = version->step();
    if (!row) return row.error();
    int current = static_cast<int>(version->integer(0));
    version->reset();

    if (current > latestSchemaVersion()) {
        return Error::badInput(db.path().string() + ": workspace schema version " + std::to_string(current) +
                               " is newer than this Crosswalk (" + std::string(crosswalkVersion()) + ") understands (" +
                               std::to_string(latestSchemaVersion()) + "); upgrade Crosswalk");
    }
    while (current < latestSchemaVersion()) {
        auto tx = Transaction::begin(db);
        if (!tx) return tx.error();
        // Another process may have migrated while we waited for the write lock.
        auto again = db.prepare("PRAGMA user_version");
        if (!again) return again.error();
        if (auto r = again->step(); !r) return r.error();
        const int now = static_cast<int>(again->integer(0));
        if (now != current) {
            current = now;
            if (auto r = tx->commit(); !r) return r.error();
            continue;
        }
        if (auto r = db.exec(kSteps[static_cast<std::size_t>(current)]); !r) {
            return Error::internal("migration to schema " + std::to_string(current + 1) +
                                   " failed: " + r.error().message);
        }
        if (current == 0) {
            auto meta = db.prepare(
                "INSERT INTO meta(key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ','now')), "
                "('created_by', ?1)");
            if (!meta) return meta.error();
            meta->bindAll("crosswalk " + std::string(crosswalkVersion()));
            if (auto r = meta->run(); !r) return r.error();
        }
        if (auto r = db.exec("PRAGMA user_version = " + std::to_string(current + 1)); !r) return r.error();
        if (auto r = tx->commit(); !r) return r.error();
        ++current;
    }
    return current;
}

}  // namespace cw::db
