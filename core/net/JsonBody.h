#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace gistack {

// Reads fields from a request body and remembers the first thing wrong with it, so a
// handler can read everything and answer 400 with one clear reason.
class JsonBody {
public:
    // An empty body or anything but a JSON object sets the error.
    explicit JsonBody(const QByteArray &bytes);
    explicit JsonBody(QJsonObject object);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const QJsonObject &object() const { return m_object; }
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }

    QString string(const char *key, int maxLength = 256);
    QString optionalString(const char *key, int maxLength = 256);
    bool boolean(const char *key);
    QDateTime time(const char *key);
    QJsonObject optionalObject(const char *key);

    void fail(const QString &error);

    // Ids in paths and bodies: 1..128 printable characters without '/'.
    static bool isValidId(const QString &id);

private:
    QJsonObject m_object;
    QString m_error;
};

} // namespace gistack
