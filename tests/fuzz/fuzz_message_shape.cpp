// The message-shape checker (MessageCatalogue::validate) against any JSON value, for every
// one of the 18 types.
#include "protocol/MessageCatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace gistack;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // Wrapped in [] so that scalars parse too.
    const QByteArray json = '[' + QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)) + ']';
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isArray() || doc.array().isEmpty())
        return 0;
    const QJsonValue msg = doc.array().first();
    for (const MessageTypeInfo &info : MessageCatalogue::all()) {
        const QString error = MessageCatalogue::validate(info.type, msg);
        if (!error.isEmpty())
            continue;
        // An accepted msg is accepted again after the round trip the server gives it.
        const QByteArray again = QJsonDocument(QJsonArray{msg}).toJson(QJsonDocument::Compact);
        if (!MessageCatalogue::validate(info.type, QJsonDocument::fromJson(again).array().first()).isEmpty())
            __builtin_trap();
    }
    return 0;
}
