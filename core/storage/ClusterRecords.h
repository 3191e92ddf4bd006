#pragma once

#include "protocol/Envelope.h"

#include <QString>
#include <QStringList>

namespace gistack {

// A message of the log that every node pushes to its own sockets: to the listed recipients
// (kept queued until some node delivers), or, when audienceOrg is set, to the org admins of
// that org online at that moment (live only, nothing queued).
struct Broadcast {
    qint64 seq = 0;
    Envelope envelope;
    QStringList recipients;
    QString audienceOrg;
};

// What the other live nodes report: their sockets and the users they serve.
struct ClusterPresence {
    int liveNodes = 0;
    int connections = 0;
    QStringList userIds;
};

} // namespace gistack
