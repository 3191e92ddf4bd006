#pragma once

#include "EventLoop.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace bench {

class WsConnection;

// What a connection reports upwards; the scenario decides what the frames mean.
class WsListener {
public:
    virtual ~WsListener() = default;
    virtual void onOpened(WsConnection &connection) = 0;
    virtual void onText(WsConnection &connection, std::string_view text) = 0;
    virtual void onClosed(WsConnection &connection, const std::string &why) = 0;
};

// One client WebSocket on a non-blocking socket: sends the upgrade, checks the 101, decodes
// server frames, answers pings and close frames. Text messages go to the listener whole.
// Per-connection memory stays small: bytes are parsed straight out of the loop's shared read
// buffer, and only an incomplete frame's tail is kept.
class WsConnection final : public IoHandler {
public:
    enum class State { Idle, Connecting, Handshaking, Open, Closed };

    WsConnection(EventLoop &loop, WsListener &listener, size_t index);
    ~WsConnection() override;

    // Takes an fd whose connect() is in progress and the complete upgrade request to send.
    void start(int fd, std::string request, std::string expectedAccept);
    // Ends the connection without a closing handshake (the benchmark is over).
    void drop();

    size_t index() const { return m_index; }
    State state() const { return m_state; }
    int64_t startedNs() const { return m_startedNs; }
    uint16_t closeCode() const { return m_closeCode; }

    void onIo(uint32_t events) override;

private:
    void onWritable();
    void onReadable();
    bool flush();
    void send(std::string bytes);
    void consume(std::string_view bytes);
    size_t consumeFrames(std::string_view bytes);
    bool handleFrame(uint8_t opcode, bool fin, std::string_view payload);
    void fail(const std::string &why);

    EventLoop &m_loop;
    WsListener &m_listener;
    size_t m_index;
    int m_fd = -1;
    State m_state = State::Idle;
    int64_t m_startedNs = 0;
    uint16_t m_closeCode = 0;
    std::string m_out;      // unsent bytes (the upgrade request, pongs)
    std::string m_in;       // an incomplete frame or handshake answer
    std::string m_fragment; // a text message that arrived in several frames
    std::string m_accept;   // expected Sec-WebSocket-Accept, dropped after the handshake
};

} // namespace bench
