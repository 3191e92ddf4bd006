#include "server/ServerCommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    return gistack::ServerCommandLine::run(app, QStringLiteral("gistack-server"));
}
