#include "ClientFrame.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gistack {

ClientFrame ClientFrame::parse(const QString &text, bool authenticated) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    const bool isJson = parseError.error == QJsonParseError::NoError;
    if (authenticated)
        return ClientFrame{isJson ? Kind::UnknownCommand : Kind::NotJson, QString()};
    const QString token = doc.object().value(QLatin1String("token")).toString();
    if (!isJson || token.isEmpty())
        return ClientFrame{Kind::BadFirstFrame, QString()};
    return ClientFrame{Kind::Token, token};
}

int ClientFrame::closeCode() const {
    switch (kind) {
    case Kind::BadFirstFrame:
        return 4401;
    case Kind::NotJson:
        return 1007;
    case Kind::UnknownCommand:
        return 4400;
    case Kind::Token:
        break;
    }
    return 0;
}

QString ClientFrame::closeReason() const {
    switch (kind) {
    case Kind::BadFirstFrame:
        return QStringLiteral("expected {\"token\": \"<JWT>\"} first");
    case Kind::NotJson:
        return QStringLiteral("frames must be JSON");
    case Kind::UnknownCommand:
        return QStringLiteral("unknown command");
    case Kind::Token:
        break;
    }
    return {};
}

} // namespace gistack
