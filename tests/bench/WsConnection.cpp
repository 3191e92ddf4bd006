#include "WsConnection.h"

#include "MonoClock.h"
#include "WsCodec.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bench {

namespace {

// One read buffer for every socket: the loop is single-threaded.
char g_readBuffer[256 * 1024];

void release(std::string &s) {
    s.clear();
    if (s.capacity() > 256)
        s.shrink_to_fit();
}

} // namespace

WsConnection::WsConnection(EventLoop &loop, WsListener &listener, size_t index)
    : m_loop(loop)
    , m_listener(listener)
    , m_index(index) {
}

WsConnection::~WsConnection() {
    if (m_fd >= 0)
        ::close(m_fd);
}

void WsConnection::start(int fd, std::string request, std::string expectedAccept) {
    m_fd = fd;
    m_state = State::Connecting;
    m_startedNs = nowNs();
    m_out = std::move(request);
    m_accept = std::move(expectedAccept);
    m_loop.watch(m_fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, this);
}

void WsConnection::drop() {
    if (m_fd >= 0) {
        m_loop.unwatch(m_fd);
        ::close(m_fd);
        m_fd = -1;
    }
    m_state = State::Closed;
    release(m_out);
    release(m_in);
    release(m_fragment);
}

void WsConnection::onIo(uint32_t events) {
    if (m_state == State::Closed)
        return;
    if (events & EPOLLOUT)
        onWritable();
    if (m_state != State::Closed && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        onReadable();
}

void WsConnection::onWritable() {
    if (m_state == State::Connecting) {
        int error = 0;
        socklen_t size = sizeof error;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size);
        if (error != 0) {
            fail(std::string("connect: ") + std::strerror(error));
            return;
        }
        m_state = State::Handshaking;
    }
    if (flush())
        m_loop.rewatch(m_fd, EPOLLIN | EPOLLRDHUP, this);
}

bool WsConnection::flush() {
    while (!m_out.empty()) {
        const ssize_t n = ::send(m_fd, m_out.data(), m_out.size(), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return false;
            fail(std::string("send: ") + std::strerror(errno));
            return false;
        }
        m_out.erase(0, size_t(n));
    }
    release(m_out);
    return true;
}

void WsConnection::send(std::string bytes) {
    if (m_state == State::Closed)
        return;
    const bool idle = m_out.empty();
    m_out.append(bytes);
    if (idle && !flush() && m_state != State::Closed)
        m_loop.rewatch(m_fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, this);
}

void WsConnection::onReadable() {
    for (;;) {
        const ssize_t n = ::recv(m_fd, g_readBuffer, sizeof g_readBuffer, 0);
        if (n > 0) {
            consume(std::string_view(g_readBuffer, size_t(n)));
            if (m_state == State::Closed || size_t(n) < sizeof g_readBuffer)
                return;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        fail(n == 0 ? "server closed the TCP connection" : std::string("recv: ") + std::strerror(errno));
        return;
    }
}

void WsConnection::consume(std::string_view bytes) {
    std::string_view data = bytes;
    if (!m_in.empty()) {
        m_in.append(bytes);
        data = m_in;
    }
    size_t used = 0;
    if (m_state == State::Handshaking) {
        size_t headerLength = 0;
        std::string why;
        switch (ws::parseHandshake(data, m_accept, &headerLength, &why)) {
        case ws::Handshake::Incomplete:
            if (m_in.empty())
                m_in.assign(bytes);
            return;
        case ws::Handshake::Refused:
            fail(why);
            return;
        case ws::Handshake::Accepted:
            used = headerLength;
            m_state = State::Open;
            release(m_accept);
            m_listener.onOpened(*this);
            break;
        }
    }
    if (m_state == State::Open)
        used += consumeFrames(data.substr(used));
    if (m_state == State::Closed)
        return;
    // Keep only the unparsed tail; `data` may point into m_in, so copy before reassigning.
    std::string rest(data.substr(used));
    m_in = std::move(rest);
    if (m_in.empty())
        release(m_in);
}

size_t WsConnection::consumeFrames(std::string_view bytes) {
    size_t used = 0;
    while (m_state == State::Open) {
        ws::Frame frame;
        const long n = ws::parseFrame(bytes.substr(used), &frame);
        if (n < 0) {
            fail("malformed server frame");
            break;
        }
        if (n == 0)
            break;
        used += size_t(n);
        if (!handleFrame(frame.opcode, frame.fin, frame.payload))
            break;
    }
    return used;
}

bool WsConnection::handleFrame(uint8_t opcode, bool fin, std::string_view payload) {
    switch (opcode) {
    case ws::Text:
        if (!m_fragment.empty()) {
            fail("text frame inside a fragmented message");
            return false;
        }
        if (fin) {
            m_listener.onText(*this, payload);
        } else {
            m_fragment.assign(payload);
        }
        return true;
    case ws::Continuation:
        m_fragment.append(payload);
        if (fin) {
            const std::string whole = std::move(m_fragment);
            release(m_fragment);
            m_listener.onText(*this, whole);
        }
        return true;
    case ws::Ping:
        send(ws::clientFrame(ws::Pong, payload));
        return true;
    case ws::Pong:
        return true;
    case ws::Close: {
        m_closeCode = payload.size() >= 2 ? uint16_t((uint8_t(payload[0]) << 8) | uint8_t(payload[1])) : 1005;
        const std::string reason(payload.size() > 2 ? payload.substr(2) : std::string_view());
        send(ws::clientFrame(ws::Close, payload.substr(0, 2)));
        fail("closed by server: " + std::to_string(m_closeCode) + " " + reason);
        return false;
    }
    default:
        fail("unexpected opcode " + std::to_string(opcode));
        return false;
    }
}

void WsConnection::fail(const std::string &why) {
    if (m_state == State::Closed)
        return;
    drop();
    m_listener.onClosed(*this, why);
}

} // namespace bench
