#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace bench {

// Nearest-rank percentiles of a sample (sorted on construction).
class Percentiles {
public:
    explicit Percentiles(std::vector<double> sample)
        : m_sorted(std::move(sample)) {
        std::sort(m_sorted.begin(), m_sorted.end());
    }

    double at(double percent) const {
        if (m_sorted.empty())
            return -1;
        const size_t rank = size_t(std::ceil(percent / 100.0 * double(m_sorted.size())));
        return m_sorted[std::min(m_sorted.size(), std::max<size_t>(rank, 1)) - 1];
    }
    double max() const { return m_sorted.empty() ? -1 : m_sorted.back(); }

private:
    std::vector<double> m_sorted;
};

} // namespace bench
