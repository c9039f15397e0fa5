#include "servicehost.h"

#include "controllers/basemapcontroller.h"
#include "controllers/cameracontroller.h"
#include "controllers/dashboardcontroller.h"
#include "controllers/enrolmentcontroller.h"
#include "controllers/figurescontroller.h"
#include "controllers/formcontroller.h"
#include "controllers/inspectorcontroller.h"
#include "controllers/kioskcontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/ledgerboardcontroller.h"
#include "controllers/ledgercontroller.h"
#include "controllers/logincontroller.h"
#include "controllers/maplayercontroller.h"
#include "controllers/photofetchcontroller.h"
#include "controllers/positionstatus.h"
#include "controllers/recordviewcontroller.h"
#include "controllers/reviewcontroller.h"
#include "controllers/services.h"
#include "controllers/settingscontroller.h"
#include "controllers/villagepickercontroller.h"
#include "domain/templatecatalog.h"
#include "media/cameraframesource.h"
#include "media/camerasource.h"
#include "media/photostore.h"
#include "models/ledgerlistmodel.h"
#include "models/recordlistmodel.h"
#include "models/synclogmodel.h"
#include "models/unitlistmodel.h"
#include "photofetcher.h"
#include "positioning/gpscapture.h"
#include "positioning/qtpositionprovider.h"
#include "storage/database.h"
#include "storage/demodata.h"
#include "storage/enrolmentrepository.h"
#include "storage/outboxrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/searchindexer.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "storage/walcheckpointer.h"
#include "syncengine.h"

#include "controllers/kioskdemodata.h"
#include "controllers/publicfeed.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHost, "qs.host")

namespace {

// Renames a store that will not open (and its -wal/-shm, and its search index's files) to
// <db>.corrupt-<UTC time>.
bool moveStoreAside(const QString &dbPath)
{
    const QString aside = dbPath + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
    if (!QFile::rename(dbPath, aside)) {
        qCCritical(lcHost) << "the kiosk's store" << dbPath << "will not open and cannot be moved";
        return false;
    }
    for (const char *suffix : {"-wal", "-shm", "-search", "-search-wal", "-search-shm"})
        QFile::rename(dbPath + QLatin1String(suffix), aside + QLatin1String(suffix));
    qCWarning(lcHost).noquote() << "the kiosk's store" << dbPath << "will not open; kept it as"
                                << aside
                                << "and started on an empty one (bundled content until a sync)";
    return true;
}

} // namespace

ServiceHost::ServiceHost(QObject *parent) : QObject(parent)
{
}

ServiceHost::~ServiceHost() = default;

bool ServiceHost::start(const Options &options)
{
    m_mode = options.mode;
    const bool kiosk = m_mode == QLatin1String("kiosk");
    if (!kiosk && m_mode != QLatin1String("inspector") && m_mode != QLatin1String("supervisor")) {
        m_error = QStringLiteral("no such face of the app: %1").arg(m_mode);
        return false;
    }
    if (!openStore(options))
        return false;
    buildCommon(options);
    if (kiosk) {
        buildKiosk(options);
    } else {
        buildAccount(options);
        if (m_mode == QLatin1String("inspector"))
            buildInspector(options);
        else
            buildSupervisor(options);
    }
    publish();
    return true;
}

bool ServiceHost::openStore(const Options &options)
{
    // Saves on this (the UI) thread never checkpoint; a thread of their own does.
    m_db = std::make_unique<Database>();
    if (!m_db->open(options.dbPath, Database::ManualCheckpoints)) {
        // A kiosk's store is only a cache of the public feed: keep the bad file aside and
        // start empty (bundled content; the next sync fills it). Other modes fail loudly.
        if (options.mode != QLatin1String("kiosk") || !moveStoreAside(options.dbPath)) {
            m_error = m_db->error();
            return false;
        }
        m_db = std::make_unique<Database>();
        if (!m_db->open(options.dbPath, Database::ManualCheckpoints)) {
            m_error = m_db->error();
            return false;
        }
    }
    m_checkpointer = std::make_unique<WalCheckpointer>(options.dbPath);
    // Full-text indexing off the save and pull paths; searches are exact meanwhile.
    m_searchIndexer = std::make_unique<SearchIndexer>(options.dbPath);
    QSqlDatabase db = m_db->connection();
    ReferenceDataRepository reference(db);
    if (!reference.loadIfEmpty()) {
        m_error = QStringLiteral("reference data: %1").arg(reference.lastError());
        return false;
    }
    TemplateRepository templates(db);
    const QList<QByteArray> definitions = bundledTemplateDefinitions(&m_error);
    if (definitions.isEmpty() || !templates.storeDefinitions(definitions)) {
        m_error = QStringLiteral("checklist templates: %1")
                      .arg(m_error.isEmpty() ? templates.lastError() : m_error);
        return false;
    }
    m_photoDirectory = QFileInfo(options.dbPath).absolutePath() + QStringLiteral("/photos");
    m_deviceId = SyncMetaRepository(db).deviceId();
    return true;
}

// Every face: the sync engine, the language, the login, the photos beside the store (named
// by their SHA-256).
void ServiceHost::buildCommon(const Options &options)
{
    QSqlDatabase db = m_db->connection();
    SyncEngineOptions syncOptions;
    syncOptions.databasePath = options.dbPath;
    syncOptions.serverAddress = options.serverAddress;
    syncOptions.photoDirectory = m_photoDirectory;
    // The checkpointer copies the log back for the sync thread's writes too.
    syncOptions.checkpoints = Database::ManualCheckpoints;
    syncOptions.readOnly = m_mode == QLatin1String("kiosk"); // only pulls the public feed
    m_sync = std::make_unique<SyncEngine>(syncOptions);
    m_sync->setServerAddress(
        EnrolmentRepository(db).server().overriddenBy(options.serverAddress).address);
    // The records waiting to be sent are counted on the sync thread, beside the first frame:
    // on a cold store that count read half of the pages the UI thread read before its first
    // frame (853 of 1,704 with 70,666 queued).
    m_sync->refreshPendingRecords();
    // The index and the log's copy into the store follow a pull page by page (each on its own
    // thread) instead of at their next tick: what is left once the pull ends is one page's.
    connect(m_sync.get(), &SyncEngine::progressChanged, this, [this] {
        if (m_sync->stage() == SyncEngine::Pulling) {
            m_searchIndexer->wake();
            m_checkpointer->wake();
        }
    });
    m_login = std::make_unique<LoginController>(options.dbPath, options.serverAddress);
    connect(m_login.get(), &LoginController::loggedInNow, m_sync.get(), &SyncEngine::syncNow);
    connect(m_login.get(), &LoginController::loggedInNow, this, &ServiceHost::checkAccountMode);
    m_language = std::make_unique<LanguageController>();
    m_language->setLanguage(options.language.isEmpty() ? LanguageController::savedLanguage()
                                                       : options.language);
    m_photos = std::make_unique<PhotoStore>(m_photoDirectory);
}

// Inspector and supervisor: the account and its server (wireEnrolment), the records, the
// checklist templates and the village picker their lists filter by.
void ServiceHost::buildAccount(const Options &options)
{
    QSqlDatabase db = m_db->connection();
    if (options.seedDemo)
        DemoData::seedIfEmpty(db, m_deviceId);
    QHash<QString, RecordListModel::TemplateInfo> templateInfo;
    for (const FormTemplate &t : TemplateRepository(db).latestAll()) {
        RecordListModel::TemplateInfo &info = templateInfo[t.id];
        info.title = t.title;
        for (const Question *q : t.allQuestions()) {
            if (q->type == QuestionType::Text)
                info.textQuestionIds << q->id;
        }
    }
    m_records = std::make_unique<RecordListModel>(db, templateInfo);
    m_records->setPhotoStore(m_photos.get()); // the rows' 照片未到齐 (n/m)
    m_villagePicker = std::make_unique<VillagePickerController>(db);
    m_inspector = std::make_unique<InspectorController>(db);
    RecordListModel *records = m_records.get();
    SyncEngine *sync = m_sync.get();
    connect(m_language.get(), &LanguageController::languageChanged, records,
            &RecordListModel::retranslate);
    connect(m_language.get(), &LanguageController::languageChanged, m_inspector.get(),
            &InspectorController::templatesChanged);
    connect(sync, &SyncEngine::catalogChanged, m_inspector.get(),
            &InspectorController::templatesChanged);
    connect(sync, &SyncEngine::finished, records, [records](bool, int pushed, int pulled) {
        if (pushed > 0 || pulled > 0)
            records->reload();
    });
    wireEnrolment(options);
    // Basemaps come with the sync's reference data; each sync then fetches what is new.
    BasemapController::Options basemapOptions;
    basemapOptions.databasePath = options.dbPath;
    basemapOptions.serverAddress = options.serverAddress;
    basemapOptions.directory
        = QFileInfo(options.dbPath).absolutePath() + QStringLiteral("/basemaps");
    m_basemaps = std::make_unique<BasemapController>(db, basemapOptions, sync->network());
    connect(sync, &SyncEngine::finished, m_basemaps.get(), [basemaps = m_basemaps.get()] {
        basemaps->refresh();
        basemaps->fetch();
    });
}

// Inspector: the GPS, the form and the camera that fill a record.
void ServiceHost::buildInspector(const Options &options)
{
    QSqlDatabase db = m_db->connection();
    m_positionProvider = options.nmeaPath.isEmpty()
        ? QtPositionProvider::createSystem(this)
        : QtPositionProvider::createNmeaReplay(options.nmeaPath, this);
    m_position = std::make_unique<PositionStatus>(m_positionProvider);
    m_gps = std::make_unique<GpsCapture>(m_positionProvider);
    m_form = std::make_unique<FormController>(db, m_deviceId, m_gps.get(), m_photos.get(),
                                              m_position.get());
    m_camera = std::make_unique<CameraSource>();
    m_cameraController = std::make_unique<CameraController>(m_camera.get(), m_form.get());
    RecordListModel *records = m_records.get();
    SyncEngine *sync = m_sync.get();
    connect(m_form.get(), &FormController::submitted, records, &RecordListModel::reload);
    connect(m_form.get(), &FormController::discarded, records, &RecordListModel::reload);
    // After a submit: sync unless a backoff is being waited out; count what waits either way.
    connect(m_form.get(), &FormController::submitted, sync, [sync, db] {
        sync->setPendingCount(OutboxRepository(db).pendingCount());
        sync->requestSync();
        sync->refreshPending();
    });
    connect(m_form.get(), &FormController::submitted, m_settings.get(),
            &SettingsController::refresh);
    connect(m_language.get(), &LanguageController::languageChanged, m_form.get(),
            &FormController::retranslate);
    buildLedger(m_position.get());
    m_cameraController->setLedger(m_ledger.get()); // a fix or a re-check photographed
    // A problem raised on a form waits in the outbox too.
    connect(m_form.get(), &FormController::problemsChanged, m_ledger.get(),
            &LedgerController::reload);
    buildMapLayers();
    MapLayerController *layers = m_mapLayers.get();
    connect(m_form.get(), &FormController::submitted, layers, &MapLayerController::reload);
    connect(m_form.get(), &FormController::discarded, layers, &MapLayerController::reload);
}

// The map's layers: read again after a sync that changed the store and after a step taken
// here; while no map is shown they only note it (MapLayerController::active).
void ServiceHost::buildMapLayers()
{
    m_mapLayers = std::make_unique<MapLayerController>(m_db->connection());
    MapLayerController *layers = m_mapLayers.get();
    connect(m_sync.get(), &SyncEngine::finished, layers, [layers](bool, int pushed, int pulled) {
        if (pushed > 0 || pulled > 0)
            layers->reload();
    });
    connect(m_ledger.get(), &LedgerController::recorded, layers, &MapLayerController::reload);
}

// The rectification ledger: a step waits in the outbox and goes with the next sync; a pull
// brings the others' steps.
void ServiceHost::buildLedger(PositionStatus *position)
{
    QSqlDatabase db = m_db->connection();
    m_ledger = std::make_unique<LedgerController>(db, m_photos.get(), position);
    SyncEngine *sync = m_sync.get();
    LedgerController *ledger = m_ledger.get();
    connect(ledger, &LedgerController::recorded, sync, [sync, db] {
        sync->setPendingCount(OutboxRepository(db).pendingCount());
        sync->requestSync();
    });
    connect(ledger, &LedgerController::recorded, m_settings.get(), &SettingsController::refresh);
    connect(sync, &SyncEngine::finished, ledger, [ledger](bool, int pushed, int pulled) {
        if (pushed > 0 || pulled > 0)
            ledger->refresh();
    });
    connect(m_language.get(), &LanguageController::languageChanged, ledger,
            &LedgerController::refresh);
}

// Supervisor: the record view and its past revisions, decisions, the dashboard, and the
// photos that come by sync — after each pull the review queue's, in the background; a
// record view's first.
void ServiceHost::buildSupervisor(const Options &options)
{
    QSqlDatabase db = m_db->connection();
    PhotoFetcherOptions fetchOptions;
    fetchOptions.databasePath = options.dbPath;
    fetchOptions.serverAddress = options.serverAddress;
    fetchOptions.photoDirectory = m_photoDirectory;
    fetchOptions.checkpoints = Database::ManualCheckpoints;
    m_photoFetcher = std::make_unique<PhotoFetcher>(fetchOptions);
    m_photoStatus = std::make_unique<PhotoFetchController>(m_photoFetcher.get(), db);
    PhotoFetcher *fetcher = m_photoFetcher.get();
    RecordListModel *records = m_records.get();
    SyncEngine *sync = m_sync.get();
    connect(sync, &SyncEngine::finished, fetcher, [fetcher](bool ok) {
        if (ok)
            fetcher->refill(); // only a supervisor's or an admin's store fetches
    });
    connect(m_language.get(), &LanguageController::languageChanged, m_photoStatus.get(),
            &PhotoFetchController::retranslate);
    // A photo arrived: the queue's rows that refer to it count their n/m again (the record
    // views connect themselves).
    connect(fetcher, &PhotoFetcher::photoArrived, records, &RecordListModel::photoArrived);

    m_recordView = std::make_unique<RecordViewController>(db, m_photos.get(), fetcher);
    // A past revision beside the record view (the one a conflict overwrote), read-only. It
    // shows no pictures, so it asks for none.
    m_revisionView = std::make_unique<RecordViewController>(db, m_photos.get());
    for (RecordViewController *view : {m_recordView.get(), m_revisionView.get()})
        connect(m_language.get(), &LanguageController::languageChanged, view,
                &RecordViewController::retranslate);
    // A pull may end "photos pending" for the record on screen.
    connect(sync, &SyncEngine::finished, m_recordView.get(),
            &RecordViewController::refreshPhotoCounts);

    m_dashboard = std::make_unique<DashboardController>(db, m_photoDirectory, records, fetcher);
    m_review = std::make_unique<ReviewController>(db);
    m_review->setPhotoStore(m_photos.get()); // approving with photos missing asks first
    // A decision waits in the outbox: count it and send it.
    connect(m_review.get(), &ReviewController::decided, sync, [sync, db, records] {
        records->reload();
        sync->setPendingCount(OutboxRepository(db).pendingCount());
        sync->requestSync();
    });
    connect(m_review.get(), &ReviewController::decided, m_settings.get(),
            &SettingsController::refresh);
    buildLedger(nullptr); // a desk has no GPS
    // The supervisor's map shows the queue's filter, which is also the dashboard's selection.
    buildMapLayers();
    MapLayerController *layers = m_mapLayers.get();
    layers->setFilter(records->filter());
    connect(records, &RecordListModel::filterChanged, layers,
            [records, layers] { layers->setFilter(records->filter()); });
    connect(m_review.get(), &ReviewController::decided, layers, &MapLayerController::reload);
    m_ledger->setPhotoFetcher(fetcher);
    // 整改台账: the filtered list and its board, read again after a sync or a step.
    m_ledgerList = std::make_unique<LedgerListModel>(db);
    m_ledgerBoard = std::make_unique<LedgerBoardController>(db, m_ledgerList.get());
    LedgerListModel *ledgerList = m_ledgerList.get();
    LedgerBoardController *board = m_ledgerBoard.get();
    connect(m_ledger.get(), &LedgerController::recorded, ledgerList, &LedgerListModel::reload);
    connect(board, &LedgerBoardController::recorded, ledgerList, &LedgerListModel::reload);
    connect(m_ledger.get(), &LedgerController::recorded, board, &LedgerBoardController::refresh);
    connect(ledgerList, &LedgerListModel::filterChanged, board, &LedgerBoardController::refresh);
    connect(board, &LedgerBoardController::recorded, sync, [sync, db] {
        sync->setPendingCount(OutboxRepository(db).pendingCount());
        sync->requestSync();
    });
    connect(sync, &SyncEngine::finished, board, [ledgerList, board](bool, int pushed, int pulled) {
        if (pushed > 0 || pulled > 0) {
            ledgerList->reload();
            board->refresh();
        }
    });
    connect(m_language.get(), &LanguageController::languageChanged, ledgerList,
            &LedgerListModel::reload);
    connect(m_language.get(), &LanguageController::languageChanged, board,
            &LedgerBoardController::refresh);
}

// Kiosk: its own config and admin PIN, the published records, the record card, the map's
// units and the achievement figures — each refreshed after a sync.
void ServiceHost::buildKiosk(const Options &options)
{
    QSqlDatabase db = m_db->connection();
    if (options.seedDemo)
        KioskDemoData::seedIfEmpty(db, *m_photos);
    const ReferenceDataRepository reference(db);
    m_units = std::make_unique<UnitListModel>(reference.units());
    SyncEngine *sync = m_sync.get();
    m_publicFeed = std::make_unique<PublicFeed>(db, m_photos.get());
    PublicFeed *feed = m_publicFeed.get();
    connect(sync, &SyncEngine::finished, feed, [feed](bool, int, int pulled) {
        if (pulled > 0)
            feed->reload();
    });
    connect(sync, &SyncEngine::publicPhotosChanged, feed, &PublicFeed::reload);
    connect(m_language.get(), &LanguageController::languageChanged, feed, &PublicFeed::reload);
    // The record card (public records carry their photos: no fetching).
    m_recordView = std::make_unique<RecordViewController>(db, m_photos.get());
    connect(m_language.get(), &LanguageController::languageChanged, m_recordView.get(),
            &RecordViewController::retranslate);
    m_kiosk = std::make_unique<KioskController>(
        options.kioskConfigPath.isEmpty() ? KioskConfig::defaultPath() : options.kioskConfigPath,
        sync);
    m_figures = std::make_unique<FiguresController>(db, reference.units());
    connect(sync, &SyncEngine::finished, m_figures.get(), &FiguresController::syncFinished);
    connect(m_language.get(), &LanguageController::languageChanged, m_figures.get(),
            &FiguresController::languageChanged);
}

void ServiceHost::publish()
{
    m_services = std::make_unique<Services>();
    Services &s = *m_services;
    s.mode = m_mode;
    s.sync = m_sync.get();
    s.language = m_language.get();
    s.login = m_login.get();
    s.enrolment = m_enrolment.get();
    s.settings = m_settings.get();
    s.records = m_records.get();
    s.inspector = m_inspector.get();
    s.villagePicker = m_villagePicker.get();
    s.position = m_position.get();
    s.gps = m_gps.get();
    s.form = m_form.get();
    s.camera = m_cameraController.get();
    s.ledger = m_ledger.get();
    s.basemaps = m_basemaps.get();
    s.mapLayers = m_mapLayers.get();
    s.recordView = m_recordView.get();
    s.revisionView = m_revisionView.get();
    s.review = m_review.get();
    s.dashboard = m_dashboard.get();
    s.photos = m_photoStatus.get();
    s.ledgerList = m_ledgerList.get();
    s.ledgerBoard = m_ledgerBoard.get();
    s.units = m_units.get();
    s.kiosk = m_kiosk.get();
    s.figures = m_figures.get();
    s.publicFeed = m_publicFeed.get();
}

// The server and the account: the 连接服务器 page, the settings page, the login, and the
// sync engine all learn at once when one of them changes the store's server or login.
void ServiceHost::wireEnrolment(const Options &options)
{
    QSqlDatabase db = m_db->connection();
    SyncEngine *sync = m_sync.get();
    LoginController *login = m_login.get();
    FrameSource *frames = options.qrFrames;
    if (!frames) {
        m_ownQrFrames = std::make_unique<CameraFrameSource>();
        frames = m_ownQrFrames.get();
    }
    m_enrolment
        = std::make_unique<EnrolmentController>(db, !options.serverAddress.isEmpty(), frames);
    m_settings = std::make_unique<SettingsController>(db, options.serverAddress);
    EnrolmentController *enrolment = m_enrolment.get();
    SettingsController *settings = m_settings.get();

    connect(enrolment, &EnrolmentController::enrolled, this, [this, login, settings, sync] {
        login->refresh();
        settings->refresh();
        sync->setServerAddress(settings->serverAddress());
        sync->syncNow();
        checkAccountMode();
    });
    connect(login, &LoginController::loggedInNow, settings, &SettingsController::refresh);
    connect(settings, &SettingsController::loggedOut, login, &LoginController::refresh);
    connect(settings, &SettingsController::serverForgotten, this,
            [login, enrolment, settings, sync] {
                login->refresh();
                enrolment->refresh();
                sync->setServerAddress(settings->serverAddress());
            });
    connect(sync, &SyncEngine::finished, settings, &SettingsController::refresh);
    connect(m_language.get(), &LanguageController::languageChanged, settings,
            &SettingsController::refresh);
}

void ServiceHost::checkAccountMode()
{
    const QString mode = modeForRole(EnrolmentRepository(m_db->connection()).account().role);
    if (!mode.isEmpty() && mode != m_mode)
        emit accountModeChanged(mode);
}
