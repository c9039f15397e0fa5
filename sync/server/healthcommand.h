#pragma once

#include <QStringList>

// `qingshui-server health --address HOST:PORT [--tls-ca PEM [--tls-name NAME]]
// [--service NAME]`: asks a running server's health service (grpc.health.v1.Health/Check)
// once, as a load balancer's external check, a keepalived script or a container's health
// check would. Prints the answer; exit code 0 SERVING, 1 NOT_SERVING (or no such service),
// 2 wrong usage, 3 the server did not answer.
int runHealthCommand(const QStringList &arguments);
