#pragma once

#include <QCoreApplication>
#include <QString>

class QIODevice;
class QTextStream;

// `qingshui --enrol`: joins a server with an invite's code and the account's password read
// from the input, one line each (a kiosk has no keyboard and its screen no text fields, so
// a kiosk box is set up over ssh). The same path as the 连接服务器 page (joinWithCode); the
// outcome in the user's language. Nothing on the device changes on failure.
class EnrolFromInput {
    Q_DECLARE_TR_FUNCTIONS(EnrolFromInput)
public:
    static constexpr int kEnrolled = 0;
    static constexpr int kFailed = 1;

    // prompts: write "Code:"/"Password:" prompts to err (a terminal); echoOff: called around
    // the password line.
    static int run(const QString &databasePath, QIODevice &input, QTextStream &out,
                   QTextStream &err, const std::function<void(bool)> &echoOff = {});
    // The same on stdin/stdout/stderr; the password is not echoed on a terminal.
    static int runOnStdin(const QString &databasePath);
};
