// gistack-loadgen: the benchmark's load generator (a benchmark, not a test: ctest never runs it).
//   gistack-loadgen run --target gistack|peer --port P ...   one scenario, key=value results
//   gistack-loadgen report OURS.kv PEER.kv ...                 the Markdown comparison table
#include "BenchOptions.h"
#include "ReportTable.h"
#include "Results.h"
#include "Scenario.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstring>

namespace {

// Each connection is an fd: lift the soft limit to the hard one.
void raiseFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int runScenario(int argc, char **argv) {
    bench::BenchOptions options;
    if (!options.parse(argc, argv)) {
        bench::BenchOptions::printUsage();
        return 2;
    }
    raiseFileLimit();
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    if (rlim_t(options.users) + rlim_t(options.concurrency) + 16 > limit.rlim_cur) {
        std::fprintf(stderr, "loadgen: %d users need more file descriptors than the limit of %llu\n",
                     options.users, (unsigned long long)limit.rlim_cur);
        return 2;
    }
    bench::Scenario scenario(options);
    const bench::Results results = scenario.run();
    if (options.outPath.empty())
        std::fputs(results.format().c_str(), stdout);
    else if (!results.save(options.outPath))
        std::fprintf(stderr, "loadgen: cannot write %s\n", options.outPath.c_str());
    return results.number("errors_total", 1) == 0 ? 0 : 1;
}

int report(int argc, char **argv) {
    std::vector<bench::Results> runs;
    for (int i = 0; i < argc; ++i) {
        bench::Results results;
        if (!bench::Results::load(argv[i], &results)) {
            std::fprintf(stderr, "loadgen: cannot read %s\n", argv[i]);
            return 2;
        }
        runs.push_back(std::move(results));
    }
    std::fputs(bench::ReportTable(std::move(runs)).markdown().c_str(), stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    if (argc >= 2 && std::strcmp(argv[1], "run") == 0)
        return runScenario(argc - 2, argv + 2);
    if (argc >= 3 && std::strcmp(argv[1], "report") == 0)
        return report(argc - 2, argv + 2);
    bench::BenchOptions::printUsage();
    return 2;
}
