#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <map>
#include <memory>
#include <mutex>
#include <string>

class PartialBlob;

// The server's blob files, content-addressed by SHA-256 (64 lowercase hex digits):
// root/ab/abcdef… once complete and verified, root/partial/<name> while an upload is under
// way (one file per device's upload; which upload, and how many bytes count, is in the
// database: UploadStore). Only verified bytes ever get a complete name (fsync, then an atomic
// link), so a complete file is never written again. Every server process behind one address
// uses the same root.
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
    QString completePath(const std::string &sha256) const;

    // A fresh file name for an upload of this blob (the blob's name and a random part).
    static QString newPartialName(const std::string &sha256);
    QString partialPath(const QString &fileName) const;

    // The open partial file of this name, shared by this process's calls that write to it;
    // null on an error (*error set).
    std::shared_ptr<PartialBlob> partial(const QString &fileName, QString *error);
    // Deletes an upload's file (its row is gone). True if there was none.
    bool removePartial(const QString &fileName);

    // Deletes the partial files no upload row names (inUse) that nothing has written to for
    // maxAgeMs: files left by a crash between steps, or by a server before schema 12.
    // Returns how many, -1 on error (*error set).
    int removeOrphanPartials(qint64 maxAgeMs, const QSet<QString> &inUse, QString *error);

    // Stores bytes the server made itself (a public rendition) as a complete blob, the way an
    // upload ends: written to a partial of its own, the hash checked, fsynced and linked into
    // place. A blob that is complete already is left as it is. *sha256 gets its name.
    bool storeBytes(const QByteArray &bytes, std::string *sha256, QString *error);
    // The same for a file the administrator gives (a basemap package, of any size): copied
    // in 1 MB pieces, hashed as it is read. *size gets its size.
    bool storeFile(const QString &path, std::string *sha256, qint64 *size, QString *error);

private:
    QString m_root;
    std::mutex m_mutex;
    std::map<QString, std::weak_ptr<PartialBlob>> m_partials;
};
