#pragma once

#include "ServerConfig.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>

namespace gistack {

// Builds a ServerConfig from, strongest first: command-line options, GISTACK_* environment
// variables, the INI file of --config, and the defaults.
class ConfigLoader {
public:
    ConfigLoader();

    // Declares every option on parser (shared by gistack-server and gistack-console).
    void addOptions(QCommandLineParser &parser) const;
    // Returns false with a message in *error when a value is unusable.
    bool load(const QCommandLineParser &parser, ServerConfig *config, QString *error);
    // Things worth a warning, such as secrets given on the command line.
    const QStringList &warnings() const { return m_warnings; }
    // Keys of the config file that are no setting (typos such as jwt_secret).
    const QStringList &unknownKeys() const { return m_unknownKeys; }

private:
    using Lookup = std::function<QString(const char *key)>;
    static bool loadLimits(const Lookup &value, ServerConfig *config, QString *error);
    static bool loadTransport(const Lookup &value, ServerConfig *config, QString *error);
    QString lookup(const QCommandLineParser &parser, const QString &key, const QString &iniValue) const;

    QStringList m_warnings;
    QStringList m_unknownKeys;
};

} // namespace gistack
