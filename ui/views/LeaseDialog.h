#pragma once

#include "domain/Entities.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLineEdit;

namespace gistack {

// Adds or edits a user's site or desktop lease; a site may carry its own ArcGIS licence.
class LeaseDialog : public QDialog {
    Q_OBJECT
public:
    // An empty lease.id means a new one; users are offered as holders.
    LeaseDialog(const Lease &lease, const QStringList &users, const QDateTime &now,
                QWidget *parent = nullptr);

    Lease lease() const;

private:
    void updateState();

    QLineEdit *m_id;
    QComboBox *m_user;
    QComboBox *m_kind;
    QLineEdit *m_resource;
    QDateTimeEdit *m_expires;
    QGroupBox *m_arcgis;
    QLineEdit *m_agsFile;
    QLineEdit *m_agsVersion;
    QDateTimeEdit *m_agsExpires;
    QWidget *m_ok;
};

} // namespace gistack
