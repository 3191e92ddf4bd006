#pragma once

#include "domain/Entities.h"

#include <QDialog>

class QDateTimeEdit;
class QLineEdit;

namespace gistack {

// Adds or edits an uploaded ArcGIS licence (id, file name, version, expiry).
class ArcgisLicenceDialog : public QDialog {
    Q_OBJECT
public:
    // An empty licence.id means a new one.
    ArcgisLicenceDialog(const ArcgisLicence &licence, const QDateTime &now, QWidget *parent = nullptr);

    ArcgisLicence licence() const;

private:
    void updateOk();

    QLineEdit *m_id;
    QLineEdit *m_fileName;
    QLineEdit *m_version;
    QDateTimeEdit *m_expires;
    QWidget *m_ok;
};

} // namespace gistack
