#include "UpgradeRequest.h"

#include <QCryptographicHash>
#include <QList>
#include <QUrlQuery>

namespace gistack {

namespace {

constexpr QByteArrayView headEnd("\r\n\r\n");
constexpr QByteArrayView webSocketGuid("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");

bool hasToken(QByteArrayView list, QByteArrayView token) {
    for (QByteArrayView item : QByteArray(list.toByteArray()).split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

UpgradeRequest UpgradeRequest::parse(QByteArrayView bytes) {
    UpgradeRequest request;
    const qsizetype end = bytes.indexOf(headEnd);
    if (end < 0)
        return request;
    request.verdict = Verdict::Other;
    request.headLength = end + headEnd.size();
    const QByteArrayView head = bytes.first(end);
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    // "GET <target> HTTP/1.1", nothing more and nothing less.
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || parts.at(0) != "GET" || parts.at(2) != "HTTP/1.1" ||
        !parts.at(1).startsWith('/'))
        return request;
    bool upgrade = false;
    bool connectionUpgrade = false;
    bool version13 = false;
    int keys = 0;
    while (lineEnd >= 0) {
        const qsizetype start = lineEnd + 2;
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line = head.sliced(start, (lineEnd < 0 ? head.size() : lineEnd) - start);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return request; // a malformed or folded header: not ours to judge
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("upgrade", Qt::CaseInsensitive) == 0)
            upgrade = value.compare("websocket", Qt::CaseInsensitive) == 0;
        else if (name.compare("connection", Qt::CaseInsensitive) == 0)
            connectionUpgrade = connectionUpgrade || hasToken(value, "upgrade");
        else if (name.compare("sec-websocket-version", Qt::CaseInsensitive) == 0)
            version13 = value == QByteArrayView("13");
        else if (name.compare("sec-websocket-key", Qt::CaseInsensitive) == 0) {
            request.key = value.toByteArray();
            ++keys;
        } else if (name.compare("origin", Qt::CaseInsensitive) == 0)
            request.origin = value.toByteArray();
    }
    // The key is 16 random bytes in base64.
    const bool keyOk =
        keys == 1 && request.key.size() == 24 &&
        QByteArray::fromBase64Encoding(request.key, QByteArray::AbortOnBase64DecodingErrors).decoded.size() ==
            16;
    if (upgrade && connectionUpgrade && version13 && keyOk) {
        request.verdict = Verdict::Upgrade;
        request.target = parts.at(1);
    }
    return request;
}

QByteArray UpgradeRequest::path() const {
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.first(query);
}

QByteArray UpgradeRequest::token() const {
    const qsizetype query = target.indexOf('?');
    if (query < 0)
        return {};
    const QUrlQuery items(QString::fromLatin1(target.sliced(query + 1)));
    return items.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
}

QByteArray UpgradeRequest::switchingProtocols(const QByteArray &key) {
    const QByteArray accept =
        QCryptographicHash::hash(key + webSocketGuid.toByteArray(), QCryptographicHash::Sha1).toBase64();
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: " +
           accept + "\r\n\r\n";
}

} // namespace gistack
