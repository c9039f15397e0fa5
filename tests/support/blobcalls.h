#pragma once

// Small helpers for tests that talk to the Blobs service of a real server: random photos,
// hashes, files under the blob folder, channels and raw chunks.
#include "qingshui/v1/blobs.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QUuid>

#include <chrono>

constexpr qint64 kMB = 1024 * 1024;

inline std::string uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

inline QByteArray randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

inline QString shaOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

inline QString fileSha(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A photo of random bytes (so nothing is deduplicated) written to FOLDER/photos/NAME.
struct TestPhoto {
    QByteArray bytes;
    QString sha;
    QString path;
};
inline TestPhoto newTestPhoto(const QDir &folder, qint64 size, const char *name)
{
    TestPhoto p {randomBytes(size), {}, folder.filePath(QStringLiteral("photos/%1").arg(name))};
    p.sha = shaOf(p.bytes);
    if (!writeFile(p.path, p.bytes))
        qFatal("cannot write %s", qPrintable(p.path));
    return p;
}

// Every file under the server's blob folder whose name mentions this hash.
inline QStringList filesNamed(const QString &blobDir, const QString &sha)
{
    QStringList found;
    QDirIterator it(blobDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(sha))
            found << QDir(blobDir).relativeFilePath(path);
    }
    return found;
}

inline std::shared_ptr<grpc::Channel> channelTo(const QString &address)
{
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    // Each test's own connection: a proxy cut must not be healed by a shared subchannel.
    args.SetInt("grpc.use_local_subchannel_pool", 1);
    return grpc::CreateCustomChannel(address.toStdString(), grpc::InsecureChannelCredentials(),
                                     args);
}

inline void authorize(grpc::ClientContext *context, const QByteArray &token)
{
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    if (!token.isEmpty())
        context->AddMetadata("authorization", "Bearer " + token.toStdString());
}

inline qingshui::v1::BlobChunk chunkOf(const QByteArray &bytes, qint64 offset, qint64 length)
{
    qingshui::v1::BlobChunk chunk;
    chunk.set_offset(offset);
    chunk.set_data(bytes.constData() + offset, size_t(length));
    return chunk;
}
