#pragma once

#include "EventLoop.h"

#include <cstdint>
#include <functional>
#include <string>

namespace bench {

class LoopbackDialer;

struct HttpResponse {
    int status = 0; // 0: the connection failed before an answer
    std::string body;
    int64_t latencyNs = 0;
};

// A keep-alive HTTP/1.1 client connection with one request in flight at a time (Qt 6.4's
// HTTP server answers asynchronously, so the benchmark does not pipeline). It connects on the
// first request and again after the server closes it. Answers need a Content-Length.
class HttpConnection final : public IoHandler {
public:
    using Callback = std::function<void(const HttpResponse &)>;

    HttpConnection(EventLoop &loop, LoopbackDialer &dialer, std::string hostPort, std::string authorization);
    ~HttpConnection() override;

    bool busy() const { return bool(m_done); }
    void send(const char *method, const std::string &path, const std::string &body, Callback done);
    // Forgets the request in flight (its callback never runs) and closes the socket.
    void abandon();

    void onIo(uint32_t events) override;

private:
    bool connectSocket();
    bool flush();
    void onReadable();
    bool tryParse();
    void finish(HttpResponse response);
    void closeSocket();

    EventLoop &m_loop;
    LoopbackDialer &m_dialer;
    std::string m_hostPort;
    std::string m_authorization;
    int m_fd = -1;
    bool m_connected = false;
    std::string m_out;
    size_t m_outSent = 0;
    std::string m_in;
    Callback m_done;
    int64_t m_sentNs = 0;
};

} // namespace bench
