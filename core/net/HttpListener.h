#pragma once

#include "HttpReply.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <memory>

class QTcpServer;
class QWebSocket;

namespace gistack {

class HttpHandler;

// The one port: HTTP requests go to the handlers in order, "GET /ws" upgrades are handed
// over as WebSockets. Accepts through its own QTcpServer for a deep listen backlog.
class HttpListener : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit HttpListener(QObject *parent = nullptr);

    // Handlers are asked in order; the first that knows the route answers.
    void addHandler(HttpHandler *handler);
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    bool start(const QHostAddress &address, quint16 port, QString *error);
    void stopListening();
    quint16 port() const;
    bool isListening() const;

signals:
    void webSocketArrived(QWebSocket *socket);
    // Every HTTP answer, when it is decided: path without the query, status, time taken.
    void requestAnswered(const QByteArray &method, const QString &path, int status, qint64 elapsedMs);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void takeWebSockets();
    HttpReply replyFor(const QHttpServerRequest &request, QTcpSocket *socket);

    QList<HttpHandler *> m_handlers;
    QTcpServer *m_tcp = nullptr;
    bool m_bound = false;
    qint64 m_maxBodyBytes = 1024 * 1024;
};

} // namespace gistack
