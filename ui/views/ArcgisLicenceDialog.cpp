#include "ArcgisLicenceDialog.h"

#include "DateTimeFields.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace gistack {

ArcgisLicenceDialog::ArcgisLicenceDialog(const ArcgisLicence &licence, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_id(new QLineEdit(licence.id, this))
    , m_fileName(new QLineEdit(licence.fileName, this))
    , m_version(new QLineEdit(licence.version, this))
    , m_expires(
          DateTimeFields::make(licence.expireDate.isValid() ? licence.expireDate : now.addDays(365), this)) {
    setWindowTitle(licence.id.isEmpty() ? tr("Add ArcGIS licence") : tr("Edit ArcGIS licence"));
    m_id->setReadOnly(!licence.id.isEmpty());
    m_fileName->setPlaceholderText(tr("e.g. test"));
    m_version->setPlaceholderText(tr("e.g. 10.6.1"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("File name:"), m_fileName);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Expires:"), m_expires);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_id, m_fileName, m_version})
        connect(edit, &QLineEdit::textChanged, this, &ArcgisLicenceDialog::updateOk);
    updateOk();
}

ArcgisLicence ArcgisLicenceDialog::licence() const {
    return ArcgisLicence{m_id->text().trimmed(), m_fileName->text().trimmed(), m_version->text().trimmed(),
                         m_expires->dateTime()};
}

void ArcgisLicenceDialog::updateOk() {
    const ArcgisLicence value = licence();
    m_ok->setEnabled(DateTimeFields::isValidId(value.id) && !value.fileName.isEmpty() &&
                     !value.version.isEmpty());
}

} // namespace gistack
