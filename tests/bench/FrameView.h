#pragma once

#include <string_view>

namespace bench {

// The five fields of a server frame, read by position: PROTOCOL.md fixes the envelope as
// {"id":"..","userId":[".."],"createTime":"yyyy-MM-dd HH:mm:ss","type":"..","msg":..}
// in this key order, and a delivered frame names exactly one user. Reading by position is
// both the exact-envelope check and cheap enough that the generator is not the bottleneck.
struct FrameView {
    std::string_view id;
    std::string_view userId;
    std::string_view createTime;
    std::string_view type;
    std::string_view msg; // raw JSON

    // False when the frame is not exactly that layout (extra keys, several users, bad time...).
    static bool parse(std::string_view frame, FrameView *out);
};

} // namespace bench
