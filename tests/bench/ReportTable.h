#pragma once

#include "Results.h"

#include <string>
#include <vector>

namespace bench {

// Turns the results of one benchmark run (ours first, then the peers) into Markdown: a
// side-by-side table and the targets with the ratios against the first peer.
class ReportTable {
public:
    explicit ReportTable(std::vector<Results> runs);
    std::string markdown() const;

private:
    std::string row(const std::string &title, const std::string &key, int decimals, double scale = 1) const;
    std::string comparison() const;
    std::string targets() const;

    std::vector<Results> m_runs;
};

} // namespace bench
