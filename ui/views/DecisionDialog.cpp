#include "DecisionDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gistack {

namespace {
constexpr int itemsListed = 8;
}

DecisionDialog::DecisionDialog(bool approve, const QStringList &items, const QStringList &admins,
                               const QString &lastAdmin, QWidget *parent)
    : QDialog(parent)
    , m_admin(new QComboBox(this)) {
    setWindowTitle(approve ? tr("Approve requests") : tr("Reject requests"));
    const QString question = approve ? tr("Approve %n selected item(s)?", nullptr, int(items.size()))
                                     : tr("Reject %n selected item(s)?", nullptr, int(items.size()));
    QStringList listed = items.mid(0, itemsListed);
    if (items.size() > itemsListed)
        listed.append(tr("… and %n more", nullptr, int(items.size()) - itemsListed));
    auto *text = new QLabel(question + QStringLiteral("\n\n• ") + listed.join(QStringLiteral("\n• ")), this);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_admin->setEditable(true);
    m_admin->addItems(admins);
    if (!lastAdmin.isEmpty() && (admins.contains(lastAdmin) || admins.isEmpty()))
        m_admin->setCurrentText(lastAdmin);
    auto *form = new QFormLayout;
    form->addRow(tr("Decide as org admin:"), m_admin);

    auto *note = new QLabel(tr("Applicants get the result message at once, or at their next login."), this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *confirm =
        buttons->addButton(approve ? tr("Approve") : tr("Reject"), QDialogButtonBox::AcceptRole);
    confirm->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString DecisionDialog::adminId() const {
    return m_admin->currentText().trimmed();
}

} // namespace gistack
