#pragma once

#include "HttpConnection.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bench {

class EventLoop;
class LoopbackDialer;

// A fixed set of keep-alive connections that works through a list of requests, each
// connection one request at a time: the concurrency is the pool size.
class HttpPool {
public:
    struct Job {
        const char *method = "GET";
        std::string path;
        std::string body;
        HttpConnection::Callback done;
    };

    HttpPool(EventLoop &loop, LoopbackDialer &dialer, const std::string &hostPort,
             const std::string &authorization, int size);

    // Runs every job; returns false if the deadline passed first.
    bool runAll(std::vector<Job> jobs, int64_t deadlineNs);
    // One request on the first connection, without waiting (the caller runs the loop).
    void post(Job job);
    // Drops every request in flight without calling back (after a deadline).
    void abandonAll();
    int size() const { return int(m_connections.size()); }

private:
    EventLoop &m_loop;
    std::vector<std::unique_ptr<HttpConnection>> m_connections;
};

} // namespace bench
