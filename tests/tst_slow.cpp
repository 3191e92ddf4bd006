// Slow consumers: a socket whose unsent bytes pass the limit is closed with 4008 "slow", the
// messages it did not get stay queued for its next login (once each), and other clients keep
// getting theirs. The slow peer is a real TCP socket that stops reading.
#include "net/ConnectionRegistry.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QJsonArray>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace gistack;
using namespace gistack::test;

namespace {

// A browser tab that stopped reading: it completes the WebSocket handshake, then its tiny
// receive window fills and stays full until resume().
class StalledPeer {
public:
    StalledPeer(quint16 port, const QString &token) {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(3000))
            return;
        // Small enough to fill soon, large enough to read quickly again after resume().
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
        m_socket.write("GET /ws?token=" + QUrl::toPercentEncoding(token) +
                       " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QDeadlineTimer deadline(5000);
        while (!m_stream.contains("\r\n\r\n") && !deadline.hasExpired()) {
            QTest::qWait(5);
            m_stream += m_socket.readAll();
        }
        m_upgraded = m_stream.startsWith("HTTP/1.1 101");
        m_stream.remove(0, m_stream.indexOf("\r\n\r\n") + 4);
        m_socket.setReadBufferSize(4096); // Qt stops reading from the kernel too
    }

    bool upgraded() const { return m_upgraded; }

    // Reads everything that is left, until the server closes the connection.
    void resume(int timeoutMs = 10000) {
        m_socket.setReadBufferSize(0);
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            QTest::qWait(5);
            m_stream += m_socket.readAll();
        }
        m_stream += m_socket.readAll();
    }

    void abort() { m_socket.abort(); }

    // The server's frames (unmasked): opcode and payload of each complete one.
    QList<QPair<int, QByteArray>> frames() const {
        QList<QPair<int, QByteArray>> result;
        qsizetype at = 0;
        while (m_stream.size() - at >= 2) {
            const int opcode = uchar(m_stream[at]) & 0x0f;
            qint64 length = uchar(m_stream[at + 1]) & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (m_stream.size() - at < 4)
                    break;
                length = qFromBigEndian<quint16>(m_stream.constData() + at + 2);
                header = 4;
            } else if (length == 127) {
                if (m_stream.size() - at < 10)
                    break;
                length = qint64(qFromBigEndian<quint64>(m_stream.constData() + at + 2));
                header = 10;
            }
            if (m_stream.size() - at - header < length)
                break;
            result.append({opcode, m_stream.mid(at + header, length)});
            at += header + length;
        }
        return result;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_stream;
    bool m_upgraded = false;
};

QStringList idsOf(const QList<QJsonObject> &frames) {
    QStringList ids;
    for (const QJsonObject &frame : frames)
        ids.append(frame.value("id").toString());
    return ids;
}

} // namespace

class TestSlow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    // 400 KB each: the kernel's buffers take a few MB before the server's own backlog grows.
    static constexpr int messageCount = 30;

    // Publishes a big result-shaped message to both users; returns its id.
    QString publishBig(int n) {
        const QString name = QStringLiteral("site-%1-").arg(n) + QString(400 * 1024, QLatin1Char('x'));
        const ApiResult result =
            m_server->api().post("/api/v1/messages", {{"userId", QJsonArray{"slow", "fast"}},
                                                      {"type", "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"},
                                                      {"msg", name}});
        if (result.status != 201)
            qWarning() << result.status << result.body.left(200);
        return result.json().value("id").toString();
    }

private slots:
    void init() {
        ServerConfig config = TestServer::defaults();
        config.pongTimeoutMs = 2000; // how long a dropped socket may linger before it is aborted
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_server->addOrg("org");
        m_server->addUser("slow", "org", "user");
        m_server->addUser("fast", "org", "user");
    }

    void cleanup() { m_server.reset(); }

    void slowSocketIsClosedWith4008AndOthersKeepUp() {
        WsClient fast;
        QVERIFY(fast.open(m_server->wsUrl(m_server->tokenFor("fast"))));
        StalledPeer slow(m_server->port(), m_server->tokenFor("slow"));
        QVERIFY(slow.upgraded());
        QTRY_VERIFY(m_server->server().registry().isOnline("slow"));
        QTRY_VERIFY(m_server->server().registry().isOnline("fast"));

        int n = 0;
        for (; n < messageCount && m_server->server().registry().isOnline("slow"); ++n) {
            QVERIFY(!publishBig(n).isEmpty());
            QVERIFY2(fast.waitForFrames(n + 1, 20000), "the fast client must get every message");
        }
        QVERIFY2(!m_server->server().registry().isOnline("slow"), "the slow socket should have been dropped");
        QVERIFY2(n > 1, "one message is no reason to drop a socket");

        // Reading again (within the server's grace) shows what the server said last.
        slow.resume();
        const auto frames = slow.frames();
        QVERIFY(!frames.isEmpty());
        QCOMPARE(frames.last().first, 8); // close
        const QByteArray payload = frames.last().second;
        QCOMPARE(qFromBigEndian<quint16>(payload.constData()), quint16(4008));
        QCOMPARE(payload.mid(2), QByteArray("slow"));
        QVERIFY(fast.isOpen());
    }

    void undeliveredMessagesWaitForTheNextLoginOnce() {
        WsClient fast;
        QVERIFY(fast.open(m_server->wsUrl(m_server->tokenFor("fast"))));
        StalledPeer slow(m_server->port(), m_server->tokenFor("slow"));
        QVERIFY(slow.upgraded());
        QTRY_VERIFY(m_server->server().registry().isOnline("slow"));

        QStringList published;
        for (int n = 0; n < messageCount; ++n) {
            published.append(publishBig(n));
            QVERIFY(!published.last().isEmpty());
            QVERIFY(fast.waitForFrames(n + 1, 20000));
        }
        QCOMPARE(idsOf(fast.frames()), published);
        // The stalled peer never reads again; the server gives up on it after its grace.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->server().registry().connectionCount() == 1, 10000);
        slow.abort();

        // Every message is waiting for the slow user, and its next login gets each once, in order.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const ApiResult history = m_server->api().get("/api/v1/messages?userId=slow&limit=100");
                const QJsonArray messages = history.json().value("messages").toArray();
                return messages.size() == messageCount &&
                       std::all_of(messages.begin(), messages.end(), [](const QJsonValue &m) {
                           return m.toObject().value("delivery").toString() == QLatin1String("queued");
                       });
            }(),
            5000);
        WsClient again;
        QVERIFY(again.open(m_server->wsUrl(m_server->tokenFor("slow"))));
        QVERIFY(again.waitForFrames(messageCount, 20000));
        again.settle(500);
        QCOMPARE(idsOf(again.frames()), published);

        WsClient third;
        QVERIFY(third.open(m_server->wsUrl(m_server->tokenFor("slow"))));
        third.settle(500);
        QCOMPARE(third.rawFrames().size(), 0);
    }

    void aHealthyTabOfTheSameUserKeepsTheMessagesDelivered() {
        // The slow tab's messages also reached the user's healthy tab: nothing is queued again.
        WsClient healthy;
        QVERIFY(healthy.open(m_server->wsUrl(m_server->tokenFor("slow"))));
        QTRY_VERIFY(m_server->server().registry().isOnline("slow"));
        StalledPeer stalled(m_server->port(), m_server->tokenFor("slow"));
        QVERIFY(stalled.upgraded());
        QTRY_COMPARE(m_server->server().registry().connectionsOf("slow").size(), 2);
        for (int n = 0; n < messageCount; ++n) {
            QVERIFY(!publishBig(n).isEmpty());
            QVERIFY(healthy.waitForFrames(n + 1, 20000));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server().registry().connectionCount(), 1,
                                  10000); // the stalled one went
        stalled.abort();
        QVERIFY(healthy.isOpen());
        WsClient later;
        QVERIFY(later.open(m_server->wsUrl(m_server->tokenFor("slow"))));
        later.settle(800);
        QCOMPARE(later.rawFrames().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSlow)
#include "tst_slow.moc"
