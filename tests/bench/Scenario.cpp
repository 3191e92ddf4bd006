#include "Scenario.h"

#include "MonoClock.h"
#include "Percentiles.h"
#include "ProcessProbe.h"

#include "net/TokenVerifier.h"
#include "time/Clock.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <functional>

namespace bench {

namespace {

constexpr const char *loginType = "NORMAL_USER_DESKTOP_LEASE_EXPIRED";
constexpr const char *loginMsgPrefix = "[{\"expireDate\":\"";
constexpr const char *loginMsgSuffix = "\",\"resourceName\":\"bench-desktop\",\"timeLeft\":3}]";
constexpr const char *fanoutType = "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED";
constexpr const char *countType = "GCLOUD_WEBSITE_APPROVE_REQUEST";

void note(const char *format, ...) {
    va_list args;
    va_start(args, format);
    std::fprintf(stderr, "[loadgen] ");
    std::vfprintf(stderr, format, args);
    std::fprintf(stderr, "\n");
    va_end(args);
}

int64_t after(double seconds) {
    return nowNs() + int64_t(seconds * 1e9);
}

std::vector<std::string> makeUserIds(int count) {
    std::vector<std::string> ids;
    char text[32];
    for (int i = 0; i < count; ++i) {
        std::snprintf(text, sizeof text, "bench-u%05d", i);
        ids.emplace_back(text);
    }
    return ids;
}

// The server reads expireDate as local time; three days ahead keeps timeLeft = 3 all day.
std::string localTimeIn(int days) {
    const time_t when = time(nullptr) + time_t(days) * 86400;
    tm local{};
    localtime_r(&when, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

std::string idOf(const std::string &body) {
    const size_t start = body.find("\"id\":\"");
    if (start == std::string::npos)
        return {};
    const size_t end = body.find('"', start + 6);
    return end == std::string::npos ? std::string() : body.substr(start + 6, end - start - 6);
}

// Signed with the project's own TokenVerifier, so the tokens are exactly what the server expects.
std::vector<std::string> issueTokens(const std::string &secret, const std::vector<std::string> &userIds) {
    const int64_t t0 = nowNs();
    gistack::SystemClock clock;
    const gistack::TokenVerifier issuer(QByteArray::fromStdString(secret), clock);
    std::vector<std::string> tokens;
    tokens.reserve(userIds.size());
    for (const std::string &id : userIds)
        tokens.push_back(issuer.issue(QString::fromStdString(id), 3600).toStdString());
    note("signed %zu HS256 tokens in %.2f s", tokens.size(), secondsBetween(t0, nowNs()));
    return tokens;
}

FrameJudge::Expectations expectations() {
    FrameJudge::Expectations e;
    e.loginType = loginType;
    e.loginMsgPrefix = loginMsgPrefix;
    e.loginMsgSuffix = loginMsgSuffix;
    e.fanoutType = fanoutType;
    e.countType = countType;
    return e;
}

} // namespace

Scenario::Scenario(const BenchOptions &options)
    : m_options(options)
    , m_hostPort(options.host + ":" + std::to_string(options.port))
    , m_userIds(makeUserIds(options.users))
    , m_tokens(issueTokens(options.jwtSecret, m_userIds))
    , m_dialer(options.host, uint16_t(options.port), options.sources)
    , m_api(m_loop, m_dialer, m_hostPort, options.apiKey.empty() ? "" : "Bearer " + options.apiKey,
            options.concurrency)
    , m_judge(m_userIds, expectations())
    , m_fleet(m_loop, m_dialer, m_judge, m_hostPort, m_tokens) {
    for (size_t u = 0; u < m_userIds.size(); ++u) {
        if (ours() && isAdmin(u))
            m_judge.markAdmin(u, orgOf(u));
    }
}

bool Scenario::isAdmin(size_t user) const {
    return user < size_t(m_options.orgs * m_options.adminsPerOrg);
}

int Scenario::orgOf(size_t user) const {
    return int(user % size_t(m_options.orgs));
}

void Scenario::sample(const std::string &what) {
    if (m_samples.size() < 10)
        m_samples.push_back(what);
}

void Scenario::idle(double seconds) {
    m_loop.runUntil([] { return false; }, after(seconds));
}

void Scenario::recordCpu(const char *phase, double wallSeconds, double selfCpu0, double serverCpu0) {
    const std::string p(phase);
    m_results.set("loadgen_cpu_" + p + "_pct",
                  100.0 * (ProcessProbe::selfCpuSeconds() - selfCpu0) / wallSeconds);
    if (m_options.serverPid > 0)
        m_results.set("server_cpu_" + p + "_pct",
                      100.0 * (ProcessProbe::cpuSeconds(m_options.serverPid) - serverCpu0) / wallSeconds);
}

Results Scenario::run() {
    m_results.set("label", m_options.label);
    m_results.set("target", ours() ? "gistack" : "peer");
    m_results.set("users", m_options.users);
    m_results.set("window", m_options.window);
    m_results.set("sources", m_options.sources);
    if (ours() && (!createUsers() || !queueLoginMessage())) {
        m_results.set("setup_failed", 1);
    } else if (connect()) {
        fanout();
        if (ours() && m_options.requests > 0)
            submitRequests();
    }
    m_fleet.dropAll();

    const FrameJudge::Counters &c = m_judge.counters();
    m_results.set("frames_total", double(c.frames));
    m_results.set("envelope_errors", double(c.envelopeErrors));
    m_results.set("unexpected_frames", double(c.unexpectedFrames));
    m_results.set("dropped_after_login", double(m_fleet.droppedAfterLogin()));
    m_results.set("api_errors", double(m_apiErrors));
    const double errors = m_results.number("connect_failed", 0) + double(c.envelopeErrors) +
                          double(m_fleet.droppedAfterLogin()) + double(m_apiErrors) +
                          m_results.number("fanout_lost", 0) + m_results.number("fanout_extra", 0) +
                          m_results.number("fanout_out_of_order", 0) +
                          m_results.number("fanout_wrong_msg", 0) + m_results.number("count_missing", 0) +
                          m_results.number("count_order_errors", 0) +
                          m_results.number("count_wrong_final", 0) + m_results.number("setup_failed", 0);
    m_results.set("errors_total", errors);
    m_results.set("loadgen_max_rss_kib", double(ProcessProbe::selfMaxRssKiB()));
    for (const std::string &s : m_judge.samples())
        note("frame rejected: %s", s.c_str());
    for (const std::string &s : m_fleet.closeSamples())
        note("connection ended: %s", s.c_str());
    for (const std::string &s : m_samples)
        note("%s", s.c_str());
    return m_results;
}

bool Scenario::createUsers() {
    const int64_t t0 = nowNs();
    uint64_t failures = 0;
    const auto check = [this, &failures](const HttpResponse &r) {
        if (r.status != 200) {
            ++failures;
            sample("setup answered " + std::to_string(r.status) + ": " + r.body);
        }
    };
    std::vector<HttpPool::Job> orgs;
    for (int o = 0; o < m_options.orgs; ++o)
        orgs.push_back({"PUT", "/api/v1/orgs/bench-org-" + std::to_string(o),
                        "{\"name\":\"Bench org " + std::to_string(o) + "\"}", check});
    std::vector<HttpPool::Job> users;
    for (size_t u = 0; u < m_userIds.size(); ++u) {
        users.push_back({"PUT", "/api/v1/users/" + m_userIds[u],
                         "{\"name\":\"" + m_userIds[u] + "\",\"orgId\":\"bench-org-" +
                             std::to_string(orgOf(u)) + "\",\"role\":\"" +
                             (isAdmin(u) ? "orgadmin" : "user") + "\"}",
                         check});
    }
    const bool done = m_api.runAll(std::move(orgs), after(30)) && m_api.runAll(std::move(users), after(300));
    const double seconds = secondsBetween(t0, nowNs());
    m_results.set("setup_users_s", seconds);
    note("created %d orgs and %zu users through the API in %.2f s", m_options.orgs, m_userIds.size(),
         seconds);
    return done && failures == 0;
}

bool Scenario::queueLoginMessage() {
    std::string body = "{\"userId\":[";
    for (size_t u = 0; u < m_userIds.size(); ++u)
        body.append(u ? ",\"" : "\"").append(m_userIds[u]).append("\"");
    body.append("],\"type\":\"").append(loginType).append("\",\"msg\":");
    body.append(loginMsgPrefix).append(localTimeIn(3)).append(loginMsgSuffix).append("}");
    std::string id;
    std::vector<HttpPool::Job> jobs;
    jobs.push_back({"POST", "/api/v1/messages", body, [this, &id](const HttpResponse &r) {
                        if (r.status == 201)
                            id = idOf(r.body);
                        else
                            sample("queueing the login message answered " + std::to_string(r.status) + ": " +
                                   r.body);
                    }});
    m_api.runAll(std::move(jobs), after(120));
    if (id.empty())
        return false;
    m_judge.setLoginId(id);
    note("queued message %s for all %zu offline users: it is each one's login frame", id.c_str(),
         m_userIds.size());
    return true;
}

bool Scenario::connect() {
    const pid_t pid = m_options.serverPid;
    idle(1.0); // let the server finish the setup's aftermath before the baseline
    const long rssBefore = ProcessProbe::rssKiB(pid);
    const double self0 = ProcessProbe::selfCpuSeconds();
    const double server0 = ProcessProbe::cpuSeconds(pid);
    const int64_t t0 = nowNs();
    const Fleet::ConnectStats stats = m_fleet.connectAll(size_t(m_options.window), after(300));
    recordCpu("connect", secondsBetween(t0, nowNs()), self0, server0);

    const Percentiles latency(stats.latencyMs);
    m_results.set("connected", double(stats.loggedIn));
    m_results.set("connect_failed", double(stats.failed));
    m_results.set("handshake_s", stats.handshakeSeconds);
    m_results.set("connect_s", stats.loginSeconds);
    m_results.set("login_p50_ms", latency.at(50));
    m_results.set("login_p90_ms", latency.at(90));
    m_results.set("login_p99_ms", latency.at(99));
    m_results.set("login_max_ms", latency.max());
    note("%zu users logged in (%zu failed): all 101s after %.2f s, all login frames after %.2f s; "
         "login p50 %.1f p99 %.1f max %.1f ms",
         stats.loggedIn, stats.failed, stats.handshakeSeconds, stats.loginSeconds, latency.at(50),
         latency.at(99), latency.max());

    idle(2.0); // idle connections: what the server keeps per socket once the crowd is in
    const long rssAfter = ProcessProbe::rssKiB(pid);
    if (rssBefore > 0 && rssAfter > 0 && stats.loggedIn > 0) {
        m_results.set("rss_before_kib", double(rssBefore));
        m_results.set("rss_after_kib", double(rssAfter));
        m_results.set("rss_per_conn_kib", double(rssAfter - rssBefore) / double(stats.loggedIn));
        note("server VmRSS %ld KiB -> %ld KiB: %.2f KiB per connection", rssBefore, rssAfter,
             double(rssAfter - rssBefore) / double(stats.loggedIn));
    }
    if (m_options.holdSeconds > 0) {
        note("holding %zu idle connections for %d s", stats.loggedIn, m_options.holdSeconds);
        idle(m_options.holdSeconds);
    }
    return stats.loggedIn > 0;
}

void Scenario::fanout() {
    const size_t messages = size_t(m_options.fanoutMessages);
    if (messages == 0)
        return;
    m_judge.setStage(FrameJudge::Stage::Fanout);
    const std::string path = ours() ? "/api/v1/messages" : "/publish";
    std::string recipients; // ours names every user; the peer publishes to everyone online
    if (ours()) {
        recipients = "\"userId\":[";
        for (size_t u = 0; u < m_userIds.size(); ++u)
            recipients.append(u ? ",\"" : "\"").append(m_userIds[u]).append("\"");
        recipients.append("],");
    }
    std::vector<std::string> ids;
    std::vector<std::string> msgs;
    std::vector<double> latencyMs;
    for (size_t k = 0; k < messages; ++k)
        msgs.push_back("\"bench-fanout-" + std::to_string(k) + "\"");
    bool failed = false;
    int64_t lastAnswerNs = 0;
    const uint64_t expected = uint64_t(messages) * m_fleet.onlineCount();

    // One publish at a time, the next as soon as the previous one is answered: each 201 means the
    // message is stored and its frames are queued on every socket, so ids must arrive in this order.
    std::function<void(size_t)> publish = [&](size_t k) {
        const std::string body =
            "{" + recipients + "\"type\":\"" + fanoutType + "\",\"msg\":" + msgs[k] + "}";
        m_api.post({"POST", path, body, [&, k](const HttpResponse &r) {
                        latencyMs.push_back(double(r.latencyNs) / 1e6);
                        const std::string id = r.status == 201 ? idOf(r.body) : std::string();
                        if (id.empty()) {
                            failed = true;
                            ++m_apiErrors;
                            sample("publish answered " + std::to_string(r.status) + ": " +
                                   r.body.substr(0, 200));
                            return;
                        }
                        ids.push_back(id);
                        lastAnswerNs = nowNs();
                        if (k + 1 < messages)
                            publish(k + 1);
                    }});
    };
    const pid_t pid = m_options.serverPid;
    const double self0 = ProcessProbe::selfCpuSeconds();
    const double server0 = ProcessProbe::cpuSeconds(pid);
    const int64_t t0 = nowNs();
    publish(0);
    // Done when every frame is in, or nothing has arrived for 5 s after the last 201 (frames lost).
    const auto finished = [&] {
        if (failed)
            return true;
        if (ids.size() < messages)
            return false;
        return m_judge.counters().fanoutFrames >= expected ||
               nowNs() - std::max(m_fleet.lastFrameNs(), lastAnswerNs) > int64_t(5e9);
    };
    if (!m_loop.runUntil(finished, after(300)))
        m_api.abandonAll(); // the callbacks refer to this frame
    const double seconds = secondsBetween(t0, std::max(m_fleet.lastFrameNs(), t0 + 1));
    recordCpu("fanout", secondsBetween(t0, nowNs()), self0, server0);
    idle(0.5); // anything extra or late shows up as an error below

    const FrameJudge::FanoutCheck check = m_judge.checkFanout(ids, msgs, m_fleet.online());
    const uint64_t frames = m_judge.counters().fanoutFrames;
    const Percentiles publishLatency(latencyMs);
    m_results.set("fanout_messages", double(ids.size()));
    m_results.set("fanout_frames", double(frames));
    m_results.set("fanout_expected", double(expected));
    m_results.set("fanout_s", seconds);
    m_results.set("fanout_fps", double(frames) / seconds);
    m_results.set("publish_p50_ms", publishLatency.at(50));
    m_results.set("publish_max_ms", publishLatency.max());
    m_results.set("fanout_lost", double(check.lost + (ids.size() < messages ? 1 : 0)));
    m_results.set("fanout_extra", double(check.extra));
    m_results.set("fanout_out_of_order", double(check.outOfOrder));
    m_results.set("fanout_wrong_msg", double(check.wrongMsg));
    const long rss = ProcessProbe::rssKiB(pid);
    if (rss > 0)
        m_results.set("rss_after_fanout_kib", double(rss));
    note("fan-out: %zu messages, %llu/%llu frames in %.2f s = %.0f frames/s (publish p50 %.1f ms); "
         "lost %llu, extra %llu, out of order %llu",
         ids.size(), (unsigned long long)frames, (unsigned long long)expected, seconds,
         double(frames) / seconds, publishLatency.at(50), (unsigned long long)check.lost,
         (unsigned long long)check.extra, (unsigned long long)check.outOfOrder);
}

void Scenario::submitRequests() {
    m_judge.setStage(FrameJudge::Stage::Requests);
    const size_t admins = size_t(m_options.orgs * m_options.adminsPerOrg);
    const size_t regular = m_userIds.size() - admins;
    std::vector<int> perOrg(size_t(m_options.orgs), 0);
    std::vector<double> latencyMs;
    uint64_t created = 0;
    std::vector<HttpPool::Job> jobs;
    for (int r = 0; r < m_options.requests; ++r) {
        const size_t user = admins + size_t(r) % regular;
        ++perOrg[size_t(orgOf(user))];
        jobs.push_back({"POST", "/api/v1/requests",
                        "{\"userId\":\"" + m_userIds[user] +
                            "\",\"kind\":\"website\",\"action\":\"apply\",\"resourceName\":\"bench-site-" +
                            std::to_string(r) + "\"}",
                        [&](const HttpResponse &response) {
                            latencyMs.push_back(double(response.latencyNs) / 1e6);
                            if (response.status == 201) {
                                ++created;
                            } else {
                                ++m_apiErrors;
                                sample("request answered " + std::to_string(response.status) + ": " +
                                       response.body.substr(0, 200));
                            }
                        }});
    }
    uint64_t expectedPushes = 0;
    for (size_t u = 0; u < admins; ++u)
        expectedPushes += m_fleet.online()[u] ? uint64_t(perOrg[size_t(orgOf(u))]) : 0;

    const pid_t pid = m_options.serverPid;
    const double self0 = ProcessProbe::selfCpuSeconds();
    const double server0 = ProcessProbe::cpuSeconds(pid);
    const int64_t t0 = nowNs();
    const bool finished = m_api.runAll(std::move(jobs), after(300));
    const double seconds = secondsBetween(t0, nowNs());
    recordCpu("api", seconds, self0, server0);
    // Pushes leave before each 201; allow stragglers still in socket buffers to be read.
    m_loop.runUntil([&] { return m_judge.counters().countFrames >= expectedPushes; }, after(10));
    idle(0.3);

    const FrameJudge::CountCheck check = m_judge.checkCounts(perOrg, m_fleet.online());
    const Percentiles latency(latencyMs);
    m_results.set("api_requests", double(m_options.requests));
    m_results.set("api_concurrency", double(m_options.concurrency));
    m_results.set("api_created", double(created));
    m_results.set("api_s", seconds);
    m_results.set("api_rps", double(created) / seconds);
    m_results.set("api_p50_ms", latency.at(50));
    m_results.set("api_p99_ms", latency.at(99));
    m_results.set("count_admins", double(check.admins));
    m_results.set("count_expected", double(check.expected));
    m_results.set("count_frames", double(m_judge.counters().countFrames));
    m_results.set("count_missing", double(check.missing + (finished ? 0 : 1)));
    m_results.set("count_order_errors", double(m_judge.counters().countOrderErrors));
    m_results.set("count_wrong_final", double(check.wrongFinal));
    note("API: %llu/%d requests created in %.2f s = %.0f req/s at concurrency %d (p99 %.1f ms); "
         "%llu admins got %llu/%llu count pushes",
         (unsigned long long)created, m_options.requests, seconds, double(created) / seconds,
         m_options.concurrency, latency.at(99), (unsigned long long)check.admins,
         (unsigned long long)(check.expected - check.missing), (unsigned long long)check.expected);
}

} // namespace bench
