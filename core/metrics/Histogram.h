#pragma once

#include <QtGlobal>

#include <mutex>
#include <vector>

namespace gistack {

// A Prometheus histogram with fixed buckets. observe() may run on any thread (the storage
// thread reports database timings), so the counts sit behind a mutex.
class Histogram {
public:
    explicit Histogram(std::vector<double> upperBounds);

    void observe(double value);

    struct Snapshot {
        std::vector<double> upperBounds;
        std::vector<quint64> cumulativeCounts; // one per bound; +Inf is count
        double sum = 0;
        quint64 count = 0;
    };
    Snapshot snapshot() const;

private:
    const std::vector<double> m_upperBounds;
    mutable std::mutex m_mutex;
    std::vector<quint64> m_counts;
    double m_sum = 0;
    quint64 m_count = 0;
};

} // namespace gistack
