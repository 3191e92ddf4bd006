#include "ServerHost.h"

#include "server/NotifyServer.h"

namespace gistack {

ServerHost::ServerHost(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock) {
}

ServerHost::~ServerHost() {
    stop();
}

bool ServerHost::start(const ServerConfig &config) {
    stop();
    m_config = config;
    m_lastError.clear();
    auto server = std::make_unique<NotifyServer>(config, m_clock);
    QString error;
    if (!server->start(&error)) {
        m_lastError = error;
        emit stateChanged();
        return false;
    }
    m_server = std::move(server);
    connect(m_server.get(), &NotifyServer::listenerRestarted, this, &ServerHost::stateChanged);
    emit serverChanged(m_server.get());
    emit stateChanged();
    return true;
}

bool ServerHost::apply(const ServerConfig &config) {
    if (!m_server || needsNewServer(m_config, config))
        return start(config);
    m_lastError.clear();
    if (config.thresholdDays != m_config.thresholdDays) {
        m_server->setThresholdDays(config.thresholdDays);
        m_config.thresholdDays = config.thresholdDays;
    }
    if (config.port != m_config.port || config.bind != m_config.bind) {
        QString error;
        if (!m_server->restartListener(config.bind, config.port, &error)) {
            m_lastError = error;
            emit stateChanged();
            return false;
        }
        m_config.port = config.port;
        m_config.bind = config.bind;
    }
    m_config.verbose = config.verbose;
    emit stateChanged();
    return true;
}

void ServerHost::stop() {
    if (!m_server)
        return;
    // Listeners drop their pointers first, then the sockets close with 1001.
    std::unique_ptr<NotifyServer> old = std::move(m_server);
    emit serverChanged(nullptr);
    old->stop();
    old.reset();
    emit stateChanged();
}

bool ServerHost::isRunning() const {
    return m_server && m_server->isRunning();
}

QUrl ServerHost::url() const {
    return m_server ? m_server->url() : QUrl();
}

bool ServerHost::needsNewServer(const ServerConfig &a, const ServerConfig &b) {
    return a.databasePath() != b.databasePath() || a.jwtSecret != b.jwtSecret || a.apiKey != b.apiKey ||
           a.dailyCheckAt != b.dailyCheckAt || a.demo != b.demo;
}

} // namespace gistack
