#include "SqliteStorage.h"

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
    execDirect(QStringLiteral("BEGIN IMMEDIATE"));
}

QList<QStringList> SqliteStorage::migrations() const {
    return {
        // 1: the first schema.
        {
            QStringLiteral("CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                           "org_id TEXT NOT NULL REFERENCES orgs(id), role TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX users_org ON users (org_id, role)"),
            QStringLiteral("CREATE TABLE gistack_licence (id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "expire_date TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE arcgis_licences (id TEXT PRIMARY KEY, file_name TEXT NOT NULL, "
                           "version TEXT NOT NULL, expire_date TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE leases (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), "
                "kind TEXT NOT NULL, resource_name TEXT NOT NULL, expire_date TEXT NOT NULL, "
                "ags_file_name TEXT NOT NULL DEFAULT '', ags_version TEXT NOT NULL DEFAULT '', "
                "ags_expire_date TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX leases_user ON leases (user_id)"),
            QStringLiteral(
                "CREATE TABLE registrations (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
                "org_id TEXT NOT NULL REFERENCES orgs(id), name TEXT NOT NULL, state TEXT NOT NULL, "
                "submitted_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT)"),
            QStringLiteral("CREATE INDEX registrations_pending ON registrations (org_id, state)"),
            QStringLiteral(
                "CREATE TABLE requests (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), "
                "org_id TEXT NOT NULL REFERENCES orgs(id), kind TEXT NOT NULL, action TEXT NOT NULL, "
                "resource_name TEXT NOT NULL, state TEXT NOT NULL, submitted_at TEXT NOT NULL, "
                "decided_by TEXT, decided_at TEXT)"),
            QStringLiteral("CREATE INDEX requests_pending ON requests (org_id, state)"),
            QStringLiteral(
                "CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
                "type TEXT NOT NULL, create_time TEXT NOT NULL, msg TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE message_recipients (message_seq INTEGER NOT NULL REFERENCES messages(seq), "
                "user_id TEXT NOT NULL, state INTEGER NOT NULL, delivered_at TEXT NOT NULL DEFAULT '', "
                "PRIMARY KEY (message_seq, user_id))"),
            QStringLiteral(
                "CREATE INDEX recipients_queue ON message_recipients (user_id, state, message_seq)"),
            QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        },
        // 2: broadcasts (the log as an outbox every node reads) and cluster membership.
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN broadcast INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN audience_org TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE nodes (id TEXT PRIMARY KEY, heartbeat_ms INTEGER NOT NULL, "
                           "started_ms INTEGER NOT NULL, connections INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE presence (node_id TEXT NOT NULL, user_id TEXT NOT NULL, "
                           "connections INTEGER NOT NULL, PRIMARY KEY (node_id, user_id))"),
            QStringLiteral("CREATE INDEX presence_user ON presence (user_id)"),
        },
    };
}

QString SqliteStorage::nowMsSql() const {
    return QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
}

} // namespace gistack
