#pragma once

#include <QString>
#include <memory>

namespace grpc {
class Status;
}

namespace qingshui::v1 {
class PushRequest;
class PushResponse;
class PullRequest;
class PullResponse;
} // namespace qingshui::v1

// The gRPC channel to qingshui-server. Calls block (run them off the UI thread) and end
// by a deadline; failures come back as a readable message, never silently.
//
// Pull reads ahead: when a page says more follow, the next page is asked for at once, on a
// thread of its own, while the caller stores this one. It is handed out only to a request
// identical to the one read ahead; anything else is asked for afresh.
class SyncTransport {
public:
    explicit SyncTransport(const QString &serverAddress, int deadlineMs = 10000);
    ~SyncTransport();

    bool push(const qingshui::v1::PushRequest &request, qingshui::v1::PushResponse *response);
    bool pull(const qingshui::v1::PullRequest &request, qingshui::v1::PullResponse *response);

    QString lastError() const { return m_error; }
    // The last failed call never reached a server that answered (refused, unroutable, no
    // connection before the deadline): the device is offline rather than refused.
    bool lastFailureUnreachable() const { return m_unreachable; }

    static constexpr int kMaxMessageBytes = 64 * 1024 * 1024;

private:
    struct Channel;
    struct ReadAhead;
    void readAheadAfter(const qingshui::v1::PullRequest &request,
                        const qingshui::v1::PullResponse &response);
    bool failed(const grpc::Status &status);

    std::unique_ptr<Channel> m_channel;
    int m_deadlineMs;
    QString m_error;
    bool m_unreachable = false;
    std::unique_ptr<ReadAhead> m_readAhead; // declared last: joined before the channel goes
};
