#pragma once

#include "ServerConfig.h"

#include <QStringList>

class QTextStream;

namespace gistack {

class ConfigLoader;

// The rules a loaded ServerConfig must meet before the server may start (secrets), plus
// what `gistack-server check-config` adds for operators: unknown keys in the file and a
// database folder this user can write.
class ConfigCheck {
public:
    // What NotifyServer::start refuses to run with; empty when the config is usable.
    static QStringList startProblems(const ServerConfig &config);
    // The check-config command: prints "config OK" and a summary (no secrets), or every
    // problem found. Returns the exit code: 0 OK, 1 problems.
    static int report(const ServerConfig &config, const ConfigLoader &loader, QTextStream &out,
                      QTextStream &err);

private:
    static QStringList databaseProblems(const ServerConfig &config);
};

} // namespace gistack
