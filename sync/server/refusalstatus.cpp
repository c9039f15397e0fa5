#include "refusalstatus.h"

#include "qingshui/v1/common.pb.h"

grpc::Status refuse(grpc::StatusCode status, std::string code, std::string message,
                    std::vector<std::string> args)
{
    qingshui::v1::Refusal refusal;
    refusal.set_code(std::move(code));
    for (std::string &arg : args)
        refusal.add_args(std::move(arg));
    return grpc::Status(status, std::move(message), refusal.SerializeAsString());
}
