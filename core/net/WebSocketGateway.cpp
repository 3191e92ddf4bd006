#include "WebSocketGateway.h"

#include "ClientConnection.h"
#include "ClientFrame.h"
#include "ConnectionRegistry.h"
#include "TokenVerifier.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

WebSocketGateway::WebSocketGateway(ConnectionRegistry &registry, const TokenVerifier &verifier,
                                   QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_verifier(verifier) {
}

void WebSocketGateway::accept(FrameChannel *channel) {
    ClientConnection *connection = m_registry.add(channel);
    connect(connection, &ClientConnection::textReceived, this, &WebSocketGateway::onText);
    connect(connection, &ClientConnection::binaryReceived, this, [](ClientConnection *c) {
        c->close(CloseCode::UnsupportedData, QStringLiteral("binary frames are not accepted"));
    });
    const QString token = connection->requestToken();
    if (!token.isEmpty())
        checkToken(connection, token);
}

void WebSocketGateway::checkToken(ClientConnection *connection, const QString &token) {
    const TokenCheck check = m_verifier.verify(token);
    if (!check.ok()) {
        qCInfo(lcWs) << "socket" << connection->id() << "refused:" << check.error;
        connection->close(CloseCode::Unauthorized, check.error);
        return;
    }
    if (!m_registry.hasRoomFor(check.userId)) {
        m_registry.refuseOverLimit(connection); // before spending a database lookup
        return;
    }
    emit tokenAccepted(connection, check.userId);
}

void WebSocketGateway::onText(ClientConnection *connection, const QString &text) {
    const ClientFrame frame = ClientFrame::parse(text, connection->isAuthenticated());
    if (frame.kind == ClientFrame::Kind::Token)
        checkToken(connection, frame.token);
    else
        connection->close(frame.closeCode(), frame.closeReason());
}

} // namespace gistack
