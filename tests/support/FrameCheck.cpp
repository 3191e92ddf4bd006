#include "FrameCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace gistack::test {

QString checkEnvelope(const QByteArray &frame, const QString &type, const QString &userId,
                      const QJsonValue &msg, const QDateTime &createTime) {
    const QJsonDocument doc = QJsonDocument::fromJson(frame);
    if (!doc.isObject())
        return QStringLiteral("not a JSON object: ") + QString::fromUtf8(frame);
    const QJsonObject object = doc.object();
    const QStringList keys = object.keys();
    if (keys.size() != 5)
        return QStringLiteral("expected exactly 5 keys: ") + QString::fromUtf8(frame);
    // Key order as in the spec (QJsonObject sorts keys, so look at the raw text).
    static const QRegularExpression order(
        QStringLiteral(R"(^\{"id":.*,"userId":\[.*\],"createTime":".*","type":".*","msg":.*\}$)"));
    if (!order.match(QString::fromUtf8(frame)).hasMatch())
        return QStringLiteral("keys out of the spec's order: ") + QString::fromUtf8(frame);
    if (object.value(QLatin1String("id")).toString().isEmpty())
        return QStringLiteral("empty id");
    if (object.value(QLatin1String("userId")).toArray() != QJsonArray{userId})
        return QStringLiteral("userId should be [\"%1\"]: %2").arg(userId, QString::fromUtf8(frame));
    const QString created = object.value(QLatin1String("createTime")).toString();
    static const QRegularExpression timeFormat(QStringLiteral(R"(^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$)"));
    if (!timeFormat.match(created).hasMatch())
        return QStringLiteral("createTime not yyyy-MM-dd HH:mm:ss: ") + created;
    if (createTime.isValid() && created != createTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
        return QStringLiteral("createTime %1, expected %2")
            .arg(created, createTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    if (object.value(QLatin1String("type")).toString() != type)
        return QStringLiteral("type %1, expected %2")
            .arg(object.value(QLatin1String("type")).toString(), type);
    if (object.value(QLatin1String("msg")) != msg) {
        const QJsonValue got = object.value(QLatin1String("msg"));
        return QStringLiteral("msg mismatch in %1, expected %2")
            .arg(QString::fromUtf8(frame),
                 QString::fromUtf8(QJsonDocument(QJsonArray{msg}).toJson(QJsonDocument::Compact)));
    }
    return {};
}

} // namespace gistack::test
