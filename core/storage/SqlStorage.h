#pragma once

#include "Storage.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace gistack {

// The QtSql implementation shared by every backend. Backends supply the connection and
// their own versioned migrations; the statements here stay portable SQL.
class SqlStorage : public Storage {
public:
    ~SqlStorage() override;

    void open() override;
    int schemaVersion() override;
    void reopen() override;
    bool isAlive() override;

    void setDurableCommit(bool durable) override { m_durableCommit = durable; }
    void begin() override;
    void commit() override;
    void rollback() override;
    void savepoint() override;
    void releaseSavepoint() override;
    void rollbackToSavepoint() override;

    void upsertOrg(const Org &org) override;
    std::optional<Org> org(const QString &id) override;
    QList<Org> orgs() override;
    void upsertUser(const User &user) override;
    std::optional<User> user(const QString &id) override;
    QStringList unknownUsers(const QStringList &ids) override;
    QList<User> users() override;

    void setGistackLicence(const QDateTime &expireDate) override;
    std::optional<QDateTime> gistackLicence() override;
    void upsertArcgisLicence(const ArcgisLicence &licence) override;
    bool removeArcgisLicence(const QString &id) override;
    QList<ArcgisLicence> arcgisLicences() override;
    void upsertLease(const Lease &lease) override;
    bool removeLease(const QString &id) override;
    QList<Lease> leasesOf(const QString &userId) override;
    QList<Lease> leases() override;

    void insertRegistration(const Registration &registration) override;
    std::optional<Registration> registration(const QString &id) override;
    QList<Registration> pendingRegistrations() override;
    void insertRequest(const ResourceRequest &request) override;
    std::optional<ResourceRequest> request(const QString &id) override;
    QList<ResourceRequest> pendingRequests() override;
    bool decideRegistration(const QString &id, bool approved, const QString &adminId,
                            const QDateTime &at) override;
    bool decideRequest(const QString &id, bool approved, const QString &adminId,
                       const QDateTime &at) override;
    PendingCounts pendingCounts(const QString &orgId) override;
    QHash<QString, PendingCounts> allPendingCounts() override;

    qint64 insertMessage(const Envelope &envelope, const QList<Recipient> &recipients) override;
    qint64 insertBroadcast(const Envelope &envelope, const QStringList &recipients,
                           const QString &audienceOrg) override;
    QList<Broadcast> broadcastsAfter(qint64 afterSeq, int limit) override;
    qint64 lastMessageSeq() override;
    void addRecipients(qint64 seq, const QStringList &userIds, const QDateTime &at) override;
    void markDelivered(qint64 seq, const QStringList &userIds, const QDateTime &at) override;
    void settleBroadcast(qint64 seq, const QStringList &reached, const QDateTime &at) override;
    void setDelivery(const QString &messageId, const QStringList &userIds, DeliveryState state,
                     const QDateTime &at) override;
    QList<MessageRecord> claimQueued(const QString &userId, const QDateTime &at, qint64 maxBytes = 0,
                                     bool *more = nullptr) override;
    int queuedCount(const QString &userId) override;
    QList<MessageRecord> history(const QString &userId, int limit) override;

    void heartbeat(const QString &nodeId, int connections) override;
    void setPresence(const QString &nodeId, const QString &userId, int connections) override;
    void removeNode(const QString &nodeId) override;
    ClusterPresence otherNodes(const QString &nodeId, qint64 liveWithinMs) override;
    void pruneNodes(qint64 deadAfterMs) override;

    std::optional<QString> setting(const QString &key) override;
    void setSetting(const QString &key, const QString &value) override;

protected:
    explicit SqlStorage(QString connectionName);

    // Opens m_db; throws StorageError.
    virtual void connectDatabase() = 0;
    bool durableCommit() const { return m_durableCommit; }
    // Schema versions in order: entry i upgrades version i to i + 1.
    virtual QList<QStringList> migrations() const = 0;
    // The database's clock in milliseconds since the epoch, as an SQL expression.
    virtual QString nowMsSql() const = 0;
    // Keeps nodes from migrating the same database at once.
    virtual void lockSchema() {}
    virtual void unlockSchema() {}
    // Called before a broadcast takes its sequence number; a multi-writer backend serialises
    // broadcasts here so that they commit in sequence order.
    virtual void lockBroadcasts() {}
    // Called after a broadcast row is written; a backend with notifications announces seq.
    virtual void announceBroadcast(qint64 seq) { Q_UNUSED(seq) }
    // Appended to the queue-claim SELECT so that concurrent claims skip each other's rows.
    virtual QString claimLockClause() const { return QString(); }
    // A row source with one text column named value: the strings of a JSON array bound to its
    // single placeholder. One statement and one bound value then carry a whole id list.
    virtual QString jsonTextRowsSql() const = 0;
    // A condition: column is one of the strings of a JSON array bound to the single placeholder.
    // Each backend's form keeps the test a hash or index probe per row whatever plan the statistics
    // lead to, never a scan of the whole list per row.
    virtual QString inJsonTextsSql(const QString &column) const = 0;
    // A SELECT of one value: the user ids of the recipients of message_seq = ? as a JSON array,
    // ordered by user id, so that a 19,000-recipient broadcast is read as one value.
    virtual QString recipientsJsonSql() const = 0;

    QSqlDatabase &database() { return m_db; }
    const QString &connectionName() const { return m_connectionName; }
    // Prepares once per connection and reuses the statement.
    QSqlQuery &prepared(const QString &sql);
    void exec(QSqlQuery &query);
    // Resets every cached statement. One left mid-result keeps the connection in a read
    // transaction, which blocks WAL checkpoints and makes SQLite skip the busy timeout.
    void finishStatements();
    void execDirect(const QString &sql);
    // Runs a savepoint statement; a backend that can keep such statements prepared does so.
    virtual void execControl(const QString &sql);

private:
    void migrate();
    QList<MessageRecord> loadMessages(QSqlQuery &query);
    qint64 insertMessageRow(const Envelope &envelope, bool broadcast, const QString &audienceOrg,
                            const QString &pendingRecipients = QString());
    // Writes every pending recipient list as queued rows; run before anything reads the rows.
    void expandPending();
    void insertRecipientRows(qint64 seq, const QString &recipientsJson, const QStringList &reached,
                             const QDateTime &at);

    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;

private:
    bool m_durableCommit = true;
    // Ids this connection has seen in the users table. Users are never deleted, so a hit needs
    // no query; forgotten whenever a rollback could have undone what was read.
    QSet<QString> m_knownUsers;
};

} // namespace gistack
