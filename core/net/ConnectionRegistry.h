#pragma once

#include "ClientConnection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class QWebSocket;

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

    explicit ConnectionRegistry(Timeouts timeouts, QObject *parent = nullptr);
    ~ConnectionRegistry() override;

    ClientConnection *add(QWebSocket *socket);
    void authenticate(ClientConnection *connection, const User &user);

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
    void housekeeping();

    Timeouts m_timeouts;
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
