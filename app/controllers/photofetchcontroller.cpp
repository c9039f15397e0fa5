#include "photofetchcontroller.h"

#include "photofetcher.h"
#include "photofetchtext.h"
#include "storage/photocacherepository.h"

PhotoFetchController::PhotoFetchController(PhotoFetcher *fetcher, QSqlDatabase db, QObject *parent)
    : QObject(parent), m_fetcher(fetcher), m_db(db)
{
    connect(m_fetcher, &PhotoFetcher::statusChanged, this, &PhotoFetchController::changed);
    connect(m_fetcher, &PhotoFetcher::photoArrived, this, &PhotoFetchController::photoArrived);
}

bool PhotoFetchController::active() const
{
    const PhotoFetchStatus &s = m_fetcher->status();
    return !s.stopped && s.fetched + s.failed + s.notOnServer < s.wanted;
}

bool PhotoFetchController::problem() const
{
    const PhotoFetchStatus &s = m_fetcher->status();
    return s.failed > 0 || s.stopped;
}

QString PhotoFetchController::statusText() const
{
    const PhotoFetchStatus &s = m_fetcher->status();
    QStringList parts;
    if (active())
        parts << tr("照片下载中 %1/%2").arg(s.fetched).arg(s.wanted);
    if (s.stopped || s.failed > 0) {
        const QString why = PhotoFetchText::describe(s.lastFailure, budgetBytes());
        const int missing = s.wanted - s.fetched - s.notOnServer;
        parts << tr("%n 张照片未能下载：%1", nullptr, missing).arg(why);
    }
    if (s.notOnServer > 0)
        parts << tr("%n 张照片巡查员尚未上传", nullptr, s.notOnServer);
    return parts.join(QStringLiteral(" · "));
}

int PhotoFetchController::fetched() const
{
    return m_fetcher->status().fetched;
}

int PhotoFetchController::wanted() const
{
    return m_fetcher->status().wanted;
}

qint64 PhotoFetchController::usedBytes() const
{
    return m_fetcher->status().usedBytes;
}

qint64 PhotoFetchController::budgetBytes() const
{
    return PhotoCacheRepository(m_db).budgetBytes(); // the setting as it is now
}

QString PhotoFetchController::budgetText() const
{
    return tr("照片已用 %1 / %2")
        .arg(PhotoFetchText::size(usedBytes()), PhotoFetchText::size(budgetBytes()));
}

bool PhotoFetchController::setBudgetBytes(qint64 bytes)
{
    if (!PhotoCacheRepository(m_db).setBudgetBytes(bytes))
        return false;
    emit changed();
    return true;
}
