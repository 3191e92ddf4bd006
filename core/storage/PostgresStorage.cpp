#include "PostgresStorage.h"

#include "DatabaseUrl.h"
#include "StorageError.h"

#include <QSqlError>
#include <QUuid>

namespace gistack {

namespace {
// Advisory lock keys of this application ("GIS" + a number).
constexpr qint64 schemaLockKey = 0x474953'0001;
constexpr qint64 broadcastLockKey = 0x474953'0002;
} // namespace

PostgresStorage::PostgresStorage(QString url)
    : SqlStorage(QStringLiteral("gistack-psql-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_url(std::move(url)) {
}

QString PostgresStorage::notifyChannel() {
    return QStringLiteral("gistack_messages");
}

QString PostgresStorage::baseConnectOptions() {
    // Fail fast when the server is away and notice a dead peer within about half a minute.
    return QStringLiteral("connect_timeout=5;keepalives=1;keepalives_idle=10;keepalives_interval=5;"
                          "keepalives_count=3");
}

void PostgresStorage::connectDatabase() {
    QString error;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parsePostgres(m_url, &error);
    if (!url)
        throw StorageError(error);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        throw StorageError(QStringLiteral("Qt's PostgreSQL driver is missing (install libqt6sql6-psql)"));
    QSqlDatabase &db = database();
    if (!db.isValid())
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName());
    db.setHostName(url->host());
    db.setPort(url->port());
    db.setUserName(url->user());
    db.setPassword(url->password());
    db.setDatabaseName(url->databaseName());
    QString options = baseConnectOptions() + QStringLiteral(";application_name=gistack-notify");
    for (const QString &option : url->options())
        options += QLatin1Char(';') + option;
    db.setConnectOptions(options);
    if (!db.open())
        throw StorageError(QStringLiteral("cannot connect to %1: %2")
                               .arg(DatabaseUrl::redacted(m_url), db.lastError().text()));
    // Notices such as "relation already exists, skipping" are not worth a log line.
    execDirect(QStringLiteral("SET client_min_messages = warning"));
}

QList<QStringList> PostgresStorage::migrations() const {
    return {
        // 1: the first schema (SQLite's version 1 in PostgreSQL types).
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
            QStringLiteral("CREATE TABLE messages (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
                           "type TEXT NOT NULL, create_time TEXT NOT NULL, msg TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE message_recipients (message_seq BIGINT NOT NULL REFERENCES messages(seq), "
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
            QStringLiteral("CREATE TABLE nodes (id TEXT PRIMARY KEY, heartbeat_ms BIGINT NOT NULL, "
                           "started_ms BIGINT NOT NULL, connections INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE presence (node_id TEXT NOT NULL, user_id TEXT NOT NULL, "
                           "connections INTEGER NOT NULL, PRIMARY KEY (node_id, user_id))"),
            QStringLiteral("CREATE INDEX presence_user ON presence (user_id)"),
        },
    };
}

QString PostgresStorage::nowMsSql() const {
    return QStringLiteral("(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT");
}

void PostgresStorage::runLock(const QString &sql, qint64 key) {
    QSqlQuery &q = prepared(sql);
    q.addBindValue(key);
    exec(q);
    q.finish();
}

void PostgresStorage::lockSchema() {
    runLock(QStringLiteral("SELECT pg_advisory_lock(?)"), schemaLockKey);
}

void PostgresStorage::unlockSchema() {
    runLock(QStringLiteral("SELECT pg_advisory_unlock(?)"), schemaLockKey);
}

void PostgresStorage::lockBroadcasts() {
    // Held to commit: the next node's broadcast takes its seq only after this one is visible.
    runLock(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), broadcastLockKey);
}

void PostgresStorage::announceBroadcast(qint64 seq) {
    // NOTIFY is transactional: the other nodes hear of seq exactly when it commits.
    QSqlQuery &q = prepared(QStringLiteral("SELECT pg_notify(?, ?)"));
    q.addBindValue(notifyChannel());
    q.addBindValue(QString::number(seq));
    exec(q);
    q.finish();
}

QString PostgresStorage::claimLockClause() const {
    return QStringLiteral(" FOR UPDATE OF r SKIP LOCKED");
}

} // namespace gistack
