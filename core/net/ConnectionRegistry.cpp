#include "ConnectionRegistry.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWs, "gistack.ws", QtWarningMsg)

namespace gistack {

ConnectionRegistry::ConnectionRegistry(Timeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_timeouts(timeouts) {
    m_uptime.start();
    // One sweep for all sockets rather than a timer per socket.
    m_housekeeping.setInterval(qBound(50, qMin(m_timeouts.authMs, m_timeouts.pingIntervalMs) / 5, 1000));
    connect(&m_housekeeping, &QTimer::timeout, this, &ConnectionRegistry::housekeeping);
    m_housekeeping.start();
}

ConnectionRegistry::~ConnectionRegistry() {
    const auto connections = m_connections.values();
    for (ClientConnection *connection : connections) {
        connection->disconnect(this);
        delete connection;
    }
}

ClientConnection *ConnectionRegistry::add(FrameChannel *channel) {
    auto *connection =
        new ClientConnection(std::unique_ptr<FrameChannel>(channel), m_nextId++, m_uptime.elapsed(), this);
    connection->setSendLimit(m_limits.maxSendBufferBytes, m_timeouts.pongTimeoutMs);
    m_connections.insert(connection->id(), connection);
    m_pending.insert(connection);
    connect(connection, &ClientConnection::closed, this, &ConnectionRegistry::remove);
    connect(connection, &ClientConnection::dropping, this, &ConnectionRegistry::detach);
    connect(connection, &ClientConnection::ponged, this,
            [this](ClientConnection *c) { c->heard(m_uptime.elapsed()); });
    connect(connection, &ClientConnection::textReceived, this,
            [this](ClientConnection *c) { c->heard(m_uptime.elapsed()); });
    qCDebug(lcWs) << "socket" << connection->id() << "from" << connection->peerAddress().toString();
    emit connectionAdded(connection);
    return connection;
}

bool ConnectionRegistry::hasRoomFor(const QString &userId) const {
    return m_byUser.value(userId).size() < m_limits.maxPerUser;
}

void ConnectionRegistry::refuseOverLimit(ClientConnection *connection) {
    m_pending.remove(connection);
    connection->close(
        CloseCode::TooManyConnections,
        QStringLiteral("too many connections for this user (at most %1)").arg(m_limits.maxPerUser));
}

bool ConnectionRegistry::authenticate(ClientConnection *connection, const User &user) {
    if (!m_pending.contains(connection) || !connection->isOpen())
        return false;
    if (!hasRoomFor(user.id)) {
        refuseOverLimit(connection);
        return false;
    }
    m_pending.remove(connection);
    connection->authenticate(user, m_routeSeq);
    QList<ClientConnection *> &mine = m_byUser[user.id];
    const bool cameOnline = mine.isEmpty();
    mine.append(connection);
    if (user.role == Role::OrgAdmin)
        m_onlineAdminsByOrg[user.orgId].insert(user.id);
    qCInfo(lcWs) << "user" << user.id << "authenticated on socket" << connection->id();
    if (cameOnline)
        emit userOnline(user.id);
    emit authenticated(connection);
    return true;
}

QStringList ConnectionRegistry::onlineOrgAdmins(const QString &orgId) const {
    const QSet<QString> admins = m_onlineAdminsByOrg.value(orgId);
    QStringList sorted(admins.begin(), admins.end());
    sorted.sort();
    return sorted;
}

QList<ClientConnection *> ConnectionRegistry::authenticatedConnections() const {
    QList<ClientConnection *> result;
    for (const QList<ClientConnection *> &connections : m_byUser)
        result.append(connections);
    return result;
}

void ConnectionRegistry::closeAll(int code, const QString &reason) {
    const auto connections = m_connections.values();
    for (ClientConnection *connection : connections)
        connection->close(code, reason);
}

void ConnectionRegistry::detach(ClientConnection *connection) {
    if (!connection->isAuthenticated())
        return;
    const User &user = connection->user();
    auto it = m_byUser.find(user.id);
    if (it == m_byUser.end() || !it->removeOne(connection) || !it->isEmpty())
        return;
    m_byUser.erase(it);
    auto admins = m_onlineAdminsByOrg.find(user.orgId);
    if (admins != m_onlineAdminsByOrg.end()) {
        admins->remove(user.id);
        if (admins->isEmpty())
            m_onlineAdminsByOrg.erase(admins);
    }
    emit userOffline(user.id);
}

void ConnectionRegistry::remove(ClientConnection *connection) {
    m_connections.remove(connection->id());
    m_pending.remove(connection);
    detach(connection);
    qCDebug(lcWs) << "socket" << connection->id() << "closed";
    emit connectionClosed(connection);
    connection->deleteLater();
}

void ConnectionRegistry::housekeeping() {
    const qint64 now = m_uptime.elapsed();
    const auto pending = m_pending.values();
    for (ClientConnection *connection : pending) {
        if (now - connection->connectedAtMs() > m_timeouts.authMs) {
            m_pending.remove(connection);
            connection->close(CloseCode::Unauthorized,
                              QStringLiteral("no token within %1 s").arg(m_timeouts.authMs / 1000.0));
        }
    }
    const bool pingRound = now - m_lastPingMs >= m_timeouts.pingIntervalMs;
    if (pingRound)
        m_lastPingMs = now;
    const auto connections = m_connections.values();
    for (ClientConnection *connection : connections) {
        if (connection->abortIfCloseStalled(now))
            continue;
        if (connection->checkBacklog())
            continue; // slow: it is being closed with 4008
        const qint64 pingSent = connection->pingSentMs();
        if (pingSent > 0 && now - pingSent > m_timeouts.pongTimeoutMs) {
            // A peer that cannot answer a ping will not read a close frame either.
            qCInfo(lcWs) << "dropping socket" << connection->id() << "after an unanswered ping";
            connection->abort();
        } else if (pingRound && pingSent == 0) {
            connection->ping(now);
        }
    }
}

} // namespace gistack
