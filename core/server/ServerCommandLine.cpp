#include "ServerCommandLine.h"

#include "ConfigCheck.h"
#include "ConfigLoader.h"
#include "DemoData.h"
#include "LogSetup.h"
#include "NotifyServer.h"
#include "SignalWatcher.h"
#include "net/TokenVerifier.h"
#include "time/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace gistack {

namespace {

QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

int printToken(const ServerConfig &config, const QStringList &args, const QString &ttlText) {
    if (args.size() != 2) {
        err() << QCoreApplication::translate("ServerCommandLine", "usage: token USERID [--ttl SECONDS]")
              << "\n";
        return 2;
    }
    bool ok = false;
    const qint64 ttl = ttlText.toLongLong(&ok);
    if (!ok || ttl <= 0) {
        err() << QCoreApplication::translate("ServerCommandLine",
                                             "error: --ttl must be a positive number of seconds")
              << "\n";
        return 2;
    }
    if (config.jwtSecret.size() < ServerConfig::minSecretLength) {
        err() << QCoreApplication::translate("ServerCommandLine",
                                             "error: no jwt-secret of at least %1 characters configured "
                                             "(config file, GISTACK_JWT_SECRET or --jwt-secret)")
                     .arg(ServerConfig::minSecretLength)
              << "\n";
        return 2;
    }
    SystemClock clock;
    out() << TokenVerifier(config.jwtSecret, clock).issue(args.at(1), ttl) << Qt::endl;
    return 0;
}

void printDemoWelcome(NotifyServer &server) {
    const QString base = server.url().toString();
    QString ws = base;
    ws.replace(QLatin1String("https://"), QLatin1String("wss://"))
        .replace(QLatin1String("http://"), QLatin1String("ws://"));
    out() << QCoreApplication::translate("ServerCommandLine", "GIStack Notify is serving demo data at %1/")
                 .arg(base)
          << "\n";
    const qint64 day = 24 * 3600;
    QList<QPair<QString, QString>> tokens;
    for (const char *user : {DemoData::userId, DemoData::orgAdminId, DemoData::sysadminId})
        tokens.append({QString::fromLatin1(user), server.tokens().issue(QString::fromLatin1(user), day)});
    for (const auto &[user, token] : std::as_const(tokens))
        out() << "  " << user << ": " << ws << "/ws?token=" << token << "\n";
    out() << QCoreApplication::translate("ServerCommandLine", "Open the demo page as one of them:") << "\n";
    for (const auto &[user, token] : std::as_const(tokens))
        out() << "  " << user << ": " << base << "/?token=" << token << "\n";
    out() << QCoreApplication::translate("ServerCommandLine", "Tokens last 24 hours. Press Ctrl+C to stop.")
          << Qt::endl;
}

} // namespace

int ServerCommandLine::run(QCoreApplication &app, const QString &programName) {
    QCoreApplication::setApplicationName(programName);
    QCoreApplication::setApplicationVersion(QStringLiteral(GISTACK_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("GIStack"));
    LogSetup::installPattern();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ServerCommandLine", "GIStack Notify: pushes GIStack notifications to browsers over WebSocket.\n"
                             "Commands: (none) serve; token USERID [--ttl SECONDS] print a signed JWT;\n"
                             "check-config validate the settings and exit (0 when usable)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("ServerCommandLine", "Optional: token USERID, or check-config"),
        QStringLiteral("[token USERID | check-config]"));
    parser.addOption(QCommandLineOption(
        QStringLiteral("ttl"),
        QCoreApplication::translate("ServerCommandLine", "Token lifetime in seconds (default 86400)."),
        QStringLiteral("seconds"), QStringLiteral("86400")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("headless"),
        QCoreApplication::translate("ServerCommandLine", "Run without a window (console only).")));
    ConfigLoader loader;
    loader.addOptions(parser);
    parser.process(app);

    ServerConfig config;
    QString error;
    if (!loader.load(parser, &config, &error)) {
        err() << "error: " << error << Qt::endl;
        return 2;
    }
    for (const QString &warning : loader.warnings())
        err() << "warning: " << warning << Qt::endl;

    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty() && args.first() == QLatin1String("token"))
        return printToken(config, args, parser.value(QStringLiteral("ttl")));
    if (args.size() == 1 && args.first() == QLatin1String("check-config"))
        return ConfigCheck::report(config, loader, out(), err());
    if (!args.isEmpty()) {
        err() << QCoreApplication::translate("ServerCommandLine",
                                             "error: unknown command \"%1\" (see --help)")
                     .arg(args.first())
              << Qt::endl;
        return 2;
    }

    LogSetup::setVerbose(config.verbose);

    SystemClock clock;
    NotifyServer server(config, clock);
    // Watch for SIGINT/SIGTERM before announcing the port: a supervisor may signal at once.
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&server, &app](int) {
        server.stop();
        app.quit();
    });
    if (!server.start(&error)) {
        err() << "error: " << error << Qt::endl;
        return 1;
    }
    if (config.demo)
        printDemoWelcome(server);
    else
        out() << QCoreApplication::translate("ServerCommandLine", "GIStack Notify listening on %1")
                     .arg(server.url().toString())
              << Qt::endl;

    return app.exec();
}

} // namespace gistack
