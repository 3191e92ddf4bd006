#pragma once

#include <QString>

#include <stdexcept>

namespace gistack {

// Thrown inside the storage thread; the worker turns it into a failed job result.
class StorageError : public std::runtime_error {
public:
    explicit StorageError(const QString &message)
        : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace gistack
