#include "ServerConfig.h"

#include <QStandardPaths>

namespace gistack {

QString ServerConfig::defaultDatabasePath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/gistack-notify/gistack.db");
}

} // namespace gistack
