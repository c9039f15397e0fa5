#pragma once

#include <QStringList>

// qingshui-bench logins [--postgres [URL]] [SERVER OPTIONS]: 200 parallel Login calls, each on its
// own connection, against a real qingshui-server: how many got in and how many were refused as
// busy, the time to an answer, and the server's peak resident memory (VmHWM) afterwards.
// The options go to the server (e.g. --login-workers 8: what more checks at once cost).
int runLoginBench(const QStringList &arguments);
