#include "refusalstatus.h"

#include "qingshui/v1/common.pb.h"

grpc::Status RefusalReason::toStatus() const
{
    qingshui::v1::Refusal refusal;
    refusal.set_code(code);
    for (const std::string &arg : args)
        refusal.add_args(arg);
    return grpc::Status(status, message, refusal.SerializeAsString());
}

grpc::Status refuse(grpc::StatusCode status, std::string code, std::string message,
                    std::vector<std::string> args)
{
    return RefusalReason {status, std::move(code), std::move(args), std::move(message)}.toStatus();
}
