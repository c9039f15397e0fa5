#pragma once

#include "authenticator.h"
#include "refusalstatus.h"

#include <grpcpp/server_context.h>
#include <grpcpp/support/proto_buffer_reader.h>
#include <grpcpp/support/server_callback.h>

#include <string>

// Answers a unary call that arrived as raw bytes: authenticates the caller (unless
// `authenticator` is null), parses the request itself — so that bytes which are no valid
// message get a clear INVALID_ARGUMENT instead of gRPC's bare INTERNAL — runs the handler
// and serialises its answer.
template<typename Request, typename Response, typename Handler>
grpc::ServerUnaryReactor *
answerRaw(grpc::CallbackServerContext *context, const grpc::ByteBuffer *rawRequest,
          grpc::ByteBuffer *rawResponse, const Authenticator *authenticator, Handler handle)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    Caller caller;
    if (authenticator) {
        if (grpc::Status status = authenticator->authenticate(*context, &caller); !status.ok()) {
            reactor->Finish(status);
            return reactor;
        }
    }
    Request request;
    grpc::ByteBuffer copy(*rawRequest);
    grpc::ProtoBufferReader reader(&copy);
    if (!request.ParseFromZeroCopyStream(&reader)) {
        reactor->Finish(refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_malformed",
                               "the request is not a valid " + Request::descriptor()->full_name(),
                               {Request::descriptor()->full_name()}));
        return reactor;
    }
    Response response;
    grpc::Status status = handle(caller, request, &response);
    if (status.ok()) {
        bool ownBuffer = false;
        status = grpc::SerializationTraits<Response>::Serialize(response, rawResponse, &ownBuffer);
    }
    reactor->Finish(status);
    return reactor;
}
