/**
 * @file demo.hpp
 * @brief A realistic sample workspace: a fictional health-tech SaaS pursuing ISO 27001,
 * SOC 2 and HIPAA, with PCI DSS next. Used by the README, the GUI and the tests.
 */
#pragma once

#include <crosswalk/model/date.hpp>
#include <crosswalk/model/error.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>

#include <string>

namespace cw {

struct DemoSummary {
    std::string organization;
    std::size_t assets = 0;
    std::size_t risks = 0;
    std::size_t evidence = 0;
    std::size_t soaRows = 0;
    std::size_t audits = 0;
    std::size_t findings = 0;
    std::size_t reviews = 0;
};

/**
 * @brief Fills a workspace that already holds the framework plugins' catalogs and the packs
 * (as `crosswalk init` leaves it) with the demo organization. Every date is placed relative
 * to `today`, so the demo reads the same whenever it is built. Refused (BadInput) when the
 * workspace already has an organization profile. One transaction.
 */
Result<DemoSummary> buildDemo(Workspace& ws, const PluginHost& host, Date today);

}  // namespace cw
