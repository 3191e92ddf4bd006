#include "HttpConnection.h"

#include "LoopbackDialer.h"
#include "MonoClock.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace bench {

namespace {

// Finds a header by its lower-case name in a response head.
bool headerValue(const std::string &head, const std::string &lowerName, std::string *value) {
    size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos + 2 < head.size()) {
        const size_t start = pos + 2;
        const size_t end = head.find("\r\n", start);
        const std::string line = head.substr(start, end - start);
        if (line.size() > lowerName.size() && line[lowerName.size()] == ':') {
            std::string name = line.substr(0, lowerName.size());
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            if (name == lowerName) {
                size_t v = lowerName.size() + 1;
                while (v < line.size() && line[v] == ' ')
                    ++v;
                *value = line.substr(v);
                return true;
            }
        }
        pos = end;
    }
    return false;
}

} // namespace

HttpConnection::HttpConnection(EventLoop &loop, LoopbackDialer &dialer, std::string hostPort,
                               std::string authorization)
    : m_loop(loop)
    , m_dialer(dialer)
    , m_hostPort(std::move(hostPort))
    , m_authorization(std::move(authorization)) {
}

HttpConnection::~HttpConnection() {
    closeSocket();
}

void HttpConnection::send(const char *method, const std::string &path, const std::string &body,
                          Callback done) {
    m_done = std::move(done);
    m_out.clear();
    m_outSent = 0;
    m_out.append(method).append(" ").append(path).append(" HTTP/1.1\r\nHost: ").append(m_hostPort);
    if (!m_authorization.empty())
        m_out.append("\r\nAuthorization: ").append(m_authorization);
    m_out.append("\r\nContent-Type: application/json\r\nContent-Length: ")
        .append(std::to_string(body.size()));
    m_out.append("\r\n\r\n").append(body);
    m_in.clear();
    m_sentNs = nowNs();
    if (m_fd < 0 && !connectSocket())
        return;
    if (m_connected && !flush())
        m_loop.rewatch(m_fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, this);
}

void HttpConnection::abandon() {
    m_done = nullptr;
    closeSocket();
}

bool HttpConnection::connectSocket() {
    const int fd = m_dialer.dial();
    if (fd < 0) {
        finish(HttpResponse{});
        return false;
    }
    m_fd = fd;
    m_connected = false;
    m_loop.watch(m_fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, this);
    return true;
}

bool HttpConnection::flush() {
    while (m_outSent < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.data() + m_outSent, m_out.size() - m_outSent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return false;
            closeSocket();
            finish(HttpResponse{});
            return true;
        }
        m_outSent += size_t(n);
    }
    return true;
}

void HttpConnection::onIo(uint32_t events) {
    if (m_fd < 0)
        return;
    if (events & EPOLLOUT) {
        if (!m_connected) {
            int error = 0;
            socklen_t size = sizeof error;
            getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size);
            if (error != 0) {
                closeSocket();
                finish(HttpResponse{});
                return;
            }
            m_connected = true;
        }
        if (flush() && m_fd >= 0)
            m_loop.rewatch(m_fd, EPOLLIN | EPOLLRDHUP, this);
    }
    if (m_fd >= 0 && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        onReadable();
}

void HttpConnection::onReadable() {
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            m_in.append(buffer, size_t(n));
            if (tryParse())
                return;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        // The server closed the keep-alive connection: fail what was in flight, reconnect next time.
        closeSocket();
        if (m_done)
            finish(HttpResponse{});
        return;
    }
}

bool HttpConnection::tryParse() {
    const size_t headEnd = m_in.find("\r\n\r\n");
    if (headEnd == std::string::npos)
        return false;
    const std::string head = m_in.substr(0, headEnd + 2);
    std::string lengthText;
    std::string encoding;
    if (headerValue(head, "transfer-encoding", &encoding)) {
        closeSocket(); // chunked answers are not needed by the benchmark: fail loudly, not silently
        m_in.clear();
        finish(HttpResponse{0, "unsupported Transfer-Encoding: " + encoding, nowNs() - m_sentNs});
        return true;
    }
    const size_t length =
        headerValue(head, "content-length", &lengthText) ? std::strtoul(lengthText.c_str(), nullptr, 10) : 0;
    if (m_in.size() < headEnd + 4 + length)
        return false;
    HttpResponse response;
    response.status = head.size() > 12 ? std::atoi(head.c_str() + 9) : 0;
    response.body = m_in.substr(headEnd + 4, length);
    response.latencyNs = nowNs() - m_sentNs;
    std::string connection;
    if (headerValue(head, "connection", &connection) && (connection == "close" || connection == "Close"))
        closeSocket();
    m_in.clear();
    finish(std::move(response));
    return true;
}

void HttpConnection::finish(HttpResponse response) {
    Callback done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(response);
}

void HttpConnection::closeSocket() {
    if (m_fd >= 0) {
        m_loop.unwatch(m_fd);
        ::close(m_fd);
        m_fd = -1;
    }
    m_connected = false;
}

} // namespace bench
