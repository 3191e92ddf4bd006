#pragma once

#include <QString>

namespace gistack {

// What a text frame from a browser means. Before login only {"token": "<JWT>"} is expected;
// after login the spec defines no client-to-server messages, so every frame ends the
// connection with a code. Pure, so it can be fuzzed.
struct ClientFrame {
    enum class Kind {
        Token,          // a first frame carrying a token to verify
        BadFirstFrame,  // 4401: not JSON, or no non-empty "token"
        NotJson,        // 1007 after login
        UnknownCommand, // 4400 after login
    };

    Kind kind = Kind::BadFirstFrame;
    QString token;

    static ClientFrame parse(const QString &text, bool authenticated);
    // For the kinds that close the connection.
    int closeCode() const;
    QString closeReason() const;
};

} // namespace gistack
