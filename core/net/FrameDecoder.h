#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace gistack {

// Turns the bytes a browser sends into WebSocket messages (RFC 6455 5): unmasks, joins
// fragments, checks UTF-8 and the message size limit. Keeps only an incomplete frame and an
// incomplete message, so an idle connection holds no buffer. Pure, so it can be fuzzed.
class FrameDecoder {
public:
    struct Event {
        enum class Kind { Text, Binary, Ping, Pong, Close, Error };
        Kind kind;
        QByteArray payload; // Text: UTF-8; Ping/Pong: application data; Close: the reason
        int code = 0;       // Close: the peer's code (1005 when none); Error: the code to close with
    };
    using Sink = std::function<void(Event &&)>;

    explicit FrameDecoder(qint64 maxMessageBytes)
        : m_maxMessageBytes(maxMessageBytes) {}

    // Decodes what arrived; stops at the first error, after which it takes nothing more.
    void feed(QByteArrayView bytes, const Sink &sink);

private:
    // One frame from the start of bytes: its length, 0 when incomplete, -1 after an error.
    qsizetype decodeFrame(QByteArrayView bytes, const Sink &sink);
    void fail(int code, const char *reason, const Sink &sink);
    void finishMessage(const Sink &sink);

    qint64 m_maxMessageBytes;
    QByteArray m_partial; // an incomplete frame
    QByteArray m_message; // fragments of an unfinished data message
    int m_messageOpcode = 0;
    bool m_failed = false;
};

} // namespace gistack
