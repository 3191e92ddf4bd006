#pragma once

#include "ClientConnection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace gistack {

// Every open socket, and who is online: pending sockets wait for a token, authenticated
// ones are indexed by user and by org for the org-admin audience. Also keeps sockets
// alive (pings) and drops dead or silent ones.
class ConnectionRegistry : public QObject {
    Q_OBJECT
public:
    struct Timeouts {
        int authMs = 5000;
        int pingIntervalMs = 25000;
        int pongTimeoutMs = 10000;
    };

    struct Limits {
        int maxPerUser = 16;
        qint64 maxSendBufferBytes = 1024 * 1024;
    };

    explicit ConnectionRegistry(Timeouts timeouts, QObject *parent = nullptr);
    ~ConnectionRegistry() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    // Takes the channel.
    ClientConnection *add(FrameChannel *channel);
    // False when the user already has its maximum of connections: this one is closed with 4429.
    bool authenticate(ClientConnection *connection, const User &user);
    bool hasRoomFor(const QString &userId) const;
    void refuseOverLimit(ClientConnection *connection);
    // Numbers durable deliveries, so a dropped socket's messages can be told from the ones
    // the user's other sockets also got.
    quint64 nextRouteSeq() { return ++m_routeSeq; }

    QList<ClientConnection *> connectionsOf(const QString &userId) const { return m_byUser.value(userId); }
    bool isOnline(const QString &userId) const { return m_byUser.contains(userId); }
    QStringList onlineOrgAdmins(const QString &orgId) const;
    QList<ClientConnection *> authenticatedConnections() const;
    QList<ClientConnection *> allConnections() const { return m_connections.values(); }
    int connectionCount() const { return int(m_connections.size()); }
    int onlineUserCount() const { return int(m_byUser.size()); }
    qint64 uptimeMs() const { return m_uptime.elapsed(); }

    void closeAll(int code, const QString &reason);

signals:
    void connectionAdded(gistack::ClientConnection *connection);
    void authenticated(gistack::ClientConnection *connection);
    void connectionClosed(gistack::ClientConnection *connection);
    void userOnline(const QString &userId);
    void userOffline(const QString &userId);

private:
    void remove(ClientConnection *connection);
    // Takes an authenticated connection out of the user and org indexes.
    void detach(ClientConnection *connection);
    void housekeeping();

    Timeouts m_timeouts;
    Limits m_limits;
    quint64 m_routeSeq = 0;
    QElapsedTimer m_uptime;
    QTimer m_housekeeping;
    qint64 m_lastPingMs = 0;
    quint64 m_nextId = 1;
    QHash<quint64, ClientConnection *> m_connections;
    QSet<ClientConnection *> m_pending;
    QHash<QString, QList<ClientConnection *>> m_byUser;
    QHash<QString, QSet<QString>> m_onlineAdminsByOrg;
};

} // namespace gistack
