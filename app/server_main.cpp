#include "server/ServerCommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    // Qt's own event dispatcher: Debian's default GLib one slows down with thousands of sockets.
    // Must be set before the application object exists.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    // Without TZ, glibc stats /etc/localtime on every local-time conversion Qt asks for (several
    // per login). Named once here, the zone is read once: a changed zone needs a restart.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", ":/etc/localtime");
    QCoreApplication app(argc, argv);
    return gistack::ServerCommandLine::run(app, QStringLiteral("gistack-server"));
}
