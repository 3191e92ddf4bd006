#include "Cluster.h"

#include "ClusterNode.h"
#include "MessageFeed.h"
#include "NotificationListener.h"
#include "service/NotificationService.h"
#include "storage/DatabaseUrl.h"
#include "storage/StorageWorker.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCluster)

namespace gistack {

Cluster::Cluster(QString databaseSetting, StorageWorker &storage, ConnectionRegistry &registry,
                 NotificationService &service, QObject *parent)
    : QObject(parent)
    , m_databaseSetting(std::move(databaseSetting))
    , m_storage(storage)
    , m_registry(registry)
    , m_service(service)
    , m_feed(std::make_unique<MessageFeed>(storage)) {
    connect(&m_service, &NotificationService::broadcastCommitted, m_feed.get(), &MessageFeed::catchUp);
    connect(m_feed.get(), &MessageFeed::arrived, &m_service, &NotificationService::deliverBroadcasts);
}

Cluster::~Cluster() {
    stop();
}

QString Cluster::nodeId() const {
    return m_node ? m_node->id() : QString();
}

void Cluster::start(quint16 port) {
    m_node = std::make_unique<ClusterNode>(ClusterNode::makeId(port), m_storage, m_registry);
    m_service.setNodeId(m_node->id());
    connect(&m_storage, &StorageWorker::connectionChanged, this, [this](bool connected) {
        if (!connected)
            return;
        m_node->resync();
        m_feed->catchUp();
    });
    if (DatabaseUrl::isPostgres(m_databaseSetting)) {
        m_listener = std::make_unique<NotificationListener>(
            m_databaseSetting, (QStringLiteral("gistack-listen/") + m_node->id()).left(63));
        connect(m_listener.get(), &NotificationListener::announced, m_feed.get(), &MessageFeed::announced);
        connect(m_listener.get(), &NotificationListener::listening, m_feed.get(), &MessageFeed::catchUp);
        m_listener->start();
    }
    m_feed->start();
    // One SQLite file has one node: no heartbeats or presence rows to write (and fsync) there.
    if (m_listener) {
        m_node->start();
        // Only several nodes make a cluster worth announcing; a single SQLite node stays quiet.
        qCInfo(lcCluster).noquote() << "node" << m_node->id() << "joined";
    }
}

void Cluster::stop() {
    if (m_listener)
        m_listener->stop();
    m_listener.reset();
    m_feed->stop();
    if (m_node)
        m_node->stop();
}

} // namespace gistack
