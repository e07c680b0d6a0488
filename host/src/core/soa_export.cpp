// Stub: SoA export (XLSX, CSV, Markdown); replaced by the real implementation.
#include <crosswalk/core/soa.hpp>
