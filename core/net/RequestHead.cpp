#include "RequestHead.h"

#include <limits>

namespace gistack {

namespace {

bool isRequestLine(QByteArrayView line) {
    // METHOD SP target SP HTTP/1.x
    qsizetype i = 0;
    while (i < line.size() && line[i] >= 'A' && line[i] <= 'Z')
        ++i;
    if (i == 0 || i > 16 || i >= line.size() || line[i] != ' ')
        return false;
    const qsizetype version = line.lastIndexOf(' ');
    if (version <= i)
        return false;
    const QByteArrayView protocol = line.sliced(version + 1);
    return protocol.size() == 8 && protocol.startsWith("HTTP/1.");
}

bool nameIs(QByteArrayView name, const char *expected) {
    const QByteArrayView wanted(expected);
    if (name.size() != wanted.size())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != wanted[i])
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView text) {
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.chop(1);
    return text;
}

qint64 lengthOf(QByteArrayView value) {
    if (value.isEmpty())
        return -1;
    qint64 length = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return -1;
        if (length > (std::numeric_limits<qint64>::max() - 9) / 10)
            return std::numeric_limits<qint64>::max(); // absurdly large is still "too large"
        length = length * 10 + (c - '0');
    }
    return length;
}

} // namespace

RequestHead RequestHead::parse(QByteArrayView bytes) {
    RequestHead head;
    qsizetype lineEnd = bytes.indexOf('\n');
    if (lineEnd < 0 || !isRequestLine(trimmed(bytes.first(lineEnd))))
        return head;
    head.isRequest = true;
    qsizetype start = lineEnd + 1;
    while ((lineEnd = bytes.indexOf('\n', start)) >= 0) {
        const QByteArrayView line = trimmed(bytes.sliced(start, lineEnd - start));
        start = lineEnd + 1;
        if (line.isEmpty()) {
            head.complete = true;
            return head;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (nameIs(name, "content-length")) {
            // Conflicting lengths: believe the largest, which is the one that matters here.
            head.contentLength = qMax(head.contentLength, lengthOf(value));
        } else if (nameIs(name, "transfer-encoding")) {
            head.chunked = true;
        }
    }
    return head;
}

} // namespace gistack
