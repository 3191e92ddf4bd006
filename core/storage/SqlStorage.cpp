#include "SqlStorage.h"

#include "StorageError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QVariant>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcDb, "gistack.db", QtWarningMsg)

namespace gistack {

namespace {

// A null QString binds as SQL NULL; the schema keeps "no value" as an empty text instead.
const QString emptyText = QStringLiteral("");

QString textValue(const QString &text) {
    return text.isNull() ? emptyText : text;
}

QVariant timeValue(const QDateTime &time) {
    return time.isValid() ? time.toLocalTime().toString(Qt::ISODateWithMs) : emptyText;
}

QDateTime timeFrom(const QVariant &value) {
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString stateName(DecisionState state) {
    switch (state) {
    case DecisionState::Pending:
        return QStringLiteral("pending");
    case DecisionState::Approved:
        return QStringLiteral("approved");
    case DecisionState::Rejected:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("pending");
}

DecisionState stateFrom(const QString &name) {
    if (name == QLatin1String("approved"))
        return DecisionState::Approved;
    if (name == QLatin1String("rejected"))
        return DecisionState::Rejected;
    return DecisionState::Pending;
}

QString kindName(ResourceKind kind) {
    return kind == ResourceKind::Website ? "website" : "desktop";
}
QString actionName(RequestAction action) {
    return action == RequestAction::Apply ? "apply" : "renew";
}

User userFrom(const QSqlQuery &q) {
    return User{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                roleFromName(q.value(3).toString()).value_or(Role::User)};
}

Lease leaseFrom(const QSqlQuery &q) {
    Lease lease{q.value(0).toString(),
                q.value(1).toString(),
                q.value(2).toString() == QLatin1String("desktop") ? LeaseKind::Desktop : LeaseKind::Site,
                q.value(3).toString(),
                timeFrom(q.value(4)),
                std::nullopt};
    if (!q.value(5).toString().isEmpty())
        lease.arcgisLicence =
            ArcgisLicence{QString(), q.value(5).toString(), q.value(6).toString(), timeFrom(q.value(7))};
    return lease;
}

Registration registrationFrom(const QSqlQuery &q) {
    return Registration{q.value(0).toString(),
                        q.value(1).toString(),
                        q.value(2).toString(),
                        q.value(3).toString(),
                        stateFrom(q.value(4).toString()),
                        timeFrom(q.value(5))};
}

ResourceRequest requestFrom(const QSqlQuery &q) {
    return ResourceRequest{
        q.value(0).toString(),
        q.value(1).toString(),
        q.value(2).toString(),
        q.value(3).toString() == QLatin1String("desktop") ? ResourceKind::Desktop : ResourceKind::Website,
        q.value(4).toString() == QLatin1String("renew") ? RequestAction::Renew : RequestAction::Apply,
        q.value(5).toString(),
        stateFrom(q.value(6).toString()),
        timeFrom(q.value(7))};
}

// A JSON array of strings, bound as one value for jsonTextRowsSql(): one statement then
// carries thousands of ids instead of one exec() per id. Written by hand because it runs on
// every fan-out and QJsonDocument is several times slower for plain ids.
QString jsonArrayOf(const QStringList &texts) {
    const auto plain = [](QChar c) {
        return c != QLatin1Char('"') && c != QLatin1Char('\\') && c.unicode() >= 0x20;
    };
    qsizetype size = 2;
    for (const QString &text : texts)
        size += text.size() + 3;
    QString json;
    json.reserve(size);
    json += QLatin1Char('[');
    for (const QString &text : texts) {
        if (json.size() > 1)
            json += QLatin1Char(',');
        json += QLatin1Char('"');
        if (std::all_of(text.cbegin(), text.cend(), plain)) {
            json += text; // the usual id: copied whole
        } else {
            for (const QChar c : text) {
                if (plain(c))
                    json += c;
                else if (c.unicode() < 0x20)
                    json += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
                else
                    json += QLatin1Char('\\') + c;
            }
        }
        json += QLatin1Char('"');
    }
    json += QLatin1Char(']');
    return json;
}

QStringList stringsOfJsonArray(const QByteArray &json) {
    QStringList texts;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    texts.reserve(array.size());
    for (const QJsonValue &value : array)
        texts.append(value.toString());
    return texts;
}

// Rows read per batch when claiming by size.
constexpr int claimBatchRows = 256;

const QString registrationColumns = QStringLiteral("id, user_id, org_id, name, state, submitted_at");
const QString requestColumns =
    QStringLiteral("id, user_id, org_id, kind, action, resource_name, state, submitted_at");
const QString leaseColumns = QStringLiteral(
    "id, user_id, kind, resource_name, expire_date, ags_file_name, ags_version, ags_expire_date");

} // namespace

SqlStorage::SqlStorage(QString connectionName)
    : m_connectionName(std::move(connectionName)) {
}

SqlStorage::~SqlStorage() {
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void SqlStorage::open() {
    connectDatabase();
    lockSchema();
    try {
        migrate();
    } catch (...) {
        try {
            unlockSchema();
        } catch (const StorageError &) {
            // The session ends with the error anyway, and its lock with it.
        }
        throw;
    }
    unlockSchema();
}

void SqlStorage::reopen() {
    // Prepared statements belong to the old session.
    m_statements.clear();
    m_knownUsers.clear();
    if (m_db.isOpen())
        m_db.close();
    connectDatabase();
}

bool SqlStorage::isAlive() {
    try {
        QSqlQuery &q = prepared(QStringLiteral("SELECT 1"));
        exec(q);
        return q.next();
    } catch (const StorageError &) {
        return false;
    }
}

QSqlQuery &SqlStorage::prepared(const QString &sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        // Rows are read once, in order: without this QtSql also copies each one into a cache.
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            throw StorageError(QStringLiteral("prepare failed: ") + query.lastError().text());
        it = m_statements.insert(sql, query);
    }
    it->finish();
    return *it;
}

void SqlStorage::exec(QSqlQuery &query) {
    if (!query.exec()) {
        const QString error = query.lastError().text();
        qCWarning(lcDb) << "statement failed:" << error;
        throw StorageError(error);
    }
}

void SqlStorage::execDirect(const QString &sql) {
    // Only for constant statements (schema, transaction control); never with values.
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        throw StorageError(query.lastError().text());
}

int SqlStorage::schemaVersion() {
    QSqlQuery &q = prepared(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    exec(q);
    return q.next() ? q.value(0).toInt() : 0;
}

void SqlStorage::migrate() {
    execDirect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    const QList<QStringList> steps = migrations();
    for (int version = schemaVersion(); version < steps.size(); ++version) {
        qCInfo(lcDb) << "upgrading schema to version" << version + 1;
        begin();
        try {
            for (const QString &statement : steps.at(version))
                execDirect(statement);
            QSqlQuery &q = prepared(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
            q.addBindValue(version + 1);
            exec(q);
            commit();
        } catch (...) {
            rollback();
            throw;
        }
    }
}

void SqlStorage::finishStatements() {
    for (QSqlQuery &statement : m_statements)
        statement.finish();
}

void SqlStorage::begin() {
    finishStatements();
    if (!m_db.transaction())
        throw StorageError(m_db.lastError().text());
}

void SqlStorage::commit() {
    finishStatements();
    m_durableCommit = true; // the setting holds for one transaction
    if (!m_db.commit())
        throw StorageError(m_db.lastError().text());
}

void SqlStorage::rollback() {
    m_knownUsers.clear();
    finishStatements();
    m_durableCommit = true;
    m_db.rollback();
}

void SqlStorage::savepoint() {
    execControl(QStringLiteral("SAVEPOINT job"));
}

void SqlStorage::releaseSavepoint() {
    execControl(QStringLiteral("RELEASE SAVEPOINT job"));
}

void SqlStorage::rollbackToSavepoint() {
    m_knownUsers.clear();
    execControl(QStringLiteral("ROLLBACK TO SAVEPOINT job"));
    execControl(QStringLiteral("RELEASE SAVEPOINT job"));
}

void SqlStorage::execControl(const QString &sql) {
    execDirect(sql);
}

void SqlStorage::upsertOrg(const Org &org) {
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO orgs (id, name) VALUES (?, ?) "
                                           "ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
    q.addBindValue(org.id);
    q.addBindValue(org.name);
    exec(q);
}

std::optional<Org> SqlStorage::org(const QString &id) {
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, name FROM orgs WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return Org{q.value(0).toString(), q.value(1).toString()};
}

QList<Org> SqlStorage::orgs() {
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, name FROM orgs ORDER BY id"));
    exec(q);
    QList<Org> result;
    while (q.next())
        result.append(Org{q.value(0).toString(), q.value(1).toString()});
    return result;
}

void SqlStorage::upsertUser(const User &user) {
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO users (id, name, org_id, role) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "name = excluded.name, org_id = excluded.org_id, role = excluded.role"));
    q.addBindValue(user.id);
    q.addBindValue(user.name);
    q.addBindValue(user.orgId);
    q.addBindValue(roleName(user.role));
    exec(q);
}

std::optional<User> SqlStorage::user(const QString &id) {
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, name, org_id, role FROM users WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

QStringList SqlStorage::unknownUsers(const QStringList &ids) {
    QStringList unseen;
    for (const QString &id : ids) {
        if (!m_knownUsers.contains(id))
            unseen.append(id);
    }
    if (unseen.isEmpty())
        return {};
    QSqlQuery &q = prepared(QStringLiteral("SELECT value FROM ") + jsonTextRowsSql() +
                            QStringLiteral(" WHERE NOT EXISTS (SELECT 1 FROM users WHERE id = value)"));
    q.addBindValue(jsonArrayOf(unseen));
    exec(q);
    QStringList unknown;
    while (q.next())
        unknown.append(q.value(0).toString());
    const QSet<QString> missing(unknown.cbegin(), unknown.cend());
    for (const QString &id : std::as_const(unseen)) {
        if (!missing.contains(id))
            m_knownUsers.insert(id);
    }
    return unknown;
}

QList<User> SqlStorage::users() {
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, name, org_id, role FROM users ORDER BY id"));
    exec(q);
    QList<User> result;
    while (q.next())
        result.append(userFrom(q));
    return result;
}

void SqlStorage::setGistackLicence(const QDateTime &expireDate) {
    QSqlQuery &q =
        prepared(QStringLiteral("INSERT INTO gistack_licence (id, expire_date) VALUES (1, ?) "
                                "ON CONFLICT (id) DO UPDATE SET expire_date = excluded.expire_date"));
    q.addBindValue(timeValue(expireDate));
    exec(q);
}

std::optional<QDateTime> SqlStorage::gistackLicence() {
    QSqlQuery &q = prepared(QStringLiteral("SELECT expire_date FROM gistack_licence WHERE id = 1"));
    exec(q);
    if (!q.next())
        return std::nullopt;
    return timeFrom(q.value(0));
}

void SqlStorage::upsertArcgisLicence(const ArcgisLicence &licence) {
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO arcgis_licences (id, file_name, version, expire_date) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET file_name = excluded.file_name, version = excluded.version, "
        "expire_date = excluded.expire_date"));
    q.addBindValue(licence.id);
    q.addBindValue(licence.fileName);
    q.addBindValue(licence.version);
    q.addBindValue(timeValue(licence.expireDate));
    exec(q);
}

bool SqlStorage::removeArcgisLicence(const QString &id) {
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM arcgis_licences WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    return q.numRowsAffected() > 0;
}

QList<ArcgisLicence> SqlStorage::arcgisLicences() {
    QSqlQuery &q = prepared(QStringLiteral(
        "SELECT id, file_name, version, expire_date FROM arcgis_licences ORDER BY expire_date, id"));
    exec(q);
    QList<ArcgisLicence> result;
    while (q.next())
        result.append(ArcgisLicence{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                    timeFrom(q.value(3))});
    return result;
}

void SqlStorage::upsertLease(const Lease &lease) {
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO leases (id, user_id, kind, resource_name, expire_date, ags_file_name, ags_version, "
        "ags_expire_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "user_id = excluded.user_id, kind = excluded.kind, resource_name = excluded.resource_name, "
        "expire_date = excluded.expire_date, ags_file_name = excluded.ags_file_name, "
        "ags_version = excluded.ags_version, ags_expire_date = excluded.ags_expire_date"));
    q.addBindValue(lease.id);
    q.addBindValue(lease.userId);
    q.addBindValue(lease.kind == LeaseKind::Desktop ? QStringLiteral("desktop") : QStringLiteral("site"));
    q.addBindValue(lease.resourceName);
    q.addBindValue(timeValue(lease.expireDate));
    q.addBindValue(lease.arcgisLicence ? lease.arcgisLicence->fileName : emptyText);
    q.addBindValue(lease.arcgisLicence ? lease.arcgisLicence->version : emptyText);
    q.addBindValue(lease.arcgisLicence ? timeValue(lease.arcgisLicence->expireDate) : QVariant(emptyText));
    exec(q);
}

bool SqlStorage::removeLease(const QString &id) {
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM leases WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    return q.numRowsAffected() > 0;
}

QList<Lease> SqlStorage::leasesOf(const QString &userId) {
    QSqlQuery &q = prepared(QStringLiteral("SELECT ") + leaseColumns +
                            QStringLiteral(" FROM leases WHERE user_id = ? ORDER BY expire_date, id"));
    q.addBindValue(userId);
    exec(q);
    QList<Lease> result;
    while (q.next())
        result.append(leaseFrom(q));
    return result;
}

QList<Lease> SqlStorage::leases() {
    QSqlQuery &q = prepared(QStringLiteral("SELECT ") + leaseColumns +
                            QStringLiteral(" FROM leases ORDER BY expire_date, id"));
    exec(q);
    QList<Lease> result;
    while (q.next())
        result.append(leaseFrom(q));
    return result;
}

void SqlStorage::insertRegistration(const Registration &registration) {
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO registrations (") + registrationColumns +
                            QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(registration.id);
    q.addBindValue(registration.userId);
    q.addBindValue(registration.orgId);
    q.addBindValue(registration.name);
    q.addBindValue(stateName(registration.state));
    q.addBindValue(timeValue(registration.submittedAt));
    exec(q);
}

std::optional<Registration> SqlStorage::registration(const QString &id) {
    QSqlQuery &q = prepared(QStringLiteral("SELECT ") + registrationColumns +
                            QStringLiteral(" FROM registrations WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return registrationFrom(q);
}

QList<Registration> SqlStorage::pendingRegistrations() {
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT ") + registrationColumns +
                 QStringLiteral(" FROM registrations WHERE state = 'pending' ORDER BY submitted_at"));
    exec(q);
    QList<Registration> result;
    while (q.next())
        result.append(registrationFrom(q));
    return result;
}

void SqlStorage::insertRequest(const ResourceRequest &request) {
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO requests (") + requestColumns +
                            QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(request.id);
    q.addBindValue(request.userId);
    q.addBindValue(request.orgId);
    q.addBindValue(kindName(request.kind));
    q.addBindValue(actionName(request.action));
    q.addBindValue(request.resourceName);
    q.addBindValue(stateName(request.state));
    q.addBindValue(timeValue(request.submittedAt));
    exec(q);
}

std::optional<ResourceRequest> SqlStorage::request(const QString &id) {
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT ") + requestColumns + QStringLiteral(" FROM requests WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return requestFrom(q);
}

QList<ResourceRequest> SqlStorage::pendingRequests() {
    QSqlQuery &q = prepared(QStringLiteral("SELECT ") + requestColumns +
                            QStringLiteral(" FROM requests WHERE state = 'pending' ORDER BY submitted_at"));
    exec(q);
    QList<ResourceRequest> result;
    while (q.next())
        result.append(requestFrom(q));
    return result;
}

bool SqlStorage::decideRegistration(const QString &id, bool approved, const QString &adminId,
                                    const QDateTime &at) {
    QSqlQuery &q =
        prepared(QStringLiteral("UPDATE registrations SET state = ?, decided_by = ?, decided_at = ? "
                                "WHERE id = ? AND state = 'pending'"));
    q.addBindValue(stateName(approved ? DecisionState::Approved : DecisionState::Rejected));
    q.addBindValue(adminId);
    q.addBindValue(timeValue(at));
    q.addBindValue(id);
    exec(q);
    return q.numRowsAffected() > 0;
}

bool SqlStorage::decideRequest(const QString &id, bool approved, const QString &adminId,
                               const QDateTime &at) {
    QSqlQuery &q = prepared(QStringLiteral("UPDATE requests SET state = ?, decided_by = ?, decided_at = ? "
                                           "WHERE id = ? AND state = 'pending'"));
    q.addBindValue(stateName(approved ? DecisionState::Approved : DecisionState::Rejected));
    q.addBindValue(adminId);
    q.addBindValue(timeValue(at));
    q.addBindValue(id);
    exec(q);
    return q.numRowsAffected() > 0;
}

PendingCounts SqlStorage::pendingCounts(const QString &orgId) {
    PendingCounts counts;
    QSqlQuery &r =
        prepared(QStringLiteral("SELECT COUNT(*) FROM registrations WHERE org_id = ? AND state = 'pending'"));
    r.addBindValue(orgId);
    exec(r);
    if (r.next())
        counts[PendingKind::Registration] = r.value(0).toInt();
    QSqlQuery &q = prepared(QStringLiteral("SELECT kind, action, COUNT(*) FROM requests "
                                           "WHERE org_id = ? AND state = 'pending' GROUP BY kind, action"));
    q.addBindValue(orgId);
    exec(q);
    while (q.next()) {
        const ResourceKind kind =
            q.value(0).toString() == QLatin1String("desktop") ? ResourceKind::Desktop : ResourceKind::Website;
        const RequestAction action =
            q.value(1).toString() == QLatin1String("renew") ? RequestAction::Renew : RequestAction::Apply;
        counts[MessageCatalogue::pendingKindOf(kind, action)] = q.value(2).toInt();
    }
    return counts;
}

QHash<QString, PendingCounts> SqlStorage::allPendingCounts() {
    QHash<QString, PendingCounts> result;
    for (const Org &org : orgs())
        result.insert(org.id, pendingCounts(org.id));
    return result;
}

qint64 SqlStorage::insertMessageRow(const Envelope &envelope, bool broadcast, const QString &audienceOrg,
                                    const QString &pendingRecipients) {
    QSqlQuery &m =
        prepared(QStringLiteral("INSERT INTO messages (id, type, create_time, msg, broadcast, audience_org, "
                                "pending_recipients) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq"));
    m.addBindValue(envelope.id());
    m.addBindValue(MessageCatalogue::name(envelope.type()));
    m.addBindValue(timeValue(envelope.createTime()));
    m.addBindValue(QString::fromUtf8(envelope.msgJson()));
    m.addBindValue(broadcast ? 1 : 0);
    m.addBindValue(textValue(audienceOrg));
    m.addBindValue(pendingRecipients.isNull() ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(pendingRecipients));
    exec(m);
    if (!m.next())
        throw StorageError(QStringLiteral("message insert returned no sequence number"));
    const qint64 seq = m.value(0).toLongLong();
    m.finish();
    return seq;
}

qint64 SqlStorage::insertMessage(const Envelope &envelope, const QList<Recipient> &recipients) {
    const qint64 seq = insertMessageRow(envelope, false, QString());
    QSqlQuery &r = prepared(QStringLiteral(
        "INSERT INTO message_recipients (message_seq, user_id, state, delivered_at) VALUES (?, ?, ?, ?)"));
    for (const Recipient &recipient : recipients) {
        r.addBindValue(seq);
        r.addBindValue(recipient.userId);
        r.addBindValue(recipient.state == DeliveryState::Delivered ? 1 : 0);
        r.addBindValue(timeValue(recipient.deliveredAt));
        exec(r);
    }
    return seq;
}

qint64 SqlStorage::insertBroadcast(const Envelope &envelope, const QStringList &recipients,
                                   const QString &audienceOrg) {
    // The rows' primary key no longer catches a duplicate here, so the list is checked whole.
    QSet<QString> distinct;
    distinct.reserve(recipients.size());
    for (const QString &userId : recipients) {
        if (distinct.contains(userId))
            throw StorageError(QStringLiteral("recipient '%1' is listed twice").arg(userId));
        distinct.insert(userId);
    }
    lockBroadcasts();
    const qint64 seq = insertMessageRow(envelope, true, audienceOrg,
                                        recipients.isEmpty() ? QString() : jsonArrayOf(recipients));
    announceBroadcast(seq);
    return seq;
}

QList<Broadcast> SqlStorage::broadcastsAfter(qint64 afterSeq, int limit) {
    QSqlQuery &m =
        prepared(QStringLiteral("SELECT seq, id, type, create_time, msg, audience_org, pending_recipients "
                                "FROM messages WHERE seq > ? AND broadcast = 1 ORDER BY seq LIMIT ?"));
    m.addBindValue(afterSeq);
    m.addBindValue(limit);
    exec(m);
    QList<Broadcast> result;
    while (m.next()) {
        Broadcast broadcast;
        broadcast.seq = m.value(0).toLongLong();
        broadcast.audienceOrg = m.value(5).toString();
        const auto type = MessageCatalogue::fromName(m.value(2).toString());
        if (!type)
            continue;
        const QJsonDocument msg = QJsonDocument::fromJson("[" + m.value(4).toByteArray() + "]");
        broadcast.envelope = Envelope(m.value(1).toString(), *type, timeFrom(m.value(3)), msg.array().at(0));
        if (!m.isNull(6))
            broadcast.recipients = stringsOfJsonArray(m.value(6).toByteArray());
        result.append(broadcast);
    }
    m.finish();
    // Read after the first statement is done: prepared() may move the cached statements.
    for (Broadcast &broadcast : result) {
        if (!broadcast.audienceOrg.isEmpty() || !broadcast.recipients.isEmpty())
            continue; // live-only, or still pending: nothing in the rows
        // One aggregated value instead of a row per recipient through QtSql.
        QSqlQuery &r = prepared(recipientsJsonSql());
        r.addBindValue(broadcast.seq);
        exec(r);
        if (r.next())
            broadcast.recipients = stringsOfJsonArray(r.value(0).toByteArray());
        r.finish();
    }
    return result;
}

qint64 SqlStorage::lastMessageSeq() {
    QSqlQuery &q = prepared(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM messages"));
    exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

void SqlStorage::addRecipients(qint64 seq, const QStringList &userIds, const QDateTime &at) {
    if (userIds.isEmpty())
        return;
    // "WHERE true": SQLite otherwise reads ON CONFLICT as part of the SELECT's join.
    QSqlQuery &r = prepared(
        QStringLiteral("INSERT INTO message_recipients (message_seq, user_id, state, "
                       "delivered_at) SELECT CAST(? AS BIGINT), value, 1, CAST(? AS TEXT) "
                       "FROM ") +
        jsonTextRowsSql() + QStringLiteral(" WHERE true ON CONFLICT (message_seq, user_id) DO NOTHING"));
    r.addBindValue(seq);
    r.addBindValue(timeValue(at));
    r.addBindValue(jsonArrayOf(userIds));
    exec(r);
}

void SqlStorage::markDelivered(qint64 seq, const QStringList &userIds, const QDateTime &at) {
    if (userIds.isEmpty())
        return;
    QSqlQuery &q = prepared(QStringLiteral("UPDATE message_recipients SET state = 1, delivered_at = ? "
                                           "WHERE message_seq = ? AND state = 0 AND ") +
                            inJsonTextsSql(QStringLiteral("user_id")));
    q.addBindValue(timeValue(at));
    q.addBindValue(seq);
    q.addBindValue(jsonArrayOf(userIds));
    exec(q);
}

void SqlStorage::settleBroadcast(qint64 seq, const QStringList &reached, const QDateTime &at) {
    QSqlQuery &p = prepared(QStringLiteral("SELECT pending_recipients FROM messages WHERE seq = ?"));
    p.addBindValue(seq);
    exec(p);
    const QString pending = p.next() && !p.isNull(0) ? p.value(0).toString() : QString();
    p.finish();
    if (pending.isNull()) {
        // Written already: by another node's settle, or as queued by a reader of the rows.
        markDelivered(seq, reached, at);
        return;
    }
    insertRecipientRows(seq, pending, reached, at);
}

void SqlStorage::insertRecipientRows(qint64 seq, const QString &recipientsJson, const QStringList &reached,
                                     const QDateTime &at) {
    // A row already there (another node settled first, or a reader expanded the list) only ever
    // moves from queued to delivered. "WHERE true": SQLite otherwise reads ON CONFLICT as part
    // of the SELECT's join.
    QSqlQuery &r = prepared(
        QStringLiteral(
            "INSERT INTO message_recipients (message_seq, user_id, state, delivered_at) "
            "SELECT CAST(? AS BIGINT), value, got, CASE WHEN got = 1 THEN CAST(? AS TEXT) ELSE '' END "
            "FROM (SELECT value, CASE WHEN ") +
        inJsonTextsSql(QStringLiteral("value")) + QStringLiteral(" THEN 1 ELSE 0 END AS got FROM ") +
        jsonTextRowsSql() +
        QStringLiteral(") AS listed WHERE true ON CONFLICT (message_seq, user_id) DO UPDATE "
                       "SET state = 1, delivered_at = excluded.delivered_at "
                       "WHERE message_recipients.state = 0 AND excluded.state = 1"));
    r.addBindValue(seq);
    r.addBindValue(timeValue(at));
    r.addBindValue(jsonArrayOf(reached));
    r.addBindValue(recipientsJson);
    exec(r);
    QSqlQuery &u = prepared(QStringLiteral("UPDATE messages SET pending_recipients = NULL WHERE seq = ?"));
    u.addBindValue(seq);
    exec(u);
}

void SqlStorage::expandPending() {
    QSqlQuery &p = prepared(QStringLiteral(
        "SELECT seq, pending_recipients FROM messages WHERE pending_recipients IS NOT NULL ORDER BY seq"));
    exec(p);
    QList<QPair<qint64, QString>> pending;
    while (p.next())
        pending.append({p.value(0).toLongLong(), p.value(1).toString()});
    p.finish();
    // Each list once, as queued; the settle that comes later marks who got it.
    for (const auto &[seq, recipientsJson] : std::as_const(pending))
        insertRecipientRows(seq, recipientsJson, {}, QDateTime());
}

void SqlStorage::setDelivery(const QString &messageId, const QStringList &userIds, DeliveryState state,
                             const QDateTime &at) {
    expandPending();
    QSqlQuery &q = prepared(QStringLiteral(
        "UPDATE message_recipients SET state = ?, delivered_at = ? WHERE user_id = ? AND message_seq = "
        "(SELECT seq FROM messages WHERE id = ?)"));
    for (const QString &userId : userIds) {
        q.addBindValue(state == DeliveryState::Delivered ? 1 : 0);
        q.addBindValue(state == DeliveryState::Delivered ? timeValue(at) : QVariant(emptyText));
        q.addBindValue(userId);
        q.addBindValue(messageId);
        exec(q);
    }
}

QList<MessageRecord> SqlStorage::loadMessages(QSqlQuery &q) {
    QList<MessageRecord> result;
    while (q.next()) {
        const auto type = MessageCatalogue::fromName(q.value(2).toString());
        if (!type)
            continue;
        const QJsonDocument msg = QJsonDocument::fromJson("[" + q.value(4).toByteArray() + "]");
        MessageRecord record;
        record.seq = q.value(0).toLongLong();
        record.envelope = Envelope(q.value(1).toString(), *type, timeFrom(q.value(3)), msg.array().at(0));
        record.recipients.append(Recipient{
            q.value(5).toString(), q.value(6).toInt() ? DeliveryState::Delivered : DeliveryState::Queued,
            timeFrom(q.value(7))});
        result.append(record);
    }
    return result;
}

QList<MessageRecord> SqlStorage::claimQueued(const QString &userId, const QDateTime &at, qint64 maxBytes,
                                             bool *more) {
    expandPending();
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT m.seq, m.id, m.type, m.create_time, m.msg, r.user_id, r.state, r.delivered_at "
                       "FROM message_recipients r JOIN messages m ON m.seq = r.message_seq "
                       "WHERE r.user_id = ? AND r.state = 0 ORDER BY r.message_seq LIMIT ?") +
        claimLockClause());
    q.addBindValue(userId);
    // One row past the batch tells whether more is queued, without a second query.
    q.addBindValue(maxBytes > 0 ? claimBatchRows + 1 : std::numeric_limits<int>::max());
    exec(q);
    QList<MessageRecord> queued = loadMessages(q);
    q.finish();
    bool left = false;
    if (maxBytes > 0) {
        left = queued.size() > claimBatchRows;
        if (left)
            queued.resize(claimBatchRows);
        qint64 bytes = 0;
        for (qsizetype i = 0; i < queued.size(); ++i) {
            bytes += queued.at(i).envelope.msgJson().size();
            if (bytes >= maxBytes) {
                left = left || i + 1 < queued.size();
                queued.resize(i + 1);
                break;
            }
        }
    }
    if (more)
        *more = left;
    QSqlQuery &u = prepared(QStringLiteral(
        "UPDATE message_recipients SET state = 1, delivered_at = ? WHERE user_id = ? AND message_seq = ?"));
    for (MessageRecord &record : queued) {
        u.addBindValue(timeValue(at));
        u.addBindValue(userId);
        u.addBindValue(record.seq);
        exec(u);
        record.recipients.first().state = DeliveryState::Delivered;
        record.recipients.first().deliveredAt = at;
    }
    return queued;
}

int SqlStorage::queuedCount(const QString &userId) {
    expandPending();
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT COUNT(*) FROM message_recipients WHERE user_id = ? AND state = 0"));
    q.addBindValue(userId);
    exec(q);
    return q.next() ? q.value(0).toInt() : 0;
}

QList<MessageRecord> SqlStorage::history(const QString &userId, int limit) {
    expandPending();
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT m.seq, m.id, m.type, m.create_time, m.msg, r.user_id, r.state, r.delivered_at "
                       "FROM message_recipients r JOIN messages m ON m.seq = r.message_seq "
                       "WHERE (? = '' OR r.user_id = ?) ORDER BY m.seq DESC, r.user_id LIMIT ?"));
    q.addBindValue(textValue(userId));
    q.addBindValue(textValue(userId));
    q.addBindValue(limit);
    exec(q);
    return loadMessages(q);
}

void SqlStorage::heartbeat(const QString &nodeId, int connections) {
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO nodes (id, heartbeat_ms, started_ms, connections) VALUES (?, %1, %1, ?) "
                       "ON CONFLICT (id) DO UPDATE SET heartbeat_ms = excluded.heartbeat_ms, "
                       "connections = excluded.connections")
            .arg(nowMsSql()));
    q.addBindValue(nodeId);
    q.addBindValue(connections);
    exec(q);
}

void SqlStorage::setPresence(const QString &nodeId, const QString &userId, int connections) {
    if (connections <= 0) {
        QSqlQuery &d = prepared(QStringLiteral("DELETE FROM presence WHERE node_id = ? AND user_id = ?"));
        d.addBindValue(nodeId);
        d.addBindValue(userId);
        exec(d);
        return;
    }
    QSqlQuery &q =
        prepared(QStringLiteral("INSERT INTO presence (node_id, user_id, connections) VALUES (?, ?, ?) "
                                "ON CONFLICT (node_id, user_id) DO UPDATE SET "
                                "connections = excluded.connections"));
    q.addBindValue(nodeId);
    q.addBindValue(userId);
    q.addBindValue(connections);
    exec(q);
}

void SqlStorage::removeNode(const QString &nodeId) {
    QSqlQuery &p = prepared(QStringLiteral("DELETE FROM presence WHERE node_id = ?"));
    p.addBindValue(nodeId);
    exec(p);
    QSqlQuery &n = prepared(QStringLiteral("DELETE FROM nodes WHERE id = ?"));
    n.addBindValue(nodeId);
    exec(n);
}

ClusterPresence SqlStorage::otherNodes(const QString &nodeId, qint64 liveWithinMs) {
    ClusterPresence presence;
    QSqlQuery &n = prepared(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(connections), 0) FROM nodes "
                                           "WHERE id <> ? AND heartbeat_ms > %1 - ?")
                                .arg(nowMsSql()));
    n.addBindValue(nodeId);
    n.addBindValue(liveWithinMs);
    exec(n);
    if (n.next()) {
        presence.liveNodes = n.value(0).toInt();
        presence.connections = n.value(1).toInt();
    }
    n.finish();
    QSqlQuery &u =
        prepared(QStringLiteral("SELECT DISTINCT p.user_id FROM presence p JOIN nodes n ON n.id = p.node_id "
                                "WHERE p.node_id <> ? AND n.heartbeat_ms > %1 - ?")
                     .arg(nowMsSql()));
    u.addBindValue(nodeId);
    u.addBindValue(liveWithinMs);
    exec(u);
    while (u.next())
        presence.userIds.append(u.value(0).toString());
    return presence;
}

void SqlStorage::pruneNodes(qint64 deadAfterMs) {
    QSqlQuery &p = prepared(QStringLiteral("DELETE FROM presence WHERE node_id NOT IN "
                                           "(SELECT id FROM nodes WHERE heartbeat_ms > %1 - ?)")
                                .arg(nowMsSql()));
    p.addBindValue(deadAfterMs);
    exec(p);
    QSqlQuery &n = prepared(QStringLiteral("DELETE FROM nodes WHERE heartbeat_ms <= %1 - ?").arg(nowMsSql()));
    n.addBindValue(deadAfterMs);
    exec(n);
}

std::optional<QString> SqlStorage::setting(const QString &key) {
    QSqlQuery &q = prepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

void SqlStorage::setSetting(const QString &key, const QString &value) {
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    exec(q);
}

} // namespace gistack
