// The gistack-server binary as an operator meets it: options, config file, environment,
// the token command, a demo server a browser can connect to, and a clean SIGTERM.

#include "net/TokenVerifier.h"
#include "time/Clock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

namespace gistack {

namespace {

const QString jwtSecret = QStringLiteral("cli-test-jwt-secret-0123456789");
const QString apiKey = QStringLiteral("cli-test-api-key-0123456789");

struct Result {
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
    QString text() const {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err);
    }
};

// A port nobody listens on right now.
quint16 freePort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString tokenUser(const QString &token, const QString &secret) {
    SystemClock clock;
    const TokenCheck check = TokenVerifier(secret.toUtf8(), clock).verify(token);
    return check.ok() ? check.userId : QString();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void version();
    void helpListsEveryOption();
    void tokenCommand();
    void tokenWithoutSecret();
    void badPort_data();
    void badPort();
    void badValues_data();
    void badValues();
    void secretsRequired_data();
    void secretsRequired();
    void secretOnCommandLineWarns();
    void configFileIsRead();
    void unreadableConfigFile();
    void secretPrecedence();
    void portPrecedence();
    void servesDemoAndStopsOnSigterm();

private:
    // The environment with no GISTACK_* setting leaking in from outside, plus extra.
    QProcessEnvironment environment(const QMap<QString, QString> &extra = {}) const;
    void configure(QProcess &process, const QStringList &args, const QMap<QString, QString> &env) const;
    Result run(const QStringList &args, const QMap<QString, QString> &env = {}, int timeoutMs = 10000) const;
    // Starts the server and waits for its URL; returns the port it listens on, 0 on failure.
    quint16 startServer(QProcess &process, const QStringList &args, const QMap<QString, QString> &env,
                        QString *output) const;
    static void stopServer(QProcess &process);

    QString m_bin;
    QTemporaryDir m_home; // a private HOME, so nothing lands in the real data folder
};

void TestCli::initTestCase() {
    // ctest names the binary; run by hand, the tests sit next to it in build/bin.
    m_bin = qEnvironmentVariable("GISTACK_SERVER_BIN",
                                 QCoreApplication::applicationDirPath() + QStringLiteral("/gistack-server"));
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin));
    QVERIFY(m_home.isValid());
}

QProcessEnvironment TestCli::environment(const QMap<QString, QString> &extra) const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("GISTACK_")))
            env.remove(key);
    }
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

void TestCli::configure(QProcess &process, const QStringList &args, const QMap<QString, QString> &env) const {
    process.setProgram(m_bin);
    process.setArguments(args);
    process.setProcessEnvironment(environment(env));
}

Result TestCli::run(const QStringList &args, const QMap<QString, QString> &env, int timeoutMs) const {
    QProcess process;
    configure(process, args, env);
    process.start();
    Result result;
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

quint16 TestCli::startServer(QProcess &process, const QStringList &args, const QMap<QString, QString> &env,
                             QString *output) const {
    configure(process, args, env);
    process.start();
    static const QRegularExpression url(
        QStringLiteral("(?:listening on|serving demo data at) http://[^:/]+:(\\d+)"));
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (timer.elapsed() < 10000) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
        const QRegularExpressionMatch match = url.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            *output = QString::fromUtf8(out);
            return quint16(match.captured(1).toUInt());
        }
        if (process.state() == QProcess::NotRunning)
            break;
    }
    *output = QString::fromUtf8(out) + QString::fromUtf8(process.readAllStandardError());
    return 0;
}

void TestCli::stopServer(QProcess &process) {
    // Only cleanup: the shutdown contract is checked in servesDemoAndStopsOnSigterm.
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
    }
}

void TestCli::version() {
    const Result result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("gistack-server 0.1.0"));
}

void TestCli::helpListsEveryOption() {
    const Result result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char *option :
         {"--port", "--bind", "--database", "--jwt-secret", "--api-key", "--threshold-days",
          "--daily-check-at", "--demo", "--config", "--verbose", "--help", "--version", "--ttl", "token"}) {
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
    }
}

void TestCli::tokenCommand() {
    const Result result =
        run({QStringLiteral("token"), QStringLiteral("alice"), QStringLiteral("--ttl"), QStringLiteral("60")},
            {{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret}});
    QVERIFY2(result.exitCode == 0, qPrintable(result.text()));
    const QString token = result.out.trimmed();
    // Only the token on stdout, so scripts can capture it.
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"))
                 .match(token)
                 .hasMatch(),
             qPrintable(token));
    QCOMPARE(tokenUser(token, jwtSecret), QStringLiteral("alice"));
    QVERIFY(tokenUser(token, QStringLiteral("another-secret-0123456789")).isEmpty());

    // --ttl sets the lifetime.
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(token.section(QLatin1Char('.'), 1, 1).toLatin1(),
                                                       QByteArray::Base64UrlEncoding))
            .object();
    const qint64 exp = payload.value(QLatin1String("exp")).toInteger();
    QVERIFY2(qAbs(exp - (QDateTime::currentSecsSinceEpoch() + 60)) <= 5, qPrintable(QString::number(exp)));

    // A bad ttl is refused.
    const Result badTtl = run(
        {QStringLiteral("token"), QStringLiteral("alice"), QStringLiteral("--ttl"), QStringLiteral("soon")},
        {{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret}});
    QVERIFY2(badTtl.exitCode != 0, qPrintable(badTtl.text()));
    QVERIFY2(badTtl.err.contains(QLatin1String("ttl")), qPrintable(badTtl.text()));
    QVERIFY(badTtl.out.trimmed().isEmpty());
}

void TestCli::tokenWithoutSecret() {
    const Result result = run({QStringLiteral("token"), QStringLiteral("alice")});
    QVERIFY2(result.finished && result.exitCode != 0, qPrintable(result.text()));
    QVERIFY2(result.err.contains(QLatin1String("jwt-secret")), qPrintable(result.text()));
    QVERIFY(result.out.trimmed().isEmpty());
}

void TestCli::badPort_data() {
    QTest::addColumn<QString>("port");
    QTest::newRow("word") << QStringLiteral("http");
    QTest::newRow("too big") << QStringLiteral("70000");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("with host") << QStringLiteral("127.0.0.1:8080");
}

void TestCli::badPort() {
    QFETCH(QString, port);
    QTemporaryDir dir;
    // Secrets are fine, so the port is the only thing wrong.
    const Result result = run(
        {QStringLiteral("--port"), port, QStringLiteral("--database"), dir.filePath(QStringLiteral("g.db"))},
        {{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret}, {QStringLiteral("GISTACK_API_KEY"), apiKey}});
    QVERIFY2(result.finished, "the server started despite a bad port");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("port")) && result.err.contains(port),
             qPrintable(result.text()));
}

void TestCli::badValues_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("threshold-days word")
        << QStringList{QStringLiteral("--threshold-days"), QStringLiteral("ten")}
        << QStringLiteral("threshold-days");
    QTest::newRow("threshold-days negative")
        << QStringList{QStringLiteral("--threshold-days"), QStringLiteral("-1")}
        << QStringLiteral("threshold-days");
    QTest::newRow("daily-check-at") << QStringList{QStringLiteral("--daily-check-at"), QStringLiteral("9am")}
                                    << QStringLiteral("daily-check-at");
    QTest::newRow("bind") << QStringList{QStringLiteral("--bind"), QStringLiteral("my-host")}
                          << QStringLiteral("bind");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("serve-forever")}
                                     << QStringLiteral("unknown");
}

void TestCli::badValues() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const Result result =
        run(args + QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                               dir.filePath(QStringLiteral("g.db"))},
            {{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret}, {QStringLiteral("GISTACK_API_KEY"), apiKey}});
    QVERIFY2(result.finished, "the server started despite a bad value");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions), qPrintable(result.text()));
}

void TestCli::secretsRequired_data() {
    QTest::addColumn<QString>("jwt");
    QTest::addColumn<QString>("key");
    QTest::newRow("neither") << QString() << QString();
    QTest::newRow("no jwt-secret") << QString() << apiKey;
    QTest::newRow("no api-key") << jwtSecret << QString();
    QTest::newRow("jwt-secret of 15") << QStringLiteral("123456789012345") << apiKey;
    QTest::newRow("api-key of 15") << jwtSecret << QStringLiteral("123456789012345");
}

void TestCli::secretsRequired() {
    QFETCH(QString, jwt);
    QFETCH(QString, key);
    QTemporaryDir dir;
    QMap<QString, QString> env;
    if (!jwt.isEmpty())
        env.insert(QStringLiteral("GISTACK_JWT_SECRET"), jwt);
    if (!key.isEmpty())
        env.insert(QStringLiteral("GISTACK_API_KEY"), key);
    const Result result = run({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                               dir.filePath(QStringLiteral("g.db"))},
                              env);
    QVERIFY2(result.finished, "the server started without usable secrets");
    QVERIFY2(result.exitCode != 0, qPrintable(result.text()));
    QVERIFY2(result.err.contains(QLatin1String("16 characters")), qPrintable(result.text()));
    QVERIFY(!result.out.contains(QLatin1String("listening")));
    // The secrets themselves are never echoed.
    if (!jwt.isEmpty())
        QVERIFY(!result.err.contains(jwt));
}

void TestCli::secretOnCommandLineWarns() {
    // It works: the token verifies with the secret given on the command line...
    const Result result =
        run({QStringLiteral("token"), QStringLiteral("bob"), QStringLiteral("--jwt-secret"), jwtSecret});
    QVERIFY2(result.exitCode == 0, qPrintable(result.text()));
    QCOMPARE(tokenUser(result.out.trimmed(), jwtSecret), QStringLiteral("bob"));
    // ...but the operator is told it is visible to other local users.
    QVERIFY2(result.err.contains(QLatin1String("warning")) &&
                 result.err.contains(QLatin1String("--jwt-secret")),
             qPrintable(result.text()));
    QVERIFY(!result.err.contains(jwtSecret));

    // The same from the environment: no warning.
    const Result quiet = run({QStringLiteral("token"), QStringLiteral("bob")},
                             {{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret}});
    QCOMPARE(quiet.exitCode, 0);
    QVERIFY2(!quiet.err.contains(QLatin1String("warning")), qPrintable(quiet.text()));

    // And the server starts with both secrets on the command line, warning about each.
    QTemporaryDir dir;
    QProcess server;
    QString output;
    const quint16 port =
        startServer(server,
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     dir.filePath(QStringLiteral("g.db")), QStringLiteral("--jwt-secret"), jwtSecret,
                     QStringLiteral("--api-key"), apiKey},
                    {}, &output);
    QVERIFY2(port != 0, qPrintable(output));
    stopServer(server);
    const QString err = QString::fromUtf8(server.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("--jwt-secret")) && err.contains(QLatin1String("--api-key")),
             qPrintable(err));
    QVERIFY(!err.contains(jwtSecret) && !err.contains(apiKey));
}

void TestCli::configFileIsRead() {
    QTemporaryDir dir;
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString ini = dir.filePath(QStringLiteral("gistack.ini"));
    const auto writeIni = [&](const QString &extra) {
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QStringLiteral("port=%1\njwt-secret=%2\napi-key=%3\ndatabase=%4\n%5")
                       .arg(port)
                       .arg(jwtSecret, apiKey, dir.filePath(QStringLiteral("g.db")), extra)
                       .toUtf8());
    };

    // Everything from the file: port, secrets, database.
    writeIni(QStringLiteral("threshold-days=3\n"));
    QProcess server;
    QString output;
    QCOMPARE(startServer(server, {QStringLiteral("--config"), ini}, {}, &output), port);
    stopServer(server);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("g.db"))));

    // A bad value in the file is reported, which shows the file is read for it.
    writeIni(QStringLiteral("threshold-days=soon\n"));
    const Result bad = run({QStringLiteral("--config"), ini});
    QVERIFY2(bad.finished, "the server started despite a bad config file");
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QLatin1String("threshold-days")) && bad.err.contains(QLatin1String("soon")),
             qPrintable(bad.text()));

    // GISTACK_CONFIG names the file too.
    const Result viaEnv = run({}, {{QStringLiteral("GISTACK_CONFIG"), ini}});
    QCOMPARE(viaEnv.exitCode, 2);
    QVERIFY2(viaEnv.err.contains(QLatin1String("threshold-days")), qPrintable(viaEnv.text()));

    // The token command reads the secret from the file as well.
    writeIni(QString());
    const Result token =
        run({QStringLiteral("token"), QStringLiteral("carol"), QStringLiteral("--config"), ini});
    QVERIFY2(token.exitCode == 0, qPrintable(token.text()));
    QCOMPARE(tokenUser(token.out.trimmed(), jwtSecret), QStringLiteral("carol"));
}

void TestCli::unreadableConfigFile() {
    const Result result =
        run({QStringLiteral("--config"), m_home.filePath(QStringLiteral("missing.ini"))},
            {{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret}, {QStringLiteral("GISTACK_API_KEY"), apiKey}});
    QVERIFY2(result.finished, "the server started without its config file");
    QVERIFY2(result.exitCode != 0, qPrintable(result.text()));
    QVERIFY2(result.err.contains(QLatin1String("missing.ini")), qPrintable(result.text()));
}

void TestCli::secretPrecedence() {
    // Strongest first: command line, environment, config file. The token shows which secret won.
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("gistack.ini"));
    QFile file(ini);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("jwt-secret=secret-from-the-ini-file\n");
    file.close();
    const QString fromEnv = QStringLiteral("secret-from-the-environment");
    const QString fromCli = QStringLiteral("secret-from-the-command-line");
    const QStringList token{QStringLiteral("token"), QStringLiteral("dave"), QStringLiteral("--config"), ini};

    Result result = run(token);
    QCOMPARE(tokenUser(result.out.trimmed(), QStringLiteral("secret-from-the-ini-file")),
             QStringLiteral("dave"));

    result = run(token, {{QStringLiteral("GISTACK_JWT_SECRET"), fromEnv}});
    QCOMPARE(tokenUser(result.out.trimmed(), fromEnv), QStringLiteral("dave"));

    result = run(token + QStringList{QStringLiteral("--jwt-secret"), fromCli},
                 {{QStringLiteral("GISTACK_JWT_SECRET"), fromEnv}});
    QCOMPARE(tokenUser(result.out.trimmed(), fromCli), QStringLiteral("dave"));
}

void TestCli::portPrecedence() {
    QTemporaryDir dir;
    const quint16 iniPort = freePort();
    quint16 envPort = freePort();
    quint16 cliPort = freePort();
    // The kernel may hand out the same free port twice in a row.
    for (int i = 0; i < 20 && (envPort == iniPort || cliPort == iniPort || cliPort == envPort); ++i) {
        envPort = freePort();
        cliPort = freePort();
    }
    QVERIFY(iniPort != envPort && iniPort != cliPort && envPort != cliPort);

    const QString ini = dir.filePath(QStringLiteral("gistack.ini"));
    QFile file(ini);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("port=%1\ndatabase=%2\n")
                   .arg(iniPort)
                   .arg(dir.filePath(QStringLiteral("g.db")))
                   .toUtf8());
    file.close();
    const QMap<QString, QString> secrets{{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret},
                                         {QStringLiteral("GISTACK_API_KEY"), apiKey}};
    QMap<QString, QString> withEnvPort = secrets;
    withEnvPort.insert(QStringLiteral("GISTACK_PORT"), QString::number(envPort));

    QString output;
    {
        QProcess server;
        QCOMPARE(startServer(server, {QStringLiteral("--config"), ini}, secrets, &output), iniPort);
        stopServer(server);
    }
    {
        QProcess server;
        QCOMPARE(startServer(server, {QStringLiteral("--config"), ini}, withEnvPort, &output), envPort);
        stopServer(server);
    }
    {
        QProcess server;
        QCOMPARE(
            startServer(server,
                        {QStringLiteral("--config"), ini, QStringLiteral("--port"), QString::number(cliPort)},
                        withEnvPort, &output),
            cliPort);
        stopServer(server);
    }
}

void TestCli::servesDemoAndStopsOnSigterm() {
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("demo.db"));
    const QMap<QString, QString> secrets{{QStringLiteral("GISTACK_JWT_SECRET"), jwtSecret},
                                         {QStringLiteral("GISTACK_API_KEY"), apiKey}};
    QProcess server;
    QString output;
    const quint16 port = startServer(server,
                                     {QStringLiteral("--port"), QStringLiteral("0"),
                                      QStringLiteral("--database"), database, QStringLiteral("--demo")},
                                     secrets, &output);
    QVERIFY2(port != 0, qPrintable(output));
    QVERIFY(QFileInfo::exists(database));

    const Result token = run({QStringLiteral("token"), QStringLiteral("demo-user"), QStringLiteral("--ttl"),
                              QStringLiteral("300")},
                             secrets);
    QVERIFY2(token.exitCode == 0, qPrintable(token.text()));

    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy disconnected(&client, &QWebSocket::disconnected);
    QList<QByteArray> frames;
    connect(&client, &QWebSocket::textMessageReceived, this,
            [&frames](const QString &text) { frames.append(text.toUtf8()); });
    QUrl url(QStringLiteral("ws://127.0.0.1/ws"));
    url.setPort(port);
    url.setQuery(QStringLiteral("token=") + token.out.trimmed());
    client.open(url);
    QVERIFY2(connected.wait(5000), qPrintable(client.errorString()));

    // The demo user holds a site (with an ArcGIS licence) and a desktop, all due soon.
    QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 3, 5000);
    QStringList types;
    for (const QByteArray &frame : frames) {
        const QJsonObject object = QJsonDocument::fromJson(frame).object();
        QCOMPARE(object.keys().size(), 5);
        QCOMPARE(object.value(QLatin1String("userId")).toVariant().toStringList(),
                 QStringList{QStringLiteral("demo-user")});
        QVERIFY(!object.value(QLatin1String("id")).toString().isEmpty());
        types.append(object.value(QLatin1String("type")).toString());
    }
    types.sort();
    QCOMPARE(types, QStringList({QStringLiteral("NORMAL_USER_DESKTOP_LEASE_EXPIRED"),
                                 QStringLiteral("NORMAL_USER_SITE_AGS_LICENSE_EXPIRED"),
                                 QStringLiteral("NORMAL_USER_SITE_LEASE_EXPIRED")}));

    // SIGTERM: the browser is told the server is going away, and the process exits 0 within 5 s.
    QElapsedTimer stopping;
    stopping.start();
    server.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 5000);
    QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), QProcess::NotRunning, 5000);
    QVERIFY2(stopping.elapsed() < 5000, qPrintable(QString::number(stopping.elapsed())));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

} // namespace gistack

QTEST_GUILESS_MAIN(gistack::TestCli)
#include "tst_cli.moc"
