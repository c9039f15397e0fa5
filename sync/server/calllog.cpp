#include "calllog.h"

#include "callidentities.h"
#include "linewriter.h"
#include "qingshui/v1/common.pb.h"

#include <grpcpp/server_context.h>

#include <QDateTime>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iterator>

namespace {

const char *statusName(grpc::StatusCode code)
{
    static const char *const names[] = {"OK",
                                        "CANCELLED",
                                        "UNKNOWN",
                                        "INVALID_ARGUMENT",
                                        "DEADLINE_EXCEEDED",
                                        "NOT_FOUND",
                                        "ALREADY_EXISTS",
                                        "PERMISSION_DENIED",
                                        "RESOURCE_EXHAUSTED",
                                        "FAILED_PRECONDITION",
                                        "ABORTED",
                                        "OUT_OF_RANGE",
                                        "UNIMPLEMENTED",
                                        "INTERNAL",
                                        "UNAVAILABLE",
                                        "DATA_LOSS",
                                        "UNAUTHENTICATED"};
    const int i = static_cast<int>(code);
    return i >= 0 && i < int(std::size(names)) ? names[i] : "UNKNOWN";
}

// `text` as a JSON string, quotes included.
std::string quoted(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + '"';
}

class CallLogInterceptor : public grpc::experimental::Interceptor {
public:
    CallLogInterceptor(grpc::experimental::ServerRpcInfo *info, CallIdentities &identities,
                       LineWriter &out)
        : m_method(info->method())
        , m_context(info->server_context())
        , m_identities(identities)
        , m_out(out)
    {
    }

    ~CallLogInterceptor() override
    {
        // A call that ends without a status (the client went away) is logged as cancelled.
        if (!m_logged)
            log(grpc::Status::CANCELLED);
    }

    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        using Hook = grpc::experimental::InterceptionHookPoints;
        if (m_peer.empty()) // read while the call is whole; at its end it may not be
            m_peer = m_context->peer();
        if (methods->QueryInterceptionHookPoint(Hook::PRE_SEND_STATUS))
            log(methods->GetSendStatus());
        methods->Proceed();
    }

private:
    void log(const grpc::Status &status)
    {
        m_logged = true;
        const CallIdentities::Identity who = m_identities.take(m_context);
        const double ms
            = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start)
                  .count();
        char msText[32];
        std::snprintf(msText, sizeof msText, "%.1f", ms);
        std::string line = "{\"time\":"
            + quoted(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString())
            + ",\"method\":" + quoted(m_method)
            + ",\"status\":" + quoted(statusName(status.error_code())) + ",\"ms\":" + msText
            + ",\"account\":" + quoted(who.account.toStdString())
            + ",\"device\":" + quoted(who.device.toStdString()) + ",\"peer\":" + quoted(m_peer);
        qingshui::v1::Refusal refusal;
        if (!status.error_details().empty() && refusal.ParseFromString(status.error_details())
            && !refusal.code().empty())
            line += ",\"refusal\":" + quoted(refusal.code());
        m_out.write(line + '}');
    }

    const std::string m_method;
    grpc::ServerContextBase *const m_context; // a key only once the call is over
    std::string m_peer;
    CallIdentities &m_identities;
    LineWriter &m_out;
    const std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    bool m_logged = false;
};

} // namespace

grpc::experimental::Interceptor *
CallLogFactory::CreateServerInterceptor(grpc::experimental::ServerRpcInfo *info)
{
    static constexpr char health[] = "/grpc.health.v1.Health/";
    if (std::strncmp(info->method(), health, sizeof health - 1) == 0)
        return nullptr;
    return new CallLogInterceptor(info, m_identities, m_out);
}
