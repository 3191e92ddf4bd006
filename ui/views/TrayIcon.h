#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace gistack {

class ConsoleContext;

// A tray icon with the total pending count drawn as a badge, where the desktop has a tray.
class TrayIcon : public QObject {
    Q_OBJECT
public:
    TrayIcon(ConsoleContext &context, QWidget *window);

    bool isAvailable() const { return m_tray != nullptr; }

private:
    void update();

    ConsoleContext &m_context;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_shown = -1;
};

} // namespace gistack
