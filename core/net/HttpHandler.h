#pragma once

#include "HttpReply.h"
#include "HttpRequest.h"

namespace gistack {

// What the transport hands requests to. Returns false when it has no route for the request.
class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    virtual bool handle(const HttpRequest &request, HttpReply reply) = 0;
};

} // namespace gistack
