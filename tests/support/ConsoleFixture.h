#pragma once

#include "ApiClient.h"
#include "ConsoleContext.h"
#include "ConsoleSettings.h"
#include "LanguageManager.h"
#include "ServerHost.h"
#include "time/ManualClock.h"

#include <QTemporaryDir>

#include <memory>

namespace gistack {
class MainWindow;
}

namespace gistack::test {

// The console as gistack-console builds it (host, models, window) over a real server on
// 127.0.0.1 with a free port, a fresh SQLite file, a manual clock and a throw-away QSettings file.
class ConsoleFixture {
public:
    explicit ConsoleFixture(int logRows = 5000);
    ~ConsoleFixture();

    bool start();
    ServerConfig config() const;

    ServerHost &host() { return *m_host; }
    ConsoleContext &context() { return *m_context; }
    ConsoleSettings &settings() { return *m_settings; }
    LanguageManager &language() { return m_language; }
    ManualClock &clock() { return m_clock; }
    // Talks to the port the host listens on now.
    ApiClient &api();
    MainWindow &window();

    QString tokenFor(const QString &userId) const;
    QUrl wsUrl(const QString &userId) const;

    // Fixtures through the HTTP API, like the platform's backend.
    bool addOrg(const QString &orgId, const QString &name = QString());
    bool addUser(const QString &userId, const QString &orgId, const QString &role,
                 const QString &name = QString());
    // Returns the new request's id, empty when the API refused it.
    QString submitRequest(const QString &userId, const QString &kind, const QString &action,
                          const QString &resourceName);
    QString submitRegistration(const QString &userId, const QString &orgId, const QString &name);

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    LanguageManager m_language;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<ServerHost> m_host;
    std::unique_ptr<ConsoleContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ApiClient> m_api;
    quint16 m_apiPort = 0;
    int m_logRows;
};

} // namespace gistack::test
