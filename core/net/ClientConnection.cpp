#include "ClientConnection.h"

#include <QLoggingCategory>

#include <linux/sockios.h>
#include <sys/ioctl.h>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

ClientConnection::ClientConnection(std::unique_ptr<FrameChannel> channel, quint64 id, qint64 connectedAtMs,
                                   QObject *parent)
    : QObject(parent)
    , m_channel(std::move(channel))
    , m_id(id)
    , m_connectedAtMs(connectedAtMs)
    , m_lastHeardMs(connectedAtMs) {
    m_channel->setListener(this);
}

ClientConnection::~ClientConnection() {
    m_channel->setListener(nullptr);
}

void ClientConnection::channelClosed() {
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        emit closed(this);
    }
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
    return m_channel->peerAddress();
}

QString ClientConnection::requestToken() const {
    return m_channel->requestToken();
}

QString ClientConnection::origin() const {
    return m_channel->origin();
}

bool ClientConnection::isOpen() const {
    return m_channel->isOpen();
}

bool ClientConnection::send(const QByteArray &frame, const QString &durableId, quint64 routeSeq) {
    if (!isOpen() || m_dropping)
        return false;
    // What earlier frames left unsent is what the peer failed to read; one big frame to a
    // healthy peer is not a reason to drop it.
    if (checkBacklog())
        return false;
    queueFrame(frame, durableId, routeSeq);
    return true;
}

ClientConnection::Attempt ClientConnection::sendFromAnyThread(const QList<QByteArray> &frames,
                                                              const QStringList &durableIds,
                                                              const QList<quint64> &routeSeqs) {
    if (!isOpen() || m_dropping)
        return Attempt::Closed;
    // A slow peer is closed by checkBacklog(), which emits: the caller's thread does that.
    if (!m_channel->sendsFromAnyThread() || backlog() > m_maxSendBytes)
        return Attempt::LeftForOwnThread;
    m_channel->sendTexts(frames.constData(), frames.size());
    for (qsizetype i = 0; i < frames.size(); ++i)
        noteSent(frames.at(i).size(), durableIds.at(i), routeSeqs.at(i));
    return Attempt::Sent;
}

void ClientConnection::queueFrame(const QByteArray &frame, const QString &durableId, quint64 routeSeq) {
    m_channel->sendText(frame);
    noteSent(frame.size(), durableId, routeSeq);
}

void ClientConnection::noteSent(qsizetype bytes, const QString &durableId, quint64 routeSeq) {
    m_payloadSent += bytes;
    if (!durableId.isEmpty()) {
        m_unconfirmed.append(Unconfirmed{routeSeq, durableId, m_payloadSent});
        if (m_unconfirmed.size() > 32)
            pruneConfirmed();
        if (m_unconfirmed.size() > 1024)
            m_unconfirmed.removeFirst(); // bounded even if the kernel cannot be asked
    }
}

qint64 ClientConnection::backlog() const {
    return m_channel->backlog();
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
    if (!m_channel->hasDescriptor() || ::ioctl(m_channel->descriptor(), SIOCOUTQ, &kernelQueue) != 0)
        return 0; // unknown: treat nothing as confirmed
    return m_payloadSent - backlog() - kernelQueue;
}

void ClientConnection::pruneConfirmed() {
    const qint64 confirmed = confirmedBytes();
    while (!m_unconfirmed.isEmpty() && m_unconfirmed.first().endOffset <= confirmed)
        m_unconfirmed.removeFirst();
}

void ClientConnection::noteUndelivered() {
    if (!m_channel->hasDescriptor())
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
    m_channel->ping();
}

void ClientConnection::close(int code, const QString &reason) {
    if (m_closing)
        return;
    m_closing = true;
    m_channel->close(code, reason);
}

bool ClientConnection::abortIfCloseStalled(qint64 nowMs) {
    if (!m_closing || !m_channel->hasDescriptor())
        return false;
    // Timed by the registry's sweep: a timer per closing socket would outlive the socket.
    if (m_closeSeenMs == 0) {
        m_closeSeenMs = nowMs;
        return false;
    }
    if (nowMs - m_closeSeenMs < m_dropGraceMs)
        return false;
    // A peer that reads nothing never answers the close frame.
    noteUndelivered();
    m_channel->abort();
    return true;
}

void ClientConnection::abort() {
    startDropping();
    m_channel->abort();
}

} // namespace gistack
