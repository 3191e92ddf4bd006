#pragma once

namespace gistack {

// Close codes the server sends or reads: RFC 6455's and its own.
namespace CloseCode {
constexpr int Normal = 1000;
constexpr int GoingAway = 1001;
constexpr int ProtocolError = 1002;
constexpr int UnsupportedData = 1003;
constexpr int NoStatus = 1005; // a close frame without a code; never sent
constexpr int InvalidPayload = 1007;
constexpr int MessageTooBig = 1009;
constexpr int Slow = 4008;
constexpr int UnknownCommand = 4400;
constexpr int Unauthorized = 4401;
constexpr int TooManyConnections = 4429;
} // namespace CloseCode

// Frame opcodes (RFC 6455 5.2).
namespace Opcode {
constexpr int Continuation = 0x0;
constexpr int Text = 0x1;
constexpr int Binary = 0x2;
constexpr int Close = 0x8;
constexpr int Ping = 0x9;
constexpr int Pong = 0xA;
} // namespace Opcode

} // namespace gistack
