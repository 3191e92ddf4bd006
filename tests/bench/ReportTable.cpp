#include "ReportTable.h"

#include <cstdio>

namespace bench {

namespace {

const char *dash = "—";

std::string fixed(double value, int decimals) {
    if (value < 0)
        return dash;
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string verdict(bool met) {
    return met ? "yes" : "**no**";
}

} // namespace

ReportTable::ReportTable(std::vector<Results> runs)
    : m_runs(std::move(runs)) {
}

std::string ReportTable::row(const std::string &title, const std::string &key, int decimals,
                             double scale) const {
    std::string line = "| " + title + " |";
    for (const Results &run : m_runs) {
        const double value = run.number(key);
        line += " " + (value < 0 ? std::string(dash) : fixed(value * scale, decimals)) + " |";
    }
    return line + "\n";
}

std::string ReportTable::comparison() const {
    const Results &ours = m_runs.front();
    const std::string users = ours.text("users");
    std::string out = "| |";
    std::string rule = "|---|";
    for (const Results &run : m_runs) {
        out += " " + run.text("label") + " |";
        rule += "---|";
    }
    out += "\n" + rule + "\n";
    out += row("users connected (of " + users + ")", "connected", 0);
    out += row("connect " + users + " users, to the last login frame (s)", "connect_s", 2);
    out += row("... to the last 101 upgrade (s): bare accept", "handshake_s", 2);
    out += row("login latency p50 (ms)", "login_p50_ms", 1);
    out += row("login latency p90 (ms)", "login_p90_ms", 1);
    out += row("login latency p99 (ms)", "login_p99_ms", 1);
    out += row("login latency max (ms)", "login_max_ms", 1);
    out +=
        row("fan-out frames/s (" + ours.text("fanout_messages") + " publishes to everyone)", "fanout_fps", 0);
    out += row("fan-out duration (s)", "fanout_s", 2);
    out += row("publish answered, p50 (ms)", "publish_p50_ms", 1);
    out += row("server VmRSS before connecting (MiB)", "rss_before_kib", 1, 1.0 / 1024);
    out += row("server VmRSS with everyone connected, idle (MiB)", "rss_after_kib", 1, 1.0 / 1024);
    out += row("server VmRSS after the fan-out (MiB)", "rss_after_fanout_kib", 1, 1.0 / 1024);
    out += row("server memory per connection (KiB)", "rss_per_conn_kib", 2);
    out += row("API: POST /api/v1/requests per s (concurrency " + ours.text("api_concurrency") + ")",
               "api_rps", 0);
    out += row("API latency p99 (ms)", "api_p99_ms", 1);
    out += "| count pushes to online admins (received/expected) |";
    for (const Results &run : m_runs)
        out += run.has("count_expected")
                   ? " " + run.text("count_frames") + "/" + run.text("count_expected") + " |"
                   : std::string(" ") + dash + " |";
    out += "\n";
    out += row("correctness errors (all counters)", "errors_total", 0);
    out += row("server CPU while connecting (% of one core)", "server_cpu_connect_pct", 0);
    out += row("server CPU during fan-out (%)", "server_cpu_fanout_pct", 0);
    out += row("load generator CPU while connecting (%)", "loadgen_cpu_connect_pct", 0);
    out += row("load generator CPU during fan-out (%)", "loadgen_cpu_fanout_pct", 0);
    return out;
}

std::string ReportTable::targets() const {
    if (m_runs.size() < 2)
        return {};
    const Results &ours = m_runs.front();
    const Results &peer = m_runs[1];
    const std::string name = peer.text("label");
    std::string out =
        "| target (against " + name + " in this run) | measured | goal | met |\n|---|---|---|---|\n";

    const double connect = ours.number("connect_s");
    const double bare = peer.number("handshake_s");
    if (connect > 0 && bare > 0) {
        const double ratio = connect / bare;
        out += "| connect time vs the peer's bare accept | " + fixed(ratio, 2) + "× (" + fixed(connect, 2) +
               " s vs " + fixed(bare, 2) + " s) | ≤ 0.8× | " + verdict(ratio <= 0.8) + " |\n";
    }
    const double p99 = ours.number("login_p99_ms");
    if (p99 >= 0)
        out += "| login p99, connect() to login frame | " + fixed(p99, 1) + " ms | < 250 ms | " +
               verdict(p99 < 250) + " |\n";
    const double fps = ours.number("fanout_fps");
    const double peerFps = peer.number("fanout_fps");
    if (fps > 0 && peerFps > 0) {
        const double ratio = fps / peerFps;
        out += "| fan-out frames/s vs the peer | " + fixed(ratio, 2) + "× (" + fixed(fps, 0) + " vs " +
               fixed(peerFps, 0) + ") | ≥ 2× | " + verdict(ratio >= 2) + " |\n";
    }
    const double memory = ours.number("rss_per_conn_kib");
    const double peerMemory = peer.number("rss_per_conn_kib");
    if (memory > 0 && peerMemory > 0) {
        const double ratio = memory / peerMemory;
        out += "| memory per idle connection vs the peer | " + fixed(ratio, 2) + "× (" + fixed(memory, 1) +
               " vs " + fixed(peerMemory, 1) + " KiB) | ≤ 1.5× | " + verdict(ratio <= 1.5) + " |\n";
    }
    const double rps = ours.number("api_rps");
    if (rps >= 0)
        out += "| API submissions, durable, admins pushed | " + fixed(rps, 0) + " req/s | ≥ 2000 req/s | " +
               verdict(rps >= 2000) + " |\n";
    double errors = 0;
    for (const Results &run : m_runs)
        errors += run.number("errors_total", 1);
    out += "| correctness: every frame, in order, exact envelope | " +
           fixed(ours.number("errors_total", 1), 0) + " errors (ours), " +
           fixed(errors - ours.number("errors_total", 1), 0) + " (peers) | 0 | " +
           verdict(ours.number("errors_total", 1) == 0) + " |\n";
    return out;
}

std::string ReportTable::markdown() const {
    if (m_runs.empty())
        return {};
    const Results &ours = m_runs.front();
    std::string out = ours.text("users") + " users, connect window " + ours.text("window") + ", " +
                      ours.text("sources") + " loopback source addresses\n\n";
    out += comparison() + "\n" + targets();
    return out;
}

} // namespace bench
