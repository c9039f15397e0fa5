// Photos grant nothing by name, tell nothing to those who may not see them, and each device's
// upload is its own — through real qingshui-server processes on loopback:
// - an inspector of another county who learned a photo's SHA-256 (from an export) names it in
//   a record of theirs: their supervisor still cannot download it, nobody of theirs learns
//   whether it exists or how big it is, the record stays "photos pending", and a publication
//   cannot show it — until that inspector uploads the bytes themselves;
// - a second device, of another account or of the same, racing an upload in progress cannot
//   reset it, move it or add to it;
// - an upload resumed through a second server process on the same database and blob folder,
//   chunk by chunk across both, and after the first one is SIGKILLed;
// - an abandoned upload (its row and its file) is swept.
#include "blobcalls.h"
#include "blobuploader.h"
#include "serverprocess.h"
#include "testtoken.h"

#include "qingshui/v1/blobs.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <future>
#include <thread>

namespace v1 = qingshui::v1;

namespace {

// One server's files and the accounts of two counties: 郧阳区 (420322) and 淅川县 (411326).
struct Site {
    QString dbPath;
    QString blobDir;
    std::unique_ptr<ServerProcess> server;
    std::shared_ptr<grpc::Channel> channel;

    bool create(const QString &dir)
    {
        dbPath = dir + "/server.db";
        blobDir = dbPath + ".blobs";
        server = std::make_unique<ServerProcess>(dbPath);
        return server->addUser("ins", "inspector", "420322")
            && server->addUser("colleague", "inspector", "420322")
            && server->addUser("ins2", "inspector", "411326")
            && server->addUser("sup", "supervisor", "420322")
            && server->addUser("sup2", "supervisor", "411326") && server->start()
            && (channel = channelTo(server->address()));
    }
};

grpc::Status blobStatus(const std::shared_ptr<grpc::Channel> &channel, const QString &sha,
                        const QByteArray &token, v1::BlobStatusResponse *out)
{
    v1::BlobStatusRequest request;
    request.set_sha256(sha.toStdString());
    grpc::ClientContext context;
    authorize(&context, token);
    return v1::Blobs::NewStub(channel)->BlobStatus(&context, request, out);
}

// One UploadBlob call with these chunks (the first names the blob and its size).
grpc::Status rawUpload(const std::shared_ptr<grpc::Channel> &channel, const QByteArray &token,
                       const QString &sha, qint64 totalSize, std::vector<v1::BlobChunk> chunks,
                       v1::UploadBlobResponse *response)
{
    if (!chunks.empty()) {
        chunks[0].set_sha256(sha.toStdString());
        chunks[0].set_total_size(totalSize);
    }
    auto stub = v1::Blobs::NewStub(channel);
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

// Every chunk a download sends, and how it ended.
QPair<int, grpc::Status> download(const std::shared_ptr<grpc::Channel> &channel, const QString &sha,
                                  const QByteArray &token, QByteArray *bytes)
{
    v1::DownloadBlobRequest request;
    request.set_sha256(sha.toStdString());
    grpc::ClientContext context;
    authorize(&context, token);
    auto reader = v1::Blobs::NewStub(channel)->DownloadBlob(&context, request);
    v1::BlobChunk chunk;
    int chunks = 0;
    while (reader->Read(&chunk)) {
        ++chunks;
        bytes->append(QByteArray::fromStdString(chunk.data()));
    }
    return qMakePair(chunks, reader->Finish());
}

// The error message with the hash taken out: what is left must not depend on the blob.
std::string withoutSha(const grpc::Status &s, const QString &sha)
{
    return QString::fromStdString(s.error_message()).replace(sha, "<sha>").toStdString();
}

grpc::Status pushRecord(const std::shared_ptr<grpc::Channel> &channel, const QByteArray &token,
                        const std::string &deviceId, const std::string &recordId,
                        const std::string &village, const QStringList &photos)
{
    static std::atomic<qint64> clientSeq {1};
    v1::PushRequest request;
    request.set_device_id(deviceId);
    v1::Op *op = request.add_ops();
    op->set_op_id(uuid());
    op->set_client_seq(clientSeq++);
    v1::Record *r = op->mutable_upsert_record();
    r->set_id(recordId);
    r->set_template_id("ecology_forest");
    r->set_template_version(1);
    r->set_category("ecology");
    r->set_village_code(village);
    r->set_status(v1::RECORD_STATUS_SUBMITTED);
    r->set_content(QStringLiteral("{\"answers\":{\"photos\":[\"%1\"]}}")
                       .arg(photos.join("\",\""))
                       .toStdString());
    r->set_author_device_id(deviceId);
    for (const QString &sha : photos)
        r->add_photo_sha256(sha.toStdString());
    v1::PushResponse response;
    grpc::ClientContext context;
    authorize(&context, token);
    return v1::Sync::NewStub(channel)->Push(&context, request, &response);
}

// Every change the account may pull, all pages.
std::vector<v1::Change> pullAll(const std::shared_ptr<grpc::Channel> &channel,
                                const QByteArray &token)
{
    std::vector<v1::Change> changes;
    qint64 cursor = 0;
    std::string epoch;
    for (;;) {
        v1::PullRequest request;
        request.set_since_server_seq(cursor);
        request.set_page_size(100);
        request.set_known_epoch(epoch);
        v1::PullResponse response;
        grpc::ClientContext context;
        authorize(&context, token);
        if (!v1::Sync::NewStub(channel)->Pull(&context, request, &response).ok())
            return {};
        for (const v1::Change &c : response.changes())
            changes.push_back(c);
        cursor = response.next_server_seq();
        epoch = response.server_epoch();
        if (!response.has_more())
            return changes;
    }
}

// The newest revision of a record among pulled changes (null if none).
const v1::Change *revisionOf(const std::vector<v1::Change> &changes, const std::string &id)
{
    const v1::Change *found = nullptr;
    for (const v1::Change &c : changes) {
        if (c.has_record() && c.record().id() == id)
            found = &c;
    }
    return found;
}

bool photosArrivedFor(const std::vector<v1::Change> &changes, const std::string &id)
{
    return std::any_of(changes.begin(), changes.end(), [&](const v1::Change &c) {
        return c.has_photos_arrived() && c.photos_arrived().record_id() == id;
    });
}

} // namespace

class TestBlobAccess : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Site m_site;
    QByteArray m_inspector; // 郧阳区, device m_device
    QByteArray m_inspectorOtherTablet; // the same account on a second tablet
    QByteArray m_colleague; // another inspector of 郧阳区
    QByteArray m_otherInspector; // 淅川县
    QByteArray m_supervisor; // 郧阳区
    QByteArray m_otherSupervisor; // 淅川县
    std::string m_device = uuid();
    std::string m_otherDevice = uuid();
    std::string m_colleagueDevice = uuid();

    using Photo = TestPhoto;
    Photo photo(qint64 size, const char *name)
    {
        return newTestPhoto(QDir(m_dir.path()), size, name);
    }

    BlobUploadResult upload(const Photo &p, const QByteArray &token,
                            std::shared_ptr<grpc::Channel> channel = {}, qint64 chunkBytes = 0)
    {
        BlobUploader uploader(channel ? channel : m_site.channel, token);
        if (chunkBytes > 0)
            uploader.setChunkBytes(chunkBytes);
        return uploader.upload({BlobFile {p.sha, p.path}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_site.create(m_dir.filePath("site")));
        QString error;
        const auto channel = m_site.channel;
        QVERIFY2(logInForToken(channel, "ins", m_device, &m_inspector, &error), qPrintable(error));
        QVERIFY2(logInForToken(channel, "ins", uuid(), &m_inspectorOtherTablet, &error),
                 qPrintable(error));
        QVERIFY2(logInForToken(channel, "colleague", m_colleagueDevice, &m_colleague, &error),
                 qPrintable(error));
        QVERIFY2(logInForToken(channel, "ins2", m_otherDevice, &m_otherInspector, &error),
                 qPrintable(error));
        QVERIFY2(logInForToken(channel, "sup", uuid(), &m_supervisor, &error), qPrintable(error));
        QVERIFY2(logInForToken(channel, "sup2", uuid(), &m_otherSupervisor, &error),
                 qPrintable(error));
    }

    // The hole: a record of 淅川县 names a 郧阳区 photo by its hash. It grants nothing until
    // its inspector sends the bytes.
    void learnedHashGrantsNothing()
    {
        const auto channel = m_site.channel;
        const Photo p = photo(2 * kMB + 333, "yunyang.jpg");
        const QString missing = shaOf("a photo nobody ever took");
        QVERIFY(upload(p, m_inspector).ok);
        const std::string own = uuid();
        QVERIFY(pushRecord(channel, m_inspector, m_device, own, "420322100200", {p.sha}).ok());
        QByteArray got;
        QCOMPARE(download(channel, p.sha, m_supervisor, &got).second.error_code(),
                 grpc::StatusCode::OK);
        QCOMPARE(got, p.bytes);

        // 淅川's inspector learned the hash and names it: the push is accepted (records go
        // before their photos), and nothing else follows from it.
        const std::string named = uuid();
        QVERIFY(pushRecord(channel, m_otherInspector, m_otherDevice, named, "411326100200", {p.sha})
                    .ok());

        // 淅川's supervisor: the same refusals as for a photo that does not exist.
        got.clear();
        const auto [chunks, refused] = download(channel, p.sha, m_otherSupervisor, &got);
        QByteArray nothing;
        const auto [missingChunks, missingRefused]
            = download(channel, missing, m_otherSupervisor, &nothing);
        QCOMPARE(chunks, 0);
        QVERIFY(got.isEmpty());
        QCOMPARE(refused.error_code(), grpc::StatusCode::NOT_FOUND);
        QCOMPARE(missingRefused.error_code(), grpc::StatusCode::NOT_FOUND);
        QCOMPARE(withoutSha(refused, p.sha), withoutSha(missingRefused, missing));
        v1::BlobStatusResponse st, missingSt;
        const grpc::Status asked = blobStatus(channel, p.sha, m_otherSupervisor, &st);
        const grpc::Status askedMissing
            = blobStatus(channel, missing, m_otherSupervisor, &missingSt);
        QCOMPARE(asked.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE(withoutSha(asked, p.sha), withoutSha(askedMissing, missing));

        // The record stays "photos pending" for them; the original's stays complete.
        std::vector<v1::Change> seen = pullAll(channel, m_otherSupervisor);
        const v1::Change *namedRevision = revisionOf(seen, named);
        QVERIFY(namedRevision);
        QVERIFY(namedRevision->photos_pending());
        QVERIFY(!revisionOf(seen, own)); // 郧阳区's record is not theirs to see
        const v1::Change *ownRevision = revisionOf(pullAll(channel, m_supervisor), own);
        QVERIFY(ownRevision);
        QVERIFY(!ownRevision->photos_pending());

        // 淅川's inspector hears of the photo exactly what it would of one that does not
        // exist: nothing stored, nothing received, and an upload that starts from byte 0.
        QVERIFY(blobStatus(channel, p.sha, m_otherInspector, &st).ok());
        QVERIFY(blobStatus(channel, missing, m_otherInspector, &missingSt).ok());
        QVERIFY(!st.complete());
        QCOMPARE(st.SerializeAsString(), missingSt.SerializeAsString());
        v1::UploadBlobResponse response, missingResponse;
        QVERIFY(rawUpload(channel, m_otherInspector, p.sha, p.bytes.size(),
                          {chunkOf(p.bytes, 0, kMB)}, &response)
                    .ok());
        QVERIFY(rawUpload(channel, m_otherInspector, missing, p.bytes.size(),
                          {chunkOf(p.bytes, 0, kMB)}, &missingResponse)
                    .ok());
        QVERIFY(!response.complete());
        QCOMPARE(response.SerializeAsString(), missingResponse.SerializeAsString());
        // Bytes that are not the photo, to the end: the same DATA_LOSS as for any other name.
        const QByteArray wrong = randomBytes(p.bytes.size());
        const grpc::Status lied = rawUpload(channel, m_otherInspector, p.sha, p.bytes.size(),
                                            {chunkOf(wrong, kMB, wrong.size() - kMB)}, &response);
        const grpc::Status liedMissing
            = rawUpload(channel, m_otherInspector, missing, p.bytes.size(),
                        {chunkOf(wrong, kMB, wrong.size() - kMB)}, &missingResponse);
        QCOMPARE(lied.error_code(), grpc::StatusCode::DATA_LOSS);
        QCOMPARE(withoutSha(lied, p.sha), withoutSha(liedMissing, missing));
        QCOMPARE(download(channel, p.sha, m_otherSupervisor, &got).second.error_code(),
                 grpc::StatusCode::NOT_FOUND);
        // The photo itself is unharmed.
        QCOMPARE(fileSha(m_site.blobDir + "/" + p.sha.left(2) + "/" + p.sha), p.sha);

        // Once 淅川's inspector sends the bytes — all of them — the record has its photo.
        const BlobUploadResult sent = upload(p, m_otherInspector);
        QVERIFY2(sent.ok, qPrintable(sent.error));
        QCOMPARE(sent.sentBytes, p.bytes.size());
        got.clear();
        QCOMPARE(download(channel, p.sha, m_otherSupervisor, &got).second.error_code(),
                 grpc::StatusCode::OK);
        QCOMPARE(got, p.bytes);
        seen = pullAll(channel, m_otherSupervisor);
        QVERIFY(!revisionOf(seen, named)->photos_pending());
        QVERIFY(photosArrivedFor(seen, named));
        QCOMPARE(filesNamed(m_site.blobDir, p.sha), QStringList {p.sha.left(2) + "/" + p.sha});
    }

    // A colleague of the same county edits a record whose photo they never had: they may
    // see it, so naming it is no claim, and the revision is complete at once.
    void aPhotoTheCallerMaySeeCountsAtOnce()
    {
        const auto channel = m_site.channel;
        const Photo p = photo(kMB, "seen.jpg");
        QVERIFY(upload(p, m_inspector).ok);
        const std::string id = uuid();
        QVERIFY(pushRecord(channel, m_inspector, m_device, id, "420322100200", {p.sha}).ok());
        QVERIFY(
            pushRecord(channel, m_colleague, m_colleagueDevice, id, "420322100200", {p.sha}).ok());
        const std::vector<v1::Change> seen = pullAll(channel, m_supervisor);
        int revisions = 0;
        for (const v1::Change &c : seen) {
            if (c.has_record() && c.record().id() == id) {
                ++revisions;
                QVERIFY(!c.photos_pending());
            }
        }
        QCOMPARE(revisions, 2);
    }

    // Another account's device, and the same account's second tablet, try everything on an
    // upload in progress: a smaller total size (which used to restart the shared partial),
    // a chunk at the upload's offset, a chunk from 0. The upload does not move; its device
    // resumes exactly where it was and sends each byte once.
    void anotherDeviceCannotDisturbAnUpload()
    {
        const auto channel = m_site.channel;
        const Photo p = photo(6 * kMB, "in-progress.jpg");
        v1::UploadBlobResponse response;
        std::vector<v1::BlobChunk> firstHalf;
        for (qint64 offset = 0; offset < 3 * kMB; offset += kMB)
            firstHalf.push_back(chunkOf(p.bytes, offset, kMB));
        QVERIFY(rawUpload(channel, m_inspector, p.sha, p.bytes.size(), firstHalf, &response).ok());
        QCOMPARE(response.received_bytes(), 3 * kMB);

        for (const QByteArray &token : {m_otherInspector, m_inspectorOtherTablet}) {
            v1::BlobStatusResponse st;
            QVERIFY(blobStatus(channel, p.sha, token, &st).ok());
            QCOMPARE(st.received_bytes(), 0); // its own upload: none yet
            QCOMPARE(
                rawUpload(channel, token, p.sha, 1, {chunkOf("x", 0, 1)}, &response).error_code(),
                grpc::StatusCode::DATA_LOSS);
            QCOMPARE(rawUpload(channel, token, p.sha, p.bytes.size(),
                               {chunkOf(p.bytes, 3 * kMB, kMB)}, &response)
                         .error_code(),
                     grpc::StatusCode::FAILED_PRECONDITION);
            QVERIFY(rawUpload(channel, token, p.sha, p.bytes.size(),
                              {chunkOf(randomBytes(kMB), 0, kMB)}, &response)
                        .ok());
            QCOMPARE(response.received_bytes(), kMB); // into its own partial
        }
        v1::BlobStatusResponse st;
        QVERIFY(blobStatus(channel, p.sha, m_inspector, &st).ok());
        QCOMPARE(st.received_bytes(), 3 * kMB);
        const BlobUploadResult resumed = upload(p, m_inspector);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(resumed.sentBytes, 3 * kMB);
        QCOMPARE(fileSha(m_site.blobDir + "/" + p.sha.left(2) + "/" + p.sha), p.sha);
    }

    // The same, at the same time: while one device uploads 12 MB in 256 KB chunks, a device
    // of another account hammers the same blob with resets and chunks at every offset. The
    // upload never notices: it sends each byte once and the stored blob is the photo.
    void racingDeviceCannotDisturbAnUpload()
    {
        const Photo p = photo(12 * kMB, "raced.jpg");
        std::atomic<bool> done {false};
        std::atomic<int> attempts {0};
        auto racer = std::async(std::launch::async, [&] {
            const auto channel = channelTo(m_site.server->address());
            const QByteArray junk = randomBytes(256 * 1024);
            for (qint64 offset = 0; !done; offset = (offset + 256 * 1024) % p.bytes.size()) {
                v1::UploadBlobResponse response;
                rawUpload(channel, m_otherInspector, p.sha, 1, {chunkOf("x", 0, 1)}, &response);
                v1::BlobChunk chunk = chunkOf(junk, 0, junk.size());
                chunk.set_offset(offset);
                rawUpload(channel, m_otherInspector, p.sha, p.bytes.size(), {chunk}, &response);
                ++attempts;
            }
        });
        while (attempts == 0) // the racer is under way before the upload starts
            std::this_thread::yield();
        const BlobUploadResult result
            = upload(p, m_inspector, channelTo(m_site.server->address()), 256 * 1024);
        done = true;
        racer.get();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.sentBytes, p.bytes.size());
        QCOMPARE(fileSha(m_site.blobDir + "/" + p.sha.left(2) + "/" + p.sha), p.sha);
    }

    // Two server processes on one database and one blob folder, as behind one address: the
    // chunks of one upload alternate between them, each sees the other's offset; then the
    // first is SIGKILLed mid-upload and the second finishes the upload from where it was.
    // The record's "photos pending" ends on both.
    void uploadResumesThroughASecondServerProcess()
    {
        const auto first = m_site.channel;
        ServerProcess second(m_site.dbPath);
        QVERIFY(second.start());
        const auto other = channelTo(second.address());

        const Photo p = photo(6 * kMB + 77, "two-servers.jpg");
        const std::string id = uuid();
        QVERIFY(pushRecord(first, m_inspector, m_device, id, "420322100200", {p.sha}).ok());
        QVERIFY(revisionOf(pullAll(other, m_supervisor), id)->photos_pending());
        for (qint64 offset = 0, i = 0; offset < 4 * kMB; offset += kMB, ++i) {
            const auto via = i % 2 == 0 ? first : other;
            v1::UploadBlobResponse response;
            QVERIFY(rawUpload(via, m_inspector, p.sha, p.bytes.size(),
                              {chunkOf(p.bytes, offset, kMB)}, &response)
                        .ok());
            QCOMPARE(response.received_bytes(), offset + kMB);
            for (const auto &channel : {first, other}) {
                v1::BlobStatusResponse st;
                QVERIFY(blobStatus(channel, p.sha, m_inspector, &st).ok());
                QCOMPARE(st.received_bytes(), offset + kMB);
            }
        }

        // A fifth chunk reaches the first server, which is killed with the stream open.
        {
            grpc::ClientContext context;
            authorize(&context, m_inspector);
            v1::UploadBlobResponse response;
            auto writer = v1::Blobs::NewStub(first)->UploadBlob(&context, &response);
            v1::BlobChunk chunk = chunkOf(p.bytes, 4 * kMB, kMB);
            chunk.set_sha256(p.sha.toStdString());
            chunk.set_total_size(p.bytes.size());
            QVERIFY(writer->Write(chunk));
            v1::BlobStatusResponse st;
            QTRY_VERIFY_WITH_TIMEOUT(blobStatus(other, p.sha, m_inspector, &st).ok()
                                         && st.received_bytes() == 5 * kMB,
                                     30000);
            m_site.server->kill();
            writer->WritesDone();
            QVERIFY(!writer->Finish().ok());
        }
        const BlobUploadResult resumed = upload(p, m_inspector, other);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(resumed.sentBytes, p.bytes.size() - 5 * kMB);
        QCOMPARE(fileSha(m_site.blobDir + "/" + p.sha.left(2) + "/" + p.sha), p.sha);
        QCOMPARE(filesNamed(m_site.blobDir, p.sha), QStringList {p.sha.left(2) + "/" + p.sha});

        const std::vector<v1::Change> seen = pullAll(other, m_supervisor);
        QVERIFY(!revisionOf(seen, id)->photos_pending());
        QVERIFY(photosArrivedFor(seen, id));
        QByteArray got;
        QCOMPARE(download(other, p.sha, m_supervisor, &got).second.error_code(),
                 grpc::StatusCode::OK);
        QCOMPARE(got, p.bytes);

        // The first server again, on the same files: it sees the same.
        second.stop();
        QVERIFY(m_site.server->start());
        m_site.channel = channelTo(m_site.server->address());
        QVERIFY(!revisionOf(pullAll(m_site.channel, m_supervisor), id)->photos_pending());
    }

    // An upload nobody has added to for longer than --partial-max-age-days goes at the next
    // start: its row (the device starts from 0) and its file.
    void abandonedUploadsAreSwept()
    {
        const Photo p = photo(2 * kMB, "abandoned.jpg");
        v1::UploadBlobResponse response;
        QVERIFY(rawUpload(m_site.channel, m_inspector, p.sha, p.bytes.size(),
                          {chunkOf(p.bytes, 0, kMB)}, &response)
                    .ok());
        QCOMPARE(filesNamed(m_site.blobDir + "/partial", p.sha).size(), 1);
        m_site.server->stop();
        QTest::qWait(1500); // older than the limit below (0.00001 days = 0.864 s)
        QVERIFY(m_site.server->start({"--partial-max-age-days", "0.00001"}));
        m_site.channel = channelTo(m_site.server->address());
        QTRY_COMPARE_WITH_TIMEOUT(filesNamed(m_site.blobDir + "/partial", p.sha).size(), 0, 10000);
        v1::BlobStatusResponse st;
        QVERIFY(blobStatus(m_site.channel, p.sha, m_inspector, &st).ok());
        QCOMPARE(st.received_bytes(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBlobAccess)
#include "tst_blobaccess.moc"
