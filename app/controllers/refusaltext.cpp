#include "refusaltext.h"

#include "deviceenrolment.h"

#include <QDateTime>
#include <QLocale>

namespace {

// How an argument is shown: as sent, as a local date and time (ms since the epoch), as a
// size in bytes, or a shortened id (a UUID or SHA-256 means nothing to a reader whole).
enum class Arg { Text, Time, Bytes, Id };

struct Wording {
    const char *code;
    const char *text; // Chinese source; %1, %2 … the args in the documented order
    std::initializer_list<Arg> args;
};

// Every code docs/sync.md documents, in its order.
const Wording kWordings[] = {
    // Tokens: every call but Login, Enrol and ServerInfo.
    {"token_missing", QT_TRANSLATE_NOOP("RefusalText", "尚未登录，请先登录"), {}},
    {"token_unknown", QT_TRANSLATE_NOOP("RefusalText", "服务器不认识此登录，请重新登录"), {}},
    {"token_expired", QT_TRANSLATE_NOOP("RefusalText", "登录已过期，请重新登录"), {}},
    {"token_revoked",
     QT_TRANSLATE_NOOP("RefusalText", "此登录已失效（本设备上有了新的登录），请重新登录"),
     {}},
    {"device_revoked", QT_TRANSLATE_NOOP("RefusalText", "此设备已被管理员停用，请联系管理员"), {}},
    {"device_reassigned",
     QT_TRANSLATE_NOOP("RefusalText",
                       "管理员已把此设备转交给另一个账号，此账号在本设备上的登录已结束"),
     {}},
    {"account_disabled", QT_TRANSLATE_NOOP("RefusalText", "此账号已被停用，请联系管理员"), {}},
    // Login and Enrol.
    {"wrong_credentials", QT_TRANSLATE_NOOP("RefusalText", "用户名或密码错误"), {}},
    {"wrong_password", QT_TRANSLATE_NOOP("RefusalText", "密码错误"), {}},
    {"enrol_throttled",
     QT_TRANSLATE_NOOP("RefusalText", "尝试次数过多，请 %1 分钟后再试"),
     {Arg::Text}},
    {"login_throttled",
     QT_TRANSLATE_NOOP("RefusalText", "此账号或此网络的登录失败次数过多，请 %1 分钟后再试"),
     {Arg::Text}},
    {"server_busy",
     QT_TRANSLATE_NOOP("RefusalText", "服务器正忙（同时登录的设备过多），请稍后再试"),
     {}},
    {"device_not_enrolled",
     QT_TRANSLATE_NOOP("RefusalText",
                       "此设备未用连接码加入此账号，不能直接登录：请向管理员索取连接码"),
     {}},
    {"device_of_another_account",
     QT_TRANSLATE_NOOP(
         "RefusalText",
         "此设备已登记在另一个账号名下，不能用此账号登录：设备换人使用须由管理员转交"),
     {}},
    {"invite_unknown",
     QT_TRANSLATE_NOOP("RefusalText", "服务器上没有这个连接码（或它属于另一个账号），请核对"),
     {}},
    {"invite_expired",
     QT_TRANSLATE_NOOP("RefusalText", "连接码已于 %1 过期，请向管理员索取新的连接码"),
     {Arg::Time}},
    {"invite_used",
     QT_TRANSLATE_NOOP("RefusalText", "连接码已于 %1 被另一台设备使用，请向管理员索取新的连接码"),
     {Arg::Time}},
    {"invite_revoked",
     QT_TRANSLATE_NOOP("RefusalText", "连接码已于 %1 被管理员作废，请向管理员索取新的连接码"),
     {Arg::Time}},
    // Requests of every service.
    {"request_malformed",
     QT_TRANSLATE_NOOP("RefusalText", "服务器无法读取请求（%1），请更新应用"),
     {Arg::Text}},
    {"request_invalid",
     QT_TRANSLATE_NOOP("RefusalText", "服务器拒绝了数据：字段 %1 的值不合规"),
     {Arg::Text}},
    {"server_error", QT_TRANSLATE_NOOP("RefusalText", "服务器内部错误，请稍后再试"), {}},
    // Sync.Push.
    {"kiosk_read_only", QT_TRANSLATE_NOOP("RefusalText", "展示屏只能接收数据，不能上传"), {}},
    {"device_mismatch",
     QT_TRANSLATE_NOOP("RefusalText", "登录属于另一台设备，请在本设备上重新登录"),
     {}},
    {"history_changed",
     QT_TRANSLATE_NOOP("RefusalText", "服务器的数据已恢复为较早的副本，本设备将重新同步"),
     {}},
    {"batch_too_large",
     QT_TRANSLATE_NOOP("RefusalText", "一次上传的条目过多（最多 %1 条）"),
     {Arg::Text}},
    {"role_cannot_write", QT_TRANSLATE_NOOP("RefusalText", "此账号不能提交或修改记录内容"), {}},
    {"role_cannot_review", QT_TRANSLATE_NOOP("RefusalText", "此账号不能审核记录"), {}},
    {"village_outside_scope",
     QT_TRANSLATE_NOOP("RefusalText", "村 %1 不在此账号的辖区内"),
     {Arg::Text}},
    {"record_outside_scope",
     QT_TRANSLATE_NOOP("RefusalText", "记录 %1 不在此账号的辖区内"),
     {Arg::Id}},
    {"record_unknown", QT_TRANSLATE_NOOP("RefusalText", "服务器上没有记录 %1"), {Arg::Id}},
    {"revision_unknown",
     QT_TRANSLATE_NOOP("RefusalText", "服务器上没有记录 %1 的第 %2 号版本"),
     {Arg::Id, Arg::Text}},
    {"revision_outside_scope",
     QT_TRANSLATE_NOOP("RefusalText", "记录 %1 的第 %2 号版本不在此账号的辖区内，不能审核"),
     {Arg::Id, Arg::Text}},
    {"publish_not_approved",
     QT_TRANSLATE_NOOP("RefusalText", "记录 %1 的第 %2 号版本尚未通过审核，不能发布"),
     {Arg::Id, Arg::Text}},
    {"publish_photo_not_in_revision",
     QT_TRANSLATE_NOOP("RefusalText", "照片 %1 不属于第 %2 号版本，不能发布"),
     {Arg::Id, Arg::Text}},
    {"publish_photo_not_on_server",
     QT_TRANSLATE_NOOP("RefusalText", "照片 %1 尚未上传到服务器，待巡查平板同步后才能发布"),
     {Arg::Id}},
    {"publish_photo_unusable",
     QT_TRANSLATE_NOOP("RefusalText", "照片 %1 无法生成公开版本，不能发布"),
     {Arg::Id}},
    {"publish_template_unknown",
     QT_TRANSLATE_NOOP("RefusalText", "服务器没有表单 %1 的第 %2 版，不能发布"),
     {Arg::Text, Arg::Text}},
    // The ledger (docs/sync.md, "The ledger").
    {"problem_event_invalid",
     QT_TRANSLATE_NOOP("RefusalText", "问题记录缺少字段 %1 或其值不合规"),
     {Arg::Text}},
    {"role_cannot_act",
     QT_TRANSLATE_NOOP("RefusalText", "此账号不能对问题执行此操作（%1）"),
     {Arg::Text}},
    {"problem_exists", QT_TRANSLATE_NOOP("RefusalText", "服务器上已有问题 %1"), {Arg::Id}},
    {"problem_unknown", QT_TRANSLATE_NOOP("RefusalText", "服务器上没有问题 %1"), {Arg::Id}},
    {"problem_outside_scope",
     QT_TRANSLATE_NOOP("RefusalText", "问题 %1（村 %2）不在此账号的辖区内"),
     {Arg::Id, Arg::Text}},
    {"problem_closed",
     QT_TRANSLATE_NOOP("RefusalText", "问题 %1 已于 %2 销号，不能再更改"),
     {Arg::Id, Arg::Time}},
    {"problem_wrong_state",
     QT_TRANSLATE_NOOP("RefusalText", "问题 %1 当前状态（%2）下不能执行此操作（%3）"),
     {Arg::Id, Arg::Text, Arg::Text}},
    {"problem_not_rechecked",
     QT_TRANSLATE_NOOP("RefusalText", "问题 %1 尚未复查通过，不能销号"),
     {Arg::Id}},
    {"deadline_in_past",
     QT_TRANSLATE_NOOP("RefusalText", "整改期限 %1 已过（服务器时间 %2），请选择以后的日期"),
     {Arg::Time, Arg::Time}},
    {"recheck_off_site",
     QT_TRANSLATE_NOOP("RefusalText",
                       "复查地点不在问题现场（距离 %1 米，允许 %2 米）：请到现场复查，或说明原因"),
     {Arg::Text, Arg::Text}},
    {"publish_photo_not_in_problem",
     QT_TRANSLATE_NOOP("RefusalText", "照片 %1 不属于此问题，不能发布"),
     {Arg::Id}},
    {"signoff_invalid",
     QT_TRANSLATE_NOOP("RefusalText", "台账签认缺少字段 %1 或其值不合规"),
     {Arg::Text}},
    {"signoff_month_invalid",
     QT_TRANSLATE_NOOP("RefusalText", "月份 %1 无效或尚未到来，不能签认"),
     {Arg::Text}},
    {"signoff_not_permitted",
     QT_TRANSLATE_NOOP("RefusalText", "此账号不能签认乡镇 %1 的台账（第 %2 级）"),
     {Arg::Text, Arg::Text}},
    {"signoff_already",
     QT_TRANSLATE_NOOP("RefusalText", "乡镇 %1 %2 的台账已由 %3 于 %4 签认"),
     {Arg::Text, Arg::Text, Arg::Text, Arg::Time}},
    {"signoff_township_first",
     QT_TRANSLATE_NOOP("RefusalText", "乡镇 %1 尚未签认 %2 的台账：县级须在乡镇之后签认"),
     {Arg::Text, Arg::Text}},
    {"signoff_open_items",
     QT_TRANSLATE_NOOP("RefusalText", "还有 %1 个未销号的问题未确认（如 %2）：请逐一确认后再签认"),
     {Arg::Text, Arg::Id}},
    // Blobs (photos).
    {"role_cannot_upload", QT_TRANSLATE_NOOP("RefusalText", "此账号不能上传照片"), {}},
    {"blob_not_permitted", QT_TRANSLATE_NOOP("RefusalText", "此账号无权查看照片 %1"), {Arg::Id}},
    {"blob_not_available",
     QT_TRANSLATE_NOOP("RefusalText", "服务器上没有此账号可下载的照片 %1"),
     {Arg::Id}},
    {"blob_too_large", QT_TRANSLATE_NOOP("RefusalText", "照片过大（最大 %1）"), {Arg::Bytes}},
    {"chunk_too_large",
     QT_TRANSLATE_NOOP("RefusalText", "上传的数据块过大（最大 %1）"),
     {Arg::Bytes}},
    {"upload_offset_mismatch",
     QT_TRANSLATE_NOOP("RefusalText", "照片上传位置不一致（服务器已有 %1 字节），将重新续传"),
     {Arg::Text}},
    {"upload_past_end",
     QT_TRANSLATE_NOOP("RefusalText", "照片上传超出了其大小（已有 %1 字节，共 %2 字节）"),
     {Arg::Text, Arg::Text}},
    {"server_disk_full",
     QT_TRANSLATE_NOOP("RefusalText", "服务器磁盘已满：已保存此照片的 %1，稍后继续上传"),
     {Arg::Bytes}},
    {"blob_hash_mismatch",
     QT_TRANSLATE_NOOP("RefusalText", "照片 %1 的内容与其校验值不符，需要重新上传"),
     {Arg::Id}},
    {"download_offset_out_of_range",
     QT_TRANSLATE_NOOP("RefusalText", "下载位置 %1 超出了照片大小（%2 字节）"),
     {Arg::Text, Arg::Text}},
    {"download_cut", QT_TRANSLATE_NOOP("RefusalText", "照片下载被中断"), {}},
};

QString formatArg(Arg kind, const QString &value)
{
    switch (kind) {
    case Arg::Text:
        return value;
    case Arg::Time: {
        bool ok = false;
        const qint64 ms = value.toLongLong(&ok);
        if (!ok || ms <= 0)
            return value;
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
    }
    case Arg::Bytes: {
        bool ok = false;
        const qint64 bytes = value.toLongLong(&ok);
        return ok ? QLocale().formattedDataSize(bytes) : value;
    }
    case Arg::Id:
        return value.size() > 12 ? value.left(8) + QChar(0x2026) : value;
    }
    return value;
}

} // namespace

QString RefusalText::describe(const Refusal &refusal)
{
    if (refusal.isEmpty())
        return tr("服务器拒绝了请求");
    for (const Wording &wording : kWordings) {
        if (refusal.code != QLatin1String(wording.code))
            continue;
        QString text = tr(wording.text);
        int i = 0;
        for (const Arg kind : wording.args)
            text = text.arg(formatArg(kind, refusal.args.value(i++)));
        return text;
    }
    // A newer server's code: say that it refused, and name the code for whoever helps.
    return tr("服务器拒绝了请求（%1）").arg(refusal.code);
}

QString RefusalText::describe(const EnrolmentResult &result)
{
    switch (result.failure) {
    case EnrolmentResult::None:
        return {};
    case EnrolmentResult::Unreachable:
        return tr("无法连接服务器：请检查网络和服务器地址，或稍后再试");
    case EnrolmentResult::NotTls:
        return tr("该地址上的服务不是加密的清水巡查服务器，请核对地址");
    case EnrolmentResult::CertificateMismatch:
        return tr("服务器的证书与连接码不符：连接已中止，可能连到了错误的服务器");
    case EnrolmentResult::Refused:
        return describe(result.refusal);
    case EnrolmentResult::LocalStore:
        return tr("本机数据库无法保存连接信息，本机数据未作改动");
    }
    return {};
}

QString RefusalText::describe(EnrolmentCode::ParseError error)
{
    switch (error) {
    case EnrolmentCode::ParseError::None:
        return {};
    case EnrolmentCode::ParseError::Empty:
        return tr("请输入连接码");
    case EnrolmentCode::ParseError::NotACode:
        return tr("这不是清水巡查的连接码（应以 QS1- 开头）");
    case EnrolmentCode::ParseError::UnknownVersion:
        return tr("此连接码来自更新版本的服务器，请先更新应用");
    case EnrolmentCode::ParseError::BadCharacter:
        return tr("连接码中有无效的字符，请核对");
    case EnrolmentCode::ParseError::Mistyped:
        return tr("连接码有误（有字符输错、漏输或多输），请核对");
    case EnrolmentCode::ParseError::Malformed:
        return tr("连接码无法识别，请向管理员索取新的连接码");
    }
    return {};
}

QStringList RefusalText::knownCodes()
{
    QStringList codes;
    for (const Wording &wording : kWordings)
        codes << QLatin1String(wording.code);
    return codes;
}
