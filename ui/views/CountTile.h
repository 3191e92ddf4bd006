#pragma once

#include <QFrame>

class QLabel;

namespace gistack {

// One figure of the dashboard: a caption over a large number.
class CountTile : public QFrame {
    Q_OBJECT
public:
    explicit CountTile(const QString &caption, QWidget *parent = nullptr);

    void setValue(int value);
    int value() const { return m_value; }
    // Draws attention to a non-zero figure (pending work).
    void setAccent(bool accent);

private:
    QLabel *m_caption;
    QLabel *m_number;
    int m_value = -1;
    bool m_accent = false;
};

} // namespace gistack
