#include "AddressRateLimiter.h"

namespace gistack {

namespace {
constexpr qint64 pruneEveryMs = 10000;
} // namespace

AddressRateLimiter::AddressRateLimiter(int ratePerSecond, int burst)
    : m_rate(qMax(0, ratePerSecond))
    , m_burst(qMax(1, burst)) {
}

QHostAddress AddressRateLimiter::keyOf(const QHostAddress &address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4);
    Q_IPV6ADDR v6 = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        v6[i] = 0;
    return QHostAddress(v6);
}

bool AddressRateLimiter::admit(const QHostAddress &address, qint64 nowMs) {
    if (!enabled())
        return true;
    if (nowMs - m_lastPruneMs >= pruneEveryMs)
        prune(nowMs);
    const QHostAddress key = keyOf(address);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_burst, nowMs});
    Bucket &bucket = *it;
    bucket.tokens = qMin(m_burst, bucket.tokens + double(nowMs - bucket.updatedMs) * m_rate / 1000.0);
    bucket.updatedMs = nowMs;
    if (bucket.tokens < 1.0)
        return false;
    bucket.tokens -= 1.0;
    return true;
}

void AddressRateLimiter::prune(qint64 nowMs) {
    // A bucket that has refilled completely says nothing a new one would not: forget it,
    // so a scan from many addresses cannot grow the table for good.
    m_lastPruneMs = nowMs;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it->tokens + double(nowMs - it->updatedMs) * m_rate / 1000.0 >= m_burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace gistack
