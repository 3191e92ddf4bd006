#pragma once

#include "FrameChannel.h"

#include <QPointer>

class QTcpSocket;
class QWebSocket;

namespace gistack {

// The QWebSocket property that carries its TCP socket (set by HttpListener), which
// QWebSocket does not expose.
constexpr char transportProperty[] = "gistackTransport";

// A WebSocket framed by Qt: TLS connections, and upgrades QtHttpServer answered.
class QtFrameChannel final : public FrameChannel {
public:
    explicit QtFrameChannel(QWebSocket *socket);
    ~QtFrameChannel() override;

    void setListener(Listener *listener) override;
    bool isOpen() const override;
    bool hasDescriptor() const override;
    int descriptor() const override;
    QHostAddress peerAddress() const override;
    QString requestToken() const override;
    QString origin() const override;

    void sendText(const QByteArray &utf8) override;
    bool sendsFromAnyThread() const override { return false; }
    qint64 backlog() const override;
    void ping() override;
    void close(int code, const QString &reason) override;
    void abort() override;

private:
    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_transport;
    bool m_closedReported = false;
};

} // namespace gistack
