// The HTTP API's contract: bad input answers 400 with a reason and stores nothing, keys and
// routes are enforced, and a 2xx means the row is already in the database file.
#include "support/TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

class TestApi : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    // Reads the server's database through a connection of our own, as an operator would.
    int countRows(const QString &table) { return m_server->countRows(table); }

    void expect400(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QString &reasonPart) {
        const ApiResult result = m_server->api().send(method, path, body, TestServer::apiKey);
        QVERIFY2(result.status == 400, qPrintable(path + ": " + result.text()));
        const QString error = result.json().value("error").toString();
        QVERIFY2(error.contains(reasonPart, Qt::CaseInsensitive), qPrintable(error));
    }

private slots:
    void init() {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_server->addOrg("org");
        m_server->addUser("alice", "org", "user");
        m_server->addUser("admin", "org", "orgadmin");
    }

    void cleanup() { m_server.reset(); }

    void healthNeedsNoKey() {
        const ApiResult result = m_server->api().send("GET", "/healthz", {}, {});
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value("status").toString(), QString("ok"));
    }

    void wrongOrMissingKeyIs401() {
        QCOMPARE(m_server->api().send("GET", "/api/v1/stats", {}, {}).status, 401);
        QCOMPARE(m_server->api().send("GET", "/api/v1/stats", {}, "wrong-key-0123456789").status, 401);
        QCOMPARE(m_server->api().send("GET", "/api/v1/stats", {}, "test-api-key-012345678").status, 401);
        const ApiResult result = m_server->api().send("POST", "/api/v1/registrations",
                                                      R"({"userId":"u","orgId":"org","name":"n"})", {});
        QCOMPARE(result.status, 401);
        QVERIFY(!result.json().value("error").toString().isEmpty());
        QCOMPARE(countRows("registrations"), 0);
    }

    void unknownRoutesAndMethods() {
        QCOMPARE(m_server->api().get("/api/v1/nothing").status, 404);
        QCOMPARE(m_server->api().get("/api/v1/orgs/org").status, 405);
        QCOMPARE(m_server->api().send("GET", "/no/such/page", {}, {}).status, 404);
    }

    void badBodiesAre400AndStoreNothing() {
        expect400("POST", "/api/v1/registrations", "not json", "JSON");
        expect400("POST", "/api/v1/registrations", "[1,2]", "object");
        expect400("POST", "/api/v1/registrations", R"({"userId":"u","orgId":"org"})", "name");
        expect400("POST", "/api/v1/registrations", R"({"userId":"bad id","orgId":"org","name":"n"})",
                  "valid id");
        expect400("POST", "/api/v1/requests",
                  R"({"userId":"alice","kind":"castle","action":"apply","resourceName":"x"})", "kind");
        expect400("POST", "/api/v1/requests",
                  R"({"userId":"alice","kind":"website","action":"buy","resourceName":"x"})", "action");
        expect400("POST", "/api/v1/requests",
                  R"({"userId":"alice","kind":"website","action":"apply","resourceName":7})", "resourceName");
        expect400("PUT", "/api/v1/users/bob", R"({"name":"Bob","orgId":"org","role":"king"})", "role");
        expect400("PUT", "/api/v1/licences/gistack", R"({"expireDate":"next tuesday"})", "expireDate");
        expect400("PUT", "/api/v1/leases/l1",
                  R"({"userId":"alice","kind":"desktop","resourceName":"d","expireDate":"2030-01-01",)"
                  R"("arcgisLicence":{"fileName":"a","version":"1","expireDate":"2030-01-01"}})",
                  "site");
        expect400("PUT", "/api/v1/leases/l1", R"({"userId":"alice","kind":"site","resourceName":"d"})",
                  "expireDate");
        expect400("POST", "/api/v1/messages", R"({"userId":[],"type":"USER_REGISTER","msg":1})", "userId");
        expect400("POST", "/api/v1/messages", R"({"userId":["alice"],"type":"USER_REGISTERED","msg":1})",
                  "unknown");
        expect400("POST", "/api/v1/messages", R"({"userId":["alice"],"type":"USER_REGISTER","msg":"one"})",
                  "number");
        expect400("POST", "/api/v1/messages", R"({"userId":["alice"],"type":"USER_REGISTER","msg":-1})",
                  "number");
        expect400("POST", "/api/v1/messages",
                  R"({"userId":["alice"],"type":"GCLOUD_DESKTOP_APPROVE_REQUEST_PASS","msg":{"a":1}})",
                  "string");
        expect400(
            "POST", "/api/v1/messages",
            R"({"userId":["alice"],"type":"GISTACK_LICENCE_EXPIRED","msg":{"expireDate":"2030-01-01","timeLeft":3}})",
            "expireDate");
        expect400(
            "POST", "/api/v1/messages",
            R"({"userId":["alice"],"type":"ARCGIS_LICENCE_EXPIRED","msg":[{"expireDate":"2030-01-01 00:00:00","timeLeft":3}]})",
            "resourceName");
        expect400("POST", "/api/v1/requests/x/decision", R"({"approved":"yes","adminId":"admin"})",
                  "approved");
        expect400("GET", "/api/v1/messages?userId=alice&limit=0", {}, "limit");
        expect400("GET", "/api/v1/messages?userId=alice&limit=many", {}, "limit");

        QCOMPARE(countRows("registrations"), 0);
        QCOMPARE(countRows("requests"), 0);
        QCOMPARE(countRows("messages"), 0);
        QCOMPARE(countRows("leases"), 0);
        QCOMPARE(countRows("gistack_licence"), 0);
        QCOMPARE(countRows("users"), 2);
    }

    void unknownReferencesAre404AndStoreNothing() {
        QCOMPARE(m_server->api()
                     .put("/api/v1/users/bob", {{"name", "Bob"}, {"orgId", "nope"}, {"role", "user"}})
                     .status,
                 404);
        QCOMPARE(m_server->api()
                     .post("/api/v1/registrations", {{"userId", "u"}, {"orgId", "nope"}, {"name", "n"}})
                     .status,
                 404);
        QCOMPARE(
            m_server->api()
                .post("/api/v1/requests",
                      {{"userId", "ghost"}, {"kind", "website"}, {"action", "apply"}, {"resourceName", "w"}})
                .status,
            404);
        QCOMPARE(m_server->api()
                     .post("/api/v1/messages", {{"userId", QJsonArray{"alice", "ghost"}},
                                                {"type", "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"},
                                                {"msg", "w"}})
                     .status,
                 404);
        QCOMPARE(m_server->api().del("/api/v1/leases/none").status, 404);
        QCOMPARE(m_server->api().del("/api/v1/licences/arcgis/none").status, 404);
        QCOMPARE(countRows("users"), 2);
        QCOMPARE(countRows("registrations"), 0);
        QCOMPARE(countRows("requests"), 0);
        QCOMPARE(countRows("messages"), 0);
    }

    void oversizedBodyIs413() {
        const QByteArray big = "{\"name\":\"" + QByteArray(1100 * 1024, 'x') + "\"}";
        const ApiResult result = m_server->api().send("PUT", "/api/v1/orgs/big", big, TestServer::apiKey);
        QCOMPARE(result.status, 413);
        QCOMPARE(countRows("orgs"), 1);
    }

    void createdMeansAlreadyInTheFile() {
        const ApiResult result = m_server->api().post(
            "/api/v1/requests",
            {{"userId", "alice"}, {"kind", "website"}, {"action", "apply"}, {"resourceName", "w"}});
        QCOMPARE(result.status, 201);
        QCOMPARE(countRows("requests"), 1);
        QCOMPARE(m_server->api()
                     .post("/api/v1/registrations", {{"userId", "u"}, {"orgId", "org"}, {"name", "n"}})
                     .status,
                 201);
        QCOMPARE(countRows("registrations"), 1);
    }

    void putIsAnUpsertAndDeleteRemoves() {
        const QJsonObject lease{
            {"userId", "alice"}, {"kind", "site"}, {"resourceName", "s"}, {"expireDate", "2030-01-01"}};
        QCOMPARE(m_server->api().put("/api/v1/leases/l1", lease).status, 200);
        QCOMPARE(m_server->api().put("/api/v1/leases/l1", lease).status, 200);
        QCOMPARE(countRows("leases"), 1);
        QCOMPARE(m_server->api().del("/api/v1/leases/l1").status, 200);
        QCOMPARE(countRows("leases"), 0);
    }

    void approvedRegistrationBecomesAUser() {
        const ApiResult created = m_server->api().post(
            "/api/v1/registrations", {{"userId", "newbie"}, {"orgId", "org"}, {"name", "New"}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value("id").toString();
        QCOMPARE(
            m_server->api()
                .post("/api/v1/registrations/" + id + "/decision", {{"approved", true}, {"adminId", "alice"}})
                .status,
            403);
        QCOMPARE(
            m_server->api()
                .post("/api/v1/registrations/" + id + "/decision", {{"approved", true}, {"adminId", "admin"}})
                .status,
            200);
        QCOMPARE(countRows("users"), 3);
        QCOMPARE(m_server->api()
                     .post("/api/v1/registrations/" + id + "/decision",
                           {{"approved", false}, {"adminId", "admin"}})
                     .status,
                 409);
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
