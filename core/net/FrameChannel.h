#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace gistack {

// One open WebSocket as ClientConnection sees it, whoever does the framing: Qt's QWebSocket
// (TLS, and upgrades QtHttpServer answered) or the server's own RawFrameChannel.
class FrameChannel {
public:
    // What the channel reports; never called from inside a call into the channel.
    class Listener {
    public:
        virtual void channelText(const QString &text) = 0;
        virtual void channelBinary() = 0;
        virtual void channelPong() = 0;
        virtual void channelClosed() = 0;

    protected:
        ~Listener() = default;
    };

    virtual ~FrameChannel() = default;

    virtual void setListener(Listener *listener) = 0;
    virtual bool isOpen() const = 0;
    // Whether the TCP descriptor is still open (closing included).
    virtual bool hasDescriptor() const = 0;
    virtual int descriptor() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    virtual QString requestToken() const = 0;
    virtual QString origin() const = 0;

    virtual void sendText(const QByteArray &utf8) = 0;
    // Several text frames, in order; a channel may hand them to the kernel in one write.
    virtual void sendTexts(const QByteArray *frames, qsizetype count) {
        for (qsizetype i = 0; i < count; ++i)
            sendText(frames[i]);
    }
    // Whether sendText() and backlog() may run on another thread while this one waits (they
    // then touch this channel only).
    virtual bool sendsFromAnyThread() const = 0;
    // Bytes queued in the process and not yet handed to the operating system.
    virtual qint64 backlog() const = 0;
    virtual void ping() = 0;
    // Sends the 101 answer if the channel still holds it back: one that has the token from the
    // request line may keep it for the login's first frame, so that both go out in one write.
    virtual void finishHandshake() {}
    // Sends the close frame behind whatever is still queued, then closes the connection.
    virtual void close(int code, const QString &reason) = 0;
    // Closes the descriptor now, without a close frame.
    virtual void abort() = 0;
};

} // namespace gistack
