#pragma once

#include <QByteArray>
#include <QString>
#include <map>
#include <memory>
#include <mutex>
#include <string>

class PartialBlob;

// The server's blob files, content-addressed by SHA-256 (64 lowercase hex digits):
// root/ab/abcdef… once complete and verified, root/partial/<sha> while an upload is under
// way. A partial survives cut connections and restarts; only verified bytes ever get a
// complete name (fsync, then an atomic rename), so a complete file is never written again.
class BlobStore {
public:
    // A photo is ≤ 2048 px JPEG (well under 2 MB); anything this big is a mistake or abuse.
    static constexpr qint64 kMaxBlobSize = 64 * 1024 * 1024;

    explicit BlobStore(QString root) : m_root(std::move(root)) { }

    // Creates the folders; false with *error if the root cannot be used.
    bool open(QString *error);
    QString root() const { return m_root; }

    static bool isSha256(const std::string &s);

    // The size of the complete blob, or -1 if there is none.
    qint64 completeSize(const std::string &sha256) const;
    // The bytes an interrupted upload left (0 when there is none).
    qint64 partialSize(const std::string &sha256) const;
    QString completePath(const std::string &sha256) const;
    QString partialPath(const std::string &sha256) const;

    // Deletes the partials no upload has added to for maxAgeMs: uploads abandoned for good (a
    // tablet wiped or lost) would otherwise hold their bytes forever. A partial in use is
    // never that old (every chunk touches it). Returns how many, -1 on error (*error set).
    int removeStalePartials(qint64 maxAgeMs, QString *error);

    // The partial of this blob, shared by every upload of it under way; null when the blob
    // is complete already (*complete set) or on an error (*error set).
    std::shared_ptr<PartialBlob> partial(const std::string &sha256, bool *complete, QString *error);

    // Stores bytes the server made itself (a public rendition) as a complete blob, the way an
    // upload ends: written to its partial, the hash checked, fsynced and renamed into place.
    // A blob that is complete already is left as it is. *sha256 gets its name.
    bool storeBytes(const QByteArray &bytes, std::string *sha256, QString *error);

private:
    QString m_root;
    std::mutex m_mutex;
    std::map<std::string, std::weak_ptr<PartialBlob>> m_partials;
};
