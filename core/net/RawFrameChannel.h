#pragma once

#include "FrameChannel.h"
#include "FrameDecoder.h"
#include "SocketReactor.h"

#include <memory>

namespace gistack {

// A WebSocket whose handshake the server answered itself, framed directly on its descriptor.
// Holds no buffer while idle: unsent bytes and incomplete frames are kept only while they
// exist. Qt 6.4's sockets keep 16 KiB read and write chunks per connection for good, which is
// most of the memory of an idle QWebSocket.
class RawFrameChannel final : public FrameChannel, private SocketReactor::Handler {
public:
    // Takes the connected descriptor. heldAnswer is the 101 answer when it has not been sent yet:
    // it goes out with the first frame or at finishHandshake(). Shares the reactor, which may
    // otherwise go before the connections do at shutdown.
    RawFrameChannel(std::shared_ptr<SocketReactor> reactor, int fd, QByteArray token, QByteArray origin,
                    qint64 maxMessageBytes, QByteArray heldAnswer = QByteArray());
    ~RawFrameChannel() override;

    void setListener(Listener *listener) override { m_listener = listener; }
    bool isOpen() const override { return m_state == State::Open; }
    bool hasDescriptor() const override { return m_fd >= 0; }
    int descriptor() const override { return m_fd; }
    QHostAddress peerAddress() const override;
    QString requestToken() const override { return QString::fromUtf8(m_token); }
    QString origin() const override { return QString::fromUtf8(m_origin); }

    void sendText(const QByteArray &utf8) override;
    void sendTexts(const QByteArray *frames, qsizetype count) override;
    bool sendsFromAnyThread() const override { return true; }
    qint64 backlog() const override { return m_out.size() - m_outSent; }
    void ping() override;
    void finishHandshake() override;
    void close(int code, const QString &reason) override;
    void abort() override;

private:
    enum class State {
        Open,
        Closing, // our close frame is queued or sent; waiting for the peer's
        Broken,  // the descriptor failed; epoll reports it and it is closed then
        Closed,
    };

    void socketReady(quint32 events) override;
    void readAvailable();
    void onEvent(FrameDecoder::Event &&event);
    // Writes a frame now if nothing is queued, else queues it behind the rest.
    void sendFrame(quint8 opcode, QByteArrayView payload);
    void flush();
    // Queues the held 101 answer, if any, ahead of everything; true if it was held.
    bool queueHeldAnswer();
    void wantWrite(bool on);
    // No more bytes from us: the peer sees FIN behind our close frame.
    void shutdownWrite();
    // Closes the descriptor and tells the listener.
    void finish();

    std::shared_ptr<SocketReactor> m_reactor;
    int m_fd;
    State m_state = State::Open;
    bool m_writeWatched = false;
    bool m_finishAfterFlush = false;
    bool m_shutdownAfterFlush = false;
    // After a protocol error the stream means nothing: hang up once the peer answers.
    bool m_hangUpOnInput = false;
    FrameDecoder m_decoder;
    QByteArray m_heldAnswer;
    QByteArray m_out;
    qsizetype m_outSent = 0;
    QByteArray m_token;
    QByteArray m_origin;
    Listener *m_listener = nullptr;
};

} // namespace gistack
