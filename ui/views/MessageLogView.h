#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace gistack {

class ConsoleContext;
class MessageLogFilterProxy;

// The live log of outgoing messages with filters by type and user, and the selected
// message's frame pretty-printed.
class MessageLogView : public QWidget {
    Q_OBJECT
public:
    explicit MessageLogView(ConsoleContext &context, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QComboBox *typeFilter() const { return m_type; }
    QLineEdit *userFilter() const { return m_user; }
    QPlainTextEdit *details() const { return m_json; }

private:
    void applyFilters();
    void showSelected();
    void updateCount();

    ConsoleContext &m_context;
    MessageLogFilterProxy *m_proxy;
    QComboBox *m_type;
    QLineEdit *m_user;
    QTableView *m_table;
    QPlainTextEdit *m_json;
    QLabel *m_count;
};

} // namespace gistack
