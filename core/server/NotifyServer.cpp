#include "NotifyServer.h"

#include "ConfigCheck.h"
#include "DemoData.h"
#include "EventLog.h"
#include "metrics/Metrics.h"
#include "metrics/MetricsCollector.h"
#include "cluster/Cluster.h"
#include "net/ApiRoutes.h"
#include "net/ClientConnection.h"
#include "net/ConnectionRegistry.h"
#include "net/HttpListener.h"
#include "net/MetricsEndpoint.h"
#include "net/StaticFiles.h"
#include "net/TokenVerifier.h"
#include "net/WebSocketGateway.h"
#include "service/NotificationService.h"
#include "storage/DatabaseUrl.h"
#include "storage/PostgresStorage.h"
#include "storage/SqliteStorage.h"
#include "storage/StorageWorker.h"
#include "time/Clock.h"
#include "time/DailyScheduler.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "gistack.server", QtInfoMsg)

namespace gistack {

namespace {
constexpr int shutdownDrainMs = 3000;
} // namespace

NotifyServer::NotifyServer(ServerConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock) {
    const QString path = m_config.databasePath();
    const int busyTimeoutMs = m_config.databaseBusyTimeoutMs;
    m_storage = std::make_unique<StorageWorker>([path, busyTimeoutMs]() -> std::unique_ptr<Storage> {
        if (DatabaseUrl::isPostgres(path))
            return std::make_unique<PostgresStorage>(path);
        return std::make_unique<SqliteStorage>(path, busyTimeoutMs);
    });
    m_tokens = std::make_unique<TokenVerifier>(m_config.jwtSecret, m_clock);
    m_registry = std::make_unique<ConnectionRegistry>(ConnectionRegistry::Timeouts{
        m_config.authTimeoutMs, m_config.pingIntervalMs, m_config.pongTimeoutMs});
    m_registry->setLimits({m_config.maxConnectionsPerUser, m_config.maxSendBufferBytes});
    m_service = std::make_unique<NotificationService>(*m_storage, *m_registry, m_clock,
                                                      ExpiryRule(m_config.thresholdDays));
    m_api = std::make_unique<ApiRoutes>(*m_service, m_config.apiKey);
    m_listener = std::make_unique<HttpListener>();
    m_listener->setLimits({m_config.handshakeTimeoutMs, m_config.maxBodyBytes, m_config.connectionRate,
                           m_config.connectionBurst});
    m_listener->setOriginPolicy(OriginPolicy(m_config.allowedOrigins));
    m_listener->addHandler(m_api.get());
    // After the API, so "/api/..." and "/healthz" can never be shadowed by a file.
    m_staticFiles = std::make_unique<StaticFiles>();
    m_listener->addHandler(m_staticFiles.get());
    m_listener->setMaxMessageBytes(m_config.maxMessageBytes);
    m_gateway = std::make_unique<WebSocketGateway>(*m_registry, *m_tokens);
    m_daily = std::make_unique<DailyScheduler>(m_clock, m_config.dailyCheckAt);
    m_cluster = std::make_unique<Cluster>(path, *m_storage, *m_registry, *m_service);

    connect(m_listener.get(), &HttpListener::webSocketArrived, m_gateway.get(), &WebSocketGateway::accept);
    connect(m_gateway.get(), &WebSocketGateway::tokenAccepted, m_service.get(), &NotificationService::login);
    connect(m_daily.get(), &DailyScheduler::fired, m_service.get(), &NotificationService::runDailyChecks);

    m_metrics = std::make_unique<Metrics>();
    m_metricsCollector =
        std::make_unique<MetricsCollector>(*m_metrics, *m_registry, *m_service, *m_storage, *m_listener);
    m_metricsEndpoint = std::make_unique<MetricsEndpoint>(*m_metrics, m_config.metricsKey);
    m_listener->addHandler(m_metricsEndpoint.get());
    m_eventLog = std::make_unique<EventLog>(*m_registry, *m_service, *m_listener);
}

NotifyServer::~NotifyServer() {
    stop();
    m_cluster.reset();
    // Sockets and their connections go before the service that references them.
    m_gateway.reset();
    m_listener.reset();
    m_registry.reset();
}

bool NotifyServer::start(QString *error) {
    if (const QStringList problems = ConfigCheck::startProblems(m_config); !problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return false;
    }
    const QString openError = m_storage->startAndOpen();
    if (!openError.isEmpty()) {
        *error = openError;
        return false;
    }
    if (m_config.demo) {
        const QDateTime now = m_clock.now();
        const auto seeded = m_storage->runSync<bool>([now](Storage &s) {
            DemoData::seed(s, now);
            return true;
        });
        if (!seeded.ok()) {
            *error =
                QCoreApplication::translate("NotifyServer", "could not load demo data: %1").arg(seeded.error);
            return false;
        }
    }
    if (m_config.tlsEnabled() && !m_listener->setTls(m_config.tlsCertificate, m_config.tlsKey, error)) {
        m_storage->shutdown();
        return false;
    }
    if (!m_listener->start(m_config.bind, m_config.port, error))
        return false;
    m_daily->start();
    m_cluster->start(port());
    m_running = true;
    // Never the password: a PostgreSQL URL is logged redacted.
    qCInfo(lcServer).noquote() << "listening on" << url().toString() << "database"
                               << DatabaseUrl::redacted(m_config.databasePath());
    return true;
}

void NotifyServer::stop() {
    if (!m_running)
        return;
    m_running = false;
    m_daily->stop();
    // From here new connections are refused and new requests answered 503.
    m_listener->beginShutdown();
    m_registry->closeAll(CloseCode::GoingAway, QStringLiteral("server shutting down"));
    // Requests in flight commit and get their answers, close frames leave; within a budget
    // that keeps the whole shutdown well under 5 s. Then the storage thread finishes its queue.
    QDeadlineTimer deadline(shutdownDrainMs);
    while ((m_registry->connectionCount() > 0 || m_listener->hasOpenConnections()) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    m_cluster->stop();
    m_storage->shutdown();
    emit stopped();
}

quint16 NotifyServer::port() const {
    return m_listener->port();
}

QUrl NotifyServer::url() const {
    QUrl url;
    url.setScheme(m_config.tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_config.bind.toString());
    url.setPort(port());
    return url;
}

bool NotifyServer::restartListener(const QHostAddress &bind, quint16 port, QString *error) {
    if (!m_running) {
        *error = QCoreApplication::translate("NotifyServer", "the server is not running");
        return false;
    }
    const QHostAddress oldBind = m_config.bind;
    const quint16 oldPort = this->port();
    m_listener->stopListening();
    if (!m_listener->start(bind, port, error)) {
        QString ignored;
        m_listener->start(oldBind, oldPort, &ignored);
        return false;
    }
    m_config.bind = bind;
    m_config.port = port;
    qCInfo(lcServer).noquote() << "listening on" << url().toString();
    emit listenerRestarted(url());
    return true;
}

void NotifyServer::setThresholdDays(int days) {
    m_config.thresholdDays = days;
    m_service->setExpiryRule(ExpiryRule(days));
}

void NotifyServer::addHttpHandler(HttpHandler *handler) {
    m_listener->addHandler(handler);
}

} // namespace gistack
