// Photos through a real qingshui-server process on loopback: round trip, dedup, a link cut in
// the middle of a 20 MB upload (a TCP proxy resets it), the server SIGKILLed mid-upload, bad
// bytes, bad offsets, sizes and names, roles, and downloads nobody may see. After every bad
// request the server goes on serving.
#include "blobcalls.h"
#include "blobdownloader.h"
#include "blobuploader.h"
#include "media/photostore.h"
#include "photoupload.h"
#include "serverprocess.h"
#include "storage/bloboutboxrepository.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "syncsession.h"
#include "synctransport.h"
#include "tcpproxy.h"
#include "testlogin.h"
#include "testtoken.h"

#include "qingshui/v1/blobs.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <QCryptographicHash>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <future>
#include <thread>

namespace v1 = qingshui::v1;

class TestBlobs : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dbPath;
    QString m_blobDir;
    std::unique_ptr<ServerProcess> m_server;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<v1::Blobs::Stub> m_blobs;
    QByteArray m_inspector; // scope 420322 (郧阳区)
    QByteArray m_otherInspector; // scope 411326 (淅川县)
    QByteArray m_supervisor; // scope 420322
    QByteArray m_otherSupervisor; // scope 411326
    QByteArray m_kiosk;

    grpc::Status status(const QString &sha, const QByteArray &token, v1::BlobStatusResponse *out)
    {
        v1::BlobStatusRequest request;
        request.set_sha256(sha.toStdString());
        grpc::ClientContext context;
        authorize(&context, token);
        return m_blobs->BlobStatus(&context, request, out);
    }

    // One raw UploadBlob call with these chunks; the first one names the blob.
    grpc::Status rawUpload(const QByteArray &token, std::vector<v1::BlobChunk> chunks,
                           v1::UploadBlobResponse *response,
                           std::shared_ptr<grpc::Channel> channel = {})
    {
        auto stub = v1::Blobs::NewStub(channel ? channel : m_channel);
        grpc::ClientContext context;
        authorize(&context, token);
        auto writer = stub->UploadBlob(&context, response);
        for (const v1::BlobChunk &chunk : chunks) {
            if (!writer->Write(chunk))
                break;
        }
        writer->WritesDone();
        return writer->Finish();
    }

    // The server still answers a good call.
    bool serving()
    {
        v1::BlobStatusResponse response;
        return status(QString(64, QLatin1Char('0')), m_inspector, &response).ok();
    }

    // A record in village 420322100200 that refers to the photo: it makes the photo visible.
    grpc::Status pushRecordWithPhoto(const QString &sha, const QByteArray &token,
                                     const std::string &deviceId,
                                     const std::string &village = "420322100200")
    {
        auto stub = v1::Sync::NewStub(m_channel);
        v1::PushRequest request;
        request.set_device_id(deviceId);
        v1::Op *op = request.add_ops();
        op->set_op_id(uuid());
        op->set_client_seq(m_clientSeq++);
        v1::Record *r = op->mutable_upsert_record();
        r->set_id(uuid());
        r->set_template_id("ecology_forest");
        r->set_template_version(1);
        r->set_category("ecology");
        r->set_village_code(village);
        r->set_status(v1::RECORD_STATUS_SUBMITTED);
        r->set_content(
            QStringLiteral("{\"answers\":{\"photos\":[\"%1\"]}}").arg(sha).toStdString());
        r->set_author_device_id(deviceId);
        r->add_photo_sha256(sha.toStdString());
        v1::PushResponse response;
        grpc::ClientContext context;
        authorize(&context, token);
        return stub->Push(&context, request, &response);
    }

    // Uploads through BlobUploader on the test's channel.
    BlobUploadResult upload(const QString &path, const QString &sha, const QByteArray &token,
                            std::shared_ptr<grpc::Channel> channel = {})
    {
        BlobUploader uploader(channel ? channel : m_channel, token);
        return uploader.upload({BlobFile {sha, path}});
    }

    using Photo = TestPhoto;
    Photo photo(qint64 size, const char *name)
    {
        return newTestPhoto(QDir(m_dir.path()), size, name);
    }

    // A new server process on the same files (the old one stopped, or killed by the test).
    bool restartServer(const QStringList &args = {}, qint64 fileSizeLimit = 0)
    {
        if (m_server)
            m_server->stop();
        m_server = std::make_unique<ServerProcess>(m_dbPath);
        m_server->limitFileSize(fileSizeLimit);
        if (!m_server->start(args))
            return false;
        m_channel = channelTo(m_server->address());
        m_blobs = v1::Blobs::NewStub(m_channel);
        return true;
    }

    qint64 m_clientSeq = 1;
    std::string m_deviceId;
    std::string m_otherDeviceId;

private slots:
    void initTestCase()
    {
        m_dbPath = m_dir.filePath("server.db");
        m_blobDir = m_dbPath + ".blobs";
        m_server = std::make_unique<ServerProcess>(m_dbPath);
        QVERIFY(m_server->addUser("ins", "inspector", "420322"));
        QVERIFY(m_server->addUser("ins2", "inspector", "411326"));
        QVERIFY(m_server->addUser("sup", "supervisor", "420322"));
        QVERIFY(m_server->addUser("sup2", "supervisor", "411326"));
        // A scope the kiosk role ignores: `user add` without one fails on main for now
        // (scope_codes bound as NULL).
        QVERIFY2(m_server->addUser("kiosk", "kiosk", "420322"),
                 qPrintable(m_server->adminOutput()));
        QVERIFY(m_server->start());
        m_channel = channelTo(m_server->address());
        m_blobs = v1::Blobs::NewStub(m_channel);
        m_deviceId = uuid();
        m_otherDeviceId = uuid();
        QString error;
        QVERIFY2(logInForToken(m_channel, "ins", m_deviceId, &m_inspector, &error),
                 qPrintable(error));
        QVERIFY2(logInForToken(m_channel, "ins2", m_otherDeviceId, &m_otherInspector, &error),
                 qPrintable(error));
        QVERIFY2(logInForToken(m_channel, "sup", uuid(), &m_supervisor, &error), qPrintable(error));
        QVERIFY2(logInForToken(m_channel, "sup2", uuid(), &m_otherSupervisor, &error),
                 qPrintable(error));
        QVERIFY2(logInForToken(m_channel, "kiosk", uuid(), &m_kiosk, &error), qPrintable(error));
    }

    void roundTripKeepsEveryByte()
    {
        const QByteArray bytes = randomBytes(3 * kMB + 12345);
        const QString sha = shaOf(bytes);
        const QString path = m_dir.filePath("photos/round.jpg");
        QVERIFY(writeFile(path, bytes));

        QList<QPair<qint64, qint64>> progress;
        BlobUploader uploader(m_channel, m_inspector);
        uploader.setProgress(
            [&](qint64 done, qint64 total) { progress << qMakePair(done, total); });
        const BlobUploadResult result = uploader.upload({BlobFile {sha, path}});
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.completed, QStringList {sha});
        QCOMPARE(result.sentBytes, bytes.size());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), qMakePair(qint64(bytes.size()), qint64(bytes.size())));
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress[i].first >= progress[i - 1].first);

        // Stored under its name, byte for byte, and nothing partial left.
        QCOMPARE(fileSha(m_blobDir + "/" + sha.left(2) + "/" + sha), sha);
        QCOMPARE(filesNamed(m_blobDir, sha), QStringList {sha.left(2) + "/" + sha});
        v1::BlobStatusResponse st;
        QVERIFY(status(sha, m_inspector, &st).ok());
        QVERIFY(st.complete());
        QCOMPARE(st.received_bytes(), bytes.size());

        // Down again, by the supervisor of the county the record is in.
        QVERIFY(pushRecordWithPhoto(sha, m_inspector, m_deviceId).ok());
        const QString target = m_dir.filePath("supervisor-photos/" + sha + ".jpg");
        BlobDownloader downloader(m_channel, m_supervisor);
        QVERIFY2(downloader.download(sha, target), qPrintable(downloader.lastError()));
        QCOMPARE(fileSha(target), sha);
        QCOMPARE(downloader.receivedBytes(), bytes.size());
        QVERIFY(!QFile::exists(target + ".part"));
    }

    void secondUploadSendsNothing()
    {
        const QByteArray bytes = randomBytes(2 * kMB);
        const QString sha = shaOf(bytes);
        const QString path = m_dir.filePath("photos/dedup.jpg");
        QVERIFY(writeFile(path, bytes));
        BlobUploadResult first = upload(path, sha, m_inspector);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.sentBytes, bytes.size());

        BlobUploadResult again = upload(path, sha, m_inspector);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.completed, QStringList {sha});
        QCOMPARE(again.sentBytes, 0);
        // Another account that may not see the photo proves it holds the bytes by sending
        // them all (tst_blobaccess); once it has, it sends nothing either.
        again = upload(path, sha, m_otherInspector);
        QVERIFY(again.ok);
        QCOMPARE(again.sentBytes, bytes.size());
        again = upload(path, sha, m_otherInspector);
        QVERIFY(again.ok);
        QCOMPARE(again.sentBytes, 0);

        // A client that starts sending anyway is told at the first chunk: complete.
        v1::BlobChunk chunk = chunkOf(bytes, 0, kMB);
        chunk.set_sha256(sha.toStdString());
        chunk.set_total_size(bytes.size());
        v1::UploadBlobResponse response;
        QVERIFY(rawUpload(m_inspector, {chunk}, &response).ok());
        QVERIFY(response.complete());
        QCOMPARE(response.received_bytes(), bytes.size());
        QCOMPARE(fileSha(m_blobDir + "/" + sha.left(2) + "/" + sha), sha);
    }

    // The link drops in the middle of a 20 MB photo: a TCP proxy resets both sockets after
    // 8 MB have gone client→server. The retry resumes where the server's partial ends.
    void cutConnectionResumes()
    {
        const qint64 size = 20 * kMB;
        const auto [bytes, sha, path] = photo(size, "big.jpg");

        const int colon = int(m_server->address().lastIndexOf(':'));
        TcpProxy proxy(m_server->address().left(colon),
                       quint16(m_server->address().mid(colon + 1).toUInt()));
        QVERIFY(proxy.start());
        proxy.cutAfter(8 * kMB);
        const std::shared_ptr<grpc::Channel> viaProxy = channelTo(proxy.address());

        const BlobUploadResult cut = upload(path, sha, m_inspector, viaProxy);
        QVERIFY(!cut.ok);
        QCOMPARE(proxy.cuts(), 1);
        QVERIFY2(cut.code == int(grpc::StatusCode::UNAVAILABLE)
                     || cut.code == int(grpc::StatusCode::INTERNAL)
                     || cut.code == int(grpc::StatusCode::CANCELLED),
                 qPrintable(cut.error));
        QVERIFY(cut.completed.isEmpty());

        // The server kept what arrived (its side of the call may end a moment after the cut).
        v1::BlobStatusResponse st;
        QTRY_VERIFY_WITH_TIMEOUT(status(sha, m_inspector, &st).ok() && st.received_bytes() > 0,
                                 30000);
        QVERIFY(!st.complete());
        QVERIFY(st.received_bytes() < size);

        const BlobUploadResult resumed = upload(path, sha, m_inspector, viaProxy);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(proxy.cuts(), 1);
        // Sent again: what the server lacked (give or take one chunk that crossed the
        // server's end of the cut call), not the whole photo.
        QVERIFY2(resumed.sentBytes <= size - st.received_bytes() + BlobUploader::kChunkBytes,
                 qPrintable(QString::number(resumed.sentBytes)));
        const qint64 clientSent = cut.sentBytes + resumed.sentBytes;
        qInfo("20 MB photo: %lld + %lld bytes sent (server held %lld after the cut), %lld bytes "
              "through the proxy",
              cut.sentBytes, resumed.sentBytes, qint64(st.received_bytes()),
              proxy.clientToServerBytes());
        QVERIFY2(clientSent < size * 3 / 2, qPrintable(QString::number(clientSent)));
        QVERIFY2(proxy.clientToServerBytes() < size * 3 / 2,
                 qPrintable(QString::number(proxy.clientToServerBytes())));
        QCOMPARE(fileSha(m_blobDir + "/" + sha.left(2) + "/" + sha), sha);
        QCOMPARE(filesNamed(m_blobDir, sha), QStringList {sha.left(2) + "/" + sha});
    }

    // The server is SIGKILLed with half a photo in its partial: after the restart the partial
    // is still there and the upload resumes from it.
    void serverKilledMidUploadResumesAfterRestart()
    {
        const qint64 size = 20 * kMB;
        const auto [bytes, sha, path] = photo(size, "killed.jpg");

        // An upload that sends 10 MB, then waits (the stream stays open) while the server dies.
        auto stub = v1::Blobs::NewStub(m_channel);
        auto context = std::make_unique<grpc::ClientContext>();
        authorize(context.get(), m_inspector);
        v1::UploadBlobResponse response;
        auto writer = stub->UploadBlob(context.get(), &response);
        for (qint64 offset = 0; offset < 10 * kMB; offset += kMB) {
            v1::BlobChunk chunk = chunkOf(bytes, offset, kMB);
            if (offset == 0) {
                chunk.set_sha256(sha.toStdString());
                chunk.set_total_size(size);
            }
            QVERIFY(writer->Write(chunk));
        }
        v1::BlobStatusResponse st;
        QTRY_VERIFY_WITH_TIMEOUT(
            status(sha, m_inspector, &st).ok() && st.received_bytes() == 10 * kMB, 30000);
        m_server->kill();
        writer->WritesDone();
        QVERIFY(!writer->Finish().ok());
        writer.reset();
        context.reset();

        const QStringList partials = filesNamed(m_blobDir + "/partial", sha);
        QCOMPARE(partials.size(), 1);
        QCOMPARE(QFileInfo(m_blobDir + "/partial/" + partials[0]).size(), 10 * kMB);
        QVERIFY(restartServer());
        QVERIFY(status(sha, m_inspector, &st).ok());
        QCOMPARE(st.received_bytes(), 10 * kMB);
        QVERIFY(!st.complete());

        const BlobUploadResult resumed = upload(path, sha, m_inspector);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(resumed.sentBytes, size - 10 * kMB);
        QCOMPARE(fileSha(m_blobDir + "/" + sha.left(2) + "/" + sha), sha);
        QCOMPARE(filesNamed(m_blobDir, sha), QStringList {sha.left(2) + "/" + sha});
    }

    // The server's disk fills in the middle of a 20 MB photo (a file size limit stands in for
    // it): the upload ends with RESOURCE_EXHAUSTED and says so, the bytes written are kept,
    // the server still answers, and once there is room the upload resumes from there.
    void fullDiskIsResourceExhaustedAndResumes()
    {
        const qint64 size = 20 * kMB;
        const auto [bytes, sha, path] = photo(size, "full-disk.jpg");
        QVERIFY(restartServer({}, 7 * kMB + 1000));

        const BlobUploadResult full = upload(path, sha, m_inspector);
        QVERIFY(!full.ok);
        QCOMPARE(full.failed, QStringList {sha});
        QCOMPARE(full.code, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QVERIFY2(full.error.contains("disk is full"), qPrintable(full.error));
        v1::BlobStatusResponse st;
        QVERIFY(status(sha, m_inspector, &st).ok()); // still serving
        QCOMPARE(st.received_bytes(), 7 * kMB); // whole chunks only: the torn one was cut off
        QVERIFY(!st.complete());

        QVERIFY(restartServer());
        const BlobUploadResult resumed = upload(path, sha, m_inspector);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(resumed.sentBytes, size - 7 * kMB);
        QCOMPARE(fileSha(m_blobDir + "/" + sha.left(2) + "/" + sha), sha);
    }

    // A partial nobody has added to for longer than --partial-max-age-days is deleted when
    // the server starts; a recent one stays.
    void serverSweepsAbandonedPartials()
    {
        const QString old = m_blobDir + "/partial/" + QString(64, QLatin1Char('a'));
        const QString recent = m_blobDir + "/partial/" + QString(64, QLatin1Char('b'));
        for (const QString &path : {old, recent})
            QVERIFY(writeFile(path, QByteArray(1000, 'x')));
        QFile file(old);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-8),
                                 QFileDevice::FileModificationTime));
        file.close();
        QVERIFY(restartServer({QStringLiteral("--partial-max-age-days"), QStringLiteral("7")}));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(old), 10000);
        QVERIFY(QFile::exists(recent));
        QVERIFY(QFile::remove(recent));
    }

    void wrongBytesAreDataLossAndNothingIsStored()
    {
        const QByteArray bytes = randomBytes(3 * kMB);
        const QString claimed = shaOf(randomBytes(3 * kMB)); // a hash of other bytes
        std::vector<v1::BlobChunk> chunks;
        for (qint64 offset = 0; offset < bytes.size(); offset += kMB)
            chunks.push_back(chunkOf(bytes, offset, kMB));
        chunks[0].set_sha256(claimed.toStdString());
        chunks[0].set_total_size(bytes.size());
        v1::UploadBlobResponse response;
        const grpc::Status s = rawUpload(m_inspector, chunks, &response);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::DATA_LOSS));
        QVERIFY2(QString::fromStdString(s.error_message()).contains(claimed),
                 s.error_message().c_str());
        QCOMPARE(filesNamed(m_blobDir, claimed), QStringList());
        v1::BlobStatusResponse st;
        QVERIFY(status(claimed, m_inspector, &st).ok());
        QVERIFY(!st.complete());
        QCOMPARE(st.received_bytes(), 0);

        // Through the uploader: a photo file whose bytes no longer match its name.
        const QString path = m_dir.filePath("photos/tampered.jpg");
        QVERIFY(writeFile(path, bytes));
        const BlobUploadResult result = upload(path, claimed, m_inspector);
        QVERIFY(!result.ok);
        QCOMPARE(result.code, int(grpc::StatusCode::DATA_LOSS));
        QCOMPARE(result.failed, QStringList {claimed});
        QCOMPARE(filesNamed(m_blobDir, claimed), QStringList());
        QVERIFY(serving());
    }

    void wrongOffsetsAreRefusedWithTheExpectedOffset()
    {
        const QByteArray bytes = randomBytes(3 * kMB);
        const QString sha = shaOf(bytes);
        // Two chunks are stored, then one that skips ahead.
        std::vector<v1::BlobChunk> chunks {chunkOf(bytes, 0, kMB), chunkOf(bytes, kMB, kMB / 2),
                                           chunkOf(bytes, 2 * kMB, kMB)};
        chunks[0].set_sha256(sha.toStdString());
        chunks[0].set_total_size(bytes.size());
        v1::UploadBlobResponse response;
        grpc::Status s = rawUpload(m_inspector, chunks, &response);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::FAILED_PRECONDITION));
        const QString expected = QStringLiteral("expected offset %1").arg(kMB + kMB / 2);
        QVERIFY2(QString::fromStdString(s.error_message()).contains(expected),
                 s.error_message().c_str());
        v1::BlobStatusResponse st;
        QVERIFY(status(sha, m_inspector, &st).ok());
        QCOMPARE(st.received_bytes(), kMB + kMB / 2);

        // Starting again from 0 over bytes the server holds: refused the same way.
        v1::BlobChunk again = chunkOf(bytes, 0, kMB);
        again.set_sha256(sha.toStdString());
        again.set_total_size(bytes.size());
        s = rawUpload(m_inspector, {again}, &response);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::FAILED_PRECONDITION));
        QVERIFY(QString::fromStdString(s.error_message()).contains(expected));

        // Past the end of the blob.
        v1::BlobChunk past = chunkOf(bytes, kMB + kMB / 2, kMB);
        past.set_sha256(sha.toStdString());
        past.set_total_size(2 * kMB);
        s = rawUpload(m_inspector, {past}, &response);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::OUT_OF_RANGE));
        QVERIFY2(QString::fromStdString(s.error_message()).contains("total_size"),
                 s.error_message().c_str());

        // The partial is unharmed: the right chunks finish it.
        QVERIFY(status(sha, m_inspector, &st).ok());
        QCOMPARE(st.received_bytes(), kMB + kMB / 2);
        v1::BlobChunk rest = chunkOf(bytes, kMB + kMB / 2, bytes.size() - kMB - kMB / 2);
        rest.set_sha256(sha.toStdString());
        rest.set_total_size(bytes.size());
        s = rawUpload(m_inspector, {rest}, &response);
        QVERIFY2(s.ok(), s.error_message().c_str());
        QVERIFY(response.complete());
        QCOMPARE(fileSha(m_blobDir + "/" + sha.left(2) + "/" + sha), sha);
    }

    void oversizeAndBadNamesAreRefused()
    {
        v1::UploadBlobResponse response;
        v1::BlobChunk huge;
        huge.set_sha256(QString(64, 'a').toStdString());
        huge.set_total_size(64 * kMB + 1);
        grpc::Status s = rawUpload(m_inspector, {huge}, &response);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::RESOURCE_EXHAUSTED));

        v1::BlobChunk fat = chunkOf(randomBytes(5 * kMB), 0, 5 * kMB);
        fat.set_sha256(QString(64, 'b').toStdString());
        fat.set_total_size(6 * kMB);
        s = rawUpload(m_inspector, {fat}, &response);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(filesNamed(m_blobDir, QString(64, 'b')), QStringList());

        for (const std::string &bad :
             {std::string("abc"), QString(64, 'A').toStdString(), std::string(64, 'g'),
              std::string("../../../../etc/passwd") + std::string(42, 'a'), std::string()}) {
            v1::BlobChunk named;
            named.set_sha256(bad);
            named.set_total_size(3);
            named.set_data("abc");
            s = rawUpload(m_inspector, {named}, &response);
            QCOMPARE(int(s.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
            v1::BlobStatusResponse st;
            QCOMPARE(int(status(QString::fromStdString(bad), m_inspector, &st).error_code()),
                     int(grpc::StatusCode::INVALID_ARGUMENT));
            v1::DownloadBlobRequest request;
            request.set_sha256(bad);
            grpc::ClientContext context;
            authorize(&context, m_inspector);
            auto reader = m_blobs->DownloadBlob(&context, request);
            v1::BlobChunk got;
            QVERIFY(!reader->Read(&got));
            QCOMPARE(int(reader->Finish().error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        }
        // An upload that names no blob at all.
        s = rawUpload(m_inspector, {}, &response);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY(serving());
    }

    void malformedChunkBytesAreInvalidArgument()
    {
        grpc::GenericStub generic(m_channel);
        grpc::ClientContext context;
        authorize(&context, m_inspector);
        std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call;
        // A client stream of raw bytes that are no BlobChunk, below the generated stub.
        grpc::CompletionQueue queue;
        call = generic.PrepareCall(&context, "/qingshui.v1.Blobs/UploadBlob", &queue);
        call->StartCall(reinterpret_cast<void *>(1));
        void *tag = nullptr;
        bool ok = false;
        QVERIFY(queue.Next(&tag, &ok) && ok);
        const std::string garbage = "\xff\xff\xff\xff\x0f not a protobuf message \x0a\xff";
        grpc::Slice slice(garbage);
        grpc::ByteBuffer bytes(&slice, 1);
        call->Write(bytes, reinterpret_cast<void *>(2));
        QVERIFY(queue.Next(&tag, &ok));
        call->WritesDone(reinterpret_cast<void *>(3));
        QVERIFY(queue.Next(&tag, &ok));
        grpc::Status s;
        call->Finish(&s, reinterpret_cast<void *>(4));
        while (queue.Next(&tag, &ok) && tag != reinterpret_cast<void *>(4)) { }
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(QString::fromStdString(s.error_message()).contains("BlobChunk"),
                 s.error_message().c_str());
        queue.Shutdown();
        while (queue.Next(&tag, &ok)) { }
        QVERIFY(serving());
    }

    void onlyContentWritersUpload()
    {
        const QByteArray bytes = randomBytes(kMB);
        const QString sha = shaOf(bytes);
        const QString path = m_dir.filePath("photos/roles.jpg");
        QVERIFY(writeFile(path, bytes));
        for (const QByteArray &token : {m_kiosk, m_supervisor}) {
            const BlobUploadResult result = upload(path, sha, token);
            QVERIFY(!result.ok);
            QCOMPARE(result.code, int(grpc::StatusCode::PERMISSION_DENIED));
            v1::BlobChunk chunk = chunkOf(bytes, 0, kMB);
            chunk.set_sha256(sha.toStdString());
            chunk.set_total_size(kMB);
            v1::UploadBlobResponse response;
            QCOMPARE(int(rawUpload(token, {chunk}, &response).error_code()),
                     int(grpc::StatusCode::PERMISSION_DENIED));
        }
        // Without a token: who is asking is unknown.
        const BlobUploadResult anonymous = upload(path, sha, {});
        QCOMPARE(anonymous.code, int(grpc::StatusCode::UNAUTHENTICATED));
        QCOMPARE(filesNamed(m_blobDir, sha), QStringList());
        QVERIFY(serving());
    }

    // A blob no record the caller may see refers to: the same NOT_FOUND as a blob that does
    // not exist, so the answer tells nothing about what the server holds.
    void invisibleBlobsAreNotFoundWithoutLeaking()
    {
        const QByteArray bytes = randomBytes(kMB);
        const QString sha = shaOf(bytes);
        const QString path = m_dir.filePath("photos/private.jpg");
        QVERIFY(writeFile(path, bytes));
        QVERIFY(upload(path, sha, m_inspector).ok);
        const QString missing = shaOf("never uploaded");

        auto download = [&](const QString &which, const QByteArray &token) {
            v1::DownloadBlobRequest request;
            request.set_sha256(which.toStdString());
            grpc::ClientContext context;
            authorize(&context, token);
            auto reader = m_blobs->DownloadBlob(&context, request);
            v1::BlobChunk chunk;
            int chunks = 0;
            while (reader->Read(&chunk))
                ++chunks;
            grpc::Status s = reader->Finish();
            return qMakePair(chunks, s);
        };
        auto message = [](const grpc::Status &s, const QString &sha) {
            return QString::fromStdString(s.error_message()).replace(sha, "<sha>");
        };

        // Stored, but no record refers to it yet: nobody may download it.
        for (const QByteArray &token : {m_supervisor, m_kiosk, m_otherSupervisor}) {
            const auto [chunks, s] = download(sha, token);
            const auto [missingChunks, missingStatus] = download(missing, token);
            QCOMPARE(chunks, 0);
            QCOMPARE(int(s.error_code()), int(grpc::StatusCode::NOT_FOUND));
            QCOMPARE(int(missingStatus.error_code()), int(grpc::StatusCode::NOT_FOUND));
            QCOMPARE(message(s, sha), message(missingStatus, missing));
        }
        // A record in 郧阳区 refers to it: its supervisor may download, 淅川's may not, and
        // the kiosks see only published photos.
        QVERIFY(pushRecordWithPhoto(sha, m_inspector, m_deviceId).ok());
        QCOMPARE(download(sha, m_supervisor).second.error_code(), grpc::StatusCode::OK);
        for (const QByteArray &token : {m_otherSupervisor, m_kiosk}) {
            const auto [chunks, s] = download(sha, token);
            QCOMPARE(chunks, 0);
            QCOMPARE(int(s.error_code()), int(grpc::StatusCode::NOT_FOUND));
            QCOMPARE(message(s, sha), message(download(missing, token).second, missing));
            BlobDownloader downloader(m_channel, token);
            QVERIFY(!downloader.download(sha, m_dir.filePath("nope/" + sha)));
            QCOMPARE(downloader.lastCode(), int(grpc::StatusCode::NOT_FOUND));
            QVERIFY(!QFile::exists(m_dir.filePath("nope/" + sha)));
        }
        // Those who do not upload may ask only about what they may download; the refusal
        // is the same for a blob the server holds and one it never saw.
        v1::BlobStatusResponse st;
        const grpc::Status held = status(sha, m_otherSupervisor, &st);
        const grpc::Status never = status(missing, m_otherSupervisor, &st);
        QCOMPARE(int(held.error_code()), int(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(int(never.error_code()), int(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(held.error_message(), never.error_message());
        QVERIFY(status(sha, m_supervisor, &st).ok());
        QVERIFY(st.complete());
        QVERIFY(serving());
    }

    // A cut download keeps its part file; the next call asks only for the rest. A part that
    // is not the blob's start is found out by the hash and thrown away.
    void downloadResumesAndVerifies()
    {
        const QByteArray bytes = randomBytes(5 * kMB + 77);
        const QString sha = shaOf(bytes);
        const QString path = m_dir.filePath("photos/down.jpg");
        QVERIFY(writeFile(path, bytes));
        QVERIFY(upload(path, sha, m_inspector).ok);
        QVERIFY(pushRecordWithPhoto(sha, m_inspector, m_deviceId).ok());

        const QString target = m_dir.filePath("down/" + sha + ".jpg");
        QVERIFY(writeFile(target + ".part", bytes.left(2 * kMB)));
        BlobDownloader downloader(m_channel, m_supervisor);
        QVERIFY2(downloader.download(sha, target), qPrintable(downloader.lastError()));
        QCOMPARE(downloader.receivedBytes(), bytes.size() - 2 * kMB);
        QCOMPARE(fileSha(target), sha);
        QVERIFY(!QFile::exists(target + ".part"));

        const QString other = m_dir.filePath("down2/" + sha + ".jpg");
        QByteArray wrongStart = bytes.left(2 * kMB);
        wrongStart[100] = char(wrongStart[100] ^ 0x40);
        QVERIFY(writeFile(other + ".part", wrongStart));
        QVERIFY(!downloader.download(sha, other));
        QCOMPARE(downloader.lastCode(), int(grpc::StatusCode::DATA_LOSS));
        QVERIFY(!QFile::exists(other));
        QVERIFY(!QFile::exists(other + ".part"));
        QVERIFY2(downloader.download(sha, other), qPrintable(downloader.lastError()));
        QCOMPARE(fileSha(other), sha);

        // An offset past the end is out of range.
        v1::DownloadBlobRequest request;
        request.set_sha256(sha.toStdString());
        request.set_offset(bytes.size() + 1);
        grpc::ClientContext context;
        authorize(&context, m_supervisor);
        auto reader = m_blobs->DownloadBlob(&context, request);
        v1::BlobChunk chunk;
        QVERIFY(!reader->Read(&chunk));
        QCOMPARE(int(reader->Finish().error_code()), int(grpc::StatusCode::OUT_OF_RANGE));
    }

    // Two devices of two accounts send the same 20 MB photo at the same time: each into its
    // own partial, and what is stored is the photo, once.
    void concurrentUploadsOfOneBlobDoNotCorruptIt()
    {
        const qint64 size = 20 * kMB;
        const QByteArray bytes = randomBytes(size);
        const QString sha = shaOf(bytes);
        const QString pathA = m_dir.filePath("photos/sameA.jpg");
        const QString pathB = m_dir.filePath("photos/sameB.jpg");
        QVERIFY(writeFile(pathA, bytes));
        QVERIFY(writeFile(pathB, bytes));
        auto a = std::async(std::launch::async, [&] {
            BlobUploader uploader(channelTo(m_server->address()), m_inspector);
            uploader.setChunkBytes(256 * 1024);
            return uploader.upload({BlobFile {sha, pathA}});
        });
        auto b = std::async(std::launch::async, [&] {
            BlobUploader uploader(channelTo(m_server->address()), m_otherInspector);
            uploader.setChunkBytes(256 * 1024);
            return uploader.upload({BlobFile {sha, pathB}});
        });
        const BlobUploadResult ra = a.get();
        const BlobUploadResult rb = b.get();
        QVERIFY2(ra.ok, qPrintable(ra.error));
        QVERIFY2(rb.ok, qPrintable(rb.error));
        QCOMPARE(fileSha(m_blobDir + "/" + sha.left(2) + "/" + sha), sha);
        QCOMPARE(filesNamed(m_blobDir, sha), QStringList {sha.left(2) + "/" + sha});
        // Each device has its own upload, neither may see the other's photo: each sent it
        // whole, once.
        QCOMPARE(ra.sentBytes, size);
        QCOMPARE(rb.sentBytes, size);
    }

    // The device's whole path: a submit queues the record's photos; a sync pushes the record,
    // then sends the photos, then pulls. The record reaches a supervisor "photos pending"
    // while one photo is still on the tablet; the next sync sends it and clears the flag.
    void deviceSyncSendsQueuedPhotos()
    {
        const QString tabletDb = m_dir.filePath("tablet/inspector.db");
        const QString supervisorDb = m_dir.filePath("office/supervisor.db");
        QString error;
        QVERIFY2(logInStore(tabletDb, m_server->address(), "ins", &error), qPrintable(error));
        QVERIFY2(logInStore(supervisorDb, m_server->address(), "sup", &error), qPrintable(error));

        Database tablet;
        QVERIFY(tablet.open(tabletDb));
        const PhotoStore photos(PhotoStore::rootBeside(tabletDb));
        const QByteArray first = randomBytes(2 * kMB), second = randomBytes(3 * kMB);
        const QString firstSha = shaOf(first), secondSha = shaOf(second);
        QVERIFY(writeFile(photos.pathFor(firstSha), first));
        const QString secondParked = m_dir.filePath("tablet/parked.jpg");
        QVERIFY(writeFile(secondParked, second)); // not in the store yet: "lost" for a while

        Record r;
        r.id = QString::fromStdString(uuid());
        r.templateId = QStringLiteral("ecology_forest");
        r.templateVersion = 1;
        r.category = QStringLiteral("ecology");
        r.villageCode = QStringLiteral("420322100200");
        r.createdAtMs = r.updatedAtMs = 1764633600000;
        r.content = QStringLiteral(R"({"answers":{"photos":["%1","%2"]}})")
                        .arg(firstSha, secondSha)
                        .toUtf8();
        r.authorDeviceId = SyncMetaRepository(tablet.connection()).deviceId();
        RecordRepository records(tablet.connection());
        QVERIFY2(records.submit(r, QString::fromStdString(uuid())),
                 qPrintable(records.lastError()));
        BlobOutboxRepository outbox(tablet.connection());
        QCOMPARE(outbox.pendingCount(), 2);
        const PhotoUpload queued(tablet.connection(), photos.rootDir());
        QCOMPARE(queued.pendingBytes(), first.size()); // the one file that is there

        SyncTransport transport(m_server->address());
        SyncSession session(tablet.connection(), transport);
        qint64 lastDone = -1, lastTotal = -1;
        session.setPhotoProgress([&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        });
        SyncResult result = session.run();
        QCOMPARE(result.pushed, 1);
        QCOMPARE(result.photosUploaded, 1);
        QCOMPARE(result.photosFailed, 1);
        QVERIFY(!result.ok); // one photo is missing, and the sync says so
        QVERIFY2(result.error.contains(photos.pathFor(secondSha)), qPrintable(result.error));
        QCOMPARE(outbox.pending(), QStringList {secondSha});
        QCOMPARE(lastTotal, first.size()); // the missing file has no size to send
        QCOMPARE(lastDone, first.size());

        auto supervisorSees = [&]() -> std::optional<Record> {
            Database office;
            if (!office.open(supervisorDb))
                return std::nullopt;
            SyncTransport t(m_server->address());
            if (!SyncSession(office.connection(), t).run().ok)
                return std::nullopt;
            return RecordRepository(office.connection()).find(r.id);
        };
        std::optional<Record> seen = supervisorSees();
        QVERIFY(seen.has_value());
        QVERIFY(seen->photosPending);

        QVERIFY(QDir().mkpath(QFileInfo(photos.pathFor(secondSha)).absolutePath()));
        QVERIFY(QFile::rename(secondParked, photos.pathFor(secondSha)));
        QCOMPARE(queued.pendingBytes(), second.size());
        result = SyncSession(tablet.connection(), transport).run();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.photosUploaded, 1);
        QCOMPARE(result.pushed, 0);
        QCOMPARE(outbox.pendingCount(), 0);
        QCOMPARE(queued.pendingBytes(), 0);
        QCOMPARE(fileSha(m_blobDir + "/" + secondSha.left(2) + "/" + secondSha), secondSha);

        seen = supervisorSees();
        QVERIFY(seen.has_value());
        QVERIFY(!seen->photosPending);
        // Nothing left to send: the next sync asks nothing about photos.
        result = SyncSession(tablet.connection(), transport).run();
        QVERIFY(result.ok);
        QCOMPARE(result.photosUploaded, 0);
    }
};

QTEST_GUILESS_MAIN(TestBlobs)
#include "tst_blobs.moc"
