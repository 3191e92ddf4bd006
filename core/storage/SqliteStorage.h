#pragma once

#include "SqlStorage.h"

namespace gistack {

// The embedded default: one SQLite file in WAL mode, fsynced on every commit so that a
// committed write survives a crash or power loss. Before migrating an existing file to a
// newer schema it saves a copy beside it: gistack.db.bak-v<old>-<yyyyMMdd-HHmmss>.
class SqliteStorage : public SqlStorage {
public:
    // busyTimeoutMs: how long a statement waits for another connection's lock before it fails.
    explicit SqliteStorage(QString path, int busyTimeoutMs = 5000);

    // Takes the write lock up front, waiting up to the busy timeout for it: a deferred
    // transaction that has read gets SQLITE_BUSY at once when it then wants to write.
    void begin() override;

protected:
    void connectDatabase() override;
    QList<QStringList> migrations() const override;
    QString nowMsSql() const override;
    QString jsonTextRowsSql() const override;
    QString inJsonTextsSql(const QString &column) const override;
    QString recipientsJsonSql() const override;
    // Kept prepared: a login's job runs in a savepoint, and preparing two statements anew per
    // job cost more than the job's own reads.
    void execControl(const QString &sql) override;

private:
    void backUpBeforeMigrating(bool existedBefore);
    int storedSchemaVersion();

    QString m_path;
    int m_busyTimeoutMs;
    bool m_fsyncEachCommit = true; // as connectDatabase() sets it
};

} // namespace gistack
