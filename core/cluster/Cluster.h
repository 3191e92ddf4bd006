#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace gistack {

class ClusterNode;
class ConnectionRegistry;
class MessageFeed;
class NotificationListener;
class NotificationService;
class StorageWorker;

// What makes several nodes on one database act as one server: this node's presence rows,
// the message feed that pushes every node's broadcasts to local sockets, and (on PostgreSQL)
// the LISTEN connection that wakes the feed. On SQLite the same pieces run for a single node.
class Cluster : public QObject {
    Q_OBJECT
public:
    Cluster(QString databaseSetting, StorageWorker &storage, ConnectionRegistry &registry,
            NotificationService &service, QObject *parent = nullptr);
    ~Cluster() override;

    // port names the node; call once the listener is bound.
    void start(quint16 port);
    void stop();

    QString nodeId() const;

private:
    QString m_databaseSetting;
    StorageWorker &m_storage;
    ConnectionRegistry &m_registry;
    NotificationService &m_service;
    std::unique_ptr<MessageFeed> m_feed;
    std::unique_ptr<ClusterNode> m_node;
    std::unique_ptr<NotificationListener> m_listener;
};

} // namespace gistack
