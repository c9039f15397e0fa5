#pragma once

#include "refusalstatus.h"
#include "workerpool.h"

#include <grpcpp/server_context.h>
#include <grpcpp/support/proto_buffer_reader.h>
#include <grpcpp/support/server_callback.h>

#include <memory>
#include <string>

// Answers an unauthenticated unary call that arrived as raw bytes on one of `workers`' threads
// (Login, Enrol: their Argon2id check), as answerRaw does on gRPC's own: the request parsed
// here (bytes that are no valid message get INVALID_ARGUMENT), the handler run on a worker,
// its answer serialised there. When no worker or place in the queue is free the call is
// refused at once: RESOURCE_EXHAUSTED, server_busy, with the seconds after which to try again.
template<typename Request, typename Response, typename Handler>
grpc::ServerUnaryReactor *answerQueued(WorkerPool &workers, grpc::CallbackServerContext *context,
                                       const grpc::ByteBuffer *rawRequest,
                                       grpc::ByteBuffer *rawResponse, Handler handle)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    auto request = std::make_shared<Request>();
    grpc::ByteBuffer copy(*rawRequest);
    grpc::ProtoBufferReader reader(&copy);
    if (!request->ParseFromZeroCopyStream(&reader)) {
        reactor->Finish(refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_malformed",
                               "the request is not a valid " + Request::descriptor()->full_name(),
                               {Request::descriptor()->full_name()}));
        return reactor;
    }
    // The response buffer and the reactor live until Finish, which the worker calls.
    const bool queued = workers.tryRun([reactor, rawResponse, request, handle]() mutable {
        Response response;
        grpc::Status status = handle(*request, &response);
        if (status.ok()) {
            bool ownBuffer = false;
            status
                = grpc::SerializationTraits<Response>::Serialize(response, rawResponse, &ownBuffer);
        }
        reactor->Finish(status);
    });
    if (!queued)
        reactor->Finish(refuse(grpc::StatusCode::RESOURCE_EXHAUSTED, "server_busy",
                               "the server is checking too many passwords at once: try again "
                               "in a moment",
                               {std::to_string(kBusyRetryAfterSeconds)}));
    return reactor;
}
