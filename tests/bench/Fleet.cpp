#include "Fleet.h"

#include "EventLoop.h"
#include "LoopbackDialer.h"
#include "MonoClock.h"
#include "WsCodec.h"

#include <cstring>

namespace bench {

namespace {
constexpr size_t maxSamples = 5;
}

Fleet::Fleet(EventLoop &loop, LoopbackDialer &dialer, FrameJudge &judge, std::string hostPort,
             const std::vector<std::string> &tokens)
    : m_loop(loop)
    , m_dialer(dialer)
    , m_judge(judge)
    , m_hostPort(std::move(hostPort))
    , m_tokens(tokens)
    , m_online(tokens.size(), false)
    , m_settled(tokens.size(), false) {
    m_connections.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i)
        m_connections.push_back(std::make_unique<WsConnection>(loop, *this, i));
}

Fleet::ConnectStats Fleet::connectAll(size_t window, int64_t deadlineNs) {
    const int64_t t0 = nowNs();
    m_stats = ConnectStats{};
    m_stats.latencyMs.reserve(m_tokens.size());
    const size_t total = m_tokens.size();
    m_loop.runUntil([&] { return m_stats.loggedIn + m_stats.failed == total; }, deadlineNs,
                    [&] {
                        while (m_started < total && m_inFlight < window)
                            startNext();
                    });
    m_stats.failed = total - m_stats.loggedIn; // whatever did not log in by the deadline failed
    m_stats.handshakeSeconds = m_lastOpenNs ? secondsBetween(t0, m_lastOpenNs) : -1;
    m_stats.loginSeconds = m_stats.loggedIn ? secondsBetween(t0, m_lastLoginNs) : -1;
    return m_stats;
}

void Fleet::startNext() {
    const size_t user = m_started++;
    ++m_inFlight;
    const int fd = m_dialer.dial();
    if (fd < 0) {
        if (m_closeSamples.size() < maxSamples)
            m_closeSamples.push_back("dial: " + std::string(std::strerror(-fd)));
        settle(user);
        ++m_stats.failed;
        return;
    }
    const std::string key = ws::makeKey();
    m_connections[user]->start(fd, ws::handshakeRequest(m_hostPort, "/ws?token=" + m_tokens[user], key),
                               ws::acceptFor(key));
}

void Fleet::settle(size_t user) {
    if (!m_settled[user]) {
        m_settled[user] = true;
        --m_inFlight;
    }
}

void Fleet::dropAll() {
    for (auto &connection : m_connections)
        connection->drop();
}

void Fleet::onOpened(WsConnection &) {
    m_lastOpenNs = nowNs();
}

void Fleet::onText(WsConnection &connection, std::string_view text) {
    const size_t user = connection.index();
    m_lastFrameNs = nowNs();
    const FrameJudge::Verdict verdict = m_judge.judge(user, text);
    if (m_settled[user])
        return;
    settle(user);
    if (verdict == FrameJudge::Verdict::Login) {
        m_online[user] = true;
        ++m_onlineCount;
        ++m_stats.loggedIn;
        m_lastLoginNs = m_lastFrameNs;
        m_stats.latencyMs.push_back(double(m_lastFrameNs - connection.startedNs()) / 1e6);
    } else {
        ++m_stats.failed; // the first frame was not a correct login frame
    }
}

void Fleet::onClosed(WsConnection &connection, const std::string &why) {
    const size_t user = connection.index();
    if (m_closeSamples.size() < maxSamples)
        m_closeSamples.push_back("user " + std::to_string(user) + ": " + why);
    if (m_online[user]) {
        m_online[user] = false;
        --m_onlineCount;
        ++m_droppedAfterLogin;
    } else if (!m_settled[user]) {
        settle(user);
        ++m_stats.failed;
    }
}

} // namespace bench
