// Nothing lost in a crash: the real binary is killed with SIGKILL in the middle of 1,000
// concurrent API submissions and decisions, restarted on the same database, and then every
// request answered 2xx is in the database, and every result message for an offline applicant
// is delivered at its next login, exactly once.
#include "support/ApiBurst.h"
#include "support/ApiClient.h"
#include "support/ServerChild.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {

constexpr int applicants = 40;
constexpr int preparedRequests = 500; // decided during the crash
constexpr int newRequests = 500;      // submitted during the crash

QString applicant(int i) {
    return QStringLiteral("applicant-%1").arg(i);
}

// Reads the database file directly, as an operator would after the crash.
class Database {
public:
    explicit Database(const QString &path) {
        m_db = QSqlDatabase::addDatabase("QSQLITE", "crash-check");
        m_db.setDatabaseName(path);
        m_db.setConnectOptions("QSQLITE_BUSY_TIMEOUT=5000");
        m_db.open();
    }
    ~Database() {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase("crash-check");
    }
    QString requestState(const QString &id) {
        QSqlQuery q(m_db);
        q.prepare("SELECT state FROM requests WHERE id = ?");
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    // Result messages addressed to each user: message id -> user.
    QHash<QString, QString> resultMessages() {
        QHash<QString, QString> messages;
        QSqlQuery q(m_db);
        // A message whose delivery was not recorded yet still has its recipients as one JSON list.
        q.exec("SELECT m.id, r.user_id FROM messages m JOIN message_recipients r ON r.message_seq = m.seq "
               "WHERE r.user_id LIKE 'applicant-%' UNION SELECT m.id, p.value FROM messages m, "
               "json_each(m.pending_recipients) p WHERE p.value LIKE 'applicant-%'");
        while (q.next())
            messages.insert(q.value(0).toString(), q.value(1).toString());
        return messages;
    }
    int decidedRequests() {
        QSqlQuery q(m_db);
        return q.exec("SELECT COUNT(*) FROM requests WHERE state <> 'pending'") && q.next()
                   ? q.value(0).toInt()
                   : -1;
    }

private:
    QSqlDatabase m_db;
};

} // namespace

class TestCrash : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (ServerChild::binary().isEmpty())
            QSKIP("GISTACK_SERVER_BIN is not set (ctest sets it)");
    }

    void sigkillDuringAThousandWritesLosesNothing() {
        QTemporaryDir dir;
        const QString database = dir.filePath("crash.db");
        ServerChild server(database);
        // One test client stands in for many backend hosts.
        server.setEnv("GISTACK_CONNECTION_RATE", "0");
        QVERIFY(server.start());

        ApiClient api(server.httpUrl(), TestServer::apiKey);
        QCOMPARE(api.put("/api/v1/orgs/org", {{"name", "Org"}}).status, 200);
        QCOMPARE(api.put("/api/v1/users/admin", {{"name", "Admin"}, {"orgId", "org"}, {"role", "orgadmin"}})
                     .status,
                 200);
        for (int i = 0; i < applicants; ++i)
            QCOMPARE(api.put("/api/v1/users/" + applicant(i),
                             {{"name", applicant(i)}, {"orgId", "org"}, {"role", "user"}})
                         .status,
                     200);
        QStringList pending;
        {
            ApiBurst setup(server.httpUrl(), TestServer::apiKey);
            for (int i = 0; i < preparedRequests; ++i)
                setup.post("/api/v1/requests", {{"userId", applicant(i % applicants)},
                                                {"kind", i % 2 ? "website" : "desktop"},
                                                {"action", i % 3 ? "apply" : "renew"},
                                                {"resourceName", QStringLiteral("prepared-%1").arg(i)}});
            QVERIFY(setup.waitForFinished(60000));
            for (int i = 0; i < setup.size(); ++i) {
                QCOMPARE(setup.result(i).status, 201);
                pending.append(setup.result(i).json().value("id").toString());
            }
        }

        // 1,000 calls in flight at once: decisions on the prepared requests and new requests.
        ApiBurst burst(server.httpUrl(), TestServer::apiKey, 16);
        QList<int> decisions;
        QList<int> submissions;
        for (int i = 0; i < preparedRequests; ++i) {
            decisions.append(burst.post("/api/v1/requests/" + pending.at(i) + "/decision",
                                        {{"approved", i % 2 == 0}, {"adminId", "admin"}}));
            submissions.append(
                burst.post("/api/v1/requests", {{"userId", applicant(i % applicants)},
                                                {"kind", "website"},
                                                {"action", "apply"},
                                                {"resourceName", QStringLiteral("new-%1").arg(i)}}));
        }
        QTRY_VERIFY_WITH_TIMEOUT(burst.answered() >= 300, 60000);
        server.kill();
        QVERIFY(server.waitForExit(10000));
        QCOMPARE(server.exitStatus(), QProcess::CrashExit);
        QVERIFY(burst.waitForFinished(30000));
        qInfo() << "answered before the kill:" << burst.answered() << "of" << burst.size();
        QVERIFY2(burst.answered() < burst.size(), "the kill came too late to be in the middle");

        // Same database, new process.
        QVERIFY(server.start());

        // Every 2xx is in the file.
        QSet<QString> promisedResults;
        {
            Database db(database);
            for (int index : std::as_const(submissions)) {
                const ApiResult &result = burst.result(index);
                QVERIFY2(result.status == 201 || result.status == 0, qPrintable(result.text()));
                if (result.status == 201)
                    QCOMPARE(db.requestState(result.json().value("id").toString()), QString("pending"));
            }
            for (int n = 0; n < decisions.size(); ++n) {
                const ApiResult &result = burst.result(decisions.at(n));
                QVERIFY2(result.status == 200 || result.status == 0, qPrintable(result.text()));
                if (result.status == 200) {
                    QCOMPARE(db.requestState(pending.at(n)), QString(n % 2 == 0 ? "approved" : "rejected"));
                    promisedResults.insert(result.json().value("messageId").toString());
                }
            }
        }
        Database db(database);
        const QHash<QString, QString> stored = db.resultMessages();
        // One result per decided request, whether or not its answer got out before the kill.
        QCOMPARE(int(stored.size()), db.decidedRequests());
        for (const QString &id : std::as_const(promisedResults))
            QVERIFY2(stored.contains(id), "a decision answered 200 lost its result message");

        // Each applicant logs in: every result addressed to it arrives, once.
        QSet<QString> delivered;
        for (int i = 0; i < applicants; ++i) {
            const QString user = applicant(i);
            const int expected = int(std::count(stored.cbegin(), stored.cend(), user));
            WsClient client;
            QVERIFY(client.open(server.wsUrl(server.tokenFor(user))));
            QVERIFY2(client.waitForFrames(expected, 10000), qPrintable(user));
            client.settle(200);
            QCOMPARE(client.rawFrames().size(), expected);
            for (const QJsonObject &frame : client.frames()) {
                const QString id = frame.value("id").toString();
                QCOMPARE(stored.value(id), user);
                QVERIFY2(!delivered.contains(id), "a result was delivered twice");
                delivered.insert(id);
            }
        }
        QCOMPARE(delivered.size(), stored.size());
        // And never again.
        WsClient again;
        QVERIFY(again.open(server.wsUrl(server.tokenFor(applicant(0)))));
        again.settle(400);
        QCOMPARE(again.rawFrames().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
