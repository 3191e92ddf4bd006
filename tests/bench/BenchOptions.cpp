#include "BenchOptions.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace bench {

namespace {

bool toInt(const char *text, int minimum, int *out) {
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (!end || *end != '\0' || value < minimum || value > 10000000)
        return false;
    *out = int(value);
    return true;
}

std::string env(const char *name) {
    const char *value = std::getenv(name);
    return value ? value : "";
}

} // namespace

void BenchOptions::printUsage() {
    std::fprintf(
        stderr,
        "usage: gistack-loadgen run --port P [--target gistack|peer] [--label NAME] [--host 127.0.0.1]\n"
        "           [--server-pid PID] [--users N] [--fanout 20] [--requests 5000] [--concurrency 32]\n"
        "           [--window 250] [--sources 8] [--orgs 20] [--admins-per-org 2] [--hold SECONDS]\n"
        "           [--out FILE]\n"
        "       gistack-loadgen report OURS.kv PEER.kv [MORE.kv ...]\n"
        "Secrets: GISTACK_JWT_SECRET (signs the users' tokens), GISTACK_API_KEY (gistack target).\n");
}

bool BenchOptions::parse(int argc, char **argv) {
    struct IntOption {
        const char *name;
        int minimum;
        int *value;
    };
    const IntOption ints[] = {{"--port", 1, &port},         {"--server-pid", 0, &serverPid},
                              {"--users", 1, &users},       {"--fanout", 0, &fanoutMessages},
                              {"--requests", 0, &requests}, {"--concurrency", 1, &concurrency},
                              {"--window", 1, &window},     {"--sources", 1, &sources},
                              {"--orgs", 1, &orgs},         {"--admins-per-org", 1, &adminsPerOrg},
                              {"--hold", 0, &holdSeconds}};
    for (int i = 0; i < argc; ++i) {
        const char *name = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : nullptr;
        bool known = false;
        for (const IntOption &option : ints) {
            if (std::strcmp(name, option.name) == 0) {
                if (!value || !toInt(value, option.minimum, option.value)) {
                    std::fprintf(stderr, "loadgen: %s needs a number >= %d\n", name, option.minimum);
                    return false;
                }
                known = true;
            }
        }
        if (!known && value && std::strcmp(name, "--target") == 0) {
            if (std::strcmp(value, "gistack") != 0 && std::strcmp(value, "peer") != 0) {
                std::fprintf(stderr, "loadgen: --target is gistack or peer\n");
                return false;
            }
            target = std::strcmp(value, "peer") == 0 ? Target::Peer : Target::Gistack;
            known = true;
        } else if (!known && value && std::strcmp(name, "--host") == 0) {
            host = value;
            known = true;
        } else if (!known && value && std::strcmp(name, "--label") == 0) {
            label = value;
            known = true;
        } else if (!known && value && std::strcmp(name, "--out") == 0) {
            outPath = value;
            known = true;
        }
        if (!known) {
            std::fprintf(stderr, "loadgen: unknown or incomplete option %s\n", name);
            return false;
        }
        ++i;
    }
    if (port == 0) {
        std::fprintf(stderr, "loadgen: --port is required\n");
        return false;
    }
    if (label.empty())
        label = target == Target::Gistack ? "GIStack Notify" : "peer";
    jwtSecret = env("GISTACK_JWT_SECRET");
    apiKey = env("GISTACK_API_KEY");
    if (jwtSecret.empty() || (target == Target::Gistack && apiKey.empty())) {
        std::fprintf(stderr, "loadgen: set GISTACK_JWT_SECRET (and GISTACK_API_KEY for --target gistack)\n");
        return false;
    }
    if (users <= orgs * adminsPerOrg) {
        orgs = 1;
        adminsPerOrg = 1;
    }
    return true;
}

} // namespace bench
