#include "Histogram.h"

#include <algorithm>

namespace gistack {

Histogram::Histogram(std::vector<double> upperBounds)
    : m_upperBounds(std::move(upperBounds))
    , m_counts(m_upperBounds.size(), 0) {
}

void Histogram::observe(double value) {
    // The first bucket that holds the value; cumulative sums are built at snapshot time.
    const auto bucket = std::lower_bound(m_upperBounds.begin(), m_upperBounds.end(), value);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (bucket != m_upperBounds.end())
        ++m_counts[size_t(bucket - m_upperBounds.begin())];
    m_sum += value;
    ++m_count;
}

Histogram::Snapshot Histogram::snapshot() const {
    Snapshot snapshot;
    snapshot.upperBounds = m_upperBounds;
    std::lock_guard<std::mutex> lock(m_mutex);
    quint64 running = 0;
    for (quint64 count : m_counts) {
        running += count;
        snapshot.cumulativeCounts.push_back(running);
    }
    snapshot.sum = m_sum;
    snapshot.count = m_count;
    return snapshot;
}

} // namespace gistack
