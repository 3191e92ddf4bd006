#pragma once

#include "domain/Entities.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>

class QWebSocket;

namespace gistack {

// Close codes the server uses, beyond RFC 6455's own.
namespace CloseCode {
constexpr int GoingAway = 1001;
constexpr int UnsupportedData = 1003;
constexpr int InvalidPayload = 1007;
constexpr int Unauthorized = 4401;
constexpr int UnknownCommand = 4400;
} // namespace CloseCode

// One browser socket: pending until its token is verified, then bound to a user.
class ClientConnection : public QObject {
    Q_OBJECT
public:
    ClientConnection(QWebSocket *socket, quint64 id, qint64 connectedAtMs, QObject *parent = nullptr);
    ~ClientConnection() override;

    quint64 id() const { return m_id; }
    bool isAuthenticated() const { return m_authenticated; }
    const User &user() const { return m_user; }
    void authenticate(const User &user);

    QHostAddress peerAddress() const;
    QString requestToken() const;
    QString origin() const;
    qint64 connectedAtMs() const { return m_connectedAtMs; }
    qint64 lastHeardMs() const { return m_lastHeardMs; }
    void heard(qint64 nowMs) { m_lastHeardMs = nowMs; }
    // When the last unanswered ping went out; 0 when none is outstanding.
    qint64 pingSentMs() const { return m_lastHeardMs >= m_pingSentMs ? 0 : m_pingSentMs; }
    bool isOpen() const;

    // Queues one text frame; false when the socket is no longer open.
    bool send(const QByteArray &frame);
    void ping(qint64 nowMs);
    void close(int code, const QString &reason);
    void abort();

signals:
    void textReceived(gistack::ClientConnection *connection, const QString &text);
    void binaryReceived(gistack::ClientConnection *connection);
    void ponged(gistack::ClientConnection *connection);
    void closed(gistack::ClientConnection *connection);

private:
    QWebSocket *m_socket;
    quint64 m_id;
    qint64 m_connectedAtMs;
    qint64 m_lastHeardMs;
    qint64 m_pingSentMs = 0;
    bool m_authenticated = false;
    bool m_closedEmitted = false;
    User m_user;
};

} // namespace gistack
