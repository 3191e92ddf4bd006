#include "ClientConnection.h"

#include <QUrlQuery>
#include <QWebSocket>

namespace gistack {

ClientConnection::ClientConnection(QWebSocket *socket, quint64 id, qint64 connectedAtMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_id(id)
    , m_connectedAtMs(connectedAtMs)
    , m_lastHeardMs(connectedAtMs) {
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { emit textReceived(this, text); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] { emit binaryReceived(this); });
    connect(m_socket, &QWebSocket::pong, this, [this] { emit ponged(this); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (!m_closedEmitted) {
            m_closedEmitted = true;
            emit closed(this);
        }
    });
}

ClientConnection::~ClientConnection() {
    m_socket->disconnect(this);
}

void ClientConnection::authenticate(const User &user) {
    m_user = user;
    m_authenticated = true;
}

QHostAddress ClientConnection::peerAddress() const {
    return m_socket->peerAddress();
}

QString ClientConnection::requestToken() const {
    return QUrlQuery(m_socket->requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
}

QString ClientConnection::origin() const {
    return m_socket->origin();
}

bool ClientConnection::isOpen() const {
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool ClientConnection::send(const QByteArray &frame) {
    if (!isOpen())
        return false;
    // QWebSocket takes QString for text frames; the UTF-8 bytes round-trip unchanged.
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    return true;
}

void ClientConnection::ping(qint64 nowMs) {
    m_pingSentMs = nowMs;
    m_socket->ping();
}

void ClientConnection::close(int code, const QString &reason) {
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void ClientConnection::abort() {
    m_socket->abort();
}

} // namespace gistack
