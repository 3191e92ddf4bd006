#include "FrameDecoder.h"

#include "WebSocketCodes.h"

#include <QStringDecoder>
#include <QtEndian>

#include <limits>

namespace gistack {

namespace {

bool isValidUtf8(QByteArrayView bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

} // namespace

void FrameDecoder::feed(QByteArrayView bytes, const Sink &sink) {
    if (m_failed)
        return;
    if (!m_partial.isEmpty()) {
        m_partial.append(bytes);
        qsizetype used = 0;
        while (!m_failed) {
            const qsizetype length = decodeFrame(QByteArrayView(m_partial).sliced(used), sink);
            if (length <= 0)
                break;
            used += length;
        }
        // Released when done: idle connections keep no buffer.
        m_partial = used >= m_partial.size() || m_failed ? QByteArray() : m_partial.sliced(used);
        return;
    }
    qsizetype used = 0;
    while (!m_failed && used < bytes.size()) {
        const qsizetype length = decodeFrame(bytes.sliced(used), sink);
        if (length <= 0)
            break;
        used += length;
    }
    if (!m_failed && used < bytes.size())
        m_partial = bytes.sliced(used).toByteArray();
}

qsizetype FrameDecoder::decodeFrame(QByteArrayView bytes, const Sink &sink) {
    if (bytes.size() < 2)
        return 0;
    const auto b0 = quint8(bytes[0]);
    const auto b1 = quint8(bytes[1]);
    const bool fin = b0 & 0x80;
    const int opcode = b0 & 0x0F;
    if (b0 & 0x70) {
        fail(CloseCode::ProtocolError, "reserved bits set", sink);
        return -1;
    }
    if (!(b1 & 0x80)) {
        fail(CloseCode::ProtocolError, "client frames must be masked", sink);
        return -1;
    }
    quint64 length = b1 & 0x7F;
    qsizetype header = 2;
    if (length == 126) {
        if (bytes.size() < 4)
            return 0;
        length = qFromBigEndian<quint16>(bytes.data() + 2);
        header = 4;
    } else if (length == 127) {
        if (bytes.size() < 10)
            return 0;
        length = qFromBigEndian<quint64>(bytes.data() + 2);
        header = 10;
    }
    const bool control = opcode & 0x8;
    if (control && (!fin || length > 125)) {
        fail(CloseCode::ProtocolError, "control frames must be whole and at most 125 bytes", sink);
        return -1;
    }
    if (!control && opcode != Opcode::Continuation && opcode != Opcode::Text && opcode != Opcode::Binary) {
        fail(CloseCode::ProtocolError, "unknown opcode", sink);
        return -1;
    }
    if (control && opcode != Opcode::Close && opcode != Opcode::Ping && opcode != Opcode::Pong) {
        fail(CloseCode::ProtocolError, "unknown opcode", sink);
        return -1;
    }
    // RFC 6455 5.2: the most significant bit of a 64-bit length must be 0.
    if (length > quint64(std::numeric_limits<qint64>::max())) {
        fail(CloseCode::ProtocolError, "frame length out of range", sink);
        return -1;
    }
    // Judged from the header, before the payload is buffered; compared so that nothing wraps.
    if (!control && (length > quint64(m_maxMessageBytes) ||
                     quint64(m_message.size()) > quint64(m_maxMessageBytes) - length)) {
        fail(CloseCode::MessageTooBig, "message too big", sink);
        return -1;
    }
    if (opcode == Opcode::Continuation && m_messageOpcode == 0) {
        fail(CloseCode::ProtocolError, "continuation without a message", sink);
        return -1;
    }
    if ((opcode == Opcode::Text || opcode == Opcode::Binary) && m_messageOpcode != 0) {
        fail(CloseCode::ProtocolError, "a new message inside a fragmented one", sink);
        return -1;
    }
    const qsizetype total = header + 4 + qsizetype(length);
    if (bytes.size() < total)
        return 0;
    const char *mask = bytes.data() + header;
    QByteArray payload(bytes.data() + header + 4, qsizetype(length));
    char *data = payload.data();
    for (qsizetype i = 0; i < payload.size(); ++i)
        data[i] = char(data[i] ^ mask[i & 3]);

    if (control) {
        if (opcode == Opcode::Ping) {
            sink(Event{Event::Kind::Ping, std::move(payload)});
        } else if (opcode == Opcode::Pong) {
            sink(Event{Event::Kind::Pong, std::move(payload)});
        } else if (payload.size() == 1) {
            fail(CloseCode::ProtocolError, "a close payload of one byte", sink);
            return -1;
        } else {
            const int code =
                payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : CloseCode::NoStatus;
            sink(Event{Event::Kind::Close, payload.size() > 2 ? payload.sliced(2) : QByteArray(), code});
            m_failed = true; // nothing after a close frame counts
        }
        return total;
    }
    if (opcode != Opcode::Continuation)
        m_messageOpcode = opcode;
    if (fin && m_message.isEmpty()) {
        m_message = std::move(payload); // the common case: one frame, no copy
    } else {
        m_message.append(payload);
    }
    if (fin)
        finishMessage(sink);
    return total;
}

void FrameDecoder::finishMessage(const Sink &sink) {
    const bool text = m_messageOpcode == Opcode::Text;
    QByteArray message = std::move(m_message);
    m_message = QByteArray();
    m_messageOpcode = 0;
    if (text && !isValidUtf8(message)) {
        fail(CloseCode::InvalidPayload, "text is not UTF-8", sink);
        return;
    }
    sink(Event{text ? Event::Kind::Text : Event::Kind::Binary, std::move(message)});
}

void FrameDecoder::fail(int code, const char *reason, const Sink &sink) {
    m_failed = true;
    m_partial = QByteArray();
    m_message = QByteArray();
    sink(Event{Event::Kind::Error, QByteArray(reason), code});
}

} // namespace gistack
