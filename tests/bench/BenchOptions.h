#pragma once

#include <string>

namespace bench {

// What one `gistack-loadgen run` does. Secrets come from the environment the server also
// reads (GISTACK_JWT_SECRET, GISTACK_API_KEY), never from the command line.
struct BenchOptions {
    enum class Target { Gistack, Peer };

    Target target = Target::Gistack;
    std::string label; // the column name in the report
    std::string host = "127.0.0.1";
    int port = 0;
    int serverPid = 0; // for VmRSS and CPU; 0 = not measured
    int users = 19000;
    int fanoutMessages = 20;
    int requests = 5000;  // POST /api/v1/requests in the API phase
    int concurrency = 32; // keep-alive HTTP connections in the API phase
    int window = 250;     // connections between connect() and their login frame at once
    int sources = 8;      // loopback source addresses 127.0.0.2 ...
    int orgs = 20;
    int adminsPerOrg = 2;
    int holdSeconds = 0; // idle with everyone connected before the fan-out (to attach a profiler)
    std::string outPath; // key=value results; stdout when empty
    std::string jwtSecret;
    std::string apiKey;

    // Parses `run` options; prints the problem and returns false on bad input.
    bool parse(int argc, char **argv);
    static void printUsage();
};

} // namespace bench
