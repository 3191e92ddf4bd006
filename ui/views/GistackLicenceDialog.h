#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;

namespace gistack {

// Sets the expiry of the GIStack platform licence.
class GistackLicenceDialog : public QDialog {
    Q_OBJECT
public:
    GistackLicenceDialog(const QDateTime &expires, QWidget *parent = nullptr);

    QDateTime expires() const;

private:
    QDateTimeEdit *m_expires;
};

} // namespace gistack
