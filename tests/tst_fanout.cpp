// Fan-outs of thousands of recipients: the storage writes and reads a whole recipient list with
// one statement each, and a message must still reach each recipient exactly once (online ones
// marked delivered, offline ones claimable once), on SQLite and on PostgreSQL.
#include "storage/PostgresStorage.h"
#include "storage/SqliteStorage.h"
#include "storage/StorageError.h"
#include "storage/StorageWorker.h"
#include "support/PgTestDatabase.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace gistack;
using namespace gistack::test;

namespace {

constexpr int fanOutUsers = 5000;

Envelope someEnvelope() {
    return Envelope(Envelope::newId(), *MessageCatalogue::fromName(QStringLiteral("ARCGIS_LICENCE_EXPIRED")),
                    QDateTime::currentDateTime(),
                    QJsonArray{QJsonObject{
                        {"expireDate", "2030-01-02 03:04:05"}, {"timeLeft", 4}, {"resourceName", "x-1"}}});
}

} // namespace

class TestFanOut : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    std::unique_ptr<SqlStorage> m_storage;
    // Ids that need escaping in JSON and SQL, among plain ones.
    QStringList m_odd{QStringLiteral("quote\"d"), QStringLiteral("back\\slash"), QStringLiteral("tab\tid"),
                      QStringLiteral("it's"),     QStringLiteral("ünï €"),       QStringLiteral("")};

    Storage &storage() { return *m_storage; }

    // Runs work in one transaction, as the storage thread does.
    template <typename F> void inTransaction(F work) {
        storage().begin();
        try {
            work();
        } catch (...) {
            storage().rollback();
            throw;
        }
        storage().commit();
    }

    QStringList addUsers(int count) {
        QStringList ids;
        inTransaction([&] {
            storage().upsertOrg(Org{QStringLiteral("org-a"), QStringLiteral("A")});
            for (int i = 0; i < count; ++i)
                ids.append(QStringLiteral("user-%1").arg(i, 5, 10, QLatin1Char('0')));
            ids += m_odd;
            for (const QString &id : ids)
                storage().upsertUser(User{id, QStringLiteral("N"), QStringLiteral("org-a"), Role::User});
        });
        return ids;
    }

private slots:
    void init() {
        if (PgTestDatabase::requested()) {
            m_pg = std::make_unique<PgTestDatabase>();
            QVERIFY2(m_pg->isValid(), qPrintable(m_pg->error()));
            m_storage = std::make_unique<PostgresStorage>(m_pg->url());
        } else {
            m_storage = std::make_unique<SqliteStorage>(m_dir.filePath(QStringLiteral("fanout.db")));
        }
        m_storage->open();
    }

    void cleanup() {
        m_storage.reset();
        m_pg.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("fanout.db")));
    }

    void unknownUsersAreFoundInOneGo() {
        const QStringList ids = addUsers(50);
        QCOMPARE(storage().unknownUsers(ids), QStringList());
        QCOMPARE(storage().unknownUsers({}), QStringList());
        QStringList asked = ids;
        asked << QStringLiteral("nobody") << QStringLiteral("no\"body");
        QStringList unknown = storage().unknownUsers(asked);
        std::sort(unknown.begin(), unknown.end());
        QCOMPARE(unknown, (QStringList{QStringLiteral("no\"body"), QStringLiteral("nobody")}));
    }

    // Known ids are remembered between publishes; one read inside a transaction that is then
    // rolled back must not be: that user does not exist.
    void aRolledBackUserIsUnknownAgain() {
        const QStringList ids = addUsers(5);
        const QString ghost = QStringLiteral("rolled-back");
        storage().begin();
        storage().upsertUser(User{ghost, QStringLiteral("G"), QStringLiteral("org-a"), Role::User});
        QCOMPARE(storage().unknownUsers(ids + QStringList{ghost}), QStringList());
        storage().rollback();
        QCOMPARE(storage().unknownUsers(ids + QStringList{ghost}), QStringList{ghost});
        QCOMPARE(storage().unknownUsers(ids), QStringList());
    }

    void halfOnlineFanOutReachesEachRecipientOnce() {
        const QStringList ids = addUsers(fanOutUsers);
        const Envelope envelope = someEnvelope();
        qint64 seq = 0;
        inTransaction([&] { seq = storage().insertBroadcast(envelope, ids, QString()); });

        // Read back as the message feed does: every recipient, once.
        QList<Broadcast> read;
        inTransaction([&] { read = storage().broadcastsAfter(seq - 1, 10); });
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().seq, seq);
        QCOMPARE(read.first().envelope.id(), envelope.id());
        QCOMPARE(read.first().recipients.size(), ids.size());
        QCOMPARE(QSet<QString>(read.first().recipients.cbegin(), read.first().recipients.cend()),
                 QSet<QString>(ids.cbegin(), ids.cend()));

        // Every other user was online and got it; a stranger in the list changes nothing.
        QStringList online;
        QStringList offline;
        for (qsizetype i = 0; i < ids.size(); ++i)
            (i % 2 ? offline : online).append(ids.at(i));
        const QDateTime at = QDateTime::currentDateTime();
        inTransaction(
            [&] { storage().settleBroadcast(seq, online + QStringList{QStringLiteral("stranger")}, at); });
        // Settling again (another node, a retry) keeps the first delivery time.
        inTransaction([&] { storage().settleBroadcast(seq, online, at.addSecs(60)); });

        int claimedOnce = 0;
        inTransaction([&] {
            for (const QString &userId : online)
                QVERIFY2(storage().claimQueued(userId, at).isEmpty(), qPrintable(userId));
            for (const QString &userId : offline) {
                const QList<MessageRecord> claimed = storage().claimQueued(userId, at, 256 * 1024);
                QCOMPARE(claimed.size(), 1);
                QCOMPARE(claimed.first().envelope.id(), envelope.id());
                QCOMPARE(claimed.first().recipients.first().userId, userId);
                ++claimedOnce;
            }
        });
        QCOMPARE(claimedOnce, offline.size());
        inTransaction([&] {
            for (const QString &userId : ids) {
                QVERIFY(storage().claimQueued(userId, at).isEmpty());
                QCOMPARE(storage().queuedCount(userId), 0);
            }
        });
        // The online half keeps the delivery time of the first mark.
        const QList<MessageRecord> history = storage().history(online.first(), 5);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().recipients.first().state, DeliveryState::Delivered);
        QCOMPARE(history.first().recipients.first().deliveredAt.toSecsSinceEpoch(), at.toSecsSinceEpoch());
    }

    // Nobody has recorded the push yet when a login reads its queue: the pending list is written
    // out as queued first, so the message is claimable; the record that comes later still marks
    // the users it reached, and leaves the claimed one delivered once.
    void aLoginBeforeTheDeliveryRecordFindsTheMessage() {
        const QStringList ids = addUsers(40);
        const Envelope envelope = someEnvelope();
        qint64 seq = 0;
        inTransaction([&] { seq = storage().insertBroadcast(envelope, ids, QString()); });
        const QDateTime at = QDateTime::currentDateTime();
        const QString early = ids.at(3);
        inTransaction([&] {
            const QList<MessageRecord> claimed = storage().claimQueued(early, at);
            QCOMPARE(claimed.size(), 1);
            QCOMPARE(claimed.first().envelope.id(), envelope.id());
        });
        const QStringList reached = ids.mid(0, 20);
        inTransaction([&] { storage().settleBroadcast(seq, reached, at.addSecs(5)); });
        inTransaction([&] {
            for (const QString &userId : ids) {
                const bool queued = !reached.contains(userId) && userId != early;
                QCOMPARE(storage().queuedCount(userId), queued ? 1 : 0);
            }
            QVERIFY(storage().claimQueued(early, at).isEmpty());
        });
        const QList<MessageRecord> history = storage().history(early, 5);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().recipients.first().deliveredAt.toSecsSinceEpoch(), at.toSecsSinceEpoch());
    }

    // Two nodes each record the users they reached: every one of them ends up delivered, whichever
    // node wrote the rows first, and nobody is left queued.
    void twoNodesRecordTheirOwnUsers() {
        const QStringList ids = addUsers(30);
        qint64 seq = 0;
        inTransaction([&] { seq = storage().insertBroadcast(someEnvelope(), ids, QString()); });
        const QDateTime at = QDateTime::currentDateTime();
        inTransaction([&] { storage().settleBroadcast(seq, ids.mid(0, 10), at); });
        inTransaction([&] { storage().settleBroadcast(seq, ids.mid(10), at); });
        for (const QString &userId : ids)
            QCOMPARE(storage().queuedCount(userId), 0);
        QCOMPARE(storage().history(QString(), 1000).size(), ids.size());
    }

    // A crash between the publish and the record of its push: the list is durable with the
    // message, and after a restart each recipient gets the message at login.
    void aPendingListOutlivesARestart() {
        const QStringList ids = addUsers(25);
        const Envelope envelope = someEnvelope();
        inTransaction([&] { storage().insertBroadcast(envelope, ids, QString()); });
        m_storage.reset();
        if (m_pg)
            m_storage = std::make_unique<PostgresStorage>(m_pg->url());
        else
            m_storage = std::make_unique<SqliteStorage>(m_dir.filePath(QStringLiteral("fanout.db")));
        m_storage->open();
        const QDateTime at = QDateTime::currentDateTime();
        inTransaction([&] {
            for (const QString &userId : ids) {
                const QList<MessageRecord> claimed = storage().claimQueued(userId, at);
                QCOMPARE(claimed.size(), 1);
                QCOMPARE(claimed.first().envelope.id(), envelope.id());
            }
        });
        for (const QString &userId : ids)
            QCOMPARE(storage().queuedCount(userId), 0);
    }

    void duplicateRecipientsFailTheWholeBroadcast() {
        const QStringList ids = addUsers(10);
        const qint64 before = storage().lastMessageSeq();
        storage().begin();
        storage().savepoint();
        QVERIFY_THROWS_EXCEPTION(StorageError,
                                 storage().insertBroadcast(someEnvelope(), ids + ids.mid(0, 1), QString()));
        storage().rollbackToSavepoint();
        storage().commit();
        QCOMPARE(storage().lastMessageSeq(), before);
    }

    void liveOnlyRecipientsAreAddedOnce() {
        const QStringList ids = addUsers(20);
        qint64 seq = 0;
        inTransaction([&] { seq = storage().insertBroadcast(someEnvelope(), {}, QStringLiteral("org-a")); });
        QList<Broadcast> read;
        inTransaction([&] { read = storage().broadcastsAfter(seq - 1, 10); });
        QCOMPARE(read.size(), 1);
        QVERIFY(read.first().recipients.isEmpty());
        QCOMPARE(read.first().audienceOrg, QStringLiteral("org-a"));
        const QDateTime at = QDateTime::currentDateTime();
        inTransaction([&] { storage().addRecipients(seq, ids.mid(0, 10), at); });
        // Another node reports an overlapping set: the rows already there stay as they are.
        inTransaction([&] { storage().addRecipients(seq, ids.mid(5, 10), at.addSecs(60)); });
        const QList<MessageRecord> all = storage().history(QString(), 100);
        QCOMPARE(all.size(), 15);
        for (const MessageRecord &row : all) {
            QCOMPARE(row.recipients.first().state, DeliveryState::Delivered);
            const qint64 expected = ids.indexOf(row.recipients.first().userId) < 10
                                        ? at.toSecsSinceEpoch()
                                        : at.addSecs(60).toSecsSinceEpoch();
            QCOMPARE(row.recipients.first().deliveredAt.toSecsSinceEpoch(), expected);
        }
        // Nothing of a live-only message is ever queued.
        for (const QString &userId : ids)
            QCOMPARE(storage().queuedCount(userId), 0);
    }

    // End to end through the server: a publish naming an unknown user stores nothing and names
    // the first unknown one; otherwise online users get it now and offline ones at login, once.
    void publishThroughTheServer() {
        m_storage.reset();
        TestServer server;
        QVERIFY(server.start());
        server.addOrg("org-a");
        QStringList ids;
        for (int i = 0; i < 12; ++i) {
            ids.append(QStringLiteral("u%1").arg(i));
            server.addUser(ids.last(), "org-a", "user");
        }
        const QJsonArray items{
            QJsonObject{{"expireDate", "2030-01-02 03:04:05"}, {"timeLeft", 4}, {"resourceName", "x-1"}}};
        const int messagesBefore = server.countRows("messages");
        const ApiResult refused =
            server.api().post("/api/v1/messages", {{"userId", QJsonArray{"u1", "ghost-2", "u2", "ghost-1"}},
                                                   {"type", "ARCGIS_LICENCE_EXPIRED"},
                                                   {"msg", items}});
        QCOMPARE(refused.status, 404);
        QVERIFY2(refused.text().contains("ghost-2"), qPrintable(refused.text()));
        QCOMPARE(server.countRows("messages"), messagesBefore);

        std::vector<std::unique_ptr<WsClient>> online;
        for (int i = 0; i < ids.size(); i += 2) {
            online.push_back(std::make_unique<WsClient>());
            QVERIFY(online.back()->open(server.wsUrl(server.tokenFor(ids.at(i)))));
            online.back()->settle(100);
            online.back()->clearFrames();
        }
        const ApiResult sent =
            server.api().post("/api/v1/messages", {{"userId", QJsonArray::fromStringList(ids)},
                                                   {"type", "ARCGIS_LICENCE_EXPIRED"},
                                                   {"msg", items}});
        QCOMPARE(sent.status, 201);
        const QString id = sent.json().value("id").toString();
        for (auto &client : online) {
            QVERIFY(client->waitForFrames(1));
            QCOMPARE(client->frames().at(0).value("id").toString(), id);
        }
        // Give the delivery record its commit, then everyone logs in (again).
        QTRY_COMPARE_WITH_TIMEOUT(server.server().storage().queueDepth(), 0, 5000);
        QTest::qWait(200);
        for (auto &client : online)
            client->close();
        for (int i = 0; i < ids.size(); ++i) {
            WsClient again;
            QVERIFY(again.open(server.wsUrl(server.tokenFor(ids.at(i)))));
            again.settle(300);
            const QList<QJsonObject> frames = again.framesOfType("ARCGIS_LICENCE_EXPIRED");
            QCOMPARE(frames.size(), i % 2 ? 1 : 0);
            if (i % 2)
                QCOMPARE(frames.at(0).value("id").toString(), id);
        }
    }
};

QTEST_GUILESS_MAIN(TestFanOut)
#include "tst_fanout.moc"
