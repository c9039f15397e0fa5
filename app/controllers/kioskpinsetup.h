#pragma once

#include <QString>

class QIODevice;
class QTextStream;

// `qingshui --set-kiosk-pin`: reads a 4–8 digit PIN twice from the input and stores its
// Argon2id hash in the kiosk config. Returns the process exit code (0 stored, 1 refused).
namespace KioskPinSetup {
int run(const QString &configPath, QIODevice &input, QTextStream &messages);
// The same on stdin/stderr; echo turned off when stdin is a terminal.
int runOnStdin(const QString &configPath);
} // namespace KioskPinSetup
