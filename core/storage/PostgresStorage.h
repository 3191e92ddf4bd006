#pragma once

#include "SqlStorage.h"

namespace gistack {

// Several nodes on one PostgreSQL server through Qt's QPSQL driver. Same statements and
// behaviour as SQLite; what differs is here: the schema's types, the advisory locks that
// keep migrations and broadcasts in order, NOTIFY on commit, and SKIP LOCKED queue claims.
class PostgresStorage final : public SqlStorage {
public:
    // url is the whole postgresql://... setting; it is parsed when the storage opens.
    explicit PostgresStorage(QString url);

    // The channel a broadcast's seq is announced on.
    static QString notifyChannel();
    // Connection options every session gets (timeouts and TCP keep-alives), "key=value;...".
    static QString baseConnectOptions();

    void begin() override;

protected:
    void connectDatabase() override;
    QList<QStringList> migrations() const override;
    QString nowMsSql() const override;
    QString jsonTextRowsSql() const override;
    QString inJsonTextsSql(const QString &column) const override;
    QString recipientsJsonSql() const override;
    void lockSchema() override;
    void unlockSchema() override;
    void lockBroadcasts() override;
    void announceBroadcast(qint64 seq) override;
    QString claimLockClause() const override;

private:
    void runLock(const QString &sql, qint64 key);

    QString m_url;
};

} // namespace gistack
