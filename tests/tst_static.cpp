// The demo page and the browser client as the server sends them: carried in the binary,
// typed and cached correctly, and no path leads anywhere else. Requests go over raw sockets
// so that traversal attempts arrive exactly as written.
#include "support/RawHttp.h"
#include "support/TestServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

class TestStatic : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    RawResponse get(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        return RawHttp(m_server->port()).request("GET", target, headers);
    }

    static QByteArray sourceFile(const QString &name) {
        QFile file(QStringLiteral(GISTACK_SOURCE_DIR "/resources/web/") + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void init() {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void filesAreServedWithTheirContentType_data() {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("page at /") << QByteArray("/") << "index.html"
                                   << QByteArray("text/html; charset=utf-8");
        QTest::newRow("page by name")
            << QByteArray("/index.html") << "index.html" << QByteArray("text/html; charset=utf-8");
        QTest::newRow("client script") << QByteArray("/gistack-notify.js") << "gistack-notify.js"
                                       << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("client module") << QByteArray("/gistack-notify.mjs") << "gistack-notify.mjs"
                                       << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("card texts") << QByteArray("/notify-cards.js") << "notify-cards.js"
                                    << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("style") << QByteArray("/demo.css") << "demo.css"
                               << QByteArray("text/css; charset=utf-8");
        QTest::newRow("icon") << QByteArray("/favicon.svg") << "favicon.svg" << QByteArray("image/svg+xml");
        QTest::newRow("query ignored")
            << QByteArray("/demo.js?v=2") << "demo.js" << QByteArray("text/javascript; charset=utf-8");
    }

    void filesAreServedWithTheirContentType() {
        QFETCH(QByteArray, path);
        QFETCH(QString, file);
        QFETCH(QByteArray, contentType);
        const RawResponse response = get(path);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("content-type"), contentType);
        QCOMPARE(response.header("x-content-type-options"), QByteArray("nosniff"));
        // The binary carries the files of this source tree, byte for byte.
        const QByteArray source = sourceFile(file);
        QVERIFY(!source.isEmpty());
        QCOMPARE(response.body, source);
    }

    void etagAndCacheControlLetBrowsersRevalidate() {
        const RawResponse first = get("/gistack-notify.js");
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("etag");
        QVERIFY2(etag.size() > 2 && etag.startsWith('"') && etag.endsWith('"'), etag.constData());
        QCOMPARE(first.header("cache-control"), QByteArray("no-cache"));
        QCOMPARE(get("/gistack-notify.js").header("etag"), etag); // stable
        QVERIFY(get("/demo.css").header("etag") != etag);         // per content
        QCOMPARE(get("/").header("etag"), get("/index.html").header("etag"));

        const auto revalidate = [this](const QByteArray &ifNoneMatch) {
            return get("/gistack-notify.js", {{"If-None-Match", ifNoneMatch}});
        };
        const RawResponse notModified = revalidate(etag);
        QCOMPARE(notModified.status, 304);
        QCOMPARE(notModified.header("etag"), etag);
        QCOMPARE(notModified.header("cache-control"), QByteArray("no-cache"));
        QCOMPARE(revalidate("W/" + etag).status, 304);
        QCOMPARE(revalidate("\"other\", " + etag).status, 304);
        QCOMPARE(revalidate("*").status, 304);
        const RawResponse changed = revalidate("\"0123456789\"");
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.body, sourceFile("gistack-notify.js"));
    }

    void headAnswersHeadersWithoutABody() {
        RawHttp http(m_server->port());
        const RawResponse head = http.request("HEAD", "/demo.css");
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("content-type"), QByteArray("text/css; charset=utf-8"));
        QCOMPARE(head.header("content-length").toLongLong(), sourceFile("demo.css").size());
        QVERIFY(!head.header("etag").isEmpty());
        // No body bytes follow: the next answer on the same connection starts clean.
        const RawResponse next = http.request("GET", "/favicon.svg");
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, sourceFile("favicon.svg"));
        QCOMPARE(http.leftover(), QByteArray());
    }

    void otherMethodsAre405() {
        RawHttp http(m_server->port());
        for (const QByteArray method : {"POST", "PUT", "DELETE"}) {
            const RawResponse response = http.request(method, "/index.html", {{"Content-Length", "0"}});
            QCOMPARE(response.status, 405);
            QCOMPARE(response.header("allow"), QByteArray("GET, HEAD"));
        }
    }

    void pageHeadersProtectTheTokenInItsUrl() {
        const RawResponse page = get("/");
        QCOMPARE(page.header("referrer-policy"), QByteArray("no-referrer"));
        const QByteArray policy = page.header("content-security-policy");
        QVERIFY2(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"),
                 policy.constData());
        // Scripts may be imported by the GIStack front end from its own origin.
        QCOMPARE(get("/gistack-notify.mjs").header("access-control-allow-origin"), QByteArray("*"));
    }

    void traversalIsRefused_data() {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("dot dot") << QByteArray("/../CMakeLists.txt");
        QTest::newRow("deep dot dot") << QByteArray("/../../../../etc/passwd");
        QTest::newRow("encoded") << QByteArray("/%2e%2e/%2e%2e/etc/passwd");
        QTest::newRow("encoded upper") << QByteArray("/%2E%2E/index.html");
        QTest::newRow("half encoded") << QByteArray("/.%2e/index.html");
        QTest::newRow("encoded slash") << QByteArray("/..%2f..%2fetc%2fpasswd");
        QTest::newRow("inside then out") << QByteArray("/web/../index.html");
        QTest::newRow("dot") << QByteArray("/./index.html");
        QTest::newRow("backslash") << QByteArray("/..\\..\\etc\\passwd");
        QTest::newRow("encoded backslash") << QByteArray("/%5c..%5cindex.html");
        QTest::newRow("nul") << QByteArray("/index.html%00.js");
        QTest::newRow("absolute form") << QByteArray("http://127.0.0.1/../index.html");
    }

    void traversalIsRefused() {
        QFETCH(QByteArray, target);
        const RawResponse response = get(target);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.header("content-type"), QByteArray("application/json"));
        QVERIFY(!QJsonDocument::fromJson(response.body).object().value("error").toString().isEmpty());
    }

    void unknownPathsAre404_data() {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("missing file") << QByteArray("/nothing.js");
        QTest::newRow("resource prefix") << QByteArray("/web/index.html");
        QTest::newRow("resource path") << QByteArray("/:/web/index.html");
        QTest::newRow("double encoded") << QByteArray("/%252e%252e/index.html");
        QTest::newRow("directory") << QByteArray("/web/");
        QTest::newRow("case") << QByteArray("/INDEX.HTML");
    }

    void unknownPathsAre404() {
        QFETCH(QByteArray, target);
        QCOMPARE(get(target).status, 404);
    }

    void apiAndHealthComeFirst() {
        const RawResponse health = get("/healthz");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.header("content-type"), QByteArray("application/json"));
        QCOMPARE(get("/api/v1/stats").status, 401);
    }
};

QTEST_GUILESS_MAIN(TestStatic)
#include "tst_static.moc"
