#pragma once

#include <QString>
#include <QStringList>

namespace grpc {
class Status;
}

// Why the server refused a call, as it sent it: qingshui.v1.Refusal in the gRPC status's
// details, beside an English message meant for logs. The code is a stable lower_snake_case
// name and the args are what its wording needs, in the order docs/sync.md documents for it
// ("Refusal codes"). RefusalText (app/controllers) words it in the user's language.
struct Refusal {
    QString code; // empty: the status carried none (a local failure, or an older server)
    QStringList args;

    bool isEmpty() const { return code.isEmpty(); }
    bool operator==(const Refusal &other) const { return code == other.code && args == other.args; }
    bool operator!=(const Refusal &other) const { return !(*this == other); }

    // The refusal in a failed status's details; empty when it carries none (or garbage).
    static Refusal fromStatus(const grpc::Status &status);
};
