#include "ConsoleFixture.h"

#include "ConsoleResources.h"
#include "TestServer.h"
#include "net/TokenVerifier.h"
#include "views/MainWindow.h"

#include <QJsonObject>

namespace gistack::test {

ConsoleFixture::ConsoleFixture(int logRows)
    : m_logRows(logRows) {
    initConsoleResources();
    m_settings = std::make_unique<ConsoleSettings>(m_dir.filePath(QStringLiteral("console.ini")));
    m_host = std::make_unique<ServerHost>(m_clock);
    m_context = std::make_unique<ConsoleContext>(*m_host, m_logRows);
}

ConsoleFixture::~ConsoleFixture() {
    m_window.reset();
    m_host->stop();
    m_context.reset();
    m_host.reset();
}

ServerConfig ConsoleFixture::config() const {
    ServerConfig config = TestServer::defaults();
    config.database = m_dir.filePath(QStringLiteral("gistack.db"));
    return config;
}

bool ConsoleFixture::start() {
    if (!m_host->start(config())) {
        qWarning() << "console host failed to start:" << m_host->lastError();
        return false;
    }
    return true;
}

ApiClient &ConsoleFixture::api() {
    const quint16 port = quint16(m_host->url().port());
    if (!m_api || port != m_apiPort) {
        QUrl base(QStringLiteral("http://127.0.0.1"));
        base.setPort(port);
        m_api = std::make_unique<ApiClient>(base, QByteArray(TestServer::apiKey));
        m_apiPort = port;
    }
    return *m_api;
}

MainWindow &ConsoleFixture::window() {
    if (!m_window)
        m_window = std::make_unique<MainWindow>(*m_context, *m_settings, m_language);
    return *m_window;
}

QString ConsoleFixture::tokenFor(const QString &userId) const {
    return TokenVerifier(QByteArray(TestServer::jwtSecret), m_clock).issue(userId, 3600);
}

QUrl ConsoleFixture::wsUrl(const QString &userId) const {
    QUrl url(QStringLiteral("ws://127.0.0.1/ws"));
    url.setPort(m_host->url().port());
    url.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(tokenFor(userId))));
    return url;
}

bool ConsoleFixture::addOrg(const QString &orgId, const QString &name) {
    const ApiResult result =
        api().put(QStringLiteral("/api/v1/orgs/") + orgId,
                  QJsonObject{{"name", name.isEmpty() ? orgId + QStringLiteral(" name") : name}});
    if (result.status != 200)
        qWarning() << result.text();
    return result.status == 200;
}

bool ConsoleFixture::addUser(const QString &userId, const QString &orgId, const QString &role,
                             const QString &name) {
    const ApiResult result =
        api().put(QStringLiteral("/api/v1/users/") + userId,
                  QJsonObject{{"name", name.isEmpty() ? userId + QStringLiteral(" name") : name},
                              {"orgId", orgId},
                              {"role", role}});
    if (result.status != 200)
        qWarning() << result.text();
    return result.status == 200;
}

QString ConsoleFixture::submitRequest(const QString &userId, const QString &kind, const QString &action,
                                      const QString &resourceName) {
    const ApiResult result = api().post(
        QStringLiteral("/api/v1/requests"),
        QJsonObject{{"userId", userId}, {"kind", kind}, {"action", action}, {"resourceName", resourceName}});
    if (result.status != 201)
        qWarning() << result.text();
    return result.json().value(QStringLiteral("id")).toString();
}

QString ConsoleFixture::submitRegistration(const QString &userId, const QString &orgId, const QString &name) {
    const ApiResult result = api().post(QStringLiteral("/api/v1/registrations"),
                                        QJsonObject{{"userId", userId}, {"orgId", orgId}, {"name", name}});
    if (result.status != 201)
        qWarning() << result.text();
    return result.json().value(QStringLiteral("id")).toString();
}

} // namespace gistack::test
