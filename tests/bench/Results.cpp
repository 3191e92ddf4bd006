#include "Results.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace bench {

void Results::set(const std::string &key, const std::string &value) {
    for (auto &entry : m_values) {
        if (entry.first == key) {
            entry.second = value;
            return;
        }
    }
    m_values.emplace_back(key, value);
}

void Results::set(const std::string &key, double value) {
    char text[64];
    if (std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1e15)
        std::snprintf(text, sizeof text, "%.0f", value);
    else
        std::snprintf(text, sizeof text, "%.3f", value);
    set(key, std::string(text));
}

bool Results::has(const std::string &key) const {
    for (const auto &entry : m_values) {
        if (entry.first == key)
            return true;
    }
    return false;
}

std::string Results::text(const std::string &key) const {
    for (const auto &entry : m_values) {
        if (entry.first == key)
            return entry.second;
    }
    return {};
}

double Results::number(const std::string &key, double fallback) const {
    const std::string value = text(key);
    if (value.empty())
        return fallback;
    char *end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    return end && *end == '\0' ? number : fallback;
}

std::string Results::format() const {
    std::string out;
    for (const auto &entry : m_values)
        out.append(entry.first).append("=").append(entry.second).append("\n");
    return out;
}

bool Results::save(const std::string &path) const {
    std::ofstream file(path);
    file << format();
    return bool(file);
}

bool Results::load(const std::string &path, Results *out) {
    std::ifstream file(path);
    if (!file)
        return false;
    std::string line;
    while (std::getline(file, line)) {
        const size_t eq = line.find('=');
        if (eq != std::string::npos)
            out->set(line.substr(0, eq), line.substr(eq + 1));
    }
    return true;
}

} // namespace bench
