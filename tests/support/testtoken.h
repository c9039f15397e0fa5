#pragma once

#include "serverprocess.h"

#include "qingshui/v1/auth.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QByteArray>
#include <QString>

// A bearer token for a test account (ServerProcess::addUser), from the real Login RPC, for
// tests that call the services through their stubs rather than through a device store.
inline bool logInForToken(const std::shared_ptr<grpc::Channel> &channel, const QString &username,
                          const std::string &deviceId, QByteArray *token, QString *error)
{
    auto stub = qingshui::v1::Auth::NewStub(channel);
    qingshui::v1::LoginRequest request;
    request.set_username(username.toStdString());
    request.set_password(ServerProcess::kPassword);
    request.set_device_id(deviceId);
    request.set_device_name("test");
    qingshui::v1::LoginResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    const grpc::Status status = stub->Login(&context, request, &response);
    if (!status.ok()) {
        *error = QString::fromStdString(status.error_message());
        return false;
    }
    *token = QByteArray::fromStdString(response.token());
    return true;
}
