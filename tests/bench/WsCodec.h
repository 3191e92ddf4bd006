#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bench::ws {

enum Opcode : uint8_t { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

// A random Sec-WebSocket-Key (16 bytes, base64) from a cheap per-process generator.
std::string makeKey();
// The Sec-WebSocket-Accept a server must answer for key (RFC 6455 section 4.2.2).
std::string acceptFor(const std::string &key);
std::string handshakeRequest(const std::string &hostPort, const std::string &target, const std::string &key);

enum class Handshake { Incomplete, Accepted, Refused };
// Looks for a complete 101 answer at the front of bytes; on Accepted, *headerLength is where frames start.
Handshake parseHandshake(std::string_view bytes, const std::string &expectedAccept, size_t *headerLength,
                         std::string *why);

struct Frame {
    uint8_t opcode = 0;
    bool fin = false;
    std::string_view payload;
};
// Decodes one unmasked server frame at the front of bytes: returns the bytes it used, 0 when
// more are needed, or -1 for a protocol violation (a masked server frame, a 64-bit length > 2^62).
long parseFrame(std::string_view bytes, Frame *out);

// A masked client frame (the benchmark only sends pongs and close frames).
std::string clientFrame(Opcode opcode, std::string_view payload);
// A close frame's payload: two bytes of code, then the reason.
std::string closePayload(uint16_t code, std::string_view reason);

} // namespace bench::ws
