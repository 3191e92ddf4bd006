#include "ConfigCheck.h"

#include "ConfigLoader.h"

#include <QFileInfo>
#include <QTextStream>

namespace gistack {

namespace {
constexpr int minSecretLength = 16;
}

QStringList ConfigCheck::startProblems(const ServerConfig &config) {
    QStringList problems;
    if (config.jwtSecret.size() < minSecretLength || config.apiKey.size() < minSecretLength)
        problems.append(
            QStringLiteral("set a jwt-secret and an api-key of at least 16 characters each "
                           "(config file, GISTACK_JWT_SECRET / GISTACK_API_KEY, or the options)"));
    // Holders of the API key must not be able to mint browser tokens.
    else if (config.jwtSecret == config.apiKey)
        problems.append(QStringLiteral("jwt-secret and api-key must differ"));
    if (!config.metricsKey.isEmpty() && config.metricsKey.size() < minSecretLength)
        problems.append(QStringLiteral("metrics-key, when set, must have at least 16 characters"));
    return problems;
}

QStringList ConfigCheck::databaseProblems(const ServerConfig &config) {
    const QString path = config.databasePath();
    if (path == QLatin1String(":memory:"))
        return {};
    const QFileInfo file(path);
    if (file.exists()) {
        if (!file.isFile())
            return {QStringLiteral("database %1 is not a file").arg(path)};
        if (!file.isReadable() || !file.isWritable())
            return {QStringLiteral("database %1 is not readable and writable by this user").arg(path)};
        return {};
    }
    // The server creates missing folders; the nearest existing one must let it.
    QFileInfo folder(file.absolutePath());
    while (!folder.exists() && !folder.isRoot())
        folder = QFileInfo(folder.absolutePath());
    if (!folder.isDir())
        return {QStringLiteral("cannot create database %1: %2 is not a folder").arg(path, folder.filePath())};
    if (!folder.isWritable())
        return {QStringLiteral("cannot create database %1: %2 is not writable by this user")
                    .arg(path, folder.filePath())};
    return {};
}

int ConfigCheck::report(const ServerConfig &config, const ConfigLoader &loader, QTextStream &out,
                        QTextStream &err) {
    QStringList problems = startProblems(config);
    for (const QString &key : loader.unknownKeys())
        problems.append(QStringLiteral("unknown setting \"%1\" in the config file").arg(key));
    problems.append(databaseProblems(config));
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            err << "error: " << problem << Qt::endl;
        err << "config NOT OK (" << problems.size() << (problems.size() == 1 ? " problem)" : " problems)")
            << Qt::endl;
        return 1;
    }
    out << "config OK" << Qt::endl;
    out << "  listen:         " << config.bind.toString() << ':' << config.port << '\n'
        << "  database:       " << config.databasePath() << '\n'
        << "  threshold-days: " << config.thresholdDays << '\n'
        << "  daily-check-at: " << config.dailyCheckAt.toString(QStringLiteral("HH:mm")) << '\n'
        << "  metrics:        " << (config.metricsKey.isEmpty() ? "open" : "metrics-key required") << '\n'
        << "  secrets:        jwt-secret and api-key set (not shown)" << Qt::endl;
    return 0;
}

} // namespace gistack
