// `gistack-server check-config`: the real program validates a config file with the same
// loader and secret rules as a start, says "config OK" or names each problem, and its exit
// code tells scripts which.
#include "support/ServerProcess.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace gistack::test;

namespace {
const QByteArray goodSecrets = "jwt-secret=check-jwt-secret-0123456789\napi-key=check-api-key-0123456789\n";
}

class TestCheckConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString writeConfig(const QByteArray &text) {
        const QString path = m_dir.filePath(QStringLiteral("config-%1.conf").arg(++m_files));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return path;
    }

    QByteArray databaseLine() const {
        return "database=" + m_dir.filePath(QStringLiteral("state/gistack.db")).toUtf8() + "\n";
    }

private slots:
    void goodConfigIsOk() {
        const QString path = writeConfig("# a comment\n" + goodSecrets + databaseLine() +
                                         "port=9090\nbind=0.0.0.0\n#metrics-key=commented-out\n");
        const ServerProcess::Result result = ServerProcess::run({"check-config", "--config", path});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith("config OK\n"), result.all().constData());
        QVERIFY2(result.out.contains("0.0.0.0:9090"), result.out.constData());
        QVERIFY2(result.out.contains(m_dir.filePath(QStringLiteral("state/gistack.db")).toUtf8()),
                 result.out.constData());
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        // The summary never shows the secrets.
        QVERIFY(!result.all().contains("check-jwt-secret-0123456789"));
        QVERIFY(!result.all().contains("check-api-key-0123456789"));
        // Nothing was created: checking does not open the database.
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("state"))));
    }

    void problemsAreNamed_data() {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("message");
        QTest::newRow("no api-key") << QByteArray("jwt-secret=check-jwt-secret-0123456789\n")
                                    << "set a jwt-secret and an api-key of at least 16 characters";
        QTest::newRow("short jwt-secret")
            << QByteArray("jwt-secret=short\napi-key=check-api-key-0123456789\n") << "at least 16 characters";
        QTest::newRow("same secrets")
            << QByteArray("jwt-secret=same-secret-0123456789\napi-key=same-secret-0123456789\n")
            << "jwt-secret and api-key must differ";
        QTest::newRow("short metrics-key") << goodSecrets + "metrics-key=abc\n"
                                           << "metrics-key";
        QTest::newRow("typo") << goodSecrets + "threshold_days=5\n"
                              << "unknown setting \"threshold_days\"";
        QTest::newRow("bad port") << goodSecrets + "port=99999\n"
                                  << "port must be a number from 0 to 65535";
        QTest::newRow("bad bind") << goodSecrets + "bind=example.org\n"
                                  << "bind must be an IP address";
        QTest::newRow("bad time") << goodSecrets + "daily-check-at=9am\n"
                                  << "daily-check-at must be a time";
        QTest::newRow("bad days") << goodSecrets + "threshold-days=-1\n"
                                  << "threshold-days must be a number";
    }

    void problemsAreNamed() {
        QFETCH(QByteArray, config);
        QFETCH(QString, message);
        const QString path = writeConfig(config + databaseLine());
        const ServerProcess::Result result = ServerProcess::run({"check-config", "--config", path});
        QVERIFY2(result.exitCode != 0, result.all().constData());
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
        QVERIFY2(!result.out.contains("config OK"), result.out.constData());
    }

    void databaseUnderAFileIsAProblem() {
        const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString path = writeConfig(goodSecrets + "database=" + blocker.toUtf8() + "/gistack.db\n");
        const ServerProcess::Result result = ServerProcess::run({"check-config", "--config", path});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("not a folder"), result.err.constData());
    }

    void missingFileIsAProblem() {
        const ServerProcess::Result result =
            ServerProcess::run({"check-config", "--config", m_dir.filePath(QStringLiteral("absent.conf"))});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("cannot read config file"), result.err.constData());
    }

    void environmentCompletesTheFile() {
        // The same precedence as a start: GISTACK_* variables fill in what the file lacks.
        const QString path = writeConfig("jwt-secret=check-jwt-secret-0123456789\n" + databaseLine());
        QProcessEnvironment env = ServerProcess::cleanEnvironment();
        env.insert(QStringLiteral("GISTACK_API_KEY"), QStringLiteral("env-api-key-0123456789"));
        env.insert(QStringLiteral("GISTACK_PORT"), QStringLiteral("7070"));
        const ServerProcess::Result result = ServerProcess::run({"check-config", "--config", path}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(":7070"), result.out.constData());
    }

    void serverRefusesWhatCheckConfigRefuses() {
        const QString path = writeConfig(
            "jwt-secret=same-secret-0123456789\napi-key=same-secret-0123456789\ndatabase=:memory:\nport=0\n");
        const ServerProcess::Result result = ServerProcess::run({"--config", path});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("jwt-secret and api-key must differ"), result.err.constData());
    }
};

QTEST_MAIN(TestCheckConfig)
#include "tst_checkconfig.moc"
