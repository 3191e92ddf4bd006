#pragma once

#include "LoopLagProbe.h"

#include <QObject>

namespace gistack {

class ConnectionRegistry;
class HttpListener;
class Metrics;
class NotificationService;
class StorageWorker;

// Feeds Metrics from the server's signals and hooks, and registers the gauges read at
// scrape time. Construct it before the storage thread starts.
class MetricsCollector : public QObject {
    Q_OBJECT
public:
    MetricsCollector(Metrics &metrics, ConnectionRegistry &registry, NotificationService &service,
                     StorageWorker &storage, HttpListener &listener, QObject *parent = nullptr);

private:
    LoopLagProbe m_lagProbe;
};

} // namespace gistack
