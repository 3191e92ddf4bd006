#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace gistack::test {

// Checks one raw frame against the spec's envelope to the letter: exactly the keys
// id, userId, createTime, type, msg in that order, a non-empty id, userId naming only the
// receiver, createTime in "yyyy-MM-dd HH:mm:ss", and the expected type and msg.
// Returns an empty string when it matches, else what is wrong.
QString checkEnvelope(const QByteArray &frame, const QString &type, const QString &userId,
                      const QJsonValue &msg, const QDateTime &createTime = QDateTime());

} // namespace gistack::test

// QVERIFY2-friendly form.
#define VERIFY_ENVELOPE(frame, type, user, msg, ...)                                                         \
    do {                                                                                                     \
        const QString envelopeError_ = gistack::test::checkEnvelope(frame, type, user, msg, ##__VA_ARGS__);  \
        QVERIFY2(envelopeError_.isEmpty(), qPrintable(envelopeError_));                                      \
    } while (false)
