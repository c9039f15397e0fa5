#pragma once

#include "photofetchstatus.h"
#include "photofetchworker.h"

#include <QHash>
#include <QObject>
#include <memory>

// A supervisor's photos, as the UI thread sees them: after each pull the review queue's
// photos are fetched in the background (PhotoFetchWorker); a record view asks for its own
// first (fetchNow) and pins what it shows; an export waits for what it needs. Each arrival,
// progress and failure is a signal here, on the UI thread.
class PhotoFetcher : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY statusChanged)
    Q_PROPERTY(int wanted READ wanted NOTIFY statusChanged)
    Q_PROPERTY(int fetched READ fetched NOTIFY statusChanged)
    Q_PROPERTY(int failed READ failed NOTIFY statusChanged)
    Q_PROPERTY(int notOnServer READ notOnServer NOTIFY statusChanged)
    Q_PROPERTY(qint64 usedBytes READ usedBytes NOTIFY statusChanged)
    Q_PROPERTY(qint64 budgetBytes READ budgetBytes NOTIFY statusChanged)
public:
    explicit PhotoFetcher(const PhotoFetcherOptions &options, QObject *parent = nullptr);
    ~PhotoFetcher() override;

    const PhotoFetchStatus &status() const { return m_status; }
    bool busy() const { return m_status.busy; }
    int wanted() const { return m_status.wanted; }
    int fetched() const { return m_status.fetched; }
    int failed() const { return m_status.failed; }
    int notOnServer() const { return m_status.notOnServer; }
    qint64 usedBytes() const { return m_status.usedBytes; }
    qint64 budgetBytes() const { return m_status.budgetBytes; }

    // The last outcome of a photo's fetch (None: arrived, or never tried).
    PhotoFetchFailure failureOf(const QString &sha256) const
    {
        return m_failures.value(sha256, PhotoFetchFailure::None);
    }
    // For a thread of its own (an export: pin, fetchAndWait, unpin). Safe to keep after this
    // object is gone: the worker is stopped then, and a wait ends at once.
    std::shared_ptr<PhotoFetchWorker> worker() const { return m_worker; }

public slots:
    // After a pull: fetch the review queue's missing photos, newest record first.
    void refill();
    // A record view's photos: before anything else.
    void fetchNow(const QStringList &sha256s);
    void pin(const QString &owner, const QStringList &sha256s);
    void unpin(const QString &owner);

signals:
    void statusChanged();
    // The photo is on this device now, whole and verified (its file has its final name).
    void photoArrived(const QString &sha256);
    void photoProgress(const QString &sha256, qint64 doneBytes, qint64 totalBytes);
    void photoFailed(const QString &sha256, PhotoFetchFailure failure, const QString &detail);

private:
    PhotoFetchStatus m_status;
    QHash<QString, PhotoFetchFailure> m_failures;
    std::shared_ptr<PhotoFetchWorker> m_worker; // last: its thread reports into the above
};
