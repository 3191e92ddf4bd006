#pragma once

#include "LoginReminders.h"
#include "MessageRouter.h"
#include "Outcome.h"
#include "domain/Entities.h"
#include "domain/ExpiryRule.h"
#include "storage/MessageRecord.h"
#include "storage/Storage.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace gistack {

class Clock;
class ClientConnection;
class ConnectionRegistry;
class StorageWorker;

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

    // Publishes any catalogue type to users; queued for those offline.
    void publish(MessageType type, const QStringList &userIds, const QJsonValue &msg, Done done);
    void history(const QString &userId, int limit, Done done);
    void stats(Done done);

    // A socket presented a valid token for userId: find the user, then run the login checks.
    void login(ClientConnection *connection, const QString &userId);
    // The once-a-day re-run of the login checks for every open connection.
    void runDailyChecks();

signals:
    void pendingCountsChanged(const QString &orgId, const gistack::PendingCounts &counts);
    void messageSent(const gistack::MessageRecord &record);
    void registrationSubmitted(const gistack::Registration &registration);
    void requestSubmitted(const gistack::ResourceRequest &request);
    void itemDecided(const QString &id, bool approved);

private:
    void write(std::function<Outcome(Storage &)> job, Done done);
    void pushCount(const QString &orgId, PendingKind kind, const PendingCounts &counts);
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
    Envelope makeEnvelope(MessageType type, const QJsonValue &msg) const;

    StorageWorker &m_storage;
    ConnectionRegistry &m_registry;
    const Clock &m_clock;
    ExpiryRule m_rule;
    MessageRouter m_router;
    QSet<QString> m_draining;
    QSet<QString> m_drainAgain;
};

} // namespace gistack
