// The limits every socket and request gets: their defaults and settings, the handshake
// deadline below QtHttpServer, the early 413, the per-address connection rate, the per-user
// connection cap and the Origin allow-list. Real sockets on loopback throughout.
#include "net/ConnectionRegistry.h"
#include "server/ConfigLoader.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QCommandLineParser>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace gistack;
using namespace gistack::test;

namespace {

// One raw connection, optionally from another loopback address, for what a browser or
// QNetworkAccessManager would never send.
class RawClient {
public:
    explicit RawClient(quint16 port, const QHostAddress &from = QHostAddress()) {
        if (!from.isNull())
            m_socket.bind(from, 0);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = m_socket.waitForConnected(3000);
    }
    bool connected() const { return m_connected; }
    void send(const QByteArray &bytes) {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // Reads until the peer closes or timeoutMs passes.
    QByteArray readUntilClosed(int timeoutMs = 5000) {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            QTest::qWait(10);
            m_received += m_socket.readAll();
        }
        m_received += m_socket.readAll();
        return m_received;
    }
    // Reads until at least one whole response head arrived.
    QByteArray readResponse(int timeoutMs = 5000) {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_received.contains("\r\n\r\n") && !deadline.hasExpired() &&
               m_socket.state() == QAbstractSocket::ConnectedState) {
            QTest::qWait(10);
            m_received += m_socket.readAll();
        }
        m_received += m_socket.readAll();
        return m_received;
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_connected = false;
};

QByteArray healthz() {
    return "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

int statusOf(const QByteArray &response) {
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    void startServer(const ServerConfig &config) {
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_server->addOrg("org");
        m_server->addUser("alice", "org", "user");
        m_server->addUser("bob", "org", "user");
    }

    bool load(const QStringList &args, ServerConfig *config, QString *error) {
        QCommandLineParser parser;
        ConfigLoader loader;
        loader.addOptions(parser);
        if (!parser.parse(QStringList{"gistack-server"} + args)) {
            *error = parser.errorText();
            return false;
        }
        return loader.load(parser, config, error);
    }

private slots:
    void cleanup() { m_server.reset(); }

    void defaultsAreTheDocumentedOnes() {
        const ServerConfig config;
        QCOMPARE(config.maxMessageBytes, 64 * 1024);
        QCOMPARE(config.maxBodyBytes, 1024 * 1024);
        QCOMPARE(config.handshakeTimeoutMs, 10000);
        QCOMPARE(config.authTimeoutMs, 5000);
        QCOMPARE(config.pingIntervalMs, 25000);
        QCOMPARE(config.pongTimeoutMs, 10000);
        QCOMPARE(config.maxConnectionsPerUser, 16);
        QCOMPARE(config.connectionRate, 20);
        QCOMPARE(config.connectionBurst, 100);
        QCOMPARE(config.maxSendBufferBytes, 1024 * 1024);
        QVERIFY(config.allowedOrigins.isEmpty());
        QVERIFY(!config.tlsEnabled());
    }

    void everyLimitIsAnOptionAndAnEnvironmentVariable() {
        ServerConfig config;
        QString error;
        qputenv("GISTACK_MAX_CONNECTIONS_PER_USER", "3");
        qputenv("GISTACK_PONG_TIMEOUT", "2.5");
        const bool ok = load({"--handshake-timeout", "0.5",
                              "--auth-timeout",      "2",
                              "--ping-interval",     "30",
                              "--max-message-bytes", "4096",
                              "--max-body-bytes",    "2048",
                              "--connection-rate",   "0",
                              "--connection-burst",  "7",
                              "--max-send-buffer",   "65536",
                              "--db-busy-timeout",   "250",
                              "--allowed-origins",   "https://GIStack.example.com/, http://localhost:8080"},
                             &config, &error);
        qunsetenv("GISTACK_MAX_CONNECTIONS_PER_USER");
        qunsetenv("GISTACK_PONG_TIMEOUT");
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(config.handshakeTimeoutMs, 500);
        QCOMPARE(config.authTimeoutMs, 2000);
        QCOMPARE(config.pingIntervalMs, 30000);
        QCOMPARE(config.pongTimeoutMs, 2500);
        QCOMPARE(config.maxMessageBytes, 4096);
        QCOMPARE(config.maxBodyBytes, 2048);
        QCOMPARE(config.maxConnectionsPerUser, 3);
        QCOMPARE(config.connectionRate, 0);
        QCOMPARE(config.connectionBurst, 7);
        QCOMPARE(config.maxSendBufferBytes, 65536);
        QCOMPARE(config.databaseBusyTimeoutMs, 250);
        QCOMPARE(config.allowedOrigins,
                 QStringList({"https://gistack.example.com", "http://localhost:8080"}));
    }

    void badLimitValuesAreRefusedWithAReason_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("negative") << QStringList{"--max-connections-per-user", "-1"}
                                  << "max-connections-per-user";
        QTest::newRow("words") << QStringList{"--handshake-timeout", "soon"} << "handshake-timeout";
        QTest::newRow("zero seconds") << QStringList{"--auth-timeout", "0"} << "auth-timeout";
        QTest::newRow("tiny frames") << QStringList{"--max-message-bytes", "10"} << "max-message-bytes";
        QTest::newRow("origin with path")
            << QStringList{"--allowed-origins", "https://a.example/app"} << "allowed-origins";
        QTest::newRow("cert without key") << QStringList{"--tls-cert", "/tmp/c.pem"} << "tls-key";
    }

    void badLimitValuesAreRefusedWithAReason() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        ServerConfig config;
        QString error;
        QVERIFY(!load(args, &config, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void silentConnectionIsDroppedAfterTheHandshakeTimeout() {
        ServerConfig config = TestServer::defaults();
        config.handshakeTimeoutMs = 400;
        startServer(config);
        RawClient silent(m_server->port());
        QVERIFY(silent.connected());
        silent.readUntilClosed(5000);
        QVERIFY(!silent.isOpen());
        QCOMPARE(m_server->server().registry().connectionCount(), 0);
    }

    void dribbledUpgradeIsDroppedWith408() {
        ServerConfig config = TestServer::defaults();
        config.handshakeTimeoutMs = 600;
        startServer(config);
        RawClient slowloris(m_server->port());
        QVERIFY(slowloris.connected());
        slowloris.send("GET /ws?token=" + m_server->tokenFor("alice").toLatin1() + " HTTP/1.1\r\n");
        // One header line every 100 ms keeps bytes coming, but the request never completes.
        QDeadlineTimer stopAt(3000);
        int line = 0;
        while (slowloris.isOpen() && !stopAt.hasExpired()) {
            slowloris.send("X-Slow-" + QByteArray::number(line++) + ": 1\r\n");
            QTest::qWait(100);
        }
        const QByteArray response = slowloris.readUntilClosed(2000);
        QVERIFY2(!slowloris.isOpen(), "a request that never completes must not hold its socket");
        QCOMPARE(statusOf(response), 408);
        QCOMPARE(m_server->server().registry().connectionCount(), 0);
    }

    void completeRequestsInTimeAreAnsweredAndIdleOnesClosedLater() {
        ServerConfig config = TestServer::defaults();
        config.handshakeTimeoutMs = 700;
        startServer(config);
        RawClient client(m_server->port());
        QVERIFY(client.connected());
        QTest::qWait(300);
        client.send(healthz());
        QCOMPARE(statusOf(client.readResponse()), 200);
        // Keep-alive: the next request gets the same time again after the answer.
        QTest::qWait(400);
        QVERIFY(client.isOpen());
        client.readUntilClosed(5000);
        QVERIFY(!client.isOpen());
    }

    void upgradedSocketsAreNoLongerUnderTheHandshakeTimeout() {
        ServerConfig config = TestServer::defaults();
        config.handshakeTimeoutMs = 300;
        startServer(config);
        WsClient client;
        QVERIFY(client.open(m_server->wsUrl(m_server->tokenFor("alice"))));
        QTest::qWait(900);
        QVERIFY(client.isOpen());
    }

    void declaredBodyOverTheLimitIs413BeforeItIsSent() {
        startServer(TestServer::defaults());
        RawClient client(m_server->port());
        QVERIFY(client.connected());
        // Headers only: the answer must not wait for 100 MB that never come.
        client.send("POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                    QByteArray(TestServer::apiKey) +
                    "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{\"userId\":");
        const QByteArray response = client.readResponse(5000);
        QCOMPARE(statusOf(response), 413);
        QVERIFY(response.contains("larger than 1048576 bytes"));
        // The server is fine and so is the next client.
        RawClient next(m_server->port());
        next.send(healthz());
        QCOMPARE(statusOf(next.readResponse()), 200);
    }

    void bodyOverTheLimitSentWholeIs413() {
        startServer(TestServer::defaults());
        const ApiResult result = m_server->api().send("POST", "/api/v1/messages",
                                                      QByteArray(1024 * 1024 + 10, ' '), TestServer::apiKey);
        QCOMPARE(result.status, 413);
        QCOMPARE(m_server->api().get("/healthz").status, 200);
    }

    void connectionRateIsPerAddress() {
        ServerConfig config = TestServer::defaults();
        config.connectionRate = 2;
        config.connectionBurst = 3;
        startServer(config); // its ApiClient already holds a kept-alive connection or two
        QList<std::shared_ptr<RawClient>> clients;
        int refused = 0;
        int answered = 0;
        for (int i = 0; i < 8; ++i) {
            auto client = std::make_shared<RawClient>(m_server->port());
            client->send(healthz());
            const int status = statusOf(client->readResponse(3000));
            if (status == 429)
                ++refused;
            else if (status == 200)
                ++answered;
            clients.append(client);
        }
        QVERIFY2(refused >= 4, qPrintable(QStringLiteral("%1 refused").arg(refused)));
        QVERIFY(answered <= 4);
        // Another client address has its own allowance.
        RawClient other(m_server->port(), QHostAddress("127.0.0.2"));
        QVERIFY(other.connected());
        other.send(healthz());
        QCOMPARE(statusOf(other.readResponse()), 200);
        // The first address gets more connections as time passes.
        QTest::qWait(1200);
        RawClient later(m_server->port());
        later.send(healthz());
        QCOMPARE(statusOf(later.readResponse()), 200);
    }

    void webSocketsOverTheConnectionRateDoNotOpen() {
        ServerConfig config = TestServer::defaults();
        config.connectionRate = 1;
        config.connectionBurst = 2;
        startServer(config);
        QList<std::shared_ptr<WsClient>> clients;
        int opened = 0;
        for (int i = 0; i < 5; ++i) {
            auto client = std::make_shared<WsClient>();
            opened += client->open(m_server->wsUrl(m_server->tokenFor("alice")), 3000) ? 1 : 0;
            clients.append(client);
        }
        QVERIFY2(opened <= 2, qPrintable(QString::number(opened)));
    }

    void atMostSixteenConnectionsPerUser() {
        startServer(TestServer::defaults());
        std::vector<std::unique_ptr<WsClient>> tabs;
        for (int i = 0; i < 16; ++i) {
            tabs.push_back(std::make_unique<WsClient>());
            QVERIFY(tabs.back()->open(m_server->wsUrl(m_server->tokenFor("alice"))));
        }
        QTRY_COMPARE(m_server->server().registry().connectionsOf("alice").size(), 16);

        WsClient seventeenth;
        seventeenth.open(m_server->wsUrl(m_server->tokenFor("alice")));
        QVERIFY(seventeenth.waitForClose());
        QCOMPARE(seventeenth.closeCode(), 4429);
        // The same through a first-frame token.
        WsClient viaFrame;
        QVERIFY(viaFrame.open(m_server->wsUrlWithoutToken()));
        viaFrame.sendText(QStringLiteral("{\"token\":\"%1\"}").arg(m_server->tokenFor("alice")));
        QVERIFY(viaFrame.waitForClose());
        QCOMPARE(viaFrame.closeCode(), 4429);

        // The sixteen stay, another user is not affected, and a freed place can be taken.
        for (const auto &tab : tabs)
            QVERIFY(tab->isOpen());
        WsClient bob;
        QVERIFY(bob.open(m_server->wsUrl(m_server->tokenFor("bob"))));
        QTRY_VERIFY(m_server->server().registry().isOnline("bob"));
        tabs.front()->close();
        QTRY_COMPARE(m_server->server().registry().connectionsOf("alice").size(), 15);
        WsClient again;
        QVERIFY(again.open(m_server->wsUrl(m_server->tokenFor("alice"))));
        QTRY_COMPARE(m_server->server().registry().connectionsOf("alice").size(), 16);
        QVERIFY(again.isOpen());
    }

    void binaryFramesAreRefusedWith1003() {
        startServer(TestServer::defaults());
        for (const bool authenticated : {false, true}) {
            QWebSocket socket;
            QSignalSpy connected(&socket, &QWebSocket::connected);
            QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
            socket.open(authenticated ? m_server->wsUrl(m_server->tokenFor("alice"))
                                      : m_server->wsUrlWithoutToken());
            QVERIFY(connected.wait(5000));
            if (authenticated)
                QTRY_VERIFY(m_server->server().registry().isOnline("alice"));
            socket.sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
            QVERIFY(disconnected.wait(5000));
            QCOMPARE(int(socket.closeCode()), 1003);
        }
    }

    void originAllowListRefusesOtherSites() {
        ServerConfig config = TestServer::defaults();
        config.allowedOrigins = QStringList{"https://gistack.example.com"};
        startServer(config);
        const auto openFrom = [this](const QString &origin) {
            QWebSocket socket(origin);
            QSignalSpy connected(&socket, &QWebSocket::connected);
            QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
            socket.open(m_server->wsUrl(m_server->tokenFor("alice")));
            QDeadlineTimer deadline(5000);
            while (connected.isEmpty() && disconnected.isEmpty() && !deadline.hasExpired())
                QTest::qWait(10);
            const bool opened = !connected.isEmpty();
            socket.abort();
            return opened;
        };
        QVERIFY(openFrom("https://gistack.example.com"));
        QVERIFY(openFrom("https://GISTACK.example.com:443"));
        QVERIFY(!openFrom("https://evil.example.net"));
        QVERIFY(!openFrom("http://gistack.example.com")); // another scheme is another origin
        QVERIFY(!openFrom("null"));
        QVERIFY(openFrom(QString())); // not a browser page: the token decides

        // What the refused page sees.
        RawClient raw(m_server->port());
        raw.send("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                 "Origin: https://evil.example.net\r\n\r\n");
        const QByteArray response = raw.readResponse();
        QCOMPARE(statusOf(response), 403);
        QVERIFY(response.contains("Origin"));
    }

    void withoutAnAllowListEveryOriginMayConnect() {
        startServer(TestServer::defaults());
        QWebSocket socket(QStringLiteral("https://anywhere.example.org"));
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(m_server->wsUrl(m_server->tokenFor("alice")));
        QVERIFY(connected.wait(5000));
        QTRY_VERIFY(m_server->server().registry().isOnline("alice"));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
