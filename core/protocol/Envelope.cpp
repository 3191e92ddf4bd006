#include "Envelope.h"

#include "TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace gistack {

namespace {

// QJsonDocument only serialises arrays and objects: wrap a scalar and strip the brackets.
QByteArray compactJson(const QJsonValue &value) {
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A JSON string; printable ASCII without quotes or backslashes (every id the API accepts)
// needs no escaping, which saves a QJsonDocument per frame of a large fan-out.
QByteArray quotedJson(const QString &text) {
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7F && c != QLatin1Char('"') && c != QLatin1Char('\\');
    });
    if (!plain)
        return compactJson(text);
    QByteArray quoted;
    quoted.reserve(text.size() + 2);
    return quoted.append('"').append(text.toLatin1()).append('"');
}

} // namespace

Envelope::Envelope(QString id, MessageType type, QDateTime createTime, QJsonValue msg)
    : m_id(std::move(id))
    , m_type(type)
    , m_createTime(std::move(createTime))
    , m_msg(std::move(msg)) {
    const QByteArray msgJson = compactJson(m_msg);
    m_msgLength = msgJson.size();
    // Ids, times and type names are plain ASCII: quoted without a QJsonDocument each, which
    // was most of the cost of loading a login's queued messages.
    m_prefix = QByteArrayLiteral("{\"id\":") + quotedJson(m_id) + QByteArrayLiteral(",\"userId\":[");
    m_suffix = QByteArrayLiteral("],\"createTime\":") + quotedJson(TimeFormat::format(m_createTime)) +
               QByteArrayLiteral(",\"type\":") + quotedJson(MessageCatalogue::name(m_type)) +
               QByteArrayLiteral(",\"msg\":") + msgJson + '}';
}

QString Envelope::newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray Envelope::msgJson() const {
    if (m_suffix.isEmpty()) // a default-constructed envelope
        return QByteArrayLiteral("null");
    // The suffix ends with it, then the closing brace.
    return m_suffix.sliced(m_suffix.size() - 1 - m_msgLength, m_msgLength);
}

QByteArray Envelope::frameFor(const QString &userId) const {
    const QByteArray user = quotedJson(userId);
    QByteArray frame;
    frame.reserve(m_prefix.size() + user.size() + m_suffix.size());
    frame.append(m_prefix).append(user).append(m_suffix);
    return frame;
}

QJsonObject Envelope::toJson(const QStringList &userIds) const {
    return QJsonObject{{QStringLiteral("id"), m_id},
                       {QStringLiteral("userId"), QJsonArray::fromStringList(userIds)},
                       {QStringLiteral("createTime"), TimeFormat::format(m_createTime)},
                       {QStringLiteral("type"), MessageCatalogue::name(m_type)},
                       {QStringLiteral("msg"), m_msg}};
}

bool Envelope::parse(const QByteArray &frame, Envelope *out, QStringList *userIds) {
    const QJsonDocument doc = QJsonDocument::fromJson(frame);
    if (!doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    const auto type = MessageCatalogue::fromName(object.value(QLatin1String("type")).toString());
    const QDateTime created = TimeFormat::parse(object.value(QLatin1String("createTime")).toString());
    if (!type || !created.isValid() || !object.value(QLatin1String("userId")).isArray())
        return false;
    if (userIds) {
        userIds->clear();
        for (const QJsonValue &id : object.value(QLatin1String("userId")).toArray())
            userIds->append(id.toString());
    }
    *out = Envelope(object.value(QLatin1String("id")).toString(), *type, created,
                    object.value(QLatin1String("msg")));
    return true;
}

} // namespace gistack
