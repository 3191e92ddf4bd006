#include "HttpPool.h"

#include "EventLoop.h"

namespace bench {

HttpPool::HttpPool(EventLoop &loop, LoopbackDialer &dialer, const std::string &hostPort,
                   const std::string &authorization, int size)
    : m_loop(loop) {
    for (int i = 0; i < size; ++i)
        m_connections.push_back(std::make_unique<HttpConnection>(loop, dialer, hostPort, authorization));
}

bool HttpPool::runAll(std::vector<Job> jobs, int64_t deadlineNs) {
    size_t next = 0;
    size_t answered = 0;
    const auto feed = [&] {
        for (auto &connection : m_connections) {
            if (next >= jobs.size())
                return;
            if (connection->busy())
                continue;
            Job &job = jobs[next++];
            connection->send(job.method, job.path, job.body, [&answered, &job](const HttpResponse &r) {
                ++answered;
                if (job.done)
                    job.done(r);
            });
        }
    };
    if (m_loop.runUntil([&] { return answered == jobs.size(); }, deadlineNs, feed))
        return true;
    abandonAll(); // the callbacks refer to this frame: nothing may call them once it returns
    return false;
}

void HttpPool::post(Job job) {
    m_connections.front()->send(job.method, job.path, job.body, std::move(job.done));
}

} // namespace bench

namespace bench {

void HttpPool::abandonAll() {
    for (auto &connection : m_connections)
        connection->abandon();
}

} // namespace bench
