#pragma once

#include <QSslServer>

namespace gistack {

class ConnectionGuard;

// The TLS listening socket (https:// and wss://): like GuardedTcpServer, and the TLS
// handshake counts towards the handshake timeout.
class GuardedSslServer : public QSslServer {
    Q_OBJECT
public:
    GuardedSslServer(ConnectionGuard &guard, const QSslConfiguration &tls, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGuard &m_guard;
};

} // namespace gistack
