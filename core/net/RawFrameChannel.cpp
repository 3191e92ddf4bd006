#include "RawFrameChannel.h"

#include "WebSocketCodes.h"

#include <QtEndian>

#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <utility>

namespace gistack {

namespace {

constexpr int readChunk = 64 * 1024;
// Sent bytes at the front of the queue are dropped once they are this many.
constexpr qsizetype compactAfter = 64 * 1024;

// Server frames are never masked: a 2, 4 or 10 byte header.
int frameHeader(char *header, quint8 opcode, qsizetype length) {
    header[0] = char(0x80 | opcode);
    if (length < 126) {
        header[1] = char(length);
        return 2;
    }
    if (length <= 0xFFFF) {
        header[1] = char(126);
        qToBigEndian<quint16>(quint16(length), header + 2);
        return 4;
    }
    header[1] = char(127);
    qToBigEndian<quint64>(quint64(length), header + 2);
    return 10;
}

QByteArray closePayload(int code, const QString &reason) {
    QByteArray payload(2, '\0');
    qToBigEndian<quint16>(quint16(code), payload.data());
    payload += reason.toUtf8().left(123);
    return payload;
}

} // namespace

RawFrameChannel::RawFrameChannel(std::shared_ptr<SocketReactor> reactor, int fd, QByteArray token,
                                 QByteArray origin, qint64 maxMessageBytes, QByteArray heldAnswer)
    : m_reactor(std::move(reactor))
    , m_fd(fd)
    , m_decoder(maxMessageBytes)
    , m_heldAnswer(std::move(heldAnswer))
    , m_token(std::move(token))
    , m_origin(std::move(origin)) {
    // One JSON frame per write: send it now instead of letting Nagle hold it for the next.
    const int on = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
    // Watched already when the sniffer answered its upgrade; events are the same.
    if (m_reactor->isWatched(m_fd))
        m_reactor->rehome(m_fd, this);
    else if (!m_reactor->watch(m_fd, this, EPOLLIN | EPOLLRDHUP))
        m_state = State::Broken;
}

RawFrameChannel::~RawFrameChannel() {
    if (m_fd >= 0) {
        m_reactor->unwatch(m_fd);
        ::close(m_fd);
    }
}

QHostAddress RawFrameChannel::peerAddress() const {
    sockaddr_storage storage = {};
    socklen_t length = sizeof(storage);
    if (m_fd < 0 || ::getpeername(m_fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&storage));
}

void RawFrameChannel::sendText(const QByteArray &utf8) {
    if (m_state != State::Open)
        return;
    sendFrame(Opcode::Text, utf8);
}

void RawFrameChannel::sendTexts(const QByteArray *frames, qsizetype count) {
    constexpr qsizetype maxFrames = 64;
    if (m_state != State::Open)
        return;
    if (queueHeldAnswer()) {
        // The login's frames queue behind the 101 answer and go out with it in one write.
        for (qsizetype i = 0; i < count; ++i)
            sendFrame(Opcode::Text, frames[i]);
        flush();
        return;
    }
    if (count == 1 || count > maxFrames || backlog() > 0) {
        for (qsizetype i = 0; i < count; ++i)
            sendFrame(Opcode::Text, frames[i]);
        return;
    }
    // One system call for all of them: a fan-out that fell behind catches up in fewer writes.
    char headers[maxFrames][10];
    iovec parts[2 * maxFrames];
    qsizetype total = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const int headerLength = frameHeader(headers[i], Opcode::Text, frames[i].size());
        parts[2 * i] = {headers[i], size_t(headerLength)};
        parts[2 * i + 1] = {const_cast<char *>(frames[i].constData()), size_t(frames[i].size())};
        total += headerLength + frames[i].size();
    }
    msghdr message = {};
    message.msg_iov = parts;
    message.msg_iovlen = size_t(2 * count);
    ssize_t sent = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            m_state = State::Broken;
            return;
        }
        sent = 0;
    }
    if (sent == total)
        return;
    // Queue what the kernel did not take, part by part.
    for (qsizetype i = 0; i < 2 * count; ++i) {
        const auto length = qsizetype(parts[i].iov_len);
        if (sent >= length) {
            sent -= length;
            continue;
        }
        m_out.append(static_cast<const char *>(parts[i].iov_base) + sent, length - sent);
        sent = 0;
    }
    wantWrite(true);
}

void RawFrameChannel::finishHandshake() {
    if (queueHeldAnswer())
        flush();
}

bool RawFrameChannel::queueHeldAnswer() {
    if (m_heldAnswer.isEmpty())
        return false;
    // Nothing can be queued before it: every send goes through here first.
    m_out = std::exchange(m_heldAnswer, QByteArray()) + m_out.sliced(m_outSent);
    m_outSent = 0;
    return true;
}

void RawFrameChannel::ping() {
    if (m_state == State::Open)
        sendFrame(Opcode::Ping, {});
}

void RawFrameChannel::close(int code, const QString &reason) {
    if (m_state != State::Open)
        return;
    sendFrame(Opcode::Close, closePayload(code, reason));
    if (m_state != State::Open)
        return;
    m_state = State::Closing;
    if (backlog() == 0)
        shutdownWrite();
    else
        m_shutdownAfterFlush = true;
}

void RawFrameChannel::shutdownWrite() {
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
}

void RawFrameChannel::abort() {
    if (m_fd >= 0)
        finish();
}

void RawFrameChannel::sendFrame(quint8 opcode, QByteArrayView payload) {
    char header[10];
    const int headerLength = frameHeader(header, opcode, payload.size());
    const bool answering = queueHeldAnswer();
    if (backlog() > 0) {
        m_out.append(header, headerLength);
        m_out.append(payload);
        if (answering)
            flush();
        return;
    }
    iovec parts[2] = {{header, size_t(headerLength)},
                      {const_cast<char *>(payload.data()), size_t(payload.size())}};
    msghdr message = {};
    message.msg_iov = parts;
    message.msg_iovlen = payload.isEmpty() ? 1 : 2;
    ssize_t sent = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            // Reported by epoll as an error or hang-up, and closed there.
            m_state = State::Broken;
            m_out = QByteArray();
            m_outSent = 0;
            return;
        }
        sent = 0;
    }
    const qsizetype total = headerLength + payload.size();
    if (sent == total)
        return;
    if (sent < headerLength) {
        m_out.append(header + sent, headerLength - sent);
        m_out.append(payload);
    } else {
        m_out.append(payload.sliced(sent - headerLength));
    }
    wantWrite(true);
}

void RawFrameChannel::flush() {
    while (backlog() > 0) {
        const ssize_t sent =
            ::send(m_fd, m_out.constData() + m_outSent, size_t(backlog()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                m_state = State::Broken;
                m_out = QByteArray();
                m_outSent = 0;
                wantWrite(false);
            }
            return;
        }
        m_outSent += sent;
    }
    // Released when empty: an idle connection keeps no buffer.
    if (backlog() == 0) {
        m_out = QByteArray();
        m_outSent = 0;
        wantWrite(false);
        if (m_finishAfterFlush)
            finish();
        else if (m_shutdownAfterFlush)
            shutdownWrite();
    } else if (m_outSent >= compactAfter) {
        m_out.remove(0, m_outSent);
        m_outSent = 0;
    }
}

void RawFrameChannel::wantWrite(bool on) {
    if (on == m_writeWatched || m_fd < 0)
        return;
    m_writeWatched = on;
    m_reactor->change(m_fd, EPOLLIN | EPOLLRDHUP | (on ? EPOLLOUT : 0));
}

void RawFrameChannel::socketReady(quint32 events) {
    if (events & EPOLLOUT)
        flush();
    if (m_fd >= 0 && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        readAvailable();
}

void RawFrameChannel::readAvailable() {
    static char buffer[readChunk]; // one thread reads at a time: the reactor's
    for (;;) {
        const ssize_t got = ::recv(m_fd, buffer, sizeof(buffer), MSG_DONTWAIT);
        if (got > 0) {
            const bool hangUp = m_hangUpOnInput; // the peer's answer to an error's close frame
            if (m_state == State::Open || m_state == State::Closing)
                m_decoder.feed(QByteArrayView(buffer, got),
                               [this](FrameDecoder::Event &&e) { onEvent(std::move(e)); });
            if (m_fd < 0)
                return;
            if (hangUp) {
                finish();
                return;
            }
            if (got < qsizetype(sizeof(buffer)))
                return;
            continue;
        }
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (got < 0 && errno == EINTR)
            continue;
        finish(); // end of stream or a reset
        return;
    }
}

void RawFrameChannel::onEvent(FrameDecoder::Event &&event) {
    using Kind = FrameDecoder::Event::Kind;
    switch (event.kind) {
    case Kind::Text:
        if (m_state == State::Open && m_listener)
            m_listener->channelText(QString::fromUtf8(event.payload));
        break;
    case Kind::Binary:
        if (m_state == State::Open && m_listener)
            m_listener->channelBinary();
        break;
    case Kind::Ping:
        if (m_state == State::Open)
            sendFrame(Opcode::Pong, event.payload);
        break;
    case Kind::Pong:
        if (m_listener)
            m_listener->channelPong();
        break;
    case Kind::Close:
        // The peer's answer to ours, or its own close: answer with its code, then hang up
        // once that has been written.
        if (m_state == State::Open) {
            const int code = event.code == CloseCode::NoStatus ? CloseCode::Normal : event.code;
            sendFrame(Opcode::Close, closePayload(code, QString()));
            m_state = State::Closing;
        }
        if (backlog() == 0 || m_state == State::Broken)
            finish();
        else
            m_finishAfterFlush = true;
        break;
    case Kind::Error:
        close(event.code, QString::fromUtf8(event.payload));
        m_hangUpOnInput = true;
        break;
    }
}

void RawFrameChannel::finish() {
    if (m_fd < 0)
        return;
    m_reactor->unwatch(m_fd);
    ::close(m_fd);
    m_fd = -1;
    m_state = State::Closed;
    m_out = QByteArray();
    m_outSent = 0;
    if (m_listener)
        m_listener->channelClosed();
}

} // namespace gistack
