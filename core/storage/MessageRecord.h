#pragma once

#include "protocol/Envelope.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace gistack {

enum class DeliveryState { Queued, Delivered };

struct Recipient {
    QString userId;
    DeliveryState state = DeliveryState::Queued;
    QDateTime deliveredAt;
};

// A message of the log with its recipients and their delivery state.
struct MessageRecord {
    qint64 seq = 0;
    Envelope envelope;
    QList<Recipient> recipients;
};

} // namespace gistack
