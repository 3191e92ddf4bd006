#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gistack {

// The versioned schema shared by every backend: entry i upgrades version i to i + 1. Only the
// column types that differ between engines are parameters, so both backends stay one schema.
class SchemaMigrations {
public:
    struct Types {
        QString serialKey; // an auto-incrementing 64-bit primary key
        QString bigInt;    // a 64-bit integer
    };
    static QList<QStringList> all(const Types &types);
};

} // namespace gistack
