#include "ClusterNode.h"

#include "net/ConnectionRegistry.h"
#include "storage/StorageWorker.h"

#include <QHostInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcCluster, "gistack.cluster", QtInfoMsg)

namespace gistack {

ClusterNode::ClusterNode(QString nodeId, StorageWorker &storage, ConnectionRegistry &registry,
                         QObject *parent)
    : QObject(parent)
    , m_id(std::move(nodeId))
    , m_storage(storage)
    , m_registry(registry) {
    m_heartbeat.setInterval(heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        m_flushQueued = true; // every flush writes the heartbeat
        m_pruneDue = true;
        flush();
    });
    connect(&m_registry, &ConnectionRegistry::authenticated, this, &ClusterNode::connectionChanged);
    connect(&m_registry, &ConnectionRegistry::connectionClosed, this, &ClusterNode::connectionChanged);
}

QString ClusterNode::makeId(quint16 port) {
    return QStringLiteral("%1:%2-%3")
        .arg(QHostInfo::localHostName())
        .arg(port)
        .arg(QRandomGenerator::global()->generate() % 0x10000, 4, 16, QLatin1Char('0'));
}

void ClusterNode::start() {
    m_running = true;
    resync();
    m_heartbeat.start();
}

void ClusterNode::stop() {
    if (!m_running)
        return;
    m_running = false;
    m_heartbeat.stop();
    const QString id = m_id;
    m_storage.run<bool>(
        this,
        [id](Storage &s) {
            s.removeNode(id);
            return true;
        },
        [](StorageResult<bool>) {});
}

void ClusterNode::connectionChanged(ClientConnection *connection) {
    if (!m_running || !connection->isAuthenticated())
        return;
    m_dirty.insert(connection->user().id);
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    // One write for all the sockets that came and went in this turn of the event loop.
    QTimer::singleShot(0, this, &ClusterNode::flush);
}

void ClusterNode::resync() {
    m_needsResync = true;
    m_flushQueued = true;
    flush();
}

void ClusterNode::flush() {
    if (!m_running || !m_flushQueued)
        return;
    m_flushQueued = false;
    const bool full = m_needsResync;
    const bool prune = m_pruneDue;
    m_needsResync = false;
    m_pruneDue = false;
    QHash<QString, int> presence;
    if (full) {
        const QList<ClientConnection *> connections = m_registry.authenticatedConnections();
        for (const ClientConnection *connection : connections)
            presence[connection->user().id] += 1;
    } else {
        for (const QString &userId : std::as_const(m_dirty))
            presence.insert(userId, int(m_registry.connectionsOf(userId).size()));
    }
    m_dirty.clear();
    const QString id = m_id;
    const int connections = m_registry.connectionCount();
    m_storage.run<bool>(
        this,
        [id, connections, presence, full, prune](Storage &s) {
            if (full)
                s.removeNode(id);
            s.heartbeat(id, connections);
            for (auto it = presence.cbegin(); it != presence.cend(); ++it)
                s.setPresence(id, it.key(), it.value());
            if (prune)
                s.pruneNodes(forgetAfterMs);
            return true;
        },
        [this](StorageResult<bool> result) {
            if (!result.ok()) {
                // Whatever this write carried is lost: rewrite everything once the database is back.
                m_needsResync = true;
            }
        });
}

} // namespace gistack
