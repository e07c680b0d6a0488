/**
 * @file plugin_abi.h
 * @brief The binary contract between the Crosswalk host and a framework plugin.
 *
 * Pure C (C99). A plugin is a shared library that exports exactly one symbol,
 * ::cw_plugin_entry, returning a pointer to a static ::cw_plugin_descriptor.
 *
 * Versioning (checked by the host, in this order):
 *  1. the entry point is present;
 *  2. `abi_major` equals the host's ::CW_PLUGIN_ABI_MAJOR;
 *  3. `abi_minor` is at most the host's ::CW_PLUGIN_ABI_MINOR;
 *  4. `struct_size` is at least the size the host expects for that minor.
 * Minor versions only ever append fields at the end of the descriptor.
 *
 * Payloads are UTF-8 JSON. No C++ type and no exception crosses the boundary:
 * a failing function returns NULL and reports why through cw_host_api::log
 * at ::CW_LOG_ERROR.
 *
 * Buffer ownership: every non-NULL `char*` a plugin function returns is a
 * NUL-terminated UTF-8 buffer owned by the plugin. The host copies it and then
 * hands it back exactly once to cw_plugin_descriptor::free_buffer. Strings the
 * host passes in (profile, snapshot, log text) are owned by the host and valid
 * only for the duration of the call.
 */
#ifndef CROSSWALK_PLUGIN_ABI_H
#define CROSSWALK_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

/** Incompatible changes bump the major; the host rejects any other major. */
#define CW_PLUGIN_ABI_MAJOR 1
/** Compatible additions (fields appended to the descriptor) bump the minor. */
#define CW_PLUGIN_ABI_MINOR 0

/** Name of the single exported entry point. */
#define CW_PLUGIN_ENTRY_SYMBOL "cw_plugin_entry"

#if defined(_WIN32)
#define CW_PLUGIN_EXPORT __declspec(dllexport)
#else
#define CW_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Severity of a message a plugin sends to the host. */
typedef enum cw_log_level {
    CW_LOG_DEBUG = 0,
    CW_LOG_INFO = 1,
    CW_LOG_WARNING = 2,
    CW_LOG_ERROR = 3 /**< the reason the current call returns NULL */
} cw_log_level;

/**
 * @brief What the host offers a plugin during a call.
 *
 * Passed to every plugin function; valid only for the duration of that call.
 */
typedef struct cw_host_api {
    uint32_t struct_size; /**< sizeof(cw_host_api) as the host was built */
    uint32_t abi_major;   /**< the host's CW_PLUGIN_ABI_MAJOR */
    uint32_t abi_minor;   /**< the host's CW_PLUGIN_ABI_MINOR */
    void* host_data;      /**< opaque; pass back to log() */
    /** Report an error or a log line; `message` is UTF-8 and copied by the host. */
    void (*log)(void* host_data, int level, const char* message);
} cw_host_api;

/** Returns a JSON document, or NULL after logging an error. */
typedef char* (*cw_document_fn)(const cw_host_api* host);
/** JSON in, JSON out; returns NULL after logging an error. */
typedef char* (*cw_rule_fn)(const cw_host_api* host, const char* input_json);

/**
 * @brief The plugin descriptor (ABI 1.0).
 *
 * Must stay valid, unchanged, for as long as the library is loaded (the host
 * never unloads a plugin).
 */
typedef struct cw_plugin_descriptor {
    uint32_t abi_major;   /**< CW_PLUGIN_ABI_MAJOR the plugin was built with */
    uint32_t abi_minor;   /**< CW_PLUGIN_ABI_MINOR the plugin was built with */
    uint32_t struct_size; /**< sizeof(cw_plugin_descriptor) as the plugin was built */

    const char* id;        /**< unique plugin id, e.g. "iso27001-2022" ([a-z0-9][a-z0-9.-]*) */
    const char* name;      /**< human name */
    const char* version;   /**< plugin version, dotted numbers, e.g. "1.2.0" */
    const char* publisher; /**< who publishes the plugin */
    const char* licence;   /**< licence note for the plugin and its data */

    /** Required. The catalog JSON (sdk/schema/catalog.schema.json). */
    cw_document_fn catalog;
    /** Optional (NULL): mapping packs the plugin ships, as `{"packs": [...]}`. */
    cw_document_fn mapping_packs;
    /** Optional (NULL): scoping rule, organization profile in, applicable requirements out. */
    cw_rule_fn scope;
    /** Optional (NULL): readiness checks, workspace snapshot in, findings out. */
    cw_rule_fn readiness;
    /** Required. Releases a buffer returned by any function above. */
    void (*free_buffer)(char* buffer);
} cw_plugin_descriptor;

/** Type of the entry point. */
typedef const cw_plugin_descriptor* (*cw_plugin_entry_fn)(void);

/** The entry point every plugin exports. Must not fail; returns a static descriptor. */
CW_PLUGIN_EXPORT const cw_plugin_descriptor* cw_plugin_entry(void);

#ifdef __cplusplus
}
#endif

#endif /* CROSSWALK_PLUGIN_ABI_H */
