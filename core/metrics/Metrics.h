#pragma once

#include "Histogram.h"
#include "protocol/MessageCatalogue.h"

#include <QByteArray>
#include <QList>
#include <QMap>

#include <atomic>
#include <functional>
#include <vector>

namespace gistack {

// The server's Prometheus metrics: counters fed by signals and hooks, gauges read when
// scraped, and render() in the text exposition format (version 0.0.4).
// Counters and gauges belong to the main thread; the histograms take any thread.
class Metrics {
public:
    Metrics();

    void countLogin();
    // One per recipient: delivered to an open socket, or queued for an offline user.
    void countMessage(MessageType type, bool delivered);
    void countApiRequest(int status);
    void observeDbBatch(double seconds, int jobs);
    void observeLoopLag(double seconds);
    // A gauge whose value is read at every scrape, so it is never stale.
    void addGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read);

    QByteArray render() const;

private:
    struct Gauge {
        QByteArray name;
        QByteArray help;
        std::function<double()> read;
    };

    QList<Gauge> m_gauges;
    quint64 m_logins = 0;
    std::vector<quint64> m_sent;   // by MessageType
    std::vector<quint64> m_queued; // by MessageType
    QMap<int, quint64> m_apiByStatus;
    std::atomic<quint64> m_dbJobs{0};
    Histogram m_dbSeconds;
    Histogram m_loopLag;
};

} // namespace gistack
