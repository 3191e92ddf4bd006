#include "FrameView.h"

namespace bench {

namespace {

// Reads `literal` then a JSON string without escapes up to the closing quote.
bool take(std::string_view &rest, std::string_view literal, std::string_view *value) {
    if (rest.substr(0, literal.size()) != literal)
        return false;
    rest.remove_prefix(literal.size());
    const size_t end = rest.find('"');
    if (end == std::string_view::npos)
        return false;
    *value = rest.substr(0, end);
    if (value->find('\\') != std::string_view::npos)
        return false; // benchmark ids and names never need escapes
    rest.remove_prefix(end + 1);
    return true;
}

bool isTimestamp(std::string_view t) {
    static constexpr std::string_view pattern = "dddd-dd-dd dd:dd:dd";
    if (t.size() != pattern.size())
        return false;
    for (size_t i = 0; i < t.size(); ++i) {
        if (pattern[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != pattern[i])
            return false;
    }
    return true;
}

} // namespace

bool FrameView::parse(std::string_view frame, FrameView *out) {
    std::string_view rest = frame;
    if (!take(rest, "{\"id\":\"", &out->id) || out->id.empty() ||
        !take(rest, ",\"userId\":[\"", &out->userId) ||
        !take(rest, "],\"createTime\":\"", &out->createTime) || !isTimestamp(out->createTime) ||
        !take(rest, ",\"type\":\"", &out->type))
        return false;
    if (rest.substr(0, 7) != ",\"msg\":" || rest.size() < 9 || rest.back() != '}')
        return false;
    out->msg = rest.substr(7, rest.size() - 8);
    return true;
}

} // namespace bench
