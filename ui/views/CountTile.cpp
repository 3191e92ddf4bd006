#include "CountTile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gistack {

CountTile::CountTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_number(new QLabel(QStringLiteral("0"), this)) {
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(150);
    auto *layout = new QVBoxLayout(this);
    m_caption->setWordWrap(true);
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_number->setFont(big);
    layout->addWidget(m_caption);
    layout->addWidget(m_number);
    setValue(0);
}

void CountTile::setValue(int value) {
    if (value == m_value)
        return;
    m_value = value;
    m_number->setText(QString::number(value));
    setAccent(m_accent);
}

void CountTile::setAccent(bool accent) {
    m_accent = accent;
    m_number->setStyleSheet(accent && m_value > 0 ? QStringLiteral("color: #c0392b;") : QString());
}

} // namespace gistack
