#pragma once

#include <grpcpp/support/status.h>

#include <string>
#include <vector>

// Every refusal the server sends names why as a stable code with its args (qingshui.v1.Refusal,
// serialized into the status's details; docs/sync.md "Refusal codes" lists them), beside an
// English message for logs. The app words the code in the user's language.
grpc::Status refuse(grpc::StatusCode status, std::string code, std::string message,
                    std::vector<std::string> args = {});
