#include "GuardedTcpServer.h"

#include "ConnectionGuard.h"

#include <QTcpSocket>

namespace gistack {

GuardedTcpServer::GuardedTcpServer(ConnectionGuard &guard, QObject *parent)
    : QTcpServer(parent)
    , m_guard(guard) {
}

void GuardedTcpServer::incomingConnection(qintptr descriptor) {
    if (!m_guard.admit(descriptor, true))
        return;
    if (!m_divert || !m_divert(descriptor))
        QTcpServer::incomingConnection(descriptor);
}

void GuardedTcpServer::adopt(qintptr descriptor) {
    QTcpServer::incomingConnection(descriptor);
    emit newConnection();
}

QTcpSocket *GuardedTcpServer::nextPendingConnection() {
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket)
        m_guard.watch(socket);
    return socket;
}

} // namespace gistack
