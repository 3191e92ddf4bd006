#pragma once

#include "FrameChannel.h"
#include "WebSocketCodes.h"
#include "domain/Entities.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>

#include <memory>

namespace gistack {

// One browser socket: pending until its token is verified, then bound to a user.
class ClientConnection : public QObject, private FrameChannel::Listener {
    Q_OBJECT
public:
    ClientConnection(std::unique_ptr<FrameChannel> channel, quint64 id, qint64 connectedAtMs,
                     QObject *parent = nullptr);
    ~ClientConnection() override;

    quint64 id() const { return m_id; }
    bool isAuthenticated() const { return m_authenticated; }
    const User &user() const { return m_user; }
    // routeSeq: the last durable message routed before this connection joined its user.
    void authenticate(const User &user, quint64 routeSeq);
    quint64 authenticatedSeq() const { return m_authenticatedSeq; }
    // The message log's last seq when the login read its facts: live broadcasts up to it are
    // already in the login's own frames.
    void setLoadedSeq(qint64 seq) { m_loadedSeq = seq; }
    qint64 loadedSeq() const { return m_loadedSeq; }

    // Unsent bytes past maxBytes close the socket with 4008; a socket that does not close
    // within graceMs of that (or of a dead-peer drop) is aborted.
    void setSendLimit(qint64 maxBytes, int graceMs);

    QHostAddress peerAddress() const;
    QString requestToken() const;
    QString origin() const;
    qint64 connectedAtMs() const { return m_connectedAtMs; }
    qint64 lastHeardMs() const { return m_lastHeardMs; }
    void heard(qint64 nowMs) { m_lastHeardMs = nowMs; }
    // When the last unanswered ping went out; 0 when none is outstanding.
    qint64 pingSentMs() const { return m_lastHeardMs >= m_pingSentMs ? 0 : m_pingSentMs; }
    bool isOpen() const;
    bool sendsFromAnyThread() const { return m_channel->sendsFromAnyThread(); }

    // Queues one text frame; false when the socket is no longer open or is being dropped.
    // A durable message (one the database queues for offline users) names its id and
    // routing sequence, so it can be queued again if the socket is dropped before the peer
    // has it.
    bool send(const QByteArray &frame, const QString &durableId = QString(), quint64 routeSeq = 0);

    // send() for a fan-out spread over threads: emits nothing and touches only this
    // connection. What it cannot do there it leaves for send() or checkBacklog() on the
    // connection's own thread afterwards.
    // Several frames go out in one write where the socket allows; an empty id marks a frame
    // that is not durable.
    enum class Attempt { Sent, Closed, LeftForOwnThread };
    Attempt sendFromAnyThread(const QList<QByteArray> &frames, const QStringList &durableIds,
                              const QList<quint64> &routeSeqs);
    // Bytes queued on the socket and not yet handed to the operating system.
    qint64 backlog() const;
    // Closes the socket with 4008 when its backlog is past the limit; true if it did.
    bool checkBacklog();
    void ping(qint64 nowMs);
    // The login is done: a 101 answer still held back goes out now (see FrameChannel).
    void finishHandshake() { m_channel->finishHandshake(); }
    void close(int code, const QString &reason);
    // Called on each housekeeping sweep: a close the peer has not answered within the grace
    // period ends with abort(). True if it did.
    bool abortIfCloseStalled(qint64 nowMs);
    // Drops a dead peer without a close frame.
    void abort();
    bool isDropping() const { return m_dropping; }

    struct Unconfirmed {
        quint64 routeSeq;
        QString messageId;
        qint64 endOffset; // payload bytes sent up to the end of this message
    };
    // Durable messages the peer may not have received when the server dropped the socket
    // (slow or dead); empty when it closed normally.
    const QList<Unconfirmed> &undelivered() const { return m_undelivered; }

signals:
    void textReceived(gistack::ClientConnection *connection, const QString &text);
    void binaryReceived(gistack::ClientConnection *connection);
    void ponged(gistack::ClientConnection *connection);
    void closed(gistack::ClientConnection *connection);
    // The server gave up on this socket (slow or dead); it no longer counts as online.
    void dropping(gistack::ClientConnection *connection);

private:
    void channelText(const QString &text) override { emit textReceived(this, text); }
    void channelBinary() override { emit binaryReceived(this); }
    void channelPong() override { emit ponged(this); }
    void channelClosed() override;
    void queueFrame(const QByteArray &frame, const QString &durableId, quint64 routeSeq);
    // The bookkeeping of a frame handed to the channel.
    void noteSent(qsizetype bytes, const QString &durableId, quint64 routeSeq);
    void dropSlow();
    void startDropping();
    void noteUndelivered();
    qint64 confirmedBytes() const;
    void pruneConfirmed();

    std::unique_ptr<FrameChannel> m_channel;
    bool m_closing = false;
    qint64 m_closeSeenMs = 0;
    quint64 m_id;
    qint64 m_connectedAtMs;
    qint64 m_lastHeardMs;
    qint64 m_pingSentMs = 0;
    bool m_authenticated = false;
    bool m_closedEmitted = false;
    bool m_dropping = false;
    User m_user;
    quint64 m_authenticatedSeq = 0;
    qint64 m_loadedSeq = 0;
    qint64 m_maxSendBytes = 1024 * 1024;
    int m_dropGraceMs = 10000;
    qint64 m_payloadSent = 0;
    QList<Unconfirmed> m_unconfirmed;
    QList<Unconfirmed> m_undelivered;
};

} // namespace gistack
