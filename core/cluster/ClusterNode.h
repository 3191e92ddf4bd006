#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace gistack {

class ClientConnection;
class ConnectionRegistry;
class StorageWorker;

// This node's entry in the cluster tables: a heartbeat every few seconds and, per user, how
// many of its sockets this node holds. Other nodes read these for online state and stats;
// a node whose heartbeat stops (crash, SIGKILL) drops out after liveWithinMs.
class ClusterNode : public QObject {
    Q_OBJECT
public:
    static constexpr int heartbeatMs = 2000;
    static constexpr qint64 liveWithinMs = 10000;
    static constexpr qint64 forgetAfterMs = 120000;

    ClusterNode(QString nodeId, StorageWorker &storage, ConnectionRegistry &registry,
                QObject *parent = nullptr);

    const QString &id() const { return m_id; }
    // A readable, unique id: host, port and a random suffix.
    static QString makeId(quint16 port);

    void start();
    // Removes this node's rows; queued before the storage thread finishes its work.
    void stop();
    // Rewrites every row of this node, after the database was away.
    void resync();

private:
    void connectionChanged(ClientConnection *connection);
    void flush();

    QString m_id;
    StorageWorker &m_storage;
    ConnectionRegistry &m_registry;
    QTimer m_heartbeat;
    QSet<QString> m_dirty;
    bool m_flushQueued = false;
    bool m_needsResync = false;
    bool m_pruneDue = false;
    bool m_running = false;
};

} // namespace gistack
