#pragma once

#include <QWidget>

class QComboBox;
class QTableView;

namespace gistack {

class ConsoleContext;
class CountTile;

// The live figures: pending counts of the chosen organisation (or all), online users, open
// connections and messages sent in the last minute, plus the counts of every organisation.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(ConsoleContext &context, QWidget *parent = nullptr);

    QComboBox *orgChooser() const { return m_org; }
    // The tile of a pending kind (0..4), then online users, connections, messages per minute.
    CountTile *tile(int i) const { return m_tiles.at(i); }

private:
    void refreshCounts();
    void refreshActivity();

    ConsoleContext &m_context;
    QComboBox *m_org;
    QList<CountTile *> m_tiles;
    QTableView *m_table;
};

} // namespace gistack
