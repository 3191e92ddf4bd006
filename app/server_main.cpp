#include "server/ServerCommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher: Debian's default GLib one slows down with thousands of sockets.
    // Must be set before the application object exists.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    return gistack::ServerCommandLine::run(app, QStringLiteral("gistack-server"));
}
