#pragma once

#include "blobuploader.h"
#include "refusal.h"
#include "storage/historymark.h"
#include "syncprogress.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <functional>

class SyncTransport;
namespace qingshui::v1 {
class CatalogQuestions;
class ListTemplatesRequest;
class ListTemplatesResponse;
class PushRequest;
class ReferenceDataRequest;
class ReferenceDataResponse;
} // namespace qingshui::v1
struct PulledPage;

struct SyncResult {
    bool ok = false;
    int pushed = 0; // outbox entries the server acknowledged
    int pulled = 0; // changes stored from the server
    bool needsLogin = false; // the server did not accept this device's token
    int requeued = 0; // revisions sent again because the server's history changed
    int reviewsRequeued = 0; // acknowledged decisions sent again for the same reason
    // Times this sync found the server's history changed (a restore, another server) and
    // re-converged: 0 or 1.
    int historyChanges = 0;
    int templatesAdded = 0; // checklist template versions new to this device
    int referenceVersion = 0; // a newer reference-data version stored by this sync (0: none)
    int photosUploaded = 0; // photos the server now holds that were queued here
    int photosFailed = 0; // photos still queued after an error (result.error says why)
    int reviewsSetAside = 0; // decisions the server refused for good (OutboxRepository)
    int ledgerOpsSetAside = 0; // ledger events and sign-offs the server refused for good
    int publicPhotosFetched = 0; // read-only: photos of public copies downloaded
    int publicPhotosMissing = 0; // read-only: listed photos not fetched (next sync tries again)
    int publicPhotosRemoved = 0; // read-only: files no public copy lists any more
    int basemapsToFetch = 0; // basemap packages offered to this device and not on it yet
    QString error; // what happened, in English, for logs
    Refusal refusal; // what the server said of the failure, when it said it
    // Why it failed, for the user to read worded in their language (SyncErrorText): the
    // server's refusal, or one of syncreport.h's SyncErrorCode with its arguments.
    Refusal problem;
};

// One sync of a local store: push the whole outbox, send the photos it refers to (records
// are accepted before their photos: "photos pending" until these arrive), pull every page
// since the cursor, asking with it for new checklist templates, reference regions and the
// basemap list (PullRequest.catalog); a server that did not answer them (older than issue 18)
// is asked with ListTemplates and ReferenceData. With nothing to send or fetch that is one
// call, and nothing is written to the store.
// If the server's history changed (restored from a backup), queue this device's own
// revisions again, push them and pull from the start. Blocking; run it on the thread that
// owns the connection.
// Read-only (a kiosk): nothing is pushed or uploaded, whatever the store holds; after the
// pull the photos the public copies list are fetched and the unlisted ones deleted.
class SyncSession {
public:
    SyncSession(QSqlDatabase db, SyncTransport &transport) : m_db(db), m_transport(transport) { }

    SyncResult run();
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    // Read-only: fetches the photos the pulled copies list into the photo folder beside the
    // store; a photo that fails is only counted. False when the server cannot be used.
    bool fetchPublicPhotos(SyncResult *result);
    bool pushOutbox(SyncResult *result);
    // False only when the server cannot be used (connection, token); a photo that fails on
    // its own is counted in photosFailed and the sync goes on to pull.
    bool uploadPhotos(SyncResult *result);
    bool pullChanges(SyncResult *result);
    // run() sets it: the pull asks for the catalogue too (answered: catalogAnswered()).
    void setAskCatalog(bool ask) { m_askCatalog = ask; }
    bool catalogAnswered() const { return m_catalogAnswered; }
    // Fetches the checklist template versions this device lacks.
    bool fetchTemplates(SyncResult *result);
    // Fetches the server's reference regions if they are newer than the device's, and (not
    // read-only) the list of basemap packages for this device's scope (BasemapRepository).
    bool fetchReferenceData(SyncResult *result);

    // Bytes of photos sent (and on the server already) of those queued at the start.
    void setPhotoProgress(BlobUploader::Progress progress)
    {
        m_photoProgress = std::move(progress);
    }

    // The device's clock (ms since the epoch), sent with each pushed batch
    // (PushRequest.device_time_ms). The system clock unless a test sets one that is off.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // Called after every batch pushed and every page stored, on the session's thread.
    using ProgressCallback = std::function<void(const SyncProgress &)>;
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    static constexpr int kPushBatch = 2000;
    static constexpr int kPullPage = 1000;

private:
    bool useStoredToken(SyncResult *result);
    bool failed(SyncResult *result);
    // A failure found on this side: code (SyncErrorCode) and args for the user, detail for logs.
    static bool failLocally(SyncResult *result, const char *code, const QStringList &args,
                            const QString &detail);
    // The questions the catalogue calls (or the pull) ask, and what their answers bring.
    qingshui::v1::ListTemplatesRequest templatesQuestion() const;
    qingshui::v1::ReferenceDataRequest referenceQuestion() const;
    bool storeTemplates(const qingshui::v1::ListTemplatesResponse &response, SyncResult *result);
    bool storeReferenceData(const qingshui::v1::ReferenceDataRequest &request,
                            const qingshui::v1::ReferenceDataResponse &response,
                            SyncResult *result);
    // The reply's basemap list becomes what this device is offered.
    bool storeBasemaps(const qingshui::v1::ReferenceDataResponse &response, SyncResult *result);
    // Where the store's pull stood when the page was asked for.
    struct StoredCursor {
        qint64 cursor = 0;
        QString epoch;
        HistoryMark mark;
    };
    // The page brings nothing the store does not hold: storing it would only rewrite the
    // same cursor (a commit, an fsync) on every sync with nothing to do.
    bool changesNothing(const PulledPage &page, const StoredCursor &stored) const;
    // Pushes a refused batch op by op and sets the refused decision or ledger op aside.
    bool setAsideRefusedReview(const qingshui::v1::PushRequest &refused, SyncResult *result);
    // The last push was refused because this device's known mark is of another history.
    bool historyChanged() const;

    QSqlDatabase m_db;
    SyncTransport &m_transport;
    bool m_epochChanged = false;
    bool m_readOnly = false;
    bool m_askCatalog = false;
    bool m_tokenRead = false;
    bool m_catalogAnswered = false;
    BlobUploader::Progress m_photoProgress;
    ProgressCallback m_progress;
    std::function<qint64()> m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
};
