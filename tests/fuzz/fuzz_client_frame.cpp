// The first-frame/command parser: any text, before and after login.
#include "net/ClientFrame.h"

#include <cstddef>
#include <cstdint>

using gistack::ClientFrame;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const bool authenticated : {false, true}) {
        const ClientFrame frame = ClientFrame::parse(text, authenticated);
        // A token is only taken before login, and is never empty; everything else closes with a code.
        if (frame.kind == ClientFrame::Kind::Token && (authenticated || frame.token.isEmpty()))
            __builtin_trap();
        if (frame.kind != ClientFrame::Kind::Token &&
            (frame.closeCode() == 0 || frame.closeReason().isEmpty()))
            __builtin_trap();
    }
    return 0;
}
