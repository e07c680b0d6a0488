// Stub: replaced by the real implementation.
#include <crosswalk/core/demo.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

namespace cw {

Result<DemoSummary> buildDemo(Workspace& ws, const PluginHost& host, Date today) {
    return Error::internal("not implemented yet");
}

}  // namespace cw
