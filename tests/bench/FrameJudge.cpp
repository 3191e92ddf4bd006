#include "FrameJudge.h"

#include "FrameView.h"

#include <algorithm>
#include <cstdlib>

namespace bench {

namespace {
constexpr size_t maxSamples = 5;
constexpr size_t maxFanoutIds = 250; // interned in a byte
} // namespace

FrameJudge::FrameJudge(const std::vector<std::string> &userIds, Expectations expectations)
    : m_userIds(userIds)
    , m_expect(std::move(expectations))
    , m_users(userIds.size()) {
}

void FrameJudge::markAdmin(size_t user, int org) {
    m_users[user].org = org;
}

FrameJudge::Verdict FrameJudge::reject(size_t user, const std::string &why, std::string_view frame) {
    ++m_counters.envelopeErrors;
    if (m_samples.size() < maxSamples)
        m_samples.push_back(m_userIds[user] + ": " + why + ": " + std::string(frame.substr(0, 300)));
    return Verdict::Rejected;
}

FrameJudge::Verdict FrameJudge::judge(size_t user, std::string_view frame) {
    ++m_counters.frames;
    FrameView view;
    if (!FrameView::parse(frame, &view))
        return reject(user, "not the exact envelope", frame);
    if (view.userId != m_userIds[user])
        return reject(user, "userId names someone else", frame);
    if (!m_users[user].loggedIn)
        return judgeLogin(user, view, frame);
    switch (m_stage) {
    case Stage::Fanout:
        return judgeFanout(user, view, frame);
    case Stage::Requests:
        return judgeCount(user, view, frame);
    case Stage::Login:
        break;
    }
    ++m_counters.unexpectedFrames;
    return reject(user, "a second frame at login", frame);
}

FrameJudge::Verdict FrameJudge::judgeLogin(size_t user, const FrameView &view, std::string_view frame) {
    const std::string_view msg = view.msg;
    if (view.type != m_expect.loginType)
        return reject(user, "login frame of the wrong type", frame);
    if (!m_expect.loginId.empty() && view.id != m_expect.loginId)
        return reject(user, "login frame is not the queued message", frame);
    if (msg.substr(0, m_expect.loginMsgPrefix.size()) != m_expect.loginMsgPrefix ||
        msg.size() < m_expect.loginMsgSuffix.size() ||
        msg.substr(msg.size() - m_expect.loginMsgSuffix.size()) != m_expect.loginMsgSuffix)
        return reject(user, "login frame msg differs", frame);
    m_users[user].loggedIn = true;
    ++m_counters.loginFrames;
    return Verdict::Login;
}

FrameJudge::Verdict FrameJudge::judgeFanout(size_t user, const FrameView &view, std::string_view frame) {
    if (view.type != m_expect.fanoutType)
        return reject(user, "fan-out frame of the wrong type", frame);
    auto it = m_fanoutIds.find(std::string(view.id));
    if (it == m_fanoutIds.end()) {
        if (m_fanoutIds.size() >= maxFanoutIds)
            return reject(user, "too many distinct fan-out ids", frame);
        it = m_fanoutIds.emplace(std::string(view.id), uint8_t(m_fanoutIds.size())).first;
        m_fanoutMsgs.emplace_back(view.msg);
    }
    if (m_fanoutMsgs[it->second] != view.msg)
        return reject(user, "same id, different msg", frame);
    m_users[user].fanout.push_back(it->second);
    ++m_counters.fanoutFrames;
    return Verdict::Accepted;
}

FrameJudge::Verdict FrameJudge::judgeCount(size_t user, const FrameView &view, std::string_view frame) {
    UserLog &log = m_users[user];
    if (log.org < 0) {
        ++m_counters.unexpectedFrames;
        return reject(user, "a count frame for a user who is not an admin", frame);
    }
    if (view.type != m_expect.countType)
        return reject(user, "count frame of the wrong type", frame);
    if (view.msg.empty() || view.msg.find_first_not_of("0123456789") != std::string_view::npos)
        return reject(user, "count is not a number", frame);
    const int count = std::atoi(std::string(view.msg).c_str());
    // Each submission commits and reads its org's count in one transaction: admins see +1 steps.
    if (count != log.lastCount + 1)
        ++m_counters.countOrderErrors;
    log.lastCount = count;
    ++log.countFrames;
    ++m_counters.countFrames;
    return Verdict::Accepted;
}

FrameJudge::FanoutCheck FrameJudge::checkFanout(const std::vector<std::string> &publishedIds,
                                                const std::vector<std::string> &publishedMsgs,
                                                const std::vector<bool> &online) const {
    FanoutCheck check;
    std::vector<int> expected; // interned index per published message, -1 when nobody got it
    for (size_t k = 0; k < publishedIds.size(); ++k) {
        const auto it = m_fanoutIds.find(publishedIds[k]);
        expected.push_back(it == m_fanoutIds.end() ? -1 : it->second);
        if (it != m_fanoutIds.end() && m_fanoutMsgs[it->second] != publishedMsgs[k])
            ++check.wrongMsg;
    }
    for (size_t u = 0; u < m_users.size(); ++u) {
        if (!online[u])
            continue;
        const std::vector<uint8_t> &got = m_users[u].fanout;
        std::vector<int> gotInts(got.begin(), got.end());
        if (gotInts == expected)
            continue;
        uint64_t present = 0;
        for (int id : expected)
            present += (id >= 0 && std::count(gotInts.begin(), gotInts.end(), id) > 0) ? 1 : 0;
        check.lost += expected.size() - present;
        check.extra += gotInts.size() - std::min<uint64_t>(gotInts.size(), present);
        if (present == expected.size() && gotInts.size() == expected.size())
            ++check.outOfOrder;
    }
    return check;
}

FrameJudge::CountCheck FrameJudge::checkCounts(const std::vector<int> &expectedPerOrg,
                                               const std::vector<bool> &online) const {
    CountCheck check;
    for (size_t u = 0; u < m_users.size(); ++u) {
        const UserLog &log = m_users[u];
        if (log.org < 0 || !online[u])
            continue;
        const int expected = expectedPerOrg[size_t(log.org)];
        ++check.admins;
        check.expected += uint64_t(expected);
        check.missing += log.countFrames < uint32_t(expected) ? uint64_t(expected) - log.countFrames : 0;
        check.wrongFinal += log.lastCount != expected ? 1 : 0;
    }
    return check;
}

} // namespace bench
