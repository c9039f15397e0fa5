#include "photofetcher.h"

PhotoFetcher::PhotoFetcher(const PhotoFetcherOptions &options, QObject *parent) : QObject(parent)
{
    qRegisterMetaType<PhotoFetchFailure>();
    // The worker's thread reports through queued calls into this object: they are dropped
    // if it is gone, and the worker is stopped before it goes.
    PhotoFetchWorker::Callbacks callbacks;
    callbacks.progress = [this](const QString &sha, qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this, [this, sha, done, total] { emit photoProgress(sha, done, total); },
            Qt::QueuedConnection);
    };
    callbacks.arrived = [this](const QString &sha) {
        QMetaObject::invokeMethod(
            this,
            [this, sha] {
                m_failures.remove(sha);
                emit photoArrived(sha);
            },
            Qt::QueuedConnection);
    };
    callbacks.failed
        = [this](const QString &sha, PhotoFetchFailure failure, const QString &detail) {
              QMetaObject::invokeMethod(
                  this,
                  [this, sha, failure, detail] {
                      m_failures.insert(sha, failure);
                      emit photoFailed(sha, failure, detail);
                  },
                  Qt::QueuedConnection);
          };
    callbacks.status = [this](const PhotoFetchStatus &status) {
        QMetaObject::invokeMethod(
            this,
            [this, status] {
                m_status = status;
                emit statusChanged();
            },
            Qt::QueuedConnection);
    };
    m_worker = std::make_shared<PhotoFetchWorker>(options, std::move(callbacks));
}

PhotoFetcher::~PhotoFetcher()
{
    m_worker->stop(); // its callbacks name this object: none may come after it
}

void PhotoFetcher::refill()
{
    m_worker->refill();
}

void PhotoFetcher::fetchNow(const QStringList &sha256s)
{
    m_worker->fetch(sha256s, PhotoFetchWorker::Priority::View);
}

void PhotoFetcher::pin(const QString &owner, const QStringList &sha256s)
{
    m_worker->pin(owner, sha256s);
}

void PhotoFetcher::unpin(const QString &owner)
{
    m_worker->unpin(owner);
}
