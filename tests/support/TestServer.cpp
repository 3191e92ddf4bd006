#include "TestServer.h"

#include "net/TokenVerifier.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTest>
#include <QUuid>

namespace gistack::test {

ServerConfig TestServer::defaults() {
    ServerConfig config;
    config.port = 0;
    config.bind = QHostAddress::LocalHost;
    config.jwtSecret = jwtSecret;
    config.apiKey = apiKey;
    return config;
}

TestServer::TestServer(ServerConfig overrides)
    : m_config(std::move(overrides)) {
    if (m_config.database.isEmpty() && PgTestDatabase::requested()) {
        m_pg = std::make_unique<PgTestDatabase>();
        if (!m_pg->isValid())
            qWarning() << "could not create a PostgreSQL test database:" << m_pg->error();
        m_config.database = m_pg->url();
    }
    if (m_config.database.isEmpty())
        m_config.database = m_dir.filePath(QStringLiteral("gistack.db"));
}

int TestServer::countRows(const QString &table) const {
    const QString name = QStringLiteral("reader-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    int count = -1;
    {
        QSqlDatabase db;
        if (m_pg) {
            db = PgTestDatabase::open(m_pg->url(), name);
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_config.database);
            db.open();
        }
        if (db.isOpen()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && query.next())
                count = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

TestServer::~TestServer() {
    stop();
    m_api.reset();
    m_pg.reset(); // drops the database once the server is gone
}

bool TestServer::start() {
    ServerConfig config = m_config;
    config.port = m_port; // 0 the first time, then the same port again
    m_server = std::make_unique<NotifyServer>(config, m_clock);
    QString error;
    if (!m_server->start(&error)) {
        qWarning() << "test server failed to start:" << error;
        return false;
    }
    m_port = m_server->port();
    QUrl base(m_config.tlsEnabled() ? QStringLiteral("https://127.0.0.1")
                                    : QStringLiteral("http://127.0.0.1"));
    base.setPort(m_port);
    m_api = std::make_unique<ApiClient>(base, QByteArray(apiKey));
    m_api->setSslConfiguration(clientTls());
    return true;
}

void TestServer::stop() {
    if (m_server)
        m_server->stop();
    m_server.reset();
}

bool TestServer::restart() {
    stop();
    return start();
}

QString TestServer::tokenFor(const QString &userId, qint64 ttlSeconds) const {
    return TokenVerifier(QByteArray(jwtSecret), m_clock).issue(userId, ttlSeconds);
}

QUrl TestServer::wsUrl(const QString &token) const {
    QUrl url = wsUrlWithoutToken();
    url.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(token)));
    return url;
}

QSslConfiguration TestServer::clientTls() const {
    if (!m_config.tlsEnabled())
        return {};
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_config.tlsCertificate));
    return tls;
}

QUrl TestServer::wsUrlWithoutToken() const {
    QUrl url(m_config.tlsEnabled() ? QStringLiteral("wss://127.0.0.1/ws")
                                   : QStringLiteral("ws://127.0.0.1/ws"));
    url.setPort(m_port);
    return url;
}

void TestServer::addOrg(const QString &orgId) {
    const ApiResult result =
        m_api->put(QStringLiteral("/api/v1/orgs/") + orgId, QJsonObject{{"name", orgId + " name"}});
    QVERIFY2(result.status == 200, qPrintable(result.text()));
}

void TestServer::addUser(const QString &userId, const QString &orgId, const QString &role) {
    const ApiResult result =
        m_api->put(QStringLiteral("/api/v1/users/") + userId,
                   QJsonObject{{"name", userId + " name"}, {"orgId", orgId}, {"role", role}});
    QVERIFY2(result.status == 200, qPrintable(result.text()));
}

} // namespace gistack::test
