#include "JsonBody.h"

#include "protocol/TimeFormat.h"

#include <QJsonDocument>

namespace gistack {

JsonBody::JsonBody(const QByteArray &bytes) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        m_error = QStringLiteral("body is not valid JSON: ") + parseError.errorString();
    else if (!doc.isObject())
        m_error = QStringLiteral("body must be a JSON object");
    else
        m_object = doc.object();
}

JsonBody::JsonBody(QJsonObject object)
    : m_object(std::move(object)) {
}

void JsonBody::fail(const QString &error) {
    if (m_error.isEmpty())
        m_error = error;
}

QString JsonBody::string(const char *key, int maxLength) {
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        fail(QStringLiteral("%1 must be a non-empty string").arg(QLatin1String(key)));
        return {};
    }
    if (value.toString().size() > maxLength) {
        fail(QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(key)).arg(maxLength));
        return {};
    }
    return value.toString();
}

QString JsonBody::optionalString(const char *key, int maxLength) {
    return has(key) ? string(key, maxLength) : QString();
}

bool JsonBody::boolean(const char *key) {
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (!value.isBool())
        fail(QStringLiteral("%1 must be true or false").arg(QLatin1String(key)));
    return value.toBool();
}

QDateTime JsonBody::time(const char *key) {
    const QDateTime parsed = TimeFormat::parse(m_object.value(QLatin1String(key)).toString());
    if (!parsed.isValid())
        fail(QStringLiteral("%1 must be a time \"yyyy-MM-dd HH:mm:ss\"").arg(QLatin1String(key)));
    return parsed;
}

QJsonObject JsonBody::optionalObject(const char *key) {
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        fail(QStringLiteral("%1 must be an object").arg(QLatin1String(key)));
    return value.toObject();
}

bool JsonBody::isValidId(const QString &id) {
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const QChar c : id) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/') || c.isSpace())
            return false;
    }
    return true;
}

} // namespace gistack
