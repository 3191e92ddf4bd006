#include "WsCodec.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <random>

namespace bench::ws {

namespace {

using uchar = unsigned char;

std::mt19937_64 &rng() {
    static std::mt19937_64 generator{std::random_device{}()};
    return generator;
}

std::string base64(const unsigned char *data, size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), data, int(size));
    out.resize(size_t(written));
    return out;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char a, char b) { return std::tolower(uchar(a)) == std::tolower(uchar(b)); });
}

} // namespace

std::string makeKey() {
    unsigned char bytes[16];
    for (int i = 0; i < 16; i += 8) {
        const uint64_t r = rng()();
        for (int j = 0; j < 8; ++j)
            bytes[i + j] = uchar(r >> (8 * j));
    }
    return base64(bytes, sizeof bytes);
}

std::string acceptFor(const std::string &key) {
    const std::string text = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha1(), nullptr);
    return base64(digest, size);
}

std::string handshakeRequest(const std::string &hostPort, const std::string &target, const std::string &key) {
    std::string request;
    request.reserve(target.size() + 200);
    request.append("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(hostPort);
    request.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ").append(key);
    request.append("\r\nSec-WebSocket-Version: 13\r\n\r\n");
    return request;
}

Handshake parseHandshake(std::string_view bytes, const std::string &expectedAccept, size_t *headerLength,
                         std::string *why) {
    const size_t end = bytes.find("\r\n\r\n");
    if (end == std::string_view::npos)
        return bytes.size() > 16384 ? (*why = "handshake answer too long", Handshake::Refused)
                                    : Handshake::Incomplete;
    const std::string_view head = bytes.substr(0, end + 2);
    const size_t firstLineEnd = head.find("\r\n");
    const std::string_view statusLine = head.substr(0, firstLineEnd);
    if (statusLine.substr(0, 12) != "HTTP/1.1 101") {
        *why = "no 101: " + std::string(statusLine);
        return Handshake::Refused;
    }
    bool acceptOk = false;
    size_t pos = firstLineEnd + 2;
    while (pos < head.size()) {
        const size_t lineEnd = head.find("\r\n", pos);
        const std::string_view line = head.substr(pos, lineEnd - pos);
        if (startsWithNoCase(line, "sec-websocket-accept:")) {
            std::string_view value = line.substr(21);
            while (!value.empty() && value.front() == ' ')
                value.remove_prefix(1);
            acceptOk = value == expectedAccept;
        }
        pos = lineEnd + 2;
    }
    if (!acceptOk) {
        *why = "wrong or missing Sec-WebSocket-Accept";
        return Handshake::Refused;
    }
    *headerLength = end + 4;
    return Handshake::Accepted;
}

long parseFrame(std::string_view bytes, Frame *out) {
    if (bytes.size() < 2)
        return 0;
    const auto b0 = uchar(bytes[0]);
    const auto b1 = uchar(bytes[1]);
    if (b1 & 0x80)
        return -1; // servers never mask (RFC 6455 section 5.1)
    size_t header = 2;
    uint64_t length = b1 & 0x7F;
    if (length == 126) {
        if (bytes.size() < 4)
            return 0;
        length = (uint64_t(uchar(bytes[2])) << 8) | uchar(bytes[3]);
        header = 4;
    } else if (length == 127) {
        if (bytes.size() < 10)
            return 0;
        length = 0;
        for (int i = 2; i < 10; ++i)
            length = (length << 8) | uchar(bytes[size_t(i)]);
        if (length > (uint64_t(1) << 62))
            return -1;
        header = 10;
    }
    if (bytes.size() < header + length)
        return 0;
    out->opcode = b0 & 0x0F;
    out->fin = (b0 & 0x80) != 0;
    out->payload = bytes.substr(header, size_t(length));
    return long(header + length);
}

std::string clientFrame(Opcode opcode, std::string_view payload) {
    std::string frame;
    frame.reserve(payload.size() + 14);
    frame.push_back(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.push_back(char(0x80 | payload.size()));
    } else {
        // Only control frames are sent, and those stay under 126 bytes; longer ones use 16 bits.
        frame.push_back(char(0x80 | 126));
        frame.push_back(char((payload.size() >> 8) & 0xFF));
        frame.push_back(char(payload.size() & 0xFF));
    }
    const uint32_t mask = uint32_t(rng()());
    const char key[4] = {char(mask), char(mask >> 8), char(mask >> 16), char(mask >> 24)};
    frame.append(key, 4);
    for (size_t i = 0; i < payload.size(); ++i)
        frame.push_back(char(payload[i] ^ key[i % 4]));
    return frame;
}

std::string closePayload(uint16_t code, std::string_view reason) {
    std::string payload;
    payload.push_back(char(code >> 8));
    payload.push_back(char(code & 0xFF));
    payload.append(reason.substr(0, 120));
    return payload;
}

} // namespace bench::ws
