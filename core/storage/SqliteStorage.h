#pragma once

#include "SqlStorage.h"

namespace gistack {

// The embedded default: one SQLite file in WAL mode, fsynced on every commit so that a
// committed write survives a crash or power loss.
class SqliteStorage final : public SqlStorage {
public:
    // busyTimeoutMs: how long a statement waits for another connection's lock before it fails.
    explicit SqliteStorage(QString path, int busyTimeoutMs = 5000);

    // Takes the write lock up front, waiting up to the busy timeout for it: a deferred
    // transaction that has read gets SQLITE_BUSY at once when it then wants to write.
    void begin() override;

protected:
    void connectDatabase() override;
    QList<QStringList> migrations() const override;

private:
    QString m_path;
    int m_busyTimeoutMs;
};

} // namespace gistack
