#include "enrolfrominput.h"

#include "accountroletext.h"
#include "joinserver.h"
#include "refusaltext.h"
#include "storage/database.h"
#include "syncerrortext.h"
#include "syncreport.h"

#include <QFile>
#include <QSysInfo>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace {

QString readLine(QIODevice &input)
{
    return QString::fromUtf8(input.readLine()).trimmed();
}

} // namespace

int EnrolFromInput::run(const QString &databasePath, QIODevice &input, QTextStream &out,
                        QTextStream &err, const std::function<void(bool)> &echoOff)
{
    err << tr("连接码：") << Qt::flush;
    const QString text = readLine(input);
    err << "\n";
    EnrolmentCode::ParseError why = EnrolmentCode::ParseError::None;
    const std::optional<EnrolmentCode> code = EnrolmentCode::parse(text, &why);
    if (!code) {
        err << tr("qingshui: %1；未做任何更改").arg(RefusalText::describe(why)) << Qt::endl;
        return kFailed;
    }
    err << tr("账号 %1，服务器 %2").arg(code->username, code->address) << "\n";
    err << tr("密码：") << Qt::flush;
    if (echoOff)
        echoOff(true);
    const QString password = readLine(input);
    if (echoOff)
        echoOff(false);
    err << "\n";
    if (password.isEmpty()) {
        err << tr("qingshui: 没有输入密码；未做任何更改") << Qt::endl;
        return kFailed;
    }
    Database db;
    if (!db.open(databasePath)) {
        err << tr("qingshui: 无法打开数据文件：%1").arg(db.error()) << Qt::endl;
        return kFailed;
    }
    const JoinOutcome outcome
        = joinWithCode(db.connection(), *code, password, QSysInfo::machineHostName());
    if (outcome.heldForOtherServer) {
        const PendingWork &w = outcome.pending;
        err << tr("qingshui: 本机还有 %1 条记录、%2 条审核决定、%3 张照片等待发送到原服务器 %4，"
                  "不能连接另一台服务器；未做任何更改")
                   .arg(w.records)
                   .arg(w.decisions)
                   .arg(w.photos)
                   .arg(outcome.otherServer)
            << Qt::endl;
        return kFailed;
    }
    if (outcome.heldForOtherAccount) {
        err << tr("qingshui: %1；未做任何更改")
                   .arg(SyncErrorText::describe(QLatin1String(SyncErrorCode::kWorkOfAnotherAccount),
                                                {outcome.otherAccount,
                                                 QString::number(outcome.pending.records),
                                                 QString::number(outcome.pending.decisions)},
                                                outcome.result.detail))
            << Qt::endl;
        return kFailed;
    }
    if (!outcome.ok()) {
        err << tr("qingshui: %1；未做任何更改").arg(RefusalText::describe(outcome.result))
            << Qt::endl;
        return kFailed;
    }
    out << tr("已连接服务器 %1：账号 %2（%3）")
               .arg(code->address, outcome.account.username,
                    AccountRoleText::describe(outcome.account.role))
        << Qt::endl;
    return kEnrolled;
}

int EnrolFromInput::runOnStdin(const QString &databasePath)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        std::fprintf(stderr, "qingshui: cannot read stdin\n");
        return kFailed;
    }
    QTextStream out(stdout);
    QTextStream err(stderr);
#ifdef Q_OS_UNIX
    // Keeps a typed password off the screen.
    termios saved {};
    const bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    const auto echoOff = [terminal, saved](bool off) {
        if (!terminal)
            return;
        termios mode = saved;
        if (off)
            mode.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &mode);
    };
    return run(databasePath, in, out, err, echoOff);
#else
    return run(databasePath, in, out, err);
#endif
}
