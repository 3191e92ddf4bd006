#include "ConnectionGuard.h"

#include "RequestHead.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace gistack {

namespace {

const char acceptedProperty[] = "gistackAcceptedMs";
// Room for the request line and headers on top of the largest body.
constexpr qint64 headRoom = 64 * 1024;
constexpr qint64 peekBytes = 16 * 1024;
constexpr qint64 reportEveryMs = 10000;
// How long, and how much of a refused body, is read and dropped before the connection closes.
constexpr int lingerMs = 3000;
constexpr qint64 lingerBytes = 16 * 1024 * 1024;

QByteArray httpError(int status, const QByteArray &reason, const QByteArray &message) {
    const QByteArray body = "{\"error\":\"" + message + "\"}";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QHostAddress peerOf(qintptr descriptor) {
    sockaddr_storage storage = {};
    socklen_t length = sizeof(storage);
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&storage));
}

} // namespace

ConnectionGuard::ConnectionGuard(Limits limits, QObject *httpServer, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_httpServer(httpServer)
    , m_rate(limits.connectionRate, limits.connectionBurst) {
    m_clock.start();
    m_sweep.setInterval(qBound(50, m_limits.handshakeTimeoutMs / 5, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionGuard::sweep);
    m_sweep.start();
}

ConnectionGuard::~ConnectionGuard() {
    for (auto it = m_watched.cbegin(); it != m_watched.cend(); ++it)
        it.key()->disconnect(this);
}

bool ConnectionGuard::admit(qintptr descriptor, bool plainText) {
    if (!m_rate.enabled())
        return true;
    const QHostAddress peer = peerOf(descriptor);
    if (m_rate.admit(peer, nowMs()))
        return true;
    ++m_refusedSinceReport;
    qCDebug(lcHttp) << "refused a connection from" << peer.toString() << "over the connection rate";
    const int fd = int(descriptor);
    if (plainText) {
        // Read what already came so that closing sends FIN, not RST, and the 429 arrives.
        char sink[4096];
        for (int i = 0; i < 16 && ::recv(fd, sink, sizeof(sink), MSG_DONTWAIT) > 0; ++i) {
        }
        static const QByteArray tooMany =
            httpError(429, "Too Many Requests", "too many new connections from your address, retry later");
        [[maybe_unused]] const auto sent =
            ::send(fd, tooMany.constData(), size_t(tooMany.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    }
    ::close(fd);
    return false;
}

void ConnectionGuard::stampAccepted(QTcpSocket *socket) {
    socket->setProperty(acceptedProperty, nowMs());
}

void ConnectionGuard::watch(QTcpSocket *socket) {
    const QVariant stamped = socket->property(acceptedProperty);
    const qint64 acceptedMs = stamped.isValid() ? stamped.toLongLong() : nowMs();
    m_watched.insert(socket, Watched{acceptedMs + m_limits.handshakeTimeoutMs, 0, false});
    // One JSON frame per write: send it now instead of letting Nagle hold it for the next.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // QtHttpServer 6.4 keeps a whole request in the socket's buffer until it is complete:
    // past this the socket stops reading, and the deadline closes it.
    socket->setReadBufferSize(m_limits.maxBodyBytes + headRoom);
    // Connected before QtHttpServer's own handler, so the head is seen before it is parsed.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_watched.remove(socket); });
}

void ConnectionGuard::requestStarted(QTcpSocket *socket) {
    auto it = m_watched.find(socket);
    if (it == m_watched.end())
        return;
    ++it->inFlight;
    it->deadlineMs = 0;
    it->partial = false;
}

void ConnectionGuard::requestAnswered(QTcpSocket *socket) {
    auto it = m_watched.find(socket);
    if (it == m_watched.end() || it->inFlight == 0)
        return;
    if (--it->inFlight > 0)
        return;
    it->deadlineMs = nowMs() + m_limits.handshakeTimeoutMs;
    if (m_shuttingDown)
        closeGracefully(socket);
}

void ConnectionGuard::release(QTcpSocket *socket) {
    forget(socket);
    socket->setReadBufferSize(0);
}

int ConnectionGuard::requestsInFlight() const {
    int count = 0;
    for (const Watched &watched : m_watched)
        count += watched.inFlight;
    return count;
}

void ConnectionGuard::beginShutdown() {
    m_shuttingDown = true;
    const auto sockets = m_watched.keys();
    for (QTcpSocket *socket : sockets) {
        if (m_watched.value(socket).inFlight == 0)
            closeGracefully(socket);
    }
}

void ConnectionGuard::closeGracefully(QTcpSocket *socket) {
    forget(socket);
    m_closing.append(socket);
    socket->disconnectFromHost(); // after the answer has been written
}

bool ConnectionGuard::hasOpenConnections() const {
    if (!m_watched.isEmpty())
        return true;
    return std::any_of(m_closing.cbegin(), m_closing.cend(), [](const QPointer<QTcpSocket> &socket) {
        return socket && socket->state() != QAbstractSocket::UnconnectedState;
    });
}

void ConnectionGuard::inspect(QTcpSocket *socket) {
    auto it = m_watched.find(socket);
    if (it == m_watched.end() || it->inFlight > 0 || !socket->isOpen())
        return;
    it->partial = true;
    const RequestHead head = RequestHead::parse(socket->peek(qMin(socket->bytesAvailable(), peekBytes)));
    if (head.complete && head.contentLength > m_limits.maxBodyBytes)
        refuseBody(socket, head.contentLength);
}

void ConnectionGuard::refuseBody(QTcpSocket *socket, qint64 declaredBytes) {
    qCInfo(lcHttp) << "refused a body of" << declaredBytes << "bytes from"
                   << socket->peerAddress().toString();
    forget(socket);
    // QtHttpServer would buffer the whole body: take the socket from it (it reads on
    // readyRead with itself as the receiver) and drop what it kept so far.
    QObject::disconnect(socket, &QTcpSocket::readyRead, m_httpServer, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->write(
        httpError(413, "Payload Too Large",
                  "request body larger than " + QByteArray::number(m_limits.maxBodyBytes) + " bytes"));
    // Read and drop the body the client is still sending: closing on unread data would reset
    // the connection, and clients that are still uploading would never see the 413.
    const qint64 toDrop = qMin(declaredBytes + headRoom, lingerBytes); // the head was read too
    auto dropped = std::make_shared<qint64>(0);
    const auto drain = [socket, dropped, toDrop] {
        *dropped += socket->skip(socket->bytesAvailable());
        if (*dropped >= toDrop && socket->state() == QAbstractSocket::ConnectedState)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::readyRead, socket, drain);
    QTimer::singleShot(lingerMs, socket, [socket] { socket->disconnectFromHost(); });
    drain();
}

void ConnectionGuard::refuse(QTcpSocket *socket, int status, const QByteArray &reason) {
    qCInfo(lcHttp) << "refused a request from" << socket->peerAddress().toString() << "with" << status;
    forget(socket);
    socket->write(httpError(status, status == 413 ? "Payload Too Large" : "Request Timeout", reason));
    // Stops reading too, so the rest of the body is never buffered.
    socket->disconnectFromHost();
}

void ConnectionGuard::forget(QTcpSocket *socket) {
    if (m_watched.remove(socket))
        socket->disconnect(this);
}

void ConnectionGuard::sweep() {
    const qint64 now = nowMs();
    QList<QTcpSocket *> expired;
    for (auto it = m_watched.cbegin(); it != m_watched.cend(); ++it) {
        if (it->deadlineMs > 0 && now >= it->deadlineMs)
            expired.append(it.key());
    }
    for (QTcpSocket *socket : std::as_const(expired)) {
        qCDebug(lcHttp) << "closing a connection from" << socket->peerAddress().toString()
                        << "that sent no complete request in time";
        if (m_watched.value(socket).partial && socket->state() == QAbstractSocket::ConnectedState) {
            refuse(socket, 408, "no complete request within the handshake timeout");
        } else {
            forget(socket);
            if (socket->bytesToWrite() > 0)
                socket->abort(); // a peer that reads nothing will not read a goodbye either
            else
                socket->disconnectFromHost();
        }
    }
    if (m_refusedSinceReport > 0 && now - m_lastReportMs >= reportEveryMs) {
        qCWarning(lcHttp) << "refused" << m_refusedSinceReport
                          << "connections over the per-address connection rate";
        m_refusedSinceReport = 0;
        m_lastReportMs = now;
    }
}

} // namespace gistack
