#pragma once

#include "photofetchstatus.h"
#include "storage/database.h"
#include "storage/enrolmentrepository.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <condition_variable>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

class BlobDownloader;
class SyncTransport;

struct PhotoFetcherOptions {
    QString databasePath;
    QString serverAddress; // HOST:PORT; empty: the server the store was enrolled with
    QString photoDirectory; // the PhotoStore's root
    Database::Checkpoints checkpoints = Database::AutomaticCheckpoints;
};

// The thread that brings a supervisor's photos: one download at a time, what a record view
// asked for first, then what an export needs, then the review queue's photos (newest record
// first) in the background. A request of a higher priority stops the download under way at
// once; that one goes back to the front of its queue and resumes later from its .part file.
// Before a photo is written, room is made within the budget (domain/photoeviction). Its own
// connection to the store and its own channel; everything it reports goes through the
// callbacks, on its thread.
class PhotoFetchWorker {
public:
    enum class Priority { View, Export, Background };
    struct Callbacks {
        std::function<void(const QString &sha256, qint64 done, qint64 total)> progress;
        std::function<void(const QString &sha256)> arrived;
        std::function<void(const QString &sha256, PhotoFetchFailure, const QString &detail)> failed;
        std::function<void(const PhotoFetchStatus &)> status;
    };

    PhotoFetchWorker(PhotoFetcherOptions options, Callbacks callbacks);
    ~PhotoFetchWorker(); // stop()

    // Stops the download under way and waits for the thread: no callback comes after it.
    // What is still asked then, or waited for, ends at once (fetchAndWait: Unreachable).
    void stop();

    // After a pull: the review queue's missing photos become the background's list (only
    // for a supervisor's or an administrator's store).
    void refill();
    // Asks for these photos at this priority (those already here are reported at once).
    void fetch(const QStringList &sha256s, Priority priority);
    // Blocking, never on the thread that receives the callbacks' reports: fetches these at
    // export priority and returns each one's outcome (None: it is on the device).
    QHash<QString, PhotoFetchFailure> fetchAndWait(const QStringList &sha256s,
                                                   const std::function<void(int, int)> &progress);
    // Photos on screen: never evicted while pinned by their owner.
    void pin(const QString &owner, const QStringList &sha256s);
    void unpin(const QString &owner);

private:
    struct Item {
        QString sha256;
        Priority priority = Priority::Background;
    };
    struct Waiter {
        QSet<QString> remaining;
        QHash<QString, PhotoFetchFailure> results;
    };

    void run();
    bool nextItem(Item *item); // false: stop
    void computeRound();
    void process(const Item &item);
    bool useServer(); // false: the store names no server
    bool makeRoom(const QString &sha256, qint64 bytes, Priority priority);
    void resolve(const QString &sha256, PhotoFetchFailure failure, const QString &detail,
                 Priority priority);
    void reportStatus();
    bool onDevice(const QString &sha256) const;

    const PhotoFetcherOptions m_options;
    const Callbacks m_callbacks;
    std::unique_ptr<Database> m_db; // the worker thread's
    std::unique_ptr<SyncTransport> m_transport;
    SyncServer m_server; // what m_transport was made for

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_waitersChanged;
    bool m_stop = false;
    bool m_refill = false;
    bool m_backgroundHeld = false; // the round stopped on a failure that affects every photo
    QStringList m_queues[3]; // by Priority
    QHash<QString, QStringList> m_pins; // owner -> photos
    QSet<QString> m_wanted; // every photo of a waiting record, at the last pull
    QSet<QString> m_round; // the round's photos not resolved yet
    std::list<Waiter *> m_waiters;
    Item m_current; // the photo being processed; empty between two
    bool m_busy = false;
    bool m_preempt = false;
    BlobDownloader *m_downloader = nullptr;
    PhotoFetchStatus m_status;

    std::thread m_thread; // last: started when everything above exists
};
