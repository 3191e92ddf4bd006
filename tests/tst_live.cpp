// Live pushes end to end: pending counts to the org's online admins, decision results to the
// applicant on every tab, the offline queue, and the platform backend's direct publish.
#include "support/FrameCheck.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QJsonArray>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

class TestLive : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<WsClient> login(const QString &userId) {
        auto client = std::make_unique<WsClient>();
        if (!client->open(m_server->wsUrl(m_server->tokenFor(userId))))
            return nullptr;
        client->settle(300);
        client->clearFrames();
        return client;
    }

    QString submit(const QString &userId, const QString &kind, const QString &action,
                   const QString &resource) {
        const ApiResult result = m_server->api().post(
            "/api/v1/requests",
            {{"userId", userId}, {"kind", kind}, {"action", action}, {"resourceName", resource}});
        if (result.status != 201)
            qWarning() << result.text();
        return result.json().value("id").toString();
    }

    ApiResult decide(const QString &requestId, bool approved, const QString &adminId = "admin-a") {
        return m_server->api().post("/api/v1/requests/" + requestId + "/decision",
                                    {{"approved", approved}, {"adminId", adminId}});
    }

private slots:
    void init() {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_server->addOrg("org-a");
        m_server->addOrg("org-b");
        m_server->addUser("admin-a", "org-a", "orgadmin");
        m_server->addUser("admin-a2", "org-a", "orgadmin");
        m_server->addUser("admin-b", "org-b", "orgadmin");
        m_server->addUser("alice", "org-a", "user");
        m_server->addUser("bert", "org-b", "user");
    }

    void cleanup() { m_server.reset(); }

    void registrationPushesCountToOnlineAdminsOfItsOrgOnly() {
        auto adminA = login("admin-a");
        auto adminA2 = login("admin-a2");
        auto adminB = login("admin-b");
        auto alice = login("alice");
        QVERIFY(adminA && adminA2 && adminB && alice);

        ApiResult result = m_server->api().post("/api/v1/registrations",
                                                {{"userId", "carol"}, {"orgId", "org-a"}, {"name", "Carol"}});
        QCOMPARE(result.status, 201);
        QVERIFY(!result.json().value("id").toString().isEmpty());
        QVERIFY(adminA->waitForFrames(1));
        QVERIFY(adminA2->waitForFrames(1));
        VERIFY_ENVELOPE(adminA->rawFrames().at(0), "USER_REGISTER", "admin-a", 1, m_server->clock().now());
        VERIFY_ENVELOPE(adminA2->rawFrames().at(0), "USER_REGISTER", "admin-a2", 1);

        result = m_server->api().post("/api/v1/registrations",
                                      {{"userId", "dave"}, {"orgId", "org-a"}, {"name", "Dave"}});
        QCOMPARE(result.status, 201);
        QVERIFY(adminA->waitForFrames(2));
        VERIFY_ENVELOPE(adminA->rawFrames().at(1), "USER_REGISTER", "admin-a", 2);

        adminB->settle();
        alice->settle();
        QCOMPARE(adminB->rawFrames().size(), 0);
        QCOMPARE(alice->rawFrames().size(), 0);
    }

    void eachRequestKindPushesItsOwnCount_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("type");
        QTest::newRow("website apply") << "website"
                                       << "apply"
                                       << "GCLOUD_WEBSITE_APPROVE_REQUEST";
        QTest::newRow("website renew") << "website"
                                       << "renew"
                                       << "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST";
        QTest::newRow("desktop apply") << "desktop"
                                       << "apply"
                                       << "GCLOUD_DESKTOP_APPROVE_REQUEST";
        QTest::newRow("desktop renew") << "desktop"
                                       << "renew"
                                       << "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST";
    }

    void eachRequestKindPushesItsOwnCount() {
        QFETCH(QString, kind);
        QFETCH(QString, action);
        QFETCH(QString, type);
        auto admin = login("admin-a");
        auto adminB = login("admin-b");
        QVERIFY(admin && adminB);
        QVERIFY(!submit("alice", kind, action, "res-1").isEmpty());
        QVERIFY(!submit("alice", kind, action, "res-2").isEmpty());
        QVERIFY(admin->waitForFrames(2));
        VERIFY_ENVELOPE(admin->rawFrames().at(0), type, "admin-a", 1, m_server->clock().now());
        VERIFY_ENVELOPE(admin->rawFrames().at(1), type, "admin-a", 2);
        // A request from org-b's user reaches org-b's admin only.
        QVERIFY(!submit("bert", kind, action, "res-b").isEmpty());
        QVERIFY(adminB->waitForFrames(1));
        VERIFY_ENVELOPE(adminB->rawFrames().at(0), type, "admin-b", 1);
        admin->settle();
        QCOMPARE(admin->rawFrames().size(), 2);
    }

    void decisionSendsTheResultToTheApplicant_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("approved");
        QTest::addColumn<QString>("type");
        QTest::newRow("website apply passed") << "website"
                                              << "apply" << true << "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED";
        QTest::newRow("website apply rejected")
            << "website"
            << "apply" << false << "GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT";
        QTest::newRow("website renew passed")
            << "website"
            << "renew" << true << "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_PASSED";
        QTest::newRow("website renew rejected")
            << "website"
            << "renew" << false << "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_REJECT";
        QTest::newRow("desktop apply passed") << "desktop"
                                              << "apply" << true << "GCLOUD_DESKTOP_APPROVE_REQUEST_PASS";
        QTest::newRow("desktop apply rejected")
            << "desktop"
            << "apply" << false << "GCLOUD_DESKTOP_APPROVE_REQUEST_REJECT";
        QTest::newRow("desktop renew passed")
            << "desktop"
            << "renew" << true << "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_PASSED";
        QTest::newRow("desktop renew rejected")
            << "desktop"
            << "renew" << false << "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_REJECT";
    }

    void decisionSendsTheResultToTheApplicant() {
        QFETCH(QString, kind);
        QFETCH(QString, action);
        QFETCH(bool, approved);
        QFETCH(QString, type);
        auto alice = login("alice");
        auto admin = login("admin-a");
        QVERIFY(alice && admin);
        const QString id = submit("alice", kind, action, "gis-portal");
        QVERIFY(admin->waitForFrames(1));

        const ApiResult result = decide(id, approved);
        QCOMPARE(result.status, 200);
        QVERIFY(alice->waitForFrames(1));
        VERIFY_ENVELOPE(alice->rawFrames().at(0), type, "alice", QJsonValue("gis-portal"),
                        m_server->clock().now());
        // The admin hears the count drop back to 0.
        QVERIFY(admin->waitForFrames(2));
        QCOMPARE(admin->frames().at(1).value("msg").toInt(), 0);
        alice->settle();
        QCOMPARE(alice->rawFrames().size(), 1);

        // Deciding again is a conflict and sends nothing more.
        QCOMPARE(decide(id, !approved).status, 409);
        alice->settle();
        QCOMPARE(alice->rawFrames().size(), 1);
    }

    void onlyAnAdminOfTheRequestsOrgMayDecide() {
        const QString id = submit("alice", "website", "apply", "w");
        QCOMPARE(decide(id, true, "admin-b").status, 403);
        QCOMPARE(decide(id, true, "alice").status, 403);
        QCOMPARE(decide(id, true, "nobody").status, 403);
        QCOMPARE(decide("no-such-request", true).status, 404);
        QCOMPARE(decide(id, true).status, 200);
    }

    void everyTabGetsEveryLivePush() {
        auto tab1 = login("alice");
        auto tab2 = login("alice");
        auto tab3 = login("alice");
        QVERIFY(tab1 && tab2 && tab3);
        QCOMPARE(decide(submit("alice", "desktop", "apply", "desk"), true).status, 200);
        for (WsClient *tab : {tab1.get(), tab2.get(), tab3.get()}) {
            QVERIFY(tab->waitForFrames(1));
            VERIFY_ENVELOPE(tab->rawFrames().at(0), "GCLOUD_DESKTOP_APPROVE_REQUEST_PASS", "alice",
                            QJsonValue("desk"));
        }
        // All tabs carry the same message id, so a client can tell them apart from new ones.
        QCOMPARE(tab1->frames().at(0).value("id"), tab2->frames().at(0).value("id"));
    }

    void offlineApplicantGetsResultsAtNextLoginOnce() {
        const QString first = submit("alice", "website", "apply", "site-1");
        const QString second = submit("alice", "desktop", "renew", "desk-1");
        QCOMPARE(decide(first, false).status, 200);
        m_server->clock().advanceSeconds(5);
        QCOMPARE(decide(second, true).status, 200);

        auto alice = std::make_unique<WsClient>();
        QVERIFY(alice->open(m_server->wsUrl(m_server->tokenFor("alice"))));
        QVERIFY(alice->waitForFrames(2));
        alice->settle();
        // Oldest first, each once.
        QCOMPARE(alice->types(), (QStringList{"GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT",
                                              "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_PASSED"}));
        VERIFY_ENVELOPE(alice->rawFrames().at(0), "GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT", "alice",
                        QJsonValue("site-1"));
        alice->close();
        QVERIFY(alice->waitForClose());

        auto again = std::make_unique<WsClient>();
        QVERIFY(again->open(m_server->wsUrl(m_server->tokenFor("alice"))));
        again->settle();
        QCOMPARE(again->rawFrames().size(), 0);
    }

    void queuedResultsSurviveARestart() {
        QCOMPARE(decide(submit("alice", "website", "renew", "site-9"), true).status, 200);
        QVERIFY(m_server->restart());
        auto alice = std::make_unique<WsClient>();
        QVERIFY(alice->open(m_server->wsUrl(m_server->tokenFor("alice"))));
        QVERIFY(alice->waitForFrames(1));
        VERIFY_ENVELOPE(alice->rawFrames().at(0), "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_PASSED", "alice",
                        QJsonValue("site-9"));
    }

    void backendPublishesAnyTypeToSeveralUsers() {
        auto alice = login("alice");
        QVERIFY(alice);
        const QJsonArray items{
            QJsonObject{{"expireDate", "2030-01-02 03:04:05"}, {"timeLeft", 4}, {"resourceName", "x-1"}}};
        const ApiResult result = m_server->api().post(
            "/api/v1/messages",
            {{"userId", QJsonArray{"alice", "bert"}}, {"type", "ARCGIS_LICENCE_EXPIRED"}, {"msg", items}});
        QCOMPARE(result.status, 201);
        QVERIFY(alice->waitForFrames(1));
        // Each recipient sees only itself in userId.
        VERIFY_ENVELOPE(alice->rawFrames().at(0), "ARCGIS_LICENCE_EXPIRED", "alice", items);
        QCOMPARE(alice->frames().at(0).value("id").toString(), result.json().value("id").toString());

        // bert was offline: the message waits for him.
        auto bert = std::make_unique<WsClient>();
        QVERIFY(bert->open(m_server->wsUrl(m_server->tokenFor("bert"))));
        QVERIFY(bert->waitForFrames(1));
        VERIFY_ENVELOPE(bert->rawFrames().at(0), "ARCGIS_LICENCE_EXPIRED", "bert", items);
    }

    void historyListsWhatWasSentNewestFirst() {
        auto alice = login("alice");
        QVERIFY(alice);
        QCOMPARE(decide(submit("alice", "website", "apply", "one"), true).status, 200);
        QVERIFY(alice->waitForFrames(1));
        m_server->clock().advanceSeconds(1);
        QCOMPARE(decide(submit("alice", "website", "apply", "two"), false).status, 200);
        QVERIFY(alice->waitForFrames(2));

        const ApiResult result = m_server->api().get("/api/v1/messages?userId=alice&limit=10");
        QCOMPARE(result.status, 200);
        const QJsonArray messages = result.json().value("messages").toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value("msg").toString(), QString("two"));
        QCOMPARE(messages.at(0).toObject().value("delivery").toString(), QString("delivered"));
        QCOMPARE(messages.at(1).toObject().value("msg").toString(), QString("one"));
        QCOMPARE(m_server->api()
                     .get("/api/v1/messages?userId=alice&limit=1")
                     .json()
                     .value("messages")
                     .toArray()
                     .size(),
                 1);

        const ApiResult stats = m_server->api().get("/api/v1/stats");
        QCOMPARE(stats.status, 200);
        QCOMPARE(stats.json().value("onlineUsers").toInt(), 1);
        QCOMPARE(stats.json().value("connections").toInt(), 1);
        QCOMPARE(
            stats.json().value("pending").toObject().value("org-a").toObject().value("websiteApply").toInt(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
