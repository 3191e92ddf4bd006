#pragma once

#include "BenchOptions.h"
#include "EventLoop.h"
#include "Fleet.h"
#include "FrameJudge.h"
#include "HttpPool.h"
#include "LoopbackDialer.h"
#include "Results.h"

#include <string>
#include <vector>

namespace bench {

// The benchmark's story, phase by phase, against our server or a peer:
//   setup    (ours) create the orgs and N users, then queue one message for all of them, so
//            every login goes through the real path: user lookup, login checks, offline queue;
//   connect  N authenticated WebSockets, each done when its login frame arrives;
//   memory   the server's VmRSS before and after, per connection;
//   fan-out  20 messages published to every user through the HTTP API, one after another;
//   requests (ours) POST /api/v1/requests at a fixed concurrency; org admins get count pushes.
// Every frame is checked by FrameJudge; the numbers land in Results.
class Scenario {
public:
    explicit Scenario(const BenchOptions &options);
    Results run();

private:
    bool createUsers();
    bool queueLoginMessage();
    bool connect();
    void fanout();
    void submitRequests();
    void idle(double seconds);
    void recordCpu(const char *phase, double wallSeconds, double selfCpu0, double serverCpu0);
    void sample(const std::string &what);

    bool isAdmin(size_t user) const;
    int orgOf(size_t user) const;
    bool ours() const { return m_options.target == BenchOptions::Target::Gistack; }

    const BenchOptions &m_options;
    std::string m_hostPort;
    std::vector<std::string> m_userIds;
    std::vector<std::string> m_tokens;
    EventLoop m_loop;
    LoopbackDialer m_dialer;
    HttpPool m_api;
    FrameJudge m_judge;
    Fleet m_fleet;
    Results m_results;
    uint64_t m_apiErrors = 0;
    std::vector<std::string> m_samples;
};

} // namespace bench
