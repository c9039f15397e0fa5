#pragma once

#include <QString>

// A cheap check that the server's address answers at all: a TCP connect, then hang up.
// Blocking (up to timeoutMs); the sync thread runs it while the device is offline and the
// system tells nothing about the network.
bool serverAnswersTcp(const QString &serverAddress, int timeoutMs);

// HOST:PORT as gRPC takes it ("127.0.0.1:50051", "[::1]:50051", "dns:///example.org:443")
// split into its parts; false when it is not one.
bool splitServerAddress(const QString &serverAddress, QString *host, quint16 *port);
