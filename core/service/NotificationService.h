#pragma once

#include "AdminViews.h"
#include "BroadcastDelivery.h"
#include "LoginReminders.h"
#include "MessageRouter.h"
#include "Outcome.h"
#include "domain/Entities.h"
#include "domain/ExpiryRule.h"
#include "storage/ClusterRecords.h"
#include "storage/MessageRecord.h"
#include "storage/Storage.h"
#include "storage/StorageWorker.h"

#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSet>

namespace gistack {

class Clock;
class ClientConnection;
class ConnectionRegistry;

// The use cases: what happens when data changes, a request arrives, an admin decides or a
// browser logs in. The HTTP API and the console call these same methods; every write is
// committed before its callback reports success.
class NotificationService : public QObject {
    Q_OBJECT
public:
    NotificationService(StorageWorker &storage, ConnectionRegistry &registry, const Clock &clock,
                        ExpiryRule rule, QObject *parent = nullptr);

    const ExpiryRule &expiryRule() const { return m_rule; }
    void setExpiryRule(ExpiryRule rule) { m_rule = rule; }

    void putOrg(const Org &org, Done done);
    void putUser(const User &user, Done done);
    void setGistackLicence(const QDateTime &expireDate, Done done);
    void putArcgisLicence(const ArcgisLicence &licence, Done done);
    void removeArcgisLicence(const QString &id, Done done);
    void putLease(const Lease &lease, Done done);
    void removeLease(const QString &id, Done done);

    void submitRegistration(const QString &userId, const QString &orgId, const QString &name, Done done);
    void submitRequest(const QString &userId, ResourceKind kind, RequestAction action,
                       const QString &resourceName, Done done);
    void decideRegistration(const QString &id, bool approved, const QString &adminId, Done done);
    void decideRequest(const QString &id, bool approved, const QString &adminId, Done done);

    // Names this node in the cluster's presence tables; stats then count the other live nodes too.
    void setNodeId(const QString &nodeId) { m_nodeId = nodeId; }

    // Publishes any catalogue type to users; queued for those offline.
    void publish(MessageType type, const QStringList &userIds, const QJsonValue &msg, Done done);
    void history(const QString &userId, int limit, Done done);
    void stats(Done done);

    // Typed reads for the console; each done runs on this object's thread.
    template <typename T> using Loaded = std::function<void(StorageResult<T>)>;
    void loadPending(Loaded<PendingSnapshot> done);
    void loadPendingCounts(Loaded<QHash<QString, PendingCounts>> done);
    void loadLicences(Loaded<LicenceSnapshot> done);
    void loadDirectory(Loaded<DirectorySnapshot> done);
    // Newest first, one record per message with all of its recipients.
    void loadRecentMessages(int limit, Loaded<QList<MessageRecord>> done);

    // A socket presented a valid token for userId: find the user, then run the login checks.
    void login(ClientConnection *connection, const QString &userId);
    // The once-a-day re-run of the login checks for every open connection.
    void runDailyChecks();
    // Pushes broadcasts from the log (any node's) to this node's sockets, oldest first, and
    // records who got them.
    void deliverBroadcasts(const QList<gistack::Broadcast> &broadcasts);

signals:
    void pendingCountsChanged(const QString &orgId, const gistack::PendingCounts &counts);
    void messageSent(const gistack::MessageRecord &record);
    void registrationSubmitted(const gistack::Registration &registration);
    void requestSubmitted(const gistack::ResourceRequest &request);
    void itemDecided(const QString &id, bool approved);
    // The GIStack licence, an ArcGIS licence or a lease was written or removed.
    void licencesChanged();
    // An org or user was written (an approved registration may add a user).
    void directoryChanged();
    // A write committed broadcasts: the message feed reads them back and delivers them.
    void broadcastCommitted();

private:
    void write(std::function<Outcome(Storage &)> job, Done done);
    // Wraps done so that a successful write also emits signal.
    Done notifying(void (NotificationService::*signal)(), Done done);
    void sendReminders(ClientConnection *connection, const LoginFacts &facts);
    // Claims the user's queued messages and writes them to all of its sockets.
    void drainQueue(const QString &userId);
    void whenRoomFor(const QString &userId);
    void claimNextBatch(const QString &userId);
    void deliverClaimed(const QString &userId, const QList<MessageRecord> &claimed);
    // A socket the server dropped (slow, dead) may not have had its last durable messages.
    void requeueDropped(gistack::ClientConnection *connection);
    void requeue(const QString &userId, const QStringList &messageIds, int attempt);
    void logMessage(const Envelope &envelope, const QList<Recipient> &recipients);
    // Records who got a broadcast and tells the console and the log.
    void recordDelivery(const gistack::Broadcast &broadcast, const QStringList &reached);
    Envelope makeEnvelope(MessageType type, const QJsonValue &msg) const;

    StorageWorker &m_storage;
    ConnectionRegistry &m_registry;
    const Clock &m_clock;
    ExpiryRule m_rule;
    MessageRouter m_router;
    QString m_nodeId;
    BroadcastDelivery *m_delivery;
    QSet<QString> m_draining;
    QSet<QString> m_drainAgain;
};

} // namespace gistack
