#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace gistack {

class ConsoleContext;
class ConsoleSettings;
class DashboardView;
class LanguageManager;
class LicencesView;
class MessageLogView;
class OnlineUsersView;
class PendingView;
class SettingsView;
class TrayIcon;

// The console window: a list of views on the left, the chosen view on the right, and a status
// bar with the listening URL and the server's state.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page {
        DashboardPage,
        PendingPage,
        MessagesPage,
        OnlineUsersPage,
        LicencesPage,
        SettingsPage,
        PageCount
    };

    MainWindow(ConsoleContext &context, ConsoleSettings &settings, LanguageManager &language,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;

    DashboardView *dashboard() const { return m_dashboard; }
    PendingView *pending() const { return m_pending; }
    MessageLogView *messages() const { return m_messages; }
    OnlineUsersView *onlineUsers() const { return m_onlineUsers; }
    LicencesView *licences() const { return m_licences; }
    SettingsView *settings() const { return m_settingsView; }
    QLabel *statusLabel() const { return m_state; }

private:
    void updateStatus();
    void updateBadges();

    ConsoleContext &m_context;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    DashboardView *m_dashboard;
    PendingView *m_pending;
    MessageLogView *m_messages;
    OnlineUsersView *m_onlineUsers;
    LicencesView *m_licences;
    SettingsView *m_settingsView;
    QLabel *m_state;
    QLabel *m_figures;
    TrayIcon *m_tray;
};

} // namespace gistack
