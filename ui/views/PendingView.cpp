#include "PendingView.h"

#include "ConsoleContext.h"
#include "ConsoleSettings.h"
#include "DecisionBatch.h"
#include "DecisionDialog.h"
#include "Directory.h"
#include "DisplayNames.h"
#include "ServerHost.h"
#include "models/PendingCountsModel.h"
#include "models/PendingFilterProxy.h"
#include "models/PendingRequestsModel.h"
#include "server/NotifyServer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace gistack {

PendingView::PendingView(ConsoleContext &context, ConsoleSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_settings(settings)
    , m_proxy(new PendingFilterProxy(this))
    , m_org(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_approve(new QPushButton(QIcon(QStringLiteral(":/icons/approve.svg")), tr("Approve…"), this))
    , m_reject(new QPushButton(QIcon(QStringLiteral(":/icons/reject.svg")), tr("Reject…"), this))
    , m_result(new QLabel(this)) {
    m_confirm = [this](bool approve, const QStringList &items, const QStringList &orgIds) {
        return askUser(approve, items, orgIds);
    };
    m_proxy->setSourceModel(&context.pendingRequests());
    m_proxy->setSortRole(Qt::DisplayRole);

    m_org->setModel(&context.pendingCounts());
    m_org->setModelColumn(PendingCountsModel::OrgColumn);
    m_org->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kind->addItem(tr("All kinds"), -1);
    for (int i = 0; i < MessageCatalogue::pendingKindCount; ++i)
        m_kind->addItem(DisplayNames::pendingKind(PendingKind(i)), i);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PendingRequestsModel::SubmittedColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Organisation:"), this));
    filters->addWidget(m_org);
    filters->addWidget(new QLabel(tr("Kind:"), this));
    filters->addWidget(m_kind);
    filters->addStretch();
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_result, 1);
    actions->addWidget(m_approve);
    actions->addWidget(m_reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    connect(m_org, &QComboBox::currentIndexChanged, this, &PendingView::applyFilters);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PendingView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PendingView::updateButtons);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &PendingView::updateButtons);
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    if (m_org->count() > 0)
        m_org->setCurrentIndex(0);
    updateButtons();
}

void PendingView::applyFilters() {
    m_proxy->setOrgId(m_org->currentData(PendingCountsModel::OrgIdRole).toString());
    const int kind = m_kind->currentData().toInt();
    m_proxy->setKind(kind < 0 ? std::nullopt : std::optional<PendingKind>(PendingKind(kind)));
    updateButtons();
}

void PendingView::updateButtons() {
    const bool any = m_table->selectionModel()->hasSelection() && m_context.host().server();
    m_approve->setEnabled(any);
    m_reject->setEnabled(any);
}

void PendingView::decide(bool approve) {
    NotifyServer *server = m_context.host().server();
    if (!server)
        return;
    QList<PendingItemRef> refs;
    QStringList labels;
    QStringList orgIds;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QModelIndex source = m_proxy->mapToSource(row);
        const QAbstractItemModel *model = source.model();
        const QString label =
            QStringLiteral("%1 — %2 — %3")
                .arg(source.siblingAtColumn(PendingRequestsModel::KindColumn).data().toString(),
                     source.siblingAtColumn(PendingRequestsModel::WhoColumn).data().toString(),
                     source.siblingAtColumn(PendingRequestsModel::ResourceColumn).data().toString());
        refs.append(PendingItemRef{model->data(source, PendingRequestsModel::IdRole).toString(),
                                   model->data(source, PendingRequestsModel::IsRegistrationRole).toBool(),
                                   label});
        labels.append(label);
        const QString orgId = model->data(source, PendingRequestsModel::OrgIdRole).toString();
        if (!orgIds.contains(orgId))
            orgIds.append(orgId);
    }
    if (refs.isEmpty())
        return;
    const QString adminId = m_confirm(approve, labels, orgIds);
    if (adminId.isEmpty())
        return;
    m_settings.setAdminId(adminId);
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    m_result->setText(tr("Sending %n decision(s)…", nullptr, int(refs.size())));
    auto *batch = new DecisionBatch(server->service(), refs, approve, adminId, this);
    connect(
        batch, &DecisionBatch::finished, this, [this, batch, approve](int done, const QStringList &failures) {
            batch->deleteLater();
            m_result->setText(approve ? tr("Approved %n item(s).", nullptr, done)
                                      : tr("Rejected %n item(s).", nullptr, done));
            updateButtons();
            emit decided(done, failures);
            if (!failures.isEmpty() && isVisible())
                QMessageBox::warning(this, tr("Some items were not decided"),
                                     tr("%n item(s) could not be decided:", nullptr, int(failures.size())) +
                                         QStringLiteral("\n\n") + failures.join(QLatin1Char('\n')));
        });
    batch->start();
}

QString PendingView::askUser(bool approve, const QStringList &items, const QStringList &orgIds) {
    DecisionDialog dialog(approve, items, m_context.directory().adminsOf(orgIds), m_settings.adminId(), this);
    if (dialog.exec() != QDialog::Accepted)
        return QString();
    return dialog.adminId();
}

} // namespace gistack
