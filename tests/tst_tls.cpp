// wss:// and https:// on the one port, with a self-signed certificate made by the openssl
// command line at test time; clients trust exactly that certificate.
#include "net/ConnectionRegistry.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QJsonArray>
#include <QProcess>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

class TestTls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_keys;
    QString m_cert;
    QString m_key;
    std::unique_ptr<TestServer> m_server;

    ServerConfig tlsConfig() const {
        ServerConfig config = TestServer::defaults();
        config.tlsCertificate = m_cert;
        config.tlsKey = m_key;
        config.handshakeTimeoutMs = 800;
        return config;
    }

private slots:
    void initTestCase() {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        m_cert = m_keys.filePath("cert.pem");
        m_key = m_keys.filePath("key.pem");
        QProcess openssl;
        openssl.start("openssl",
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", m_key, "-out", m_cert,
                       "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        QVERIFY2(openssl.waitForFinished(60000),
                 "the openssl command line is needed to make a test certificate");
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    }

    void init() {
        m_server = std::make_unique<TestServer>(tlsConfig());
        QVERIFY(m_server->start());
        // Through https:// already: TestServer's API client trusts the test certificate.
        m_server->addOrg("org");
        m_server->addUser("alice", "org", "user");
    }

    void cleanup() { m_server.reset(); }

    void serverAdvertisesHttps() {
        QCOMPARE(m_server->server().url().scheme(), QString("https"));
        const ApiResult health = m_server->api().get("/healthz");
        QCOMPARE(health.status, 200);
    }

    void wssLoginReceivesPushes() {
        WsClient client;
        client.setSslConfiguration(m_server->clientTls());
        QVERIFY(m_server->wsUrl("x").scheme() == "wss");
        QVERIFY(client.open(m_server->wsUrl(m_server->tokenFor("alice"))));
        QTRY_VERIFY(m_server->server().registry().isOnline("alice"));
        const ApiResult published =
            m_server->api().post("/api/v1/messages", {{"userId", QJsonArray{"alice"}},
                                                      {"type", "GCLOUD_DESKTOP_APPROVE_REQUEST_PASS"},
                                                      {"msg", "gis-desktop-02"}});
        QCOMPARE(published.status, 201);
        QVERIFY(client.waitForFrames(1));
        QCOMPARE(client.frames().first().value("msg").toString(), QString("gis-desktop-02"));
    }

    void firstFrameTokenOverWss() {
        WsClient client;
        client.setSslConfiguration(m_server->clientTls());
        QVERIFY(client.open(m_server->wsUrlWithoutToken()));
        client.sendText(QStringLiteral("{\"token\":\"%1\"}").arg(m_server->tokenFor("alice")));
        QTRY_VERIFY(m_server->server().registry().isOnline("alice"));
    }

    void aClientThatDoesNotTrustTheCertificateCannotConnect() {
        WsClient client; // system trust store only: a self-signed certificate fails verification
        QVERIFY(!client.open(m_server->wsUrl(m_server->tokenFor("alice")), 3000));
        QCOMPARE(m_server->server().registry().connectionCount(), 0);
    }

    void plainTextIsNotServedOnATlsPort() {
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(plain.waitForConnected(3000));
        plain.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QDeadlineTimer deadline(5000);
        QByteArray received;
        while (plain.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            QTest::qWait(10);
            received += plain.readAll();
        }
        QVERIFY(!received.startsWith("HTTP/1.1 200"));
        QVERIFY(plain.state() != QAbstractSocket::ConnectedState);
    }

    void aSocketThatNeverStartsTlsIsDropped() {
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(silent.waitForConnected(3000));
        QTRY_VERIFY_WITH_TIMEOUT(silent.state() == QAbstractSocket::UnconnectedState, 5000);
    }

    void unreadableCertificateFailsToStartWithAReason() {
        ServerConfig config = tlsConfig();
        config.tlsCertificate = m_keys.filePath("missing.pem");
        NotifyServer server(config, m_server->clock());
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains("missing.pem"), qPrintable(error));

        config = tlsConfig();
        config.tlsKey = m_cert; // a certificate is not a key
        NotifyServer wrongKey(config, m_server->clock());
        QVERIFY(!wrongKey.start(&error));
        QVERIFY2(error.contains("private key"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
