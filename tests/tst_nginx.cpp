// The deployment's shape: browsers and the platform backend talk to nginx's one address, and
// nginx (Debian's package, with docs/nginx/gistack-notify.conf) spreads them over two nodes.
#include "support/ClusterFixture.h"
#include "support/FrameCheck.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace gistack;
using namespace gistack::test;

namespace {

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestNginx : public QObject {
    Q_OBJECT

private:
    QString m_nginx;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;

    bool startNginx(quint16 nodeA, quint16 nodeB) {
        QFile site(QStringLiteral(GISTACK_SOURCE_DIR "/docs/nginx/gistack-notify.conf"));
        if (!site.open(QIODevice::ReadOnly))
            return false;
        QString config = QString::fromUtf8(site.readAll());
        m_port = freePort();
        const int swaps =
            config.count("127.0.0.1:8081") + config.count("127.0.0.1:8082") + config.count("listen 80;");
        if (swaps != 3) {
            qWarning() << "the documented config no longer has the lines this test swaps";
            return false;
        }
        config.replace("127.0.0.1:8081", QStringLiteral("127.0.0.1:%1").arg(nodeA));
        config.replace("127.0.0.1:8082", QStringLiteral("127.0.0.1:%1").arg(nodeB));
        config.replace("listen 80;", QStringLiteral("listen 127.0.0.1:%1;").arg(m_port));
        const QString dir = m_dir.path();
        // A private nginx: its pid, logs and temp files in our folder, not the system's.
        QString main = geteuid() == 0 ? QStringLiteral("user root;\n") : QString();
        main += QStringLiteral("worker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log warn;\n"
                               "events { worker_connections 256; }\n"
                               "http {\n    access_log off;\n    client_body_temp_path %1/body;\n"
                               "    proxy_temp_path %1/proxy;\n    fastcgi_temp_path %1/fastcgi;\n"
                               "    uwsgi_temp_path %1/uwsgi;\n    scgi_temp_path %1/scgi;\n")
                    .arg(dir);
        main += config + QStringLiteral("\n}\n");
        QFile file(dir + "/nginx.conf");
        if (!file.open(QIODevice::WriteOnly) || file.write(main.toUtf8()) < 0)
            return false;
        file.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(m_nginx, {"-p", dir + "/", "-c", dir + "/nginx.conf", "-g", "daemon off;"});
        if (!m_process.waitForStarted(5000))
            return false;
        QUrl base("http://127.0.0.1");
        base.setPort(m_port);
        ApiClient api(base, NodeProcess::apiKey);
        for (int i = 0; i < 100 && m_process.state() == QProcess::Running; ++i) {
            if (api.get("/healthz").status == 200)
                return true;
            QTest::qWait(50);
        }
        qWarning().noquote() << "nginx did not come up:" << m_process.readAll();
        return false;
    }

private slots:
    void initTestCase() {
        PgTestDatabase::skipUnlessConfigured();
        m_nginx = QStandardPaths::findExecutable("nginx", {"/usr/sbin", "/usr/bin", "/usr/local/sbin"});
        if (m_nginx.isEmpty())
            QSKIP("nginx is not installed (apt-get install nginx; ./run.sh test does)");
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
    }

    void messagesPostedToEitherNodeArriveThroughNginx() {
        ClusterFixture cluster;
        QVERIFY(cluster.start(2));
        QVERIFY(cluster.seed());
        QVERIFY(startNginx(cluster.node(0).port(), cluster.node(1).port()));

        // Every browser knows only nginx's address.
        std::vector<std::unique_ptr<WsClient>> admins, alices;
        for (int i = 0; i < 2; ++i) {
            admins.push_back(cluster.login(m_port, "admin-a"));
            alices.push_back(cluster.login(m_port, "alice"));
            QVERIFY(admins.back() && alices.back());
        }
        // nginx spread the four sockets over both nodes.
        QTRY_COMPARE_WITH_TIMEOUT(cluster.stats(cluster.node(0)).value("connections").toInt(), 4, 5000);
        const int onA = cluster.stats(cluster.node(0)).value("node").toObject().value("connections").toInt();
        const int onB = cluster.stats(cluster.node(1)).value("node").toObject().value("connections").toInt();
        QCOMPARE(onA + onB, 4);
        QVERIFY2(onA > 0 && onB > 0, qPrintable(QString("A has %1, B has %2").arg(onA).arg(onB)));

        // A request posted straight to node A, then one to node B: every admin socket hears both.
        const QString first = cluster.submit(cluster.node(0), "alice", "via-a");
        const QString second = cluster.submit(cluster.node(1), "bob", "via-b");
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        for (const auto &admin : admins) {
            QVERIFY(admin->waitForFrames(2));
            VERIFY_ENVELOPE(admin->rawFrames().at(0), ClusterFixture::countType(), "admin-a", 1);
            VERIFY_ENVELOPE(admin->rawFrames().at(1), ClusterFixture::countType(), "admin-a", 2);
        }

        // The decision goes through nginx's address too; both of alice's sockets get the result.
        QUrl base("http://127.0.0.1");
        base.setPort(m_port);
        ApiClient viaNginx(base, NodeProcess::apiKey);
        const ApiResult decided = viaNginx.post("/api/v1/requests/" + first + "/decision",
                                                {{"approved", true}, {"adminId", "admin-a"}});
        QCOMPARE(decided.status, 200);
        for (const auto &alice : alices) {
            QVERIFY(alice->waitForFrames(1));
            VERIFY_ENVELOPE(alice->rawFrames().at(0), ClusterFixture::passedType(), "alice", "via-a");
        }
        QVERIFY(cluster.nodeLeakingPassword().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNginx)
#include "tst_nginx.moc"
