#pragma once

#include "server/NotifyServer.h"
#include "server/ServerConfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace gistack {

class Clock;

// Owns the embedded server of the console. Settings that the running server can take live
// (port, bind address, threshold) are applied in place; the others (database, secrets,
// daily check time) need a new server, and every listener re-attaches on serverChanged.
class ServerHost : public QObject {
    Q_OBJECT
public:
    explicit ServerHost(const Clock &clock, QObject *parent = nullptr);
    ~ServerHost() override;

    // Starts a server for config; false with lastError() when it could not.
    bool start(const ServerConfig &config);
    // Applies config to the running server, restarting only what has to change.
    bool apply(const ServerConfig &config);
    void stop();

    NotifyServer *server() const { return m_server.get(); }
    bool isRunning() const;
    QUrl url() const;
    const ServerConfig &config() const { return m_config; }
    QString lastError() const { return m_lastError; }

signals:
    // The server object was replaced (or removed: nullptr); models re-attach.
    void serverChanged(gistack::NotifyServer *server);
    // Running state, URL or error changed.
    void stateChanged();

private:
    static bool needsNewServer(const ServerConfig &a, const ServerConfig &b);

    const Clock &m_clock;
    ServerConfig m_config;
    std::unique_ptr<NotifyServer> m_server;
    QString m_lastError;
};

} // namespace gistack
