#pragma once

namespace gistack {

// How the programs log: a default message pattern (time, level, category) unless
// QT_MESSAGE_PATTERN is set, and every gistack.* category at every level with --verbose.
// QT_LOGGING_RULES still wins over both, so operators can open or close single categories.
class LogSetup {
public:
    static void installPattern();
    static void setVerbose(bool verbose);
};

} // namespace gistack
