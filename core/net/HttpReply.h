#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>

class QHttpServerResponder;
class QTcpSocket;

namespace gistack {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// A copyable handle to answer one request, now or after the database answered. It writes
// nothing when the client has gone meanwhile, and answers at most once.
class HttpReply {
public:
    HttpReply(QHttpServerResponder &&responder, QTcpSocket *socket);

    void send(int status, const QByteArray &body, const QByteArray &contentType,
              const HttpHeaders &headers = {});
    // Status and headers without a body: HEAD answers (contentLength is what GET would send)
    // and 304s (contentLength -1 leaves Content-Length out).
    void sendHeaders(int status, qint64 contentLength, const QByteArray &contentType,
                     const HttpHeaders &headers = {});
    void json(int status, const QJsonValue &body);
    void error(int status, const QString &reason);
    bool answered() const;
    // Called once with the status when the answer is decided (for metrics and the access log).
    void setObserver(std::function<void(int status)> observer);
    // Runs once: when the answer is written, or when the last copy goes unanswered.
    void setOnAnswered(std::function<void()> hook);

private:
    // Marks the reply answered and writes the status line and headers; null when nothing
    // should be written (already answered, or the client has gone).
    QHttpServerResponder *begin(int status, const QByteArray &contentType, const HttpHeaders &headers);

    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace gistack
