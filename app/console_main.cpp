#include "ConsoleApp.h"
#include "server/ServerCommandLine.h"

#include <QApplication>

int main(int argc, char *argv[]) {
    // Headless needs no display: decide before a QApplication tries to open one.
    if (gistack::ConsoleApp::wantsHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        return gistack::ServerCommandLine::run(app, QStringLiteral("gistack-console"));
    }
    QApplication app(argc, argv);
    return gistack::ConsoleApp::run(app);
}
