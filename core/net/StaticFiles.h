#pragma once

#include "HttpHandler.h"

#include <QHash>
#include <QString>

namespace gistack {

// Serves the files compiled into the binary under one resource root (the browser client and
// the demo page at "/"): GET and HEAD only, Content-Type by extension, ETag revalidation.
// It indexes its files once at start, so a request can only ever reach one of them; paths
// that try to climb out ("..", "%2e%2e", backslashes) are refused with 400 all the same.
class StaticFiles : public HttpHandler {
public:
    explicit StaticFiles(const QString &resourceRoot = QStringLiteral(":/web"));

    bool handle(const HttpRequest &request, HttpReply reply) override;

    int fileCount() const { return int(m_files.size()); }
    static QByteArray contentTypeFor(const QString &fileName);

private:
    struct File {
        QByteArray body;
        QByteArray contentType;
        QByteArray etag;
    };

    static bool isTraversal(const QString &path);
    static bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag);

    QHash<QString, File> m_files; // "/index.html" -> its bytes
};

} // namespace gistack
