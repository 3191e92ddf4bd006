#include "SqliteStorage.h"

#include "SchemaMigrations.h"
#include "StorageError.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QUuid>

// Shown by default: a migration happens only at start and an operator should see its backup.
Q_LOGGING_CATEGORY(lcMigrate, "gistack.migrate", QtInfoMsg)

namespace gistack {

SqliteStorage::SqliteStorage(QString path, int busyTimeoutMs)
    : SqlStorage(QStringLiteral("gistack-sqlite-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_path(std::move(path))
    , m_busyTimeoutMs(busyTimeoutMs) {
}

void SqliteStorage::connectDatabase() {
    const QFileInfo before(m_path);
    const bool existedBefore = m_path != QLatin1String(":memory:") && before.exists() && before.size() > 0;
    if (m_path != QLatin1String(":memory:")) {
        const QFileInfo file(m_path);
        if (!QDir().mkpath(file.absolutePath()))
            throw StorageError(QStringLiteral("cannot create the folder of ") + m_path);
    }
    QSqlDatabase &db = database();
    if (!db.isValid())
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName());
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open())
        throw StorageError(
            QStringLiteral("cannot open SQLite database %1: %2").arg(m_path, db.lastError().text()));
    if (m_path != QLatin1String(":memory:"))
        execDirect(QStringLiteral("PRAGMA journal_mode = WAL"));
    execDirect(QStringLiteral("PRAGMA synchronous = FULL"));
    execDirect(QStringLiteral("PRAGMA foreign_keys = ON"));
    backUpBeforeMigrating(existedBefore);
}

int SqliteStorage::storedSchemaVersion() {
    // Both statements are finished at once: VACUUM refuses to run beside an open one.
    QSqlQuery &table = prepared(QStringLiteral(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
    exec(table);
    const bool versioned = table.next() && table.value(0).toInt() > 0;
    table.finish();
    if (!versioned)
        return 0;
    QSqlQuery &version = prepared(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    exec(version);
    const int stored = version.next() ? version.value(0).toInt() : 0;
    version.finish();
    return stored;
}

void SqliteStorage::backUpBeforeMigrating(bool existedBefore) {
    if (!existedBefore)
        return;
    const int stored = storedSchemaVersion();
    const int target = int(migrations().size());
    if (stored >= target)
        return;
    const QString base = QStringLiteral("%1.bak-v%2-%3")
                             .arg(m_path)
                             .arg(stored)
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString backup = base;
    for (int n = 2; QFileInfo::exists(backup); ++n) // two starts within one second
        backup = base + QLatin1Char('-') + QString::number(n);
    // VACUUM INTO writes a consistent copy through this connection, WAL content included.
    QSqlQuery &vacuum = prepared(QStringLiteral("VACUUM INTO ?"));
    vacuum.addBindValue(backup);
    try {
        exec(vacuum);
    } catch (const StorageError &error) {
        throw StorageError(QStringLiteral("not migrating %1 from schema version %2 to %3: the backup to %4 "
                                          "failed: %5")
                               .arg(m_path)
                               .arg(stored)
                               .arg(target)
                               .arg(backup, error.message()));
    }
    vacuum.finish();
    qCInfo(lcMigrate).noquote() << "database" << m_path << "is at schema version" << stored << "of" << target
                                << "- saved a copy to" << backup << "before migrating";
}

void SqliteStorage::begin() {
    finishStatements();
    // In WAL mode NORMAL skips the fsync at commit; a later FULL commit fsyncs it with its own.
    if (durableCommit() != m_fsyncEachCommit) {
        m_fsyncEachCommit = durableCommit();
        execDirect(m_fsyncEachCommit ? QStringLiteral("PRAGMA synchronous = FULL")
                                     : QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    execDirect(QStringLiteral("BEGIN IMMEDIATE"));
}

QList<QStringList> SqliteStorage::migrations() const {
    return SchemaMigrations::all(
        {QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"), QStringLiteral("INTEGER")});
}

void SqliteStorage::execControl(const QString &sql) {
    QSqlQuery &q = prepared(sql);
    exec(q);
    q.finish();
}

QString SqliteStorage::nowMsSql() const {
    return QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
}

QString SqliteStorage::jsonTextRowsSql() const {
    return QStringLiteral("json_each(?)");
}

QString SqliteStorage::inJsonTextsSql(const QString &column) const {
    // Evaluated once into a temporary index that each row probes.
    return column + QStringLiteral(" IN (SELECT value FROM json_each(?))");
}

QString SqliteStorage::recipientsJsonSql() const {
    // The subquery walks the primary key (message_seq, user_id), so the array is in user id order.
    return QStringLiteral("SELECT json_group_array(user_id) FROM "
                          "(SELECT user_id FROM message_recipients WHERE message_seq = ? ORDER BY user_id)");
}

} // namespace gistack
