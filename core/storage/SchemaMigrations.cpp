#include "SchemaMigrations.h"

namespace gistack {

QList<QStringList> SchemaMigrations::all(const Types &types) {
    const auto typed = [&types](QString statement) {
        return statement.replace(QLatin1String("%1"), types.serialKey)
            .replace(QLatin1String("%2"), types.bigInt);
    };
    return {
        // 1: the first schema.
        {
            typed(QStringLiteral("CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL)")),
            typed(QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                                 "org_id TEXT NOT NULL REFERENCES orgs(id), role TEXT NOT NULL)")),
            typed(QStringLiteral("CREATE INDEX users_org ON users (org_id, role)")),
            typed(QStringLiteral("CREATE TABLE gistack_licence (id INTEGER PRIMARY KEY CHECK (id = 1), "
                                 "expire_date TEXT NOT NULL)")),
            typed(
                QStringLiteral("CREATE TABLE arcgis_licences (id TEXT PRIMARY KEY, file_name TEXT NOT NULL, "
                               "version TEXT NOT NULL, expire_date TEXT NOT NULL)")),
            typed(QStringLiteral(
                "CREATE TABLE leases (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), "
                "kind TEXT NOT NULL, resource_name TEXT NOT NULL, expire_date TEXT NOT NULL, "
                "ags_file_name TEXT NOT NULL DEFAULT '', ags_version TEXT NOT NULL DEFAULT '', "
                "ags_expire_date TEXT NOT NULL DEFAULT '')")),
            typed(QStringLiteral("CREATE INDEX leases_user ON leases (user_id)")),
            typed(QStringLiteral(
                "CREATE TABLE registrations (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
                "org_id TEXT NOT NULL REFERENCES orgs(id), name TEXT NOT NULL, state TEXT NOT NULL, "
                "submitted_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT)")),
            typed(QStringLiteral("CREATE INDEX registrations_pending ON registrations (org_id, state)")),
            typed(QStringLiteral(
                "CREATE TABLE requests (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), "
                "org_id TEXT NOT NULL REFERENCES orgs(id), kind TEXT NOT NULL, action TEXT NOT NULL, "
                "resource_name TEXT NOT NULL, state TEXT NOT NULL, submitted_at TEXT NOT NULL, "
                "decided_by TEXT, decided_at TEXT)")),
            typed(QStringLiteral("CREATE INDEX requests_pending ON requests (org_id, state)")),
            typed(QStringLiteral("CREATE TABLE messages (seq %1, id TEXT NOT NULL UNIQUE, "
                                 "type TEXT NOT NULL, create_time TEXT NOT NULL, msg TEXT NOT NULL)")),
            typed(QStringLiteral(
                "CREATE TABLE message_recipients (message_seq %2 NOT NULL REFERENCES messages(seq), "
                "user_id TEXT NOT NULL, state INTEGER NOT NULL, delivered_at TEXT NOT NULL DEFAULT '', "
                "PRIMARY KEY (message_seq, user_id))")),
            typed(QStringLiteral(
                "CREATE INDEX recipients_queue ON message_recipients (user_id, state, message_seq)")),
            typed(QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")),
        },
        // 2: broadcasts (the log as an outbox every node reads) and cluster membership.
        {
            typed(QStringLiteral("ALTER TABLE messages ADD COLUMN broadcast INTEGER NOT NULL DEFAULT 0")),
            typed(QStringLiteral("ALTER TABLE messages ADD COLUMN audience_org TEXT NOT NULL DEFAULT ''")),
            typed(QStringLiteral("CREATE TABLE nodes (id TEXT PRIMARY KEY, heartbeat_ms %2 NOT NULL, "
                                 "started_ms %2 NOT NULL, connections INTEGER NOT NULL DEFAULT 0)")),
            typed(QStringLiteral("CREATE TABLE presence (node_id TEXT NOT NULL, user_id TEXT NOT NULL, "
                                 "connections INTEGER NOT NULL, PRIMARY KEY (node_id, user_id))")),
            typed(QStringLiteral("CREATE INDEX presence_user ON presence (user_id)")),
        },
        // 3: indexes for fan-outs of thousands of recipients and for the pending counts.
        {
            // Only queued rows are indexed: a delivery removes its entry instead of moving it, and a
            // new message's entries land in a small index instead of among every user's old ones.
            typed(QStringLiteral("CREATE INDEX recipients_queued ON message_recipients (user_id, "
                                 "message_seq) WHERE state = 0")),
            typed(QStringLiteral("DROP INDEX recipients_queue")),
            // Covers pendingCounts()'s GROUP BY, which then reads no table rows.
            typed(QStringLiteral(
                "CREATE INDEX requests_pending_kinds ON requests (org_id, state, kind, action)")),
            typed(QStringLiteral("DROP INDEX requests_pending")),
        },
        // 4: a broadcast's recipients kept as one JSON array until its delivery is known, so that a
        // publish writes one row before its answer and the per-recipient rows are written once,
        // afterwards, already in their final state (see SqlStorage::settleBroadcast).
        {
            typed(QStringLiteral("ALTER TABLE messages ADD COLUMN pending_recipients TEXT")),
            typed(QStringLiteral(
                "CREATE INDEX messages_pending ON messages (seq) WHERE pending_recipients IS NOT NULL")),
        },
    };
}

} // namespace gistack
