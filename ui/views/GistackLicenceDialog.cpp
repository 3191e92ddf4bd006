#include "GistackLicenceDialog.h"

#include "DateTimeFields.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>

namespace gistack {

GistackLicenceDialog::GistackLicenceDialog(const QDateTime &expires, QWidget *parent)
    : QDialog(parent)
    , m_expires(DateTimeFields::make(expires, this)) {
    setWindowTitle(tr("GIStack licence"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("The GIStack licence expires:"), m_expires);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QDateTime GistackLicenceDialog::expires() const {
    return m_expires->dateTime();
}

} // namespace gistack
