#pragma once

#include <cstdint>
#include <ctime>

namespace bench {

// Monotonic nanoseconds: every duration the benchmark reports is a difference of these.
inline int64_t nowNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

inline double secondsBetween(int64_t fromNs, int64_t toNs) {
    return double(toNs - fromNs) / 1e9;
}

} // namespace bench
