#include "LeaseDialog.h"

#include "DateTimeFields.h"
#include "DisplayNames.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gistack {

LeaseDialog::LeaseDialog(const Lease &lease, const QStringList &users, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_id(new QLineEdit(lease.id, this))
    , m_user(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_resource(new QLineEdit(lease.resourceName, this))
    , m_expires(DateTimeFields::make(lease.expireDate.isValid() ? lease.expireDate : now.addDays(30), this))
    , m_arcgis(new QGroupBox(tr("The site's ArcGIS licence"), this))
    , m_agsFile(new QLineEdit(this))
    , m_agsVersion(new QLineEdit(this))
    , m_agsExpires(DateTimeFields::make(now.addDays(365), this)) {
    setWindowTitle(lease.id.isEmpty() ? tr("Add lease") : tr("Edit lease"));
    m_id->setReadOnly(!lease.id.isEmpty());
    m_user->setEditable(true);
    m_user->addItems(users);
    m_user->setCurrentText(lease.userId);
    m_kind->addItem(DisplayNames::leaseKind(LeaseKind::Site), int(LeaseKind::Site));
    m_kind->addItem(DisplayNames::leaseKind(LeaseKind::Desktop), int(LeaseKind::Desktop));
    m_kind->setCurrentIndex(lease.kind == LeaseKind::Site ? 0 : 1);
    m_arcgis->setCheckable(true);
    m_arcgis->setChecked(lease.arcgisLicence.has_value());
    if (lease.arcgisLicence) {
        m_agsFile->setText(lease.arcgisLicence->fileName);
        m_agsVersion->setText(lease.arcgisLicence->version);
        m_agsExpires->setDateTime(lease.arcgisLicence->expireDate);
    }
    auto *agsForm = new QFormLayout(m_arcgis);
    agsForm->addRow(tr("File name:"), m_agsFile);
    agsForm->addRow(tr("Version:"), m_agsVersion);
    agsForm->addRow(tr("Expires:"), m_agsExpires);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto *form = new QFormLayout;
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Resource name:"), m_resource);
    form->addRow(tr("Expires:"), m_expires);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_arcgis);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_id, m_resource, m_agsFile, m_agsVersion})
        connect(edit, &QLineEdit::textChanged, this, &LeaseDialog::updateState);
    connect(m_user, &QComboBox::currentTextChanged, this, &LeaseDialog::updateState);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &LeaseDialog::updateState);
    connect(m_arcgis, &QGroupBox::toggled, this, &LeaseDialog::updateState);
    updateState();
}

Lease LeaseDialog::lease() const {
    Lease lease{m_id->text().trimmed(),
                m_user->currentText().trimmed(),
                LeaseKind(m_kind->currentData().toInt()),
                m_resource->text().trimmed(),
                m_expires->dateTime(),
                std::nullopt};
    if (lease.kind == LeaseKind::Site && m_arcgis->isChecked())
        lease.arcgisLicence = ArcgisLicence{QString(), m_agsFile->text().trimmed(),
                                            m_agsVersion->text().trimmed(), m_agsExpires->dateTime()};
    return lease;
}

void LeaseDialog::updateState() {
    // Only sites carry an ArcGIS licence (the service refuses one on a desktop).
    const bool site = LeaseKind(m_kind->currentData().toInt()) == LeaseKind::Site;
    m_arcgis->setEnabled(site);
    const Lease value = lease();
    const bool agsOk = !value.arcgisLicence ||
                       (!value.arcgisLicence->fileName.isEmpty() && !value.arcgisLicence->version.isEmpty());
    m_ok->setEnabled(DateTimeFields::isValidId(value.id) && DateTimeFields::isValidId(value.userId) &&
                     !value.resourceName.isEmpty() && agsOk);
}

} // namespace gistack
