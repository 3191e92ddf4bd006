#pragma once

#include <QTcpServer>

namespace gistack {

class ConnectionGuard;

// The plain-text listening socket: the guard admits each connection before a socket is
// made and watches each socket before QtHttpServer takes it.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    explicit GuardedTcpServer(ConnectionGuard &guard, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGuard &m_guard;
};

} // namespace gistack
