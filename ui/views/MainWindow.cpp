#include "MainWindow.h"

#include "ActivityMonitor.h"
#include "ConsoleContext.h"
#include "DashboardView.h"
#include "LicencesView.h"
#include "MessageLogView.h"
#include "OnlineUsersView.h"
#include "PendingView.h"
#include "ServerHost.h"
#include "SettingsView.h"
#include "TrayIcon.h"
#include "models/LicencesModel.h"
#include "models/PendingCountsModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

namespace gistack {

MainWindow::MainWindow(ConsoleContext &context, ConsoleSettings &settings, LanguageManager &language,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_dashboard(new DashboardView(context, this))
    , m_pending(new PendingView(context, settings, this))
    , m_messages(new MessageLogView(context, this))
    , m_onlineUsers(new OnlineUsersView(context, this))
    , m_licences(new LicencesView(context, this))
    , m_settingsView(new SettingsView(context.host(), settings, language, this))
    , m_state(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_tray(new TrayIcon(context, this)) {
    setWindowTitle(tr("GIStack Notify console"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gistack.svg")));

    const struct {
        const char *icon;
        QWidget *view;
    } pages[] = {{"dashboard", m_dashboard}, {"pending", m_pending},   {"messages", m_messages},
                 {"users", m_onlineUsers},   {"licences", m_licences}, {"settings", m_settingsView}};
    for (const auto &page : pages) {
        auto *item = new QListWidgetItem(
            QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(page.icon))), QString(), m_nav);
        item->setSizeHint(QSize(0, 36));
        m_stack->addWidget(page.view);
    }
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setFixedWidth(200);
    m_nav->setFrameShape(QFrame::NoFrame);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    // A long database path must not widen the window: the label clips, its tooltip has it all.
    m_state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_state->setMinimumWidth(200);
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_figures);
    resize(1100, 680);

    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(&context.host(), &ServerHost::stateChanged, this, &MainWindow::updateStatus);
    connect(&context.activity(), &ActivityMonitor::changed, this, &MainWindow::updateStatus);
    connect(&context.pendingCounts(), &PendingCountsModel::countsChanged, this, &MainWindow::updateBadges);
    connect(&context.licences(), &LicencesModel::reloaded, this, &MainWindow::updateBadges);
    m_nav->setCurrentRow(context.host().isRunning() ? DashboardPage : SettingsPage);
    updateBadges();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::showPage(Page page) {
    m_nav->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const {
    return Page(m_stack->currentIndex());
}

void MainWindow::updateBadges() {
    const int pending = m_context.pendingCounts().total();
    const int due = m_context.licences().dueCount();
    const QString names[] = {
        tr("Dashboard"),    pending > 0 ? tr("Pending (%1)").arg(pending) : tr("Pending"), tr("Messages"),
        tr("Online users"), due > 0 ? tr("Licences (%1)").arg(due) : tr("Licences"),       tr("Settings")};
    for (int i = 0; i < PageCount; ++i)
        m_nav->item(i)->setText(names[i]);
}

void MainWindow::updateStatus() {
    const ServerHost &host = m_context.host();
    if (host.isRunning())
        m_state->setText(tr("Running · listening on %1 · database %2")
                             .arg(host.url().toString(), host.config().databasePath()));
    else if (!host.lastError().isEmpty())
        m_state->setText(tr("Stopped · %1").arg(host.lastError()));
    else
        m_state->setText(tr("Stopped"));
    m_state->setToolTip(m_state->text());
    const ActivityMonitor &activity = m_context.activity();
    m_figures->setText(tr("%n online", nullptr, activity.onlineUsers()) + QStringLiteral(" · ") +
                       tr("%n connection(s)", nullptr, activity.connections()));
}

} // namespace gistack
