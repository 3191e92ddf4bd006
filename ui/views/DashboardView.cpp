#include "DashboardView.h"

#include "ActivityMonitor.h"
#include "ConsoleContext.h"
#include "CountTile.h"
#include "DisplayNames.h"
#include "models/PendingCountsModel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace gistack {

DashboardView::DashboardView(ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_org(new QComboBox(this))
    , m_table(new QTableView(this)) {
    PendingCountsModel &counts = context.pendingCounts();
    m_org->setModel(&counts);
    m_org->setModelColumn(PendingCountsModel::OrgColumn);
    m_org->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Organisation:"), this));
    top->addWidget(m_org);
    top->addStretch();

    auto *pendingBox = new QGroupBox(tr("Waiting for a decision"), this);
    auto *pendingGrid = new QGridLayout(pendingBox);
    for (int i = 0; i < MessageCatalogue::pendingKindCount; ++i) {
        auto *tile = new CountTile(DisplayNames::pendingKind(PendingKind(i)), pendingBox);
        tile->setAccent(true);
        pendingGrid->addWidget(tile, 0, i);
        m_tiles.append(tile);
    }
    auto *activityBox = new QGroupBox(tr("Activity"), this);
    auto *activityGrid = new QGridLayout(activityBox);
    const QStringList activityCaptions = {tr("Online users"), tr("Open connections"),
                                          tr("Messages sent in the last minute")};
    for (int i = 0; i < activityCaptions.size(); ++i) {
        auto *tile = new CountTile(activityCaptions.at(i), activityBox);
        activityGrid->addWidget(tile, 0, i);
        m_tiles.append(tile);
    }
    activityGrid->setColumnStretch(int(activityCaptions.size()), 1);

    m_table->setModel(&counts);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(pendingBox);
    layout->addWidget(activityBox);
    layout->addWidget(new QLabel(tr("Pending by organisation"), this));
    layout->addWidget(m_table, 1);

    connect(m_org, &QComboBox::currentIndexChanged, this, &DashboardView::refreshCounts);
    connect(&counts, &PendingCountsModel::countsChanged, this, &DashboardView::refreshCounts);
    connect(&context.activity(), &ActivityMonitor::changed, this, &DashboardView::refreshActivity);
    refreshCounts();
    refreshActivity();
}

void DashboardView::refreshCounts() {
    if (m_org->currentIndex() < 0 && m_org->count() > 0)
        m_org->setCurrentIndex(0);
    const QString orgId = m_org->currentData(PendingCountsModel::OrgIdRole).toString();
    const PendingCounts counts = m_context.pendingCounts().countsOf(orgId);
    for (int i = 0; i < MessageCatalogue::pendingKindCount; ++i)
        m_tiles.at(i)->setValue(counts[PendingKind(i)]);
}

void DashboardView::refreshActivity() {
    const ActivityMonitor &activity = m_context.activity();
    const int first = MessageCatalogue::pendingKindCount;
    m_tiles.at(first)->setValue(activity.onlineUsers());
    m_tiles.at(first + 1)->setValue(activity.connections());
    m_tiles.at(first + 2)->setValue(activity.messagesLastMinute());
}

} // namespace gistack
