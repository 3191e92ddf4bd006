#include "ConsoleApp.h"

#include "ConsoleResources.h"
#include "server/ConfigLoader.h"
#include "server/SignalWatcher.h"
#include "views/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace gistack {

ConsoleApp::ConsoleApp(const ServerConfig &config, ConsoleSettings &settings)
    : m_settings(settings)
    , m_config(config)
    , m_host(m_clock)
    , m_context(m_host) {
    connect(&m_language, &LanguageManager::languageChanged, this, [this] {
        if (m_window)
            rebuildWindow();
    });
}

ConsoleApp::~ConsoleApp() {
    delete m_window;
    m_host.stop();
}

MainWindow *ConsoleApp::window() const {
    return m_window.data();
}

bool ConsoleApp::wantsHeadless(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "-headless") == 0)
            return true;
    }
    // "gistack-console token USERID" prints a token like gistack-server does.
    if (argc > 1 && std::strcmp(argv[1], "token") == 0)
        return true;
    // No display and no platform chosen: a window cannot open, so serve headless rather than abort.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("gistack-console: no display, running headless (as --headless)\n", stderr);
        return true;
    }
    return false;
}

bool ConsoleApp::startServer() {
    return m_host.start(m_config);
}

void ConsoleApp::showWindow() {
    rebuildWindow();
}

void ConsoleApp::rebuildWindow() {
    // Every text of the window is built in its constructor, so a language switch builds it anew.
    QRect geometry;
    int page = -1;
    bool visible = true;
    if (m_window) {
        geometry = m_window->geometry();
        page = m_window->currentPage();
        visible = m_window->isVisible();
        m_window->hide();
        m_window->deleteLater();
    }
    m_window = new MainWindow(m_context, m_settings, m_language);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    if (geometry.isValid())
        m_window->setGeometry(geometry);
    if (page >= 0)
        m_window->showPage(MainWindow::Page(page));
    if (visible)
        m_window->show();
}

int ConsoleApp::run(QApplication &app) {
    QApplication::setApplicationName(QStringLiteral("gistack-console"));
    QApplication::setApplicationVersion(QStringLiteral(GISTACK_VERSION));
    QApplication::setOrganizationName(QStringLiteral("GIStack"));
    QApplication::setQuitOnLastWindowClosed(true);
    initConsoleResources();

    ConsoleSettings settings;
    // --help and start-up errors already speak the chosen language.
    auto bootLanguage = std::make_unique<LanguageManager>();
    bootLanguage->setLanguage(settings.language());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "ConsoleApp", "GIStack Notify console: the notification server with a window to watch and run it.\n"
                      "--headless runs exactly what gistack-server runs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringLiteral("headless"),
                                        QApplication::translate("ConsoleApp", "Run without a window.")));
    ConfigLoader loader;
    loader.addOptions(parser);
    parser.process(app);

    ServerConfig config = settings.load();
    QString error;
    if (!loader.load(parser, &config, &error)) {
        QTextStream(stderr) << "error: " << error << Qt::endl;
        QMessageBox::critical(nullptr, QApplication::translate("ConsoleApp", "GIStack Notify console"),
                              error);
        return 2;
    }
    for (const QString &warning : loader.warnings())
        QTextStream(stderr) << "warning: " << warning << Qt::endl;

    bootLanguage.reset(); // the console's own manager takes over

    ConsoleApp console(config, settings);
    console.m_language.setLanguage(settings.language());
    if (!console.startServer())
        QTextStream(stderr) << "error: " << console.host().lastError() << Qt::endl;
    else
        QTextStream(stdout) << "GIStack Notify console listening on " << console.host().url().toString()
                            << Qt::endl;
    console.showWindow();

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&app](int) { app.quit(); });
    return app.exec();
}

} // namespace gistack
