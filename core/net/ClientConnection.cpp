#include "ClientConnection.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QtEndian>

#include <linux/sockios.h>
#include <sys/ioctl.h>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

ClientConnection::ClientConnection(QWebSocket *socket, quint64 id, qint64 connectedAtMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_id(id)
    , m_connectedAtMs(connectedAtMs)
    , m_lastHeardMs(connectedAtMs) {
    m_socket->setParent(this);
    m_transport = qobject_cast<QTcpSocket *>(m_socket->property(transportProperty).value<QObject *>());
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

void ClientConnection::authenticate(const User &user, quint64 routeSeq) {
    m_user = user;
    m_authenticated = true;
    m_authenticatedSeq = routeSeq;
}

void ClientConnection::setSendLimit(qint64 maxBytes, int graceMs) {
    m_maxSendBytes = maxBytes;
    m_dropGraceMs = graceMs;
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

bool ClientConnection::send(const QByteArray &frame, const QString &durableId, quint64 routeSeq) {
    if (!isOpen() || m_dropping)
        return false;
    // What earlier frames left unsent is what the peer failed to read; one big frame to a
    // healthy peer is not a reason to drop it.
    if (checkBacklog())
        return false;
    // QWebSocket takes QString for text frames; the UTF-8 bytes round-trip unchanged.
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    m_payloadSent += frame.size();
    if (!durableId.isEmpty()) {
        m_unconfirmed.append(Unconfirmed{routeSeq, durableId, m_payloadSent});
        if (m_unconfirmed.size() > 32)
            pruneConfirmed();
        if (m_unconfirmed.size() > 1024)
            m_unconfirmed.removeFirst(); // bounded even if the kernel cannot be asked
    }
    return true;
}

qint64 ClientConnection::backlog() const {
    return m_socket->bytesToWrite();
}

bool ClientConnection::checkBacklog() {
    if (m_dropping || !isOpen() || backlog() <= m_maxSendBytes)
        return false;
    dropSlow();
    return true;
}

qint64 ClientConnection::confirmedBytes() const {
    // Counting payload only and every queued byte against it errs towards "not confirmed":
    // a message is given up only once the peer's TCP stack has acknowledged all of it.
    int kernelQueue = 0;
    if (!m_transport || !hasDescriptor() ||
        ::ioctl(int(m_transport->socketDescriptor()), SIOCOUTQ, &kernelQueue) != 0)
        return 0; // unknown: treat nothing as confirmed
    return m_payloadSent - backlog() - kernelQueue;
}

void ClientConnection::pruneConfirmed() {
    const qint64 confirmed = confirmedBytes();
    while (!m_unconfirmed.isEmpty() && m_unconfirmed.first().endOffset <= confirmed)
        m_unconfirmed.removeFirst();
}

bool ClientConnection::hasDescriptor() const {
    // Until the socket is unconnected (closing included) its descriptor is still ours.
    return m_socket->state() != QAbstractSocket::UnconnectedState;
}

void ClientConnection::noteUndelivered() {
    if (!hasDescriptor())
        return; // keep what was noted while the descriptor was still there
    pruneConfirmed();
    m_undelivered = m_unconfirmed;
}

void ClientConnection::startDropping() {
    noteUndelivered();
    if (!m_dropping) {
        m_dropping = true;
        emit dropping(this);
    }
}

void ClientConnection::dropSlow() {
    qCInfo(lcWs) << "closing slow socket" << m_id << "with" << backlog() << "bytes unsent";
    startDropping();
    close(CloseCode::Slow, QStringLiteral("slow"));
}

void ClientConnection::ping(qint64 nowMs) {
    m_pingSentMs = nowMs;
    m_socket->ping();
}

void ClientConnection::close(int code, const QString &reason) {
    if (m_closing)
        return;
    m_closing = true;
    if (m_transport && backlog() > 0)
        closeBehindBacklog(code, reason);
    else
        m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void ClientConnection::closeBehindBacklog(int code, const QString &reason) {
    // Qt 6.4's QWebSocket::close() throws away what is still unsent, close frame included,
    // and can leave the TCP connection open. So the close frame goes behind the backlog on
    // the TCP socket itself: a peer that reads on gets everything, then the code.
    QByteArray payload(2, '\0');
    qToBigEndian<quint16>(quint16(code), payload.data());
    payload += reason.toUtf8().left(123);
    m_transport->write(QByteArray(1, char(0x88)) + char(payload.size()) + payload);
    m_transport->disconnectFromHost();
    // A peer that reads nothing never gets there.
    QTimer::singleShot(m_dropGraceMs, this, [this] {
        noteUndelivered();
        if (m_transport)
            m_transport->abort();
    });
}

void ClientConnection::abort() {
    startDropping();
    m_socket->abort();
}

} // namespace gistack
