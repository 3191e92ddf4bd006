#include "HttpListener.h"

#include "HttpHandler.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcHttp, "gistack.http", QtWarningMsg)

namespace gistack {

namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

HttpListener::HttpListener(QObject *parent)
    : QAbstractHttpServer(parent) {
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpListener::takeWebSockets);
}

void HttpListener::addHandler(HttpHandler *handler) {
    m_handlers.append(handler);
}

bool HttpListener::start(const QHostAddress &address, quint16 port, QString *error) {
    if (!m_tcp) {
        m_tcp = new QTcpServer(this);
        // Qt's default backlog of 50 overflows when a crowd reconnects at once.
        m_tcp->setListenBacklogSize(4096);
        m_tcp->setMaxPendingConnections(4096);
    }
    if (!m_tcp->listen(address, port)) {
        if (error)
            *error = m_tcp->errorString();
        return false;
    }
    if (!m_bound) {
        // servers() lists child QTcpServers whether bound or not, so remember it ourselves.
        bind(m_tcp);
        m_bound = true;
    }
    return true;
}

void HttpListener::stopListening() {
    if (m_tcp)
        m_tcp->close();
}

quint16 HttpListener::port() const {
    return m_tcp ? m_tcp->serverPort() : 0;
}

bool HttpListener::isListening() const {
    return m_tcp && m_tcp->isListening();
}

bool HttpListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    const QUrl url = request.url();
    // An upgrade is accepted only on /ws; answering nothing leaves the socket to the handshake.
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return url.path() == QLatin1String("/ws");

    HttpReply reply = replyFor(request, socket);
    if (request.body().size() > m_maxBodyBytes) {
        reply.error(413, QStringLiteral("request body larger than %1 bytes").arg(m_maxBodyBytes));
        return true;
    }
    HttpRequest view;
    view.method = methodName(request.method());
    view.path = url.path();
    view.query = QUrlQuery(url);
    for (const auto &header : request.headers())
        view.headers.insert(header.first.toLower(), header.second);
    view.body = request.body();
    view.peer = socket->peerAddress();
    for (HttpHandler *handler : std::as_const(m_handlers)) {
        if (handler->handle(view, reply))
            return true;
    }
    reply.error(404, QStringLiteral("no such resource: ") + view.path);
    return true;
}

void HttpListener::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    qCInfo(lcHttp) << "refused upgrade on" << request.url().path();
    replyFor(request, socket).error(404, QStringLiteral("WebSockets connect on /ws"));
}

HttpReply HttpListener::replyFor(const QHttpServerRequest &request, QTcpSocket *socket) {
    HttpReply reply(makeResponder(request, socket), socket);
    QElapsedTimer timer;
    timer.start();
    // Answers may come after the database replied, possibly after this listener is gone.
    reply.setObserver([self = QPointer<HttpListener>(this), method = methodName(request.method()),
                       path = request.url().path(), timer](int status) {
        if (self)
            emit self->requestAnswered(method, path, status, timer.elapsed());
    });
    return reply;
}

void HttpListener::takeWebSockets() {
    // Drain at once: QWebSocketServer refuses sockets past its pending limit.
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (socket)
            emit webSocketArrived(socket.release());
    }
}

} // namespace gistack
