#pragma once

#include "MessageCatalogue.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace gistack {

// One message as the spec frames it: {"id","userId","createTime","type","msg"}.
// The bytes around the recipient are serialised once, so each recipient's frame is
// a concatenation rather than a JSON round trip.
class Envelope {
public:
    Envelope() = default;
    Envelope(QString id, MessageType type, QDateTime createTime, QJsonValue msg);

    static QString newId();

    const QString &id() const { return m_id; }
    MessageType type() const { return m_type; }
    const QDateTime &createTime() const { return m_createTime; }
    const QJsonValue &msg() const { return m_msg; }
    QByteArray msgJson() const;

    // The frame as delivered to one user: userId lists only that user.
    QByteArray frameFor(const QString &userId) const;
    QJsonObject toJson(const QStringList &userIds) const;

    // Parses a frame back; used by tests and tools. Returns false when it is not an envelope.
    static bool parse(const QByteArray &frame, Envelope *out, QStringList *userIds);

private:
    QString m_id;
    MessageType m_type = MessageType::UserRegister;
    QDateTime m_createTime;
    QJsonValue m_msg;
    qsizetype m_msgLength = 0; // of msg's compact JSON at the end of m_suffix
    QByteArray m_prefix;
    QByteArray m_suffix;
};

} // namespace gistack
