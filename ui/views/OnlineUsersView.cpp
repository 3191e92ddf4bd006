#include "OnlineUsersView.h"

#include "ActivityMonitor.h"
#include "ConsoleContext.h"
#include "models/OnlineUsersModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gistack {

OnlineUsersView::OnlineUsersView(ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this)) {
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(&context.onlineUsers());
    m_table->setModel(sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OnlineUsersModel::UserColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    connect(&context.activity(), &ActivityMonitor::changed, this, &OnlineUsersView::updateSummary);
    updateSummary();
}

void OnlineUsersView::updateSummary() {
    const ActivityMonitor &activity = m_context.activity();
    m_summary->setText(
        tr("%n user(s) online", nullptr, activity.onlineUsers()) + QStringLiteral(" · ") +
        tr("%n open connection(s), including those still authenticating", nullptr, activity.connections()));
}

} // namespace gistack
