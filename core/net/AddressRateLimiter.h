#pragma once

#include <QHash>
#include <QHostAddress>

namespace gistack {

// A token bucket per client address: an address may open `burst` connections at once, then
// `ratePerSecond` more each second. IPv6 clients are grouped by their /64, which one host
// usually owns whole. A rate of 0 admits everything.
class AddressRateLimiter {
public:
    AddressRateLimiter(int ratePerSecond, int burst);

    bool admit(const QHostAddress &address, qint64 nowMs);
    bool enabled() const { return m_rate > 0; }
    int trackedAddresses() const { return int(m_buckets.size()); }

    static QHostAddress keyOf(const QHostAddress &address);

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void prune(qint64 nowMs);

    double m_rate;
    double m_burst;
    QHash<QHostAddress, Bucket> m_buckets;
    qint64 m_lastPruneMs = 0;
};

} // namespace gistack
