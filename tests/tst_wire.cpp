// WebSocket framing byte for byte, as a browser's bytes arrive on the wire: the upgrades the
// server answers itself (plain text, whole head in one packet) and the ones it leaves to
// QtHttpServer (a head in pieces) must behave the same.
#include "net/ConnectionRegistry.h"
#include "service/NotificationService.h"
#include "support/TestServer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace gistack;
using namespace gistack::test;

namespace {

// A WebSocket client on a bare TCP socket: frames are built and read here, so the test
// can send what no well-behaved client library would.
class RawWs {
public:
    explicit RawWs(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    QByteArray upgradeHead(const QByteArray &target) const {
        return "GET " + target +
               " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
               "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Version: 13\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    }

    // Sends the head in one write (or split at splitAt with a pause), returns the answer head.
    QByteArray upgrade(const QByteArray &target, int splitAt = -1, const QByteArray &behind = {}) {
        if (!m_socket.waitForConnected(5000))
            return {};
        const QByteArray head = upgradeHead(target);
        if (splitAt > 0) {
            m_socket.write(head.left(splitAt));
            m_socket.flush();
            QTest::qWait(400);
            m_socket.write(head.mid(splitAt) + behind);
        } else {
            m_socket.write(head + behind);
        }
        QElapsedTimer timer;
        timer.start();
        while (!m_buffer.contains("\r\n\r\n") && timer.elapsed() < 5000) {
            QTest::qWait(1); // the server under test runs on this thread too
            m_buffer.append(m_socket.readAll());
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n") + 4;
        const QByteArray answer = m_buffer.left(end);
        m_buffer.remove(0, end);
        return answer;
    }

    static QByteArray frame(quint8 firstByte, const QByteArray &payload, bool masked = true) {
        QByteArray out(1, char(firstByte));
        const char maskBit = masked ? char(0x80) : char(0);
        if (payload.size() < 126) {
            out += char(maskBit | char(payload.size()));
        } else if (payload.size() <= 0xFFFF) {
            out += char(maskBit | 126);
            char length[2];
            qToBigEndian<quint16>(quint16(payload.size()), length);
            out.append(length, 2);
        } else {
            out += char(maskBit | 127);
            char length[8];
            qToBigEndian<quint64>(quint64(payload.size()), length);
            out.append(length, 8);
        }
        if (!masked)
            return out + payload;
        const char mask[4] = {0x12, 0x34, 0x56, 0x78};
        out.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            out += char(payload.at(i) ^ mask[i % 4]);
        return out;
    }

    void send(const QByteArray &bytes) {
        m_socket.write(bytes);
        m_socket.flush();
    }

    struct Frame {
        int opcode = -1;
        QByteArray payload;
        int closeCode() const {
            return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 0;
        }
    };

    // The next whole frame from the server, or opcode -1 after timeoutMs.
    Frame next(int timeoutMs = 5000) {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            if (m_buffer.size() >= 2) {
                const auto b1 = quint8(m_buffer.at(1));
                qsizetype header = 2;
                quint64 length = b1 & 0x7F;
                if (length == 126 && m_buffer.size() >= 4) {
                    length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
                    header = 4;
                } else if (length == 127 && m_buffer.size() >= 10) {
                    length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
                    header = 10;
                }
                if ((b1 & 0x80) == 0 && (length < 126 || header > 2) &&
                    quint64(m_buffer.size()) >= header + length) {
                    Frame frame{quint8(m_buffer.at(0)) & 0x0F, m_buffer.mid(header, qsizetype(length))};
                    m_buffer.remove(0, header + qsizetype(length));
                    if (frame.opcode == 0x9) // the server's keep-alive: answered, not returned
                        send(RawWs::frame(0x8A, frame.payload));
                    else
                        return frame;
                    continue;
                }
            }
            if (timer.elapsed() > timeoutMs)
                return {};
            if (m_socket.bytesAvailable() > 0)
                m_buffer.append(m_socket.readAll());
            else if (m_socket.state() != QAbstractSocket::ConnectedState)
                return {};
            QTest::qWait(1);
        }
    }

    bool waitForDisconnect(int timeoutMs = 5000) {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
            QTest::qWait(1);
            m_buffer.append(m_socket.readAll());
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace

class WireTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    QByteArray target(const QString &user) const {
        return "/ws?token=" + QUrl::toPercentEncoding(m_server->tokenFor(user));
    }
    QByteArray tokenFrame(const QString &user) const {
        return QJsonDocument(QJsonObject{{"token", m_server->tokenFor(user)}}).toJson(QJsonDocument::Compact);
    }
    // A message published to user, as its frame should read.
    QString publishTo(const QString &user) {
        const ApiResult result = m_server->api().post(
            "/api/v1/messages", QJsonObject{{"type", "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"},
                                            {"userId", QJsonArray{user}},
                                            {"msg", "site-1"}});
        return result.json().value("id").toString();
    }
    static QString idOf(const QByteArray &frame) {
        return QJsonDocument::fromJson(frame).object().value("id").toString();
    }

    // A fresh server without the per-address rate limit (the whole crowd comes from 127.0.0.1)
    // and n users online, one raw socket each; every splitEvery-th head comes in two pieces.
    void connectCrowd(int n, int splitEvery, QStringList *users,
                      std::vector<std::unique_ptr<RawWs>> *sockets) {
        ServerConfig config = TestServer::defaults();
        config.connectionRate = 0;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_server->addOrg("org1");
        for (int i = 0; i < n; ++i) {
            const QString user = QStringLiteral("crowd-%1").arg(i);
            m_server->addUser(user, "org1", "user");
            users->append(user);
            sockets->push_back(std::make_unique<RawWs>(m_server->port()));
            const bool split = splitEvery > 0 && i % splitEvery == 0;
            QVERIFY(sockets->back()->upgrade(target(user), split ? 20 : -1).startsWith("HTTP/1.1 101"));
        }
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), n);
    }

private slots:
    void init() {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_server->addOrg("org1");
        m_server->addUser("alice", "org1", "user");
    }
    void cleanup() { m_server.reset(); }

    void upgradeIsAnsweredWithTheRfcAcceptKey_data() {
        QTest::addColumn<int>("splitAt");
        QTest::newRow("head in one packet (answered by the server)") << -1;
        QTest::newRow("head in two packets (answered by QtHttpServer)") << 20;
    }
    void upgradeIsAnsweredWithTheRfcAcceptKey() {
        QFETCH(int, splitAt);
        RawWs ws(m_server->port());
        const QByteArray answer = ws.upgrade(target("alice"), splitAt);
        QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
        // RFC 6455 1.3's own example key and answer.
        QVERIFY2(answer.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"),
                 answer.constData());
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), 1);
        const QString id = publishTo("alice");
        const RawWs::Frame frame = ws.next();
        QCOMPARE(frame.opcode, 1);
        QCOMPARE(idOf(frame.payload), id);
    }

    // With the token in the request line the answer waits for the login: the queued message
    // arrives in the same read as the 101, and is delivered once.
    void theLoginFrameComesWithTheAnswer() {
        m_server->addUser("bob", "org1", "user");
        const QString queued = publishTo("bob");
        QVERIFY(!queued.isEmpty());
        RawWs ws(m_server->port());
        const QByteArray answer = ws.upgrade(target("bob"));
        QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
        const RawWs::Frame first = ws.next(0);
        QCOMPARE(first.opcode, 1);
        QCOMPARE(idOf(first.payload), queued);
        QCOMPARE(ws.next(300).opcode, -1);
    }

    // A bad token in the request line: the held answer goes out with the close frame.
    void aBadTokenInTheRequestGetsTheAnswerThenItsClose() {
        RawWs ws(m_server->port());
        QVERIFY(ws.upgrade("/ws?token=not-a-token").startsWith("HTTP/1.1 101"));
        const RawWs::Frame close = ws.next();
        QCOMPARE(close.opcode, 8);
        QCOMPARE(close.closeCode(), 4401);
    }

    void aTokenFrameRightBehindTheHeadIsRead() {
        RawWs ws(m_server->port());
        const QByteArray answer = ws.upgrade("/ws", -1, RawWs::frame(0x81, tokenFrame("alice")));
        QVERIFY(answer.startsWith("HTTP/1.1 101"));
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), 1);
    }

    void aFragmentedTokenFrameIsJoined() {
        RawWs ws(m_server->port());
        QVERIFY(ws.upgrade("/ws").startsWith("HTTP/1.1 101"));
        const QByteArray token = tokenFrame("alice");
        // Text in three fragments, a ping between two of them, sent a byte at a time.
        const QByteArray bytes = RawWs::frame(0x01, token.left(10)) + RawWs::frame(0x89, "between") +
                                 RawWs::frame(0x00, token.mid(10, 20)) + RawWs::frame(0x80, token.mid(30));
        for (char byte : bytes)
            ws.send(QByteArray(1, byte));
        const RawWs::Frame pong = ws.next();
        QCOMPARE(pong.opcode, 0xA);
        QCOMPARE(pong.payload, QByteArray("between"));
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), 1);
    }

    void badFramesCloseWithTheirCode_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << RawWs::frame(0x81, "{}", false) << 1002;
        QTest::newRow("reserved bit") << RawWs::frame(0xC1, "{}") << 1002;
        QTest::newRow("unknown opcode") << RawWs::frame(0x83, "{}") << 1002;
        QTest::newRow("continuation first") << RawWs::frame(0x80, "{}") << 1002;
        QTest::newRow("fragmented ping") << RawWs::frame(0x09, "x") << 1002;
        QTest::newRow("invalid UTF-8") << RawWs::frame(0x81, "{\"token\":\"\xC3\x28\"}") << 1007;
        QTest::newRow("binary") << RawWs::frame(0x82, "\x01\x02") << 1003;
        // A 64-bit length with its top bit set, behind a fragment: no sum may wrap around.
        QTest::newRow("length out of range")
            << RawWs::frame(0x01, "{}") +
                   QByteArray("\x80\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01\x02\x03\x04", 14)
            << 1002;
        QTest::newRow("length that wraps with the fragment before")
            << RawWs::frame(0x01, "{}") +
                   QByteArray("\x80\xFF\x7F\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01\x02\x03\x04", 14)
            << 1009;
        QTest::newRow("not JSON, before a token") << RawWs::frame(0x81, "}{") << 4401;
    }
    void badFramesCloseWithTheirCode() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        RawWs ws(m_server->port());
        QVERIFY(ws.upgrade("/ws").startsWith("HTTP/1.1 101"));
        ws.send(bytes);
        const RawWs::Frame close = ws.next();
        QCOMPARE(close.opcode, 8);
        QCOMPARE(close.closeCode(), code);
        ws.send(RawWs::frame(0x88, close.payload.left(2)));
        QVERIFY(ws.waitForDisconnect());
        QTRY_COMPARE(m_server->server().registry().connectionCount(), 0);
    }

    void anOversizedFrameIsRefusedFromItsHeader() {
        RawWs ws(m_server->port());
        QVERIFY(ws.upgrade("/ws").startsWith("HTTP/1.1 101"));
        // Only the header of a 100 MiB frame: the answer must not wait for the payload.
        QByteArray header("\x81\xFF", 2);
        char length[8];
        qToBigEndian<quint64>(100ull * 1024 * 1024, length);
        header.append(length, 8);
        header.append("\x01\x02\x03\x04", 4);
        ws.send(header);
        const RawWs::Frame close = ws.next();
        QCOMPARE(close.opcode, 8);
        QCOMPARE(close.closeCode(), 1009);
    }

    void aClientCloseIsAnsweredAndTheConnectionEnds() {
        RawWs ws(m_server->port());
        QVERIFY(ws.upgrade(target("alice")).startsWith("HTTP/1.1 101"));
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), 1);
        QByteArray payload(2, '\0');
        qToBigEndian<quint16>(1000, payload.data());
        ws.send(RawWs::frame(0x88, payload + "bye"));
        const RawWs::Frame close = ws.next();
        QCOMPARE(close.opcode, 8);
        QCOMPARE(close.closeCode(), 1000);
        QVERIFY(ws.waitForDisconnect());
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), 0);
    }

    void aLargeFrameComesWholeBehindEarlierOnes() {
        RawWs ws(m_server->port());
        QVERIFY(ws.upgrade(target("alice")).startsWith("HTTP/1.1 101"));
        QTRY_COMPARE(m_server->server().registry().onlineUserCount(), 1);
        // Messages of 100 bytes and 70 KB: the 16-bit and 64-bit length forms, and a send queue.
        QStringList ids;
        const QString big(70000, QLatin1Char('x'));
        for (int i = 0; i < 10; ++i) {
            const ApiResult result = m_server->api().post(
                "/api/v1/messages",
                QJsonObject{{"type", "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"},
                            {"userId", QJsonArray{"alice"}},
                            {"msg", i % 2 ? QJsonValue(big) : QJsonValue(big.left(100))}});
            QVERIFY2(result.status == 201, qPrintable(result.text()));
            ids.append(result.json().value("id").toString());
        }
        for (const QString &id : std::as_const(ids)) {
            const RawWs::Frame frame = ws.next();
            QCOMPARE(frame.opcode, 1);
            QCOMPARE(idOf(frame.payload), id);
        }
    }

    void aLargeFanOutReachesBothKindsOfSocketOnce() {
        // Over 256 recipients the sends run on several threads; sockets framed by Qt are
        // served on the server's own thread. Every socket gets its frame exactly once.
        constexpr int users = 300;
        QStringList names;
        std::vector<std::unique_ptr<RawWs>> sockets;
        // Every 50th head comes in two pieces: QtHttpServer answers it, QWebSocket frames it.
        connectCrowd(users, 50, &names, &sockets);
        if (QTest::currentTestFailed())
            return;
        const QJsonArray userIds = QJsonArray::fromStringList(names);
        const ApiResult result = m_server->api().post(
            "/api/v1/messages", QJsonObject{{"type", "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"},
                                            {"userId", userIds},
                                            {"msg", "site-9"}});
        QCOMPARE(result.status, 201);
        const QString id = result.json().value("id").toString();
        for (int i = 0; i < users; ++i) {
            const RawWs::Frame frame = sockets[size_t(i)]->next();
            QCOMPARE(frame.opcode, 1);
            const QJsonObject envelope = QJsonDocument::fromJson(frame.payload).object();
            QCOMPARE(envelope.value("id").toString(), id);
            QCOMPARE(envelope.value("userId").toArray(), QJsonArray{userIds.at(i)});
        }
        for (int i = 0; i < users; i += 37)
            QCOMPARE(sockets[size_t(i)]->next(300).opcode, -1); // nothing twice
    }

    void messagesPublishedTogetherArriveTogetherInOrder() {
        // 1,100 users take two slices of a fan-out; ten messages published in one go are pushed
        // in one pass, each user's ten frames in one write, in publish order, each once.
        constexpr int users = 1100;
        constexpr int messages = 10;
        QStringList userIds;
        std::vector<std::unique_ptr<RawWs>> sockets;
        connectCrowd(users, 0, &userIds, &sockets);
        if (QTest::currentTestFailed())
            return;
        QStringList ids;
        int answered = 0;
        for (int m = 0; m < messages; ++m) {
            m_server->server().service().publish(
                MessageType::WebsiteApplyPassed, userIds, QStringLiteral("site-%1").arg(m),
                [&](const Outcome &outcome) {
                    QVERIFY(outcome.ok());
                    ids.append(outcome.body.toObject().value("id").toString());
                    ++answered;
                });
        }
        QTRY_COMPARE(answered, messages);
        for (int i = 0; i < users; i += 7) {
            for (int m = 0; m < messages; ++m) {
                const RawWs::Frame frame = sockets[size_t(i)]->next();
                QCOMPARE(frame.opcode, 1);
                const QJsonObject envelope = QJsonDocument::fromJson(frame.payload).object();
                QCOMPARE(envelope.value("id").toString(), ids.at(m));
                QCOMPARE(envelope.value("msg").toString(), QStringLiteral("site-%1").arg(m));
                QCOMPARE(envelope.value("userId").toArray(), QJsonArray{userIds.at(i)});
            }
        }
        QCOMPARE(sockets.back()->next(300).opcode, -1); // nothing twice
    }

    void httpRequestsAreHandedOnUnread_data() {
        QTest::addColumn<int>("silentMs");
        QTest::newRow("at once") << 0;
        QTest::newRow("after a silence") << 700;
    }
    void httpRequestsAreHandedOnUnread() {
        QFETCH(int, silentMs);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        QTest::qWait(silentMs);
        socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT(answer.append(socket.readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    }
};

QTEST_GUILESS_MAIN(WireTest)
#include "tst_wire.moc"
