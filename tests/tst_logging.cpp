// The real program's log output: quiet by default, one line per event with the user id and
// message id under --verbose or QT_LOGGING_RULES, a time-level-category pattern, and never
// a secret, an API key or a browser token.
#include "support/ApiClient.h"
#include "support/ServerProcess.h"
#include "support/WsClient.h"

#include "net/TokenVerifier.h"
#include "protocol/MessageCatalogue.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {
const QByteArray jwtSecret = "log-test-jwt-secret-5f1c9a7e";
const QByteArray apiKey = "log-test-api-key-8d2b6e40";
} // namespace

class TestLogging : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    struct Session {
        QByteArray out;
        QByteArray err;
        QString token;
        QString messageId;
        bool ok = false;
    };

    // Starts the program, logs alice in with a token, publishes her a message through the
    // API, reads the stats, and stops it with SIGTERM.
    Session runSession(const QStringList &extraArgs, const QProcessEnvironment &env) {
        Session session;
        const QString db =
            m_dir.filePath(QStringLiteral("db-%1.db").arg(QRandomGenerator::global()->generate()));
        QStringList args{"--config", m_config, "--port", "0", "--database", db};
        ServerProcess server(args + extraArgs, env);
        if (!server.start())
            return session;
        ApiClient api(server.url(), apiKey);
        const bool setUp =
            api.put("/api/v1/orgs/org", {{"name", "Org"}}).status == 200 &&
            api.put("/api/v1/users/alice", {{"name", "Alice"}, {"orgId", "org"}, {"role", "user"}}).status ==
                200;
        SystemClock clock;
        session.token = TokenVerifier(jwtSecret, clock).issue(QStringLiteral("alice"), 600);
        QUrl ws = server.url();
        ws.setScheme(QStringLiteral("ws"));
        ws.setPath(QStringLiteral("/ws"));
        ws.setQuery(QStringLiteral("token=") + session.token);
        WsClient alice;
        const bool opened = alice.open(ws);
        QTest::qWait(200); // the login completes on the server
        const ApiResult published =
            api.post("/api/v1/messages", {{"userId", QJsonArray{"alice"}},
                                          {"type", MessageCatalogue::name(MessageType::WebsiteApplyPassed)},
                                          {"msg", "site-a"}});
        session.messageId = published.json().value("id").toString();
        const bool got = alice.waitForFrames(1);
        const bool stats = api.get("/api/v1/stats").status == 200;
        alice.close();
        alice.waitForClose(3000);
        const bool stopped = server.stop();
        session.out = server.stdOut();
        session.err = server.stdErr();
        session.ok = setUp && opened && published.status == 201 && got && stats && stopped;
        if (!session.ok)
            qWarning().noquote() << "session failed:" << setUp << opened << published.text() << got << stats
                                 << stopped << session.out << session.err;
        return session;
    }

    static QList<QByteArray> linesWith(const QByteArray &text, const QList<QByteArray> &parts) {
        QList<QByteArray> found;
        for (const QByteArray &line : text.split('\n')) {
            bool all = true;
            for (const QByteArray &part : parts)
                all = all && line.contains(part);
            if (all)
                found.append(line);
        }
        return found;
    }

    static void verifyNoSecrets(const Session &session) {
        const QByteArray all = session.out + session.err;
        QVERIFY2(!all.contains(jwtSecret), "the JWT secret was logged");
        QVERIFY2(!all.contains(apiKey), "the API key was logged");
        QVERIFY2(!all.contains(session.token.toUtf8()), "a browser token was logged");
        // Not even the token's signature on its own.
        QVERIFY2(!all.contains(session.token.section(QLatin1Char('.'), 2).toUtf8()),
                 "a token part was logged");
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("gistack.conf"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("jwt-secret=" + jwtSecret + "\napi-key=" + apiKey + "\n");
    }

    void verboseLogsEachEventWithUserAndMessageIdButNoSecret() {
        const Session session = runSession({"--verbose"}, ServerProcess::cleanEnvironment());
        QVERIFY(session.ok);
        const QByteArray id = session.messageId.toUtf8();
        QVERIFY(!id.isEmpty());
        // One line for the delivery, naming the message and the user.
        QCOMPARE(linesWith(session.err, {"gistack.service", id, "alice", "delivered"}).size(), 1);
        QVERIFY2(!linesWith(session.err, {"gistack.ws", "alice", "authenticated"}).isEmpty(),
                 session.err.constData());
        QVERIFY2(!linesWith(session.err, {"gistack.ws", "alice", "disconnected"}).isEmpty(),
                 session.err.constData());
        QVERIFY2(!linesWith(session.err, {"gistack.api", "POST /api/v1/messages 201"}).isEmpty(),
                 session.err.constData());
        QVERIFY2(!linesWith(session.err, {"gistack.api", "GET /api/v1/stats 200"}).isEmpty(),
                 session.err.constData());
        QVERIFY2(!linesWith(session.err, {"gistack.db", "transaction"}).isEmpty(), session.err.constData());
        verifyNoSecrets(session);
    }

    void quietByDefault() {
        const Session session = runSession({}, ServerProcess::cleanEnvironment());
        QVERIFY(session.ok);
        verifyNoSecrets(session);
        // Only the start-up line on stderr: no event of the session.
        const QList<QByteArray> lines = session.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains("gistack.server: listening on http://127.0.0.1:"),
                 session.err.constData());
        QVERIFY(!session.err.contains("alice"));
        QVERIFY(!session.err.contains(session.messageId.toUtf8()));
        QVERIFY2(session.out.startsWith("GIStack Notify listening on http://127.0.0.1:"),
                 session.out.constData());
    }

    void loggingRulesOpenOneCategory() {
        QProcessEnvironment env = ServerProcess::cleanEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("gistack.service.info=true"));
        const Session session = runSession({}, env);
        QVERIFY(session.ok);
        // Queued in the outbox, then handed to alice's socket: one line each.
        QCOMPARE(linesWith(session.err, {"gistack.service", session.messageId.toUtf8(), "delivered to user alice"})
                     .size(),
                 1);
        QVERIFY2(!session.err.contains("gistack.ws"), session.err.constData());
        QVERIFY2(!session.err.contains("gistack.api"), session.err.constData());
        verifyNoSecrets(session);
    }

    void patternHasTimeLevelAndCategoryUnlessSet() {
        ServerProcess server({"--config", m_config, "--port", "0", "--database", ":memory:"});
        QVERIFY(server.start());
        // SIGTERM right after the port is announced still ends in a clean exit.
        QVERIFY(server.stop());
        static const QRegularExpression stamped(QStringLiteral(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} info gistack\\.server: listening on "));
        QVERIFY2(stamped.match(QString::fromUtf8(server.stdErr())).hasMatch(), server.stdErr().constData());

        QProcessEnvironment env = ServerProcess::cleanEnvironment();
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("MINE [%{category}] %{message}"));
        ServerProcess custom({"--config", m_config, "--port", "0", "--database", ":memory:"}, env);
        QVERIFY(custom.start());
        QVERIFY(custom.stop());
        QVERIFY2(custom.stdErr().startsWith("MINE [gistack.server] listening on"),
                 custom.stdErr().constData());
    }
};

QTEST_MAIN(TestLogging)
#include "tst_logging.moc"
