#include "SqliteStorage.h"

#include "StorageError.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

namespace gistack {

SqliteStorage::SqliteStorage(QString path, int busyTimeoutMs)
    : SqlStorage(QStringLiteral("gistack-sqlite-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_path(std::move(path))
    , m_busyTimeoutMs(busyTimeoutMs) {
}

void SqliteStorage::connectDatabase() {
    if (m_path != QLatin1String(":memory:")) {
        const QFileInfo file(m_path);
        if (!QDir().mkpath(file.absolutePath()))
            throw StorageError(QStringLiteral("cannot create the folder of ") + m_path);
    }
    QSqlDatabase &db = database();
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
    };
}

} // namespace gistack
