#pragma once

#include <QTcpServer>

#include <functional>

namespace gistack {

class ConnectionGuard;

// The plain-text listening socket: the guard admits each connection before a socket is
// made and watches each socket before QtHttpServer takes it.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    explicit GuardedTcpServer(ConnectionGuard &guard, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;
    // Admitted descriptors go here first; it returns false to leave one to QtHttpServer now.
    void setDivert(std::function<bool(qintptr)> divert) { m_divert = std::move(divert); }
    // A diverted descriptor that turned out to be for QtHttpServer after all.
    void adopt(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGuard &m_guard;
    std::function<bool(qintptr)> m_divert;
};

} // namespace gistack
