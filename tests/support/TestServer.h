#pragma once

#include "ApiClient.h"
#include "PgTestDatabase.h"
#include "server/NotifyServer.h"
#include "time/ManualClock.h"

#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace gistack::test {

// A whole server on 127.0.0.1 with a free port, a fresh SQLite file (or, in a test's _pg variant,
// a fresh PostgreSQL database) and a manual clock that starts at the real current time (tokens
// are also checked against the wall clock).
class TestServer {
public:
    static constexpr const char *jwtSecret = "test-jwt-secret-0123456789";
    static constexpr const char *apiKey = "test-api-key-0123456789";

    explicit TestServer(ServerConfig overrides = defaults());
    ~TestServer();

    static ServerConfig defaults();

    bool start();
    void stop();
    // Stops and starts again on the same database and port.
    bool restart();

    NotifyServer &server() { return *m_server; }
    ManualClock &clock() { return m_clock; }
    ApiClient &api() { return *m_api; }
    QString databasePath() const { return m_config.database; }
    bool isPostgres() const { return m_pg != nullptr; }
    // Counts a table's rows through a connection of the test's own, as an operator would.
    int countRows(const QString &table) const;
    quint16 port() const { return m_port; }

    // Trusts the server's own certificate when it serves TLS; null otherwise.
    QSslConfiguration clientTls() const;

    QString tokenFor(const QString &userId, qint64 ttlSeconds = 3600) const;
    QUrl wsUrl(const QString &token) const;
    QUrl wsUrlWithoutToken() const;

    // Common fixtures, through the HTTP API like the platform's backend would do.
    void addOrg(const QString &orgId);
    void addUser(const QString &userId, const QString &orgId, const QString &role);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    ManualClock m_clock;
    ServerConfig m_config;
    quint16 m_port = 0;
    std::unique_ptr<NotifyServer> m_server;
    std::unique_ptr<ApiClient> m_api;
};

} // namespace gistack::test
