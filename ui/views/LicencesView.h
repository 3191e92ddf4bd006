#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace gistack {

class ConsoleContext;
struct Outcome;

// Licences and leases with days left, the ones inside the threshold highlighted; add, edit
// and remove them through the service (the same calls as the HTTP API's PUT and DELETE).
class LicencesView : public QWidget {
    Q_OBJECT
public:
    explicit LicencesView(ConsoleContext &context, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

private:
    void setGistack();
    void addArcgis();
    void addLease();
    void editSelected();
    void removeSelected();
    int selectedRow() const;
    void report(const Outcome &outcome, const QString &what);
    void updateButtons();
    void updateLegend();

    ConsoleContext &m_context;
    QTableView *m_table;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QLabel *m_legend;
    QLabel *m_status;
};

} // namespace gistack
