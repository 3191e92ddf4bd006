// The bytes a browser sends on a WebSocket the server frames itself: the opening handshake,
// then frames fed in two pieces (the first input byte chooses where the cut falls).
#include "net/FrameDecoder.h"
#include "net/UpgradeRequest.h"

#include <cstddef>
#include <cstdint>

using gistack::FrameDecoder;
using gistack::UpgradeRequest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const UpgradeRequest request = UpgradeRequest::parse(bytes);
    if (request.headLength > bytes.size())
        __builtin_trap();
    if (request.verdict == UpgradeRequest::Verdict::Upgrade &&
        (request.key.size() != 24 || !request.target.startsWith('/')))
        __builtin_trap();
    (void)request.token();

    if (size == 0)
        return 0;
    constexpr qint64 limit = 4096;
    FrameDecoder decoder(limit);
    bool ended = false;
    const auto sink = [&ended](FrameDecoder::Event &&event) {
        using Kind = FrameDecoder::Event::Kind;
        if (ended) // nothing may follow an error or a close
            __builtin_trap();
        if ((event.kind == Kind::Text || event.kind == Kind::Binary) && event.payload.size() > limit)
            __builtin_trap();
        if ((event.kind == Kind::Ping || event.kind == Kind::Pong) && event.payload.size() > 125)
            __builtin_trap();
        ended = event.kind == Kind::Error || event.kind == Kind::Close;
    };
    const QByteArrayView frames = bytes.sliced(1);
    const qsizetype cut = qMin(qsizetype(data[0]), frames.size());
    decoder.feed(frames.first(cut), sink);
    decoder.feed(frames.sliced(cut), sink);
    return 0;
}
