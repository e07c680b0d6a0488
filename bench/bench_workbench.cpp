// Workbench benchmarks: the demo organization on the real frameworks (what a user runs
// every day), then the same with thousands of evidence items linked at random to common
// controls (a mature evidence library), to show how the analyses scale.
#include "bench_workbench.hpp"

#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/demo.hpp>
#include <crosswalk/workbench/readiness.hpp>
#include <crosswalk/workbench/soa_export.hpp>
#include <crosswalk/workbench/timeline.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace cw::bench {
namespace {

namespace fs = std::filesystem;

const Date kToday(2026, 6, 15);

struct Fixture {
    fs::path file;
    std::optional<Workspace> ws;
    PluginHost host;
    double buildSeconds = 0;
    double demoSeconds = 0;
    double evidenceSeconds = 0;
    std::size_t evidence = 0;
    std::string error;
};

WorkbenchBenchSetup g_setup;

std::unique_ptr<Fixture> makeFixture(bool large) {
    auto f = std::make_unique<Fixture>();
    f->file = g_setup.dir / (large ? "workbench-large.cwdb" : "workbench-demo.cwdb");
    std::error_code ec;
    fs::remove(f->file, ec);
    auto built = g_setup.buildReal(f->file);
    if (!built) {
        f->error = built.error().message;
        return f;
    }
    f->buildSeconds = *built;
    auto ws = Workspace::open(f->file, Workspace::OpenMode::MustExist);
    if (!ws) {
        f->error = ws.error().message;
        return f;
    }
    f->ws.emplace(std::move(*ws));
    f->host.loadAll({CW_BENCH_PLUGIN_DIR});
    const auto start = std::chrono::steady_clock::now();
    if (auto seeded = f->ws->seedCommonControls(); !seeded) {
        f->error = seeded.error().message;
        return f;
    }
    auto demo = buildDemo(*f->ws, f->host, kToday);
    if (!demo) {
        f->error = demo.error().message;
        return f;
    }
    f->demoSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    f->evidence = demo->evidence;
    if (!large) return f;

    auto controls = f->ws->commonControls();
    if (!controls) {
        f->error = controls.error().message;
        return f;
    }
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, controls->size() - 1);
    std::uniform_int_distribution<int> age(0, 400);
    const auto evidenceStart = std::chrono::steady_clock::now();
    auto added = f->ws->transaction([&]() -> Result<void> {
        for (std::size_t i = 0; i < g_setup.extraEvidence; ++i) {
            EvidenceItem item;
            item.key = "BX-" + std::to_string(i + 1);
            item.title = "Synthetic evidence " + std::to_string(i + 1);
            item.kind = i % 5 == 0 ? EvidenceKind::Policy : EvidenceKind::Log;
            item.location = "https://evidence.example/" + std::to_string(i + 1);
            item.collectedOn = kToday.addDays(-age(rng));
            item.reviewDays = 180;
            if (auto r = addEvidence(*f->ws, item); !r) return r.error();
            for (int link = 0; link < 3; ++link) {
                // The same control twice is refused as a duplicate link: skip, it is random data.
                (void)linkEvidence(*f->ws, item.key, (*controls)[pick(rng)].key);
            }
        }
        return {};
    });
    if (!added) {
        f->error = added.error().message;
        return f;
    }
    f->evidenceSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - evidenceStart).count();
    f->evidence += g_setup.extraEvidence;
    return f;
}

Fixture& fixture(bool large) {
    static std::unique_ptr<Fixture> demo;
    static std::unique_ptr<Fixture> big;
    auto& slot = large ? big : demo;
    if (!slot) slot = makeFixture(large);
    return *slot;
}

template <typename Body>
void run(benchmark::State& state, bool large, Body body) {
    Fixture& f = fixture(large);
    if (!f.error.empty()) {
        state.SkipWithError(f.error.c_str());
        return;
    }
    for (auto _ : state) {
        if (auto r = body(f); !r) {
            state.SkipWithError(r.error().message.c_str());
            return;
        }
    }
    state.counters["evidence"] = double(f.evidence);
    state.counters["demo_build_ms"] = f.demoSeconds * 1e3;
    if (large) state.counters["evidence_add_ms"] = f.evidenceSeconds * 1e3;
}

void registerCases(bool large) {
    const std::string prefix = large ? "workbench/large_library/" : "workbench/demo/";
    using benchmark::kMillisecond;
    benchmark::RegisterBenchmark((prefix + "requirement_statuses_3_targets").c_str(), [large](benchmark::State& s) {
        run(s, large, [](Fixture& f) -> Result<void> {
            for (const char* fw : {"iso27001-2022", "soc2-2017", "hipaa"}) {
                auto r = requirementStatuses(*f.ws, fw);
                if (!r) return r.error();
                benchmark::DoNotOptimize(r->data());
            }
            return {};
        });
    })->Unit(kMillisecond);
    benchmark::RegisterBenchmark((prefix + "evidence_library").c_str(), [large](benchmark::State& s) {
        run(s, large, [](Fixture& f) -> Result<void> {
            auto r = evidenceLibrary(*f.ws);
            if (!r) return r.error();
            benchmark::DoNotOptimize(r->data());
            return {};
        });
    })->Unit(kMillisecond);
    benchmark::RegisterBenchmark((prefix + "gap_analysis").c_str(), [large](benchmark::State& s) {
        run(s, large, [](Fixture& f) -> Result<void> {
            auto r = gapAnalysis(*f.ws, kToday);
            if (!r) return r.error();
            benchmark::DoNotOptimize(r->data());
            return {};
        });
    })->Unit(kMillisecond);
    benchmark::RegisterBenchmark((prefix + "readiness_stage1").c_str(), [large](benchmark::State& s) {
        run(s, large, [](Fixture& f) -> Result<void> {
            auto r = stage1Readiness(*f.ws, &f.host, kToday);
            if (!r) return r.error();
            benchmark::DoNotOptimize(r->data());
            return {};
        });
    })->Unit(kMillisecond);
    benchmark::RegisterBenchmark((prefix + "readiness_stage2").c_str(), [large](benchmark::State& s) {
        run(s, large, [](Fixture& f) -> Result<void> {
            auto r = stage2Readiness(*f.ws, &f.host, kToday);
            if (!r) return r.error();
            benchmark::DoNotOptimize(r->data());
            return {};
        });
    })->Unit(kMillisecond);
    benchmark::RegisterBenchmark((prefix + "timeline").c_str(), [large](benchmark::State& s) {
        run(s, large, [](Fixture& f) -> Result<void> {
            auto r = timeline(*f.ws, kToday);
            if (!r) return r.error();
            benchmark::DoNotOptimize(r->bars.data());
            return {};
        });
    })->Unit(kMillisecond);
    if (!large) {
        benchmark::RegisterBenchmark((prefix + "soa_export_xlsx").c_str(), [](benchmark::State& s) {
            run(s, false, [](Fixture& f) -> Result<void> {
                return exportSoa(*f.ws, ExportFormat::Xlsx, g_setup.dir / "soa.xlsx");
            });
        })->Unit(kMillisecond);
    }
}

}  // namespace

void registerWorkbenchBenchmarks(WorkbenchBenchSetup setup) {
    g_setup = std::move(setup);
    registerCases(false);
    registerCases(true);
}

}  // namespace cw::bench
