#pragma once

#include "ClusterRecords.h"
#include "MessageRecord.h"
#include "domain/Entities.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace gistack {

// Everything the service keeps. Synchronous: it runs on the storage thread only, one
// connection per thread. Failures throw StorageError.
class Storage {
public:
    virtual ~Storage() = default;

    // Connects and brings the schema to the current version.
    virtual void open() = 0;
    virtual int schemaVersion() = 0;
    // After a lost connection: connects again (the schema is already there); throws while the
    // server is still away.
    virtual void reopen() = 0;
    // Whether the connection still answers; asked after a failed transaction.
    virtual bool isAlive() = 0;

    // Transaction control for the worker's group commits.
    // Before begin(): false when the next transaction holds only work that may be undone
    // without harm (reads, queue claims, records of who got a broadcast); its commit need not wait for the
    // disk, and a crash of the machine (not of the process) may lose it.
    virtual void setDurableCommit(bool durable) = 0;
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual void savepoint() = 0;
    virtual void releaseSavepoint() = 0;
    virtual void rollbackToSavepoint() = 0;

    virtual void upsertOrg(const Org &org) = 0;
    virtual std::optional<Org> org(const QString &id) = 0;
    virtual QList<Org> orgs() = 0;
    virtual void upsertUser(const User &user) = 0;
    virtual std::optional<User> user(const QString &id) = 0;
    // Those of ids that name no user, in no particular order; one statement for any number.
    virtual QStringList unknownUsers(const QStringList &ids) = 0;
    virtual QList<User> users() = 0;

    virtual void setGistackLicence(const QDateTime &expireDate) = 0;
    virtual std::optional<QDateTime> gistackLicence() = 0;
    virtual void upsertArcgisLicence(const ArcgisLicence &licence) = 0;
    virtual bool removeArcgisLicence(const QString &id) = 0;
    virtual QList<ArcgisLicence> arcgisLicences() = 0;
    virtual void upsertLease(const Lease &lease) = 0;
    virtual bool removeLease(const QString &id) = 0;
    virtual QList<Lease> leasesOf(const QString &userId) = 0;
    virtual QList<Lease> leases() = 0;

    virtual void insertRegistration(const Registration &registration) = 0;
    virtual std::optional<Registration> registration(const QString &id) = 0;
    virtual QList<Registration> pendingRegistrations() = 0;
    virtual void insertRequest(const ResourceRequest &request) = 0;
    virtual std::optional<ResourceRequest> request(const QString &id) = 0;
    virtual QList<ResourceRequest> pendingRequests() = 0;
    // Both return false when the item was no longer pending (someone decided first).
    virtual bool decideRegistration(const QString &id, bool approved, const QString &adminId,
                                    const QDateTime &at) = 0;
    virtual bool decideRequest(const QString &id, bool approved, const QString &adminId,
                               const QDateTime &at) = 0;
    virtual PendingCounts pendingCounts(const QString &orgId) = 0;
    virtual QHash<QString, PendingCounts> allPendingCounts() = 0;

    // Logs a message that was already handed to its sockets (login reminders).
    virtual qint64 insertMessage(const Envelope &envelope, const QList<Recipient> &recipients) = 0;
    // Logs a message for every node to push (see Broadcast), announced to the other nodes on commit.
    // Broadcasts commit in sequence order, so a reader that remembers the last seq it saw misses none.
    // A durable broadcast's recipients are stored as one pending list: the per-recipient rows are
    // written by settleBroadcast() after the push, or as queued by the first read of anyone's queue
    // or history, whichever comes first. Duplicate recipients throw.
    virtual qint64 insertBroadcast(const Envelope &envelope, const QStringList &recipients,
                                   const QString &audienceOrg) = 0;
    // Broadcasts with seq > afterSeq, oldest first.
    virtual QList<Broadcast> broadcastsAfter(qint64 afterSeq, int limit) = 0;
    virtual qint64 lastMessageSeq() = 0;
    // Records who got a live-only broadcast.
    virtual void addRecipients(qint64 seq, const QStringList &userIds, const QDateTime &at) = 0;
    // Marks queued recipients of a broadcast delivered (no-op for those already delivered).
    virtual void markDelivered(qint64 seq, const QStringList &userIds, const QDateTime &at) = 0;
    // Records a durable broadcast's push by this node: reached users delivered at `at`, the other
    // recipients queued. Safe to repeat and to run on several nodes: a delivered row stays so.
    virtual void settleBroadcast(qint64 seq, const QStringList &reached, const QDateTime &at) = 0;
    virtual void setDelivery(const QString &messageId, const QStringList &userIds, DeliveryState state,
                             const QDateTime &at) = 0;
    // Marks the user's queued messages delivered and returns them, oldest first. With
    // maxBytes > 0 it stops after the message that reaches that much msg text (at least one),
    // so a long queue goes out in batches the socket can take; *more then tells whether some
    // of the queue is left.
    virtual QList<MessageRecord> claimQueued(const QString &userId, const QDateTime &at, qint64 maxBytes = 0,
                                             bool *more = nullptr) = 0;
    virtual int queuedCount(const QString &userId) = 0;
    // Newest first; an empty userId means every user.
    virtual QList<MessageRecord> history(const QString &userId, int limit) = 0;

    // Cluster membership: each node's heartbeat and the users it serves. Liveness is judged on
    // the database's clock, so nodes need not agree on the time.
    virtual void heartbeat(const QString &nodeId, int connections) = 0;
    // connections == 0 removes the row.
    virtual void setPresence(const QString &nodeId, const QString &userId, int connections) = 0;
    virtual void removeNode(const QString &nodeId) = 0;
    virtual ClusterPresence otherNodes(const QString &nodeId, qint64 liveWithinMs) = 0;
    // Forgets nodes silent for longer than deadAfterMs, with their presence.
    virtual void pruneNodes(qint64 deadAfterMs) = 0;

    virtual std::optional<QString> setting(const QString &key) = 0;
    virtual void setSetting(const QString &key, const QString &value) = 0;
};

} // namespace gistack
