#include "PostgresStorage.h"

#include "DatabaseUrl.h"
#include "SchemaMigrations.h"
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
    return SchemaMigrations::all({QStringLiteral("BIGSERIAL PRIMARY KEY"), QStringLiteral("BIGINT")});
}

QString PostgresStorage::nowMsSql() const {
    return QStringLiteral("(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT");
}

QString PostgresStorage::jsonTextRowsSql() const {
    // The function's one output column is named value, like SQLite's json_each.
    return QStringLiteral("json_array_elements_text(CAST(? AS json))");
}

QString PostgresStorage::inJsonTextsSql(const QString &column) const {
    // "IS TRUE" keeps the IN a hashed subplan: the list is parsed and hashed once, each row probes
    // it. A plain IN becomes a join, and stale statistics on a freshly filled table made that a
    // nested loop parsing the list again per row (13 s for 19,000 recipients); "= ANY(ARRAY(...))"
    // turned into a linear scan of the array per row once statistics were fresh (1.9 s). ~75 ms.
    return QStringLiteral("(") + column +
           QStringLiteral(" IN (SELECT value FROM json_array_elements_text(CAST(? AS json)))) IS TRUE");
}

QString PostgresStorage::recipientsJsonSql() const {
    return QStringLiteral(
        "SELECT json_agg(user_id ORDER BY user_id) FROM message_recipients WHERE message_seq = ?");
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

void PostgresStorage::begin() {
    SqlStorage::begin();
    // The commit returns before the WAL is flushed; a server crash may lose this transaction.
    if (!durableCommit())
        execDirect(QStringLiteral("SET LOCAL synchronous_commit TO OFF"));
}

} // namespace gistack
