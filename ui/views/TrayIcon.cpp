#include "TrayIcon.h"

#include "ConsoleContext.h"
#include "models/PendingCountsModel.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

namespace gistack {

TrayIcon::TrayIcon(ConsoleContext &context, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_window(window) {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(this);
    auto *menu = new QMenu(window);
    menu->addAction(tr("Show console"), window, [window] {
        window->showNormal();
        window->raise();
        window->activateWindow();
    });
    menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, window, [window](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            window->setVisible(!window->isVisible());
    });
    connect(&context.pendingCounts(), &PendingCountsModel::countsChanged, this, &TrayIcon::update);
    update();
    m_tray->show();
}

void TrayIcon::update() {
    const int pending = m_context.pendingCounts().total();
    if (pending == m_shown)
        return;
    m_shown = pending;
    QPixmap pixmap = QIcon(QStringLiteral(":/icons/gistack.svg")).pixmap(64, 64);
    if (pending > 0) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRect badge(28, 0, 36, 36);
        painter.setBrush(QColor(0xc0, 0x39, 0x2b));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(pending > 99 ? 14 : 22);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter,
                         pending > 99 ? QStringLiteral("99+") : QString::number(pending));
    }
    m_tray->setIcon(QIcon(pixmap));
    m_tray->setToolTip(tr("GIStack Notify: %n item(s) waiting for a decision", nullptr, pending));
}

} // namespace gistack
