#include "photofetchtext.h"

#include <QLocale>

QString PhotoFetchText::size(qint64 bytes)
{
    const double mb = double(bytes) / (1024.0 * 1024.0);
    if (mb >= 1024.0)
        return tr("%1 GB").arg(QLocale().toString(mb / 1024.0, 'f', 1));
    return tr("%1 MB").arg(QLocale().toString(mb, 'f', mb < 10 ? 1 : 0));
}

QString PhotoFetchText::describe(PhotoFetchFailure failure, qint64 budgetBytes)
{
    switch (failure) {
    case PhotoFetchFailure::None:
        return {};
    case PhotoFetchFailure::NotOnServer:
        return tr("巡查员的平板尚未上传这张照片，下次同步后再下载");
    case PhotoFetchFailure::ChecksumMismatch:
        return tr("照片校验失败（与 SHA-256 不符），已丢弃，下次同步后重新下载");
    case PhotoFetchFailure::DiskFull:
        return tr("本机存储空间已满：已下载的部分已保留，腾出空间后继续下载");
    case PhotoFetchFailure::LocalWrite:
        return tr("无法写入本机的照片文件夹");
    case PhotoFetchFailure::OverBudget:
        return tr("照片空间已达上限（%1），正在查看的照片不会被清除").arg(size(budgetBytes));
    case PhotoFetchFailure::Unreachable:
        return tr("无法连接服务器，照片稍后再下载");
    case PhotoFetchFailure::NeedsLogin:
        return tr("需要重新登录才能下载照片");
    case PhotoFetchFailure::Refused:
        return tr("服务器没有提供这张照片");
    }
    return {};
}
