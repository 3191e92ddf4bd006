#pragma once

#include <QString>

class QCoreApplication;

namespace gistack {

// The headless program behind gistack-server and gistack-console --headless:
// parses options, serves until SIGINT/SIGTERM, or runs the `token` command.
class ServerCommandLine {
public:
    static int run(QCoreApplication &app, const QString &programName);
};

} // namespace gistack
