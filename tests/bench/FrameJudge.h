#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bench {

// Decides whether each received frame is what the scenario expects for that user at that
// stage, and keeps the evidence: per-user fan-out id sequences and admin count sequences.
// Pure bookkeeping, no sockets, so the checks stay readable.
class FrameJudge {
public:
    enum class Stage { Login, Fanout, Requests };
    enum class Verdict { Login, Accepted, Rejected };

    struct Expectations {
        std::string loginType;
        std::string loginMsgPrefix; // the login frame's msg must start and end like this
        std::string loginMsgSuffix;
        std::string loginId; // when non-empty, the login frame's id must be exactly this
        std::string fanoutType;
        std::string countType;
    };

    struct Counters {
        uint64_t frames = 0;
        uint64_t loginFrames = 0;
        uint64_t fanoutFrames = 0;
        uint64_t countFrames = 0;
        uint64_t envelopeErrors = 0; // bad layout, wrong user, wrong type/id/msg
        uint64_t unexpectedFrames = 0;
        uint64_t countOrderErrors = 0;
    };

    struct FanoutCheck {
        uint64_t lost = 0;       // published frames a connected user never got
        uint64_t extra = 0;      // duplicates and ids that were never published
        uint64_t outOfOrder = 0; // users who got every frame, but not in publish order
        uint64_t wrongMsg = 0;   // frames whose msg is not what was published with that id
    };

    struct CountCheck {
        uint64_t admins = 0;
        uint64_t expected = 0; // count frames the online admins should have received
        uint64_t missing = 0;
        uint64_t wrongFinal = 0; // admins whose last count is not the org's final pending count
    };

    FrameJudge(const std::vector<std::string> &userIds, Expectations expectations);

    void markAdmin(size_t user, int org);
    void setLoginId(std::string id) { m_expect.loginId = std::move(id); }
    void setStage(Stage stage) { m_stage = stage; }
    Verdict judge(size_t user, std::string_view frame);

    FanoutCheck checkFanout(const std::vector<std::string> &publishedIds,
                            const std::vector<std::string> &publishedMsgs,
                            const std::vector<bool> &online) const;
    // expectedPerOrg[org]: requests submitted in that org; pending counts start at zero.
    CountCheck checkCounts(const std::vector<int> &expectedPerOrg, const std::vector<bool> &online) const;

    const Counters &counters() const { return m_counters; }
    const std::vector<std::string> &samples() const { return m_samples; }

private:
    Verdict reject(size_t user, const std::string &why, std::string_view frame);
    Verdict judgeLogin(size_t user, const struct FrameView &view, std::string_view frame);
    Verdict judgeFanout(size_t user, const struct FrameView &view, std::string_view frame);
    Verdict judgeCount(size_t user, const struct FrameView &view, std::string_view frame);

    struct UserLog {
        bool loggedIn = false;
        int org = -1; // >= 0 for org admins
        int lastCount = 0;
        uint32_t countFrames = 0;
        std::vector<uint8_t> fanout; // interned ids in arrival order
    };

    const std::vector<std::string> &m_userIds;
    Expectations m_expect;
    Stage m_stage = Stage::Login;
    std::vector<UserLog> m_users;
    std::unordered_map<std::string, uint8_t> m_fanoutIds;
    std::vector<std::string> m_fanoutMsgs; // by interned id: the msg first seen with it
    Counters m_counters;
    std::vector<std::string> m_samples; // the first few rejections, for the report
};

} // namespace bench
