#pragma once

#include <string>
#include <utility>
#include <vector>

namespace bench {

// The numbers of one run as ordered `key=value` lines: what `run` writes and `report` reads.
class Results {
public:
    void set(const std::string &key, const std::string &value);
    void set(const std::string &key, double value);

    bool has(const std::string &key) const;
    std::string text(const std::string &key) const;
    double number(const std::string &key, double fallback = -1) const;

    bool save(const std::string &path) const;
    static bool load(const std::string &path, Results *out);
    std::string format() const;

private:
    std::vector<std::pair<std::string, std::string>> m_values;
};

} // namespace bench
