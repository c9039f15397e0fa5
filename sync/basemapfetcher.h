#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

class BlobDownloader;
struct StoredBasemap;
namespace grpc {
class Channel;
}

// Brings the basemap packages the server offers this device (BasemapRepository::toFetch,
// newest first) into <data dir>/basemaps/<sha256>.mbtiles through BlobDownloader: resumable
// from its .part, SHA-256 checked. Before a byte is written it checks the network (a metered
// one only if the user allowed it) and the free disk (the package's missing bytes and a
// margin); after, it opens the file as the map will (validate) and only then makes it
// current, the older package retired in the same transaction and its file deleted after.
// Every failure is kept on the package's row as a code and args (the settings page words
// them); nothing of an older package is lost by a failed newer one. Blocking; cancel() may
// come from any thread.
class BasemapFetcher {
public:
    // The disk must keep this much free besides the package: the store and photos go on.
    static constexpr qint64 kDefaultMarginBytes = 64 * 1024 * 1024;

    // Failure codes kept on a package's row (with their args).
    static constexpr const char *kWaitingUnmetered = "basemap_waiting_unmetered"; // [bytes]
    static constexpr const char *kNoRoom = "basemap_no_room"; // [needed bytes, free bytes]
    static constexpr const char *kDiskFull = "basemap_disk_full"; // [bytes kept]
    static constexpr const char *kChecksum = "basemap_checksum"; // []
    static constexpr const char *kLocalWrite = "basemap_local_write"; // [detail]
    static constexpr const char *kInterrupted = "basemap_interrupted"; // [bytes kept, total]
    static constexpr const char *kUnreachable = "basemap_unreachable"; // [detail]
    static constexpr const char *kInvalid = "basemap_invalid"; // [why, in the user's words]
    // A refusal of the server is kept with its own code and args (blob_not_available …).

    struct Options {
        QString directory; // where the packages go
        bool metered = false; // the network is metered now (NetworkWatch)
        bool allowMetered = false; // the user's setting (BasemapRepository::allowMetered)
        qint64 marginBytes = kDefaultMarginBytes;
        // Free bytes on the disk holding directory; QStorageInfo when not given.
        std::function<qint64(const QString &directory)> freeBytes;
        // Opens the file as the map will: empty when it is a basemap the app can show, else
        // why not in the user's words. Not given: every verified file is accepted.
        std::function<QString(const QString &path)> validate;
        std::function<void(const QString &sha256, qint64 done, qint64 total)> progress;
    };

    struct Outcome {
        int installed = 0;
        int failed = 0;
        int waitingForUnmetered = 0;
        QStringList deletedFiles; // older packages' files removed after a newer one
    };

    BasemapFetcher(QSqlDatabase db, std::shared_ptr<grpc::Channel> channel, QByteArray token,
                   Options options);
    ~BasemapFetcher();

    static QString pathFor(const QString &directory, const QString &sha256);

    Outcome run();
    // Stops the download under way; its bytes stay in the .part for the next run.
    void cancel();

private:
    bool fetch(const StoredBasemap &package, Outcome *outcome);
    bool fail(const QString &sha256, const QString &code, const QStringList &args,
              Outcome *outcome);
    qint64 freeBytes() const;

    QSqlDatabase m_db;
    std::shared_ptr<grpc::Channel> m_channel;
    QByteArray m_token;
    Options m_options;
    std::atomic<bool> m_cancelled {false};
    std::mutex m_mutex; // guards m_downloader for cancel()
    BlobDownloader *m_downloader = nullptr;
};
