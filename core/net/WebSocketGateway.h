#pragma once

#include <QObject>

namespace gistack {

class ClientConnection;
class FrameChannel;
class ConnectionRegistry;
class TokenVerifier;

// Turns an upgraded socket into a registered connection and verifies its token, from the
// URL (?token=) or from a first frame {"token": "..."}. Refusals close with 4401.
class WebSocketGateway : public QObject {
    Q_OBJECT
public:
    WebSocketGateway(ConnectionRegistry &registry, const TokenVerifier &verifier, QObject *parent = nullptr);

    // Takes the channel.
    void accept(gistack::FrameChannel *channel);

signals:
    // The token is good; the service still has to find the user.
    void tokenAccepted(gistack::ClientConnection *connection, const QString &userId);

private:
    void checkToken(ClientConnection *connection, const QString &token);
    void onText(ClientConnection *connection, const QString &text);

    ConnectionRegistry &m_registry;
    const TokenVerifier &m_verifier;
};

} // namespace gistack
