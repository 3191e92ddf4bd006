#include "NotifyServer.h"

#include "DemoData.h"
#include "net/ApiRoutes.h"
#include "net/ClientConnection.h"
#include "net/ConnectionRegistry.h"
#include "net/HttpListener.h"
#include "net/TokenVerifier.h"
#include "net/WebSocketGateway.h"
#include "service/NotificationService.h"
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
    m_storage = std::make_unique<StorageWorker>(
        [path, busyTimeoutMs] { return std::make_unique<SqliteStorage>(path, busyTimeoutMs); });
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
    m_gateway = std::make_unique<WebSocketGateway>(*m_registry, *m_tokens, m_config.maxMessageBytes);
    m_daily = std::make_unique<DailyScheduler>(m_clock, m_config.dailyCheckAt);

    connect(m_listener.get(), &HttpListener::webSocketArrived, m_gateway.get(), &WebSocketGateway::accept);
    connect(m_gateway.get(), &WebSocketGateway::tokenAccepted, m_service.get(), &NotificationService::login);
    connect(m_daily.get(), &DailyScheduler::fired, m_service.get(), &NotificationService::runDailyChecks);
}

NotifyServer::~NotifyServer() {
    stop();
    // Sockets and their connections go before the service that references them.
    m_gateway.reset();
    m_listener.reset();
    m_registry.reset();
}

bool NotifyServer::start(QString *error) {
    if (m_config.jwtSecret.size() < 16 || m_config.apiKey.size() < 16) {
        *error = QStringLiteral("set a jwt-secret and an api-key of at least 16 characters each "
                                "(config file, GISTACK_JWT_SECRET / GISTACK_API_KEY, or the options)");
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
            *error = QStringLiteral("could not load demo data: ") + seeded.error;
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
    m_running = true;
    qCInfo(lcServer).noquote() << "listening on" << url().toString() << "database" << m_config.databasePath();
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

void NotifyServer::addHttpHandler(HttpHandler *handler) {
    m_listener->addHandler(handler);
}

} // namespace gistack
