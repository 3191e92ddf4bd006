// The real gistack-server binary: a graceful SIGTERM finishes the writes in flight, closes
// every socket with 1001 and exits 0 within 5 s; secrets and tokens never reach its output.
#include "support/ApiBurst.h"
#include "support/ApiClient.h"
#include "support/ServerChild.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {

int countWhere(const QString &databasePath, const QString &sql, const QString &value) {
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "process-check");
        db.setDatabaseName(databasePath);
        db.setConnectOptions("QSQLITE_BUSY_TIMEOUT=5000");
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            query.addBindValue(value);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase("process-check");
    return count;
}

} // namespace

class TestProcess : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void setUp(ApiClient &api) {
        QCOMPARE(api.put("/api/v1/orgs/org", {{"name", "Org"}}).status, 200);
        for (const char *user : {"alice", "bob", "carol"})
            QCOMPARE(api.put(QStringLiteral("/api/v1/users/") + user,
                             {{"name", user}, {"orgId", "org"}, {"role", "user"}})
                         .status,
                     200);
        QCOMPARE(api.put("/api/v1/users/admin", {{"name", "Admin"}, {"orgId", "org"}, {"role", "orgadmin"}})
                     .status,
                 200);
    }

private slots:
    void initTestCase() {
        if (ServerChild::binary().isEmpty())
            QSKIP("GISTACK_SERVER_BIN is not set (ctest sets it)");
    }

    void sigtermFinishesWritesInFlightClosesWith1001AndExitsZero() {
        const QString database = m_dir.filePath("sigterm.db");
        ServerChild server(database);
        server.setEnv("GISTACK_DB_BUSY_TIMEOUT", "4000");
        QVERIFY(server.start());
        ApiClient api(server.httpUrl(), TestServer::apiKey);
        setUp(api);

        std::vector<std::unique_ptr<WsClient>> sockets;
        for (const char *user : {"alice", "bob", "carol", "admin", "alice"}) {
            sockets.push_back(std::make_unique<WsClient>());
            QVERIFY(sockets.back()->open(server.wsUrl(server.tokenFor(user))));
        }

        // Writes are certainly in flight when the signal comes: another connection holds the
        // write lock, so they wait inside the server until it is let go.
        QSqlDatabase lock = QSqlDatabase::addDatabase("QSQLITE", "lock");
        lock.setDatabaseName(database);
        QVERIFY(lock.open());
        QSqlQuery locker(lock);
        QVERIFY(locker.exec("BEGIN EXCLUSIVE"));

        ApiBurst burst(server.httpUrl(), TestServer::apiKey, 4);
        for (int i = 0; i < 20; ++i)
            burst.post("/api/v1/requests", {{"userId", "alice"},
                                            {"kind", "website"},
                                            {"action", "apply"},
                                            {"resourceName", QStringLiteral("in-flight-%1").arg(i)}});
        QTest::qWait(500);
        QCOMPARE(burst.finished(), 0);

        QElapsedTimer sinceSignal;
        sinceSignal.start();
        server.terminate();
        QTest::qWait(300);
        QVERIFY(locker.exec("ROLLBACK"));
        locker.finish();

        QVERIFY2(server.waitForExit(10000), "gistack-server did not exit after SIGTERM");
        const qint64 exitMs = sinceSignal.elapsed();
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(exitMs < 5000, qPrintable(QStringLiteral("took %1 ms").arg(exitMs)));
        qInfo() << "SIGTERM to exit:" << exitMs << "ms";

        QVERIFY(burst.waitForFinished(5000));
        for (int i = 0; i < burst.size(); ++i) {
            QVERIFY2(burst.result(i).status == 201, qPrintable(burst.result(i).text()));
            const QString id = burst.result(i).json().value("id").toString();
            QCOMPARE(countWhere(database, "SELECT COUNT(*) FROM requests WHERE id = ?", id), 1);
        }
        for (const auto &socket : sockets) {
            QVERIFY(socket->waitForClose(3000));
            QCOMPARE(socket->closeCode(), 1001);
        }
        lock.close();
        lock = QSqlDatabase();
        QSqlDatabase::removeDatabase("lock");
    }

    void requestsDuringShutdownAreRefusedNotLost() {
        const QString database = m_dir.filePath("refused.db");
        ServerChild server(database);
        QVERIFY(server.start());
        ApiClient api(server.httpUrl(), TestServer::apiKey);
        setUp(api);
        ApiBurst burst(server.httpUrl(), TestServer::apiKey, 8);
        for (int i = 0; i < 300; ++i)
            burst.post("/api/v1/requests", {{"userId", "bob"},
                                            {"kind", "desktop"},
                                            {"action", "renew"},
                                            {"resourceName", QStringLiteral("burst-%1").arg(i)}});
        QTRY_VERIFY(burst.answered() > 20);
        server.terminate();
        QVERIFY(server.waitForExit(10000));
        QCOMPARE(server.exitCode(), 0);
        QVERIFY(burst.waitForFinished(10000));
        int created = 0;
        for (int i = 0; i < burst.size(); ++i) {
            const ApiResult &result = burst.result(i);
            // Answered 201 and stored, answered 503, or never answered: nothing in between.
            QVERIFY2(result.status == 201 || result.status == 503 || result.status == 0,
                     qPrintable(result.text()));
            if (result.status == 201) {
                ++created;
                QCOMPARE(countWhere(database, "SELECT COUNT(*) FROM requests WHERE id = ?",
                                    result.json().value("id").toString()),
                         1);
            }
        }
        QVERIFY(created > 20);
    }

    void secretsAndTokensNeverReachTheLog() {
        ServerChild server(m_dir.filePath("secrets.db"));
        server.setArguments({"--verbose"});
        QVERIFY(server.start());
        ApiClient api(server.httpUrl(), TestServer::apiKey);
        setUp(api);
        const QString aliceToken = server.tokenFor("alice");
        WsClient alice;
        QVERIFY(alice.open(server.wsUrl(aliceToken)));
        WsClient firstFrame;
        QVERIFY(firstFrame.open(QUrl(server.wsUrl("x").toString(QUrl::RemoveQuery))));
        const QString bobToken = server.tokenFor("bob");
        firstFrame.sendText(QStringLiteral("{\"token\":\"%1\"}").arg(bobToken));
        WsClient forged;
        forged.open(server.wsUrl(aliceToken.left(aliceToken.size() - 3) + "abc"));
        forged.waitForClose();
        QCOMPARE(api.send("GET", "/api/v1/stats", {}, "wrong-key-0123456789").status, 401);
        QCOMPARE(api.post("/api/v1/messages", {{"userId", QJsonArray{"alice"}},
                                               {"type", "GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT"},
                                               {"msg", "site"}})
                     .status,
                 201);
        QVERIFY(alice.waitForFrames(1));
        server.terminate();
        QVERIFY(server.waitForExit(10000));
        const QByteArray log = server.output();
        QVERIFY2(log.contains("authenticated"), "--verbose should have logged the logins");
        for (const QByteArray &secret :
             {QByteArray(TestServer::jwtSecret), QByteArray(TestServer::apiKey), aliceToken.toUtf8(),
              bobToken.toUtf8(), QByteArray("wrong-key-0123456789")})
            QVERIFY2(!log.contains(secret), "a secret or token reached the log");
        // The signature part of a token alone is a secret too.
        QVERIFY(!log.contains(aliceToken.section('.', 2).toUtf8()));
    }

    void secretsOnTheCommandLineWorkButWarnWithoutEchoingThem() {
        QProcess token;
        token.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("GISTACK_JWT_SECRET");
        env.remove("GISTACK_API_KEY");
        token.setProcessEnvironment(env);
        token.start(ServerChild::binary(), {"--jwt-secret", "command-line-secret-0123456789", "--api-key",
                                              "command-line-key-0123456789", "token", "alice"});
        QVERIFY(token.waitForFinished(10000));
        QCOMPARE(token.exitCode(), 0);
        const QByteArray output = token.readAll();
        QVERIFY2(output.contains("warning"), output.constData());
        QVERIFY(!output.contains("command-line-secret-0123456789"));
        QVERIFY(!output.contains("command-line-key-0123456789"));
        QVERIFY(output.contains("eyJ")); // the token itself is the command's answer
    }
};

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
