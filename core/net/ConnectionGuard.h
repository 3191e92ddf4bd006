#pragma once

#include "AddressRateLimiter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace gistack {

// Watches every accepted TCP connection until it becomes a WebSocket, below QtHttpServer
// (which in Qt 6.4 has no timeouts and buffers whole bodies):
// - refuses an address over the connection rate before a socket is even made;
// - drops a connection that does not finish a request or upgrade in time after it was
//   accepted or answered (slowloris, silent or idle connections);
// - answers 413 as soon as a request declares a body over the limit, and caps what a
//   connection may buffer meanwhile.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int handshakeTimeoutMs = 10000;
        qint64 maxBodyBytes = 1024 * 1024;
        int connectionRate = 20;
        int connectionBurst = 100;
    };

    // httpServer: the QAbstractHttpServer whose reading is stopped for a refused body.
    ConnectionGuard(Limits limits, QObject *httpServer, QObject *parent = nullptr);
    ~ConnectionGuard() override;

    const Limits &limits() const { return m_limits; }

    // Called by the accepting server with the raw descriptor. False: it was refused (an
    // HTTP 429 on plain text) and closed.
    bool admit(qintptr descriptor, bool plainText);
    // TLS sockets start their clock at the start of the TLS handshake.
    void stampAccepted(QTcpSocket *socket);
    void watch(QTcpSocket *socket);

    void requestStarted(QTcpSocket *socket);
    void requestAnswered(QTcpSocket *socket);
    // The socket was upgraded to a WebSocket: the gateway's limits take over.
    void release(QTcpSocket *socket);

    int watchedCount() const { return int(m_watched.size()); }
    int requestsInFlight() const;
    // Shutdown: closes every connection without a request in flight now, the others once
    // their answer is written.
    void beginShutdown();
    // Connections not yet closed and flushed (for the shutdown to wait on).
    bool hasOpenConnections() const;

private:
    struct Watched {
        qint64 deadlineMs = 0; // 0 while a request is being answered
        int inFlight = 0;
        bool partial = false; // bytes of a request arrived since the last answer
    };

    qint64 nowMs() const { return m_clock.elapsed(); }
    void inspect(QTcpSocket *socket);
    void sweep();
    void refuse(QTcpSocket *socket, int status, const QByteArray &reason);
    void refuseBody(QTcpSocket *socket, qint64 declaredBytes);
    void forget(QTcpSocket *socket);
    void closeGracefully(QTcpSocket *socket);

    Limits m_limits;
    QObject *m_httpServer;
    QElapsedTimer m_clock;
    AddressRateLimiter m_rate;
    QTimer m_sweep;
    QHash<QTcpSocket *, Watched> m_watched;
    QList<QPointer<QTcpSocket>> m_closing;
    bool m_shuttingDown = false;
    int m_refusedSinceReport = 0;
    qint64 m_lastReportMs = 0;
};

} // namespace gistack
