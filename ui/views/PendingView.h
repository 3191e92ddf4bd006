#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace gistack {

class ConsoleContext;
class ConsoleSettings;
class PendingFilterProxy;
struct PendingItemRef;

// Pending registrations and resource requests, filterable by organisation and kind, with
// Approve and Reject for the selected rows.
class PendingView : public QWidget {
    Q_OBJECT
public:
    PendingView(ConsoleContext &context, ConsoleSettings &settings, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QComboBox *orgFilter() const { return m_org; }
    QComboBox *kindFilter() const { return m_kind; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *rejectButton() const { return m_reject; }

    // Asks before deciding; tests replace it to answer for the user. Returns the admin id to
    // decide as, or an empty string to cancel.
    using Confirmation =
        std::function<QString(bool approve, const QStringList &items, const QStringList &orgIds)>;
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

signals:
    // After a batch of decisions came back; failures name each item that was not decided.
    void decided(int decided, const QStringList &failures);

private:
    void decide(bool approve);
    QString askUser(bool approve, const QStringList &items, const QStringList &orgIds);
    void updateButtons();
    void applyFilters();

    ConsoleContext &m_context;
    ConsoleSettings &m_settings;
    PendingFilterProxy *m_proxy;
    QComboBox *m_org;
    QComboBox *m_kind;
    QTableView *m_table;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QLabel *m_result;
    Confirmation m_confirm;
};

} // namespace gistack
