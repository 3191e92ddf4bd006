#pragma once

#include "ApiClient.h"

#include <QProcess>
#include <QUrl>

#include <memory>

namespace gistack::test {

// One real gistack-server process (GISTACK_SERVER_BIN) on a free loopback port, configured
// through the environment like a deployment would be; for the multi-node tests.
class NodeProcess {
public:
    static constexpr const char *jwtSecret = "cluster-jwt-secret-0123456789";
    static constexpr const char *apiKey = "cluster-api-key-0123456789";

    NodeProcess(QString name, QString databaseUrl);
    ~NodeProcess();

    // Starts and waits until it listens; false (with the output in the test log) when it did not.
    bool start(int timeoutMs = 20000);
    // SIGKILL: no goodbye to the database or the sockets.
    void kill();
    // SIGTERM: the clean shutdown.
    void stop();

    const QString &name() const { return m_name; }
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    QUrl wsUrl(const QString &userId) const;
    ApiClient &api() { return *m_api; }
    // Everything it printed so far (stdout and stderr).
    QByteArray output();

    static QString tokenFor(const QString &userId);
    static QUrl wsUrl(quint16 port, const QString &userId);

private:
    QString m_name;
    QString m_databaseUrl;
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    std::unique_ptr<ApiClient> m_api;
};

} // namespace gistack::test
