#include "syncsession.h"

#include "blobdownloader.h"
#include "ledgerrefusal.h"
#include "media/photostore.h"
#include "photoupload.h"
#include "problemmapping.h"
#include "publicphotos.h"
#include "recordmapping.h"
#include "storage/basemaprepository.h"
#include "storage/outboxrepository.h"
#include "storage/publicproblemquery.h"
#include "storage/pulledpagewriter.h"
#include "storage/referencedatarepository.h"
#include "storage/restorerequeue.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "syncreport.h"
#include "synctransport.h"

#include "qingshui/v1/catalog.pb.h"
#include "qingshui/v1/sync.pb.h"

#include <grpcpp/support/status.h>

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <future>

Q_LOGGING_CATEGORY(lcSync, "qs.sync")

namespace {

void setMark(const HistoryMark &mark, qingshui::v1::HistoryMark *out)
{
    out->set_server_seq(mark.serverSeq);
    out->set_fingerprint(static_cast<quint64>(mark.fingerprint));
}

HistoryMark markOf(const qingshui::v1::HistoryMark &mark)
{
    return {mark.server_seq(), static_cast<qint64>(mark.fingerprint())};
}

} // namespace

SyncResult SyncSession::run()
{
    SyncResult result;
    m_askCatalog = true;
    m_catalogAnswered = false;
    // The catalogue comes with the pull; a server that did not answer it is asked apart.
    auto catalogue = [this, &result] {
        return m_catalogAnswered || (fetchTemplates(&result) && fetchReferenceData(&result));
    };
    if (m_readOnly) {
        // Pulls only: an epoch change has nothing of this device's to queue again.
        result.ok = pullChanges(&result) && (!m_epochChanged || pullChanges(&result))
            && fetchPublicPhotos(&result) && catalogue();
        if (!result.ok)
            qCWarning(lcSync) << "read-only sync failed:" << result.error;
        return result;
    }
    result.ok = pushOutbox(&result) && uploadPhotos(&result) && pullChanges(&result);
    // A new epoch: this device's revisions were queued again; send them, then pull the
    // new history from its start (once: a second change in one sync waits for the next).
    if (result.ok && m_epochChanged)
        result.ok = pushOutbox(&result) && uploadPhotos(&result) && pullChanges(&result);
    result.ok = result.ok && catalogue();
    result.ok = result.ok && result.photosFailed == 0; // the pull ran; the error stays shown
    if (!result.ok)
        qCWarning(lcSync) << "sync failed:" << result.error;
    return result;
}

bool SyncSession::useStoredToken(SyncResult *result)
{
    if (m_tokenRead)
        return true; // each step asks; the store is read once per session
    const QString token
        = SyncMetaRepository(m_db).value(QLatin1String(SyncMetaRepository::kAuthToken));
    if (token.isEmpty()) {
        result->needsLogin = true;
        return failLocally(result, SyncErrorCode::kNotLoggedIn, {},
                           QStringLiteral("not logged in: no token in the store"));
    }
    m_transport.setToken(token.toUtf8());
    m_tokenRead = true;
    return true;
}

bool SyncSession::failed(SyncResult *result)
{
    result->error = m_transport.lastError();
    result->refusal = m_transport.lastRefusal();
    result->problem = m_transport.lastProblem();
    result->needsLogin = m_transport.needsLogin();
    return false;
}

bool SyncSession::failLocally(SyncResult *result, const char *code, const QStringList &args,
                              const QString &detail)
{
    result->error = detail;
    result->problem = {QLatin1String(code), args};
    return false;
}

bool SyncSession::pushOutbox(SyncResult *result)
{
    if (!useStoredToken(result))
        return false;
    OutboxRepository outbox(m_db);
    SyncProgress progress;
    progress.recordsTotal = outbox.pendingCount();
    if (m_progress)
        m_progress(progress);
    // Nothing to send: no call, and not even the outbox's read (a join of three tables).
    if (progress.recordsTotal == 0)
        return true;
    SyncMetaRepository meta(m_db);
    const std::string deviceId = meta.deviceId().toStdString();
    // The next batch is read and the last acknowledgement written while the server stores
    // the batch in flight: the device's work and the server's overlap. Only one push is in
    // flight at a time, and only what the server acknowledged leaves the outbox.
    struct Batch {
        qingshui::v1::PushRequest request;
        qint64 lastClientSeq = 0;
    };
    auto read = [&](qint64 after) {
        Batch batch;
        batch.request.set_device_id(deviceId);
        for (const OutboxEntry &entry : outbox.peek(kPushBatch, after)) {
            qingshui::v1::Op *op = batch.request.add_ops();
            op->set_op_id(entry.opId.toStdString());
            op->set_client_seq(entry.clientSeq);
            if (entry.review)
                toProto(*entry.review, op->mutable_review());
            else if (entry.problem)
                toProto(*entry.problem, op->mutable_problem());
            else if (entry.signoff)
                toProto(*entry.signoff, op->mutable_signoff());
            else
                toProto(entry.record, op->mutable_upsert_record());
            batch.lastClientSeq = entry.clientSeq;
        }
        return batch;
    };
    // The furthest place in the server's history known: stored, then each answer's head.
    HistoryMark known = meta.historyMark();
    auto send = [this, &known](Batch &batch, qingshui::v1::PushResponse *response) {
        // The time it leaves: the server keeps how far this clock is off with the revisions.
        batch.request.set_device_time_ms(m_clock());
        setMark(known, batch.request.mutable_known());
        return std::async(std::launch::async, [this, &batch, response] {
            return m_transport.push(batch.request, response);
        });
    };

    Batch current = read(0);
    if (current.request.ops_size() == 0)
        return true;
    qingshui::v1::PushResponse response;
    std::future<bool> inFlight = send(current, &response);
    for (;;) {
        Batch next = read(current.lastClientSeq);
        if (!inFlight.get()) {
            // The server was restored from a copy: nothing of this batch was stored. The pull
            // that follows re-converges this device, then the outbox goes out again.
            if (historyChanged())
                return true;
            // A decision on a record or revision the server does not know, or a ledger op its
            // rules refuse, refuses the whole batch: find it, set it aside with the server's
            // words, and push the rest.
            if (m_transport.lastCode() == int(grpc::StatusCode::FAILED_PRECONDITION)
                || isLedgerRefusal(m_transport.lastProblem().code))
                return setAsideRefusedReview(current.request, result) && pushOutbox(result);
            return failed(result);
        }
        const qingshui::v1::PushResponse answered = response;
        const int sent = current.request.ops_size();
        int acked = 0;
        for (const qingshui::v1::Op &op : current.request.ops())
            acked += op.client_seq() <= answered.acked_client_seq() ? 1 : 0;
        const bool more = acked == sent && next.request.ops_size() > 0;
        known = HistoryMark::further(known, markOf(answered.head()));
        if (more) {
            current = std::move(next);
            inFlight = send(current, &response);
        }
        // The same mark is stored with the acknowledgement (further than the stored one).
        const bool stored
            = outbox.acknowledge(answered.acked_client_seq(), markOf(answered.head()));
        if (more && !stored)
            inFlight.wait(); // nothing is left running when this session returns
        if (!stored) {
            return failLocally(result, SyncErrorCode::kLocalStore, {outbox.lastError()},
                               QStringLiteral("local store: %1").arg(outbox.lastError()));
        }
        result->pushed += acked;
        if (m_progress) {
            progress.recordsDone = result->pushed;
            // Submits made while the push runs join it.
            progress.recordsTotal = std::max(progress.recordsTotal, progress.recordsDone);
            m_progress(progress);
        }
        if (acked < sent) {
            return failLocally(
                result, SyncErrorCode::kPartialAck, {QString::number(acked), QString::number(sent)},
                QStringLiteral("the server acknowledged %1 of %2").arg(acked).arg(sent));
        }
        if (!more)
            return true;
    }
}

bool SyncSession::historyChanged() const
{
    return m_transport.lastCode() == int(grpc::StatusCode::FAILED_PRECONDITION)
        && m_transport.lastRefusal().code == QLatin1String("history_changed");
}

bool SyncSession::setAsideRefusedReview(const qingshui::v1::PushRequest &refused,
                                        SyncResult *result)
{
    // Rare (a server restored from an old backup): one op at a time, in order.
    OutboxRepository outbox(m_db);
    SyncMetaRepository meta(m_db);
    for (const qingshui::v1::Op &op : refused.ops()) {
        qingshui::v1::PushRequest single;
        single.set_device_id(refused.device_id());
        *single.add_ops() = op;
        single.set_device_time_ms(m_clock());
        setMark(meta.historyMark(), single.mutable_known());
        qingshui::v1::PushResponse response;
        if (m_transport.push(single, &response)) {
            if (!outbox.acknowledge(response.acked_client_seq(), markOf(response.head()))) {
                return failLocally(result, SyncErrorCode::kLocalStore, {outbox.lastError()},
                                   QStringLiteral("local store: %1").arg(outbox.lastError()));
            }
            ++result->pushed;
            continue;
        }
        if (historyChanged())
            return true; // the pull re-converges first: nothing is set aside for that
        // Decisions and the ledger's ops are set aside; a record's content never is.
        const bool ledgerOp = op.has_problem() || op.has_signoff();
        const bool final = ledgerOp
            ? isLedgerRefusal(m_transport.lastProblem().code)
            : (op.has_review()
               && m_transport.lastCode() == int(grpc::StatusCode::FAILED_PRECONDITION));
        if (!final)
            return failed(result);
        const QString why
            = QStringLiteral("the server refused the op: %1").arg(m_transport.lastError());
        const Refusal problem = m_transport.lastProblem();
        if (!outbox.setAside(op.client_seq(), why, problem.code, problem.args)) {
            return failLocally(result, SyncErrorCode::kLocalStore, {outbox.lastError()},
                               QStringLiteral("local store: %1").arg(outbox.lastError()));
        }
        if (op.has_review()) {
            ++result->reviewsSetAside;
            qCWarning(lcSync) << "review" << op.review().id().c_str() << "set aside:" << why;
        } else {
            ++result->ledgerOpsSetAside;
            qCWarning(lcSync) << "ledger op" << op.op_id().c_str() << "set aside:" << why;
        }
        return true; // the rest go out in batches again
    }
    return true;
}

bool SyncSession::uploadPhotos(SyncResult *result)
{
    if (!useStoredToken(result))
        return false;
    PhotoUpload photos(m_db, PhotoStore::rootBeside(m_db.databaseName()));
    BlobUploader uploader(m_transport.channel(), m_transport.token());
    uploader.setProgress(m_photoProgress);
    const BlobUploadResult sent = photos.run(uploader);
    result->photosUploaded += int(sent.completed.size());
    result->photosFailed = int(sent.failed.size());
    if (sent.ok)
        return true;
    result->error = sent.error;
    result->problem = sent.refusal;
    result->needsLogin = sent.code == int(grpc::StatusCode::UNAUTHENTICATED);
    return !sent.interrupted;
}

bool SyncSession::fetchPublicPhotos(SyncResult *result)
{
    if (!useStoredToken(result))
        return false;
    PublicPhotos photos(m_db, PhotoStore::rootBeside(m_db.databaseName()));
    BlobDownloader downloader(m_transport.channel(), m_transport.token());
    const PublicPhotosResult fetched = photos.run(downloader);
    if (!fetched.storeError.isEmpty()) {
        return failLocally(result, SyncErrorCode::kLocalStore, {fetched.storeError},
                           QStringLiteral("local store: %1").arg(fetched.storeError));
    }
    result->publicPhotosFetched += fetched.downloaded;
    result->publicPhotosMissing = fetched.failed;
    result->publicPhotosRemoved += fetched.removed;
    if (fetched.failed > 0)
        qCWarning(lcSync) << fetched.failed << "public photos not fetched:" << fetched.error;
    if (!fetched.interrupted)
        return true;
    result->error = fetched.error;
    result->needsLogin = downloader.lastCode() == int(grpc::StatusCode::UNAUTHENTICATED);
    return false;
}

bool SyncSession::pullChanges(SyncResult *result)
{
    if (!useStoredToken(result))
        return false;
    SyncMetaRepository meta(m_db);
    PulledPageWriter pages(m_db);
    // The same questions on every page (the transport's read-ahead asks the next page alike);
    // the page that ends the pull answers them.
    qingshui::v1::CatalogQuestions catalog;
    if (m_askCatalog) {
        *catalog.mutable_templates() = templatesQuestion();
        *catalog.mutable_reference() = referenceQuestion();
    }
    for (;;) {
        StoredCursor stored {meta.pullCursor(), meta.serverEpoch(), meta.historyMark()};
        qingshui::v1::PullRequest request;
        request.set_since_server_seq(stored.cursor);
        request.set_page_size(kPullPage);
        request.set_known_epoch(stored.epoch.toStdString());
        setMark(stored.mark, request.mutable_known());
        if (m_askCatalog)
            *request.mutable_catalog() = catalog;
        qingshui::v1::PullResponse response;
        if (!m_transport.pull(request, &response))
            return failed(result);
        const QString epoch = QString::fromStdString(response.server_epoch());
        if (response.epoch_changed() && !m_epochChanged) {
            m_epochChanged = true;
            int decisions = 0;
            RestoreRequeue requeue(m_db);
            const int requeued = requeue.requeueOwnRevisions(meta.deviceId(), epoch, &decisions);
            if (requeued < 0) {
                return failLocally(result, SyncErrorCode::kLocalStore, {requeue.lastError()},
                                   QStringLiteral("local store: %1").arg(requeue.lastError()));
            }
            result->requeued += requeued;
            result->reviewsRequeued += decisions;
            ++result->historyChanges;
            qCInfo(lcSync) << "the server's history changed (epoch" << epoch << "): queued"
                           << requeued << "revisions and" << decisions << "decisions again";
            return true;
        }
        PulledPage page;
        page.nextServerSeq = response.next_server_seq();
        page.nextFingerprint = static_cast<qint64>(response.next_fingerprint());
        page.epoch = epoch;
        page.records.reserve(response.changes_size());
        for (const auto &change : response.changes()) {
            switch (change.item_case()) {
            case qingshui::v1::Change::kRecord: {
                Record r = fromProto(change.record());
                r.serverSeq = change.server_seq();
                r.photosPending = change.photos_pending();
                r.conflictWith = change.conflict_with_server_seq();
                r.deviceClockSkewMs = change.device_clock_skew_ms();
                r.serverFingerprint = static_cast<qint64>(change.fingerprint());
                page.records << r;
                break;
            }
            case qingshui::v1::Change::kReview: {
                ReviewEvent e = fromProto(change.review());
                e.serverSeq = change.server_seq();
                page.reviews << e;
                break;
            }
            case qingshui::v1::Change::kPhotosArrived:
                page.photosArrived
                    << std::pair {QString::fromStdString(change.photos_arrived().record_id()),
                                  static_cast<qint64>(change.photos_arrived().record_server_seq())};
                break;
            case qingshui::v1::Change::kPublicWithdrawn:
                page.withdrawn << QString::fromStdString(change.public_withdrawn().record_id());
                break;
            case qingshui::v1::Change::kProblem: {
                ProblemEvent e = fromProto(change.problem());
                e.serverSeq = change.server_seq();
                page.problemEvents << e;
                break;
            }
            case qingshui::v1::Change::kSignoff: {
                LedgerSignoff s = fromProto(change.signoff());
                s.serverSeq = change.server_seq();
                page.signoffs << s;
                break;
            }
            case qingshui::v1::Change::kPublicProblem:
                page.publicProblems << fromProto(change.public_problem());
                break;
            default:
                break; // a kind of change this version does not know: skip it
            }
        }
        page.endsPull = !response.has_more();
        for (const auto &tally : response.closure_tallies())
            page.closureTallies << fromProto(tally);
        if (!changesNothing(page, stored) && !pages.apply(page)) {
            return failLocally(result, SyncErrorCode::kLocalStore, {pages.lastError()},
                               QStringLiteral("local store: %1").arg(pages.lastError()));
        }
        if (!response.has_more() && response.has_catalog()) {
            if (!storeTemplates(response.catalog().templates(), result)
                || !storeReferenceData(catalog.reference(), response.catalog().reference(), result))
                return false;
            m_catalogAnswered = true;
        }
        result->pulled += response.changes_size();
        if (m_progress) {
            SyncProgress progress;
            progress.stage = SyncProgress::Pulling;
            progress.recordsDone = result->pulled;
            m_progress(progress);
        }
        if (!response.has_more())
            return true;
    }
}

bool SyncSession::changesNothing(const PulledPage &page, const StoredCursor &stored) const
{
    if (!page.records.isEmpty() || !page.reviews.isEmpty() || !page.photosArrived.isEmpty()
        || !page.withdrawn.isEmpty() || !page.problemEvents.isEmpty() || !page.signoffs.isEmpty()
        || !page.publicProblems.isEmpty())
        return false;
    const HistoryMark kept
        = HistoryMark::further(stored.mark, {page.nextServerSeq, page.nextFingerprint});
    if (page.nextServerSeq != stored.cursor || page.epoch != stored.epoch
        || kept.serverSeq != stored.mark.serverSeq || kept.fingerprint != stored.mark.fingerprint)
        return false;
    if (!page.endsPull)
        return true;
    // The last page replaces the closure tallies (kiosks): unchanged only if they are equal.
    const std::optional<QList<ClosureTally>> tallies = PublicProblemQuery(m_db).tallies();
    if (!tallies || tallies->size() != page.closureTallies.size())
        return false;
    QList<ClosureTally> pulled = page.closureTallies;
    std::sort(pulled.begin(), pulled.end(),
              [](const ClosureTally &a, const ClosureTally &b) { return a.unitCode < b.unitCode; });
    for (qsizetype i = 0; i < pulled.size(); ++i) {
        const ClosureTally &a = pulled.at(i);
        const ClosureTally &b = tallies->at(i);
        if (a.unitCode != b.unitCode || a.raised != b.raised || a.closed != b.closed)
            return false;
    }
    return true;
}

qingshui::v1::ListTemplatesRequest SyncSession::templatesQuestion() const
{
    qingshui::v1::ListTemplatesRequest request;
    const QHash<QString, int> known = TemplateRepository(m_db).knownVersions();
    for (auto it = known.begin(); it != known.end(); ++it) {
        qingshui::v1::TemplateVersion *k = request.add_known();
        k->set_id(it.key().toStdString());
        k->set_version(it.value());
    }
    return request;
}

qingshui::v1::ReferenceDataRequest SyncSession::referenceQuestion() const
{
    qingshui::v1::ReferenceDataRequest request;
    request.set_known_version(ReferenceDataRepository(m_db).version());
    // A kiosk shows no basemap; every other device learns its scope's packages here, in
    // what it asks anyway (docs/sync.md, "Basemaps").
    request.set_wants_basemaps(!m_readOnly);
    return request;
}

bool SyncSession::fetchTemplates(SyncResult *result)
{
    qingshui::v1::ListTemplatesResponse response;
    if (!m_transport.listTemplates(templatesQuestion(), &response))
        return failed(result);
    return storeTemplates(response, result);
}

bool SyncSession::storeTemplates(const qingshui::v1::ListTemplatesResponse &response,
                                 SyncResult *result)
{
    if (response.definitions_size() == 0)
        return true;
    QList<QByteArray> definitions;
    for (const std::string &d : response.definitions())
        definitions << QByteArray::fromStdString(d);
    // Each must parse as a template, or none is stored and the sync says why.
    TemplateRepository templates(m_db);
    if (!templates.storeDefinitions(definitions)) {
        return failLocally(
            result, SyncErrorCode::kBadCatalogue, {templates.lastError()},
            QStringLiteral("invalid template from the server: %1").arg(templates.lastError()));
    }
    result->templatesAdded += definitions.size();
    return true;
}

bool SyncSession::fetchReferenceData(SyncResult *result)
{
    const qingshui::v1::ReferenceDataRequest request = referenceQuestion();
    qingshui::v1::ReferenceDataResponse response;
    if (!m_transport.referenceData(request, &response))
        return failed(result);
    return storeReferenceData(request, response, result);
}

bool SyncSession::storeReferenceData(const qingshui::v1::ReferenceDataRequest &request,
                                     const qingshui::v1::ReferenceDataResponse &response,
                                     SyncResult *result)
{
    if (request.wants_basemaps() && !storeBasemaps(response, result))
        return false;
    if (response.version() <= request.known_version() || response.units_size() == 0)
        return true;
    QList<PairedUnit> units;
    for (const auto &u : response.units()) {
        units << PairedUnit {QString::fromStdString(u.code()),
                             QString::fromStdString(u.name()),
                             QString::fromStdString(u.name_en()),
                             QString::fromStdString(u.prefecture_name()),
                             QString::fromStdString(u.province_name()),
                             QString::fromStdString(u.zone()),
                             u.upstream(),
                             QString::fromStdString(u.partner_district_code()),
                             QString::fromStdString(u.partner_district_name())};
    }
    QList<Township> townships;
    for (const auto &t : response.townships())
        townships << Township {QString::fromStdString(t.code()), QString::fromStdString(t.name()),
                               QString::fromStdString(t.county_code())};
    QList<Village> villages;
    for (const auto &v : response.villages())
        villages << Village {QString::fromStdString(v.code()), QString::fromStdString(v.name()),
                             QString::fromStdString(v.township_code())};
    ReferenceDataRepository reference(m_db);
    if (!reference.replaceAll(units, townships, villages, response.version())) {
        return failLocally(result, SyncErrorCode::kLocalStore, {reference.lastError()},
                           QStringLiteral("local store: %1").arg(reference.lastError()));
    }
    result->referenceVersion = response.version();
    return true;
}

bool SyncSession::storeBasemaps(const qingshui::v1::ReferenceDataResponse &response,
                                SyncResult *result)
{
    QList<StoredBasemap> offered;
    for (const auto &p : response.basemaps()) {
        StoredBasemap b;
        b.sha256 = QString::fromStdString(p.sha256());
        b.serverId = p.id();
        b.name = QString::fromStdString(p.name());
        b.scopeCode = QString::fromStdString(p.scope_code());
        b.datum = QString::fromStdString(p.datum());
        b.sizeBytes = p.size_bytes();
        b.addedAtMs = p.added_at_ms();
        // A name that is no SHA-256 would make no file name: the server is wrong, skip it.
        static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
        if (b.serverId > 0 && sha.match(b.sha256).hasMatch() && b.sizeBytes > 0)
            offered << b;
    }
    BasemapRepository basemaps(m_db);
    if (!basemaps.storeOffered(offered)) {
        return failLocally(result, SyncErrorCode::kLocalStore, {basemaps.lastError()},
                           QStringLiteral("local store: %1").arg(basemaps.lastError()));
    }
    result->basemapsToFetch = int(basemaps.toFetch().size());
    return true;
}
