#pragma once

#include "SqlStorage.h"

namespace gistack {

// The embedded default: one SQLite file in WAL mode, fsynced on every commit so that a
// committed write survives a crash or power loss.
class SqliteStorage final : public SqlStorage {
public:
    explicit SqliteStorage(QString path);

protected:
    void connectDatabase() override;
    QList<QStringList> migrations() const override;
    QString nowMsSql() const override;

private:
    QString m_path;
};

} // namespace gistack
