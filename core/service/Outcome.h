#pragma once

#include <QJsonValue>
#include <QString>

#include <functional>

namespace gistack {

// The result of a service call, whoever made it (HTTP API, console, tests).
struct Outcome {
    enum Code { Ok, Created, Invalid, NotFound, Forbidden, Conflict, Unavailable };

    Code code = Ok;
    QString error;
    QJsonValue body;

    bool ok() const { return code == Ok || code == Created; }
    static Outcome success(QJsonValue body = QJsonValue()) { return {Ok, QString(), std::move(body)}; }
    static Outcome created(QJsonValue body) { return {Created, QString(), std::move(body)}; }
    static Outcome failure(Code code, QString error) { return {code, std::move(error), QJsonValue()}; }
};

using Done = std::function<void(const Outcome &)>;

} // namespace gistack
