// GET /metrics as Prometheus scrapes it: a plain socket, the text format, and counters that
// move when browsers connect, the backend calls the API and messages go out or wait.
#include "support/TestServer.h"
#include "support/WsClient.h"

#include "protocol/MessageCatalogue.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {

struct Scrape {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QHash<QString, double> samples; // "name{labels}" -> value

    double value(const QString &series) const { return samples.value(series, -1); }
};

QString typeLabel(const char *family, MessageType type) {
    return QStringLiteral("%1{type=\"%2\"}").arg(QLatin1String(family), MessageCatalogue::name(type));
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    // A bare HTTP/1.1 request over a QTcpSocket, the way a scraper sends it.
    Scrape scrape(const QByteArray &authorization = {}) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        Scrape result;
        if (!socket.waitForConnected(5000))
            return result;
        QByteArray request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/plain\r\n";
        if (!authorization.isEmpty())
            request += "Authorization: " + authorization + "\r\n";
        socket.write(request + "\r\n");
        QByteArray raw;
        QElapsedTimer timer;
        timer.start();
        int headerEnd = -1;
        qsizetype length = -1;
        // The server runs on this thread: wait with the event loop turning, until the whole
        // body announced by Content-Length is in.
        while (timer.elapsed() < 10000 && (length < 0 || raw.size() < headerEnd + 4 + length)) {
            QTest::qWait(2);
            raw += socket.readAll();
            if (headerEnd < 0 && (headerEnd = int(raw.indexOf("\r\n\r\n"))) >= 0) {
                const QList<QByteArray> headerLines = raw.left(headerEnd).split('\n');
                result.status = headerLines.first().split(' ').value(1).toInt();
                for (const QByteArray &line : headerLines) {
                    const QByteArray lower = line.toLower();
                    if (lower.startsWith("content-type:"))
                        result.contentType = line.mid(13).trimmed();
                    else if (lower.startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
            }
        }
        if (length < 0)
            return Scrape{};
        result.body = raw.mid(headerEnd + 4, length);
        for (const QByteArray &line : result.body.split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const int space = int(line.lastIndexOf(' '));
            result.samples.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
        }
        return result;
    }

    std::unique_ptr<WsClient> login(const QString &userId) {
        auto client = std::make_unique<WsClient>();
        if (!client->open(m_server->wsUrl(m_server->tokenFor(userId))))
            return nullptr;
        return client;
    }

private slots:
    void init() {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_server->addOrg("org");
        m_server->addUser("alice", "org", "user");
        m_server->addUser("bob", "org", "user");
        m_server->addUser("admin", "org", "orgadmin");
    }

    void cleanup() { m_server.reset(); }

    void isPrometheusTextWithoutAKey() {
        const Scrape result = scrape();
        QCOMPARE(result.status, 200);
        QVERIFY2(result.contentType.startsWith("text/plain; version=0.0.4"), result.contentType.constData());

        static const QRegularExpression help(QStringLiteral("^# HELP ([a-z_:][a-z0-9_:]*) \\S.*$"));
        static const QRegularExpression type(
            QStringLiteral("^# TYPE ([a-z_:][a-z0-9_:]*) (counter|gauge|histogram)$"));
        static const QRegularExpression sample(
            QStringLiteral("^([a-z_:][a-z0-9_:]*)(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? "
                           "-?[0-9.e+]+$"));
        QHash<QString, QString> types;
        QSet<QString> helped;
        for (const QByteArray &rawLine : result.body.split('\n')) {
            const QString line = QString::fromUtf8(rawLine);
            if (line.isEmpty())
                continue;
            if (const auto m = help.match(line); m.hasMatch()) {
                helped.insert(m.captured(1));
            } else if (const auto t = type.match(line); t.hasMatch()) {
                QVERIFY2(helped.contains(t.captured(1)), qPrintable("TYPE before HELP: " + line));
                types.insert(t.captured(1), t.captured(2));
            } else {
                const auto s = sample.match(line);
                QVERIFY2(s.hasMatch(), qPrintable("not a sample: " + line));
                QString family = s.captured(1);
                if (!types.contains(family))
                    family.remove(QRegularExpression(QStringLiteral("_(bucket|sum|count)$")));
                QVERIFY2(types.contains(family), qPrintable("sample without TYPE: " + line));
            }
        }
        // Prometheus naming: counters end in _total, durations are in seconds.
        for (auto it = types.cbegin(); it != types.cend(); ++it) {
            if (it.value() == QLatin1String("counter"))
                QVERIFY2(it.key().endsWith(QLatin1String("_total")), qPrintable(it.key()));
        }
        for (const char *family : {"gistack_connections_open", "gistack_online_users", "gistack_logins_total",
                                   "gistack_messages_sent_total", "gistack_messages_queued_total",
                                   "gistack_api_requests_total", "gistack_db_transaction_seconds",
                                   "gistack_event_loop_lag_seconds", "process_start_time_seconds"})
            QVERIFY2(types.contains(QLatin1String(family)), family);
        QCOMPARE(types.value("gistack_db_transaction_seconds"), QString("histogram"));

        // Every message type has its series from the start, at zero.
        for (const MessageTypeInfo &info : MessageCatalogue::all())
            QCOMPARE(result.value(typeLabel("gistack_messages_sent_total", info.type)), 0.0);
        const double started = result.value("process_start_time_seconds");
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
        QVERIFY2(started > now - 3600 && started <= now, qPrintable(QString::number(started, 'f')));
    }

    void countersMoveWithTraffic() {
        const Scrape before = scrape();
        QCOMPARE(before.value("gistack_connections_open"), 0.0);
        QCOMPARE(before.value("gistack_logins_total"), 0.0);

        auto admin = login("admin");
        QVERIFY(admin);
        QTRY_COMPARE(scrape().value("gistack_online_users"), 1.0);

        // A request reaches the online admin: one count message sent.
        const ApiResult submitted = m_server->api().post(
            "/api/v1/requests",
            {{"userId", "alice"}, {"kind", "website"}, {"action", "apply"}, {"resourceName", "site-a"}});
        QCOMPARE(submitted.status, 201);
        QVERIFY(admin->waitForFrames(1));
        // A result for bob, who is offline: queued.
        const ApiResult published = m_server->api().post(
            "/api/v1/messages", {{"userId", QJsonArray{"bob"}},
                                 {"type", MessageCatalogue::name(MessageType::WebsiteApplyPassed)},
                                 {"msg", "site-a"}});
        QCOMPARE(published.status, 201);
        QCOMPARE(m_server->api().send("GET", "/api/v1/stats", {}, "not-the-key-0123456789").status, 401);

        Scrape after = scrape();
        QCOMPARE(after.value("gistack_connections_open"), 1.0);
        QCOMPARE(after.value("gistack_online_users"), 1.0);
        QCOMPARE(after.value("gistack_logins_total"), 1.0);
        QCOMPARE(after.value(typeLabel("gistack_messages_sent_total", MessageType::WebsiteApplyRequest)),
                 1.0);
        QCOMPARE(after.value(typeLabel("gistack_messages_queued_total", MessageType::WebsiteApplyPassed)),
                 1.0);
        QCOMPARE(after.value(typeLabel("gistack_messages_sent_total", MessageType::WebsiteApplyPassed)), 0.0);
        // The request and the message answered 201 (init's PUTs answered 200); the wrong key 401.
        QCOMPARE(after.value("gistack_api_requests_total{code=\"201\"}") -
                     std::max(0.0, before.value("gistack_api_requests_total{code=\"201\"}")),
                 2.0);
        QCOMPARE(after.value("gistack_api_requests_total{code=\"401\"}"), 1.0);
        QVERIFY(after.value("gistack_db_jobs_total") > before.value("gistack_db_jobs_total"));
        QVERIFY(after.value("gistack_db_transaction_seconds_count") >
                before.value("gistack_db_transaction_seconds_count"));
        QVERIFY(after.value("gistack_db_transaction_seconds_sum") > 0);
        QCOMPARE(after.value("gistack_db_transaction_seconds_bucket{le=\"+Inf\"}"),
                 after.value("gistack_db_transaction_seconds_count"));

        // bob logs in and gets the queued result: now it counts as sent.
        auto bob = login("bob");
        QVERIFY(bob);
        QVERIFY(bob->waitForFrames(1));
        after = scrape();
        QCOMPARE(after.value("gistack_logins_total"), 2.0);
        QCOMPARE(after.value("gistack_online_users"), 2.0);
        QCOMPARE(after.value(typeLabel("gistack_messages_sent_total", MessageType::WebsiteApplyPassed)), 1.0);

        admin->close();
        bob->close();
        QTRY_COMPARE(scrape().value("gistack_connections_open"), 0.0);
        QCOMPARE(scrape().value("gistack_online_users"), 0.0);
        QCOMPARE(scrape().value("gistack_logins_total"), 2.0);
    }

    void eventLoopLagIsSampled() {
        // The probe ticks four times a second whatever the traffic.
        QTRY_VERIFY_WITH_TIMEOUT(scrape().value("gistack_event_loop_lag_seconds_count") >= 2, 5000);
        const Scrape result = scrape();
        QVERIFY(result.value("gistack_event_loop_lag_seconds_sum") >= 0);
        QCOMPARE(result.value("gistack_event_loop_lag_seconds_bucket{le=\"+Inf\"}"),
                 result.value("gistack_event_loop_lag_seconds_count"));
    }

    void metricsKeyWhenConfigured() {
        ServerConfig config = TestServer::defaults();
        config.metricsKey = "metrics-key-0123456789";
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        QCOMPARE(scrape().status, 401);
        QCOMPARE(scrape("Bearer " + QByteArray(TestServer::apiKey)).status, 401);
        const Scrape result = scrape("Bearer metrics-key-0123456789");
        QCOMPARE(result.status, 200);
        QVERIFY(result.samples.contains("gistack_logins_total"));
        // The API key stays the API's: /metrics does not open /api.
        QCOMPARE(m_server->api().send("GET", "/api/v1/stats", {}, "metrics-key-0123456789").status, 401);
    }
};

QTEST_MAIN(TestMetrics)
#include "tst_metrics.moc"
