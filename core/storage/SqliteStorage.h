#pragma once

#include "SqlStorage.h"

namespace gistack {

// The embedded default: one SQLite file in WAL mode, fsynced on every commit so that a
// committed write survives a crash or power loss. Before migrating an existing file to a
// newer schema it saves a copy beside it: gistack.db.bak-v<old>-<yyyyMMdd-HHmmss>.
class SqliteStorage : public SqlStorage {
public:
    explicit SqliteStorage(QString path);

protected:
    void connectDatabase() override;
    QList<QStringList> migrations() const override;
    QString nowMsSql() const override;

private:
    void backUpBeforeMigrating(bool existedBefore);
    int storedSchemaVersion();

    QString m_path;
};

} // namespace gistack
