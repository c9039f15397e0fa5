#pragma once

#include <QString>
#include <memory>

namespace qingshui::v1 {
class PushRequest;
class PushResponse;
class PullRequest;
class PullResponse;
} // namespace qingshui::v1

// The gRPC channel to qingshui-server. Calls block (run them off the UI thread) and end
// by a deadline; failures come back as a readable message, never silently.
class SyncTransport {
public:
    explicit SyncTransport(const QString &serverAddress, int deadlineMs = 10000);
    ~SyncTransport();

    bool push(const qingshui::v1::PushRequest &request, qingshui::v1::PushResponse *response);
    bool pull(const qingshui::v1::PullRequest &request, qingshui::v1::PullResponse *response);

    QString lastError() const { return m_error; }

private:
    struct Channel;
    std::unique_ptr<Channel> m_channel;
    int m_deadlineMs;
    QString m_error;
};
