// Who may hold a socket: every refusal closes with 4401 and a reason, and a connection that
// misbehaves after login is closed with a code, never left hanging.
#include "net/ConnectionRegistry.h"
#include "service/NotificationService.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {

QByteArray b64(const QByteArray &bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString handMadeToken(const QJsonObject &header, const QJsonObject &payload, const QByteArray &secret,
                      QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256) {
    const QByteArray signingInput = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature = secret.isEmpty()
                                     ? QByteArray()
                                     : b64(QMessageAuthenticationCode::hash(signingInput, secret, algorithm));
    return QString::fromLatin1(signingInput + '.' + signature);
}

} // namespace

class TestAuth : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    qint64 nowSecs() const { return m_server->clock().now().toSecsSinceEpoch(); }

    // Connects with the token and expects a 4401 close.
    void expectRefused(const QString &token, const QString &reasonPart) {
        WsClient client;
        client.open(m_server->wsUrl(token));
        QVERIFY(client.waitForClose());
        QCOMPARE(client.closeCode(), 4401);
        QVERIFY2(client.closeReason().contains(reasonPart), qPrintable(client.closeReason()));
        QCOMPARE(client.rawFrames().size(), 0);
    }

private slots:
    void init() {
        ServerConfig config = TestServer::defaults();
        config.authTimeoutMs = 600; // the default is 5 s; a short one keeps the test quick
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_server->addOrg("org");
        m_server->addUser("alice", "org", "user");
    }

    void cleanup() { m_server.reset(); }

    void defaultAuthTimeoutIsFiveSeconds() { QCOMPARE(ServerConfig().authTimeoutMs, 5000); }

    void validTokenStaysOpen() {
        WsClient client;
        QVERIFY(client.open(m_server->wsUrl(m_server->tokenFor("alice"))));
        QTest::qWait(900); // longer than the auth timeout
        QVERIFY(client.isOpen());
        QCOMPARE(m_server->server().registry().onlineUserCount(), 1);
    }

    void garbageTokenIsRefused() { expectRefused("not-a-jwt", "invalid token"); }

    void nonAsciiTokenIsRefusedAndTheServerLivesOn() {
        expectRefused(QStringLiteral("令牌.é.b"), "invalid token");
        WsClient client;
        client.open(m_server->wsUrlWithoutToken());
        client.sendText(QStringLiteral("{\"token\":\"\u00e9.a.b\"}"));
        QVERIFY(client.waitForClose());
        QCOMPARE(client.closeCode(), 4401);
        QCOMPARE(m_server->api().get("/healthz").status, 200);
    }

    void expiredTokenIsRefused() {
        const QString token = m_server->tokenFor("alice", 60);
        m_server->clock().advanceSeconds(61);
        expectRefused(token, "expired");
    }

    void forgedTokenIsRefused() {
        const QJsonObject header{{"alg", "HS256"}, {"typ", "JWT"}};
        const QJsonObject payload{{"sub", "alice"}, {"exp", nowSecs() + 600}};
        expectRefused(handMadeToken(header, payload, "some-other-secret-0123456789"), "invalid token");
    }

    void tamperedPayloadIsRefused() {
        QStringList parts = m_server->tokenFor("alice").split('.');
        parts[1] =
            QString::fromLatin1(b64(QJsonDocument(QJsonObject{{"sub", "root"}, {"exp", nowSecs() + 600}})
                                        .toJson(QJsonDocument::Compact)));
        expectRefused(parts.join('.'), "invalid token");
    }

    void signatureOffByItsLastCharacterIsRefused() {
        // Also the non-canonical spelling that decodes to the same bytes (the last character
        // of a 32-byte signature carries two unused bits): signatures compare as text.
        static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        const QString token = m_server->tokenFor("alice");
        const int last = int(alphabet.indexOf(token.back().toLatin1()));
        for (const int flip : {1, 4}) {
            QString forged = token;
            forged.back() = QLatin1Char(alphabet.at(last ^ flip));
            expectRefused(forged, "invalid signature");
        }
    }

    void tokenOutsideTheJwtAlphabetIsRefused() {
        // Found by fuzz_token: cpp-jwt read outside its base64 table for bytes >= 0x80.
        QString token = m_server->tokenFor("alice");
        token.insert(30, QString(32, QChar(0xb5)));
        expectRefused(token, "invalid token");
        expectRefused(m_server->tokenFor("alice") + " ", "invalid token");
    }

    void algNoneIsRefused() {
        const QJsonObject payload{{"sub", "alice"}, {"exp", nowSecs() + 600}};
        expectRefused(handMadeToken(QJsonObject{{"alg", "none"}, {"typ", "JWT"}}, payload, {}),
                      "invalid token");
        expectRefused(handMadeToken(QJsonObject{{"alg", "None"}}, payload, {}), "invalid token");
    }

    void otherAlgorithmWithTheRightSecretIsRefused() {
        const QJsonObject payload{{"sub", "alice"}, {"exp", nowSecs() + 600}};
        expectRefused(handMadeToken(QJsonObject{{"alg", "HS512"}, {"typ", "JWT"}}, payload,
                                    TestServer::jwtSecret, QCryptographicHash::Sha512),
                      "invalid token");
    }

    void tokenWithoutExpiryIsRefused() {
        const QJsonObject header{{"alg", "HS256"}, {"typ", "JWT"}};
        expectRefused(handMadeToken(header, QJsonObject{{"sub", "alice"}}, TestServer::jwtSecret),
                      "no expiry");
    }

    void unknownUserIsRefused() { expectRefused(m_server->tokenFor("mallory"), "unknown user"); }

    void silentSocketIsClosedAfterTheAuthTimeout() {
        WsClient client;
        QVERIFY(client.open(m_server->wsUrlWithoutToken()));
        QVERIFY(client.waitForClose(3000));
        QCOMPARE(client.closeCode(), 4401);
        QVERIFY(client.closeReason().contains("no token"));
    }

    void badFirstFrameIsRefused() {
        WsClient client;
        QVERIFY(client.open(m_server->wsUrlWithoutToken()));
        client.sendText("hello");
        QVERIFY(client.waitForClose());
        QCOMPARE(client.closeCode(), 4401);

        WsClient other;
        QVERIFY(other.open(m_server->wsUrlWithoutToken()));
        other.sendText(QStringLiteral("{\"token\":\"%1\"}").arg(m_server->tokenFor("mallory")));
        QVERIFY(other.waitForClose());
        QCOMPARE(other.closeCode(), 4401);
    }

    void framesAfterLoginGetACloseCode_data() {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<int>("code");
        QTest::newRow("not JSON") << "}{" << 1007;
        QTest::newRow("unknown command") << "{\"cmd\":\"rm -rf\"}" << 4400;
    }

    void framesAfterLoginGetACloseCode() {
        QFETCH(QString, frame);
        QFETCH(int, code);
        WsClient client;
        QVERIFY(client.open(m_server->wsUrl(m_server->tokenFor("alice"))));
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), 1);
        client.sendText(frame);
        QVERIFY(client.waitForClose());
        QCOMPARE(client.closeCode(), code);
        QTRY_COMPARE(m_server->server().registry().connectionCount(), 0);
    }

    void oversizedFrameIsRefused() {
        WsClient client;
        QVERIFY(client.open(m_server->wsUrl(m_server->tokenFor("alice"))));
        client.sendText(QString(70 * 1024, QLatin1Char('x')));
        QVERIFY(client.waitForClose());
        QCOMPARE(client.closeCode(), 1009);
    }

    void deadPeersAreDroppedLiveOnesKept() {
        ServerConfig config = TestServer::defaults();
        config.pingIntervalMs = 300;
        config.pongTimeoutMs = 400;
        TestServer server(config);
        QVERIFY(server.start());
        server.addOrg("org");
        server.addUser("alice", "org", "user");

        // A live browser answers pings by itself.
        WsClient live;
        QVERIFY(live.open(server.wsUrl(server.tokenFor("alice"))));
        // A dead one: it completes the handshake over a raw socket and then never reads again.
        QTcpSocket dead;
        dead.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(dead.waitForConnected(3000));
        dead.write(QStringLiteral("GET /ws?token=%1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                  "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                  "Sec-WebSocket-Version: 13\r\n\r\n")
                       .arg(server.tokenFor("alice"))
                       .toLatin1());
        QTRY_COMPARE(server.server().registry().connectionCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(dead.state() == QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(server.server().registry().connectionCount(), 1);
        QVERIFY(live.isOpen());
    }

    void upgradeOnlyOnWsPath() {
        WsClient client;
        QUrl url = m_server->wsUrl(m_server->tokenFor("alice"));
        url.setPath("/elsewhere");
        QVERIFY(!client.open(url, 3000));
        QCOMPARE(m_server->server().registry().connectionCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
