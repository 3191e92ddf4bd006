#include "HttpReply.h"

#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <utility>

namespace gistack {

struct HttpReply::State {
    State(QHttpServerResponder &&r, QTcpSocket *s)
        : responder(std::move(r))
        , socket(s) {}
    ~State() { finished(); }
    void finished() {
        if (onAnswered)
            std::exchange(onAnswered, nullptr)();
    }
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    bool answered = false;
    std::function<void(int)> observer;
    std::function<void()> onAnswered;
};

HttpReply::HttpReply(QHttpServerResponder &&responder, QTcpSocket *socket)
    : m_state(std::make_shared<State>(std::move(responder), socket)) {
}

void HttpReply::send(int status, const QByteArray &body, const QByteArray &contentType,
                     const HttpHeaders &headers) {
    if (QHttpServerResponder *r = begin(status, contentType, headers)) {
        r->writeHeader("Content-Length", QByteArray::number(body.size()));
        r->writeBody(body);
    }
    m_state->finished();
}

void HttpReply::sendHeaders(int status, qint64 contentLength, const QByteArray &contentType,
                            const HttpHeaders &headers) {
    if (QHttpServerResponder *r = begin(status, contentType, headers)) {
        if (contentLength >= 0)
            r->writeHeader("Content-Length", QByteArray::number(contentLength));
        // An empty body still ends the header block.
        r->writeBody(QByteArray());
    }
    m_state->finished();
}

QHttpServerResponder *HttpReply::begin(int status, const QByteArray &contentType,
                                       const HttpHeaders &headers) {
    if (m_state->answered)
        return nullptr;
    m_state->answered = true;
    if (m_state->observer)
        m_state->observer(status);
    if (!m_state->socket || m_state->socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    QHttpServerResponder &r = m_state->responder;
    r.writeStatusLine(QHttpServerResponder::StatusCode(status));
    if (!contentType.isEmpty())
        r.writeHeader("Content-Type", contentType);
    for (const auto &header : headers)
        r.writeHeader(header.first, header.second);
    return &r;
}

void HttpReply::json(int status, const QJsonValue &body) {
    const QByteArray bytes = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    send(status, bytes, "application/json", {{"Cache-Control", "no-store"}});
}

void HttpReply::error(int status, const QString &reason) {
    json(status, QJsonObject{{"error", reason}});
}

bool HttpReply::answered() const {
    return m_state->answered;
}

void HttpReply::setObserver(std::function<void(int)> observer) {
    m_state->observer = std::move(observer);
}

void HttpReply::setOnAnswered(std::function<void()> hook) {
    m_state->onAnswered = std::move(hook);
}

} // namespace gistack
