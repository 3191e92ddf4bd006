// When the database cannot take a write (locked by another process, disk full) the API
// answers 503 and stores nothing, the sockets stay up, and the server recovers by itself
// once the database can write again.
#include "net/ConnectionRegistry.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <unistd.h>

using namespace gistack;
using namespace gistack::test;

namespace {

ApiResult submit(TestServer &server, const QString &resource) {
    return server.api().post(
        "/api/v1/requests",
        {{"userId", "alice"}, {"kind", "website"}, {"action", "apply"}, {"resourceName", resource}});
}

ApiResult publish(TestServer &server, const QString &name) {
    return server.api().post(
        "/api/v1/messages",
        {{"userId", QJsonArray{"alice"}}, {"type", "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"}, {"msg", name}});
}

// Another process's connection to the same SQLite file (here: another connection in this one).
class OtherConnection {
public:
    explicit OtherConnection(const QString &path) {
        m_db = QSqlDatabase::addDatabase("QSQLITE", "other-writer");
        m_db.setDatabaseName(path);
        m_db.setConnectOptions("QSQLITE_BUSY_TIMEOUT=100");
        m_ok = m_db.open();
    }
    ~OtherConnection() {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase("other-writer");
    }
    bool exec(const QString &sql) {
        QSqlQuery query(m_db);
        const bool ok = query.exec(sql);
        if (!ok)
            qWarning() << sql << query.lastError().text();
        return ok;
    }
    int count(const QString &sql) {
        QSqlQuery query(m_db);
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }
    bool ok() const { return m_ok; }

private:
    QSqlDatabase m_db;
    bool m_ok = false;
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_mountPoint;

private slots:
    void lockedDatabaseAnswers503AndRecovers() {
        ServerConfig config = TestServer::defaults();
        config.databaseBusyTimeoutMs = 200;
        TestServer server(config);
        QVERIFY(server.start());
        server.addOrg("org");
        server.addUser("alice", "org", "user");
        WsClient alice;
        QVERIFY(alice.open(server.wsUrl(server.tokenFor("alice"))));
        QTRY_VERIFY(server.server().registry().isOnline("alice"));

        OtherConnection other(server.databasePath());
        QVERIFY(other.ok());
        QVERIFY(other.exec("BEGIN EXCLUSIVE"));

        const ApiResult locked = submit(server, "while-locked");
        QCOMPARE(locked.status, 503);
        QCOMPARE(locked.json().value("error").toString(), QString("database unavailable"));
        QCOMPARE(publish(server, "also-while-locked").status, 503);
        // The sockets are not the database's business.
        QVERIFY(alice.isOpen());
        QCOMPARE(server.server().registry().connectionCount(), 1);
        QCOMPARE(server.api().get("/healthz").status, 200);

        QVERIFY(other.exec("ROLLBACK"));
        // No restart: the next write goes through, and the socket hears of it.
        QCOMPARE(submit(server, "after-the-lock").status, 201);
        QCOMPARE(publish(server, "after-the-lock").status, 201);
        QVERIFY(alice.waitForFrames(1));
        QCOMPARE(alice.frames().last().value("msg").toString(), QString("after-the-lock"));
        // Nothing of the refused calls was stored.
        QCOMPARE(other.count("SELECT COUNT(*) FROM requests WHERE resource_name = 'while-locked'"), 0);
        QCOMPARE(other.count("SELECT COUNT(*) FROM messages WHERE msg LIKE '%also-while-locked%'"), 0);
        QCOMPARE(other.count("SELECT COUNT(*) FROM requests WHERE resource_name = 'after-the-lock'"), 1);
    }

    void briefLockIsWaitedOut() {
        // Up to db-busy-timeout a write waits for another writer instead of failing.
        ServerConfig config = TestServer::defaults();
        config.databaseBusyTimeoutMs = 3000;
        TestServer server(config);
        QVERIFY(server.start());
        server.addOrg("org");
        server.addUser("alice", "org", "user");
        OtherConnection other(server.databasePath());
        QVERIFY(other.exec("BEGIN EXCLUSIVE"));
        QTimer::singleShot(300, [&other] { other.exec("ROLLBACK"); });
        QCOMPARE(submit(server, "after-a-short-wait").status, 201);
    }

    void fullDiskAnswers503AndRecovers() {
        if (::geteuid() != 0)
            QSKIP("needs root to mount a small tmpfs as a full disk");
        m_dir = std::make_unique<QTemporaryDir>();
        m_mountPoint = m_dir->filePath("small");
        QVERIFY(QDir().mkpath(m_mountPoint));
        if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=4m", "tmpfs", m_mountPoint}) != 0) {
            m_mountPoint.clear();
            QSKIP("cannot mount a tmpfs here (no CAP_SYS_ADMIN?)");
        }
        {
            ServerConfig config = TestServer::defaults();
            config.database = m_mountPoint + "/gistack.db";
            TestServer server(config);
            QVERIFY(server.start());
            server.addOrg("org");
            server.addUser("alice", "org", "user");
            WsClient alice;
            QVERIFY(alice.open(server.wsUrl(server.tokenFor("alice"))));
            QTRY_VERIFY(server.server().registry().isOnline("alice"));

            // Fill what is left of the disk.
            QFile filler(m_mountPoint + "/filler");
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(64 * 1024, 'f');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
            filler.close();

            int unavailable = 0;
            for (int i = 0; i < 5; ++i) {
                const ApiResult full =
                    publish(server, QStringLiteral("disk-full-%1-").arg(i) + QString(200 * 1024, 'x'));
                QVERIFY2(full.status == 503 || full.status == 201, qPrintable(full.text().left(200)));
                unavailable += full.status == 503 ? 1 : 0;
            }
            QVERIFY2(unavailable > 0, "a write to a full disk must not be answered 2xx");
            QVERIFY(alice.isOpen());
            QCOMPARE(server.api().get("/healthz").status, 200);

            QVERIFY(QFile::remove(m_mountPoint + "/filler"));
            alice.clearFrames();
            QCOMPARE(publish(server, "disk-has-room").status, 201);
            QCOMPARE(submit(server, "disk-has-room").status, 201);
            QVERIFY(alice.waitForFrames(1));
            QCOMPARE(alice.frames().last().value("msg").toString(), QString("disk-has-room"));
        }
    }

    void cleanup() {
        if (!m_mountPoint.isEmpty())
            QProcess::execute("umount", {m_mountPoint});
        m_mountPoint.clear();
        m_dir.reset();
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
