#include "migrations.hpp"

#include <crosswalk/model/version.hpp>

#include <array>
#include <string_view>

namespace cw::db {
namespace {

// Each step moves user_version from its index to index + 1. Never edit a
// released step; append a new one.
constexpr std::array<std::string_view, 3> kSteps = {
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
    // 2 → 3: the certification workbench (DESIGN.md §3, §5): organization and scope,
    // targets and applicability, implementation status, evidence, risks, SoA, audits,
    // management reviews, the timeline. Dates are 'YYYY-MM-DD' text; times ISO 8601 UTC.
    R"sql(
CREATE TABLE organization (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL CHECK (length(name) > 0),
    sector          TEXT NOT NULL DEFAULT '',
    scope_statement TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE scope_items (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('site','system','process')),
    name     TEXT NOT NULL CHECK (length(name) > 0),
    in_scope INTEGER NOT NULL CHECK (in_scope IN (0, 1)),
    note     TEXT NOT NULL DEFAULT '',
    CHECK (in_scope = 1 OR length(note) > 0),
    UNIQUE (kind, name)
) STRICT;

CREATE TABLE assets (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL CHECK (length(name) > 0),
    type           TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL CHECK (classification IN ('public','internal','confidential','restricted')),
    owner          TEXT NOT NULL DEFAULT '',
    in_scope       INTEGER NOT NULL DEFAULT 1 CHECK (in_scope IN (0, 1)),
    description    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE targets (
    framework_id TEXT PRIMARY KEY REFERENCES frameworks(id) ON DELETE CASCADE,
    answers      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers) AND json_type(answers) = 'object'),
    notes        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
    position     INTEGER NOT NULL,
    added_at     TEXT NOT NULL
) STRICT;

-- One row per assessable requirement of a target framework.
CREATE TABLE applicability (
    control_id   INTEGER PRIMARY KEY REFERENCES controls(id) ON DELETE CASCADE,
    framework_id TEXT NOT NULL REFERENCES targets(framework_id) ON DELETE CASCADE,
    applies      INTEGER NOT NULL CHECK (applies IN (0, 1)),
    reason       TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;
CREATE INDEX applicability_framework ON applicability(framework_id);

-- A status on a common control or directly on a requirement, never both.
CREATE TABLE implementation (
    id                INTEGER PRIMARY KEY,
    common_control_id INTEGER UNIQUE REFERENCES common_controls(id) ON DELETE CASCADE,
    control_id        INTEGER UNIQUE REFERENCES controls(id) ON DELETE CASCADE,
    status            TEXT NOT NULL CHECK (status IN ('not-started','planned','partial','implemented','not-applicable')),
    reason            TEXT NOT NULL DEFAULT '',
    owner             TEXT NOT NULL DEFAULT '',
    due               TEXT,
    note              TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL,
    CHECK ((common_control_id IS NULL) <> (control_id IS NULL)),
    CHECK (status <> 'not-applicable' OR length(reason) > 0)
) STRICT;

CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL CHECK (length(title) > 0),
    kind         TEXT NOT NULL CHECK (kind IN ('policy','procedure','record','log','configuration','screenshot','report','ticket')),
    location     TEXT NOT NULL DEFAULT '',
    sha256       TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    owner        TEXT NOT NULL DEFAULT '',
    collected_on TEXT,
    valid_until  TEXT,
    review_days  INTEGER CHECK (review_days > 0),
    description  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    CHECK (valid_until IS NULL OR collected_on IS NULL OR valid_until >= collected_on)
) STRICT;

CREATE TABLE evidence_links (
    evidence_id       INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    common_control_id INTEGER REFERENCES common_controls(id) ON DELETE CASCADE,
    control_id        INTEGER REFERENCES controls(id) ON DELETE CASCADE,
    CHECK ((common_control_id IS NULL) <> (control_id IS NULL)),
    UNIQUE (evidence_id, common_control_id),
    UNIQUE (evidence_id, control_id)
) STRICT;
CREATE INDEX evidence_links_common ON evidence_links(common_control_id);
CREATE INDEX evidence_links_control ON evidence_links(control_id);

-- An explicit decision that an item is (not) valid for a framework's scope; without a
-- row, an item counts for every framework it reaches.
CREATE TABLE evidence_scope (
    evidence_id  INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    valid        INTEGER NOT NULL CHECK (valid IN (0, 1)),
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (evidence_id, framework_id)
) STRICT;

CREATE TABLE risk_matrix (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    likelihood_levels INTEGER NOT NULL CHECK (likelihood_levels BETWEEN 2 AND 10),
    impact_levels     INTEGER NOT NULL CHECK (impact_levels BETWEEN 2 AND 10),
    likelihood_names  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(likelihood_names)),
    impact_names      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(impact_names)),
    medium_from       INTEGER NOT NULL,
    high_from         INTEGER NOT NULL,
    acceptable_up_to  INTEGER NOT NULL,
    CHECK (medium_from <= high_from)
) STRICT;

CREATE TABLE risks (
    id                  INTEGER PRIMARY KEY,
    key                 TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL CHECK (length(title) > 0),
    threat              TEXT NOT NULL DEFAULT '',
    vulnerability       TEXT NOT NULL DEFAULT '',
    owner               TEXT NOT NULL DEFAULT '',
    likelihood          INTEGER NOT NULL CHECK (likelihood >= 1),
    impact              INTEGER NOT NULL CHECK (impact >= 1),
    treatment           TEXT CHECK (treatment IN ('modify','retain','avoid','share')),
    residual_likelihood INTEGER CHECK (residual_likelihood >= 1),
    residual_impact     INTEGER CHECK (residual_impact >= 1),
    accepted_by         TEXT NOT NULL DEFAULT '',
    accepted_on         TEXT,
    notes               TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE risk_assets (
    risk_id  INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
    asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
    PRIMARY KEY (risk_id, asset_id)
) STRICT;

-- The Annex A controls chosen to treat a risk.
CREATE TABLE risk_controls (
    risk_id    INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
    control_id INTEGER NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
    PRIMARY KEY (risk_id, control_id)
) STRICT;

CREATE TABLE soa_rows (
    control_id    INTEGER PRIMARY KEY REFERENCES controls(id) ON DELETE CASCADE,
    applicable    INTEGER CHECK (applicable IN (0, 1)),
    justification TEXT NOT NULL DEFAULT '',
    other_drivers TEXT NOT NULL DEFAULT '',
    business_need TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','final')),
    edited        INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    updated_at    TEXT NOT NULL,
    CHECK (state = 'draft' OR (applicable IS NOT NULL AND length(trim(justification)) > 0))
) STRICT;

CREATE TABLE audit_programmes (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL CHECK (length(title) > 0),
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL,
    objectives TEXT NOT NULL DEFAULT '',
    CHECK (ends_on >= starts_on)
) STRICT;

CREATE TABLE audits (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    programme_id INTEGER REFERENCES audit_programmes(id) ON DELETE SET NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('internal','stage1','stage2','surveillance','recertification')),
    title        TEXT NOT NULL CHECK (length(title) > 0),
    scope        TEXT NOT NULL DEFAULT '',
    areas        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(areas) AND json_type(areas) = 'array'),
    auditor      TEXT NOT NULL DEFAULT '',
    planned_on   TEXT NOT NULL,
    completed_on TEXT,
    status       TEXT NOT NULL CHECK (status IN ('planned','in-progress','completed','cancelled')),
    CHECK (status <> 'completed' OR completed_on IS NOT NULL)
) STRICT;

CREATE TABLE audit_findings (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    audit_id    INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    type        TEXT NOT NULL CHECK (type IN ('major','minor','observation','opportunity')),
    control_id  INTEGER REFERENCES controls(id) ON DELETE SET NULL,
    description TEXT NOT NULL CHECK (length(description) > 0),
    raised_on   TEXT NOT NULL,
    open        INTEGER NOT NULL CHECK (open IN (0, 1)),
    closed_on   TEXT,
    CHECK (open = 1 OR closed_on IS NOT NULL),
    CHECK (closed_on IS NULL OR closed_on >= raised_on)
) STRICT;

CREATE TABLE corrective_actions (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    finding_id  INTEGER NOT NULL REFERENCES audit_findings(id) ON DELETE CASCADE,
    description TEXT NOT NULL CHECK (length(description) > 0),
    root_cause  TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    due         TEXT,
    status      TEXT NOT NULL CHECK (status IN ('open','in-progress','done','verified')),
    closed_on   TEXT,
    CHECK (status IN ('open','in-progress') OR (closed_on IS NOT NULL AND length(root_cause) > 0))
) STRICT;

CREATE TABLE management_reviews (
    id                      INTEGER PRIMARY KEY,
    key                     TEXT NOT NULL UNIQUE,
    held_on                 TEXT NOT NULL,
    chair                   TEXT NOT NULL DEFAULT '',
    attendees               TEXT NOT NULL DEFAULT '',
    notes                   TEXT NOT NULL DEFAULT '',
    ready_for_certification INTEGER NOT NULL DEFAULT 0 CHECK (ready_for_certification IN (0, 1))
) STRICT;

CREATE TABLE review_inputs (
    review_id INTEGER NOT NULL REFERENCES management_reviews(id) ON DELETE CASCADE,
    input     TEXT NOT NULL CHECK (input IN ('a','b','c','d1','d2','d3','d4','e','f','g')),
    summary   TEXT NOT NULL CHECK (length(summary) > 0),
    PRIMARY KEY (review_id, input)
) STRICT;

CREATE TABLE review_decisions (
    id        INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES management_reviews(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('improvement','isms-change','resources','readiness')),
    text      TEXT NOT NULL CHECK (length(text) > 0),
    owner     TEXT NOT NULL DEFAULT '',
    due       TEXT
) STRICT;

CREATE TABLE milestones (
    step          TEXT PRIMARY KEY CHECK (step IN ('gap-analysis','isms-development','internal-audit',
                  'management-review','stage1','remediation','stage2','certificate','surveillance-1',
                  'surveillance-2','recertification')),
    planned_start TEXT,
    planned_end   TEXT,
    actual_start  TEXT,
    actual_end    TEXT,
    note          TEXT NOT NULL DEFAULT '',
    CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
    CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start)
) STRICT;

CREATE TABLE cycles (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('soc2-type1','soc2-type2-observation','soc2-type2-report',
                 'pci-assessment','hipaa-risk-analysis','other')),
    title        TEXT NOT NULL CHECK (length(title) > 0),
    starts_on    TEXT NOT NULL,
    ends_on      TEXT NOT NULL,
    recur_months INTEGER NOT NULL DEFAULT 0 CHECK (recur_months >= 0),
    CHECK (ends_on >= starts_on)
) STRICT;

-- Workbench settings (remediation buffer, certificate years, soon-stale window).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
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
