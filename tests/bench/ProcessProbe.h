#pragma once

#include <sys/types.h>

namespace bench {

// What /proc and getrusage say about a process: the server's memory and CPU, and the
// generator's own CPU (to show it is not the bottleneck).
namespace ProcessProbe {
// VmRSS of pid in KiB, or -1 when unknown.
long rssKiB(pid_t pid);
// User + system CPU seconds pid has used so far (all its threads), or -1.
double cpuSeconds(pid_t pid);
double selfCpuSeconds();
long selfMaxRssKiB();
} // namespace ProcessProbe

} // namespace bench
