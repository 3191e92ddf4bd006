#include "QtFrameChannel.h"

#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <QtEndian>

namespace gistack {

QtFrameChannel::QtFrameChannel(QWebSocket *socket)
    : m_socket(socket) {
    m_transport = qobject_cast<QTcpSocket *>(m_socket->property(transportProperty).value<QObject *>());
}

QtFrameChannel::~QtFrameChannel() {
    m_socket->disconnect();
    delete m_socket;
}

void QtFrameChannel::setListener(Listener *listener) {
    m_socket->disconnect();
    if (!listener)
        return;
    QObject::connect(m_socket, &QWebSocket::textMessageReceived, m_socket,
                     [listener](const QString &text) { listener->channelText(text); });
    QObject::connect(m_socket, &QWebSocket::binaryMessageReceived, m_socket,
                     [listener] { listener->channelBinary(); });
    QObject::connect(m_socket, &QWebSocket::pong, m_socket, [listener] { listener->channelPong(); });
    QObject::connect(m_socket, &QWebSocket::disconnected, m_socket, [this, listener] {
        if (!m_closedReported) {
            m_closedReported = true;
            listener->channelClosed();
        }
    });
}

bool QtFrameChannel::isOpen() const {
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool QtFrameChannel::hasDescriptor() const {
    // Until the socket is unconnected (closing included) its descriptor is still ours.
    return m_transport && m_socket->state() != QAbstractSocket::UnconnectedState;
}

int QtFrameChannel::descriptor() const {
    return m_transport ? int(m_transport->socketDescriptor()) : -1;
}

QHostAddress QtFrameChannel::peerAddress() const {
    return m_socket->peerAddress();
}

QString QtFrameChannel::requestToken() const {
    return QUrlQuery(m_socket->requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
}

QString QtFrameChannel::origin() const {
    return m_socket->origin();
}

void QtFrameChannel::sendText(const QByteArray &utf8) {
    // QWebSocket takes QString for text frames; the UTF-8 bytes round-trip unchanged.
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
}

qint64 QtFrameChannel::backlog() const {
    return m_socket->bytesToWrite();
}

void QtFrameChannel::ping() {
    m_socket->ping();
}

void QtFrameChannel::close(int code, const QString &reason) {
    if (!m_transport || backlog() == 0) {
        m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
        return;
    }
    // Qt 6.4's QWebSocket::close() throws away what is still unsent, close frame included,
    // and can leave the TCP connection open. So the close frame goes behind the backlog on
    // the TCP socket itself: a peer that reads on gets everything, then the code.
    QByteArray payload(2, '\0');
    qToBigEndian<quint16>(quint16(code), payload.data());
    payload += reason.toUtf8().left(123);
    m_transport->write(QByteArray(1, char(0x88)) + char(payload.size()) + payload);
    m_transport->disconnectFromHost();
}

void QtFrameChannel::abort() {
    m_socket->abort();
}

} // namespace gistack
