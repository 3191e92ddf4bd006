#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace gistack {

class ConsoleContext;

// Who is connected, with how many connections, since when and from where.
class OnlineUsersView : public QWidget {
    Q_OBJECT
public:
    explicit OnlineUsersView(ConsoleContext &context, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

private:
    void updateSummary();

    ConsoleContext &m_context;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace gistack
