#include "ConfigLoader.h"

#include <QCoreApplication>
#include "net/OriginPolicy.h"

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
    // Limits and transport security (docs/SECURITY.md).
    {"handshake-timeout", "seconds", QT_TRANSLATE_NOOP("ConfigLoader", "Time from connect to a complete HTTP request or upgrade (default 10).")},
    {"auth-timeout", "seconds", QT_TRANSLATE_NOOP("ConfigLoader", "Time from the upgrade to a valid token (default 5).")},
    {"ping-interval", "seconds", QT_TRANSLATE_NOOP("ConfigLoader", "How often the server pings each socket (default 25).")},
    {"pong-timeout", "seconds", QT_TRANSLATE_NOOP("ConfigLoader", "Drop a socket that does not answer a ping within this (default 10).")},
    {"max-message-bytes", "bytes", QT_TRANSLATE_NOOP("ConfigLoader", "Largest incoming WebSocket frame or message (default 65536).")},
    {"max-body-bytes", "bytes", QT_TRANSLATE_NOOP("ConfigLoader", "Largest HTTP request body (default 1048576).")},
    {"max-connections-per-user", "count", QT_TRANSLATE_NOOP("ConfigLoader", "Open WebSockets per user (default 16).")},
    {"connection-rate", "per-second",
     QT_TRANSLATE_NOOP("ConfigLoader", "New connections per second per client address; 0: no limit (default 20).")},
    {"connection-burst", "count", QT_TRANSLATE_NOOP("ConfigLoader", "New connections an address may open at once (default 100).")},
    {"max-send-buffer", "bytes", QT_TRANSLATE_NOOP("ConfigLoader", "Unsent bytes after which a socket is closed as slow (default 1048576).")},
    {"db-busy-timeout", "ms", QT_TRANSLATE_NOOP("ConfigLoader", "How long a write waits for a locked database before 503 (default 5000).")},
    {"tls-cert", "file", QT_TRANSLATE_NOOP("ConfigLoader", "PEM certificate (then any chain): serve https:// and wss:// on the port.")},
    {"tls-key", "file", QT_TRANSLATE_NOOP("ConfigLoader", "PEM private key of --tls-cert.")},
    {"allowed-origins", "origins", QT_TRANSLATE_NOOP("ConfigLoader", "Comma-separated Origins that may open WebSockets (default: any).")},
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

bool parseCount(const QString &key, const QString &text, qint64 min, qint64 max, qint64 *out,
                QString *error) {
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < min || number > max) {
        *error = QStringLiteral("%1 must be a whole number from %2 to %3, not \"%4\"")
                     .arg(key)
                     .arg(min)
                     .arg(max)
                     .arg(text);
        return false;
    }
    *out = number;
    return true;
}

// Durations are given in seconds (fractions allowed, so tests can use short ones).
bool parseSeconds(const QString &key, const QString &text, double max, int *outMs, QString *error) {
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds < 0.05 || seconds > max) {
        *error = QStringLiteral("%1 must be a number of seconds from 0.05 to %2, not \"%3\"")
                     .arg(key)
                     .arg(max)
                     .arg(text);
        return false;
    }
    *outMs = int(seconds * 1000 + 0.5);
    return true;
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
    if (!loadLimits(value, config, error) || !loadTransport(value, config, error))
        return false;
    const QString demo = parser.isSet(QStringLiteral("demo")) ? QStringLiteral("true") : value("demo");
    config->demo = demo == QLatin1String("true") || demo == QLatin1String("1");
    const QString verbose =
        parser.isSet(QStringLiteral("verbose")) ? QStringLiteral("true") : value("verbose");
    config->verbose = verbose == QLatin1String("true") || verbose == QLatin1String("1");
    return true;
}

bool ConfigLoader::loadLimits(const Lookup &value, ServerConfig *config, QString *error) {
    const struct {
        const char *key;
        int *ms;
        double maxSeconds;
    } durations[] = {
        {"handshake-timeout", &config->handshakeTimeoutMs, 3600},
        {"auth-timeout", &config->authTimeoutMs, 3600},
        {"ping-interval", &config->pingIntervalMs, 3600},
        {"pong-timeout", &config->pongTimeoutMs, 3600},
    };
    for (const auto &duration : durations) {
        const QString text = value(duration.key);
        if (!text.isEmpty() &&
            !parseSeconds(QLatin1String(duration.key), text, duration.maxSeconds, duration.ms, error))
            return false;
    }
    const struct {
        const char *key;
        qint64 min;
        qint64 max;
        std::function<void(qint64)> set;
    } counts[] = {
        {"max-message-bytes", 1024, 64 * 1024 * 1024,
         [config](qint64 v) {
             config->maxMessageBytes = v;
         }},
        {"max-body-bytes", 1024, 256 * 1024 * 1024,
         [config](qint64 v) {
             config->maxBodyBytes = v;
         }},
        {"max-connections-per-user", 1, 100000,
         [config](qint64 v) {
             config->maxConnectionsPerUser = int(v);
         }},
        {"connection-rate", 0, 1000000,
         [config](qint64 v) {
             config->connectionRate = int(v);
         }},
        {"connection-burst", 1, 1000000,
         [config](qint64 v) {
             config->connectionBurst = int(v);
         }},
        {"max-send-buffer", 64 * 1024, qint64(1) << 32,
         [config](qint64 v) {
             config->maxSendBufferBytes = v;
         }},
        {"db-busy-timeout", 0, 600000,
         [config](qint64 v) {
             config->databaseBusyTimeoutMs = int(v);
         }},
    };
    for (const auto &count : counts) {
        const QString text = value(count.key);
        qint64 number = 0;
        if (text.isEmpty())
            continue;
        if (!parseCount(QLatin1String(count.key), text, count.min, count.max, &number, error))
            return false;
        count.set(number);
    }
    return true;
}

bool ConfigLoader::loadTransport(const Lookup &value, ServerConfig *config, QString *error) {
    config->tlsCertificate = value("tls-cert");
    config->tlsKey = value("tls-key");
    if (config->tlsCertificate.isEmpty() != config->tlsKey.isEmpty()) {
        *error = QStringLiteral("tls-cert and tls-key go together: give both or neither");
        return false;
    }
    const QString origins = value("allowed-origins");
    config->allowedOrigins.clear();
    for (const QString &origin : origins.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString normalized = OriginPolicy::normalize(origin.trimmed());
        if (normalized.isEmpty()) {
            *error = QStringLiteral("allowed-origins must list origins like https://gistack.example.com, "
                                    "not \"%1\"")
                         .arg(origin.trimmed());
            return false;
        }
        config->allowedOrigins.append(normalized);
    }
    return true;
}

} // namespace gistack
