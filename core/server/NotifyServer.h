#pragma once

#include "ServerConfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace gistack {

class ApiRoutes;
class Clock;
class Cluster;
class ConnectionRegistry;
class DailyScheduler;
class EventLog;
class HttpHandler;
class HttpListener;
class Metrics;
class MetricsCollector;
class MetricsEndpoint;
class NotificationService;
class StaticFiles;
class StorageWorker;
class TokenVerifier;
class WebSocketGateway;

// The whole server, wired from a ServerConfig: storage thread, listener, gateway, service, API,
// the demo page with the browser client, and the daily re-check. gistack-server,
// gistack-console and the tests all run this.
class NotifyServer : public QObject {
    Q_OBJECT
public:
    NotifyServer(ServerConfig config, const Clock &clock, QObject *parent = nullptr);
    ~NotifyServer() override;

    // Opens the database (migrating it), loads demo data if asked, and listens.
    bool start(QString *error);
    // Closes every socket with 1001, stops listening and finishes queued database writes.
    void stop();

    const ServerConfig &config() const { return m_config; }
    quint16 port() const;
    QUrl url() const;
    bool isRunning() const { return m_running; }

    // Listens on a new address and port; the database, the service and open sockets stay as they
    // are. On failure it goes back to the old port and returns false with *error.
    bool restartListener(const QHostAddress &bind, quint16 port, QString *error);
    // Takes effect for the next login checks and the daily re-check.
    void setThresholdDays(int days);

    // Extra HTTP handlers (static files) asked after the API.
    void addHttpHandler(HttpHandler *handler);

    NotificationService &service() { return *m_service; }
    ConnectionRegistry &registry() { return *m_registry; }
    TokenVerifier &tokens() { return *m_tokens; }
    StorageWorker &storage() { return *m_storage; }
    DailyScheduler &dailyChecks() { return *m_daily; }
    const Clock &clock() const { return m_clock; }
    const Metrics &metrics() const { return *m_metrics; }
    Cluster &cluster() { return *m_cluster; }

signals:
    void stopped();
    void listenerRestarted(const QUrl &url);

private:
    ServerConfig m_config;
    const Clock &m_clock;
    bool m_running = false;
    // Declared first so it is destroyed last: the storage thread reports timings into it.
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<StorageWorker> m_storage;
    std::unique_ptr<TokenVerifier> m_tokens;
    std::unique_ptr<ConnectionRegistry> m_registry;
    std::unique_ptr<NotificationService> m_service;
    std::unique_ptr<ApiRoutes> m_api;
    std::unique_ptr<StaticFiles> m_staticFiles;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<WebSocketGateway> m_gateway;
    std::unique_ptr<DailyScheduler> m_daily;
    std::unique_ptr<MetricsCollector> m_metricsCollector;
    std::unique_ptr<MetricsEndpoint> m_metricsEndpoint;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<Cluster> m_cluster;
};

} // namespace gistack
