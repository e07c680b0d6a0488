/* Pure C plugin written against plugin_abi.h alone (proves the header is C).
 * CW_TEST_ABI_MAJOR / CW_TEST_ABI_MINOR / CW_TEST_STRUCT_SIZE bend the
 * descriptor to build the wrong-ABI variants. */
#include <crosswalk/plugin_abi.h>

#include <stdlib.h>
#include <string.h>

extern const unsigned char cw_embedded_catalog[];
extern const size_t cw_embedded_catalog_size;

static char* catalog(const cw_host_api* host) {
    char* out = (char*)malloc(cw_embedded_catalog_size + 1);
    if (out == NULL) {
        host->log(host->host_data, CW_LOG_ERROR, "out of memory");
        return NULL;
    }
    memcpy(out, cw_embedded_catalog, cw_embedded_catalog_size + 1);
    return out;
}

static void release(char* buffer) {
    free(buffer);
}

static const cw_plugin_descriptor kDescriptor = {
    CW_TEST_ABI_MAJOR,
    CW_TEST_ABI_MINOR,
    CW_TEST_STRUCT_SIZE,
    "cw-test-raw",
    "Raw C test plugin",
    "1.0.0",
    "Crosswalk tests",
    "CC0-1.0",
    catalog,
    NULL,
    NULL,
    NULL,
    release,
};

#ifdef CW_TEST_NO_ENTRY
/* Exports something, but not the entry point. */
CW_PLUGIN_EXPORT int cw_plugin_entry_misspelled(void) {
    return kDescriptor.abi_major > 0;
}
#else
const cw_plugin_descriptor* cw_plugin_entry(void) {
    return &kDescriptor;
}
#endif
