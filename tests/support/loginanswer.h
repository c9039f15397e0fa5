#pragma once

#include "synctransport.h"

#include "qingshui/v1/auth.pb.h"

#include <QString>
#include <string>

// One Auth.Login call as the app makes it (SyncTransport), and what the server answered.
struct LoginAnswer {
    bool ok = false;
    int status = 0; // gRPC status code
    QString message; // the transport's text for logs: the status and the server's message
    Refusal refusal;
    std::string token;
    int busyRetries = 0; // tries again after server_busy
};

// busyRetries: how often the transport may try again while the server says server_busy
// (the app's default, or 0 to see the server's first answer).
inline LoginAnswer logIn(const QString &address, const QString &user, const QString &password,
                         const QString &deviceId,
                         int busyRetries = SyncTransport::kDefaultBusyRetries)
{
    SyncTransport transport(address);
    transport.setBusyRetries(busyRetries);
    qingshui::v1::LoginRequest request;
    request.set_username(user.toStdString());
    request.set_password(password.toStdString());
    request.set_device_id(deviceId.toStdString());
    request.set_device_name("测试平板");
    qingshui::v1::LoginResponse response;
    LoginAnswer answer;
    answer.ok = transport.login(request, &response);
    answer.status = transport.lastCode();
    answer.message = transport.lastError();
    answer.refusal = transport.lastRefusal();
    answer.token = response.token();
    answer.busyRetries = transport.busyRetries();
    return answer;
}
