#pragma once

#include "ConnectionGuard.h"
#include "HttpReply.h"
#include "OriginPolicy.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>

#include <memory>

class QTcpServer;
class QWebSocket;

namespace gistack {

class FrameChannel;
class HttpHandler;
class SocketReactor;
class UpgradeSniffer;

// The one port: HTTP requests go to the handlers in order, "GET /ws" upgrades are handed
// over as WebSockets. Accepts through its own QTcpServer (or QSslServer for https:// and
// wss://) for a deep listen backlog and for the ConnectionGuard's limits below QtHttpServer.
class HttpListener : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit HttpListener(QObject *parent = nullptr);
    ~HttpListener() override;

    // Handlers are asked in order; the first that knows the route answers.
    void addHandler(HttpHandler *handler);
    void setMaxBodyBytes(qint64 bytes) { m_limits.maxBodyBytes = bytes; }
    // Before start().
    void setLimits(const ConnectionGuard::Limits &limits) { m_limits = limits; }
    void setOriginPolicy(OriginPolicy policy) { m_origins = std::move(policy); }
    // Before start(): the largest WebSocket message a browser may send.
    void setMaxMessageBytes(qint64 bytes) { m_maxMessageBytes = bytes; }
    // Loads a PEM certificate (then its chain) and key; start() then serves TLS only.
    bool setTls(const QString &certificateFile, const QString &keyFile, QString *error);
    bool isTls() const { return !m_tls.isNull(); }

    bool start(const QHostAddress &address, quint16 port, QString *error);
    void stopListening();
    // Shutdown: stop accepting, answer new requests 503, close each HTTP connection once
    // its request in flight is answered.
    void beginShutdown();
    bool hasOpenConnections() const;
    quint16 port() const;
    bool isListening() const;

signals:
    // An upgraded WebSocket, for the gateway to take.
    void webSocketArrived(gistack::FrameChannel *channel);
    // Every HTTP answer, when it is decided: path without the query, status, time taken.
    void requestAnswered(const QByteArray &method, const QString &path, int status, qint64 elapsedMs);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void takeWebSockets();
    QTcpServer *makePlainServer();
    HttpReply replyFor(const QHttpServerRequest &request, QTcpSocket *socket);
    static bool isUpgrade(const QHttpServerRequest &request);
    static QString peerKey(const QHostAddress &address, quint16 port);

    QList<HttpHandler *> m_handlers;
    ConnectionGuard::Limits m_limits;
    OriginPolicy m_origins;
    QSslConfiguration m_tls;
    std::unique_ptr<ConnectionGuard> m_guard;
    qint64 m_maxMessageBytes = 1024 * 1024;
    // Plain text only: WebSocket upgrades framed by the server itself, off Qt's sockets.
    std::shared_ptr<SocketReactor> m_reactor;
    std::unique_ptr<UpgradeSniffer> m_sniffer;
    QHash<QString, QPointer<QTcpSocket>> m_upgrading;
    QTcpServer *m_tcp = nullptr;
    bool m_bound = false;
    bool m_shuttingDown = false;
};

} // namespace gistack
