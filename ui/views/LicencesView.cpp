#include "LicencesView.h"

#include "ArcgisLicenceDialog.h"
#include "ConsoleContext.h"
#include "Directory.h"
#include "GistackLicenceDialog.h"
#include "LeaseDialog.h"
#include "ServerHost.h"
#include "models/LicencesModel.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"
#include "time/Clock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace gistack {

LicencesView::LicencesView(ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_table(new QTableView(this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_legend(new QLabel(this))
    , m_status(new QLabel(this)) {
    m_table->setModel(&context.licences());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *gistack = new QPushButton(tr("GIStack licence…"), this);
    auto *arcgis = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add ArcGIS licence…"), this);
    auto *lease = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add lease…"), this);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {gistack, arcgis, lease, m_edit, m_remove})
        buttons->addWidget(button);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_status);

    connect(gistack, &QPushButton::clicked, this, &LicencesView::setGistack);
    connect(arcgis, &QPushButton::clicked, this, &LicencesView::addArcgis);
    connect(lease, &QPushButton::clicked, this, &LicencesView::addLease);
    connect(m_edit, &QPushButton::clicked, this, &LicencesView::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &LicencesView::removeSelected);
    connect(m_table, &QTableView::doubleClicked, this, &LicencesView::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LicencesView::updateButtons);
    connect(&context.licences(), &LicencesModel::reloaded, this, &LicencesView::updateButtons);
    connect(&context.licences(), &LicencesModel::reloaded, this, &LicencesView::updateLegend);
    connect(&context.host(), &ServerHost::stateChanged, this, &LicencesView::updateLegend);
    updateButtons();
    updateLegend();
}

int LicencesView::selectedRow() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void LicencesView::updateButtons() {
    const int row = selectedRow();
    m_edit->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0 && m_context.licences().rowKind(row) != LicencesModel::RowKind::Gistack);
}

void LicencesView::updateLegend() {
    m_legend->setText(tr("Highlighted: expires within %n day(s) (the reminder threshold) or has expired.",
                         nullptr, m_context.host().config().thresholdDays) +
                      QLatin1Char(' ') + tr("Highlighted now: %1").arg(m_context.licences().dueCount()));
}

void LicencesView::report(const Outcome &outcome, const QString &what) {
    if (outcome.ok()) {
        m_status->setText(tr("Saved: %1").arg(what));
        return;
    }
    m_status->setText(tr("Not saved: %1").arg(what));
    QMessageBox::warning(this, tr("Not saved"), tr("%1 was not saved:\n%2").arg(what, outcome.error));
}

void LicencesView::setGistack() {
    NotifyServer *server = m_context.host().server();
    if (!server)
        return;
    const std::optional<QDateTime> current = m_context.licences().gistackLicence();
    GistackLicenceDialog dialog(current.value_or(server->clock().now().addDays(365)), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPointer<LicencesView> self(this);
    server->service().setGistackLicence(dialog.expires(), [self](const Outcome &outcome) {
        if (self)
            self->report(outcome, tr("GIStack licence"));
    });
}

void LicencesView::addArcgis() {
    NotifyServer *server = m_context.host().server();
    if (!server)
        return;
    ArcgisLicenceDialog dialog(ArcgisLicence(), server->clock().now(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ArcgisLicence licence = dialog.licence();
    QPointer<LicencesView> self(this);
    server->service().putArcgisLicence(licence, [self, licence](const Outcome &outcome) {
        if (self)
            self->report(outcome, licence.resourceName());
    });
}

void LicencesView::addLease() {
    NotifyServer *server = m_context.host().server();
    if (!server)
        return;
    QStringList users;
    for (const User &user : m_context.directory().users())
        users.append(user.id);
    LeaseDialog dialog(Lease(), users, server->clock().now(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Lease lease = dialog.lease();
    QPointer<LicencesView> self(this);
    server->service().putLease(lease, [self, lease](const Outcome &outcome) {
        if (self)
            self->report(outcome, lease.resourceName);
    });
}

void LicencesView::editSelected() {
    NotifyServer *server = m_context.host().server();
    const int row = selectedRow();
    if (!server || row < 0)
        return;
    const LicencesModel &model = m_context.licences();
    QPointer<LicencesView> self(this);
    if (model.rowKind(row) == LicencesModel::RowKind::Gistack) {
        setGistack();
    } else if (const std::optional<ArcgisLicence> licence = model.arcgisLicence(row)) {
        ArcgisLicenceDialog dialog(*licence, server->clock().now(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const ArcgisLicence edited = dialog.licence();
        server->service().putArcgisLicence(edited, [self, edited](const Outcome &outcome) {
            if (self)
                self->report(outcome, edited.resourceName());
        });
    } else if (const std::optional<Lease> lease = model.lease(row)) {
        QStringList users;
        for (const User &user : m_context.directory().users())
            users.append(user.id);
        LeaseDialog dialog(*lease, users, server->clock().now(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const Lease edited = dialog.lease();
        server->service().putLease(edited, [self, edited](const Outcome &outcome) {
            if (self)
                self->report(outcome, edited.resourceName);
        });
    }
}

void LicencesView::removeSelected() {
    NotifyServer *server = m_context.host().server();
    const int row = selectedRow();
    if (!server || row < 0)
        return;
    const LicencesModel &model = m_context.licences();
    const QString what = model.index(row, LicencesModel::ResourceColumn).data().toString();
    if (QMessageBox::question(this, tr("Remove"), tr("Remove %1?").arg(what)) != QMessageBox::Yes)
        return;
    QPointer<LicencesView> self(this);
    const Done done = [self, what](const Outcome &outcome) {
        if (self)
            self->report(outcome, what);
    };
    if (const std::optional<ArcgisLicence> licence = model.arcgisLicence(row)) {
        server->service().removeArcgisLicence(licence->id, done);
    } else if (std::optional<Lease> lease = model.lease(row)) {
        if (model.rowKind(row) == LicencesModel::RowKind::SiteArcgis) {
            // Removing a site's own ArcGIS licence keeps the lease.
            lease->arcgisLicence.reset();
            server->service().putLease(*lease, done);
        } else {
            server->service().removeLease(lease->id, done);
        }
    }
}

} // namespace gistack
