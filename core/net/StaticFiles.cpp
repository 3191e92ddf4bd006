#include "StaticFiles.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStatic, "gistack.static", QtInfoMsg)

namespace gistack {

namespace {

struct TypeByExtension {
    const char *extension;
    const char *contentType;
};

// Text types carry their charset so a browser never has to guess (and never sniffs).
constexpr TypeByExtension contentTypes[] = {
    {"html", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"ico", "image/x-icon"},
    {"txt", "text/plain; charset=utf-8"},
};

// File names are not fingerprinted and a new binary must take effect at once, so browsers
// may keep a copy but must revalidate it (a cheap 304 while the ETag still matches).
const QByteArray cacheControl = "no-cache";

// The page reads a token from its own URL: never leak that URL to other sites.
const QByteArray pageSecurityPolicy =
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

} // namespace

StaticFiles::StaticFiles(const QString &resourceRoot) {
    QDirIterator it(resourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcStatic) << "cannot read" << path;
            continue;
        }
        File entry;
        entry.body = file.readAll();
        entry.contentType = contentTypeFor(path);
        entry.etag =
            '"' + QCryptographicHash::hash(entry.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
        m_files.insert(path.mid(resourceRoot.size()), entry);
    }
    if (m_files.isEmpty())
        qCWarning(lcStatic) << "no files under" << resourceRoot << "- the demo page will be missing";
}

QByteArray StaticFiles::contentTypeFor(const QString &fileName) {
    const QString extension = fileName.section(QLatin1Char('.'), -1).toLower();
    for (const TypeByExtension &type : contentTypes) {
        if (extension == QLatin1String(type.extension))
            return type.contentType;
    }
    return "application/octet-stream";
}

bool StaticFiles::handle(const HttpRequest &request, HttpReply reply) {
    if (!request.path.startsWith(QLatin1Char('/')))
        return false;
    if (isTraversal(request.path)) {
        reply.error(400, QStringLiteral("paths may not contain '.' or '..' segments, backslashes or "
                                        "control characters"));
        return true;
    }
    QString key = request.path;
    if (key.endsWith(QLatin1Char('/')))
        key += QLatin1String("index.html");
    const auto found = m_files.constFind(key);
    if (found == m_files.cend())
        return false;
    if (request.method != "GET" && request.method != "HEAD") {
        reply.send(405, R"({"error":"only GET and HEAD are allowed here"})", "application/json",
                   {{"Allow", "GET, HEAD"}});
        return true;
    }

    const File &file = found.value();
    HttpHeaders headers{
        {"ETag", file.etag}, {"Cache-Control", cacheControl}, {"X-Content-Type-Options", "nosniff"}};
    // The GIStack front end runs on its own origin and imports the client module from here;
    // module scripts are fetched with CORS. The client is public code sent without cookies.
    if (file.contentType.startsWith("text/javascript"))
        headers.append(qMakePair(QByteArray("Access-Control-Allow-Origin"), QByteArray("*")));
    if (file.contentType.startsWith("text/html")) {
        headers.append(qMakePair(QByteArray("Content-Security-Policy"), pageSecurityPolicy));
        headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
    }
    if (etagMatches(request.header("if-none-match"), file.etag))
        reply.sendHeaders(304, -1, QByteArray(), headers);
    else if (request.method == "HEAD")
        reply.sendHeaders(200, file.body.size(), file.contentType, headers);
    else
        reply.send(200, file.body, file.contentType, headers);
    return true;
}

bool StaticFiles::isTraversal(const QString &path) {
    // The listener hands over the decoded path, so "%2e%2e" and "%5c" arrive here as ".." and '\'.
    for (const QChar c : path) {
        if (c == QLatin1Char('\\') || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    const QStringList segments = path.split(QLatin1Char('/'));
    return segments.contains(QLatin1String("..")) || segments.contains(QLatin1String("."));
}

bool StaticFiles::etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag) {
    if (ifNoneMatch.isEmpty())
        return false;
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/")) // weak comparison is what If-None-Match asks for
            candidate = candidate.mid(2);
        if (candidate == "*" || candidate == etag)
            return true;
    }
    return false;
}

} // namespace gistack
