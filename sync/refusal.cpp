#include "refusal.h"

#include "qingshui/v1/common.pb.h"

#include <grpcpp/support/status.h>

Refusal Refusal::fromStatus(const grpc::Status &status)
{
    qingshui::v1::Refusal message;
    if (status.ok() || status.error_details().empty()
        || !message.ParseFromString(status.error_details()))
        return {};
    Refusal refusal;
    refusal.code = QString::fromStdString(message.code());
    for (const std::string &arg : message.args())
        refusal.args << QString::fromStdString(arg);
    return refusal;
}
