#pragma once

#include "refusalstatus.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/proto_buffer_reader.h>
#include <grpcpp/support/proto_buffer_writer.h>

// Messages of the streaming calls arrive and leave as raw bytes, parsed here: bytes that are
// no valid message get a clear INVALID_ARGUMENT naming its type, not gRPC's bare INTERNAL.
template<typename Message> grpc::Status parseRaw(grpc::ByteBuffer *raw, Message *out)
{
    grpc::ProtoBufferReader reader(raw);
    if (!out->ParseFromZeroCopyStream(&reader))
        return refuse(grpc::StatusCode::INVALID_ARGUMENT, "request_malformed",
                      "the request is not a valid " + Message::descriptor()->full_name(),
                      {Message::descriptor()->full_name()});
    return grpc::Status::OK;
}

// Into an empty buffer: gRPC's writer refuses one that still holds the last message.
template<typename Message> void serializeRaw(const Message &message, grpc::ByteBuffer *out)
{
    out->Clear();
    bool ownBuffer = false;
    grpc::SerializationTraits<Message>::Serialize(message, out, &ownBuffer);
}
