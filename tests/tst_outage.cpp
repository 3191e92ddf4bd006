// PostgreSQL goes away for ten seconds under two nodes: sockets stay up, the API answers 503
// (so the platform retries: nothing is accepted that is not stored), and once the server is
// back the nodes reconnect, LISTEN again and deliver everything posted since.
#include "support/ClusterFixture.h"
#include "support/FrameCheck.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {

// GISTACK_TEST_PG_CTL: tests/pg/test-cluster.sh ctl DIR, set by ./run.sh test.
bool controlServer(const QString &action) {
    QStringList command = QProcess::splitCommand(qEnvironmentVariable("GISTACK_TEST_PG_CTL"));
    if (command.isEmpty())
        return false;
    const QString program = command.takeFirst();
    return QProcess::execute(program, command << action) == 0;
}

} // namespace

class TestOutage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        PgTestDatabase::skipUnlessConfigured();
        if (qEnvironmentVariableIsEmpty("GISTACK_TEST_PG_CTL"))
            QSKIP("GISTACK_TEST_PG_CTL is not set (./run.sh test sets it)");
    }

    void databaseOutageLosesNothing() {
        ClusterFixture cluster;
        QVERIFY(cluster.start(2));
        QVERIFY(cluster.seed());
        NodeProcess &a = cluster.node(0);
        NodeProcess &b = cluster.node(1);
        auto admin = cluster.login(a, "admin-a");
        auto alice = cluster.login(b, "alice");
        QVERIFY(admin && alice);

        // Before: a request, and a result for bob, who is offline and will log in afterwards.
        const QString request = cluster.submit(a, "alice", "before");
        QVERIFY(admin->waitForFrames(1));
        const QString bobs = cluster.submit(a, "bob", "bobs-site");
        QCOMPARE(cluster.decide(a, bobs, true), 200);

        QVERIFY(controlServer("stop"));
        QElapsedTimer outage;
        outage.start();

        // Writes are refused with 503 rather than accepted and lost.
        const ApiResult refused = a.api().post(
            "/api/v1/requests",
            {{"userId", "alice"}, {"kind", "website"}, {"action", "apply"}, {"resourceName", "x"}});
        QCOMPARE(refused.status, 503);
        QVERIFY(!refused.json().value("error").toString().isEmpty());
        QCOMPARE(b.api().get("/api/v1/stats").status, 503);
        // A login cannot be served now: a clean close the browser retries, not a hang.
        auto late = std::make_unique<WsClient>();
        if (late->open(b.wsUrl("bob")))
            QVERIFY(late->waitForClose());
        QCOMPARE(late->closeCode(), 1001);

        while (outage.elapsed() < 10000)
            QTest::qWait(100);
        // Ten seconds on, the sockets that were open are still open.
        QVERIFY(admin->isOpen() && alice->isOpen());
        QVERIFY(!admin->wasClosed() && !alice->wasClosed());

        QVERIFY(controlServer("start"));
        QElapsedTimer back;
        back.start();
        // The platform retries its write until a node takes it again.
        QString after;
        while (after.isEmpty() && back.elapsed() < 30000) {
            const ApiResult result = a.api().post(
                "/api/v1/requests",
                {{"userId", "alice"}, {"kind", "website"}, {"action", "apply"}, {"resourceName", "after"}});
            if (result.status == 201)
                after = result.json().value("id").toString();
            else
                QTest::qWait(100);
        }
        const qint64 apiBackMs = back.elapsed();
        QVERIFY2(!after.isEmpty(), "node A never took a write again");
        QVERIFY(admin->waitForFrames(2, 10000));
        VERIFY_ENVELOPE(admin->rawFrames().at(1), ClusterFixture::countType(), "admin-a", 2);

        QCOMPARE(cluster.decide(a, request, true), 200);
        QVERIFY2(alice->waitForFrames(1, 15000), "the result never reached node B after the outage");
        VERIFY_ENVELOPE(alice->rawFrames().at(0), ClusterFixture::passedType(), "alice", "before");
        const qint64 deliveredMs = back.elapsed();

        // What was queued before the outage is still there for bob's next login.
        auto bob = std::make_unique<WsClient>();
        QVERIFY(bob->open(b.wsUrl("bob")));
        QVERIFY(bob->waitForFrames(1));
        VERIFY_ENVELOPE(bob->rawFrames().at(0), ClusterFixture::passedType(), "bob", "bobs-site");

        qInfo() << "MEASURED after a 10 s PostgreSQL outage: node A took writes again" << apiBackMs
                << "ms after the server started; a result reached node B" << deliveredMs << "ms after";
        QVERIFY(cluster.nodeLeakingPassword().isEmpty());
        qInfo().noquote() << "DUMP-B" << b.output();
    }
};

QTEST_GUILESS_MAIN(TestOutage)
#include "tst_outage.moc"
