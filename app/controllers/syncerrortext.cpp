#include "syncerrortext.h"

#include "refusal.h"
#include "refusaltext.h"
#include "syncreport.h"

QString SyncErrorText::describe(const QString &code, const QStringList &args, const QString &detail)
{
    if (code.isEmpty())
        return detail.isEmpty() ? QString() : detail;
    if (code == QLatin1String(SyncErrorCode::kNoServer))
        return tr("未连接服务器");
    if (code == QLatin1String(SyncErrorCode::kNotLoggedIn))
        return tr("未登录或登录已失效，请重新登录");
    if (code == QLatin1String(SyncErrorCode::kUnreachable))
        return tr("无法连接服务器（网络不通或服务器未运行）");
    if (code == QLatin1String(SyncErrorCode::kLocalStore))
        return tr("本机数据库出错：%1").arg(args.value(0));
    if (code == QLatin1String(SyncErrorCode::kPhotosFailed))
        return tr("%n 张照片未能发送，下次同步时重试", nullptr, args.value(0).toInt());
    if (code == QLatin1String(SyncErrorCode::kTimeout))
        return tr("服务器响应超时，稍后重试");
    if (code == QLatin1String(SyncErrorCode::kServerFailed))
        return tr("同步失败（gRPC %1）：%2").arg(args.value(0), args.value(1));
    if (code == QLatin1String(SyncErrorCode::kPartialAck))
        return tr("服务器只确认了 %1/%2 条，其余下次同步时重发").arg(args.value(0), args.value(1));
    if (code == QLatin1String(SyncErrorCode::kBadCatalogue))
        return tr("服务器下发的检查表无效：%1").arg(args.value(0));
    if (code == QLatin1String(SyncErrorCode::kLoginNotStored))
        return tr("本机数据库出错：无法保存登录信息");
    if (code == QLatin1String(SyncErrorCode::kWorkOfAnotherAccount))
        return tr("本机还有账号 %1 的 %2 条记录、%3 条审核决定等待发送，只能以 %1 的名义发送："
                  "请先以 %1 登录并同步，再换账号。它们不会被删除。")
            .arg(args.value(0), args.value(1), args.value(2));
    Refusal refusal;
    refusal.code = code;
    refusal.args = args;
    return RefusalText::describe(refusal);
}
