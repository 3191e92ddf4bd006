#pragma once

#include "server/ServerConfig.h"

#include <QSettings>
#include <QString>

#include <memory>

namespace gistack {

// The console's saved settings (QSettings): the server's settings plus the language and the
// admin the console decides as. Values given on the command line, in GISTACK_* variables or a
// --config file are laid over these at start-up by ConfigLoader.
class ConsoleSettings {
public:
    // An empty path means the user's standard settings location.
    explicit ConsoleSettings(const QString &filePath = QString());

    // Stored values over base; keys never saved keep base's value.
    ServerConfig load(ServerConfig base = ServerConfig()) const;
    void save(const ServerConfig &config);

    // "" follows the system locale; else "en" or "zh_CN".
    QString language() const;
    void setLanguage(const QString &code);
    QString adminId() const;
    void setAdminId(const QString &adminId);

    QString fileName() const { return m_settings->fileName(); }

private:
    void restrictToOwner();

    std::unique_ptr<QSettings> m_settings;
};

} // namespace gistack
