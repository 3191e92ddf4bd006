#pragma once

#include "ConsoleContext.h"
#include "ConsoleSettings.h"
#include "LanguageManager.h"
#include "ServerHost.h"
#include "time/Clock.h"

#include <QObject>
#include <QPointer>

class QApplication;

namespace gistack {

class MainWindow;

// The desktop console: saved settings overlaid with the command line, the embedded server,
// the models, and the window (rebuilt when the language changes, models and server kept).
class ConsoleApp : public QObject {
    Q_OBJECT
public:
    ConsoleApp(const ServerConfig &config, ConsoleSettings &settings);
    ~ConsoleApp() override;

    // Parses the options shared with gistack-server, then runs the window until quit.
    static int run(QApplication &app);
    // True when argv asks for the headless server (--headless, or the token command).
    static bool wantsHeadless(int argc, char *argv[]);

    MainWindow *window() const;
    ConsoleContext &context() { return m_context; }
    ServerHost &host() { return m_host; }
    LanguageManager &language() { return m_language; }

    bool startServer();
    void showWindow();

private:
    void rebuildWindow();

    SystemClock m_clock;
    ConsoleSettings &m_settings;
    ServerConfig m_config;
    LanguageManager m_language;
    ServerHost m_host;
    ConsoleContext m_context;
    QPointer<MainWindow> m_window;
};

} // namespace gistack
