#include "LoopLagProbe.h"

namespace gistack {

LoopLagProbe::LoopLagProbe(int intervalMs, QObject *parent)
    : QObject(parent) {
    // A coarse timer may fire up to 5% early or late by design; a precise one is late only
    // when the loop was busy.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LoopLagProbe::tick);
    m_sinceLast.start();
    m_timer.start();
}

void LoopLagProbe::tick() {
    const qint64 elapsedNs = m_sinceLast.nsecsElapsed();
    m_sinceLast.restart();
    const double late = double(elapsedNs - qint64(m_timer.interval()) * 1000000) / 1e9;
    emit lagMeasured(late > 0 ? late : 0.0);
}

} // namespace gistack
