#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gistack {

// Which browser pages may open a WebSocket: the upgrade's Origin header against
// --allowed-origins. Browsers always send Origin on a WebSocket, so this is what keeps a
// page from another site out; a client without Origin is not a browser page and passes.
class OriginPolicy {
public:
    explicit OriginPolicy(QStringList allowed = {});

    // An empty list allows every origin.
    bool allows(const QByteArray &originHeader) const;
    bool restricts() const { return !m_allowed.isEmpty(); }

    // "scheme://host[:port]", lower-cased, default port dropped; empty when text is not an
    // http(s) origin (a path, query or user info makes it something else).
    static QString normalize(const QString &text);

private:
    QStringList m_allowed; // normalized
};

} // namespace gistack
