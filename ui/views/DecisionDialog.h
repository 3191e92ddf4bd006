#pragma once

#include <QDialog>

class QComboBox;

namespace gistack {

// Asks to confirm an approval or rejection of several items, and as which org admin (the
// service checks that the admin belongs to each item's organisation).
class DecisionDialog : public QDialog {
    Q_OBJECT
public:
    DecisionDialog(bool approve, const QStringList &items, const QStringList &admins,
                   const QString &lastAdmin, QWidget *parent = nullptr);

    QString adminId() const;

private:
    QComboBox *m_admin;
};

} // namespace gistack
