#pragma once

#include <QByteArray>

namespace gistack {

// Compares secrets in time that depends only on the length of the expected one.
class SecretCompare {
public:
    static bool equal(const QByteArray &given, const QByteArray &expected) {
        unsigned char diff = given.size() == expected.size() ? 0 : 1;
        for (qsizetype i = 0; i < expected.size(); ++i)
            diff |= static_cast<unsigned char>(expected.at(i) ^ (i < given.size() ? given.at(i) : 0));
        return diff == 0;
    }
};

} // namespace gistack
