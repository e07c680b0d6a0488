// crosswalk-bench: ingest, graph load, overlap, inference and peak memory over a
// synthetic workspace, the sqlite3 shell's .import as the floor for ingest, and
// the overlap of the seven real frameworks.
//
//   crosswalk-bench [--size small|medium|full] [--workdir DIR] [--keep] [benchmark flags]
//
// The synthetic workspace is ingested once and shared by the later cases; with
// --workdir, an existing synthetic-<size>.cwdb there is reused when the ingest
// cases are filtered out (for profiling the analyses alone).
#include "floor.hpp"
#ifdef CW_BENCH_GUI
#include "bench_gui.hpp"
#include "bench_workbench.hpp"
#endif
#include "synthetic.hpp"

#include <crosswalk/analysis/crosswalk_graph.hpp>
#include <crosswalk/io/hash.hpp>
#include <crosswalk/io/pack.hpp>
#include <crosswalk/io/paths.hpp>
#include <crosswalk/plugin_host/plugin_host.hpp>
#include <crosswalk/store/workspace.hpp>
#include <crosswalk/workbench/init.hpp>

#include <benchmark/benchmark.h>

#include <malloc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::array<std::string_view, 7> kRealFrameworks = {
    "iso27001-2022", "soc2-2017", "hipaa", "pci-dss-4.0.1", "gdpr", "nist-csf-2.0", "nist-sp800-53r5"};

double seconds(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

// ---- memory ----------------------------------------------------------------

/// A "VmHWM"/"VmRSS" line of /proc/self/status, in MiB (0 when unavailable).
double statusMiB(std::string_view key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(key) && line.size() > key.size() && line[key.size()] == ':') {
            return std::strtod(line.c_str() + key.size() + 1, nullptr) / 1024.0;
        }
    }
    return 0.0;
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so each case reports its own peak.
void resetPeak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
}

// ---- shared state ------------------------------------------------------------

struct Run {
    cw::bench::SyntheticSpec spec;
    fs::path dir;
    bool keep = false;
    std::optional<cw::bench::SyntheticWorkspace> data;
    fs::path workspace;  ///< the ingested synthetic workspace, empty until there is one
    std::optional<double> oursSeconds;
    std::optional<cw::CrosswalkGraph> graph;
    std::optional<cw::CrosswalkGraph> realGraph;
    double peakIngestMiB = 0;
    double peakAnalysisMiB = 0;
    double peakMiB = 0;
};
Run g_run;

/// Brackets one case: resets the peak on entry, reports it (and the RSS on entry) on exit.
class PeakScope {
public:
    PeakScope(benchmark::State& state, double& phasePeak) : m_state(state), m_phase(phasePeak) {
        resetPeak();
        m_before = statusMiB("VmRSS");
    }
    ~PeakScope() {
        const double peak = statusMiB("VmHWM");
        m_state.counters["peak_rss_MiB"] = peak;
        m_state.counters["rss_before_MiB"] = m_before;
        m_phase = std::max(m_phase, peak);
        g_run.peakMiB = std::max(g_run.peakMiB, peak);
    }
    PeakScope(const PeakScope&) = delete;
    PeakScope& operator=(const PeakScope&) = delete;

private:
    benchmark::State& m_state;
    double& m_phase;
    double m_before = 0;
};

cw::bench::SyntheticWorkspace& data() {
    if (!g_run.data) g_run.data = cw::bench::generate(g_run.spec);
    return *g_run.data;
}

/// The generated catalogs and packs are only needed to ingest; the analyses run
/// from the workspace file, as the CLI does, so their memory is given back first.
void releaseData() {
    if (!g_run.data) return;
    g_run.data.reset();
    malloc_trim(0);
}

void removeWorkspaceFile(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix, ec);
}

/// Ingests the synthetic workspace into a fresh `file` through the public API.
/// Timed: every syncPlugin and importPack, and closing (the WAL checkpoint);
/// not timed: creating the schema, which the floor does not time either.
struct IngestTimes {
    double total = 0;     ///< seconds
    double catalogs = 0;  ///< of which syncPlugin
    double packs = 0;     ///< of which importPack
};

cw::Result<IngestTimes> ingest(const fs::path& file) {
    const auto& d = data();
    removeWorkspaceFile(file);
    auto ws = cw::Workspace::open(file, cw::Workspace::OpenMode::CreateIfMissing);
    if (!ws) return ws.error();
    IngestTimes times;
    const auto start = Clock::now();
    for (const auto& plugin : d.plugins) {
        auto r = syncPlugin(*ws, plugin);
        if (!r) return r.error();
        if (r->action != cw::SyncAction::Added) return cw::Error::internal("plugin " + plugin.id + " not added");
    }
    const auto synced = Clock::now();
    for (const auto& pack : d.packs) {
        auto r = ws->importPack(pack, cw::bench::packOrigin(pack), cw::bench::packSha256(pack));
        if (!r) return r.error();
        if (!r->problems.empty()) {
            return cw::Error::internal("pack " + pack.id + ": " + r->problems.front().pointer + ": " +
                                       r->problems.front().message);
        }
    }
    const auto imported = Clock::now();
    { auto closing = std::move(*ws); }
    times.total = seconds(start, Clock::now());
    times.catalogs = seconds(start, synced);
    times.packs = seconds(synced, imported);
    return times;
}

fs::path syntheticFile() {
    return g_run.dir / ("synthetic-" + g_run.spec.name + ".cwdb");
}

/// The ingested synthetic workspace: the one the ingest case wrote, one left in
/// --workdir by an earlier run, or a fresh ingest (untimed) when neither exists.
cw::Result<fs::path> workspace() {
    if (!g_run.workspace.empty()) return g_run.workspace;
    const fs::path file = syntheticFile();
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        auto t = ingest(file);
        if (!t) return t.error();
        g_run.oursSeconds = t->total;
    }
    g_run.workspace = file;
    return file;
}

cw::Result<cw::GraphData> loadGraphData(const fs::path& file) {
    auto ws = cw::Workspace::open(file, cw::Workspace::OpenMode::MustExist);
    if (!ws) return ws.error();
    return ws->graph();
}

cw::Result<const cw::CrosswalkGraph*> graph() {
    if (!g_run.graph) {
        auto file = workspace();
        if (!file) return file.error();
        releaseData();
        auto d = loadGraphData(*file);
        if (!d) return d.error();
        g_run.graph.emplace(std::move(*d));
    }
    return &*g_run.graph;
}

// ---- cases -------------------------------------------------------------------

void ingestOurs(benchmark::State& state) {
    data();
    PeakScope peak(state, g_run.peakIngestMiB);
    const fs::path file = syntheticFile();
    IngestTimes times;
    for (auto _ : state) {
        auto t = ingest(file);
        if (!t) {
            state.SkipWithError(t.error().message.c_str());
            return;
        }
        times = *t;
        state.SetIterationTime(times.total);
        g_run.oursSeconds = times.total;
    }
    g_run.workspace = file;
    const auto& d = data();
    state.counters["controls"] = double(d.controls());
    state.counters["mappings"] = double(d.spec.mappings);
    state.counters["packs"] = double(d.packs.size());
    state.counters["ours_s"] = *g_run.oursSeconds;
    state.counters["catalogs_s"] = times.catalogs;
    state.counters["packs_s"] = times.packs;
    state.counters["mappings_per_s"] = double(d.spec.mappings) / *g_run.oursSeconds;
}

void ingestFloor(benchmark::State& state) {
    const fs::path shell = CW_BENCH_SQLITE3;
    const fs::path csv = g_run.dir / ("floor-" + g_run.spec.name);
    const fs::path file = g_run.dir / ("floor-" + g_run.spec.name + ".cwdb");
    auto script = cw::bench::writeFloor(data(), csv);
    if (!script) {
        state.SkipWithError(script.error().message.c_str());
        return;
    }
    PeakScope peak(state, g_run.peakIngestMiB);
    double floorSeconds = 0;
    for (auto _ : state) {
        // The same schema: a Workspace creates it (and puts the file in WAL mode).
        removeWorkspaceFile(file);
        if (auto ws = cw::Workspace::open(file, cw::Workspace::OpenMode::CreateIfMissing); !ws) {
            state.SkipWithError(ws.error().message.c_str());
            return;
        }
        const std::string command = shell.string() + " -batch '" + file.string() + "' < '" + script->string() + "'";
        const auto start = Clock::now();
        const int status = std::system(command.c_str());
        floorSeconds = seconds(start, Clock::now());
        if (status != 0) {
            state.SkipWithError(("sqlite3 .import failed: " + command).c_str());
            return;
        }
        state.SetIterationTime(floorSeconds);
    }
    state.counters["floor_s"] = floorSeconds;
    // Same rows or the comparison means nothing.
    auto ours = workspace();
    if (!ours) {
        state.SkipWithError(ours.error().message.c_str());
        return;
    }
    auto a = cw::bench::fingerprint(shell, *ours);
    auto b = cw::bench::fingerprint(shell, file);
    if (!a || !b || *a != *b) {
        const std::string why =
            "the floor loaded different rows: " + (a ? *a : a.error().message) + " vs " + (b ? *b : b.error().message);
        state.SkipWithError(why.c_str());
        return;
    }
    if (g_run.oursSeconds) {
        state.counters["ours_s"] = *g_run.oursSeconds;
        state.counters["ratio"] = *g_run.oursSeconds / floorSeconds;
    }
    if (!g_run.keep) {
        std::error_code ec;
        fs::remove_all(csv, ec);
        removeWorkspaceFile(file);
    }
}

void graphLoad(benchmark::State& state) {
    auto file = workspace();
    if (!file) {
        state.SkipWithError(file.error().message.c_str());
        return;
    }
    releaseData();
    PeakScope peak(state, g_run.peakAnalysisMiB);
    auto ws = cw::Workspace::open(*file, cw::Workspace::OpenMode::MustExist);
    if (!ws) {
        state.SkipWithError(ws.error().message.c_str());
        return;
    }
    double query = 0;
    double build = 0;
    std::size_t controls = 0;
    std::size_t mappings = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        auto d = ws->graph();
        const auto loaded = Clock::now();
        if (!d) {
            state.SkipWithError(d.error().message.c_str());
            return;
        }
        controls = d->controls.size();
        mappings = d->mappings.size();
        cw::CrosswalkGraph g(std::move(*d));
        benchmark::DoNotOptimize(&g);
        const auto built = Clock::now();
        query += seconds(start, loaded);
        build += seconds(loaded, built);
        state.SetIterationTime(seconds(start, built));
    }
    state.counters["query_ms"] = benchmark::Counter(query * 1e3, benchmark::Counter::kAvgIterations);
    state.counters["build_ms"] = benchmark::Counter(build * 1e3, benchmark::Counter::kAvgIterations);
    state.counters["controls"] = double(controls);
    state.counters["mappings"] = double(mappings);
}

void overlapSynthetic(benchmark::State& state) {
    auto g = graph();
    if (!g) {
        state.SkipWithError(g.error().message.c_str());
        return;
    }
    PeakScope peak(state, g_run.peakAnalysisMiB);
    const auto& frameworks = (*g)->data().frameworks;
    std::int64_t full = 0;
    for (auto _ : state) {
        auto matrix = (*g)->overlap(frameworks, 2);
        full = 0;
        for (const auto& row : matrix) {
            for (const auto& cell : row) full += cell.full;
        }
        benchmark::DoNotOptimize(matrix.data());
    }
    state.counters["frameworks"] = double(frameworks.size());
    state.counters["full_cells_sum"] = double(full);
}

/// A control of the first non-hub framework that a hub pack maps (the usual
/// question: "what does this requirement relate to?"), or a hub control itself.
std::optional<std::uint32_t> inferenceStart(const cw::CrosswalkGraph& g, bool fromHub) {
    const auto& d = g.data();
    const std::string hub = cw::bench::syntheticFrameworkId(0);
    const std::string first = cw::bench::syntheticFrameworkId(1);
    for (const auto& m : d.mappings) {
        if (d.controls[m.source].framework == first && d.controls[m.target].framework == hub) {
            return fromHub ? m.target : m.source;
        }
    }
    return std::nullopt;
}

void inference(benchmark::State& state, bool fromHub) {
    auto g = graph();
    if (!g) {
        state.SkipWithError(g.error().message.c_str());
        return;
    }
    PeakScope peak(state, g_run.peakAnalysisMiB);
    const auto start = inferenceStart(**g, fromHub);
    if (!start) {
        state.SkipWithError("no hub-adjacent control");
        return;
    }
    cw::MapOptions options;
    options.depth = 2;
    std::size_t results = 0;
    std::size_t direct = 0;
    for (auto _ : state) {
        auto related = (*g)->related(*start, options);
        results = related.size();
        direct = static_cast<std::size_t>(
            std::count_if(related.begin(), related.end(), [](const cw::Related& r) { return r.direct; }));
        benchmark::DoNotOptimize(related.data());
    }
    const auto& c = (*g)->data().controls[*start];
    state.SetLabel(c.framework + ":" + c.ref);
    state.counters["results"] = double(results);
    state.counters["direct"] = double(direct);
}

/// The real plugins and the shipped packs, as `crosswalk init` loads them.
cw::Result<double> buildRealWorkspace(const fs::path& file, std::size_t& packs) {
    removeWorkspaceFile(file);
    const auto start = Clock::now();
    auto ws = cw::Workspace::open(file, cw::Workspace::OpenMode::CreateIfMissing);
    if (!ws) return ws.error();
    cw::PluginHost host;
    host.loadAll({fs::path(CW_BENCH_PLUGIN_DIR)});
    for (const auto& p : host.plugins()) {
        if (p.status != cw::PluginStatus::Loaded) continue;
        if (auto r = syncPlugin(*ws, p); !r) return r.error();
    }
    auto importOne = [&](const cw::Pack& pack, const std::string& origin, const std::string& sha,
                         const std::string& plugin) -> cw::Result<void> {
        auto r = ws->importPack(pack, origin, sha, plugin);
        if (!r) return r.error();
        if (r->problems.empty()) ++packs;
        return {};
    };
    for (const auto& p : host.plugins()) {
        if (p.status != cw::PluginStatus::Loaded || p.packsJson.empty()) continue;
        std::vector<cw::Problem> bundle;
        for (auto& reading : cw::readPackBundle(p.packsJson, bundle)) {
            if (!reading.pack) continue;
            const auto sha = cw::sha256Hex(p.packsJson + "#" + reading.pack->id);
            if (auto r = importOne(*reading.pack, "plugin:" + p.id, sha, p.id); !r) return r.error();
        }
    }
    for (const auto& packFile : cw::findPackFiles({fs::path(CW_BENCH_PACK_DIR)})) {
        std::ifstream in(packFile, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        cw::PackReading reading = cw::readPack(text.str());
        if (!reading.pack) return cw::Error::badInput(packFile.string() + ": not a valid pack");
        if (auto r = importOne(*reading.pack, packFile.string(), cw::sha256Hex(text.str()), ""); !r) return r.error();
    }
    return seconds(start, Clock::now());
}

void overlapReal(benchmark::State& state) {
    static double buildSeconds = 0;
    static std::size_t packs = 0;
    if (!g_run.realGraph) {
        const fs::path file = g_run.dir / "real.cwdb";
        auto t = buildRealWorkspace(file, packs);
        if (!t) {
            state.SkipWithError(t.error().message.c_str());
            return;
        }
        buildSeconds = *t;
        auto d = loadGraphData(file);
        if (!d) {
            state.SkipWithError(d.error().message.c_str());
            return;
        }
        g_run.realGraph.emplace(std::move(*d));
    }
    const auto& g = *g_run.realGraph;
    std::vector<std::string> frameworks;
    for (const auto id : kRealFrameworks) {
        if (std::find(g.data().frameworks.begin(), g.data().frameworks.end(), id) == g.data().frameworks.end()) {
            state.SkipWithError(("real framework not loaded: " + std::string(id) + " (build the plugins)").c_str());
            return;
        }
        frameworks.emplace_back(id);
    }
    PeakScope peak(state, g_run.peakAnalysisMiB);
    for (auto _ : state) {
        auto matrix = g.overlap(frameworks, 2);
        benchmark::DoNotOptimize(matrix.data());
    }
    state.counters["controls"] = double(g.data().controls.size());
    state.counters["mappings"] = double(g.data().mappings.size());
    state.counters["packs"] = double(packs);
    state.counters["workspace_build_ms"] = buildSeconds * 1e3;
}

/// The highest VmHWM seen by any case, and per phase. Ingest holds the generated
/// catalogs and packs in memory as well; the analyses run from the file.
void peakRss(benchmark::State& state) {
    // Nothing to time. (Google Benchmark 1.7's DoNotOptimize on a double lvalue can
    // clobber it under GCC, so it is kept away from the figures.)
    double now = 0;
    for (auto _ : state) now = statusMiB("VmHWM");
    g_run.peakMiB = std::max(g_run.peakMiB, now);
    state.counters["peak_rss_MiB"] = g_run.peakMiB;
    state.counters["ingest_peak_MiB"] = g_run.peakIngestMiB;
    state.counters["analysis_peak_MiB"] = g_run.peakAnalysisMiB;
}

// ---- main --------------------------------------------------------------------

struct Options {
    std::string size = "full";
    fs::path workdir;
    bool keep = false;
};

/// Our flags; benchmark::Initialize has already taken its own out of argv.
bool parseOptions(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&](std::string_view flag, auto& out) {
            if (arg == flag && i + 1 < argc) {
                out = argv[++i];
                return true;
            }
            if (arg.starts_with(std::string(flag) + "=")) {
                out = std::string(arg.substr(flag.size() + 1));
                return true;
            }
            return false;
        };
        if (value("--size", o.size) || value("--workdir", o.workdir)) continue;
        if (arg == "--keep") {
            o.keep = true;
            continue;
        }
        std::cerr
            << "crosswalk-bench: unknown argument '" << arg
            << "'\nusage: crosswalk-bench [--size small|medium|full] [--workdir DIR] [--keep] [--benchmark_...]\n";
        return false;
    }
    return true;
}

fs::path freshDir() {
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("crosswalk-bench-" + std::to_string(rd()));
    fs::create_directories(dir);
    return dir;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    Options o;
    if (!parseOptions(argc, argv, o)) return 2;
    const auto spec = cw::bench::SyntheticSpec::named(o.size);
    if (!spec) {
        std::cerr << "crosswalk-bench: unknown size '" << o.size << "' (small, medium, full)\n";
        return 2;
    }
    g_run.spec = *spec;
    g_run.keep = o.keep || !o.workdir.empty();
    std::error_code ec;
    if (o.workdir.empty()) {
        g_run.dir = freshDir();
    } else {
        g_run.dir = fs::absolute(o.workdir);
        fs::create_directories(g_run.dir, ec);
    }

    benchmark::AddCustomContext("synthetic", spec->name + ": " + std::to_string(spec->frameworks) + " frameworks x " +
                                                 std::to_string(spec->controlsPerFramework) + " controls, " +
                                                 std::to_string(spec->mappings) + " mappings");
    benchmark::AddCustomContext("workdir", g_run.dir.string());

    using benchmark::kMillisecond;
    benchmark::RegisterBenchmark("ingest/ours", ingestOurs)->Iterations(1)->UseManualTime()->Unit(kMillisecond);
    benchmark::RegisterBenchmark("ingest/floor_sqlite3_import", ingestFloor)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(kMillisecond);
    benchmark::RegisterBenchmark("graph_load", graphLoad)->UseManualTime()->Unit(kMillisecond);
    benchmark::RegisterBenchmark("overlap/synthetic_all", overlapSynthetic)->Unit(kMillisecond);
    benchmark::RegisterBenchmark("inference/hub_adjacent", inference, false)->Unit(kMillisecond);
    benchmark::RegisterBenchmark("inference/hub_control", inference, true)->Unit(kMillisecond);
    benchmark::RegisterBenchmark("overlap/real_7", overlapReal)->Unit(kMillisecond);
    benchmark::RegisterBenchmark("peak_rss", peakRss)->Iterations(1);
    // The workbench analyses on the demo organization, and with a large evidence library.
    if (spec->name != "small") {
        cw::bench::registerWorkbenchBenchmarks({g_run.dir, [](const fs::path& file) {
                                                    std::size_t packs = 0;
                                                    return buildRealWorkspace(file, packs);
                                                }});
    }
#ifdef CW_BENCH_GUI
    // GUI frame time; left out at the small size so bench_smoke stays fast.
    if (spec->name != "small") {
        cw::bench::registerGuiBenchmarks({g_run.dir, [] {
                                              auto file = workspace();
                                              releaseData();
                                              return file;
                                          }});
    }
#endif

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();

    g_run.graph.reset();
    g_run.realGraph.reset();
    if (!g_run.keep) fs::remove_all(g_run.dir, ec);
    return 0;
}
