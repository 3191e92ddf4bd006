#include "ConfigLoader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSettings>

namespace gistack {

namespace {

struct Setting {
    const char *key;
    const char *valueName;
    const char *help;
};

// One table drives the options, the environment names and the INI keys.
const Setting settings[] = {
    {"port", "port",
     QT_TRANSLATE_NOOP("ConfigLoader", "TCP port for WebSocket, HTTP API and health check (default 8080).")},
    {"bind", "address", QT_TRANSLATE_NOOP("ConfigLoader", "Address to listen on (default 127.0.0.1).")},
    {"database", "path|url",
     QT_TRANSLATE_NOOP("ConfigLoader",
                       "SQLite file, or :memory: (default under the user's data folder), or "
                       "postgresql://user:password@host:port/dbname for several nodes on one PostgreSQL.")},
    {"jwt-secret", "secret",
     QT_TRANSLATE_NOOP("ConfigLoader",
                       "HS256 secret that signs browser tokens (prefer the config file or environment).")},
    {"api-key", "key",
     QT_TRANSLATE_NOOP("ConfigLoader",
                       "Bearer key of the HTTP API (prefer the config file or environment).")},
    {"threshold-days", "days",
     QT_TRANSLATE_NOOP("ConfigLoader", "Remind of expiries this many days ahead (default 10).")},
    {"daily-check-at", "HH:mm",
     QT_TRANSLATE_NOOP("ConfigLoader",
                       "Time of day open connections get the login checks again (default 09:00).")},
    {"metrics-key", "key",
     QT_TRANSLATE_NOOP("ConfigLoader", "Bearer key GET /metrics asks for (default none: /metrics is open).")},
};

// Config-file keys that are flags rather than rows of the table above.
const char *const flagKeys[] = {"demo", "verbose"};

bool isKnownKey(const QString &key) {
    for (const Setting &setting : settings) {
        if (key == QLatin1String(setting.key))
            return true;
    }
    for (const char *flag : flagKeys) {
        if (key == QLatin1String(flag))
            return true;
    }
    return false;
}

QString envName(const QString &key) {
    return QStringLiteral("GISTACK_") + QString(key).replace(QLatin1Char('-'), QLatin1Char('_')).toUpper();
}

} // namespace

ConfigLoader::ConfigLoader() = default;

void ConfigLoader::addOptions(QCommandLineParser &parser) const {
    for (const Setting &setting : settings)
        parser.addOption(QCommandLineOption(QString::fromLatin1(setting.key),
                                            QCoreApplication::translate("ConfigLoader", setting.help),
                                            QString::fromLatin1(setting.valueName)));
    parser.addOption(
        QCommandLineOption(QStringLiteral("config"),
                           QCoreApplication::translate("ConfigLoader", "INI file with these settings."),
                           QStringLiteral("file")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("demo"),
                           QCoreApplication::translate("ConfigLoader", "Load demo orgs, users and data.")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("verbose"),
                           QCoreApplication::translate("ConfigLoader", "Log every connection and message.")));
}

QString ConfigLoader::lookup(const QCommandLineParser &parser, const QString &key,
                             const QString &iniValue) const {
    if (parser.isSet(key))
        return parser.value(key);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (env.contains(envName(key)))
        return env.value(envName(key));
    return iniValue;
}

bool ConfigLoader::load(const QCommandLineParser &parser, ServerConfig *config, QString *error) {
    m_warnings.clear();
    m_unknownKeys.clear();
    const QString configFile = lookup(parser, QStringLiteral("config"), QString());
    QHash<QString, QString> ini;
    if (!configFile.isEmpty()) {
        if (!QFileInfo(configFile).isReadable()) {
            *error =
                QCoreApplication::translate("ConfigLoader", "cannot read config file %1").arg(configFile);
            return false;
        }
        QSettings file(configFile, QSettings::IniFormat);
        if (file.status() != QSettings::NoError) {
            *error = QCoreApplication::translate("ConfigLoader", "config file %1 is not a valid INI file")
                         .arg(configFile);
            return false;
        }
        const QStringList keys = file.allKeys();
        for (const QString &key : keys) {
            const QString name = key.section(QLatin1Char('/'), -1);
            ini.insert(name, file.value(key).toString());
            // QSettings reads "#key=value" as a key; to people it is a line commented out.
            if (!isKnownKey(name) && !name.startsWith(QLatin1Char('#'))) {
                m_unknownKeys.append(name);
                m_warnings.append(
                    QStringLiteral("unknown setting \"%1\" in %2 is ignored").arg(name, configFile));
            }
        }
    }
    const auto value = [&](const char *key) {
        return lookup(parser, QString::fromLatin1(key), ini.value(QString::fromLatin1(key)));
    };

    for (const char *secret : {"jwt-secret", "api-key", "metrics-key"}) {
        if (parser.isSet(QString::fromLatin1(secret)))
            m_warnings.append(QCoreApplication::translate(
                                  "ConfigLoader", "--%1 on the command line is visible to other local users; "
                                                  "prefer the config file or %2")
                                  .arg(QLatin1String(secret), envName(QString::fromLatin1(secret))));
    }

    if (const QString port = value("port"); !port.isEmpty()) {
        bool ok = false;
        const uint number = port.toUInt(&ok);
        if (!ok || number > 65535) {
            *error = QCoreApplication::translate("ConfigLoader",
                                                 "port must be a number from 0 to 65535, not \"%1\"")
                         .arg(port);
            return false;
        }
        config->port = quint16(number);
    }
    if (const QString bind = value("bind"); !bind.isEmpty()) {
        const QHostAddress address(bind == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : bind);
        if (address.isNull()) {
            *error = QCoreApplication::translate("ConfigLoader", "bind must be an IP address, not \"%1\"")
                         .arg(bind);
            return false;
        }
        config->bind = address;
    }
    if (const QString database = value("database"); !database.isEmpty())
        config->database = database;
    if (const QString secret = value("jwt-secret"); !secret.isEmpty())
        config->jwtSecret = secret.toUtf8();
    if (const QString key = value("api-key"); !key.isEmpty())
        config->apiKey = key.toUtf8();
    if (const QString key = value("metrics-key"); !key.isEmpty())
        config->metricsKey = key.toUtf8();
    if (const QString days = value("threshold-days"); !days.isEmpty()) {
        bool ok = false;
        config->thresholdDays = days.toInt(&ok);
        if (!ok || config->thresholdDays < 0 || config->thresholdDays > 3650) {
            *error = QCoreApplication::translate("ConfigLoader",
                                                 "threshold-days must be a number from 0 to 3650, not \"%1\"")
                         .arg(days);
            return false;
        }
    }
    if (const QString at = value("daily-check-at"); !at.isEmpty()) {
        config->dailyCheckAt = QTime::fromString(at, QStringLiteral("HH:mm"));
        if (!config->dailyCheckAt.isValid()) {
            *error =
                QCoreApplication::translate("ConfigLoader", "daily-check-at must be a time HH:mm, not \"%1\"")
                    .arg(at);
            return false;
        }
    }
    const QString demo = parser.isSet(QStringLiteral("demo")) ? QStringLiteral("true") : value("demo");
    config->demo = demo == QLatin1String("true") || demo == QLatin1String("1");
    const QString verbose =
        parser.isSet(QStringLiteral("verbose")) ? QStringLiteral("true") : value("verbose");
    config->verbose = verbose == QLatin1String("true") || verbose == QLatin1String("1");
    return true;
}

} // namespace gistack
