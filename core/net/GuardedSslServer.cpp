#include "GuardedSslServer.h"

#include "ConnectionGuard.h"

#include <QSslSocket>

namespace gistack {

GuardedSslServer::GuardedSslServer(ConnectionGuard &guard, const QSslConfiguration &tls, QObject *parent)
    : QSslServer(parent)
    , m_guard(guard) {
    setSslConfiguration(tls);
    setHandshakeTimeout(guard.limits().handshakeTimeoutMs);
    connect(this, &QSslServer::startedEncryptionHandshake, this,
            [this](QSslSocket *socket) { m_guard.stampAccepted(socket); });
}

void GuardedSslServer::incomingConnection(qintptr descriptor) {
    // Refused before the TLS handshake, the expensive part.
    if (m_guard.admit(descriptor, false))
        QSslServer::incomingConnection(descriptor);
}

QTcpSocket *GuardedSslServer::nextPendingConnection() {
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket)
        m_guard.watch(socket);
    return socket;
}

} // namespace gistack
