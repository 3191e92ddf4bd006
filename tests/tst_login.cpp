// The login checks end to end: a browser connects over a real socket and receives exactly the
// reminders of its role, with the spec's envelope, and nothing else.
#include "net/ConnectionRegistry.h"
#include "service/NotificationService.h"
#include "support/FrameCheck.h"
#include "support/TestServer.h"
#include "support/WsClient.h"

#include <QJsonArray>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {

QString wire(const QDateTime &time) {
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QJsonObject item(const QDateTime &expire, int timeLeft, const QString &name) {
    return QJsonObject{{"expireDate", wire(expire)}, {"timeLeft", timeLeft}, {"resourceName", name}};
}

} // namespace

class TestLogin : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QDateTime m_now;

    QDateTime daysAhead(int days) const { return QDateTime(m_now.date().addDays(days), QTime(18, 30, 0)); }

    std::unique_ptr<WsClient> login(const QString &userId) {
        auto client = std::make_unique<WsClient>();
        if (!client->open(m_server->wsUrl(m_server->tokenFor(userId))))
            return nullptr;
        client->settle(400);
        return client;
    }

private slots:
    void init() {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_now = m_server->clock().now();
        m_server->addOrg("org-a");
        m_server->addOrg("org-b");
        m_server->addUser("sys", "org-a", "sysadmin");
        m_server->addUser("admin-a", "org-a", "orgadmin");
        m_server->addUser("admin-b", "org-b", "orgadmin");
        m_server->addUser("alice", "org-a", "user");
        m_server->addUser("bob", "org-a", "user");
    }

    void cleanup() { m_server.reset(); }

    void sysadminGetsBothLicenceReminders() {
        ApiClient &api = m_server->api();
        QCOMPARE(api.put("/api/v1/licences/gistack", {{"expireDate", wire(daysAhead(10))}}).status, 200);
        QCOMPARE(api.put("/api/v1/licences/arcgis/l1",
                         {{"fileName", "test"}, {"version", "10.6.1"}, {"expireDate", wire(daysAhead(4))}})
                     .status,
                 200);
        QCOMPARE(api.put("/api/v1/licences/arcgis/l2",
                         {{"fileName", "test1"}, {"version", "10.6.1"}, {"expireDate", wire(daysAhead(10))}})
                     .status,
                 200);
        QCOMPARE(api.put("/api/v1/licences/arcgis/l3",
                         {{"fileName", "far"}, {"version", "10.8"}, {"expireDate", wire(daysAhead(11))}})
                     .status,
                 200);

        auto client = login("sys");
        QVERIFY(client);
        QCOMPARE(client->types(), (QStringList{"GISTACK_LICENCE_EXPIRED", "ARCGIS_LICENCE_EXPIRED"}));
        VERIFY_ENVELOPE(client->rawFrames().at(0), "GISTACK_LICENCE_EXPIRED", "sys",
                        QJsonObject({{"expireDate", wire(daysAhead(10))}, {"timeLeft", 10}}), m_now);
        VERIFY_ENVELOPE(
            client->rawFrames().at(1), "ARCGIS_LICENCE_EXPIRED", "sys",
            QJsonArray({item(daysAhead(4), 4, "test-10.6.1"), item(daysAhead(10), 10, "test1-10.6.1")}),
            m_now);
    }

    void thresholdBoundary_data() {
        QTest::addColumn<int>("days");
        QTest::addColumn<bool>("reported");
        QTest::newRow("11 days out") << 11 << false;
        QTest::newRow("10 days in") << 10 << true;
        QTest::newRow("today") << 0 << true;
        QTest::newRow("expired 3 days ago") << -3 << true;
    }

    void thresholdBoundary() {
        QFETCH(int, days);
        QFETCH(bool, reported);
        QCOMPARE(
            m_server->api().put("/api/v1/licences/gistack", {{"expireDate", wire(daysAhead(days))}}).status,
            200);
        auto client = login("sys");
        QVERIFY(client);
        const auto frames = client->framesOfType("GISTACK_LICENCE_EXPIRED");
        QCOMPARE(frames.size(), reported ? 1 : 0);
        if (reported)
            QCOMPARE(frames.first().value("msg").toObject().value("timeLeft").toInt(), days);
    }

    void leaseHolderGetsTheThreeLeaseReminders() {
        ApiClient &api = m_server->api();
        QCOMPARE(api.put("/api/v1/leases/s1",
                         {{"userId", "alice"},
                          {"kind", "site"},
                          {"resourceName", "city-site"},
                          {"expireDate", wire(daysAhead(3))},
                          {"arcgisLicence", QJsonObject{{"fileName", "test"},
                                                        {"version", "10.6.1"},
                                                        {"expireDate", wire(daysAhead(-1))}}}})
                     .status,
                 200);
        QCOMPARE(api.put("/api/v1/leases/s2", {{"userId", "alice"},
                                               {"kind", "site"},
                                               {"resourceName", "far-site"},
                                               {"expireDate", wire(daysAhead(40))}})
                     .status,
                 200);
        QCOMPARE(api.put("/api/v1/leases/d1", {{"userId", "alice"},
                                               {"kind", "desktop"},
                                               {"resourceName", "desk-1"},
                                               {"expireDate", wire(daysAhead(10))}})
                     .status,
                 200);
        QCOMPARE(api.put("/api/v1/leases/b1", {{"userId", "bob"},
                                               {"kind", "desktop"},
                                               {"resourceName", "bob-desk"},
                                               {"expireDate", wire(daysAhead(1))}})
                     .status,
                 200);

        auto client = login("alice");
        QVERIFY(client);
        QCOMPARE(client->types(),
                 (QStringList{"NORMAL_USER_SITE_LEASE_EXPIRED", "NORMAL_USER_SITE_AGS_LICENSE_EXPIRED",
                              "NORMAL_USER_DESKTOP_LEASE_EXPIRED"}));
        VERIFY_ENVELOPE(client->rawFrames().at(0), "NORMAL_USER_SITE_LEASE_EXPIRED", "alice",
                        QJsonArray({item(daysAhead(3), 3, "city-site")}), m_now);
        VERIFY_ENVELOPE(client->rawFrames().at(1), "NORMAL_USER_SITE_AGS_LICENSE_EXPIRED", "alice",
                        QJsonArray({item(daysAhead(-1), -1, "test-10.6.1")}), m_now);
        VERIFY_ENVELOPE(client->rawFrames().at(2), "NORMAL_USER_DESKTOP_LEASE_EXPIRED", "alice",
                        QJsonArray({item(daysAhead(10), 10, "desk-1")}), m_now);
    }

    void orgAdminGetsItsOrgsNonZeroCounts() {
        ApiClient &api = m_server->api();
        QCOMPARE(
            api.post("/api/v1/registrations", {{"userId", "newbie"}, {"orgId", "org-a"}, {"name", "New"}})
                .status,
            201);
        QCOMPARE(
            api.post("/api/v1/registrations", {{"userId", "newbie2"}, {"orgId", "org-a"}, {"name", "New 2"}})
                .status,
            201);
        QCOMPARE(
            api.post("/api/v1/requests",
                     {{"userId", "alice"}, {"kind", "website"}, {"action", "apply"}, {"resourceName", "w1"}})
                .status,
            201);
        QCOMPARE(
            api.post("/api/v1/requests",
                     {{"userId", "alice"}, {"kind", "website"}, {"action", "renew"}, {"resourceName", "w1"}})
                .status,
            201);
        QCOMPARE(
            api.post("/api/v1/requests",
                     {{"userId", "bob"}, {"kind", "desktop"}, {"action", "apply"}, {"resourceName", "d1"}})
                .status,
            201);
        QCOMPARE(
            api.post("/api/v1/requests",
                     {{"userId", "bob"}, {"kind", "desktop"}, {"action", "renew"}, {"resourceName", "d1"}})
                .status,
            201);
        QCOMPARE(
            api.post("/api/v1/requests",
                     {{"userId", "alice"}, {"kind", "desktop"}, {"action", "renew"}, {"resourceName", "d2"}})
                .status,
            201);

        auto admin = login("admin-a");
        QVERIFY(admin);
        QCOMPARE(admin->types(),
                 (QStringList{"USER_REGISTER", "GCLOUD_WEBSITE_APPROVE_REQUEST",
                              "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST", "GCLOUD_DESKTOP_APPROVE_REQUEST",
                              "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST"}));
        VERIFY_ENVELOPE(admin->rawFrames().at(0), "USER_REGISTER", "admin-a", 2, m_now);
        VERIFY_ENVELOPE(admin->rawFrames().at(1), "GCLOUD_WEBSITE_APPROVE_REQUEST", "admin-a", 1, m_now);
        VERIFY_ENVELOPE(admin->rawFrames().at(2), "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST", "admin-a", 1,
                        m_now);
        VERIFY_ENVELOPE(admin->rawFrames().at(3), "GCLOUD_DESKTOP_APPROVE_REQUEST", "admin-a", 1, m_now);
        VERIFY_ENVELOPE(admin->rawFrames().at(4), "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST", "admin-a", 2,
                        m_now);

        // The other org's admin has nothing pending and hears nothing.
        auto other = login("admin-b");
        QVERIFY(other);
        QCOMPARE(other->types(), QStringList());
    }

    void eachRoleGetsOnlyItsOwnChecks() {
        ApiClient &api = m_server->api();
        QCOMPARE(api.put("/api/v1/licences/gistack", {{"expireDate", wire(daysAhead(2))}}).status, 200);
        QCOMPARE(
            api.post("/api/v1/registrations", {{"userId", "n"}, {"orgId", "org-a"}, {"name", "N"}}).status,
            201);

        // A plain user without leases: no licence reminder, no counts.
        auto user = login("bob");
        QVERIFY(user);
        QCOMPARE(user->types(), QStringList());
        // The org admin: counts only, no platform licence.
        auto admin = login("admin-a");
        QVERIFY(admin);
        QCOMPARE(admin->types(), QStringList{"USER_REGISTER"});
        // The sysadmin: licence only, no counts even though it sits in org-a.
        auto sys = login("sys");
        QVERIFY(sys);
        QCOMPARE(sys->types(), QStringList{"GISTACK_LICENCE_EXPIRED"});
    }

    void firstFrameTokenIsALoginToo() {
        QCOMPARE(m_server->api().put("/api/v1/licences/gistack", {{"expireDate", wire(daysAhead(1))}}).status,
                 200);
        WsClient client;
        QVERIFY(client.open(m_server->wsUrlWithoutToken()));
        client.sendText(QStringLiteral("{\"token\":\"%1\"}").arg(m_server->tokenFor("sys")));
        QVERIFY(client.waitForFrames(1));
        QCOMPARE(client.types(), QStringList{"GISTACK_LICENCE_EXPIRED"});
        QVERIFY(client.isOpen());
    }

    void dailyRecheckReachesOpenConnections() {
        // Nothing is due at login...
        QCOMPARE(m_server->api()
                     .put("/api/v1/leases/d1", {{"userId", "alice"},
                                                {"kind", "desktop"},
                                                {"resourceName", "desk-1"},
                                                {"expireDate", wire(daysAhead(12))}})
                     .status,
                 200);
        auto client = login("alice");
        QVERIFY(client);
        QCOMPARE(client->types(), QStringList());
        // ...two days later the tab is still open and the daily check finds the lease due.
        m_server->clock().advanceSeconds(2 * 24 * 3600);
        m_server->server().service().runDailyChecks();
        QVERIFY(client->waitForFrames(1));
        VERIFY_ENVELOPE(client->rawFrames().at(0), "NORMAL_USER_DESKTOP_LEASE_EXPIRED", "alice",
                        QJsonArray({item(daysAhead(12), 10, "desk-1")}), m_server->clock().now());
    }
};

QTEST_GUILESS_MAIN(TestLogin)
#include "tst_login.moc"
