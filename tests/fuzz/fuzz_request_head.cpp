// The raw HTTP head peeker that refuses oversized bodies before QtHttpServer buffers them.
#include "net/RequestHead.h"

#include <cstddef>
#include <cstdint>

using gistack::RequestHead;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const RequestHead head =
        RequestHead::parse(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if ((head.complete && !head.isRequest) || head.contentLength < -1)
        __builtin_trap();
    return 0;
}
