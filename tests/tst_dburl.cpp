// The --database setting: SQLite paths pass through, postgresql:// URLs are parsed with a clear
// error for what cannot work, and a password never survives redaction.
#include "storage/DatabaseUrl.h"

#include <QTest>

using namespace gistack;

class TestDatabaseUrl : public QObject {
    Q_OBJECT

private slots:
    void sqlitePathsAreNotUrls() {
        QVERIFY(!DatabaseUrl::isPostgres("/var/lib/gistack/gistack.db"));
        QVERIFY(!DatabaseUrl::isPostgres(":memory:"));
        QCOMPARE(DatabaseUrl::redacted("/var/lib/gistack/gistack.db"),
                 QString("/var/lib/gistack/gistack.db"));
        QVERIFY(DatabaseUrl::isPostgres("postgresql://u@h/d"));
        QVERIFY(DatabaseUrl::isPostgres("postgres://u@h/d"));
    }

    void parsesEveryPart() {
        QString error;
        const auto url = DatabaseUrl::parsePostgres(
            "postgresql://gistack:p%40ss%2Fw0rd@db.example:6543/notify?sslmode=require", &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->host(), QString("db.example"));
        QCOMPARE(url->port(), 6543);
        QCOMPARE(url->user(), QString("gistack"));
        QCOMPARE(url->password(), QString("p@ss/w0rd"));
        QCOMPARE(url->databaseName(), QString("notify"));
        QCOMPARE(url->options(), QStringList{"sslmode=require"});
        QCOMPARE(DatabaseUrl::parsePostgres("postgresql://u@h/d", &error)->port(), 5432);
    }

    void badUrlsAreClearErrorsWithoutThePassword() {
        QString error;
        QVERIFY(!DatabaseUrl::parsePostgres("postgresql://u:secret-pw@host:5432", &error));
        QVERIFY2(error.contains("names no database"), qPrintable(error));
        QVERIFY(!error.contains("secret-pw"));
        QVERIFY(!DatabaseUrl::parsePostgres("postgresql://u:secret-pw@host/db?host=evil", &error));
        QVERIFY2(error.contains("\"host\" is not supported"), qPrintable(error));
        QVERIFY(!DatabaseUrl::parsePostgres("postgresql:///db", &error));
        QVERIFY(!error.contains("secret-pw"));
    }

    void redactionHidesThePassword() {
        const QString shown = DatabaseUrl::redacted("postgresql://gistack:s3cr%40t@10.0.0.5:5432/notify");
        QVERIFY2(!shown.contains("s3cr"), qPrintable(shown));
        QCOMPARE(shown, QString("postgresql://gistack:***@10.0.0.5:5432/notify"));
        QCOMPARE(DatabaseUrl::redacted("postgresql://gistack@h/notify"),
                 QString("postgresql://gistack@h/notify"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_dburl.moc"
