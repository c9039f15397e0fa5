#include "synconce.h"

#include "media/photostore.h"
#include "syncerrortext.h"
#include "syncreport.h"
#include "syncworker.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

QString SyncOnce::summary(const SyncReport &report, qint64 durationMs)
{
    const QString counts = tr("上传 %1 条，接收 %2 条，照片上传 %3 张、下载 %4 张，仍待同步 %5 条")
                               .arg(report.pushed)
                               .arg(report.pulled)
                               .arg(report.photosSent)
                               .arg(report.photosReceived)
                               .arg(report.pendingCount);
    const QString seconds = QString::number(durationMs / 1000.0, 'f', 1);
    if (report.outcome == SyncReport::Succeeded)
        return tr("同步成功（%1，%2 秒）：%3").arg(report.serverAddress, seconds, counts);
    return tr("同步未完成（%1，%2 秒）：%3")
        .arg(report.serverAddress.isEmpty() ? tr("未连接服务器") : report.serverAddress, seconds,
             counts);
}

int SyncOnce::run(const QString &databasePath, const QString &overrideAddress, bool readOnly,
                  QTextStream &out, QTextStream &err)
{
    // A mistyped path must not become a new, empty store.
    if (!QFileInfo(databasePath).isFile()) {
        err << tr("qingshui: 没有这个数据文件：%1").arg(databasePath) << Qt::endl;
        return kFailed;
    }
    SyncWorker worker(databasePath, overrideAddress, PhotoStore::rootBeside(databasePath),
                      Database::AutomaticCheckpoints);
    worker.setReadOnly(readOnly);
    SyncReport report;
    bool finished = false;
    QObject::connect(&worker, &SyncWorker::finished, [&](const SyncReport &r) {
        report = r;
        finished = true;
    });
    QElapsedTimer timer;
    timer.start();
    worker.run(); // on this thread: the signal comes back before run() returns
    if (!finished)
        return kFailed;
    out << summary(report, timer.elapsed()) << Qt::endl;
    if (report.outcome == SyncReport::Succeeded)
        return kSynced;
    err << tr("qingshui: 同步失败：%1")
               .arg(SyncErrorText::describe(report.errorCode, report.errorArgs, report.error))
        << Qt::endl;
    return report.outcome == SyncReport::Failed ? kFailed : kOffline;
}
