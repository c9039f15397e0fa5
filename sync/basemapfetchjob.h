#pragma once

#include "basemapfetcher.h"
#include "storage/database.h"

#include <QObject>
#include <QString>
#include <memory>
#include <mutex>
#include <thread>

// Runs BasemapFetcher on a thread of its own, with its own connection to the store and its
// own channel to the server the store is enrolled with (or the address given: --server), as
// the photo fetcher does. One run at a time; a start() while one runs is remembered and
// runs after it. Everything it reports arrives as signals on the thread that owns it.
class BasemapFetchJob : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString databasePath;
        QString serverAddress; // empty: the store's server
        QString directory; // <data dir>/basemaps
        Database::Checkpoints checkpoints = Database::AutomaticCheckpoints;
        qint64 marginBytes = BasemapFetcher::kDefaultMarginBytes;
        std::function<qint64(const QString &directory)> freeBytes; // tests: a full disk
        std::function<QString(const QString &path)> validate; // readBasemapInfo's error
    };

    explicit BasemapFetchJob(Options options, QObject *parent = nullptr);
    ~BasemapFetchJob() override; // cancels the run under way and waits for it

    // metered: the network is metered now; allowMetered: the user's setting.
    void start(bool metered, bool allowMetered);
    bool running() const;

signals:
    void progress(const QString &sha256, qint64 done, qint64 total);
    // A run ended: packages installed, failed, waiting for an unmetered network.
    void finished(int installed, int failed, int waiting);

private:
    void run(bool metered, bool allowMetered);

    Options m_options;
    mutable std::mutex m_mutex;
    std::thread m_thread;
    bool m_running = false;
    bool m_again = false;
    bool m_againMetered = false;
    bool m_againAllowMetered = false;
    bool m_stopping = false;
    BasemapFetcher *m_fetcher = nullptr;
};
