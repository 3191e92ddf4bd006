#include "ServerCommandLine.h"

#include "ConfigLoader.h"
#include "DemoData.h"
#include "NotifyServer.h"
#include "SignalWatcher.h"
#include "net/TokenVerifier.h"
#include "time/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
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
        err() << "usage: token USERID [--ttl SECONDS]\n";
        return 2;
    }
    bool ok = false;
    const qint64 ttl = ttlText.toLongLong(&ok);
    if (!ok || ttl <= 0) {
        err() << "error: --ttl must be a positive number of seconds\n";
        return 2;
    }
    if (config.jwtSecret.isEmpty()) {
        err() << "error: no jwt-secret configured (config file, GISTACK_JWT_SECRET or --jwt-secret)\n";
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
    out() << "GIStack Notify is serving demo data at " << base << "/\n";
    const qint64 day = 24 * 3600;
    for (const char *user : {DemoData::userId, DemoData::orgAdminId, DemoData::sysadminId}) {
        const QString token = server.tokens().issue(QString::fromLatin1(user), day);
        out() << "  " << user << ": " << ws << "/ws?token=" << token << "\n";
    }
    out() << "Tokens last 24 hours. Press Ctrl+C to stop." << Qt::endl;
}

} // namespace

int ServerCommandLine::run(QCoreApplication &app, const QString &programName) {
    QCoreApplication::setApplicationName(programName);
    QCoreApplication::setApplicationVersion(QStringLiteral(GISTACK_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("GIStack"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("GIStack Notify: pushes GIStack notifications to browsers over WebSocket.\n"
                       "Commands: (none) serve; token USERID [--ttl SECONDS] print a signed JWT."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional: token USERID"),
                                 QStringLiteral("[token USERID]"));
    parser.addOption(QCommandLineOption(QStringLiteral("ttl"),
                                        QStringLiteral("Token lifetime in seconds (default 86400)."),
                                        QStringLiteral("seconds"), QStringLiteral("86400")));
    parser.addOption(QCommandLineOption(QStringLiteral("headless"),
                                        QStringLiteral("Run without a window (console only).")));
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
    if (!args.isEmpty()) {
        err() << "error: unknown command \"" << args.first() << "\" (see --help)" << Qt::endl;
        return 2;
    }

    if (config.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("gistack.*.debug=true\ngistack.*.info=true"));

    SystemClock clock;
    NotifyServer server(config, clock);
    if (!server.start(&error)) {
        err() << "error: " << error << Qt::endl;
        return 1;
    }
    if (config.demo)
        printDemoWelcome(server);
    else
        out() << "GIStack Notify listening on " << server.url().toString() << Qt::endl;

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&server, &app](int) {
        server.stop();
        app.quit();
    });
    return app.exec();
}

} // namespace gistack
