#include "HttpListener.h"

#include "GuardedSslServer.h"
#include "GuardedTcpServer.h"
#include "HttpHandler.h"
#include "QtFrameChannel.h"
#include "SocketReactor.h"
#include "UpgradeSniffer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
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

QByteArray readFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

HttpListener::HttpListener(QObject *parent)
    : QAbstractHttpServer(parent) {
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpListener::takeWebSockets);
}

HttpListener::~HttpListener() {
    // The sockets QtHttpServer still holds go with the servers, before the guard.
    delete m_tcp;
    m_tcp = nullptr;
    m_sniffer.reset();
}

void HttpListener::addHandler(HttpHandler *handler) {
    m_handlers.append(handler);
}

bool HttpListener::setTls(const QString &certificateFile, const QString &keyFile, QString *error) {
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("TLS is not available: Qt found no TLS backend (OpenSSL)");
        return false;
    }
    const QByteArray certificates = readFile(certificateFile, error);
    if (certificates.isEmpty())
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificates, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certificateFile);
        return false;
    }
    const QByteArray keyBytes = readFile(keyFile, error);
    if (keyBytes.isEmpty())
        return false;
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyBytes, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM private key").arg(keyFile);
        return false;
    }
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificateChain(chain);
    m_tls.setPrivateKey(key);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone); // browsers authenticate with tokens, not certificates
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    return true;
}

bool HttpListener::start(const QHostAddress &address, quint16 port, QString *error) {
    if (!m_guard)
        m_guard = std::make_unique<ConnectionGuard>(m_limits, this);
    if (!m_tcp) {
        if (isTls())
            m_tcp = new GuardedSslServer(*m_guard, m_tls, this);
        else
            m_tcp = makePlainServer();
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

QTcpServer *HttpListener::makePlainServer() {
    auto *server = new GuardedTcpServer(*m_guard, this);
    m_reactor = std::make_shared<SocketReactor>();
    if (!m_reactor->isValid())
        return server;
    m_sniffer = std::make_unique<UpgradeSniffer>(
        m_reactor,
        [this](const UpgradeRequest &request) {
            return !m_shuttingDown && request.path() == "/ws" && m_origins.allows(request.origin);
        },
        m_maxMessageBytes);
    connect(m_sniffer.get(), &UpgradeSniffer::upgraded, this, &HttpListener::webSocketArrived);
    connect(m_sniffer.get(), &UpgradeSniffer::handedOver, server, &GuardedTcpServer::adopt);
    server->setDivert([sniffer = m_sniffer.get()](qintptr fd) {
        sniffer->sniff(int(fd));
        return true;
    });
    return server;
}

void HttpListener::stopListening() {
    if (m_tcp)
        m_tcp->close();
}

void HttpListener::beginShutdown() {
    m_shuttingDown = true;
    stopListening();
    if (m_sniffer)
        m_sniffer->handOverAll(); // QtHttpServer answers them 503
    if (m_guard)
        m_guard->beginShutdown();
}

bool HttpListener::hasOpenConnections() const {
    return m_guard && m_guard->hasOpenConnections();
}

quint16 HttpListener::port() const {
    return m_tcp ? m_tcp->serverPort() : 0;
}

bool HttpListener::isListening() const {
    return m_tcp && m_tcp->isListening();
}

QString HttpListener::peerKey(const QHostAddress &address, quint16 port) {
    return address.toString() + QLatin1Char('|') + QString::number(port);
}

bool HttpListener::isUpgrade(const QHttpServerRequest &request) {
    return request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0 &&
           request.value("connection").toLower().contains("upgrade");
}

bool HttpListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    const QUrl url = request.url();
    // An upgrade is accepted only on /ws, from an allowed Origin; answering nothing leaves the
    // socket to the handshake, and false makes QtHttpServer call missingHandler().
    if (isUpgrade(request)) {
        if (m_shuttingDown || url.path() != QLatin1String("/ws") ||
            !m_origins.allows(request.value("origin")))
            return false;
        if (m_guard)
            m_guard->release(socket);
        // QWebSocket hides its TCP socket; remember it to hand it over below.
        m_upgrading.insert(peerKey(socket->peerAddress(), socket->peerPort()), QPointer<QTcpSocket>(socket));
        return true;
    }

    HttpReply reply = replyFor(request, socket);
    if (m_guard) {
        m_guard->requestStarted(socket);
        reply.setOnAnswered([guard = m_guard.get(), listener = QPointer<HttpListener>(this),
                             watched = QPointer<QTcpSocket>(socket)] {
            if (listener && watched)
                guard->requestAnswered(watched);
        });
    }
    if (m_shuttingDown) {
        reply.error(503, QStringLiteral("server shutting down"));
        return true;
    }
    if (request.body().size() > m_limits.maxBodyBytes) {
        reply.error(413, QStringLiteral("request body larger than %1 bytes").arg(m_limits.maxBodyBytes));
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
    HttpReply reply = replyFor(request, socket);
    if (m_shuttingDown) {
        reply.error(503, QStringLiteral("server shutting down"));
    } else if (request.url().path() != QLatin1String("/ws")) {
        qCInfo(lcHttp) << "refused upgrade on" << request.url().path();
        reply.error(404, QStringLiteral("WebSockets connect on /ws"));
    } else {
        qCInfo(lcHttp) << "refused a WebSocket from origin" << request.value("origin");
        reply.error(403, QStringLiteral("this Origin may not open WebSockets here"));
    }
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
        if (!socket)
            continue;
        const QPointer<QTcpSocket> tcp = m_upgrading.take(peerKey(socket->peerAddress(), socket->peerPort()));
        if (tcp)
            socket->setProperty(transportProperty, QVariant::fromValue<QObject *>(tcp.data()));
        // Qt's default limits are about 2 GiB: every accepted socket gets ours.
        socket->setMaxAllowedIncomingFrameSize(quint64(m_maxMessageBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageBytes));
        emit webSocketArrived(new QtFrameChannel(socket.release()));
    }
    // Upgrades whose handshake failed leave dead entries behind.
    for (auto it = m_upgrading.begin(); it != m_upgrading.end();)
        it = it.value() ? std::next(it) : m_upgrading.erase(it);
}

} // namespace gistack
