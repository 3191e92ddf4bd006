#pragma once

#include <QByteArrayView>

namespace gistack {

// What the start of an HTTP/1.x request declares about its body, read from raw bytes
// before QtHttpServer buffers the body. Pure, so it can be fuzzed.
struct RequestHead {
    bool isRequest = false; // the bytes start with a request line
    bool complete = false;  // ... and the header block ends within them
    qint64 contentLength = -1;
    bool chunked = false;

    static RequestHead parse(QByteArrayView bytes);
};

} // namespace gistack
