#pragma once

#include "FrameJudge.h"
#include "WsConnection.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bench {

class EventLoop;
class LoopbackDialer;

// The N user connections: opens them with a bounded number still waiting for their login
// frame, times each one, and hands every text frame to the judge.
class Fleet final : public WsListener {
public:
    struct ConnectStats {
        size_t loggedIn = 0;
        size_t failed = 0;
        double handshakeSeconds = 0;   // first connect() to the last 101
        double loginSeconds = 0;       // first connect() to the last login frame
        std::vector<double> latencyMs; // per connection: connect() to its login frame
    };

    Fleet(EventLoop &loop, LoopbackDialer &dialer, FrameJudge &judge, std::string hostPort,
          const std::vector<std::string> &tokens);

    // Connects every user, at most `window` of them between connect() and login frame at once.
    ConnectStats connectAll(size_t window, int64_t deadlineNs);
    void dropAll();

    const std::vector<bool> &online() const { return m_online; }
    size_t onlineCount() const { return m_onlineCount; }
    uint64_t droppedAfterLogin() const { return m_droppedAfterLogin; }
    int64_t lastFrameNs() const { return m_lastFrameNs; }
    const std::vector<std::string> &closeSamples() const { return m_closeSamples; }

    void onOpened(WsConnection &connection) override;
    void onText(WsConnection &connection, std::string_view text) override;
    void onClosed(WsConnection &connection, const std::string &why) override;

private:
    void startNext();
    void settle(size_t user);

    EventLoop &m_loop;
    LoopbackDialer &m_dialer;
    FrameJudge &m_judge;
    std::string m_hostPort;
    const std::vector<std::string> &m_tokens;
    std::vector<std::unique_ptr<WsConnection>> m_connections;
    std::vector<bool> m_online;
    std::vector<bool> m_settled; // login frame received, or failed before it
    size_t m_started = 0;
    size_t m_inFlight = 0;
    size_t m_onlineCount = 0;
    uint64_t m_droppedAfterLogin = 0;
    int64_t m_lastOpenNs = 0;
    int64_t m_lastFrameNs = 0;
    int64_t m_lastLoginNs = 0;
    ConnectStats m_stats;
    std::vector<std::string> m_closeSamples;
};

} // namespace bench
