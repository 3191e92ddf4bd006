#include "MetricsCollector.h"

#include "Metrics.h"
#include "net/ConnectionRegistry.h"
#include "net/HttpListener.h"
#include "service/NotificationService.h"
#include "storage/StorageWorker.h"

namespace gistack {

MetricsCollector::MetricsCollector(Metrics &metrics, ConnectionRegistry &registry,
                                   NotificationService &service, StorageWorker &storage,
                                   HttpListener &listener, QObject *parent)
    : QObject(parent) {
    metrics.addGauge("gistack_connections_open", "Open WebSocket connections, authenticated or not.",
                     [&registry] { return double(registry.connectionCount()); });
    metrics.addGauge("gistack_online_users", "Users with at least one authenticated connection.",
                     [&registry] { return double(registry.onlineUserCount()); });
    metrics.addGauge("gistack_db_queue_jobs", "Database jobs waiting for the storage thread.",
                     [&storage] { return double(storage.queueDepth()); });

    connect(&registry, &ConnectionRegistry::authenticated, this, [&metrics] { metrics.countLogin(); });
    connect(&service, &NotificationService::messageSent, this, [&metrics](const MessageRecord &record) {
        for (const Recipient &recipient : record.recipients)
            metrics.countMessage(record.envelope.type(), recipient.state == DeliveryState::Delivered);
    });
    connect(&listener, &HttpListener::requestAnswered, this,
            [&metrics](const QByteArray &, const QString &path, int status) {
                if (path.startsWith(QLatin1String("/api/")))
                    metrics.countApiRequest(status);
            });
    // Runs on the storage thread; Metrics' histograms take any thread.
    storage.setBatchObserver([&metrics](double seconds, int jobs) { metrics.observeDbBatch(seconds, jobs); });
    connect(&m_lagProbe, &LoopLagProbe::lagMeasured, this,
            [&metrics](double seconds) { metrics.observeLoopLag(seconds); });
}

} // namespace gistack
